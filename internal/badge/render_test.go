package badge_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"ketnoi/internal/badge"
)

// zbar decodes every QR code in an image file with Debian's zbarimg, a
// decoder that owes nothing to the encoder used here.
func zbar(t *testing.T, file string) []string {
	t.Helper()
	out, err := exec.Command("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file).Output()
	if err != nil {
		t.Fatalf("zbarimg %s: %v (%s)", file, err, out)
	}
	return strings.Fields(string(out))
}

func TestPNGDecodesAndVerifies(t *testing.T) {
	k := mustKey(t, 5)
	tok, err := badge.Sign(k, badge.Claims{EventID: 3, RegistrationID: 77, Version: 1, Category: "press", Days: []string{"2027-03-11"}})
	if err != nil {
		t.Fatal(err)
	}
	img, err := badge.PNG(tok, 6)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "badge.png")
	must(t, os.WriteFile(file, img, 0o644))
	got := zbar(t, file)
	if len(got) != 1 || got[0] != tok {
		t.Fatalf("zbarimg read %q, want the token", got)
	}
	c, err := badge.Verify(badge.KeySet{5: k.Public()}, got[0])
	if err != nil || c.RegistrationID != 77 || c.Category != "press" {
		t.Fatalf("decoded token: %+v, %v", c, err)
	}
}

func TestPDFDecodesAndVerifies(t *testing.T) {
	k := mustKey(t, 1)
	keys := badge.KeySet{1: k.Public()}
	people := []struct{ name, org string }{
		{"Nguyễn Thị Phương Thảo", "Viện Cơ khí Năng lượng và Mỏ"},
		{"김민준", "한국생산기술연구원"},
		{"Jane O'Neil", "Acme Robotics"},
	}
	var cards []badge.Card
	var toks []string
	for i, p := range people {
		tok, err := badge.Sign(k, badge.Claims{EventID: 1, RegistrationID: int64(100 + i), Version: 1, Category: "delegate"})
		if err != nil {
			t.Fatal(err)
		}
		toks = append(toks, tok)
		cards = append(cards, badge.Card{Name: p.name, Organization: p.org, JobTitle: "Giám đốc", CategoryLabel: "ĐẠI BIỂU",
			Color: badge.CategoryColors["delegate"], Token: tok, Number: "#" + tok[4:10]})
	}
	for _, f := range []badge.Format{badge.A6, badge.CR80} {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			must(t, badge.PDF(&b, f, cards))
			dir := t.TempDir()
			pdf := filepath.Join(dir, "badges.pdf")
			must(t, os.WriteFile(pdf, b.Bytes(), 0o644))
			out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", pdf, filepath.Join(dir, "page")).CombinedOutput()
			if err != nil {
				t.Fatalf("pdftoppm: %v %s", err, out)
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
			if len(pages) != len(cards) {
				t.Fatalf("%d pages, want one per card (%d)", len(pages), len(cards))
			}
			for i, p := range pages {
				got := zbar(t, p)
				if len(got) != 1 || got[0] != toks[i] {
					t.Fatalf("page %d: zbarimg read %q, want %q", i+1, got, toks[i])
				}
				if _, err := badge.Verify(keys, got[0]); err != nil {
					t.Fatalf("page %d: %v", i+1, err)
				}
			}
			txt, err := exec.Command("pdftotext", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			text := strings.Join(strings.Fields(string(txt)), " ") // names wrap
			for _, p := range people {
				if !strings.Contains(text, p.name) {
					t.Errorf("%s badge PDF lacks the name %q (fonts must cover the script): %q", f, p.name, txt)
				}
			}
		})
	}
}

func TestPDFUnknownFormat(t *testing.T) {
	if err := badge.PDF(&bytes.Buffer{}, "letter", nil); err == nil {
		t.Fatal("unknown format accepted")
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestPDFNamesBeyondTheFonts: a registrant who types an emoji in their
// name still gets a badge, without the emoji (the PDF failed).
func TestPDFNamesBeyondTheFonts(t *testing.T) {
	var b bytes.Buffer
	err := badge.PDF(&b, badge.A6, []badge.Card{{Name: "Anna 😀", Organization: "QA 𝕏", CategoryLabel: "KHÁCH", Color: "#0b6e4f", Token: "t", Number: "1"}})
	if err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatalf("badge with an emoji: %v", err)
	}
}
