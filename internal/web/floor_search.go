package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"ketnoi/internal/apperr"
	"ketnoi/internal/catalog"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/textsearch"
)

func init() {
	apiDocs["GET /api/v1/events/{event}/search"] = apiDoc{summary: "Search the catalogue: exhibitors and products, in vi/en/ko",
		out: SearchHit{}, list: true, query: []string{"q", "hall", "country", "sector", "booth_type", "kind"}}
	apiDocs["POST /api/v1/events/{event}/halls/{hall}/import"] = apiDoc{summary: "Replace a hall's booths from a JSON floor plan (all or nothing; 422 lists every bad row)",
		in: map[string]any{}, out: map[string]any{}}
	apiDocs["GET /api/v1/events/{event}/applications"] = apiDoc{summary: "Applications to exhibit with their history (organizers)",
		out: map[string]any{}, list: true, query: []string{"status"}}
}

// SearchHit is one catalogue result in the API.
type SearchHit struct {
	Kind        string            `json:"kind"` // exhibitor or product
	ID          int64             `json:"id"`   // exhibitor or product id
	ExhibitorID int64             `json:"exhibitor_id"`
	Name        i18n.Text         `json:"name"`
	Exhibitor   i18n.Text         `json:"exhibitor,omitempty"`
	Country     string            `json:"country"`
	Booths      []string          `json:"booths"`
	Halls       []string          `json:"halls"`
	Sectors     []string          `json:"sectors"`
	Score       float64           `json:"score"`
	Highlights  map[string]string `json:"highlights"` // field → HTML with <mark>
}

// searchQuery reads the search parameters, checking their size.
func searchQuery(r *http.Request) (catalog.Query, error) {
	q := r.URL.Query()
	offset, limit, err := paging(r)
	if err != nil {
		return catalog.Query{}, err
	}
	if r.URL.Query().Get("limit") == "" {
		limit = searchPageSize
	}
	// The page reads ?page=N (its pager), the API ?offset=.
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 && n <= 50_000 && q.Get("offset") == "" {
		offset = (n - 1) * limit
	}
	cq := catalog.Query{Text: strings.TrimSpace(q.Get("q")), Hall: q.Get("hall"), Country: q.Get("country"), Sector: q.Get("sector"),
		Type: q.Get("booth_type"), Kind: q.Get("kind"), Offset: offset, Limit: limit}
	f := apperr.Fields{}
	if utf8.RuneCountInString(cq.Text) > 200 {
		f.Add("q", "is longer than 200 characters")
	}
	if cq.Kind != "" && cq.Kind != catalog.KindExh && cq.Kind != catalog.KindProduct {
		f.Add("kind", "must be exhibitor or product")
	}
	return cq, f.Err()
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	// Only events that exist get an index; once built, it vouches for the
	// event and the query needs no database read.
	if !s.floor().catalog.Has(id) {
		if _, err := s.db.Event(r.Context(), id); err != nil {
			return err
		}
	}
	cq, err := searchQuery(r)
	if err != nil {
		return err
	}
	res, err := s.floor().catalog.Search(r.Context(), id, cq)
	if err != nil {
		return err
	}
	hits := make([]SearchHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		hits = append(hits, searchHit(h))
	}
	return writeJSON(w, http.StatusOK, struct {
		List[SearchHit]
		Partial bool                      `json:"partial"`
		Facets  map[string]map[string]int `json:"facets"`
	}{list(hits, res.Total, cq.Offset, cq.Limit), res.Partial, res.Facets})
}

func (s *Server) eventOnly(r *http.Request) (event.Event, error) {
	id, err := pathID(r, "event")
	if err != nil {
		return event.Event{}, err
	}
	return s.db.Event(r.Context(), id)
}

func searchHit(h catalog.Hit) SearchHit {
	id := h.ID
	if h.Kind == catalog.KindProduct {
		id -= textsearch.ProductIDBase
	}
	out := SearchHit{Kind: h.Kind, ID: id, ExhibitorID: h.ExhibitorID, Name: h.Name, Exhibitor: h.Exhibitor, Country: h.Country,
		Booths: h.Booths, Halls: h.Halls, Sectors: h.Sectors, Score: h.Score, Highlights: map[string]string{}}
	for field, spans := range h.Highlights {
		if t, ok := fieldText(h.Entry, field); ok {
			out.Highlights[field] = textsearch.Mark(t, spans)
		}
	}
	return out
}

