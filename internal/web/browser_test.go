package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ketnoi/internal/demo"
	"ketnoi/internal/event"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
	"ketnoi/internal/web/webtest"
)

// stepTimeout bounds one step, so that a wait for an element that never comes
// fails in that step and leaves time to report it.
const stepTimeout = 30 * time.Second

// demoServer is the demo trade fair served on a real listener.
type demoServer struct {
	url string
	ds  *demo.Dataset
	db  *store.DB // to compare a page with what the database holds
}

func mustDemoServer(t *testing.T) demoServer {
	t.Helper()
	ctx := context.Background()
	db := storetest.MustOpen(t, "sqlite")
	db.Now = epochClock()
	ds := demo.Generate(1)
	if err := demo.Seed(ctx, db, ds); err != nil {
		t.Fatalf("seed the demo: %v", err)
	}
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return demoServer{url: ts.URL, ds: ds, db: db}
}

// login returns the demo account of the role.
func (d demoServer) login(t *testing.T, role string) demo.Login {
	t.Helper()
	for _, l := range d.ds.Logins {
		if l.Role == role {
			return l
		}
	}
	t.Fatalf("the demo has no %s login", role)
	return demo.Login{}
}

// approvedIn counts the approved exhibitors of the fair with a booth in the
// hall ("" for any hall): what the directory must count.
func (d demoServer) approvedIn(hall string) int {
	halls := map[int64]string{}
	for _, h := range d.ds.Halls {
		halls[h.ID] = h.Code
	}
	inHall := map[int64]bool{}
	for _, b := range d.ds.Booths {
		if b.ExhibitorID != 0 && (hall == "" || halls[b.HallID] == hall) {
			inHall[b.ExhibitorID] = true
		}
	}
	n := 0
	for _, x := range d.ds.Exhibitors {
		if x.EventID == demo.FairID && x.Status == event.Approved && (hall == "" || inHall[x.ID]) {
			n++
		}
	}
	return n
}

