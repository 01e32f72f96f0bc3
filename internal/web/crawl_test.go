package web_test

import (
	"context"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ketnoi/internal/demo"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

var (
	hrefRe   = regexp.MustCompile(`href="([^"#]*)`)
	csrfRe   = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	digitsRe = regexp.MustCompile(`[0-9]+`)
)

// TestCrawlDemo signs in as each demo account (and as nobody), on SQLite
// and on PostgreSQL, follows every link the pages show on the demo fair,
// and fails on any answer the viewer should not get from a link they were
// shown: a server error, a page not found, or a refusal. Each page is also
// checked for a text missing its arguments, what a screen reader would
// stumble on (a11yProblems) and POST forms without their CSRF field. Links
// of one shape (/events/1/exhibitors/N) are followed a few times each, not
// all 500.
func TestCrawlDemo(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) { crawlDemo(t, dialect) })
	}
}

func crawlDemo(t *testing.T, dialect string) {
	ctx := context.Background()
	db := storetest.MustOpen(t, dialect)
	d := demo.Generate(1)
	must(t, demo.Seed(ctx, db, d))
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NoMailWorker: true, LoginLimit: 1000})
	must(t, err)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)

	// Each account reads in one of the three languages, in turn, so that
	// every language's texts are filled in on most pages.
	accounts := append([]demo.Login{{Role: "anonymous"}}, d.Logins...)
	for i, acc := range accounts {
		lang := []string{"vi", "en", "ko"}[i%3]
		t.Run(acc.Role+" "+acc.Email+" "+lang, func(t *testing.T) {
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Jar: jar}
			if acc.Email != "" {
				signInAs(t, c, hs.URL, acc.Email, acc.Password)
			}
			resp, err := c.Get(hs.URL + "/lang/" + lang + "?next=/")
			must(t, err)
			home, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(home), `<html lang="`+lang+`"`) {
				t.Fatalf("the home page is not in %s after choosing it", lang)
			}
			crawl(t, c, hs.URL, []string{"/", "/market", "/console"})
		})
	}
}

