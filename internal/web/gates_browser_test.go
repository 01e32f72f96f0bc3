package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ketnoi/internal/account"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
	"ketnoi/internal/web/webtest"
)

// gatesSite is a one-day forum held today: two rooms (capacity 7 and 100),
// a session in each running all day, an organizer and a help-desk person
// who is scanner staff, and registrations with their badges.
type gatesSite struct {
	db        *store.DB
	url       string
	eventID   int64
	organizer string // session tokens
	desk      string
	outsider  string // an account with no role at the event
	csrf      map[string]string
	regs      []checkin.Registrant
	tokens    []string
}

func mustGatesSite(t *testing.T, registrations int, clock ...func() time.Time) *gatesSite {
	t.Helper()
	ctx := context.Background()
	db := storetest.MustOpen(t, "sqlite")
	if len(clock) > 0 {
		db.Now = clock[0]
	}
	zone := event.Zone("")
	now := time.Now().In(zone)
	today := now.Format(event.DateLayout)
	v := &event.Venue{Name: i18n.Text{VI: "WTC Bình Dương"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	must(t, db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "forum", Kind: event.Forum, Name: i18n.Text{VI: "Diễn đàn Đổi mới Sáng tạo", EN: "Innovation Forum", KO: "혁신 포럼"},
		VenueID: v.ID, StartDate: today, EndDate: today}
	must(t, db.CreateEvent(ctx, e))
	site := &gatesSite{db: db, eventID: e.ID, csrf: map[string]string{}}
	must(t, db.BulkLoad(ctx, func(bl *store.Bulk) error {
		return bl.Forum([]event.Room{{ID: 1, EventID: e.ID, Name: i18n.Text{VI: "Phòng Hội nghị 1", EN: "Hall 1", KO: "1 회의실"}, Capacity: 7},
			{ID: 2, EventID: e.ID, Name: i18n.Text{VI: "Phòng 2", EN: "Room 2", KO: "2 회의실"}, Capacity: 100}}, nil, nil)
	}))
	dayStart := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, zone).UTC()
	for room, title := range map[int64]string{1: "Nhà máy thông minh và tự động hóa logistics", 2: "Chuyển giao công nghệ"} {
		s := &event.Session{EventID: e.ID, RoomID: room, Title: i18n.Text{VI: title, EN: title}, Language: i18n.VI,
			StartsAt: dayStart, EndsAt: dayStart.Add(24*time.Hour - time.Minute)}
		must(t, db.CreateSession(ctx, s))
	}
	people := map[string]*string{"org@example.vn": &site.organizer, "desk@example.vn": &site.desk, "visitor@example.vn": &site.outsider}
	for email, tok := range people {
		p := account.Person{Email: email, Name: "Nguyễn " + email, Lang: i18n.VI}
		must(t, db.CreatePerson(ctx, &p))
		switch email {
		case "org@example.vn":
			must(t, db.AddOrganizer(ctx, e.ID, p.ID))
		case "desk@example.vn":
			must(t, db.AddScannerStaff(ctx, e.ID, p.ID))
		}
		*tok = account.NewToken()
		site.csrf[*tok] = account.NewToken()
		must(t, db.CreateWebSession(ctx, account.Session{TokenHash: account.HashToken(*tok), PersonID: p.ID, CSRF: site.csrf[*tok], ExpiresAt: time.Now().Add(time.Hour)}))
	}
	k, err := db.SigningKey(ctx, e.ID)
	must(t, err)
	for i := 0; i < registrations; i++ {
		r := checkin.Registrant{Name: fmt.Sprintf("Trần Thị Khách %d", i), Email: fmt.Sprintf("khach%d@example.vn", i), OrgName: "Viện Cơ khí"}
		r.EventID, r.Category = e.ID, event.CatDelegate
		must(t, db.Register(ctx, &r))
		tok, err := badge.Sign(k, badge.Claims{EventID: e.ID, RegistrationID: r.ID, Version: 1, Category: string(r.Category)})
		must(t, err)
		site.regs, site.tokens = append(site.regs, r), append(site.tokens, tok)
	}
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close) // after the browser closes its live streams
	site.url = ts.URL
	return site
}