// TestBrowserVisitorAndOrganizer walks the public site and the organizer
// console in a real browser, as a Korean visitor who then signs in as the
// organizer: each step checks what the page shows.
func TestBrowserVisitorAndOrganizer(t *testing.T) {
	webtest.RequireChromium(t) // skip before the seed when there is no browser
	d := mustDemoServer(t)
	ctx := webtest.MustBrowser(t) // the clock of webtest.Timeout starts here
	fair := d.ds.Events[0]
	if fair.ID != demo.FairID {
		t.Fatalf("the demo's first event is %d, want the fair %d", fair.ID, demo.FairID)
	}
	allCount, hallACount := d.approvedIn(""), d.approvedIn("A")
	if hallACount == 0 || hallACount == allCount {
		t.Fatalf("demo data: %d approved exhibitors in hall A of %d; the filter step needs a strict subset", hallACount, allCount)
	}
	jsErrors := watchJSErrors(ctx)
	// The addresses the flow reaches, checked again at phone width.
	var eventURL, directoryURL, exhibitorURL, dashboardURL string

	step(t, ctx, "home lists the fair in Vietnamese", func(t *testing.T, ctx context.Context) {
		mustNavigate(t, ctx, d.url+"/")
		mustLang(t, ctx, "vi")
		mustBodyContain(t, ctx, fair.Name.In("vi"))
		mustBodyContain(t, ctx, "Triển lãm Nhà máy Thông minh")
	})

	step(t, ctx, "language switch to Korean is remembered", func(t *testing.T, ctx context.Context) {
		mustClickNavigate(t, ctx, `header a[data-lang="ko"]`)
		mustLang(t, ctx, "ko")
		mustBodyContain(t, ctx, "스마트 팩토리")
		mustBodyContain(t, ctx, fair.Name.In("ko"))
		// A fresh load, not the redirect of the switch, must stay Korean.
		mustNavigate(t, ctx, d.url+"/")
		mustLang(t, ctx, "ko")
		mustBodyContain(t, ctx, fair.Name.In("ko"))
	})

	step(t, ctx, "event page opens the exhibitor directory", func(t *testing.T, ctx context.Context) {
		mustClickNavigate(t, ctx, fmt.Sprintf(`a[href="/events/%d"]`, fair.ID))
		mustText(t, ctx, "h1", fair.Name.In("ko"))
		eventURL = mustRun(t, ctx, chromedp.Location())
		mustClickNavigate(t, ctx, "#open-directory")
		mustLang(t, ctx, "ko")
		mustCount(t, ctx, allCount)
		if n := mustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("a.exhibitor-link").length`)); n == 0 {
			t.Fatal("the directory lists no exhibitor")
		}
		directoryURL = mustRun(t, ctx, chromedp.Location())
	})

	step(t, ctx, "hall filter keeps only hall A", func(t *testing.T, ctx context.Context) {
		before := mustTextOf(t, ctx, "#result-count")
		// Choose the option as a person would: the value changes, then the
		// browser fires change, on which htmx fetches and swaps #results.
		// The mark on the window shows that the page stayed: a swap, not a load.
		mustDo(t, ctx,
			chromedp.Evaluate[chromedp.Void](`window.ketnoiBeforeFilter = true`),
			chromedp.SetValue(chromedp.CSS("#filter-hall"), "A"),
			chromedp.Evaluate[chromedp.Void](`document.querySelector("#filter-hall").dispatchEvent(new Event("change", {bubbles: true}))`),
		)
		// Wait for the new count and for htmx to finish: it settles the
		// swapped nodes after inserting them.
		mustRun(t, ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector("#result-count").innerText.trim() !== %q &&
			document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling") === null`, before)))
		mustCount(t, ctx, hallACount)
		if !mustRun(t, ctx, chromedp.Evaluate[bool](`window.ketnoiBeforeFilter === true`)) {
			t.Error("the filter reloaded the page; htmx should have swapped #results in place")
		}
		metas := mustRun(t, ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll("#results .card")].map(c => c.querySelector(".meta").innerText)`))
		if len(metas) == 0 {
			t.Fatal("no exhibitor listed in hall A")
		}
		for i, meta := range metas {
			codes := boothCode.FindAllString(meta, -1)
			if len(codes) == 0 {
				t.Errorf("exhibitor %d shows no booth: %q", i+1, meta)
			}
			for _, c := range codes {
				if !strings.HasPrefix(c, "A-") {
					t.Errorf("exhibitor %d has booth %s outside hall A: %q", i+1, c, meta)
				}
			}
		}
		// hx-push-url puts the filter in the address, so the page can be shared.
		if loc := mustRun(t, ctx, chromedp.Location()); !strings.Contains(loc, "hall=A") {
			t.Errorf("address after filtering is %s, want hall=A in it", loc)
		}
	})

	step(t, ctx, "exhibitor profile shows its name", func(t *testing.T, ctx context.Context) {
		name := mustTextOf(t, ctx, "#results a.exhibitor-link")
		meta := mustTextOf(t, ctx, "#results .card .meta")
		if name == "" {
			t.Fatal("the first exhibitor link has no text")
		}
		mustClickNavigate(t, ctx, "#results a.exhibitor-link")
		exhibitorURL = mustRun(t, ctx, chromedp.Location())
		got := mustTextOf(t, ctx, "#exhibitor-name")
		if got != name {
			t.Errorf("#exhibitor-name = %q, want %q, the name of the link", got, name)
		}
		// The profile names the booths the directory card named.
		for _, c := range boothCode.FindAllString(meta, -1) {
			mustBodyContain(t, ctx, c)
		}
	})

	step(t, ctx, "organizer signs in and sees the dashboard", func(t *testing.T, ctx context.Context) {
		org := d.login(t, "organizer")
		mustClickNavigate(t, ctx, "#nav-login")
		mustDo(t, ctx,
			chromedp.SendKeys(chromedp.CSS("#email"), org.Email),
			chromedp.SendKeys(chromedp.CSS("#password"), org.Password),
		)
		mustClickNavigate(t, ctx, "#login-submit")
		if !mustExist(t, ctx, "#nav-console") {
			body := mustRun(t, ctx, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("no #nav-console after signing in as %s; the page says:\n%s", org.Email, body)
		}
		mustClickNavigate(t, ctx, "#nav-console")
		// The console goes straight to the dashboard of a person's only
		// event; else it lists the events, and we open the fair.
		if !mustExist(t, ctx, "#dashboard-title") {
			mustClickNavigate(t, ctx, fmt.Sprintf(`a[href="/console/events/%d"]`, fair.ID))
		}
		mustLang(t, ctx, "ko")
		mustText(t, ctx, "#dashboard-title", "대시보드")
		dashboardURL = mustRun(t, ctx, chromedp.Location())
		mustBodyContain(t, ctx, fair.Name.In("ko"))
		// The console counts the approved exhibitors, as the public pages
		// do, and every application (500 in the demo) beside them, as
		// the applications console lists them.
		want, applications := 0, 0
		for _, x := range d.ds.Exhibitors {
			if x.EventID == fair.ID && x.Status == event.Approved {
				want++
			}
		}
		for _, a := range d.ds.Applications {
			if a.EventID == fair.ID {
				applications++
			}
		}
		if got := mustTextOf(t, ctx, "#fig-exhibitors"); got != strconv.Itoa(want) {
			t.Errorf("#fig-exhibitors = %q, want %d", got, want)
		}
		if got := mustTextOf(t, ctx, "#fig-applications"); got != strconv.Itoa(applications) {
			t.Errorf("#fig-applications = %q, want %d", got, applications)
		}
	})

	step(t, ctx, "pages fit a phone screen", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
		mustNavigate(t, ctx, directoryURL)
		mustCount(t, ctx, allCount)
		mustNoOverflow(t, ctx, 390)
		// The other pages of the flow, in Korean, then in Vietnamese, whose
		// words are the longest of the three languages.
		for _, u := range []string{d.url + "/", eventURL, exhibitorURL, dashboardURL, dashboardURL + "/applications"} {
			mustNavigate(t, ctx, u)
			mustNoOverflow(t, ctx, 390)
		}
		mustClickNavigate(t, ctx, `header a[data-lang="vi"]`)
		mustLang(t, ctx, "vi")
		for _, u := range []string{directoryURL, d.url + "/", eventURL, exhibitorURL, dashboardURL, dashboardURL + "/applications"} {
			mustNavigate(t, ctx, u)
			mustNoOverflow(t, ctx, 390)
		}
	})

	step(t, ctx, "no JavaScript errors on the way", func(t *testing.T, ctx context.Context) {
		// A round trip to the page, so that the messages it sent before have
		// been received.
		mustRun(t, ctx, chromedp.Evaluate[bool](`true`))
		for _, e := range jsErrors.all() {
			t.Error(e)
		}
	})
}

// boothCode finds booth codes such as A-101, B-I02 or D-R03 in a line of text.
var boothCode = regexp.MustCompile(`\b[A-Z]{1,3}-[A-Z]?\d+\b`)

// jsErrors collects what a person would see as the page's own failures in the
// console: uncaught exceptions and console.error calls. Failed resource loads
// are the browser's log, not the page's code, and are left out.
type jsErrors struct {
	mu   sync.Mutex
	msgs []string
}

// watchJSErrors subscribes to the tab's console until the test's browser
// closes. The messages are read in a goroutine that never logs, so that a
// late message cannot reach a finished test.
func watchJSErrors(ctx context.Context) *jsErrors {
	e := &jsErrors{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.IsException() || (m.Type == chromedp.ConsoleError && m.Source == "") {
				e.mu.Lock()
				e.msgs = append(e.msgs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
				e.mu.Unlock()
			}
		}
	}()
	return e
}

func (e *jsErrors) all() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.msgs)
}

// step runs one named step of a browser flow with its own deadline, and
// stops the flow when it fails: later steps start from the page it leaves.
func step(t *testing.T, ctx context.Context, name string, f func(t *testing.T, ctx context.Context)) {
	t.Helper()
	ok := t.Run(name, func(t *testing.T) {
		sctx, cancel := context.WithTimeout(ctx, stepTimeout)
		defer cancel()
		f(t, sctx)
	})
	if !ok {
		t.Fatalf("step %q failed; the steps after it, which start from its page, did not run", name)
	}
}

func mustDo(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func mustRun[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// mustNavigate loads the address and checks that it answered 200.
func mustNavigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	mustOK(t, resp, url)
}

// mustClickNavigate clicks the first element the CSS selector finds and waits
// for the page it leads to (after any redirects), which must answer 200.
//
// It marks the current document and waits until a complete document without
// the mark is in the tab, rather than using chromedp.RunResponse: that one
// ends early, with no response, when it sees a same-document navigation, and
// the history.pushState of an htmx swap just before can report one late.
func mustClickNavigate(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	mustDo(t, ctx,
		chromedp.Evaluate[chromedp.Void](`window.ketnoiOldPage = true`),
		chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible),
	)
	waitNewPage(t, ctx, sel)
	// The navigation timing entry has the status of the document's response,
	// the last one of a redirect chain.
	status := mustRun(t, ctx, chromedp.Evaluate[int](`performance.getEntriesByType("navigation")[0].responseStatus`))
	if status != 200 {
		loc := mustRun(t, ctx, chromedp.Location())
		t.Fatalf("click %s: %s answered %d", sel, loc, status)
	}
}

// waitNewPage waits, after a click on sel, until a complete document
// without the old page's mark (window.ketnoiOldPage) is in the tab.
func waitNewPage(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	const loaded = `window.ketnoiOldPage === undefined && document.readyState === "complete"`
	for {
		// While the new page loads, the evaluation can fail with its
		// execution context gone; that is a reason to ask again.
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](loaded))
		if err == nil && ok {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("click %s: no new page loaded: %v", sel, ctx.Err())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func mustOK(t *testing.T, resp *network.Response, what string) {
	t.Helper()
	if resp == nil {
		t.Fatalf("%s: no response", what)
	}
	if resp.Status != 200 {
		t.Fatalf("%s: %s answered %d %s", what, resp.URL, resp.Status, resp.StatusText)
	}
}

// mustLang checks the language the page declares on <html>.
func mustLang(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	if got := mustRun(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); got != want {
		t.Errorf("<html lang> = %q, want %q", got, want)
	}
}

// mustExist says whether the page has an element the CSS selector finds,
// without waiting for one.
func mustExist(t *testing.T, ctx context.Context, sel string) bool {
	t.Helper()
	return mustRun(t, ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q) !== null`, sel)))
}

