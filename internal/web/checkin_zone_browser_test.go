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

// TestOfflineScannerUsesTheEventsZone: at a venue whose date today is not
// Ho Chi Minh City's (UTC+14 or UTC−11, whichever differs now), the
// scanner, offline, admits a badge valid on the venue's today and refuses
// one valid on Ho Chi Minh City's today as the wrong day. The page's own
// rule is checked on fixed instants too.
func TestOfflineScannerUsesTheEventsZone(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	db := storetest.MustOpen(t, "sqlite")
	now := time.Now()
	hcmToday := checkin.DayAt(now, event.Zone("Asia/Ho_Chi_Minh"))
	zoneName := "Pacific/Kiritimati"
	if checkin.DayAt(now, event.Zone(zoneName)) == hcmToday {
		zoneName = "Pacific/Pago_Pago"
	}
	venueToday := checkin.DayAt(now, event.Zone(zoneName))
	if venueToday == hcmToday {
		t.Fatalf("no zone whose date differs from Ho Chi Minh City's now (%s)", hcmToday)
	}
	first, last := min(venueToday, hcmToday), max(venueToday, hcmToday)
	v := &event.Venue{Name: i18n.Text{EN: "Pacific hall"}, Country: "KI", TimeZone: zoneName}
	must(t, db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "zone-test", Kind: event.TradeFair, Name: i18n.Text{EN: "Fair"}, VenueID: v.ID, StartDate: first, EndDate: last}
	must(t, db.CreateEvent(ctx, e))
	staff := account.Person{Email: "gate@example.vn", Name: "Gate", Lang: i18n.EN}
	must(t, db.CreatePerson(ctx, &staff))
	must(t, db.AddOrganizer(ctx, e.ID, staff.ID))
	l := &checkin.List{EventID: e.ID, Name: "Halls", Rule: checkin.OncePerDay}
	must(t, db.CreateCheckinList(ctx, l))
	must(t, db.CreateGate(ctx, &checkin.Gate{EventID: e.ID, Code: "gate-1", Name: "Gate 1", ListID: l.ID}))
	k, err := db.SigningKey(ctx, e.ID)
	must(t, err)
	var toks []string
	for i, day := range []string{venueToday, hcmToday} {
		r := checkin.Registrant{Name: fmt.Sprintf("Guest %d", i), Email: fmt.Sprintf("g%d@example.vn", i)}
		r.EventID, r.Category = e.ID, event.CatVisitor
		must(t, db.Register(ctx, &r))
		tok, err := badge.Sign(k, badge.Claims{EventID: e.ID, RegistrationID: r.ID, Version: 1, Category: "visitor", Days: []string{day}})
		must(t, err)
		toks = append(toks, tok)
	}
	token := account.NewToken()
	must(t, db.CreateWebSession(ctx, account.Session{TokenHash: account.HashToken(token), PersonID: staff.ID, CSRF: account.NewToken(), ExpiresAt: time.Now().Add(time.Hour)}))
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	bctx := webtest.MustBrowser(t)
	_, err = chromedp.Call(bctx, network.SetCookie, network.SetCookieParams{Name: "ketnoi_session", Value: token, URL: ts.URL})
	must(t, err)
	mustNavigate(t, bctx, fmt.Sprintf("%s/events/%d/scanner/", ts.URL, e.ID))
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#scanner").dataset.ready === "true"`, chromedp.WithPollingTimeout(stepTimeout)))
	for _, c := range []struct{ js, want string }{
		{`ketnoiDayAt(Date.UTC(2027, 2, 10, 17, 30), "Asia/Ho_Chi_Minh")`, "2027-03-11"},
		{`ketnoiDayAt(Date.UTC(2027, 2, 11, 6, 30), "America/Los_Angeles")`, "2027-03-10"},
		{`ketnoiDayAt(Date.UTC(2027, 2, 15, 6, 30), "America/Los_Angeles")`, "2027-03-14"},
		{`ketnoiDayAt(Date.UTC(2027, 2, 10, 10, 30), "Pacific/Kiritimati")`, "2027-03-11"},
	} {
		if got := mustRun(t, bctx, chromedp.Evaluate[string](c.js)); got != c.want {
			t.Fatalf("%s = %s, want %s", c.js, got, c.want)
		}
	}

	_, err = chromedp.Call(bctx, network.Enable, network.EnableParams{})
	must(t, err)
	_, err = chromedp.Call(bctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}})
	must(t, err)
	_, err = chromedp.Call(bctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	must(t, err)
	// The badge for the venue's today: admitted and queued.
	mustDo(t, bctx, chromedp.SendKeys(chromedp.CSS("#wedge"), toks[0]+"\r"))
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#scanner").dataset.queued === "1"`, chromedp.WithPollingTimeout(stepTimeout)))
	if state := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#result").dataset.state`)); state != "ok" {
		t.Fatalf("the badge for the venue's today (%s in %s): %q, want green", venueToday, zoneName, state)
	}
	// The badge for Ho Chi Minh City's today: the wrong day here.
	mustDo(t, bctx, chromedp.SendKeys(chromedp.CSS("#wedge"), toks[1]+"\r"))
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#result").dataset.state === "bad"`, chromedp.WithPollingTimeout(stepTimeout)))
	want := mustRun(t, bctx, chromedp.Evaluate[string](`JSON.parse(document.getElementById("scanner-i18n").textContent)["reason.wrong_day"]`))
	if text := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#result").textContent`)); want == "" || !strings.Contains(text, want) {
		t.Fatalf("the badge for %s at a venue where it is %s: %q, want %q", hcmToday, venueToday, text, want)
	}
	if q := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#scanner").dataset.queued`)); q != "1" {
		t.Fatalf("%s scans queued, want 1", q)
	}
	mustDo(t, bctx, chromedp.Navigate("about:blank"))
}
