package web

import (
	"net/http"

	"ketnoi/internal/event"
	"ketnoi/internal/outcome"
)

// ReportPage is an event's results on one printable page, in the reader's
// language: what an organizer hands its partners and the authorities after
// the event. The browser prints it or saves it as PDF; the figures are the
// console's, read when the page is opened.
type ReportPage struct {
	Page
	Event  event.Event
	Venue  event.Venue
	Made   string // when the figures were read, in the venue's zone
	Tables []ReportTable
	// HiddenNote says why some values are not shown ("" when none is).
	HiddenNote string
}

// ReportTable is one section: a caption and its rows.
type ReportTable struct {
	ID, Caption string
	Rows        []ReportRow
}

// Valued reports whether a row of the section has a value, so that the
// section has a value column.
func (t ReportTable) Valued() bool {
	for _, r := range t.Rows {
		if r.Value != "" {
			return true
		}
	}
	return false
}

// ReportRow is a line of a section: what is counted, how many, and the
// value in đồng where there is one ("" otherwise).
type ReportRow struct {
	Label, Count, Value string
}

func (s *Server) handleReport(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p := ReportPage{Page: s.page(r, "").inZone(v), Event: e, Venue: v}
	p.Title = p.T("report.title") + " · " + p.Tx(e.Name)
	now := s.db.Now()
	p.Made = p.Day(now) + " " + p.Clock(now)
	for _, part := range []func(*http.Request, *ReportPage) error{s.reportFloor, s.reportVisitors, s.reportMeetings, s.reportOutcomes} {
		if err := part(r, &p); err != nil {
			return err
		}
	}
	return s.render(w, http.StatusOK, "report", p)
}

// add appends a section under a caption from the catalogue, unless it
// has no row.
func (p *ReportPage) add(id, caption string, rows []ReportRow) {
	if len(rows) > 0 {
		p.Tables = append(p.Tables, ReportTable{ID: id, Caption: p.T(caption), Rows: rows})
	}
}

// countRows turns a tally into rows, largest first (top n, 0 for all).
func (p *ReportPage) countRows(m map[string]int, label func(string) string, n int) []ReportRow {
	var rows []ReportRow
	for _, c := range counts(m, label, n) {
		if c.N > 0 {
			rows = append(rows, ReportRow{Label: c.Label, Count: p.Num(c.N)})
		}
	}
	return rows
}

func (s *Server) reportFloor(r *http.Request, p *ReportPage) error {
	st, err := s.db.FloorStats(r.Context(), p.Event.ID)
	if err != nil {
		return err
	}
	var rows []ReportRow
	if n := st.ExhibitorsByStat["approved"]; n > 0 {
		rows = append(rows, ReportRow{Label: p.T("event.exhibitors"), Count: p.Num(n)})
	}
	if st.Booths > 0 {
		rows = append(rows,
			ReportRow{Label: p.T("report.booths_sold"), Count: p.Num(st.BoothsByStatus["sold"]) + " / " + p.Num(st.Booths)},
			ReportRow{Label: p.T("dashboard.sold_area"), Count: p.Area(st.SoldAreaM2)},
			ReportRow{Label: p.T("dashboard.revenue"), Count: p.VND(st.RevenueVND)})
	}
	p.add("report-floor", "report.floor", rows)
	p.add("report-countries", "dashboard.countries", p.countRows(st.ByCountry, p.Country, 12))
	return nil
}

func (s *Server) reportVisitors(r *http.Request, p *ReportPage) error {
	st := event.Stats{}
	if err := s.db.AttendanceStats(r.Context(), p.Event.ID, &st); err != nil {
		return err
	}
	rows := p.countRows(st.ByCategory, func(k string) string { return p.T("category." + k) }, 0)
	if st.Registrations > 0 {
		rows = append(rows, ReportRow{Label: p.T("report.registrations_all"), Count: p.Num(st.Registrations)})
	}
	p.add("report-registrations", "dashboard.categories", rows)
	var days []ReportRow
	for _, day := range p.Event.Days() {
		cs, err := s.db.CheckinStats(r.Context(), p.Event.ID, day)
		if err != nil {
			return err
		}
		if cs.Admitted > 0 {
			days = append(days, ReportRow{Label: p.Date(day), Count: p.Num(cs.Admitted)})
		}
	}
	p.add("report-arrivals", "report.arrivals", days)
	return nil
}

