package web

import (
	"encoding/csv"
	"net/http"
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
	return []ImpactTable{
		table("impact-kinds", "impact.by_kind", in.ByKind, func(k string) string { return p.T("outcome.kind." + k) }),
		table("impact-houses", "impact.by_houses", in.ByHouses, houses),
		table("impact-reach", "impact.by_reach", in.ByReach, func(k string) string { return p.T("impact.reach." + k) }),
		table("impact-years", "impact.by_year", in.ByYear, func(k string) string { return k }),
		table("impact-sources", "impact.by_source", in.BySource, func(k string) string {
			if name, ok := events[k]; ok {
				return name
			}
			return p.T("impact.source." + k)
		}),
	}
}

func (o *outcomeWeb) indicators(r *http.Request) (outcome.Indicators, error) {
	facts, err := o.s.db.ConfirmedFacts(r.Context())
	if err != nil {
		return outcome.Indicators{}, err
	}
	return outcome.Aggregate(facts), nil
}

func (o *outcomeWeb) handleImpact(w http.ResponseWriter, r *http.Request) error {
	in, err := o.indicators(r)
	if err != nil {
		return err
	}
	p := ImpactPage{Page: o.s.page(r, ""), In: in}
	p.Title = p.T("impact.title")
	evs, _, err := o.s.db.Events(r.Context(), 0, 1000)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, e := range evs {
		names[outcome.Source(e.ID)] = p.Tx(e.Name)
	}
	p.Tables = impactTables(p.Page, in, names)
	return o.s.render(w, http.StatusOK, "impact", p)
}

// handleImpactCSV is the indicators as open data: one row per group, the
// same groups and the same hidden values as the page.
func (o *outcomeWeb) handleImpactCSV(w http.ResponseWriter, r *http.Request) error {
	in, err := o.indicators(r)
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
	in, err := o.indicators(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, in)
}