// fieldText returns the text the catalogue indexed under a field name.
func fieldText(e catalog.Entry, field string) (string, bool) {
	base, lang, ok := strings.Cut(field, "_")
	if !ok {
		return "", false
	}
	var t i18n.Text
	switch base {
	case "name":
		t = e.Name
	case "desc":
		t = e.Description
	case "by":
		t = e.Exhibitor
	default:
		return "", false
	}
	switch lang {
	case "vi":
		return t.VI, true
	case "en":
		return t.EN, true
	case "ko":
		return t.KO, true
	}
	return "", false
}

// searchPageSize is the hits a page of the catalogue search shows.
const searchPageSize = 20

// SearchPage is the visitors' catalogue search.
type SearchPage struct {
	Page
	Event  event.Event
	Query  catalog.Query
	Result catalog.Result
	Rows   []SearchRow
	// PageNo of Pages, and the address the pager changes ?page= of.
	PageNo, Pages int
	Base          string
	Halls         []event.Hall
	Countries     []string
	Sectors       []string
	Types         []string
}

// SearchRow is a hit as the page shows it: the name in the reader's
// language with its matches marked, and the name that matched when that is
// another language's.
type SearchRow struct {
	catalog.Hit
	Title template.HTML
	// Also is the name in another language that the query matched, when
	// the title (in the reader's language) is not it.
	Also template.HTML
	Sub  template.HTML
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	e, err := s.eventOnly(r)
	if err != nil {
		return err
	}
	cq, err := searchQuery(r)
	if err != nil {
		return err
	}
	p := SearchPage{Page: s.page(r, ""), Event: e, Query: cq, Types: []string{"shell", "raw", "corner", "island"}}
	p.Title = p.T("floor.search.title") + " · " + p.Tx(e.Name)
	if p.Result, err = s.floor().catalog.Search(r.Context(), e.ID, cq); err != nil {
		return err
	}
	for _, h := range p.Result.Hits {
		p.Rows = append(p.Rows, searchRow(h, p.Lang))
	}
	if cq.Limit > 0 {
		p.PageNo, p.Pages = cq.Offset/cq.Limit+1, (p.Result.Total+cq.Limit-1)/cq.Limit
	}
	p.Base = r.URL.RequestURI()
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "search-results" {
		return s.renderBlock(w, http.StatusOK, "floor_search", "search-results", p)
	}
	if p.Halls, err = s.db.Halls(r.Context(), e.ID); err != nil {
		return err
	}
	if p.Countries, err = s.db.ExhibitorCountries(r.Context(), e.ID); err != nil {
		return err
	}
	if p.Sectors, err = s.db.ExhibitorSectors(r.Context(), e.ID); err != nil {
		return err
	}
	p.sortByName(p.Countries, p.Country)
	p.sortByName(p.Sectors, p.Sector)
	return s.render(w, http.StatusOK, "floor_search", p)
}

// searchRow marks the best field to show: the name in the viewer's
// language, else the name in the language that matched.
func searchRow(h catalog.Hit, lang i18n.Lang) SearchRow {
	row := SearchRow{Hit: h}
	own := "name_" + string(lang)
	row.Title = template.HTML(template.HTMLEscapeString(h.Name.In(lang)))
	if spans, ok := h.Highlights[own]; ok {
		t, _ := fieldText(h.Entry, own)
		row.Title = template.HTML(textsearch.Mark(t, spans))
	} else {
		// Found by its name in another language: the title stays in the
		// reader's, the name that matched follows it, marked.
		for _, f := range []string{"name_en", "name_vi", "name_ko"} {
			if spans, ok := h.Highlights[f]; ok {
				if t, _ := fieldText(h.Entry, f); t != h.Name.In(lang) {
					row.Also = template.HTML(textsearch.Mark(t, spans))
				} else {
					row.Title = template.HTML(textsearch.Mark(t, spans))
				}
				break
			}
		}
	}
	if h.Kind == catalog.KindProduct {
		row.Sub = template.HTML(template.HTMLEscapeString(h.Exhibitor.In(lang)))
	}
	for _, f := range []string{"desc_" + string(lang), "desc_en", "desc_vi", "desc_ko"} {
		if spans, ok := h.Highlights[f]; ok && h.Kind == catalog.KindExh {
			t, _ := fieldText(h.Entry, f)
			row.Sub = template.HTML(textsearch.Mark(t, spans))
			break
		}
	}
	return row
}
