package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

// The roles every route is called with.
const (
	anon      = "anonymous"
	visitor   = "visitor"
	xstaff    = "exhibitor-staff"
	xadmin    = "exhibitor-admin"
	otherX    = "other-exhibitor"
	organizer = "organizer"
	admin     = "admin"
)

var roles = []string{anon, visitor, xstaff, xadmin, otherX, organizer, admin}

const password = "correct horse battery"

// fixture is a small fair: one event with a hall, a booth, two exhibitors
// (X1 of org A, X2 of org B), a room and a session, and one person per role.
type fixture struct {
	t       *testing.T
	db      *store.DB
	dsn     string
	srv     *httptest.Server
	web     *web.Server
	people  map[string]account.Person
	eventID int64
	hallID  int64
	boothID int64
	x1, x2  event.ExhibitorView
	orgA    int64
	sessID  int64
	// ids holds the ids of what features add (by fixtureHooks), by the
	// name of their path parameter, e.g. "card".
	ids map[string]int64
}

// fixtureHooks let a feature add its own records to the fixture; each runs
// after the base fixture is built and before the server starts.
var fixtureHooks []func(f *fixture)

// withClock makes the fixture's database read the time from now, set
// before the server starts (its background work reads the clock).
func withClock(now func() time.Time) func(*store.DB) {
	return func(db *store.DB) { db.Now = now }
}

// fixtureEpoch is when the fixture's clock starts unless a test gives its
// own: before its fair (10–12 March 2027), whenever the tests run, so
// that registering, requesting meetings and placing them stay open. The
// clock then runs at the real pace from there.
var fixtureEpoch = time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)

// epochClock is a clock that reads fixtureEpoch now and runs at the real
// pace; the demo's tests read it too, its fair being in March 2027.
func epochClock() func() time.Time {
	shift := time.Since(fixtureEpoch)
	return func() time.Time { return time.Now().Add(-shift).UTC() }
}

func mustFixture(t *testing.T, dialect string, opts ...func(*store.DB)) *fixture {
	t.Helper()
	ctx := context.Background()
	dsn := storetest.MustDSN(t, dialect)
	db := storetest.MustOpenDSN(t, dsn)
	db.Now = epochClock()
	for _, o := range opts {
		o(db)
	}
	f := &fixture{t: t, db: db, dsn: dsn, people: map[string]account.Person{}, ids: map[string]int64{}}
	hash, err := account.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles[1:] {
		p := account.Person{Email: r + "@example.vn", Name: "Person " + r, Lang: i18n.VI, PasswordHash: hash, IsAdmin: r == admin}
		must(t, db.CreatePerson(ctx, &p))
		f.people[r] = p
	}
	v := &event.Venue{Name: i18n.Text{VI: "WTC Bình Dương", EN: "WTC Binh Duong"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	must(t, db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "expo", Kind: event.TradeFair, Name: i18n.Text{VI: "Triển lãm Nhà máy Thông minh", EN: "Smart Factory Expo", KO: "스마트 팩토리 박람회"},
		VenueID: v.ID, StartDate: "2027-03-10", EndDate: "2027-03-12"}
	must(t, db.CreateEvent(ctx, e))
	f.eventID = e.ID
	must(t, db.AddOrganizer(ctx, e.ID, f.people[organizer].ID))
	h := &event.Hall{EventID: e.ID, Code: "A", Name: i18n.Text{EN: "Hall A"}, Width: 100, Depth: 60}
	must(t, db.CreateHall(ctx, h))
	f.hallID = h.ID
	var xs []int64
	for i, who := range []string{xadmin, otherX} {
		o := &org.Organization{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty " + who, EN: "Company " + who}, Country: "VN",
			Email: who + "@company.vn", Phone: "+84 274 000", Sectors: []string{"robotics"}}
		must(t, db.CreateOrganization(ctx, o))
		must(t, db.AddMembership(ctx, account.Membership{PersonID: f.people[who].ID, OrgID: o.ID, Role: account.MemberAdmin}))
		if i == 0 {
			f.orgA = o.ID
			must(t, db.AddMembership(ctx, account.Membership{PersonID: f.people[xstaff].ID, OrgID: o.ID, Role: account.MemberStaff}))
		}
		x := &event.Exhibitor{EventID: e.ID, OrgID: o.ID, Status: event.Approved, BadgeQuota: 5, Notes: "private note of " + who}
		must(t, db.CreateExhibitor(ctx, x))
		xs = append(xs, x.ID)
	}
	b := &event.Booth{EventID: e.ID, HallID: h.ID, Code: "A-101", W: 3, H: 3, Type: event.Shell, Status: event.Free, PriceVND: 30_000_000}
	must(t, db.CreateBooth(ctx, b))
	f.boothID = b.ID
	must(t, db.AssignBooth(ctx, e.ID, b.ID, xs[0]))
	must(t, db.BulkLoad(ctx, func(bl *store.Bulk) error {
		return bl.Forum([]event.Room{{ID: 1, EventID: e.ID, Name: i18n.Text{EN: "Room 1"}, Capacity: 200}},
			[]event.Speaker{{ID: 1, EventID: e.ID, Name: "Lê Minh"}}, nil)
	}))
	start := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
	s := &event.Session{EventID: e.ID, RoomID: 1, Title: i18n.Text{VI: "Khai mạc", EN: "Opening"}, Language: i18n.VI,
		Abstract: i18n.Text{VI: "Phát biểu khai mạc của ban tổ chức."},
		StartsAt: start, EndsAt: start.Add(time.Hour), Speakers: []event.Speaker{{ID: 1}}}
	must(t, db.CreateSession(ctx, s))
	f.sessID = s.ID
	f.x1, _ = db.Exhibitor(ctx, e.ID, xs[0])
	f.x2, _ = db.Exhibitor(ctx, e.ID, xs[1])
	for _, hook := range fixtureHooks {
		hook(f)
	}
	// The fixture's server queues mail and sends none: a test that reads
	// mail runs its own server with an SMTP transport, and only that
	// server's worker may take the queued mail.
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), LoginLimit: 1000, MaxBody: 64 << 10, NoMailWorker: true})
	if err != nil {
		t.Fatal(err)
	}
	f.web, f.srv = srv, httptest.NewServer(srv.Handler())
	t.Cleanup(f.srv.Close)
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// session signs a role in with a fresh session and returns its token and
// CSRF token. The anonymous role gets only a CSRF cookie token.
func (f *fixture) session(role string) (token, csrf string) {
	if role == anon {
		return "", "anonymous-csrf-token-0123456789"
	}
	token, csrf = account.NewToken(), account.NewToken()
	must(f.t, f.db.CreateWebSession(context.Background(), account.Session{TokenHash: account.HashToken(token),
		PersonID: f.people[role].ID, CSRF: csrf, ExpiresAt: f.db.Now().Add(time.Hour)}))
	return token, csrf
}

// client does not follow redirects, so tests see them.
func client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// do sends a request as a role. A form body gets the role's CSRF token.
func (f *fixture) do(role, method, path, contentType, body string) *http.Response {
	f.t.Helper()
	token, csrf := f.session(role)
	if contentType == "application/x-www-form-urlencoded" {
		vals, _ := url.ParseQuery(body)
		vals.Set("csrf", csrf)
		body = vals.Encode()
	}
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
	} else {
		req.AddCookie(&http.Cookie{Name: "ketnoi_csrf", Value: csrf})
	}
	resp, err := client().Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func readAll(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
