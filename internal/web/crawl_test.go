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
	"strconv"
	"strings"
	"sync"
	"testing"

	"ketnoi/internal/demo"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

var (
	hrefRe   = regexp.MustCompile(`href="([^"#]*)`)
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
	db.Now = epochClock() // the demo's fair is in March 2027
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

	// Last year's matchmaking day had no floor and no forum: its page
	// counts who met and what came of it, not zero booths and sessions.
	b := &browse{t: t, c: &http.Client{}, base: hs.URL}
	_, page := b.get("/events/" + strconv.Itoa(demo.PastID))
	figures, _, _ := strings.Cut(page[strings.Index(page, `<ul class="figures">`)+1:], "</ul>")
	for _, want := range []string{`id="fig-orgs"`, `id="fig-held"`, `id="fig-outcomes"`} {
		if !strings.Contains(figures, want) {
			t.Errorf("the matchmaking day's figures lack %s: %s", want, figures)
		}
	}
	for _, zero := range []string{"gian hàng", "phiên diễn đàn", "<b>0</b>"} {
		if strings.Contains(figures, zero) {
			t.Errorf("the matchmaking day's figures show %q: %s", zero, figures)
		}
	}
	// The fair's entrances are set up, so that its scanner, kiosk and live
	// dashboard work from the first morning.
	gates, err := db.Gates(ctx, demo.FairID)
	must(t, err)
	if len(gates) != 4 || gates[0].Name == "" {
		t.Errorf("the demo fair has the gates %+v, want its four scan points", gates)
	}
	// The forum's programme on its page is headed by each of its days.
	_, forum := b.get("/events/" + strconv.Itoa(demo.ForumID))
	if days := regexp.MustCompile(`<li class="agenda-day"><h3>([^<]+)</h3>`).FindAllStringSubmatch(forum, -1); len(days) != 2 || days[0][1] == days[1][1] {
		t.Errorf("the forum's programme has the day headings %v, want its two days", days)
	}
}

func signInAs(t *testing.T, c *http.Client, base, email, password string) {
	t.Helper()
	b := &browse{t: t, c: c, base: base}
	_, page := b.get("/login")
	resp, _ := b.post("/login", url.Values{"csrf": {csrfOf(t, page)}, "email": {email}, "password": {password}})
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
		// A text looked up by a key the catalogue lacks shows the key.
		if k := catalogKeyIn(body); k != "" && !reported["key "+k] {
			reported["key "+k] = true
			t.Errorf("GET %s shows the catalogue key %q instead of its text", l.path, k)
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

var (
	catalogKeys = sync.OnceValue(func() map[string]bool {
		c, err := i18n.LoadCatalog()
		if err != nil {
			panic(err)
		}
		keys := map[string]bool{}
		for _, l := range i18n.Langs {
			for _, k := range c.Keys(l) {
				keys[k] = true
			}
		}
		return keys
	})
	keyLikeRe = regexp.MustCompile(`[a-z][a-z0-9_]*(\.[a-z0-9_]+)+`)
	tagRe     = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
)

// catalogKeyIn returns a catalogue key that a page shows as text, or a
// key-like word of a family the catalogue knows ("meeting.status.…") that
// it lacks; "" when there is none.
func catalogKeyIn(page []byte) string {
	keys := catalogKeys()
	text := tagRe.ReplaceAll(page, []byte(" "))
	for _, m := range keyLikeRe.FindAll(text, -1) {
		w := string(m)
		if keys[w] {
			return w
		}
		if i := strings.LastIndex(w, "."); i > 0 && strings.Count(w, ".") >= 2 && families()[w[:i]] {
			return w
		}
	}
	return ""
}

// families are the prefixes of the catalogue's keys that are looked up with
// a value ("meeting.status." + status): a word of such a family on a page
// is a lookup that found nothing.
var families = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for k := range catalogKeys() {
		if i := strings.LastIndex(k, "."); i > 0 && strings.Count(k, ".") >= 2 {
			out[k[:i]] = true
		}
	}
	return out
})

func TestCatalogKeyIn(t *testing.T) {
	for page, want := range map[string]string{
		`<p class="tag">meeting.status.bogus</p>`:                        "meeting.status.bogus",
		`<nav>nav.market</nav>`:                                          "nav.market",
		`<a href="/x.y.z" title="a.b.c">admin@ketnoi.demo</a> v1.2 Ltd.`: "",
		`<script>var a = meeting.status.x;</script><p>Đã xếp lịch</p>`:   "",
		`<p>outcome.kind.follow_up · Gặp tiếp</p>`:                       "outcome.kind.follow_up",
		`<td>sessions.room.new_wing</td>`:                                "",
	} {
		if got := catalogKeyIn([]byte(page)); got != want {
			t.Errorf("catalogKeyIn(%q) = %q, want %q", page, got, want)
		}
	}
}
