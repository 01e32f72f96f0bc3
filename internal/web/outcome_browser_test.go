package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"ketnoi/internal/meeting"
	"ketnoi/internal/outcome"
	"ketnoi/internal/web/webtest"
)

// TestBrowserOutcome walks what comes after a meeting on a phone: one side
// reports a contract from its meetings page (a mistyped amount is refused
// with the form kept), the other side confirms it from its outcomes page,
// and the organizer finds it counted with its value.
func TestBrowserOutcome(t *testing.T) {
	webtest.RequireChromium(t)
	f := mustFixture(t, "sqlite")
	ctx0 := context.Background()
	v, err := f.db.Meeting(ctx0, f.eventID, f.ids["meeting"]) // B asked A
	must(t, err)
	held := v.Meeting
	held.Status = meeting.Held
	must(t, f.db.SaveMeeting(ctx0, &held, meeting.Requested))
	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
	signIn := func(t *testing.T, ctx context.Context, role string) {
		t.Helper()
		browserSignIn(t, ctx, f.srv.URL, role)
	}
	var id int64

	step(t, ctx, "one side reports a contract after the meeting", func(t *testing.T, ctx context.Context) {
		signIn(t, ctx, otherX)
		mustNavigate(t, ctx, f.srv.URL+"/events/"+itoa(f.eventID)+"/meetings")
		mustClickNavigate(t, ctx, fmt.Sprintf("#meeting-%d a.report-outcome", held.ID))
		mustText(t, ctx, "#outcome-subject", "Công ty exhibitor-admin")
		mustNoOverflow(t, ctx, 390)
		mustDo(t, ctx,
			chromedp.Click(chromedp.CSS(`input[name="kind"][value="contract"]`), chromedp.NodeVisible),
			chromedp.SendKeys(chromedp.CSS("#outcome-value"), "2,5"),
			chromedp.SendKeys(chromedp.CSS("#outcome-note"), "Hợp đồng 20 AGV cho kho Tân Uyên"),
		)
		if status := mustSubmit(t, ctx, "#outcome-form", map[string]string{}); status != 422 {
			t.Fatalf("an amount with a decimal part answered %d, want 422", status)
		}
		mustSee(t, ctx, "#value-error")
		if kind := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector('input[name="kind"]:checked').value`)); kind != "contract" {
			t.Errorf("the refused form lost the kind: %q", kind)
		}
		if note := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#outcome-note").value`)); note != "Hợp đồng 20 AGV cho kho Tân Uyên" {
			t.Errorf("the refused form lost the note: %q", note)
		}
		mustDo(t, ctx, chromedp.SetValue(chromedp.CSS("#outcome-value"), "2.500.000.000 ₫"))
		mustClickNavigate(t, ctx, "#send-outcome")
		mustSee(t, ctx, "#outcome-notice")
		vs, err := f.db.EventOutcomes(ctx0, f.eventID)
		if err != nil || len(vs) == 0 || vs[0].Kind != outcome.Contract || vs[0].Value != 2_500_000_000 || vs[0].Status != outcome.Reported {
			t.Fatalf("the report in the database: %+v, %v", vs, err)
		}
		id = vs[0].ID
		mustText(t, ctx, fmt.Sprintf("#outcome-%d.status-reported", id), "Hợp đồng 20 AGV")
	})

	step(t, ctx, "the partner confirms it", func(t *testing.T, ctx context.Context) {
		signIn(t, ctx, xadmin)
		mustNavigate(t, ctx, f.srv.URL+"/outcomes/orgs/"+itoa(f.orgA))
		mustText(t, ctx, "#outcomes-waiting", "2.500.000.000")
		mustNoOverflow(t, ctx, 390)
		mustClickNavigate(t, ctx, fmt.Sprintf("#outcome-%d button.confirm-outcome", id))
		mustSee(t, ctx, "#outcome-notice")
		mustText(t, ctx, fmt.Sprintf("#outcomes-all #outcome-%d.status-confirmed", id), "2.500.000.000")
		if o, _ := f.db.Outcome(ctx0, id); o.Status != outcome.Confirmed {
			t.Fatalf("the outcome is %s after confirming", o.Status)
		}
		// The page reads as well in English and Korean on the phone.
		mustEveryLanguage(t, ctx, f.srv.URL, "/outcomes/orgs/"+itoa(f.orgA), fmt.Sprintf("#outcome-%d.status-confirmed", id))
	})

	step(t, ctx, "the organizer counts it", func(t *testing.T, ctx context.Context) {
		signIn(t, ctx, organizer)
		mustNavigate(t, ctx, f.srv.URL+"/console/events/"+itoa(f.eventID))
		mustClickNavigate(t, ctx, "#console-outcomes")
		mustText(t, ctx, `#outcome-summary tr[data-kind="contract"]`, "2,5\u00a0tỷ\u00a0₫")
		mustNoOverflow(t, ctx, 390)
		// Both sides reported or confirmed: asking reaches nobody. It asks
		// before it mails (answered yes).
		asked := acceptDialogs(ctx)
		mustClickNavigate(t, ctx, "#ask-outcomes")
		mustText(t, ctx, "#ask-notice", "Đã hỏi 0 tổ chức")
		if !asked.asked("Gửi thư ngay cho mọi tổ chức đã gặp để hỏi kết quả các buổi gặp?") {
			t.Error("the organizations were asked without a confirmation")
		}
	})
	step(t, ctx, "anyone reads the indicators", func(t *testing.T, ctx context.Context) {
		if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
			t.Fatalf("clear cookies: %v", err)
		}
		mustNavigate(t, ctx, f.srv.URL+"/")
		mustClickNavigate(t, ctx, `nav.main-nav a[href="/impact"]`)
		// One contract: counted, its value (the parties' own) withheld.
		mustText(t, ctx, `#impact-kinds tr[data-key="contract"]`, "không công bố")
		mustText(t, ctx, `#impact-kinds tr[data-key="contract"] td`, "1")
		mustNoOverflow(t, ctx, 390)
		mustEveryLanguage(t, ctx, f.srv.URL, "/impact", "#impact-sources")
	})
	if errs := jsErrors.all(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %v", errs)
	}
}
