package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

const publicURL = "https://ketnoi.example"

// resetSite is the fixture's database served with a public address, so
// that reset mails carry a whole link, and with a login limit of its own.
// It queues mail and sends none: the test reads the outbox.
func resetSite(t *testing.T, f *fixture, limit int) *browse {
	t.Helper()
	srv, err := web.New(f.db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), LoginLimit: limit,
		NoMailWorker: true, PublicURL: publicURL})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(srv.Close)
	return &browse{t: t, c: client(), base: ts.URL}
}

// registeredWithoutAccount registers a person for the fixture's fair the
// way the public form does: a person record without a password.
func registeredWithoutAccount(t *testing.T, f *fixture, email string, lang i18n.Lang) {
	t.Helper()
	reg := checkin.Registrant{Name: "Kim Min-jun", Email: email, Lang: lang}
	reg.EventID, reg.Category = f.eventID, event.CatVisitor
	must(t, f.db.Register(context.Background(), &reg, outbox.Mail{Kind: outbox.KindBadge}))
}

var resetLinkRe = regexp.MustCompile(`https://ketnoi\.example(/password/reset\?\S+)`)

// resetMails takes the reset mails queued for email since the last call
// and returns their texts, subjects and the path of each one's link.
func resetMails(t *testing.T, db *store.DB, email string) (texts, subjects, paths []string) {
	t.Helper()
	ms, err := db.ClaimMail(context.Background(), 100, time.Hour)
	must(t, err)
	for _, m := range ms {
		if m.Kind != outbox.KindMessage || m.To != email || m.Message == nil {
			continue
		}
		texts, subjects = append(texts, m.Message.Text), append(subjects, m.Subject)
		if l := resetLinkRe.FindStringSubmatch(m.Message.Text); l != nil {
			paths = append(paths, l[1])
		} else {
			t.Errorf("reset mail without a link:\n%s", m.Message.Text)
		}
	}
	return texts, subjects, paths
}

// forgot asks for a reset link through the form, as a browser does.
func (b *browse) forgot(email, next string) (*http.Response, string) {
	b.t.Helper()
	_, page := b.get("/password/forgot")
	return b.post("/password/forgot", url.Values{"csrf": {csrfOf(b.t, page)}, "email": {email}, "next": {next}})
}

// reset opens a reset link and sets the password through its form.
func (b *browse) reset(path, password string) (*http.Response, string) {
	b.t.Helper()
	resp, page := b.get(path)
	if resp.StatusCode != http.StatusOK {
		return resp, page
	}
	u, _ := url.Parse(path)
	return b.post("/password/reset", url.Values{"csrf": {csrfOf(b.t, page)}, "token": {u.Query().Get("token")},
		"next": {u.Query().Get("next")}, "password": {password}})
}

// TestPasswordResetFlow: a person who registered for the fair without an
// account asks for a link; the mail, in their language, carries it; the
// link's form refuses a short password, then sets a good one, ends the
// person's other sessions, signs them in and takes them where they were
// going. The link then no longer works, and the new password does.
func TestPasswordResetFlow(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			f := mustFixture(t, d)
			b := resetSite(t, f, 1000)
			registeredWithoutAccount(t, f, "kim@example.kr", i18n.KO)
			kim, err := f.db.PersonByEmail(context.Background(), "kim@example.kr")
			must(t, err)
			elsewhere := account.NewToken()
			must(t, f.db.CreateWebSession(context.Background(), account.Session{TokenHash: account.HashToken(elsewhere), PersonID: kim.ID,
				CSRF: "c", ExpiresAt: f.db.Now().Add(time.Hour)}))
			next := "/events/" + itoa(f.eventID)

			resp, page := b.forgot(" Kim@Example.kr ", next)
			if resp.StatusCode != http.StatusOK || !strings.Contains(page, `id="forgot-sent"`) {
				t.Fatalf("forgot: %d\n%s", resp.StatusCode, page)
			}
			texts, subjects, paths := resetMails(t, f.db, "kim@example.kr")
			if len(paths) != 1 {
				t.Fatalf("%d reset mails, want 1", len(paths))
			}
			if subjects[0] != "ketnoi 비밀번호 설정" || !strings.Contains(texts[0], "Kim Min-jun 님") || !strings.Contains(texts[0], "한 시간") {
				t.Errorf("the mail is not in the person's Korean: %q\n%s", subjects[0], texts[0])
			}
			if !strings.Contains(paths[0], "next="+url.QueryEscape(next)) {
				t.Errorf("the link %s does not lead back to %s", paths[0], next)
			}

			resp, page = b.reset(paths[0], "short")
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "phải có ít nhất 10 ký tự") {
				t.Fatalf("short password: %d\n%s", resp.StatusCode, page)
			}
			resp, _ = b.reset(paths[0], "mật khẩu mới đủ dài")
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != next {
				t.Fatalf("reset: %d to %q, want %s", resp.StatusCode, resp.Header.Get("Location"), next)
			}
			if _, page := b.get("/console"); !strings.Contains(page, "Kim Min-jun") {
				t.Error("not signed in after the reset")
			}
			if _, err := f.db.WebSession(context.Background(), account.HashToken(elsewhere)); !apperr.Is(err, apperr.NotFound) {
				t.Errorf("a session from before the reset still works: %v", err)
			}

			// Kim is signed in now: the page is in Kim's Korean.
			resp, page = b.get(paths[0])
			if resp.StatusCode != http.StatusGone || !strings.Contains(page, "이미 사용된 링크입니다") || !strings.Contains(page, `id="reset-again"`) {
				t.Errorf("the used link: %d\n%s", resp.StatusCode, page)
			}
			fresh := &browse{t: t, c: client(), base: b.base}
			_, page = fresh.get("/login")
			resp, _ = fresh.post("/login", url.Values{"csrf": {csrfOf(t, page)}, "email": {"kim@example.kr"}, "password": {"mật khẩu mới đủ dài"}})
			if resp.StatusCode != http.StatusSeeOther {
				t.Errorf("sign in with the new password: %d", resp.StatusCode)
			}
		})
	}
}

