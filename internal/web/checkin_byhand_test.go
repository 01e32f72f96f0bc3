package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store/storetest"
)

func init() {
	// The gate search is the gate staff's (scanner staff, checked in
	// TestGateEntryByHand: they are not in the role matrix): exhibitors,
	// who scan leads with the same scanner, may not list the visitors.
	addAccess(map[string][]string{
		"GET /api/v1/events/{event}/scanner/search": runners,
	})
}

// byHandSite is the fixture with what entry by hand needs: a delegate
// with a phone, a cancelled registration, and a registration at another
// event, with their registration codes.
type byHandSite struct {
	*fixture
	tung, cancelled, elsewhere checkin.Registrant
	codes                      map[int64]string // registration → its code
}

func mustByHandSite(t *testing.T, dialect string) *byHandSite {
	t.Helper()
	ctx := context.Background()
	f := mustFixture(t, dialect)
	site := &byHandSite{fixture: f, codes: map[int64]string{}}
	register := func(eventID int64, name, email, phone, orgName string, cat event.Category) checkin.Registrant {
		r := checkin.Registrant{Name: name, Email: email, Phone: phone, OrgName: orgName}
		r.EventID, r.Category = eventID, cat
		must(t, f.db.Register(ctx, &r))
		k, err := f.db.BadgeCodeKey(ctx, eventID)
		must(t, err)
		site.codes[r.ID] = badge.Code(k, eventID, r.ID)
		return r
	}
	site.tung = register(f.eventID, "Võ Thanh Tùng", "tung@minhphat.vn", "+84 912 345 678", "Công ty Tự động hóa Minh Phát", event.CatDelegate)
	site.cancelled = register(f.eventID, "Lê Văn Hủy", "huy@example.vn", "", "", event.CatVisitor)
	must(t, f.db.CancelRegistration(ctx, f.eventID, site.cancelled.ID))
	v := &event.Venue{Name: i18n.Text{VI: "Trung tâm Hội nghị"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	must(t, f.db.CreateVenue(ctx, v))
	other := &event.Event{Slug: "forum-2027", Kind: event.Forum, Name: i18n.Text{VI: "Diễn đàn"}, VenueID: v.ID, StartDate: "2027-03-10", EndDate: "2027-03-10"}
	must(t, f.db.CreateEvent(ctx, other))
	site.elsewhere = register(other.ID, "Kim Min-jun", "kim@example.kr", "", "", event.CatVisitor)
	return site
}

// handScan is a gate scan entered by hand at gate-1: ref is the JSON of
// its code or registration field.
func (s *byHandSite) handScan(id, kind, ref string) string {
	return fmt.Sprintf(`{"id":"%s","point":"gate-1","kind":%q,"scanned_at":%q,%s}`, id, kind, s.db.Now().Format(time.RFC3339), ref)
}

type scanAnswer struct {
	Status, Reason, Category string
	RegistrationID           int64 `json:"registration_id"`
}

func (s *byHandSite) post(t *testing.T, role, body string) scanAnswer {
	t.Helper()
	code, out := postScans(t, s.fixture, role, body)
	var a scanAnswer
	if code != http.StatusOK || json.Unmarshal([]byte(out), &a) != nil {
		t.Fatalf("%s: %d %s", body, code, out)
	}
	return a
}

func (a scanAnswer) String() string { return a.Status + "/" + a.Reason }

// TestGateEntryByHand: at the gate, a typed registration code or badge
// number, or a registration picked from a search, is decided and stored
// as a scan of that badge; every wrong entry gets its reason, never a 500.
func TestGateEntryByHand(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			s := mustByHandSite(t, dialect)
			testCodesAtTheGate(t, s)
			testGateSearch(t, s)
		})
	}
}

