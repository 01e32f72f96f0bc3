package web_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"

	"ketnoi/internal/i18n"
	"ketnoi/internal/web/webtest"
)

// TestBrowserPasswordReset walks, on a 390 px phone, the way back into an
// account for a person who registered for the fair without one: sign-up
// refuses the email and offers a link; the forgot form comes filled in and
// answers; the mailed link's form sets the password and signs them in on
// the page they were going to; the used link then says so and offers a
// new one. The forms fit the phone in every language.
func TestBrowserPasswordReset(t *testing.T) {
	webtest.RequireChromium(t)
	f := mustFixture(t, "sqlite")
	site := resetSite(t, f, 1000)
	registeredWithoutAccount(t, f, "lan@example.vn", i18n.VI)
	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	eventPath := "/events/" + itoa(f.eventID)
	var link string

	step(t, ctx, "the forms fit a phone in every language", func(t *testing.T, ctx context.Context) {
		mustEveryLanguage(t, ctx, site.base, "/password/forgot", "#forgot-form")
		mustEveryLanguage(t, ctx, site.base, "/login", "#forgot-link")
	})

	step(t, ctx, "sign-up offers to set a password for a registration's email", func(t *testing.T, ctx context.Context) {
		mustNavigate(t, ctx, site.base+"/signup?next="+eventPath)
		status := mustSubmit(t, ctx, `form[action="/signup"]`, map[string]string{"name": "Trần Thị Lan", "email": "lan@example.vn", "password": "long enough password"})
		if status != http.StatusConflict {
			t.Fatalf("sign-up: %d, want 409", status)
		}
		mustText(t, ctx, "#email-error", "chưa có mật khẩu")
		mustNoOverflow(t, ctx, 390)
		mustClickNavigate(t, ctx, "#set-password")
		if got := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#forgot-email").value`)); got != "lan@example.vn" {
			t.Fatalf("the forgot form's email is %q", got)
		}
	})

	step(t, ctx, "the forgot form answers and the mail carries a link", func(t *testing.T, ctx context.Context) {
		if status := mustSubmit(t, ctx, "#forgot-form", map[string]string{}); status != http.StatusOK {
			t.Fatalf("forgot: %d", status)
		}
		mustText(t, ctx, "#forgot-sent", "lan@example.vn")
		mustNoOverflow(t, ctx, 390)
		_, _, paths := resetMails(t, f.db, "lan@example.vn")
		if len(paths) != 1 {
			t.Fatalf("%d reset mails", len(paths))
		}
		link = site.base + paths[0]
	})

	step(t, ctx, "the link sets the password and signs in where the person was going", func(t *testing.T, ctx context.Context) {
		mustNavigate(t, ctx, link)
		mustNoOverflow(t, ctx, 390)
		mustDo(t, ctx, chromedp.SendKeys(chromedp.CSS("#reset-password"), "mật khẩu mới của Lan"))
		mustClickNavigate(t, ctx, "#reset-submit")
		if loc := mustRun(t, ctx, chromedp.Location()); loc != site.base+eventPath {
			t.Fatalf("after the reset: %s, want %s", loc, eventPath)
		}
		if !mustExist(t, ctx, "#logout") {
			t.Fatal("not signed in after the reset")
		}
	})

	step(t, ctx, "the used link says so and offers a new one", func(t *testing.T, ctx context.Context) {
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(link))
		if err != nil || resp == nil || resp.Status != http.StatusGone {
			t.Fatalf("the used link: %+v, %v", resp, err)
		}
		mustText(t, ctx, "#reset-dead", "đã được dùng")
		mustNoOverflow(t, ctx, 390)
		mustClickNavigate(t, ctx, "#reset-again")
		if !mustExist(t, ctx, "#forgot-form") {
			t.Fatal("the new-link button does not open the forgot form")
		}
	})

	step(t, ctx, "no JavaScript errors on the way", func(t *testing.T, ctx context.Context) {
		mustRun(t, ctx, chromedp.Evaluate[bool](`true`))
		for _, e := range jsErrors.all() {
			t.Error(e)
		}
	})
}
