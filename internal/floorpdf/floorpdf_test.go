package floorpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func plan() Plan {
	return Plan{Title: "Hội chợ Nhà máy Thông minh — Sảnh A", Subtitle: "30 × 20 m", Width: 30, Depth: 20, Legend: "Đơn vị trưng bày",
		Booths: []Booth{
			{Code: "A-101", X: 0, Y: 0, W: 3, H: 3, Status: "sold", Name: "Công ty Điện tử Bình Dương"},
			{Code: "A-102", X: 3, Y: 0, W: 3, H: 3, Status: "sold", Name: "한빛로보틱스", Fallback: "Hanbit Robotics"},
			{Code: "A-103", X: 6, Y: 0, W: 3, H: 3, Status: "free"},
		},
		Features: []Feature{{Kind: "pillar", X: 15, Y: 10, W: 1, H: 1}}}
}

// TestWriteTextLayer checks the PDF's text, as pdftotext reads it back:
// Vietnamese names keep their diacritics; a Korean name is drawn in Hangul
// when the font is there and in English when it is not.
func TestWriteTextLayer(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed to read the PDF back")
	}
	ko, err := os.ReadFile(HangulFontPath)
	if err != nil {
		t.Fatalf("the Hangul font is needed (Debian fonts-nanum): %v", err)
	}
	for _, tc := range []struct {
		name      string
		font      []byte
		want, not string
	}{
		{"with Hangul font", ko, "한빛로보틱스", "Hanbit"},
		{"without", nil, "Hanbit Robotics", "한빛"},
	} {
		txt := render(t, tc.font)
		if !strings.Contains(txt, "Công ty Điện tử Bình Dương") || !strings.Contains(txt, "A-103") || !strings.Contains(txt, "Sảnh A") {
			t.Errorf("%s: text layer lacks the Vietnamese name or a code:\n%s", tc.name, txt)
		}
		if !strings.Contains(txt, tc.want) || strings.Contains(txt, tc.not) {
			t.Errorf("%s: want %q and not %q in:\n%s", tc.name, tc.want, tc.not, txt)
		}
	}
}

func render(t *testing.T, ko []byte) string {
	var buf bytes.Buffer
	if err := write(&buf, plan(), ko); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestWriteNamesBeyondTheFonts: an exhibitor named with an emoji is drawn
// without it (the PDF library's font mapping panicked on it).
func TestWriteNamesBeyondTheFonts(t *testing.T) {
	p := plan()
	p.Booths[0].Name = "Minh Phát 🤖"
	p.Title = "Sảnh 𝔸"
	var b bytes.Buffer
	if err := Write(&b, p); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatalf("plan with an emoji: %v", err)
	}
}