// browse opens a browser signed in with the session token.
func (site *gatesSite) browse(t *testing.T, token string) context.Context {
	t.Helper()
	bctx := webtest.MustBrowser(t)
	_, err := chromedp.Call(bctx, network.SetCookie, network.SetCookieParams{Name: "ketnoi_session", Value: token, URL: site.url})
	must(t, err)
	return bctx
}

// scan posts one scan through the API as the organizer.
func (site *gatesSite) scan(t *testing.T, token, point string, kind checkin.Kind) checkin.Outcome {
	t.Helper()
	body := fmt.Sprintf(`{"id":%q,"token":%q,"point":%q,"kind":%q,"scanned_at":%q}`, newUUID(), token, point, kind, time.Now().UTC().Format(time.RFC3339))
	req, err := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/events/%d/scans", site.url, site.eventID), strings.NewReader(body))
	must(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: site.organizer})
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	var o checkin.Outcome
	if err := decodeBody(resp, &o); err != nil || resp.StatusCode != 200 {
		t.Fatalf("scan: %d %v", resp.StatusCode, err)
	}
	return o
}

// post sends a form as the session's person and returns the status and
// the page.
func (site *gatesSite) post(t *testing.T, token, path string, form url.Values) (int, string) {
	t.Helper()
	form.Set("csrf", site.csrf[token])
	req, err := http.NewRequest("POST", site.url+path, strings.NewReader(form.Encode()))
	must(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
	resp, err := client().Do(req)
	must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	return resp.StatusCode, string(b)
}

// TestKioskLimitsLookups: a kiosk gets 30 lookups a minute, after which
// even the right code is refused, so that codes cannot be tried in bulk;
// the kiosk and the room counts are for the event's staff only.
func TestKioskLimitsLookups(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Minute).Add(20 * time.Second) // one fixed-window minute for the whole test
	site := mustGatesSite(t, 1, func() time.Time { return now })
	ctx := context.Background()
	k, err := site.db.BadgeCodeKey(ctx, site.eventID)
	must(t, err)
	code := badge.Code(k, site.eventID, site.regs[0].ID)
	path := fmt.Sprintf("/events/%d/kiosk", site.eventID)
	status, page := site.post(t, site.desk, path, url.Values{"code": {code}})
	if status != 200 || !strings.Contains(page, site.regs[0].Name) {
		t.Fatalf("the right code: %d", status)
	}
	if !strings.Contains(page, `style="background: #2E7D32"`) {
		t.Error("the badge's category band lost its colour")
	}
	for i := 2; i <= 30; i++ {
		if status, _ := site.post(t, site.desk, path, url.Values{"code": {fmt.Sprintf("%d-ABCDEF", i)}}); status != http.StatusUnprocessableEntity {
			t.Fatalf("lookup %d: %d, want 422", i, status)
		}
	}
	status, page = site.post(t, site.desk, path, url.Values{"code": {code}})
	if status != http.StatusTooManyRequests || strings.Contains(page, site.regs[0].Name) {
		t.Fatalf("lookup 31 with the right code: %d (name shown: %v), want 429 and no badge", status, strings.Contains(page, site.regs[0].Name))
	}
	// Another kiosk is counted apart.
	if status, _ := site.post(t, site.organizer, path, url.Values{"code": {code}}); status != 200 {
		t.Fatalf("another kiosk: %d", status)
	}
	for _, p := range []string{path, fmt.Sprintf("/events/%d/rooms/live", site.eventID)} {
		req, _ := http.NewRequest("GET", site.url+p, nil)
		req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: site.outsider})
		resp, err := client().Do(req)
		must(t, err)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s for an account without a role: %d, want 403", p, resp.StatusCode)
		}
	}
	if status, _ := site.post(t, site.outsider, path, url.Values{"code": {code}}); status != http.StatusForbidden {
		t.Errorf("a lookup by an account without a role: %d, want 403", status)
	}
}