// TestPasswordResetDeadLinks: an expired link, a link replaced by a newer
// one, a used one and one never sent each get a page that says so in the
// reader's language and offers a new link; a form posted with one sets
// nothing. Never a 500.
func TestPasswordResetDeadLinks(t *testing.T) {
	var shift time.Duration
	clock := epochClock()
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return clock().Add(shift) }))
	b := resetSite(t, f, 1000)
	b.forgot(visitor+"@example.vn", "/")
	_, _, first := resetMails(t, f.db, visitor+"@example.vn")
	b.forgot(visitor+"@example.vn", "/")
	_, _, second := resetMails(t, f.db, visitor+"@example.vn")
	if len(first) != 1 || len(second) != 1 {
		t.Fatalf("mails: %d, %d", len(first), len(second))
	}
	resp, page := b.get(first[0])
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(page, "đã được thay bằng một liên kết mới hơn") {
		t.Errorf("the replaced link: %d\n%s", resp.StatusCode, page)
	}
	resp, _ = b.get(second[0])
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the newest link: %d", resp.StatusCode)
	}

	shift = account.ResetLifetime + time.Second
	resp, page = b.get(second[0])
	if resp.StatusCode != http.StatusGone || !strings.Contains(page, "Liên kết này đã hết hạn") || !strings.Contains(page, `href="/password/forgot"`) {
		t.Errorf("the expired link: %d\n%s", resp.StatusCode, page)
	}
	u, _ := url.Parse(second[0])
	_, form := b.get("/password/forgot")
	resp, page = b.post("/password/reset", url.Values{"csrf": {csrfOf(t, form)}, "token": u.Query()["token"], "password": {"a new long password"}})
	if resp.StatusCode != http.StatusGone || !strings.Contains(page, `id="reset-dead"`) {
		t.Errorf("posting the expired link: %d\n%s", resp.StatusCode, page)
	}
	if p, _ := f.db.Person(context.Background(), f.people[visitor].ID); !account.CheckPassword(p.PasswordHash, password) {
		t.Error("an expired link changed the password")
	}

	b.get("/lang/en?next=/")
	for _, path := range []string{"/password/reset", "/password/reset?token=nothing-we-sent", "/password/reset?token=" + strings.Repeat("x", 500)} {
		resp, page = b.get(path)
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(page, "This link is not known") || !strings.Contains(page, `id="reset-again"`) {
			t.Errorf("%s: %d\n%s", path, resp.StatusCode, page)
		}
	}
}