// mustSee fails unless the page has an element the CSS selector finds
// (mustExist only says whether it has).
func mustSee(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if !mustExist(t, ctx, sel) {
		loc := mustRun(t, ctx, chromedp.Location())
		t.Fatalf("%s has no %s", loc, sel)
	}
}

// mustBodyContain checks the text a person sees on the page.
func mustBodyContain(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	body := mustRun(t, ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if !strings.Contains(body, want) {
		t.Errorf("the page does not show %q; it shows:\n%s", want, clip(body, 1500))
	}
}

// mustTextOf returns the text a person sees in the first element the CSS
// selector finds, trimmed. It reads it in one evaluation in the page rather
// than through a DOM node id, which an htmx swap can remove in between.
func mustTextOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	text := mustRun(t, ctx, chromedp.Evaluate[*string](fmt.Sprintf(`document.querySelector(%q)?.innerText ?? null`, sel)))
	if text == nil {
		t.Fatalf("the page has no %s", sel)
	}
	return strings.TrimSpace(*text)
}

// mustText checks that the first element the CSS selector finds shows want.
func mustText(t *testing.T, ctx context.Context, sel, want string) {
	t.Helper()
	got := mustTextOf(t, ctx, sel)
	if !strings.Contains(got, want) {
		t.Errorf("%s shows %q, want it to contain %q", sel, got, want)
	}
}