func (s *Server) reportMeetings(r *http.Request, p *ReportPage) error {
	mc, err := s.db.MeetingCounts(r.Context(), p.Event.ID)
	if err != nil {
		return err
	}
	rows := p.countRows(mc, func(k string) string { return p.T("meeting.status." + k) }, 0)
	f, err := s.db.MatchFigures(r.Context(), p.Event.ID)
	if err != nil {
		return err
	}
	if f.Orgs > 0 {
		rows = append(rows, ReportRow{Label: p.T("event.match_orgs"), Count: p.Num(f.Orgs)},
			ReportRow{Label: p.T("event.countries"), Count: p.Num(f.Countries)})
	}
	// How many organizations missed a meeting, not which: a report travels
	// beyond the organizers, who see the names on the console.
	absent, err := s.db.Absentees(r.Context(), p.Event.ID)
	if err != nil {
		return err
	}
	if len(absent) > 0 {
		rows = append(rows, ReportRow{Label: p.T("report.absent_orgs"), Count: p.Num(len(absent))})
	}
	p.add("report-meetings", "console.meetings", rows)
	return nil
}

// reportOutcomes counts the event's outcomes by kind (confirmed, with
// their value; waiting and disputed in the total) and its confirmed ones
// by the houses they join and their reach, with the public indicators'
// rule for small groups, since a report travels.
func (s *Server) reportOutcomes(r *http.Request, p *ReportPage) error {
	outs, err := s.db.EventOutcomes(r.Context(), p.Event.ID)
	if err != nil {
		return err
	}
	sum := outcome.Summarize(plainOutcomes(outs))
	var rows []ReportRow
	for _, k := range sum.Kinds {
		if k.Confirmed > 0 {
			rows = append(rows, ReportRow{Label: p.T("outcome.kind." + string(k.Kind)), Count: p.Num(k.Confirmed), Value: money(p, k.Value)})
		}
	}
	if sum.Total.Confirmed+sum.Total.Reported+sum.Total.Disputed > 0 {
		rows = append(rows, ReportRow{Label: p.T("report.outcomes_total", sum.Total.Reported, sum.Total.Disputed),
			Count: p.Num(sum.Total.Confirmed), Value: money(p, sum.Total.Value)})
	}
	p.add("report-outcomes", "report.outcomes", rows)
	facts, err := s.db.ConfirmedFacts(r.Context())
	if err != nil {
		return err
	}
	mine := facts[:0:0]
	for _, f := range facts {
		if f.EventID == p.Event.ID {
			mine = append(mine, f)
		}
	}
	hidden := p.T("impact.hidden")
	for _, t := range impactTablesIn(p.Page, outcome.Aggregate(mine), nil, p.VND) {
		if t.ID != "impact-houses" && t.ID != "impact-reach" || len(t.Rows) == 0 {
			continue
		}
		rt := ReportTable{ID: "report-" + t.ID, Caption: t.Caption}
		for _, g := range t.Rows {
			rt.Rows = append(rt.Rows, ReportRow{Label: g.Label, Count: p.Num(g.Count), Value: g.Value})
			if g.Value == hidden {
				p.HiddenNote = p.T("impact.hidden_note", outcome.MinGroup)
			}
		}
		p.Tables = append(p.Tables, rt)
	}
	return nil
}

// money writes a value in đồng, or nothing for none.
func money(p *ReportPage, v int64) string {
	if v == 0 {
		return ""
	}
	return p.VND(v)
}