func signInAs(t *testing.T, c *http.Client, base, email, password string) {
	t.Helper()
	resp, err := c.Get(base + "/login")
	must(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfRe.FindSubmatch(page)
	if m == nil {
		t.Fatal("the login page has no CSRF token")
	}
	resp, err = c.PostForm(base+"/login", url.Values{"csrf": {string(m[1])}, "email": {email}, "password": {password}})
	must(t, err)
	resp.Body.Close()
	u, _ := url.Parse(base)
	signed := false
	for _, ck := range c.Jar.Cookies(u) {
		signed = signed || ck.Name == "ketnoi_session"
	}
	if !signed {
		t.Fatalf("%s could not sign in: %d", email, resp.StatusCode)
	}
}

// crawl follows same-site links breadth first from the start paths.
func crawl(t *testing.T, c *http.Client, base string, start []string) {
	t.Helper()
	const perShape, most = 3, 700
	seen, shapes, reported := map[string]bool{}, map[string]int{}, map[string]bool{}
	type link struct{ path, from string }
	queue := []link{}
	for _, p := range start {
		queue = append(queue, link{p, "(start)"})
	}
	visited := 0
	for len(queue) > 0 && visited < most {
		l := queue[0]
		queue = queue[1:]
		if seen[l.path] || strings.HasPrefix(l.path, "/logout") || strings.HasPrefix(l.path, "/static/") {
			continue
		}
		seen[l.path] = true
		u, err := url.Parse(l.path)
		if err != nil {
			t.Errorf("%s links to %q: %v", l.from, l.path, err)
			continue
		}
		keys := slices.Sorted(maps.Keys(u.Query()))
		shape := digitsRe.ReplaceAllString(u.Path, "N") + "?" + strings.Join(keys, "&")
		if shapes[shape] >= perShape {
			continue
		}
		shapes[shape]++
		visited++
		resp, err := c.Get(base + l.path)
		if err != nil {
			t.Errorf("GET %s (linked from %s): %v", l.path, l.from, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		isStart := slices.Contains(start, l.path)
		if resp.StatusCode >= 500 || (!isStart && resp.StatusCode >= 400) {
			t.Errorf("GET %s (linked from %s): %d at %s", l.path, l.from, resp.StatusCode, resp.Request.URL.RequestURI())
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		// A text given the wrong arguments shows fmt's complaint.
		if i := strings.Index(string(body), "%!"); i >= 0 {
			t.Errorf("GET %s: a text misses its arguments: %q", l.path, body[max(0, i-60):min(len(body), i+40)])
		}
		if ps := append(a11yProblems(body), csrfProblems(body)...); len(ps) > 0 && !reported[shape] {
			reported[shape] = true
			t.Errorf("GET %s: %s", l.path, strings.Join(ps, "; "))
		}
		here := resp.Request.URL.Path
		for _, m := range hrefRe.FindAllSubmatch(body, -1) {
			href := strings.ReplaceAll(string(m[1]), "&amp;", "&")
			if href == "" || strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "tel:") {
				continue
			}
			ref, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s links to %q: %v", here, href, err)
				continue
			}
			if ref.Host != "" && "http://"+ref.Host != base {
				continue
			}
			abs := resp.Request.URL.ResolveReference(ref)
			queue = append(queue, link{abs.RequestURI(), here})
		}
	}
	if visited < 20 {
		t.Errorf("only %d pages reached", visited)
	}
	t.Logf("%d pages of %d shapes", visited, len(shapes))
}

// TestConsoleIndexStands: an exhibitor's console lists its stands with the
// way to its portal and leads; an organizer of one event goes straight to
// it; a visitor is told there is nothing to run.
func TestConsoleIndexStands(t *testing.T) {
	f := mustFixture(t, "sqlite")
	resp := f.do(xstaff, "GET", "/console", "", "")
	page := readAll(t, resp)
	portal := "/portal/events/" + itoa(f.eventID) + "/exhibitors/" + itoa(f.x1.ID)
	if resp.StatusCode != 200 || !strings.Contains(page, `href="`+portal+`"`) || !strings.Contains(page, `href="`+portal+`/leads"`) ||
		!strings.Contains(page, "A-101") || strings.Contains(page, "/exhibitors/"+itoa(f.x2.ID)) {
		t.Errorf("exhibitor staff's console: %d, lacks its stand (or shows another's)", resp.StatusCode)
	}
	if resp := f.do(organizer, "GET", "/console", "", ""); resp.StatusCode != http.StatusSeeOther ||
		resp.Header.Get("Location") != "/console/events/"+itoa(f.eventID) {
		t.Errorf("organizer of one event: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	// The visitor has no stand and runs nothing, but is registered: the
	// console lists the registration with the badge to fetch again, which
	// is theirs alone.
	badgeURL := "/me/registrations/" + itoa(f.ids["registration"]) + "/badge.pdf"
	resp = f.do(visitor, "GET", "/console", "", "")
	if page := readAll(t, resp); resp.StatusCode != 200 || strings.Contains(page, `id="stands"`) || strings.Contains(page, `id="organized"`) ||
		!strings.Contains(page, `href="`+badgeURL+`"`) {
		t.Errorf("visitor's console: %d, without the registration's badge (or with stands or events to run)", resp.StatusCode)
	}
	resp = f.do(visitor, "GET", badgeURL, "", "")
	if body := readAll(t, resp); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF") {
		t.Errorf("the visitor's own badge: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp := f.do(admin, "GET", badgeURL, "", ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("someone else's badge from /me: %d, want 403", resp.StatusCode)
	}
	// Cancelled, it is listed as such, without a badge.
	reg, err := f.db.Registrant(t.Context(), f.eventID, f.ids["registration"])
	must(t, err)
	must(t, f.db.CancelRegistration(t.Context(), f.eventID, reg.ID))
	resp = f.do(visitor, "GET", "/console", "", "")
	if page := readAll(t, resp); strings.Contains(page, `href="`+badgeURL+`"`) || !strings.Contains(page, "đã hủy") {
		t.Errorf("a cancelled registration still offers its badge")
	}
	if resp := f.do(visitor, "GET", badgeURL, "", ""); resp.StatusCode != http.StatusConflict {
		t.Errorf("badge of a cancelled registration: %d, want 409", resp.StatusCode)
	}
}

// TestPortalLinksForMembers: the portal shows the leads and meetings only
// to the exhibitor's own people; an organizer editing the profile is not
// shown links that would refuse them.
func TestPortalLinksForMembers(t *testing.T) {
	f := mustFixture(t, "sqlite")
	portal := "/portal/events/" + itoa(f.eventID) + "/exhibitors/" + itoa(f.x1.ID)
	for role, want := range map[string]bool{xstaff: true, xadmin: true, organizer: false} {
		resp := f.do(role, "GET", portal, "", "")
		page := readAll(t, resp)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: portal %d", role, resp.StatusCode)
		}
		if got := strings.Contains(page, `href="`+portal+`/leads"`); got != want {
			t.Errorf("%s sees the leads link: %v, want %v", role, got, want)
		}
	}
}

// TestExhibitorPageMeetingLink: an exhibitor's public page offers a meeting
// to everyone but its own people; a reader who is not signed in is asked
// to sign in first and brought back.
func TestExhibitorPageMeetingLink(t *testing.T) {
	f := mustFixture(t, "sqlite")
	page := "/events/" + itoa(f.eventID) + "/exhibitors/" + itoa(f.x1.ID)
	for role, want := range map[string]string{
		anon:   `href="/login?next=` + page + `" id="signin-to-meet"`,
		otherX: `id="request-meeting"`,
		xstaff: `href="/portal` + page + `"`,
	} {
		resp := f.do(role, "GET", page, "", "")
		body := readAll(t, resp)
		if resp.StatusCode != 200 || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want %s", role, resp.StatusCode, want)
		}
		if role == xstaff && strings.Contains(body, `id="request-meeting"`) {
			t.Errorf("the exhibitor's own staff is offered a meeting with it")
		}
	}
}

// TestDashboardMeetings: the event's overview counts its B2B meetings by
// status, linking to the meetings console.
func TestDashboardMeetings(t *testing.T) {
	f := mustFixture(t, "sqlite")
	resp := f.do(organizer, "GET", "/console/events/"+itoa(f.eventID), "", "")
	page := readAll(t, resp)
	i := strings.Index(page, `id="dash-meetings"`)
	if resp.StatusCode != 200 || i < 0 {
		t.Fatalf("dashboard: %d, no meetings chart", resp.StatusCode)
	}
	// The fixture has one request waiting for an answer.
	if chart := page[i:]; !strings.Contains(chart, "Chờ trả lời</span>") || !strings.Contains(chart, "<b>1</b>") {
		t.Errorf("the meetings chart does not count the waiting request")
	}
}