// mustCount checks the number in the directory's result count ("참가업체 470곳").
func mustCount(t *testing.T, ctx context.Context, want int) {
	t.Helper()
	text := mustTextOf(t, ctx, "#result-count")
	got, err := strconv.Atoi(number.FindString(text))
	if err != nil || got != want {
		t.Errorf("#result-count shows %q, want %d exhibitors", text, want)
	}
}

var number = regexp.MustCompile(`\d+`)

// mustNoOverflow checks that the page does not scroll sideways at the
// viewport width: nothing sticks out to the right on a phone.
func mustNoOverflow(t *testing.T, ctx context.Context, width int) {
	t.Helper()
	type size struct {
		Inner  int `json:"inner"`
		Scroll int `json:"scroll"`
		Body   int `json:"body"`
	}
	s := mustRun(t, ctx, chromedp.Evaluate[size](`({inner: window.innerWidth,
		scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth})`))
	if s.Inner != width {
		t.Fatalf("window.innerWidth = %d, want the emulated %d", s.Inner, width)
	}
	if s.Scroll > s.Inner || s.Body > s.Inner {
		wide := mustRun(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("body *")]
			.filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
			.slice(0, 10).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).trim().replace(/\s+/g, ".") : "") + " right=" + Math.round(e.getBoundingClientRect().right))`))
		loc := mustRun(t, ctx, chromedp.Location())
		t.Errorf("%s is %d px wide (body %d) in a %d px viewport; elements past the edge: %v", loc, s.Scroll, s.Body, s.Inner, wide)
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// mustNotSearchOnLeaving checks that leaving a search-as-you-type box (a
// tap on a result does) sends no further search: a second answer swapped
// in between press and release would swallow the tap.
func mustNotSearchOnLeaving(t *testing.T, ctx context.Context, box string) {
	t.Helper()
	mustDo(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`window.ketnoiAsked = 0;
		document.body.addEventListener("htmx:beforeRequest", () => window.ketnoiAsked++);
		document.querySelector(%q).blur()`, box)))
	time.Sleep(400 * time.Millisecond)
	if n := mustRun(t, ctx, chromedp.Evaluate[int](`window.ketnoiAsked`)); n != 0 {
		t.Fatalf("leaving %s sent %d more searches", box, n)
	}
}

// browserSignIn signs a fixture role in through the login form, after
// dropping the browser's cookies.
func browserSignIn(t *testing.T, ctx context.Context, base, role string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
		t.Fatalf("clear cookies: %v", err)
	}
	mustNavigate(t, ctx, base+"/login")
	mustDo(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#email"), role+"@example.vn"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
	)
	mustClickNavigate(t, ctx, "#login-submit")
}

// dialogs answers the tab's confirmation dialogs with yes and keeps their
// messages, so that a test can click a button that asks first and check
// what it asked.
type dialogs struct {
	mu   sync.Mutex
	seen []string
}

func acceptDialogs(ctx context.Context) *dialogs {
	d := &dialogs{}
	opened := chromedp.Events(ctx, page.JavascriptDialogOpening)
	// Answered from its own goroutine: the dialog blocks the click that
	// opened it until then.
	go func() {
		for ev, err := range opened {
			if err != nil {
				return
			}
			d.mu.Lock()
			d.seen = append(d.seen, ev.Message)
			d.mu.Unlock()
			if _, err := chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true}); err != nil {
				return
			}
		}
	}()
	return d
}

// asked reports whether a dialog with this message was shown.
func (d *dialogs) asked(msg string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Contains(d.seen, msg)
}