func testCodesAtTheGate(t *testing.T, s *byHandSite) {
	ctx := context.Background()
	tungCode := s.codes[s.tung.ID]
	// Typed on a phone: lower case and spaces are read.
	typed := strings.ToLower(strings.Replace(tungCode, "-", " - ", 1))
	first := s.handScan("40000000-0000-4000-8000-000000000001", "checkin", fmt.Sprintf(`"code":%q`, typed))
	if a := s.post(t, organizer, first); a.String() != "accepted/" || a.Category != "delegate" || a.RegistrationID != s.tung.ID {
		t.Fatalf("a typed code: %+v", a)
	}
	if a := s.post(t, organizer, first); a.Status != "duplicate" {
		t.Errorf("the same entry resent: %+v, want duplicate", a)
	}
	again := s.handScan("40000000-0000-4000-8000-000000000002", "checkin", fmt.Sprintf(`"code":%q`, tungCode))
	if a := s.post(t, organizer, again); a.String() != "rejected/already_inside" {
		t.Errorf("the code typed again: %s, want the list's rule (already_inside)", a)
	}
	// A phone whose clock is a day behind does not move the entry to
	// another day, where the rule would let the visitor in again: the
	// server dates an entry by hand.
	behind := fmt.Sprintf(`{"id":"40000000-0000-4000-8000-000000000009","point":"gate-1","kind":"checkin","scanned_at":%q,"code":%q}`,
		s.db.Now().Add(-24*time.Hour).Format(time.RFC3339), tungCode)
	if a := s.post(t, organizer, behind); a.String() != "rejected/already_inside" {
		t.Errorf("the code typed on a phone a day behind: %s, want already_inside", a)
	}
	exit := s.handScan("40000000-0000-4000-8000-000000000003", "checkout", fmt.Sprintf(`"registration":%d`, s.tung.ID))
	if a := s.post(t, organizer, exit); a.String() != "accepted/" || a.Category != "delegate" {
		t.Errorf("an exit picked from a search: %+v", a)
	}
	// The badge number printed under the QR admits the visitor; a
	// version never printed is no badge.
	visitor := s.ids["registration"]
	number := s.handScan("40000000-0000-4000-8000-000000000004", "checkin", fmt.Sprintf(`"code":"#%d-1"`, visitor))
	if a := s.post(t, organizer, number); a.String() != "accepted/" || a.Category != "visitor" {
		t.Errorf("a badge number: %+v", a)
	}
	refused := []struct{ name, body, want string }{
		{"an unknown code", `"code":"1-ABCDEF"`, "rejected/unknown_code"},
		{"a code of another event", fmt.Sprintf(`"code":%q`, s.codes[s.elsewhere.ID]), "rejected/unknown_code"},
		{"a badge number never printed", fmt.Sprintf(`"code":"#%d-7"`, visitor), "rejected/unknown_code"},
		{"a cancelled registration's code", fmt.Sprintf(`"code":%q`, s.codes[s.cancelled.ID]), "rejected/cancelled"},
		{"a registration of another event", fmt.Sprintf(`"registration":%d`, s.elsewhere.ID), "rejected/unknown_registration"},
		{"a very long code", fmt.Sprintf(`"code":%q`, strings.Repeat("1042-K7QX9M", 500)), "rejected/unknown_code"},
		{"a code queued offline", fmt.Sprintf(`"code":%q,"offline":true`, tungCode), "rejected/invalid_scan"},
		{"a code and a badge at once", fmt.Sprintf(`"code":%q,"token":%q`, tungCode, badgeTokens[s.fixture]), "rejected/invalid_scan"},
	}
	for i, c := range refused {
		body := s.handScan(fmt.Sprintf("40000000-0000-4000-8000-0000000001%02d", i), "checkin", c.body)
		if a := s.post(t, organizer, body); a.String() != c.want {
			t.Errorf("%s: %s, want %s", c.name, a, c.want)
		}
	}
	// Non-UTF-8 bytes in the code (read as U+FFFD): no code, never a 500.
	raw := s.handScan("40000000-0000-4000-8000-000000000201", "checkin", "\"code\":\"12-\xff\xfe\"")
	if a := s.post(t, organizer, raw); a.String() != "rejected/unknown_code" {
		t.Errorf("a code that is not UTF-8: %s, want unknown_code", a)
	}
	// Exhibitor staff scan leads: no entry by hand, at a gate or a booth.
	gate := s.handScan("40000000-0000-4000-8000-000000000301", "checkin", fmt.Sprintf(`"code":%q`, tungCode))
	if a := s.post(t, xstaff, gate); a.String() != "rejected/forbidden" {
		t.Errorf("exhibitor staff typing a code at a gate: %s", a)
	}
	lead := fmt.Sprintf(`{"id":"40000000-0000-4000-8000-000000000302","kind":"lead","exhibitor":%d,"code":%q,"scanned_at":%q}`, s.x1.ID, tungCode, s.db.Now().Format(time.RFC3339))
	if a := s.post(t, xstaff, lead); a.String() != "rejected/invalid_scan" {
		t.Errorf("a lead by typed code: %s", a)
	}
	// Scanner staff may, like organizers.
	desk := fmt.Sprintf(`{"id":"40000000-0000-4000-8000-000000000401","point":"gate-1","kind":"checkout","scanned_at":%q,"code":"#%d-1"}`, s.db.Now().Format(time.RFC3339), visitor)
	if code, out := s.doAsPerson(s.ids["person"], "POST", fmt.Sprintf("/api/v1/events/%d/scans", s.eventID), "application/json", desk); code != 200 || !strings.Contains(out, `"status":"accepted"`) {
		t.Errorf("scanner staff entering a badge number: %d %s", code, out)
	}
	// The number of a badge replaced at the help desk is refused, as its
	// QR would be.
	if _, err := s.db.ReissueBadge(ctx, s.eventID, visitor); err != nil {
		t.Fatal(err)
	}
	old := s.handScan("40000000-0000-4000-8000-000000000402", "checkin", fmt.Sprintf(`"code":"#%d-1"`, visitor))
	if a := s.post(t, organizer, old); a.String() != "rejected/revoked" {
		t.Errorf("a replaced badge's number: %s, want revoked", a)
	}
	// Every entry is in the scan log and the live figures, like a scan.
	day := s.db.Now().In(event.Zone("")).Format(event.DateLayout)
	st, err := s.db.CheckinStats(ctx, s.eventID, day)
	must(t, err)
	if st.Admitted != 2 || st.Exits != 2 || st.ByCategory["delegate"] != 1 || st.ByGate["gate-1"] != 2 {
		t.Errorf("the day's figures after entries by hand: %+v", st)
	}
	if n, err := s.db.CountScans(ctx, s.eventID, "rejected"); err != nil || n < len(refused)+3 {
		t.Errorf("%d refused scans stored (%v), want every refusal logged", n, err)
	}
}

