package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"ketnoi/internal/account"
	"ketnoi/internal/web/webtest"
)

// TestBrowserNewPersonCreatesOrganization walks, on a 390 px phone, what a
// user review found impossible: a person who has just signed up wants a
// B2B meeting. The meetings page says they have no organization and links
// to creating one; so does the request form they open from an exhibitor's
// page. They create their organization there (a first try without a name
// is refused beside the field), land back on the request form as its
// admin, and send the request.
func TestBrowserNewPersonCreatesOrganization(t *testing.T) {
	webtest.RequireChromium(t)
	f := mustFixture(t, "sqlite")
	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	ev := "/events/" + itoa(f.eventID)
	const email = "nguyen.lan@thuanan.vn"

	step(t, ctx, "signs up and opens the meetings page", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
		mustNavigate(t, ctx, f.srv.URL+"/signup?next="+url.QueryEscape(ev+"/meetings"))
		mustDo(t, ctx,
			chromedp.SendKeys(chromedp.CSS(`input[name="name"]`), "Nguyễn Thị Lan"),
			chromedp.SendKeys(chromedp.CSS(`input[name="email"]`), email),
			chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), password),
		)
		mustClickNavigate(t, ctx, `form[action="/signup"] button`)
		mustSee(t, ctx, "#no-org")
		href := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#create-org-link")?.getAttribute("href") ?? ""`))
		if want := "/orgs/new?next=" + url.QueryEscape(ev+"/meetings"); !strings.EqualFold(href, want) {
			t.Fatalf("the meetings page links to %q, want %q", href, want)
		}
		mustNoOverflow(t, ctx, 390)
	})

	step(t, ctx, "follows the link from the request form", func(t *testing.T, ctx context.Context) {
		mustNavigate(t, ctx, f.srv.URL+ev+"/exhibitors/"+itoa(f.x1.ID))
		mustClickNavigate(t, ctx, "#request-meeting")
		mustSee(t, ctx, "#no-org")
		if mustExist(t, ctx, "#meeting-form") {
			t.Fatal("the request form shows to a person without organization")
		}
		mustClickNavigate(t, ctx, "#create-org-link")
		mustText(t, ctx, "h1", "Tạo tổ chức")
		mustNoOverflow(t, ctx, 390)
	})

	step(t, ctx, "a form without a name is refused beside the field", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx,
			chromedp.SetValue(chromedp.CSS("#org-kind"), "institute"),
			chromedp.SendKeys(chromedp.CSS("#org-website"), "vienckbd.vn"),
			chromedp.Click(chromedp.CSS(`#org-sectors input[value="robotics"]`)),
		)
		mustClickNavigateStatus(t, ctx, "#create-org", 422)
		mustText(t, ctx, "#err-name", "cần có ít nhất một ngôn ngữ")
		if got := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#org-website").value + " " + document.querySelector("#org-kind").value`)); got != "https://vienckbd.vn institute" {
			t.Errorf("the refused form kept %q, want the website and the kind typed", got)
		}
		mustNoOverflow(t, ctx, 390)
	})

	step(t, ctx, "creates the organization and lands back on the request form", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx, chromedp.SendKeys(chromedp.CSS("#org-name-vi"), "Viện Cơ khí Thuận An"))
		mustClickNavigate(t, ctx, "#create-org")
		loc := mustRun(t, ctx, chromedp.Location())
		if !strings.Contains(loc, ev+"/meetings/new?") || !strings.Contains(loc, "to="+itoa(f.orgA)) {
			t.Fatalf("landed on %s, want the request form", loc)
		}
		mustText(t, ctx, "#flash", "quản trị viên")
		mustText(t, ctx, "#meeting-from", "Viện Cơ khí Thuận An")
		p, err := f.db.PersonByEmail(context.Background(), email)
		must(t, err)
		ms, err := f.db.Memberships(context.Background(), p.ID)
		if err != nil || len(ms) != 1 || ms[0].Role != account.MemberAdmin {
			t.Fatalf("the new person's memberships: %+v, %v; want admin of one organization", ms, err)
		}
		mustNoOverflow(t, ctx, 390)
	})

	step(t, ctx, "sends the request", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx, chromedp.SendKeys(chromedp.CSS("#meeting-message"), "Chúng tôi muốn gặp quý công ty."))
		mustClickNavigate(t, ctx, "#send-request")
		mustSee(t, ctx, "#meeting-notice")
		mustBodyContain(t, ctx, "Viện Cơ khí Thuận An")
	})
	if errs := jsErrors.all(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %v", errs)
	}
}

// mustClickNavigateStatus clicks and waits for the next page like
// mustClickNavigate, for a page that must answer with status (a refused
// form answers 422).
func mustClickNavigateStatus(t *testing.T, ctx context.Context, sel string, status int) {
	t.Helper()
	mustDo(t, ctx,
		chromedp.Evaluate[chromedp.Void](`window.ketnoiOldPage = true`),
		chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible),
	)
	waitNewPage(t, ctx, sel)
	if got := mustRun(t, ctx, chromedp.Evaluate[int](`performance.getEntriesByType("navigation")[0].responseStatus`)); got != status {
		t.Fatalf("click %s: answered %d, want %d", sel, got, status)
	}
}
