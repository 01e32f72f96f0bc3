package web

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"ketnoi/internal/outcome"
)

// ImpactPage is the public indicators of the ecosystem's confirmed
// outcomes: what the programme is judged by, in aggregate only.
type ImpactPage struct {
	Page
	In     outcome.Indicators
	Tables []ImpactTable
	// The filter: a year (0: all) and a source (an event, the
	// marketplace; "": all), with the choices the confirmed outcomes offer.
	Year    int
	Source  string
	Years   []int
	Sources []Option
	// Query is the filter as an address's query ("?year=2026"), kept by
	// the CSV and JSON links.
	Query string
}

// ImpactTable is one breakdown of the indicators, its rows named in the
// page's language.
type ImpactTable struct {
	ID, Caption string
	Rows        []ImpactRow
}

// ImpactRow is one group: its name, count and value (or why the value is
// not shown).
type ImpactRow struct {
	Key, Label, Value string
	Count             int
}

func impactTables(p Page, in outcome.Indicators, events map[string]string) []ImpactTable {
	return impactTablesIn(p, in, events, p.VNDShort)
}

// impactTablesIn is impactTables with each value written by amount: in
// words on the public page (p.VNDShort), to the đồng in a report (p.VND).
func impactTablesIn(p Page, in outcome.Indicators, events map[string]string, amount func(int64) string) []ImpactTable {
	value := func(g outcome.Group) string {
		switch {
		case g.Hidden:
			return p.T("impact.hidden")
		case g.Value == 0:
			return "–" // none, or none told (a follow-up has no value)
		}
		return amount(g.Value)
	}
	table := func(id, caption string, gs []outcome.Group, label func(string) string) ImpactTable {
		t := ImpactTable{ID: id, Caption: p.T(caption)}
		for _, g := range gs {
			t.Rows = append(t.Rows, ImpactRow{Key: g.Key, Label: label(g.Key), Count: g.Count, Value: value(g)})
		}
		return t
	}
	houses := func(key string) string {
		a, b, _ := strings.Cut(key, "-")
		return p.T("market.house."+a) + " – " + p.T("market.house."+b)
	}
	countries := func(key string) string {
		a, b, _ := strings.Cut(key, "-")
		return p.Country(a) + " – " + p.Country(b)
	}
	kind := func(k string) string { return p.T("outcome.kind." + k) }
	return []ImpactTable{
		table("impact-kinds", "impact.by_kind", in.ByKind, kind),
		table("impact-research", "impact.by_research", in.ResearchByKind, kind),
		table("impact-houses", "impact.by_houses", in.ByHouses, houses),
		table("impact-reach", "impact.by_reach", in.ByReach, func(k string) string { return p.T("impact.reach." + k) }),
		table("impact-countries", "impact.by_countries", in.ByCountries, countries),
		table("impact-years", "impact.by_year", in.ByYear, func(k string) string { return k }),
		table("impact-sources", "impact.by_source", in.BySource, func(k string) string {
			if name, ok := events[k]; ok {
				return name
			}
			return p.T("impact.source." + k)
		}),
	}
}

// impactFilter reads the indicators' filter from the address: a year and
// a source (outcome.Source). What is not one reads as no filter.
func impactFilter(r *http.Request) (year int, source string) {
	q := r.URL.Query()
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y > 1900 && y < 3000 {
		year = y
	}
	if src := q.Get("source"); src == "marketplace" {
		source = src
	} else if id, ok := strings.CutPrefix(src, "event:"); ok {
		if n, err := strconv.ParseInt(id, 10, 64); err == nil && n > 0 {
			source = outcome.Source(n)
		}
	}
	return year, source
}

// indicators aggregates the confirmed outcomes of the request's filter;
// all are every confirmed outcome, for the filter's choices.
func (o *outcomeWeb) indicators(r *http.Request) (in outcome.Indicators, all []outcome.Fact, err error) {
	all, err = o.s.db.ConfirmedFacts(r.Context())
	if err != nil {
		return in, nil, err
	}
	year, source := impactFilter(r)
	return outcome.Aggregate(outcome.Filter(all, year, source)), all, nil
}

func (o *outcomeWeb) handleImpact(w http.ResponseWriter, r *http.Request) error {
	in, all, err := o.indicators(r)
	if err != nil {
		return err
	}
	p := ImpactPage{Page: o.s.page(r, ""), In: in}
	p.Title = p.T("impact.title")
	p.Year, p.Source = impactFilter(r)
	evs, _, err := o.s.db.Events(r.Context(), 0, 1000)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, e := range evs {
		names[outcome.Source(e.ID)] = p.Tx(e.Name)
	}
	p.Tables = impactTables(p.Page, in, names)
	p.Years, p.Sources = impactChoices(p, all, names)
	q := url.Values{}
	if p.Year != 0 {
		q.Set("year", strconv.Itoa(p.Year))
	}
	if p.Source != "" {
		q.Set("source", p.Source)
	}
	if len(q) > 0 {
		p.Query = "?" + q.Encode()
	}
	return o.s.render(w, http.StatusOK, "impact", p)
}

// impactChoices are the years (latest first) and the sources (most
// outcomes first) that confirmed outcomes have, for the filter.
func impactChoices(p ImpactPage, all []outcome.Fact, names map[string]string) ([]int, []Option) {
	whole := outcome.Aggregate(all)
	var years []int
	for i := len(whole.ByYear) - 1; i >= 0; i-- {
		y, _ := strconv.Atoi(whole.ByYear[i].Key)
		years = append(years, y)
	}
	if p.Year != 0 && !slices.Contains(years, p.Year) {
		// A year without outcomes stays chosen, so that the form says
		// what the page shows (nothing), not "every year".
		years = append([]int{p.Year}, years...)
		slices.SortFunc(years, func(a, b int) int { return b - a })
	}
	var sources []Option
	for _, g := range whole.BySource {
		label, ok := names[g.Key]
		if !ok {
			label = p.T("impact.source." + g.Key)
		}
		sources = append(sources, Option{Value: g.Key, Label: label, Selected: g.Key == p.Source})
	}
	return years, sources
}

// handleImpactCSV is the indicators as open data: one row per group, the
// same groups and the same hidden values as the page.
func (o *outcomeWeb) handleImpactCSV(w http.ResponseWriter, r *http.Request) error {
	in, _, err := o.indicators(r)
	if err != nil {
		return err
	}
	var b strings.Builder
	cw := csv.NewWriter(&b)
	cw.Write([]string{"group", "key", "count", "value_vnd", "value_hidden"})
	write := func(group string, gs ...outcome.Group) {
		for _, g := range gs {
			cw.Write([]string{group, g.Key, strconv.Itoa(g.Count), strconv.FormatInt(g.Value, 10), strconv.FormatBool(g.Hidden)})
		}
	}
	write("total", in.Total)
	write("kind", in.ByKind...)
	write("houses", in.ByHouses...)
	write("reach", in.ByReach...)
	write("year", in.ByYear...)
	write("source", in.BySource...)
	write("countries", in.ByCountries...)
	write("research", in.Research)
	write("research_kind", in.ResearchByKind...)
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ketnoi-impact.csv"`)
	_, err = w.Write([]byte(b.String()))
	return err
}

func (o *outcomeWeb) apiImpact(w http.ResponseWriter, r *http.Request) error {
	in, _, err := o.indicators(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, in)
}