// mustSubmit fills a form by its fields' names, submits it and waits for
// the answer page; it returns the page's HTTP status.
func mustSubmit(t *testing.T, ctx context.Context, form string, fields map[string]string) int {
	t.Helper()
	js := fmt.Sprintf(`(() => { const f = document.querySelector(%q); const v = %s;
		for (const [k, val] of Object.entries(v)) {
			const els = f.querySelectorAll('[name="' + k + '"]');
			for (const el of els) {
				if (el.type === 'checkbox' || el.type === 'radio') el.checked = val.split('|').includes(el.value);
				else el.value = val;
			}
		}
		window.ketnoiOldPage = true; f.requestSubmit(); })()`, form, jsonString(fields))
	mustDo(t, ctx, chromedp.Evaluate[chromedp.Void](js))
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.ketnoiOldPage === undefined && document.readyState === "complete"`))
		if err == nil && ok {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("submit %s: no answer: %v", form, ctx.Err())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return mustRun(t, ctx, chromedp.Evaluate[int](`performance.getEntriesByType("navigation")[0].responseStatus`))
}

// mustEveryLanguage opens the page in Vietnamese, English and Korean on a
// 390 px phone and checks that nothing sticks out sideways.
func mustEveryLanguage(t *testing.T, ctx context.Context, base, path, probe string) {
	t.Helper()
	mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
	for _, lang := range []string{"en", "ko", "vi"} {
		mustNavigate(t, ctx, base+"/lang/"+lang+"?next="+path)
		mustLang(t, ctx, lang)
		if !mustExist(t, ctx, probe) {
			t.Fatalf("%s in %s: no %s", path, lang, probe)
		}
		mustNoOverflow(t, ctx, 390)
	}
}

// TestCheckinSetupConsole drives the organizer's check-in console: a list
// is created (a bad capacity first, refused in the form with nothing
// written), a gate with two scan points, a taken code refused whole, the
// list edited, staff added (an unknown email refused), and the count
// inside shown after a scan.
func TestCheckinSetupConsole(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	site := mustGatesSite(t, 1)
	bctx := site.browse(t, site.organizer)
	path := fmt.Sprintf("/console/events/%d/checkin/lists", site.eventID)
	mustEveryLanguage(t, bctx, site.url, path, "#list-form")
	mustBodyContain(t, bctx, "Chưa có danh sách nào")

	status := mustSubmit(t, bctx, "#list-form", map[string]string{"name": "Phòng Hội nghị 1", "rule": "reentry", "categories": "delegate|vip", "room": "1", "capacity": "nhiều"})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad capacity answered %d, want 422", status)
	}
	mustText(t, bctx, "#new-list .field-error", "số nguyên")
	if ls, _ := site.db.CheckinLists(ctx, site.eventID); len(ls) != 0 {
		t.Fatalf("a refused list was written: %+v", ls)
	}
	if v := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector('#list-form [name=name]').value`)); v != "Phòng Hội nghị 1" {
		t.Errorf("the refused form lost the name: %q", v)
	}
	if status := mustSubmit(t, bctx, "#list-form", map[string]string{"capacity": "7"}); status != 200 {
		t.Fatalf("creating the list answered %d", status)
	}
	ls, err := site.db.CheckinLists(ctx, site.eventID)
	must(t, err)
	if len(ls) != 1 || ls[0].Rule != checkin.Reentry || ls[0].RoomID != 1 || ls[0].Capacity != 7 || strings.Join(ls[0].Categories, ",") != "delegate,vip" {
		t.Fatalf("stored list: %+v", ls)
	}
	card := fmt.Sprintf("#list-%d", ls[0].ID)
	mustText(t, bctx, card+" .rule", "Vào lại sau khi ra")

	if status := mustSubmit(t, bctx, "#gate-form", map[string]string{"name": "Cửa chính", "hall": "B", "codes": "R1, R2"}); status != 200 {
		t.Fatalf("adding the gate answered %d", status)
	}
	mustText(t, bctx, card+" .gate-groups", "R1")
	mustText(t, bctx, card+" .gate-groups", "R2")
	if status := mustSubmit(t, bctx, "#gate-form", map[string]string{"name": "Cửa phụ", "codes": "R3 R2"}); status != http.StatusUnprocessableEntity {
		t.Fatalf("a taken code answered %d, want 422", status)
	}
	mustText(t, bctx, "#new-gate .field-error", "R2")
	if gs, _ := site.db.Gates(ctx, site.eventID); len(gs) != 2 {
		t.Fatalf("%d scan points after a refused gate, want 2", len(gs))
	}

	mustClickNavigate(t, bctx, card+" a.btn")
	if status := mustSubmit(t, bctx, "#list-form", map[string]string{"name": "Hội trường 1", "rule": "daily"}); status != 200 {
		t.Fatalf("saving the list answered %d", status)
	}
	mustText(t, bctx, card+" h3", "Hội trường 1")
	mustText(t, bctx, card+" .rule", "Một lần mỗi ngày")

	if status := mustSubmit(t, bctx, "#staff-form", map[string]string{"email": "nobody@example.vn"}); status != http.StatusUnprocessableEntity {
		t.Fatalf("an unknown email answered %d, want 422", status)
	}
	mustText(t, bctx, "#staff .field-error", "Không có tài khoản")
	p := account.Person{Email: "gate2@example.vn", Name: "Lê Văn Cổng", Lang: i18n.VI}
	must(t, site.db.CreatePerson(ctx, &p))
	if status := mustSubmit(t, bctx, "#staff-form", map[string]string{"email": "Gate2@Example.vn"}); status != 200 {
		t.Fatalf("adding staff answered %d", status)
	}
	mustText(t, bctx, "#staff .staff-list", "Lê Văn Cổng")
	if ok, _ := site.db.IsScannerStaff(ctx, site.eventID, p.ID); !ok {
		t.Fatal("the person added is not scanner staff")
	}

	if o := site.scan(t, site.tokens[0], "R1", checkin.KindCheckin); o.Result != checkin.Accepted {
		t.Fatalf("scan: %+v", o)
	}
	mustNavigate(t, bctx, site.url+path)
	if n := mustTextOf(t, bctx, card+" .inside-n"); n != "1" {
		t.Fatalf("inside now shows %q, want 1", n)
	}
	mustEveryLanguage(t, bctx, site.url, path, card+" .gate-groups")
	mustEveryLanguage(t, bctx, site.url, fmt.Sprintf("%s/%d", path, ls[0].ID), "#list-form")
}

