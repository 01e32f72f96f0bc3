package web_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail/mailtest"
	"ketnoi/internal/store"
	"ketnoi/internal/web"
)

// TestRegisterMailsVerifiableBadge registers through the public form; the
// confirmation mail (read back from a real SMTP test server) carries the
// badge PDF, whose QR code a third-party decoder reads and the event's
// public key verifies.
func TestRegisterMailsVerifiableBadge(t *testing.T) {
	f := mustFixture(t, "sqlite")
	smtp, inbox := mailtest.MustServer(t)
	srv, err := web.New(f.db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Mail: smtp})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	csrf := "anonymous-csrf-token-0123456789"
	form := url.Values{"csrf": {csrf}, "name": {"Trần Thị Bích"}, "email": {"bich@example.vn"}, "organization": {"Viện Cơ khí"},
		"category": {"delegate"}, "interests": {"robotics"}, "consent": {"yes"}}
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/events/%d/register", ts.URL, f.eventID), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Cookie", "ketnoi_csrf="+csrf)
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	body := readAll(t, resp)
	if resp.StatusCode != http.StatusCreated || !strings.Contains(body, `id="badge-qr"`) {
		t.Fatalf("register: %d %s", resp.StatusCode, body)
	}
	m := inbox.Wait(t, "bich@example.vn", "")
	var pdf []byte
	for _, a := range m.Attachments {
		if a.ContentType == "application/pdf" {
			pdf = a.Data
		}
	}
	if pdf == nil || !strings.Contains(m.Text, "Trần Thị Bích") {
		t.Fatalf("mail without the badge PDF or the name: %+v", m.Subject)
	}
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "b.pdf"), pdf, 0o644))
	if out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", filepath.Join(dir, "b.pdf"), filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	out, err := exec.Command("zbarimg", "--quiet", "--raw", filepath.Join(dir, "p-1.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	keys, err := f.db.BadgeKeys(t.Context(), f.eventID)
	must(t, err)
	c, err := badge.Verify(keys, strings.TrimSpace(string(out)))
	if err != nil || c.Category != "delegate" || c.EventID != f.eventID {
		t.Fatalf("badge from the mail: %+v, %v", c, err)
	}
	// A second registration with the same email is refused with a message.
	resp, err = http.DefaultClient.Do(func() *http.Request {
		r, _ := http.NewRequest("POST", fmt.Sprintf("%s/events/%d/register", ts.URL, f.eventID), strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Cookie", "ketnoi_csrf="+csrf)
		return r
	}())
	must(t, err)
	if b := readAll(t, resp); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, "field-error") {
		t.Fatalf("second registration: %d", resp.StatusCode)
	}
}

// TestRegistrationQuotaOverAPI posts registrations concurrently past a
// quota, on both databases: exactly the quota is accepted.
func TestRegistrationQuotaOverAPI(t *testing.T) {
	for _, d := range []string{"sqlite", "postgres"} {
		if d == "postgres" && os.Getenv("KETNOI_TEST_POSTGRES_URL") == "" {
			continue
		}
		t.Run(d, func(t *testing.T) {
			f := mustFixture(t, d)
			must(t, f.db.SetQuota(t.Context(), f.eventID, event.CatPress, 10))
			var wg sync.WaitGroup
			var mu sync.Mutex
			codes := map[int]int{}
			for i := 0; i < 40; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					body := fmt.Sprintf(`{"name":"Press %d","email":"press%d@example.vn","category":"press"}`, i, i)
					resp, err := http.Post(fmt.Sprintf("%s/api/v1/events/%d/registrations", f.srv.URL, f.eventID), "application/json", strings.NewReader(body))
					if err != nil {
						t.Error(err)
						return
					}
					resp.Body.Close()
					mu.Lock()
					codes[resp.StatusCode]++
					mu.Unlock()
				}()
			}
			wg.Wait()
			_, n, err := f.db.Registrants(t.Context(), f.eventID, store.RegistrantFilter{Category: "press", Status: "active"})
			must(t, err)
			if codes[201] != 10 || codes[409] != 30 || n != 10 {
				t.Fatalf("answers %v, stored %d; want 10 created, 30 conflicts, 10 stored", codes, n)
			}
		})
	}
}

