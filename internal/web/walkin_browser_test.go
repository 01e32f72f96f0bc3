package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"ketnoi/internal/badge"
	"ketnoi/internal/event"
	"ketnoi/internal/store"
	"ketnoi/internal/web/webtest"
)

// TestHelpDeskRegistersWalkIn drives the help desk in Chromium on a phone
// and on a tablet: a walk-in typed with an email already registered is
// refused with that registration offered and the form kept; corrected,
// the walk-in is registered, the desk shows the badge at once, and the
// badge it prints is in the language asked for and carries a QR code that
// a third-party decoder reads and the event's key verifies.
func TestHelpDeskRegistersWalkIn(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	site := mustGatesSite(t, 1)
	bctx := site.browse(t, site.organizer)
	path := fmt.Sprintf("/console/events/%d/helpdesk", site.eventID)
	mustEveryLanguage(t, bctx, site.url, url.QueryEscape(path), "#walkin-form")
	mustDo(t, bctx, chromedp.Click(chromedp.CSS("#walkin summary"), chromedp.NodeVisible))
	mustNoOverflow(t, bctx, 390)

	typed := map[string]string{"name": "Phạm Văn Đức", "email": site.regs[0].Email, "phone": "0909 123 456",
		"organization": "Trường Đại học Thủ Dầu Một", "category": "delegate", "lang": "ko"}
	if status := mustSubmit(t, bctx, "#walkin-form", typed); status != http.StatusConflict {
		t.Fatalf("an email already registered answered %d, want 409", status)
	}
	mustText(t, bctx, "#walkin-error", "Email này đã được đăng ký cho sự kiện")
	mustText(t, bctx, fmt.Sprintf("#reg-%d h2", site.regs[0].ID), site.regs[0].Name)
	for field, want := range map[string]string{"name": typed["name"], "organization": typed["organization"], "lang": "ko"} {
		if got := mustRun(t, bctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector('#walkin-form [name=%s]').value`, field))); got != want {
			t.Errorf("the refused form shows %s %q, want %q", field, got, want)
		}
	}
	if _, n, _ := site.db.Registrants(ctx, site.eventID, store.RegistrantFilter{}); n != 1 {
		t.Fatalf("the refused walk-in was written: %d registrations", n)
	}

	mustDo(t, bctx, chromedp.EmulateViewport(768, 1024))
	if status := mustSubmit(t, bctx, "#walkin-form", map[string]string{"email": ""}); status != http.StatusOK {
		t.Fatalf("the corrected walk-in ended on %d, want the desk (200)", status)
	}
	mustText(t, bctx, "#walkin-added", "Đã đăng ký Phạm Văn Đức")
	regs, _, err := site.db.Registrants(ctx, site.eventID, store.RegistrantFilter{Query: "pham van duc"})
	must(t, err)
	if len(regs) != 1 || regs[0].Category != event.CatDelegate || regs[0].OrgName != typed["organization"] {
		t.Fatalf("stored %+v", regs)
	}
	reg := regs[0]
	mustNoOverflow(t, bctx, 768)
	href := mustRun(t, bctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector("#reg-%d a.print-pdf").href`, reg.ID)))
	if !strings.Contains(href, "lang=ko") || !mustRun(t, bctx, chromedp.Evaluate[bool](fmt.Sprintf(`!document.querySelector("#reg-%d a.print-pdf").classList.contains("ghost")`, reg.ID))) {
		t.Errorf("the badge to print is %s, not the primary action in Korean", href)
	}
	pdf := site.get(t, site.organizer, href)
	c := mustBadgeQR(t, site.db, site.eventID, pdf)
	if c.RegistrationID != reg.ID || c.Category != "delegate" {
		t.Fatalf("the printed badge holds %+v, want registration %d", c, reg.ID)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "Phạm Văn Đức") || !strings.Contains(text, "대표단") {
		t.Errorf("the printed badge reads %q, want the name and the Korean category", text)
	}
}

// get reads an address as the session's person.
func (site *gatesSite) get(t *testing.T, token, href string) []byte {
	t.Helper()
	req, err := http.NewRequest("GET", href, nil)
	must(t, err)
	req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", href, resp.StatusCode)
	}
	return b
}

// mustBadgeQR reads a badge PDF's QR code with third-party tools and
// verifies it with the event's keys.
func mustBadgeQR(t *testing.T, db *store.DB, eventID int64, pdf []byte) badge.Claims {
	t.Helper()
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "b.pdf"), pdf, 0o644))
	if out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", filepath.Join(dir, "b.pdf"), filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	out, err := exec.Command("zbarimg", "--quiet", "--raw", filepath.Join(dir, "p-1.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	keys, err := db.BadgeKeys(t.Context(), eventID)
	must(t, err)
	c, err := badge.Verify(keys, strings.TrimSpace(string(out)))
	must(t, err)
	return c
}

// pdfText is a PDF's text as pdftotext reads it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = strings.NewReader(string(pdf))
	out, err := cmd.Output()
	must(t, err)
	return string(out)
}
