package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"ketnoi/internal/account"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
	"ketnoi/internal/web/webtest"
)

// TestScannerEntryByHand drives the scanner page on a phone-sized
// Chromium as gate staff: a delegate's registration code is typed and she
// is admitted; a visitor is found by his name typed without diacritics
// and admitted with a tap; a cancelled registration found the same way is
// refused; the first code typed again is refused by the gate's rule; and
// offline, a typed code is refused with the reason and nothing is queued.
func TestScannerEntryByHand(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	db := storetest.MustOpen(t, "sqlite")
	today := time.Now().In(event.Zone("")).Format(event.DateLayout)
	v := &event.Venue{Name: i18n.Text{VI: "WTC Bình Dương"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	must(t, db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "gate-hand", Kind: event.TradeFair, Name: i18n.Text{VI: "Hội chợ"}, VenueID: v.ID, StartDate: today, EndDate: today}
	must(t, db.CreateEvent(ctx, e))
	staff := account.Person{Email: "gate@example.vn", Name: "Gate", Lang: i18n.VI}
	must(t, db.CreatePerson(ctx, &staff))
	must(t, db.AddScannerStaff(ctx, e.ID, staff.ID))
	l := &checkin.List{EventID: e.ID, Name: "Halls", Rule: checkin.OncePerDay}
	must(t, db.CreateCheckinList(ctx, l))
	must(t, db.CreateGate(ctx, &checkin.Gate{EventID: e.ID, Code: "gate-1", Name: "Cổng 1", ListID: l.ID, Hall: "A"}))
	register := func(name, email, orgName string, cat event.Category) checkin.Registrant {
		r := checkin.Registrant{Name: name, Email: email, OrgName: orgName}
		r.EventID, r.Category = e.ID, cat
		must(t, db.Register(ctx, &r))
		return r
	}
	mai := register("Võ Thị Mai", "mai@minhphat.vn", "Công ty Tự động hóa Minh Phát", event.CatDelegate)
	tung := register("Trần Thanh Tùng", "tung@example.vn", "Viện Cơ khí", event.CatVisitor)
	huy := register("Lê Văn Hủy", "huy@example.vn", "", event.CatVisitor)
	must(t, db.CancelRegistration(ctx, e.ID, huy.ID))
	k, err := db.BadgeCodeKey(ctx, e.ID)
	must(t, err)
	maiCode, tungCode := badge.Code(k, e.ID, mai.ID), badge.Code(k, e.ID, tung.ID)

	token := account.NewToken()
	must(t, db.CreateWebSession(ctx, account.Session{TokenHash: account.HashToken(token), PersonID: staff.ID, CSRF: account.NewToken(), ExpiresAt: time.Now().Add(time.Hour)}))
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	bctx := webtest.MustBrowser(t)
	mustDo(t, bctx, chromedp.EmulateViewport(390, 844))
	_, err = chromedp.Call(bctx, network.SetCookie, network.SetCookieParams{Name: "ketnoi_session", Value: token, URL: ts.URL})
	must(t, err)
	mustNavigate(t, bctx, fmt.Sprintf("%s/events/%d/scanner/", ts.URL, e.ID))
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#scanner").dataset.ready === "true" && !document.querySelector("#hand-fields").hidden`, chromedp.WithPollingTimeout(stepTimeout)))
	// The code field opens a keyboard (the badge field opens none, for
	// USB scanners), in capitals.
	if kb := mustRun(t, bctx, chromedp.Evaluate[string](`["inputmode", "autocapitalize"].map((a) => document.querySelector("#code").getAttribute(a)).join(" ")`)); kb != "text characters" {
		t.Errorf("the code field's keyboard: %q, want text characters", kb)
	}
	// Exhibitors scan leads: in that mode the entry by hand is out of
	// sight, and back in the gate's modes.
	visible := `getComputedStyle(document.querySelector("#hand-fields")).display !== "none"`
	setMode := func(kind string) {
		t.Helper()
		mustDo(t, bctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const k = document.querySelector("#kind"); k.value = %q; k.dispatchEvent(new Event("change")); })()`, kind)))
	}
	setMode("lead")
	if mustRun(t, bctx, chromedp.Evaluate[bool](visible)) {
		t.Error("entry by hand shows in the lead mode")
	}
	setMode("checkin")
	if !mustRun(t, bctx, chromedp.Evaluate[bool](visible)) {
		t.Error("entry by hand is out of sight in the entry mode")
	}
	answer := func(state, prefix string) string {
		t.Helper()
		js := fmt.Sprintf(`document.querySelector("#result").dataset.state === %q && document.querySelector("#result").textContent.startsWith(%q)`, state, prefix)
		if _, err := chromedp.Run(bctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(stepTimeout))); err != nil {
			got := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#result").dataset.state + ": " + document.querySelector("#result").textContent`))
			t.Fatalf("the scanner answers %q, want %s %q…", got, state, prefix)
		}
		text := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#result").textContent`))
		mustDo(t, bctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#result").dataset.state = ""`))
		return text
	}
	typeCode := func(code string) {
		t.Helper()
		mustDo(t, bctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#code").value = ""`), chromedp.SendKeys(chromedp.CSS("#code"), code),
			chromedp.Click(chromedp.CSS("#code-form button"), chromedp.NodeVisible))
	}
	pick := func(q string) {
		t.Helper()
		mustDo(t, bctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#q").value = ""`), chromedp.SendKeys(chromedp.CSS("#q"), q+"\r"))
		mustRun(t, bctx, chromedp.Poll[bool](`document.querySelectorAll("#matches button").length === 1`, chromedp.WithPollingTimeout(stepTimeout)))
		mustNoOverflow(t, bctx, 390)
		if h := mustRun(t, bctx, chromedp.Evaluate[float64](`document.querySelector("#matches button").getBoundingClientRect().height`)); h < 44 {
			t.Errorf("a search result is %.0f px tall, too small a target for a thumb", h)
		}
		mustDo(t, bctx, chromedp.Click(chromedp.CSS("#matches button"), chromedp.NodeVisible))
	}

	typeCode(strings.ToLower(maiCode))
	if got := answer("ok", "Được vào"); got != "Được vào · Đại biểu" {
		t.Errorf("the typed code's answer reads %q", got)
	}
	pick("tran thanh tung")
	if got := answer("ok", "Được vào"); got != "Được vào · Khách tham quan" {
		t.Errorf("the picked visitor's answer reads %q", got)
	}
	pick("le van huy")
	answer("bad", "Đăng ký đã bị huỷ")
	typeCode(maiCode)
	answer("bad", "Thẻ đã được sử dụng hôm nay")
	mustNoOverflow(t, bctx, 390)
	for _, sel := range []string{"#code", "#code-form button", "#q", "#search-form button"} {
		if h := mustRun(t, bctx, chromedp.Evaluate[float64](`document.querySelector("`+sel+`").getBoundingClientRect().height`)); h < 44 {
			t.Errorf("%s is %.0f px tall, too small a target for a thumb", sel, h)
		}
	}

	// Offline the server cannot check a code: the staff are told, and
	// nothing is queued to be refused later.
	mustDo(t, bctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#result").dataset.state = ""`))
	_, err = chromedp.Call(bctx, network.Enable, network.EnableParams{})
	must(t, err)
	_, err = chromedp.Call(bctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	must(t, err)
	typeCode(tungCode)
	answer("bad", "Mất kết nối")
	if q := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#scanner").dataset.queued || "0"`)); q != "0" {
		t.Errorf("%s scans queued after a code typed offline", q)
	}
	_, err = chromedp.Call(bctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: false, DownloadThroughput: -1, UploadThroughput: -1})
	must(t, err)

	// The server holds what the page showed: two admitted, two refused.
	for result, want := range map[string]int{"accepted": 2, "rejected": 2} {
		if n, err := db.CountScans(ctx, e.ID, result); err != nil || n != want {
			t.Errorf("%d scans %s (%v), want %d", n, result, err, want)
		}
	}
	mustDo(t, bctx, chromedp.Navigate("about:blank"))
}