func testGateSearch(t *testing.T, s *byHandSite) {
	// The scanner page offers both, labelled, with a keyboard for the code.
	page := readAll(t, s.do(organizer, "GET", fmt.Sprintf("/events/%d/scanner/", s.eventID), "", ""))
	if p := a11yProblems([]byte(page)); len(p) > 0 {
		t.Errorf("the scanner page: %v", p)
	}
	for _, want := range []string{`id="code"`, `inputmode="text"`, `id="search-form"`, "Mã đăng ký hoặc số thẻ", "Tìm theo tên, email, số điện thoại hoặc tổ chức"} {
		if !strings.Contains(page, want) {
			t.Errorf("the scanner page lacks %s", want)
		}
	}
	search := func(who int64, role, q string) (int, string) {
		t.Helper()
		path := fmt.Sprintf("/api/v1/events/%d/scanner/search?q=%s", s.eventID, q)
		if who != 0 {
			return s.doAsPerson(who, "GET", path, "", "")
		}
		resp := s.do(role, "GET", path, "", "")
		return resp.StatusCode, readAll(t, resp)
	}
	found := []struct{ q, want string }{
		{"vo+thanh+tung", "Võ Thanh Tùng"},                  // diacritics folded
		{"0912%20345%20678", "Võ Thanh Tùng"},               // the phone as said aloud
		{"MINH+PHAT", "Võ Thanh Tùng"},                      // organization
		{"tung%40minhphat.vn", "Võ Thanh Tùng"},             // email
		{"le+van+huy", `"status":"cancelled"`},              // shown, refused if picked
		{"vi%E1%BB%87n+c%C6%A1+kh%C3%AD", "Person visitor"}, // exact diacritics
	}
	for _, c := range found {
		code, out := search(0, organizer, c.q)
		if code != 200 || !strings.Contains(out, c.want) {
			t.Errorf("search %q: %d %s, want %s", c.q, code, out, c.want)
		}
		if strings.Contains(out, "@minhphat.vn") || strings.Contains(out, "912") {
			t.Errorf("search %q shows contact details: %s", c.q, out)
		}
	}
	if code, out := search(0, organizer, "kim+min"); code != 200 || !strings.Contains(out, `"total":0`) {
		t.Errorf("a registration of another event was found: %d %s", code, out)
	}
	for _, q := range []string{"", "+", "a", url.QueryEscape(strings.Repeat("Nguyễn ", 40)), "%ff%fe"} {
		resp := s.do(organizer, "GET", fmt.Sprintf("/api/v1/events/%d/scanner/search?q=%s", s.eventID, q), "", "")
		out := readAll(t, resp)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") || !strings.Contains(out, `"q"`) {
			t.Errorf("search %q: %d %s %s, want 422 problem+json naming q", q, resp.StatusCode, resp.Header.Get("Content-Type"), out)
		}
	}
	if code, out := search(s.ids["person"], "", "vo+thanh"); code != 200 || !strings.Contains(out, "Võ Thanh Tùng") {
		t.Errorf("scanner staff searching: %d %s", code, out)
	}
	for _, role := range []string{xstaff, xadmin, visitor} {
		if code, _ := search(0, role, "vo+thanh"); code != http.StatusForbidden {
			t.Errorf("%s searching the visitors at the gate: %d, want 403", role, code)
		}
	}
	// A person searching without end is stopped: no staff account lists
	// every registration.
	for i := 0; ; i++ {
		resp := s.do(organizer, "GET", fmt.Sprintf("/api/v1/events/%d/scanner/search?q=%c%c", s.eventID, 'a'+i%26, 'a'+i/26), "", "")
		out := readAll(t, resp)
		if resp.StatusCode == http.StatusTooManyRequests {
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
				t.Errorf("too many searches: %s %s", resp.Header.Get("Content-Type"), out)
			}
			break
		}
		if resp.StatusCode != 200 || i > 40 {
			t.Fatalf("search %d in a minute: %d %s, want 429 after 30", i+1, resp.StatusCode, out)
		}
	}
}

// doAsPerson sends a request signed in as a person outside the role
// matrix (the scanner staff).
func (f *fixture) doAsPerson(personID int64, method, path, contentType, body string) (int, string) {
	f.t.Helper()
	token := account.NewToken()
	must(f.t, f.db.CreateWebSession(context.Background(), account.Session{TokenHash: account.HashToken(token),
		PersonID: personID, CSRF: account.NewToken(), ExpiresAt: f.db.Now().Add(time.Hour)}))
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	must(f.t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
	resp, err := client().Do(req)
	must(f.t, err)
	return resp.StatusCode, readAll(f.t, resp)
}
