package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"ketnoi/internal/store"
	"ketnoi/internal/web/webtest"
)

// TestBrowserProgramme drives the forum programme on a 390 px phone: the
// organizer opens it from the event's console page, adds a speaker, tries
// a session in the opening's room at the opening's time (refused, the
// form kept and the opening named), moves it to a free hour, and finds it
// with its speaker and room in the public agenda.
func TestBrowserProgramme(t *testing.T) {
	webtest.RequireChromium(t)
	f := mustFixture(t, "sqlite")
	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
	path := fmt.Sprintf("/console/events/%d/programme", f.eventID)

	step(t, ctx, "the organizer opens the programme from the event's console", func(t *testing.T, ctx context.Context) {
		browserSignIn(t, ctx, f.srv.URL, organizer)
		mustNavigate(t, ctx, f.srv.URL+fmt.Sprintf("/console/events/%d", f.eventID))
		mustClickNavigate(t, ctx, "#console-programme")
		mustText(t, ctx, fmt.Sprintf("#session-%d", f.sessID), "Khai mạc")
		mustNoOverflow(t, ctx, 390)
	})

	step(t, ctx, "adds a speaker", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx,
			chromedp.Click(chromedp.CSS("#new-speaker summary"), chromedp.NodeVisible),
			chromedp.SendKeys(chromedp.CSS(`#speaker-form [name="name"]`), "Park Ji-hoon", chromedp.NodeVisible),
			chromedp.SendKeys(chromedp.CSS(`#speaker-form [name="title_ko"]`), "스마트팩토리 연구소 소장"),
		)
		mustNoOverflow(t, ctx, 390)
		mustClickNavigate(t, ctx, "#speaker-save")
		mustText(t, ctx, "#notice", "Đã thêm diễn giả")
		mustText(t, ctx, "#new-session .speaker-checks", "Park Ji-hoon")
	})

	sps, err := f.db.Speakers(context.Background(), f.eventID)
	must(t, err)
	if len(sps) != 2 {
		t.Fatalf("speakers %+v", sps)
	}
	park := itoa(sps[1].ID)

	step(t, ctx, "a session on top of the opening is refused, the form kept", func(t *testing.T, ctx context.Context) {
		// The session form is open: after a speaker, a session comes next.
		mustDo(t, ctx,
			chromedp.SendKeys(chromedp.CSS(`#session-form [name="title_vi"]`), "Nhà máy thông minh ở Bình Dương", chromedp.NodeVisible),
			chromedp.SendKeys(chromedp.CSS(`#session-form [name="track"]`), "Smart factory"),
		)
		mustNoOverflow(t, ctx, 390)
		status := mustSubmit(t, ctx, "#session-form", map[string]string{"room": "1", "day": "2027-03-10", "start": "09:30", "end": "10:30",
			"language": "ko", "speakers": park})
		if status != http.StatusUnprocessableEntity {
			t.Fatalf("a clash answered %d, want 422", status)
		}
		mustText(t, ctx, "#err-room", "Khai mạc")
		mustText(t, ctx, "#err-room", "09:00–10:00")
		if v := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector('#session-form [name=title_vi]').value`)); v != "Nhà máy thông minh ở Bình Dương" {
			t.Errorf("the refused form lost the title: %q", v)
		}
		if on := mustRun(t, ctx, chromedp.Evaluate[bool](`document.querySelector('#session-form [name=speakers][value="`+park+`"]').checked`)); !on {
			t.Error("the refused form lost the speaker")
		}
		mustNoOverflow(t, ctx, 390)
		if _, n, _ := f.db.Sessions(context.Background(), f.eventID, store.SessionFilter{Limit: 1}); n != 1 {
			t.Fatalf("the refused session was written: %d sessions", n)
		}
	})

	step(t, ctx, "moved to a free hour, it is saved", func(t *testing.T, ctx context.Context) {
		status := mustSubmit(t, ctx, "#session-form", map[string]string{"start": "10:15", "end": "11:00"})
		if status != http.StatusOK {
			t.Fatalf("saving answered %d", status)
		}
		mustText(t, ctx, "#notice", "Đã lưu phiên")
		mustBodyContain(t, ctx, "10:15–11:00")
	})

	step(t, ctx, "the public agenda shows it, readable on the phone", func(t *testing.T, ctx context.Context) {
		mustClickNavigate(t, ctx, "#link-agenda")
		ss, _, err := f.db.Sessions(context.Background(), f.eventID, store.SessionFilter{Limit: 10})
		must(t, err)
		if len(ss) != 2 {
			t.Fatalf("sessions %+v", ss)
		}
		sel := fmt.Sprintf("#session-%d", ss[1].ID)
		mustText(t, ctx, sel+" .s-title", "Nhà máy thông minh ở Bình Dương")
		mustText(t, ctx, sel+" .speaker", "Park Ji-hoon")
		mustText(t, ctx, sel+" .room", "Room 1")
		mustText(t, ctx, sel+" .track", "Smart factory")
		mustText(t, ctx, sel+" .s-when", "10:15–11:00")
		mustNoOverflow(t, ctx, 390)
		// The title, room and speaker are set apart, not run together.
		width := mustRun(t, ctx, chromedp.Evaluate[float64](`document.querySelector("`+sel+`").getBoundingClientRect().width`))
		if width < 300 || width > 390 {
			t.Errorf("the session card is %.0f px wide on a 390 px phone", width)
		}
	})
	mustEveryLanguage(t, ctx, f.srv.URL, fmt.Sprintf("/events/%d/agenda", f.eventID), ".session")
	mustEveryLanguage(t, ctx, f.srv.URL, path, "#session-form")
	if errs := jsErrors.all(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %s", strings.Join(errs, "\n"))
	}
}