// TestKioskPrintsWithoutRevoking drives the badge kiosk as help-desk
// staff: a wrong code tells nothing, the right code shows and prints the
// badge (the print stylesheet keeps only the badge, A6); printing twice
// leaves the badge valid at the gate and records no entry; after a reprint
// at the help desk the old QR prints nothing and the code prints the new
// badge.
func TestKioskPrintsWithoutRevoking(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	site := mustGatesSite(t, 2)
	l := &checkin.List{EventID: site.eventID, Name: "Cổng", Rule: checkin.OnceTotal}
	must(t, site.db.CreateCheckinList(ctx, l))
	must(t, site.db.CreateGates(ctx, []checkin.Gate{{EventID: site.eventID, Code: "main", Name: "Main", ListID: l.ID}}))
	bctx := site.browse(t, site.desk)
	_, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.print = () => { window.ketnoiPrints = (window.ketnoiPrints || 0) + 1; };`})
	must(t, err)
	kiosk := fmt.Sprintf("%s/events/%d/kiosk", site.url, site.eventID)
	mustEveryLanguage(t, bctx, site.url, fmt.Sprintf("/events/%d/kiosk", site.eventID), "#kiosk-form")
	if mustRun(t, bctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("header.top")).display === "none"`)) != true {
		t.Error("the kiosk shows the site's header")
	}

	k, err := site.db.BadgeCodeKey(ctx, site.eventID)
	must(t, err)
	reg := site.regs[0]
	code := badge.Code(k, site.eventID, reg.ID)
	wrong := badge.Code(k, site.eventID, site.regs[1].ID)
	wrong = code[:strings.IndexByte(code, '-')] + wrong[strings.IndexByte(wrong, '-'):]
	for _, c := range []string{wrong, "99999-ABCDEF", "hello"} {
		if status := mustSubmit(t, bctx, "#kiosk-form", map[string]string{"code": c}); status != http.StatusUnprocessableEntity {
			t.Fatalf("code %q answered %d, want 422", c, status)
		}
		mustText(t, bctx, "#kiosk-error", "Không tìm thấy mã này")
		if mustExist(t, bctx, "#badge") {
			t.Fatalf("code %q shows a badge", c)
		}
	}

	if status := mustSubmit(t, bctx, "#kiosk-form", map[string]string{"code": strings.ToLower(code)}); status != 200 {
		t.Fatalf("the right code answered %d", status)
	}
	mustText(t, bctx, "#badge-name", reg.Name)
	mustText(t, bctx, "#badge-number", fmt.Sprintf("#%d-1", reg.ID))
	mustRun(t, bctx, chromedp.Poll[bool](`window.ketnoiPrints === 1 && document.body.dataset.printed === "1"`, chromedp.WithPollingTimeout(stepTimeout)))
	mustNoOverflow(t, bctx, 390)
	mustDo(t, bctx, chromedp.Click(chromedp.CSS("#kiosk-print"), chromedp.NodeVisible))
	mustRun(t, bctx, chromedp.Poll[bool](`window.ketnoiPrints === 2`, chromedp.WithPollingTimeout(stepTimeout)))

	_, err = chromedp.Call(bctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	must(t, err)
	type printed struct {
		Button bool    `json:"button"`
		Width  float64 `json:"width"`
		Badge  bool    `json:"badge"`
	}
	pr := mustRun(t, bctx, chromedp.Evaluate[printed](`({button: getComputedStyle(document.querySelector("#kiosk-print").parentElement).display !== "none",
		badge: getComputedStyle(document.querySelector("#badge")).display !== "none",
		width: document.querySelector("#badge").getBoundingClientRect().width})`))
	if pr.Button || !pr.Badge || pr.Width < 390 || pr.Width > 400 { // 105 mm is 396.9 CSS px
		t.Fatalf("printed page: %+v, want only the badge, 105 mm wide", pr)
	}
	_, err = chromedp.Call(bctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	must(t, err)

	after, err := site.db.Registrant(ctx, site.eventID, reg.ID)
	must(t, err)
	if after.BadgeVersion != 1 {
		t.Fatalf("printing at the kiosk raised the badge version to %d: the visitor's badge was revoked", after.BadgeVersion)
	}
	if n, _ := site.db.CountScans(ctx, site.eventID, ""); n != 0 {
		t.Fatalf("printing recorded %d scans: printing must not admit", n)
	}
	if o := site.scan(t, site.tokens[0], "main", checkin.KindCheckin); o.Result != checkin.Accepted {
		t.Fatalf("the badge printed at the kiosk is refused at the gate: %+v", o)
	}

	// A reprint at the help desk revokes the old badge.
	req, err := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/events/%d/registrations/%d/reissue", site.url, site.eventID, reg.ID), strings.NewReader("{}"))
	must(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: site.organizer})
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("reissue: %d", resp.StatusCode)
	}
	if o := site.scan(t, site.tokens[0], "main", checkin.KindCheckout); o.Reason != checkin.ReasonRevoked {
		t.Fatalf("the old badge after a help-desk reprint: %+v, want revoked", o)
	}
	mustNavigate(t, bctx, kiosk)
	if status := mustSubmit(t, bctx, "#kiosk-form", map[string]string{"code": site.tokens[0]}); status != http.StatusUnprocessableEntity {
		t.Fatalf("the revoked QR answered %d, want 422", status)
	}
	mustText(t, bctx, "#kiosk-error", "đã được cấp lại")
	if status := mustSubmit(t, bctx, "#kiosk-form", map[string]string{"code": code}); status != 200 {
		t.Fatalf("the code after the reprint answered %d", status)
	}
	mustText(t, bctx, "#badge-number", fmt.Sprintf("#%d-2", reg.ID))
	mustNavigate(t, bctx, site.url+"/events/"+itoa(site.eventID)+"/kiosk")
	// The second visitor's confirmation QR, held to a USB reader, which
	// types it and presses Enter.
	mustDo(t, bctx, chromedp.SendKeys(chromedp.CSS("#kiosk-code"), site.tokens[1]+"\r"))
	mustEventually(t, bctx, `document.querySelector("#badge-name") !== null && document.readyState === "complete"`)
	mustText(t, bctx, "#badge-name", site.regs[1].Name)
}

