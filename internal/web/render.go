package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/taxonomy"
	"ketnoi/internal/textsearch"
)

//go:embed templates
var templateFS embed.FS

// Page is what every page's view model embeds: the viewer, the language and
// the translation function.
type Page struct {
	Title    string
	Lang     i18n.Lang
	Langs    []i18n.Lang
	UserName string
	SignedIn bool
	IsAdmin  bool
	CSRF     string
	Path     string // for the language switch's return
	// OOB is set when htmx swaps part of a page whose address changed: the
	// language switch is sent again so that it returns to the new address.
	OOB     bool
	Console []EventLink
	// Flash confirms what the previous page did wherever it led: a new
	// organization's creator returns to the page that sent them.
	Flash string
	cat   *i18n.Catalog
	// zone is the time zone times of day are shown in: the event's venue
	// on an event's pages (see inZone), else event.Zone's default.
	zone *time.Location
}

// EventLink names an event the viewer may open in the console.
type EventLink struct {
	ID   int64
	Name string
}

// T translates a catalogue key into the page's language.
func (p Page) T(key string, args ...any) string { return p.cat.T(p.Lang, key, args...) }

// Tx picks a multilingual field in the page's language.
func (p Page) Tx(t i18n.Text) string { return t.In(p.Lang) }

// Sector names a taxonomy sector in the page's language.
func (p Page) Sector(code string) string {
	if sec, ok := taxonomy.Lookup(code); ok {
		return sec.Name(string(p.Lang))
	}
	return code
}

// Country names a country code in the page's language where the catalogue
// knows it.
func (p Page) Country(code string) string {
	if k := "country." + code; p.cat.Has(p.Lang, k) {
		return p.cat.T(p.Lang, k)
	}
	return code
}

// Date writes a civil date in the page's language.
// Dates writes an event's dates: one date for a one-day event, else the
// first and the last.
func (p Page) Dates(start, end string) string {
	if start == end {
		return p.Date(start)
	}
	return p.Date(start) + " – " + p.Date(end)
}