// TestForgotPasswordTellsNobodyWhoHasAnAccount: the answer for an email
// with an account and for one without is the same page with the same
// status; only the first gets a mail.
func TestForgotPasswordTellsNobodyWhoHasAnAccount(t *testing.T) {
	f := mustFixture(t, "sqlite")
	b := resetSite(t, f, 1000)
	known, kPage := b.forgot(visitor+"@example.vn", "/")
	unknown, uPage := b.forgot("nobody@example.vn", "/")
	if known.StatusCode != http.StatusOK || unknown.StatusCode != known.StatusCode {
		t.Fatalf("statuses: %d for an account, %d for none", known.StatusCode, unknown.StatusCode)
	}
	if strings.ReplaceAll(kPage, visitor+"@example.vn", "EMAIL") != strings.ReplaceAll(uPage, "nobody@example.vn", "EMAIL") {
		t.Error("the answer for an email with an account differs from the answer for one without")
	}
	if _, _, got := resetMails(t, f.db, visitor+"@example.vn"); len(got) != 1 {
		t.Errorf("%d mails to the account, want 1", len(got))
	}
	if _, _, got := resetMails(t, f.db, "nobody@example.vn"); len(got) != 0 {
		t.Errorf("%d mails to an address without an account", len(got))
	}
	_, form := b.get("/password/forgot")
	resp, page := b.post("/password/forgot", url.Values{"csrf": {csrfOf(t, form)}, "email": {"not an email"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "không phải địa chỉ email hợp lệ") {
		t.Errorf("a malformed email: %d\n%s", resp.StatusCode, page)
	}
}

// TestForgotPasswordIsRateLimited: past the login limit the form refuses,
// in the reader's language, and mails nothing more.
func TestForgotPasswordIsRateLimited(t *testing.T) {
	f := mustFixture(t, "sqlite")
	b := resetSite(t, f, 3)
	var last int
	var page string
	for range 5 {
		var resp *http.Response
		resp, page = b.forgot(visitor+"@example.vn", "/")
		last = resp.StatusCode
	}
	if last != http.StatusTooManyRequests || !strings.Contains(page, "Quá nhiều lần thử") {
		t.Fatalf("fifth request: %d\n%s", last, page)
	}
	if _, _, got := resetMails(t, f.db, visitor+"@example.vn"); len(got) != 3 {
		t.Errorf("%d mails, want 3 (the limit)", len(got))
	}
}

// TestSignUpOffersToSetAPassword: signing up with the email of a person
// who registered for an event without an account says the email is known
// without a password and links to the form that mails a link, the email
// and the page's next filled in. An email with a password is simply taken.
func TestSignUpOffersToSetAPassword(t *testing.T) {
	f := mustFixture(t, "sqlite")
	registeredWithoutAccount(t, f, "kim@example.kr", i18n.KO)
	b := &browse{t: t, c: client(), base: f.srv.URL}
	_, page := b.get("/signup?next=/events/1")
	form := url.Values{"csrf": {csrfOf(t, page)}, "name": {"Kim"}, "email": {"Kim@Example.kr"}, "password": {"long enough password"}, "next": {"/events/1"}}
	resp, page := b.post("/signup", form)
	want := `href="/password/forgot?email=kim%40example.kr&amp;next=%2Fevents%2F1"`
	if resp.StatusCode != http.StatusConflict || !strings.Contains(page, "chưa có mật khẩu") || !strings.Contains(page, want) {
		t.Fatalf("sign-up with a registration's email: %d, want the message and %s in\n%s", resp.StatusCode, want, page)
	}
	_, page = b.get("/password/forgot?email=kim%40example.kr&next=%2Fevents%2F1")
	if !strings.Contains(page, `value="kim@example.kr"`) || !strings.Contains(page, `name="next" value="/events/1"`) {
		t.Errorf("the forgot form is not filled in:\n%s", page)
	}
	form.Set("email", visitor+"@example.vn")
	resp, page = b.post("/signup", form)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(page, "đã được đăng ký") || strings.Contains(page, `id="set-password"`) {
		t.Errorf("sign-up with an account's email: %d\n%s", resp.StatusCode, page)
	}
}

// TestAuthLinksKeepNext: the links between sign-in, sign-up and the
// forgot form carry where the person was going.
func TestAuthLinksKeepNext(t *testing.T) {
	f := mustFixture(t, "sqlite")
	b := &browse{t: t, c: client(), base: f.srv.URL}
	_, page := b.get("/login?next=/events/1/exhibitors")
	for _, want := range []string{`id="signup-link"`, `href="/signup?next=%2Fevents%2F1%2Fexhibitors"`, `href="/password/forgot?next=%2Fevents%2F1%2Fexhibitors"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the sign-in page lacks %s", want)
		}
	}
	_, page = b.get("/signup?next=/events/1")
	if !strings.Contains(page, `href="/login?next=%2Fevents%2F1"`) {
		t.Error("the sign-up page's sign-in link drops next")
	}
	_, page = b.get("/login?next=//evil.example")
	if !strings.Contains(page, `href="/signup" id="signup-link"`) {
		t.Error("an unsafe next is carried on to the sign-up link")
	}
}