// TestRoomCountsLive opens the live room counts as room staff and scans
// people into a room of seven: the count follows by itself, amber from six,
// red at seven, and the other room, whose entrance nobody scans, says it is
// not counted; the page fits a phone and a big screen.
func TestRoomCountsLive(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	site := mustGatesSite(t, 7)
	l := &checkin.List{EventID: site.eventID, Name: "Phòng 1", Rule: checkin.Reentry, RoomID: 1}
	must(t, site.db.CreateCheckinList(ctx, l))
	must(t, site.db.CreateGates(ctx, []checkin.Gate{{EventID: site.eventID, Code: "room-1", Name: "Room 1", ListID: l.ID}}))
	bctx := site.browse(t, site.desk)
	path := fmt.Sprintf("/events/%d/rooms/live", site.eventID)
	mustEveryLanguage(t, bctx, site.url, path, ".room-session")
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#rooms-status").textContent === "●"`, chromedp.WithPollingTimeout(stepTimeout)))
	room1 := `.room-session[data-room="1"]`
	level := func(sel string) string {
		return mustRun(t, bctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).dataset.level`, sel)))
	}
	if got := level(room1); got != "ok" {
		t.Fatalf("empty room: %s", got)
	}
	for i := 0; i < 6; i++ {
		if o := site.scan(t, site.tokens[i], "room-1", checkin.KindCheckin); o.Result != checkin.Accepted {
			t.Fatalf("scan %d: %+v", i, o)
		}
	}
	mustRun(t, bctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector(%q).dataset.level === "nearly" && document.querySelector(%q).innerText === "6"`, room1, room1+" .inside"), chromedp.WithPollingTimeout(stepTimeout)))
	mustText(t, bctx, room1+" .state", "Gần đầy")
	site.scan(t, site.tokens[6], "room-1", checkin.KindCheckin)
	mustRun(t, bctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector(%q).dataset.level === "full"`, room1), chromedp.WithPollingTimeout(stepTimeout)))
	mustText(t, bctx, room1+" .inside", "7")
	mustText(t, bctx, room1+" .capacity", "7")
	// The other room has no check-in list: it says it is not counted
	// rather than showing an empty room with seats free.
	if got := level(`.room-session[data-room="2"]`); got != "uncounted" {
		t.Fatalf("the other room: %s", got)
	}
	mustText(t, bctx, `.room-session[data-room="2"] .state`, "Không đếm")
	mustText(t, bctx, `.room-session[data-room="2"] .inside`, "–")
	if mustExist(t, bctx, "#rooms-uncounted") {
		t.Error("the page says no room is counted while room 1 is")
	}
	color := mustRun(t, bctx, chromedp.Evaluate[string](fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).borderLeftColor`, room1)))
	if color != "rgb(180, 35, 24)" {
		t.Errorf("a full room's colour is %s, want the danger red", color)
	}
	// One leaves: amber again, without reloading.
	site.scan(t, site.tokens[0], "room-1", checkin.KindCheckout)
	mustRun(t, bctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector(%q).dataset.level === "nearly"`, room1), chromedp.WithPollingTimeout(stepTimeout)))
	mustNoOverflow(t, bctx, 390)
	mustDo(t, bctx, chromedp.EmulateViewport(1920, 1080))
	mustNavigate(t, bctx, site.url+path)
	mustNoOverflow(t, bctx, 1920)
	if cols := mustRun(t, bctx, chromedp.Evaluate[int](`getComputedStyle(document.querySelector(".room-sessions")).gridTemplateColumns.split(" ").length`)); cols < 2 {
		t.Errorf("a big screen shows %d column, want tiles side by side", cols)
	}
	mustDo(t, bctx, chromedp.Navigate("about:blank")) // ends the event stream
}

// mustEventually waits until the expression is true, asking again while
// a new page replaces the old one.
func mustEventually(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("never true: %s: %v", js, ctx.Err())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func decodeBody(resp *http.Response, v any) error { return json.NewDecoder(resp.Body).Decode(v) }

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestHelpDeskReprint drives the help desk as an organizer: a search finds
// the registration with its kiosk code; printing its PDF changes nothing;
// replacing the badge (after a confirmation) raises its version, and the
// old badge is refused at the gate.
func TestHelpDeskReprint(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	site := mustGatesSite(t, 2)
	l := &checkin.List{EventID: site.eventID, Name: "Cổng", Rule: checkin.Reentry}
	must(t, site.db.CreateCheckinList(ctx, l))
	must(t, site.db.CreateGates(ctx, []checkin.Gate{{EventID: site.eventID, Code: "main", Name: "Main", ListID: l.ID}}))
	bctx := site.browse(t, site.organizer)
	_, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.confirm = () => { window.ketnoiConfirms = (window.ketnoiConfirms || 0) + 1; return true; };`})
	must(t, err)
	reg := site.regs[1]
	path := fmt.Sprintf("/console/events/%d/helpdesk?q=%s", site.eventID, url.QueryEscape("khách 1"))
	mustEveryLanguage(t, bctx, site.url, url.QueryEscape(path), fmt.Sprintf("#reg-%d", reg.ID))
	if n := mustRun(t, bctx, chromedp.Evaluate[int](`document.querySelectorAll(".desk-results > li").length`)); n != 1 {
		t.Fatalf("the search shows %d registrations, want 1", n)
	}
	k, err := site.db.BadgeCodeKey(ctx, site.eventID)
	must(t, err)
	card := fmt.Sprintf("#reg-%d", reg.ID)
	mustText(t, bctx, card+" .reg-code", badge.Code(k, site.eventID, reg.ID))

	href := mustRun(t, bctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).href`, card+" a.print-pdf")))
	req, err := http.NewRequest("GET", href, nil)
	must(t, err)
	req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: site.organizer})
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	pdf, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Fatalf("badge PDF: %d", resp.StatusCode)
	}
	if r, _ := site.db.Registrant(ctx, site.eventID, reg.ID); r.BadgeVersion != 1 {
		t.Fatalf("printing the PDF raised the version to %d", r.BadgeVersion)
	}

	if status := mustSubmit(t, bctx, card+" form.reprint", map[string]string{}); status != 200 {
		t.Fatalf("reprint answered %d", status)
	}
	mustText(t, bctx, "#reprinted", "thẻ cũ đã bị vô hiệu")
	mustText(t, bctx, card+" .badge-no", fmt.Sprintf("#%d-2", reg.ID))
	if r, _ := site.db.Registrant(ctx, site.eventID, reg.ID); r.BadgeVersion != 2 {
		t.Fatalf("after the reprint the version is %d, want 2", r.BadgeVersion)
	}
	if o := site.scan(t, site.tokens[1], "main", checkin.KindCheckin); o.Reason != checkin.ReasonRevoked {
		t.Fatalf("the old badge after the reprint: %+v, want revoked", o)
	}
	if o := site.scan(t, site.tokens[0], "main", checkin.KindCheckin); o.Result != checkin.Accepted {
		t.Fatalf("another visitor's badge: %+v", o)
	}
	mustNoOverflow(t, bctx, 390)
}