// TestRegisteredVisitorGetsTheBadge: a signed-in person is offered the
// registration form filled with their name and email; once registered,
// the event's page and the form lead to their badge instead, and the same
// email typed again is refused in the reader's language.
func TestRegisteredVisitorGetsTheBadge(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ev := "/events/" + itoa(f.eventID)
	// An exhibitor's staff member, not registered yet (the fixture's
	// visitor is).
	me := f.people[xstaff]
	form := readAll(t, f.do(xstaff, "GET", ev+"/register", "", ""))
	if !strings.Contains(form, `value="`+me.Email+`"`) || !strings.Contains(form, `value="`+me.Name+`"`) || strings.Contains(form, `id="already-registered"`) {
		t.Fatalf("the form is not filled with the signed-in visitor's name and email (%s, %s):\n%s", me.Name, me.Email, form)
	}
	if page := readAll(t, f.do(xstaff, "GET", ev, "", "")); strings.Contains(page, `id="my-badge"`) || !strings.Contains(page, ev+"/register") {
		t.Fatal("an unregistered visitor is not offered to register")
	}
	reg := &event.Registration{EventID: f.eventID, PersonID: me.ID, Category: event.CatVisitor}
	must(t, f.db.CreateRegistration(t.Context(), reg))
	badge := fmt.Sprintf(`href="/me/registrations/%d/badge.pdf"`, reg.ID)
	for _, path := range []string{ev, ev + "/register"} {
		if page := readAll(t, f.do(xstaff, "GET", path, "", "")); !strings.Contains(page, badge) || strings.Contains(page, `id="register-form"`) {
			t.Errorf("%s does not lead the registered visitor to the badge", path)
		}
	}
	again := url.Values{"name": {me.Name}, "email": {me.Email}, "category": {"visitor"}, "consent": {"yes"}}
	resp := f.do(anon, "POST", ev+"/register", "application/x-www-form-urlencoded", again.Encode())
	if page := readAll(t, resp); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "đã được đăng ký cho sự kiện này: hãy đăng nhập để lấy thẻ") {
		t.Errorf("the same email again: %d, without the reason in Vietnamese", resp.StatusCode)
	}
}

// TestRegistrationFormFitsTheEvent: signed in, the form carries the
// person's organization; a phone that is no phone number is refused with
// the form kept; a person registering themself is led to the badge; the
// consent to exhibitors' scans is asked at a trade fair only, and a forum's
// registration leads to its programme.
func TestRegistrationFormFitsTheEvent(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ev := "/events/" + itoa(f.eventID)
	if form := readAll(t, f.do(xstaff, "GET", ev+"/register", "", "")); !strings.Contains(form, `name="organization" value="Công ty exhibitor-admin"`) ||
		!strings.Contains(form, `name="consent"`) {
		t.Error("the trade fair's form lacks the person's organization or the consent to exhibitors' scans")
	}
	me := f.people[xstaff]
	bad := url.Values{"name": {me.Name}, "email": {me.Email}, "phone": {"abc"}, "organization": {"Công ty exhibitor-admin"}, "category": {"visitor"}}
	resp := f.do(xstaff, "POST", ev+"/register", "application/x-www-form-urlencoded", bad.Encode())
	if page := readAll(t, resp); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="err-phone">không phải là số điện thoại`) || !strings.Contains(page, `value="abc"`) {
		t.Errorf("a phone of letters: %d, want it refused with the form kept", resp.StatusCode)
	}
	if _, err := f.db.RegistrationOf(t.Context(), f.eventID, me.ID); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("the refused form registered: %v", err)
	}
	good := bad
	good.Set("phone", "0912 345 678")
	resp = f.do(xstaff, "POST", ev+"/register", "application/x-www-form-urlencoded", good.Encode())
	page := readAll(t, resp)
	reg, err := f.db.RegistrationOf(t.Context(), f.eventID, me.ID)
	must(t, err)
	if resp.StatusCode != http.StatusCreated || !strings.Contains(page, fmt.Sprintf(`href="/me/registrations/%d/badge.pdf"`, reg.ID)) || strings.Contains(page, `id="to-agenda"`) {
		t.Errorf("registered: %d, want the way to the badge and no programme", resp.StatusCode)
	}
	v, err := f.db.Venue(t.Context(), 1)
	must(t, err)
	forum := &event.Event{Slug: "forum", Kind: event.Forum, Name: i18n.Text{VI: "Diễn đàn"}, VenueID: v.ID, StartDate: "2027-03-11", EndDate: "2027-03-12"}
	must(t, f.db.CreateEvent(t.Context(), forum))
	fv := "/events/" + itoa(forum.ID)
	if form := readAll(t, f.do(anon, "GET", fv+"/register", "", "")); strings.Contains(form, `name="consent"`) {
		t.Error("the forum's form asks consent to exhibitors' scans")
	}
	// Registered already, a person is led to the programme as well.
	mine := &event.Registration{EventID: forum.ID, PersonID: me.ID, Category: event.CatVisitor}
	must(t, f.db.CreateRegistration(t.Context(), mine))
	if form := readAll(t, f.do(xstaff, "GET", fv+"/register", "", "")); !strings.Contains(form, `id="already-registered"`) || !strings.Contains(form, `href="`+fv+`/agenda" id="to-agenda"`) {
		t.Error("a person registered at the forum is not led to its programme")
	}
	in := url.Values{"name": {"Lý Thu Hà"}, "email": {"ha@example.vn"}, "category": {"delegate"}}
	if page := readAll(t, f.do(anon, "POST", fv+"/register", "application/x-www-form-urlencoded", in.Encode())); !strings.Contains(page, `href="`+fv+`/agenda" id="to-agenda"`) || strings.Contains(page, `id="my-badge"`) {
		t.Error("a forum's registration does not lead to the programme, or offers an anonymous person a badge download")
	}
}
