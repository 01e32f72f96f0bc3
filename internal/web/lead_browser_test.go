package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/web/webtest"
)

// TestBrowserLeadEdit: at the booth, on a phone, an exhibitor's staff opens
// the leads page, rates a visitor scanned earlier and writes a note; the
// list comes back at that lead with the note, the rating and a notice.
func TestBrowserLeadEdit(t *testing.T) {
	webtest.RequireChromium(t)
	f := mustFixture(t, "sqlite")
	v := checkin.Registrant{Name: "Đỗ Minh Khôi", Email: "khoi@example.vn", OrgName: "Cơ khí Khôi Nguyên", Consent: true}
	v.EventID, v.Category = f.eventID, event.CatVisitor
	must(t, f.db.Register(context.Background(), &v))
	scanLead(t, f, v.ID, "40000000-0000-4000-8000-000000000031")
	recs, err := f.db.Leads(context.Background(), f.eventID, f.x1.ID)
	must(t, err)
	var id int64
	for _, r := range recs {
		if r.RegistrationID == v.ID {
			id = r.ID
		}
	}

	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
	// The site's menu keeps each item on one line on a phone ("Sự kiện"
	// was split over two).
	mustNavigate(t, ctx, f.srv.URL+"/market")
	if split := mustRun(t, ctx, chromedp.Evaluate[int](`[...document.querySelectorAll(".main-nav a")].filter(a => a.getClientRects().length > 1 || a.getBoundingClientRect().height > 30).length`)); split != 0 {
		t.Errorf("%d items of the menu are split over two lines", split)
	}
	browserSignIn(t, ctx, f.srv.URL, xstaff)
	mustNavigate(t, ctx, fmt.Sprintf("%s/portal/events/%d/exhibitors/%d/leads", f.srv.URL, f.eventID, f.x1.ID))
	mustNoOverflow(t, ctx, 390)
	mustText(t, ctx, fmt.Sprintf("#lead-%d", id), "Cơ khí Khôi Nguyên")
	mustDo(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf("#lead-%d summary", id)), chromedp.NodeVisible))
	form := fmt.Sprintf("#lead-form-%d", id)
	if status := mustSubmit(t, ctx, form, map[string]string{"rating": "5", "note": "Cần 12 AGV cho kho Tân Uyên, gọi thứ Hai"}); status != 200 {
		t.Fatalf("saving the lead answered %d", status)
	}
	mustSee(t, ctx, "#notice")
	mustText(t, ctx, fmt.Sprintf("#lead-%d .lead-note", id), "Cần 12 AGV cho kho Tân Uyên, gọi thứ Hai")
	mustText(t, ctx, fmt.Sprintf("#lead-%d .lead-rating", id), "5/5")
	if loc := mustRun(t, ctx, chromedp.Location()); loc != fmt.Sprintf("%s/portal/events/%d/exhibitors/%d/leads?done=saved#lead-%d", f.srv.URL, f.eventID, f.x1.ID, id) {
		t.Errorf("after saving the page is %s, want the list at the lead", loc)
	}
	if got := leadByID(t, f, id); got.Rating != 5 || got.Note != "Cần 12 AGV cho kho Tân Uyên, gọi thứ Hai" {
		t.Errorf("stored rating %d note %q", got.Rating, got.Note)
	}
	mustNoOverflow(t, ctx, 390)
	// At the booth, the scanner names the exhibitor a lead is for and
	// offers the lead mode only (entry and exit are the gates').
	mustNavigate(t, ctx, fmt.Sprintf("%s/events/%d/scanner/", f.srv.URL, f.eventID))
	mustRun(t, ctx, chromedp.Poll[bool](`document.querySelector("#scanner").dataset.ready === "true"`, chromedp.WithPollingTimeout(stepTimeout)))
	if got := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#exhibitor option").textContent`)); got != "Công ty exhibitor-admin" {
		t.Errorf("the scanner's exhibitor reads %q", got)
	}
	if got := mustRun(t, ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("#kind option")].map(o => o.value).join(",")`)); got != "lead" {
		t.Errorf("an exhibitor's scanner offers the modes %q", got)
	}
	if errs := jsErrors.all(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %v", errs)
	}
}