func (p Page) Date(d string) string {
	t, err := time.Parse(event.DateLayout, d)
	if err != nil {
		return d
	}
	switch p.Lang {
	case i18n.KO:
		return fmt.Sprintf("%d년 %d월 %d일", t.Year(), t.Month(), t.Day())
	case i18n.EN:
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%02d/%02d/%d", t.Day(), t.Month(), t.Year())
}

// Clock writes an instant's time of day in the page's zone: the venue's,
// so that a fair in Seoul shows Seoul time to a visitor anywhere.
func (p Page) Clock(t time.Time) string { return t.In(p.Zone()).Format("15:04") }

// Day writes the date of a time where the page's event is held.
func (p Page) Day(t time.Time) string { return p.Date(p.ISODay(t)) }

// ISODay writes an instant's date in the page's zone as YYYY-MM-DD, for a
// <time datetime> beside Day.
func (p Page) ISODay(t time.Time) string { return t.In(p.Zone()).Format(event.DateLayout) }

// Zone is the zone of the page's times of day.
func (p Page) Zone() *time.Location {
	if p.zone == nil {
		return event.Zone("")
	}
	return p.zone
}

// inZone returns the page showing times in the zone of a venue.
func (p Page) inZone(v event.Venue) Page {
	p.zone = event.Zone(v.TimeZone)
	return p
}

// VND writes an amount of dong as the page's language groups digits
// (1.500.000.000 in Vietnamese, 1,500,000,000 in English and Korean), with
// a no-break space before the sign so that a narrow column never leaves the
// sign alone on a line.
func (p Page) VND(n int64) string { return p.group(n) + "\u00a0₫" }

// VNDShort writes a large amount of dong in the words the page's language
// counts money in — 160,45 tỷ ₫, 160.45 billion ₫, 1,604억 5,000만 ₫ — rounded
// to two decimals, for headline figures and tables read on a phone; an
// amount that rounds to less than a million is written whole.
func (p Page) VNDShort(n int64) string {
	if p.Lang == i18n.KO {
		return p.wonStyle(n)
	}
	type unit struct {
		size int64
		word string
	}
	units := []unit{{1_000_000_000, "\u00a0tỷ"}, {1_000_000, "\u00a0triệu"}}
	dec := ","
	switch p.Lang {
	case i18n.EN:
		units, dec = []unit{{1_000_000_000, "\u00a0billion"}, {1_000_000, "\u00a0million"}}, "."
	}
	for _, u := range units {
		// Rounded first, so that 999.999.999 is 1 tỷ, not 1.000 triệu.
		hundredths := (n*100 + u.size/2) / u.size
		if hundredths < 100 || (u.size == 10_000 && n < 1_000_000) {
			continue
		}
		s := p.group(hundredths / 100)
		if f := hundredths % 100; f != 0 {
			s += dec + strings.TrimRight(fmt.Sprintf("%02d", f), "0")
		}
		return s + u.word + "\u00a0₫"
	}
	return p.VND(n)
}

// wonStyle writes an amount as Korean readers write large sums, in 억 and
// 만 without decimals ("1,604억 5,000만 ₫", not "1,604.5억"), rounded to
// 만; below 100만, to the đồng.
func (p Page) wonStyle(n int64) string {
	if n < 1_000_000 {
		return p.VND(n)
	}
	man := (n + 5_000) / 10_000 // rounded to 만
	eok, rest := man/10_000, man%10_000
	switch {
	case eok == 0:
		return p.group(rest) + "만\u00a0₫"
	case rest == 0:
		return p.group(eok) + "억\u00a0₫"
	}
	// A plain space between 억 and 만: a tile on a phone may break there.
	return p.group(eok) + "억 " + p.group(rest) + "만\u00a0₫"
}

// Num writes a count with the page's digit grouping.
func (p Page) Num(n int) string { return p.group(int64(n)) }

// Area writes a floor area in whole square metres.
func (p Page) Area(m2 float64) string { return p.group(int64(math.Round(m2))) + "\u00a0m²" }

func (p Page) group(n int64) string {
	sep := byte(',')
	if p.Lang == i18n.VI {
		sep = '.'
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
		s = s[1:]
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// flashes are the confirmations a page shows when its address carries
// ?created=: what the form that led there did.
var flashes = map[string]string{
	"org":        "org.created",
	"card":       "market.card_published",
	"card_draft": "market.card_draft",
	"card_saved": "market.card_saved",
}

func (s *Server) page(r *http.Request, title string) Page {
	v := viewerOf(r)
	p := Page{Title: title, Lang: v.lang, Langs: i18n.Langs, CSRF: v.csrf, Path: r.URL.RequestURI(), cat: s.cat}
	if v.signedIn() {
		p.SignedIn, p.UserName, p.IsAdmin = true, v.person.Name, v.person.IsAdmin
		if key, ok := flashes[r.URL.Query().Get(createdParam)]; ok {
			p.Flash = p.T(key)
		}
	}
	return p
}

var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	// productOf is the product id of a catalogue hit, 0 for an exhibitor.
	"productOf": func(id int64) int64 {
		if id > textsearch.ProductIDBase {
			return id - textsearch.ProductIDBase
		}
		return 0
	},
	"webURL": webURL,
	"pager":  newPager,
	"short":  org.ShortName,
	"query": func(base string, kv ...any) string {
		u, _ := url.Parse(base)
		q := u.Query()
		for i := 0; i+1 < len(kv); i += 2 {
			k := fmt.Sprint(kv[i])
			if v := fmt.Sprint(kv[i+1]); v != "" && v != "0" {
				q.Set(k, v)
			} else {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
		return u.String()
	},
	// pair hands a page and one item to a shared block.
	"pair": func(p, row any) map[string]any { return map[string]any{"P": p, "Row": row} },
	"pct": func(a, b int) int {
		if b == 0 {
			return 0
		}
		return a * 100 / b
	},
}

// parsePages parses each page with the shared layout.
func parsePages() (map[string]*template.Template, error) {
	base, err := template.New("layout").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, f)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// render writes a page; it renders into a buffer first so that a template
// error becomes a clean error page, never half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	return s.renderBlock(w, status, name, "layout", data)
}

// renderBlock writes one block of a page: htmx asks for parts of pages.
func (s *Server) renderBlock(w http.ResponseWriter, status int, name, block string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// Add, not Set: the compression in front has said it varies by
	// Accept-Encoding too.
	w.Header().Add("Vary", "HX-Request")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// ErrorPage is the view of the 404 and error pages.
type ErrorPage struct {
	Page
	Status  int
	Hint    string // what to do, in the reader's language
	Message string // the server's reason; "" when the title says it all
	// English: the reason has no text in the reader's language (it is
	// marked as English for screen readers).
	English bool
	// Back is the page of this site the refused form was sent from, when
	// going back to it is the way on (an expired form).
	Back string
}

// reason is the text of a refusal's reason (an apperr message) in the
// page's language, and whether the catalogue has one (locales/*/errors.json).
func (p Page) reason(msg string) (string, bool) {
	if p.cat == nil {
		return msg, false
	}
	return p.lookupMessage("error.msg.", msg, func(key string) bool { return p.cat.Has(p.Lang, key) })
}

// lookupMessage finds a message of the code in the catalogue under prefix
// and the message. A message that names a value ends with ": " and the
// value ("names a booth that does not exist: B-7"): its text is looked up
// without it, and the value follows as written. has says whether a key
// counts as found.
func (p Page) lookupMessage(prefix, msg string, has func(key string) bool) (string, bool) {
	if key := prefix + msg; has(key) {
		return p.T(key), true
	}
	if i := strings.LastIndex(msg, ": "); i > 0 {
		if key := prefix + msg[:i]; has(key) {
			return p.T(key) + ": " + msg[i+2:], true
		}
	}
	return msg, false
}

// sameSiteReferer is the path and query of the page a request came from,
// when that page is on this site; "" otherwise.
func sameSiteReferer(r *http.Request) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host || !strings.HasPrefix(u.Path, "/") {
		return ""
	}
	return u.RequestURI()
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string, err error) {
	p := ErrorPage{Page: s.page(r, ""), Status: status, Message: msg}
	p.Title = p.T(fmt.Sprintf("error.%d", status))
	if p.Title == fmt.Sprintf("error.%d", status) {
		p.Title = p.T("error.title")
	}
	if key := fmt.Sprintf("error.%d.hint", status); p.T(key) != key {
		p.Hint = p.T(key)
	}
	if errors.Is(err, errFormExpired) {
		// Not a lack of rights: the page was open too long, or the person
		// signed in or out meanwhile. Lead back to the form.
		p.Title, p.Hint, p.Back = p.T("error.expired"), p.T("error.expired.hint"), sameSiteReferer(r)
	}
	var se *meeting.StateError
	reason, local := p.reason(msg)
	switch {
	case errors.As(err, &se) && p.T("meeting.refused."+se.What) != "meeting.refused."+se.What:
		p.Message = p.T("meeting.refused", p.T("meeting.refused."+se.What), p.T("meeting.status."+string(se.Status)))
	case msg == errPageNotFound.Message || msg == internalMessage:
		p.Message = "" // the title and the hint say it in the reader's language
	case local:
		p.Message = reason
	default:
		p.English = true
	}
	if errors.Is(err, errFormExpired) {
		p.Message, p.English = "", false // the title and the hint say it all
	}
	if err := s.render(w, status, "error", p); err != nil {
		s.log.Error("render error page", "err", err)
		http.Error(w, msg, status)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// webURL is a website as typed by an organization ("abc.vn",
// "https://abc.vn/x") as a link, "" when it is no address on the web (the
// page then shows the text without a link): older profiles were saved
// before org.Website checked them.
func webURL(site string) string {
	if u, ok := org.Website(site); ok {
		return u
	}
	return ""
}

// Pager is a list's way to its other pages, as layout.html's "pager" block
// draws it for the directory, the marketplace and the catalogue search:
// page No of Pages, Base the address whose ?page= changes, Target the
// element htmx replaces, NextID the next link's id ("" for none).
type Pager struct {
	tr                   interface{ T(string, ...any) string }
	No, Pages            int
	Base, Target, NextID string
}

func newPager(tr interface{ T(string, ...any) string }, no, pages int, base, target, nextID string) Pager {
	return Pager{tr: tr, No: no, Pages: pages, Base: base, Target: target, NextID: nextID}
}

// T is the page's catalogue.
func (p Pager) T(key string, args ...any) string { return p.tr.T(key, args...) }
