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

// TestOfflineGateScanner drives the scanner page in Chromium: the network
// is cut in the browser, three badges are scanned through the keyboard
// wedge (green, queued), the network comes back, the queue drains, and the
// live dashboard shows the three arrivals once.
func TestOfflineGateScanner(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	db := storetest.MustOpen(t, "sqlite")
	today := time.Now().In(event.Zone("")).Format(event.DateLayout)
	v := &event.Venue{Name: i18n.Text{VI: "WTC Bình Dương"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	must(t, db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "gate-test", Kind: event.TradeFair, Name: i18n.Text{VI: "Hội chợ"}, VenueID: v.ID, StartDate: today, EndDate: today}
	must(t, db.CreateEvent(ctx, e))
	staff := account.Person{Email: "gate@example.vn", Name: "Gate", Lang: i18n.VI}
	must(t, db.CreatePerson(ctx, &staff))
	must(t, db.AddOrganizer(ctx, e.ID, staff.ID))
	l := &checkin.List{EventID: e.ID, Name: "Halls", Rule: checkin.OncePerDay}
	must(t, db.CreateCheckinList(ctx, l))
	must(t, db.CreateGate(ctx, &checkin.Gate{EventID: e.ID, Code: "gate-1", Name: "Cổng 1", ListID: l.ID, Hall: "A"}))
	k, err := db.SigningKey(ctx, e.ID)
	must(t, err)
	var toks []string
	for i := 0; i < 3; i++ {
		r := checkin.Registrant{Name: fmt.Sprintf("Khách %d", i), Email: fmt.Sprintf("k%d@example.vn", i)}
		r.EventID, r.Category = e.ID, event.CatVisitor
		must(t, db.Register(ctx, &r))
		tok, err := badge.Sign(k, badge.Claims{EventID: e.ID, RegistrationID: r.ID, Version: 1, Category: "visitor"})
		must(t, err)
		toks = append(toks, tok)
	}
	token := account.NewToken()
	must(t, db.CreateWebSession(ctx, account.Session{TokenHash: account.HashToken(token), PersonID: staff.ID, CSRF: account.NewToken(), ExpiresAt: time.Now().Add(time.Hour)}))
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close) // after the browser closes its live stream

	bctx := webtest.MustBrowser(t)
	_, err = chromedp.Call(bctx, network.SetCookie, network.SetCookieParams{Name: "ketnoi_session", Value: token, URL: ts.URL})
	must(t, err)
	scanner := fmt.Sprintf("%s/events/%d/scanner/", ts.URL, e.ID)
	mustNavigate(t, bctx, scanner)
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#scanner").dataset.ready === "true"`, chromedp.WithPollingTimeout(stepTimeout)))

	offline := func(off bool) {
		t.Helper()
		var rules []*network.Conditions
		if off {
			rules = []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}
		}
		_, err := chromedp.Call(bctx, network.Enable, network.EnableParams{})
		must(t, err)
		_, err = chromedp.Call(bctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: rules})
		must(t, err)
		_, err = chromedp.Call(bctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1})
		must(t, err)
	}
	offline(true)
	for i, tok := range toks {
		mustDo(t, bctx, chromedp.SendKeys(chromedp.CSS("#wedge"), tok+"\r"))
		mustRun(t, bctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector("#scanner").dataset.queued === "%d"`, i+1), chromedp.WithPollingTimeout(stepTimeout)))
		if state := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#result").dataset.state`)); state != "ok" {
			t.Fatalf("badge %d scanned offline: the answer is %q, want green", i+1, state)
		}
	}
	// The same badge again, still offline: refused locally, not queued.
	mustDo(t, bctx, chromedp.SendKeys(chromedp.CSS("#wedge"), toks[0]+"\r"))
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#result").dataset.state === "bad"`, chromedp.WithPollingTimeout(stepTimeout)))
	if n, _ := db.CountScans(ctx, e.ID, ""); n != 0 {
		t.Fatalf("%d scans reached the server while the browser was offline", n)
	}
	offline(false)
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#scanner").dataset.queued === "0"`, chromedp.WithPollingTimeout(stepTimeout)))
	// The staff are told the offline scans reached the server, and that
	// none needs the organizer's attention.
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#sync-report").dataset.synced === "3"`, chromedp.WithPollingTimeout(stepTimeout)))
	if got := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#sync-report").textContent`)); got != "3 lượt quét khi mất mạng đã được gửi lên máy chủ." {
		t.Errorf("the sync report reads %q", got)
	}
	ids, err := db.ScanIDs(ctx, e.ID)
	must(t, err)
	if len(ids) != 3 {
		t.Fatalf("%d scans stored after the sync, want 3", len(ids))
	}
	for id, n := range ids {
		if n != 1 {
			t.Fatalf("scan %s stored %d times", id, n)
		}
	}
	// Online, an exit says it is one, with the badge's category for the
	// staff to compare; the gate's point is named with its code.
	if label := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#point option").textContent`)); label != "Cổng 1 · gate-1" {
		t.Errorf("the scan point reads %q", label)
	}
	mustDo(t, bctx, chromedp.SetValue(chromedp.CSS("#kind"), "checkout"), chromedp.SendKeys(chromedp.CSS("#wedge"), toks[1]+"\r"))
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#result").textContent.startsWith("Đã ghi nhận ra")`, chromedp.WithPollingTimeout(stepTimeout)))
	if got := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#result").textContent`)); got != "Đã ghi nhận ra · Khách tham quan" {
		t.Errorf("the exit's answer reads %q", got)
	}
	mustNavigate(t, bctx, fmt.Sprintf("%s/console/events/%d/checkin", ts.URL, e.ID))
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#dash-live").textContent === "●" && document.querySelector("#dash-admitted").textContent === "3"`, chromedp.WithPollingTimeout(stepTimeout)))
	if g := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#dash-gates").innerText`)); !strings.Contains(g, "Cổng 1 · gate-1") {
		t.Fatalf("the dashboard's gates read %q, want the gate's name and its point", g)
	}
	// Its charts name categories in the reader's words, rows tall enough
	// to read (a style of the site's clipped them to 12 px).
	if c := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#dash-categories").innerText`)); !strings.Contains(c, "Khách tham quan") {
		t.Errorf("the dashboard's categories read %q", c)
	}
	if h := mustRun(t, bctx, chromedp.Evaluate[float64](`document.querySelector("#dash-categories .live-bar").getBoundingClientRect().height`)); h < 16 {
		t.Errorf("a row of the dashboard's charts is %.0f px tall", h)
	}
	// An event with no gate yet: its scanner says so instead of looking
	// ready to scan.
	bare := &event.Event{Slug: "bare", Kind: event.TradeFair, Name: i18n.Text{VI: "Hội chợ khác"}, VenueID: v.ID, StartDate: today, EndDate: today}
	must(t, db.CreateEvent(ctx, bare))
	must(t, db.AddOrganizer(ctx, bare.ID, staff.ID))
	mustNavigate(t, bctx, fmt.Sprintf("%s/events/%d/scanner/", ts.URL, bare.ID))
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#scanner").dataset.ready === "true"`, chromedp.WithPollingTimeout(stepTimeout)))
	if got := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#result").textContent`)); !strings.HasPrefix(got, "Sự kiện này chưa có cổng nào") {
		t.Errorf("the scanner of an event without gates says %q", got)
	}
	mustDo(t, bctx, chromedp.Navigate("about:blank")) // ends the event stream
}
