package web_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
	"ketnoi/internal/web"
)

// browse is a cookie-keeping client that reads the CSRF token off a form.
type browse struct {
	t    *testing.T
	c    *http.Client
	base string
}

func (b *browse) get(path string) (*http.Response, string) {
	b.t.Helper()
	resp, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func (b *browse) post(path string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	resp, err := b.c.PostForm(b.base+path, form)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func csrfOf(t *testing.T, page string) string {
	t.Helper()
	const mark = `name="csrf" value="`
	i := strings.Index(page, mark)
	if i < 0 {
		t.Fatal("page has no CSRF field")
	}
	rest := page[i+len(mark):]
	return rest[:strings.IndexByte(rest, '"')]
}

func TestLoginLogoutAndCSRF(t *testing.T) {
	f := mustFixture(t, "sqlite")
	b := &browse{t: t, c: client(), base: f.srv.URL}
	_, page := b.get("/login")
	token := csrfOf(t, page)

	// A form without its token is refused, and nobody is signed in.
	resp, _ := b.post("/login", url.Values{"email": {"visitor@example.vn"}, "password": {password}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("login without CSRF: %d", resp.StatusCode)
	}
	resp, page = b.post("/login", url.Values{"csrf": {token}, "email": {"visitor@example.vn"}, "password": {"wrong password"}})
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(page, "Email hoặc mật khẩu không đúng") {
		t.Fatalf("wrong password: %d", resp.StatusCode)
	}
	resp, _ = b.post("/login", url.Values{"csrf": {token}, "email": {"Visitor@Example.vn "}, "password": {password}, "next": {"/console"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/console" {
		t.Fatalf("login: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "ketnoi_session" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
		t.Fatalf("session cookie %+v", session)
	}
	// Its lifetime counts from the client's clock (Max-Age), so a client
	// whose clock is off does not drop it early.
	if want := int(account.SessionLifetime.Seconds()); session.MaxAge != want {
		t.Errorf("session cookie Max-Age %d, want %d", session.MaxAge, want)
	}
	resp, page = b.get("/console")
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "Person visitor") {
		t.Fatalf("signed in console: %d", resp.StatusCode)
	}
	// Logout ends the session in the database: the old cookie no longer works.
	resp, _ = b.post("/logout", url.Values{"csrf": {csrfOf(t, page)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/me", nil)
	req.AddCookie(session)
	old, err := client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	old.Body.Close()
	if old.StatusCode != http.StatusUnauthorized {
		t.Fatalf("ended session still works: %d", old.StatusCode)
	}
}

func TestLoginIsRateLimited(t *testing.T) {
	f := mustFixture(t, "sqlite")
	srv, err := web.New(f.db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), LoginLimit: 5})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	var last int
	for i := 0; i < 7; i++ {
		resp, err := http.Post(ts.URL+"/api/v1/auth/login", "application/json", strings.NewReader(`{"email":"visitor@example.vn","password":"guess `+itoa(int64(i))+`"}`))
		must(t, err)
		resp.Body.Close()
		last = resp.StatusCode
		if i < 5 && last != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d, want 401", i+1, last)
		}
	}
	if last != http.StatusTooManyRequests {
		t.Fatalf("7th attempt: %d, want 429", last)
	}
	// The right password is refused too while the limit holds.
	resp, _ := http.Post(ts.URL+"/api/v1/auth/login", "application/json", strings.NewReader(`{"email":"visitor@example.vn","password":"`+password+`"}`))
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("limit not held: %d", resp.StatusCode)
	}
}

func TestBearerTokenAndSignUp(t *testing.T) {
	f := mustFixture(t, "sqlite")
	resp, err := http.Post(f.srv.URL+"/api/v1/people", "application/json", strings.NewReader(`{"email":"kim@example.kr","name":"김민준","password":"long enough password","lang":"ko"}`))
	must(t, err)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("sign up: %d", resp.StatusCode)
	}
	if body := readAll(t, resp); strings.Contains(body, "argon2") || strings.Contains(body, "password") {
		t.Fatalf("sign-up answer leaks the password hash: %s", body)
	}
	resp, err = http.Post(f.srv.URL+"/api/v1/auth/login", "application/json", strings.NewReader(`{"email":"kim@example.kr","password":"long enough password"}`))
	must(t, err)
	body := readAll(t, resp)
	i := strings.Index(body, `"token":"`)
	if resp.StatusCode != http.StatusOK || i < 0 {
		t.Fatalf("login: %d %s", resp.StatusCode, body)
	}
	token := body[i+9:]
	token = token[:strings.IndexByte(token, '"')]
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	me, err := http.DefaultClient.Do(req)
	must(t, err)
	if b := readAll(t, me); me.StatusCode != http.StatusOK || !strings.Contains(b, "김민준") {
		t.Fatalf("me: %d %s", me.StatusCode, b)
	}
}

func TestLanguageSwitchIsRemembered(t *testing.T) {
	f := mustFixture(t, "sqlite")
	b := &browse{t: t, c: client(), base: f.srv.URL}
	_, page := b.get("/events/" + itoa(f.eventID))
	if !strings.Contains(page, `<html lang="vi">`) || !strings.Contains(page, "Triển lãm Nhà máy Thông minh") {
		t.Fatal("default is not Vietnamese")
	}
	resp, _ := b.get("/lang/ko?next=/events/" + itoa(f.eventID))
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/events/"+itoa(f.eventID) {
		t.Fatalf("switch: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page = b.get("/events/" + itoa(f.eventID))
	if !strings.Contains(page, `<html lang="ko">`) || !strings.Contains(page, "스마트 팩토리 박람회") || !strings.Contains(page, "참가업체") {
		t.Fatal("Korean not remembered")
	}
	resp, _ = b.get("/lang/ko?next=//evil.example")
	if resp.Header.Get("Location") != "/" {
		t.Fatalf("open redirect: %q", resp.Header.Get("Location"))
	}
}

func TestErrorPagesAndOperations(t *testing.T) {
	f := mustFixture(t, "sqlite")
	b := &browse{t: t, c: client(), base: f.srv.URL}
	resp, page := b.get("/no/such/page")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(page, "Không tìm thấy trang") || !strings.Contains(page, "/static/app.css") {
		t.Fatalf("404 page: %d", resp.StatusCode)
	}
	if !strings.Contains(page, `id="error-hint">Trang bạn tìm không có`) || strings.Contains(page, "Page not found") {
		t.Error("the 404 page does not say in Vietnamese what to do, or repeats its title in English")
	}
	// A signed-in reader who mistypes an address is still signed in there.
	if page := readAll(t, f.do(visitor, "GET", "/no/such/page", "", "")); !strings.Contains(page, `id="logout"`) {
		t.Error("the 404 page shows a signed-in visitor as signed out")
	}
	resp, page = b.get("/events/424242")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(page, `class="narrow error"`) {
		t.Fatalf("unknown event page: %d", resp.StatusCode)
	}
	// A route's own refusals (a missing event, a page not theirs) are in
	// the signed-in reader's language, the reader still signed in.
	if resp := f.do(visitor, "GET", "/lang/ko", "", ""); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to Korean: %d", resp.StatusCode)
	}
	for path, want := range map[string]string{
		"/events/424242": "행사를 찾을 수 없습니다.",
		"/console/events/" + itoa(f.eventID) + "/meetings": "이 작업을 할 권한이 없습니다.",
	} {
		page := readAll(t, f.do(visitor, "GET", path, "", ""))
		if !strings.Contains(page, `<html lang="ko">`) || !strings.Contains(page, `id="error-message">`+want) || !strings.Contains(page, `id="logout"`) {
			t.Errorf("%s: want a Korean error page (%q) with the visitor signed in:\n%s", path, want, clip(page, 1500))
		}
	}
	// /events, typed by hand, leads to the list of events on the home page.
	if resp := f.do(anon, "GET", "/events", "", ""); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/" {
		t.Errorf("/events: %d to %q, want a redirect to /", resp.StatusCode, resp.Header.Get("Location"))
	}
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready", "/metrics": "ketnoi_http_requests_total", "/static/htmx.min.js": "htmx"} {
		resp, body := b.get(path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
		if resp.Header.Get("X-Request-ID") == "" {
			t.Errorf("%s: no request id", path)
		}
	}
	// The runtime's and the process's own figures come with ours.
	if _, body := b.get("/metrics"); !strings.Contains(body, "go_goroutines") || !strings.Contains(body, "process_cpu_seconds_total") {
		t.Error("/metrics lacks the Go runtime's or the process's figures")
	}
}

func TestSignUpFormShowsFieldMessages(t *testing.T) {
	f := mustFixture(t, "sqlite")
	b := &browse{t: t, c: client(), base: f.srv.URL}
	_, page := b.get("/signup")
	resp, page := b.post("/signup", url.Values{"csrf": {csrfOf(t, page)}, "email": {"visitor@example.vn"}, "name": {"X"}, "password": {"short"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "phải có ít nhất 10 ký tự") {
		t.Fatalf("short password: %d", resp.StatusCode)
	}
	resp, page = b.post("/signup", url.Values{"csrf": {csrfOf(t, page)}, "email": {"visitor@example.vn"}, "name": {"X"}, "password": {"long enough password"}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(page, "đã được đăng ký") {
		t.Fatalf("duplicate email: %d", resp.StatusCode)
	}
}

// TestFormNotUTF8IsRefused: a form whose text is not UTF-8 (no browser
// sends one) is refused before anything is stored.
func TestFormNotUTF8IsRefused(t *testing.T) {
	f := mustFixture(t, "sqlite")
	cards := func() int {
		cs, err := f.db.CardsOfOrgs(t.Context(), []int64{f.orgA})
		must(t, err)
		return len(cs)
	}
	before := cards()
	resp := f.do(xadmin, "POST", "/market/orgs/"+itoa(f.orgA)+"/cards", "application/x-www-form-urlencoded",
		"kind=offer&status=published&title_vi=Xe+t%EDt&sectors=agv_amr")
	if page := readAll(t, resp); resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "không phải UTF-8") {
		t.Fatalf("a form with a byte that is not UTF-8: %d", resp.StatusCode)
	}
	if after := cards(); after != before {
		t.Fatalf("a refused form wrote a card: %d → %d", before, after)
	}
	// The same form in UTF-8 is taken.
	resp = f.do(xadmin, "POST", "/market/orgs/"+itoa(f.orgA)+"/cards", "application/x-www-form-urlencoded",
		"kind=offer&status=published&title_vi=Xe+t%E1%BB%B1+h%C3%A0nh&sectors=agv_amr")
	if resp.StatusCode != http.StatusSeeOther || cards() != before+1 {
		t.Fatalf("the same form in UTF-8: %d", resp.StatusCode)
	}
}

// TestExpiredFormLeadsBack: a form sent with a token that is not the
// session's (a page left open across a sign-in) is answered "the form has
// expired" with the way back to it, not as a lack of rights; a Referer of
// another site is not offered as the way back.
func TestExpiredFormLeadsBack(t *testing.T) {
	f := mustFixture(t, "sqlite")
	token, _ := f.session(visitor)
	send := func(referer string) (int, string) {
		req, err := http.NewRequest("POST", f.srv.URL+"/events/"+itoa(f.eventID)+"/register", strings.NewReader("csrf=stale-token-0123456789abcdef&name=An"))
		must(t, err)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Referer", referer)
		req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
		resp, err := client().Do(req)
		must(t, err)
		defer resp.Body.Close()
		return resp.StatusCode, readAll(t, resp)
	}
	status, page := send(f.srv.URL + "/events/" + itoa(f.eventID) + "/register?lang=vi")
	if status != http.StatusForbidden || !strings.Contains(page, "<h1>Biểu mẫu đã hết hạn</h1>") || strings.Contains(page, "không có quyền") {
		t.Errorf("expired form: %d, want the expired heading and no lack of rights:\n%s", status, clip(page, 1500))
	}
	if !strings.Contains(page, `href="/events/`+itoa(f.eventID)+`/register?lang=vi" id="error-back"`) {
		t.Errorf("the expired form's page does not lead back to the form")
	}
	if strings.Contains(page, `id="error-message"`) {
		t.Error("the expired form's page says it twice (its hint and the reason)")
	}
	if _, page := send("https://elsewhere.example/phish"); strings.Contains(page, `id="error-back"`) {
		t.Error("another site's page is offered as the way back")
	}
}

// TestRoomsWithoutCheckinSayNotCounted: when no room of the day's sessions
// has a check-in list, the live room counts say that no entrance is scanned
// (and, to an organizer, where to set it up) instead of showing every room
// empty with seats free.
func TestRoomsWithoutCheckinSayNotCounted(t *testing.T) {
	f := mustFixture(t, "sqlite")
	lists, err := f.db.CheckinLists(t.Context(), f.eventID)
	must(t, err)
	for _, l := range lists { // the fixture's room list counts room 1: unname it
		if l.RoomID != 0 {
			l.RoomID = 0
			must(t, f.db.UpdateCheckinList(t.Context(), &l))
		}
	}
	ss, _, err := f.db.Sessions(t.Context(), f.eventID, store.SessionFilter{Limit: 10})
	must(t, err)
	day := ss[0].StartsAt.In(event.Zone("")).Format(event.DateLayout)
	page := readAll(t, f.do(organizer, "GET", fmt.Sprintf("/events/%d/rooms/live?day=%s", f.eventID, day), "", ""))
	if !strings.Contains(page, `id="rooms-uncounted"`) || !strings.Contains(page, fmt.Sprintf(`href="/console/events/%d/checkin/lists"`, f.eventID)) {
		t.Errorf("the rooms' page does not say that no room is counted, or where to set it up")
	}
	if !strings.Contains(page, `data-level="uncounted"`) || strings.Contains(page, `data-level="ok"`) {
		t.Errorf("a room nobody scans shows as a room with seats free")
	}
}

// TestEventPartnerInTheReadersLanguage: the co-organizer is named as the
// reader knows it (KOTRA is 대한무역투자진흥공사 to a Korean reader), and
// the venue's address is written in the reader's language.
func TestEventPartnerInTheReadersLanguage(t *testing.T) {
	f := mustFixture(t, "sqlite")
	e, err := f.db.Event(t.Context(), f.eventID)
	must(t, err)
	e.Partner = "KOTRA (Korea Trade-Investment Promotion Agency)"
	e.PartnerName.KO = "KOTRA (대한무역투자진흥공사)"
	v := &event.Venue{Name: i18n.Text{EN: "WTC Binh Duong"}, Address: "Hung Vuong Boulevard", AddressName: i18n.Text{KO: "훙브엉 대로"},
		Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	must(t, f.db.CreateVenue(t.Context(), v))
	e.VenueID = v.ID
	must(t, f.db.UpdateEvent(t.Context(), &e))
	if r := f.do(visitor, "GET", "/lang/ko", "", ""); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to Korean: %d", r.StatusCode)
	}
	if page := readAll(t, f.do(visitor, "GET", fmt.Sprintf("/events/%d", f.eventID), "", "")); !strings.Contains(page, "KOTRA (대한무역투자진흥공사)") || !strings.Contains(page, "훙브엉 대로") {
		t.Error("the Korean event page does not name the partner, or write the address, in Korean")
	}
}
