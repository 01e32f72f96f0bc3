package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"ketnoi/internal/web/webtest"
)

// TestBrowserMarketplace walks the marketplace in a real browser: an
// exhibitor publishes a card (after a refused first try), and a visitor
// without an account finds it by typing without diacritics, narrows by
// kind and opens it, on a phone; from a card at an event, signing in
// leads back to the card, now with the way to request a meeting.
func TestBrowserMarketplace(t *testing.T) {
	webtest.RequireChromium(t)
	f := mustFixture(t, "sqlite")
	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	const title = "Robot hàn hồ quang cho dây chuyền ô tô"

	step(t, ctx, "exhibitor publishes a card", func(t *testing.T, ctx context.Context) {
		mustNavigate(t, ctx, f.srv.URL+"/login")
		mustDo(t, ctx,
			chromedp.SendKeys(chromedp.CSS("#email"), xadmin+"@example.vn"),
			chromedp.SendKeys(chromedp.CSS("#password"), password),
		)
		mustClickNavigate(t, ctx, "#login-submit")
		mustNavigate(t, ctx, f.srv.URL+"/market/mine")
		mustClickNavigate(t, ctx, `a[href="/market/orgs/`+itoa(f.orgA)+`/cards/new"]`)
		// A new card starts from the organization's sectors (robotics).
		checked := func(sector string) bool {
			return mustRun(t, ctx, chromedp.Evaluate[bool](`document.querySelector('input[name="sectors"][value="`+sector+`"]').checked`))
		}
		if !checked("robotics") || checked("machine_vision") {
			t.Errorf("a new card's sectors are not its organization's")
		}
		// Saved without a title, the form comes back with the reason and
		// keeps what was chosen.
		mustDo(t, ctx,
			chromedp.SetValue(chromedp.CSS("#card-kind"), "offer"),
			chromedp.SetValue(chromedp.CSS("#card-status"), "published"),
			chromedp.Click(chromedp.CSS(`input[name="sectors"][value="machine_vision"]`), chromedp.NodeVisible),
			chromedp.Click(chromedp.CSS("#save-card"), chromedp.NodeVisible),
			chromedp.WaitVisible(chromedp.CSS(".field-error")),
		)
		if !checked("machine_vision") || !checked("robotics") {
			t.Errorf("the refused form lost the chosen sectors")
		}
		// The readiness level is asked of a research result only.
		trlShown := func() bool {
			return mustRun(t, ctx, chromedp.Evaluate[bool](`document.querySelector("#card-trl").offsetParent !== null`))
		}
		if trlShown() {
			t.Error("an offer's form asks for a readiness level")
		}
		mustDo(t, ctx, chromedp.SetValue(chromedp.CSS("#card-kind"), "research_result"))
		if !trlShown() {
			t.Error("a research result's form does not ask for its readiness level")
		}
		mustDo(t, ctx, chromedp.SetValue(chromedp.CSS("#card-kind"), "offer"))
		mustDo(t, ctx, chromedp.SendKeys(chromedp.CSS("#title-vi"), title))
		mustClickNavigate(t, ctx, "#save-card")
		mustText(t, ctx, "#card-title", title)
		mustText(t, ctx, "#flash", "Đã đăng tin")
		if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
			t.Fatalf("clear cookies: %v", err)
		}
	})

	step(t, ctx, "visitor finds it on a phone typing without diacritics", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
		mustNavigate(t, ctx, f.srv.URL+"/market")
		mustDo(t, ctx, chromedp.SendKeys(chromedp.CSS("#market-q"), "robot han ho quang"))
		first := waitPage(t, ctx, `new URLSearchParams(location.search).get("q") === "robot han ho quang" && !document.querySelector(".htmx-request")`,
			`(document.querySelector("#market-results .card-link")||{}).innerHTML||""`,
			func(first string) bool {
				return strings.Contains(first, "<mark>hồ</mark>") && strings.Contains(first, "dây chuyền")
			})
		if !strings.Contains(first, "<mark>") {
			t.Fatalf("first hit = %q, want the card with its words marked", first)
		}
		mustNoOverflow(t, ctx, 390)
		mustNotSearchOnLeaving(t, ctx, "#market-q")
	})

	step(t, ctx, "visitor narrows by kind and opens the card", func(t *testing.T, ctx context.Context) {
		choose := func(kind string) {
			mustDo(t, ctx, chromedp.Evaluate[chromedp.Void](`{ const s = document.querySelector("#filter-kind"); s.value = "`+kind+`"; s.dispatchEvent(new Event("change", {bubbles: true})) }`))
		}
		choose("need")
		waitPage(t, ctx, `new URLSearchParams(location.search).get("kind") === "need" && !document.querySelector(".htmx-request")`,
			`String(document.querySelectorAll("#market-results .card-link").length)`,
			func(n string) bool { return n == "0" })
		choose("offer")
		waitPage(t, ctx, `new URLSearchParams(location.search).get("kind") === "offer" && !document.querySelector(".htmx-request")`,
			`(document.querySelector("#market-results .card-link")||{}).textContent||""`,
			func(first string) bool { return first == title })
		mustClickNavigate(t, ctx, "#market-results .card-link")
		mustText(t, ctx, "#card-title", title)
		mustNoOverflow(t, ctx, 390)
	})
	step(t, ctx, "visitor signs in from a card to request a meeting", func(t *testing.T, ctx context.Context) {
		// The fixture's card of organization A is at the event; the visitor
		// works for organization B.
		card := "/market/cards/" + itoa(f.ids["card"])
		mustNavigate(t, ctx, f.srv.URL+card)
		mustClickNavigate(t, ctx, "#signin-to-meet")
		mustDo(t, ctx,
			chromedp.SendKeys(chromedp.CSS("#email"), otherX+"@example.vn"),
			chromedp.SendKeys(chromedp.CSS("#password"), password),
		)
		mustClickNavigate(t, ctx, "#login-submit")
		if loc := mustRun(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, card) {
			t.Fatalf("after signing in the visitor is at %s, want back at %s", loc, card)
		}
		if !mustExist(t, ctx, `a[href*="/meetings/new?to=`+itoa(f.orgA)+`"]`) {
			t.Error("back on the card, no way to request the meeting")
		}
		if mustExist(t, ctx, "#signin-to-meet") {
			t.Error("signed in, the card still asks to sign in")
		}
	})
	if errs := jsErrors.all(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %v", errs)
	}
}

// waitPage polls the page for up to ten seconds until settled holds and
// read's value passes ok, and returns that value; it fails with the last
// value read.
func waitPage(t *testing.T, ctx context.Context, settled, read string, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		done := mustRun(t, ctx, chromedp.Evaluate[bool](settled))
		got := mustRun(t, ctx, chromedp.Evaluate[string](read))
		if done && ok(got) {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s; it reads %q", settled, got)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
