package web

import (
	"bytes"
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"ketnoi/internal/meeting"
	"ketnoi/internal/sheet"
)

// handleMeetingsXLSX sends every meeting request of the event as a
// workbook in the organizer's language: the scheduled ones first, by slot
// and location (the table plan as a list), then the rest by request.
func (m *matchWeb) handleMeetingsXLSX(w http.ResponseWriter, r *http.Request) error {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return err
	}
	all, err := m.s.db.EventMeetings(r.Context(), e.ID)
	if err != nil {
		return err
	}
	p := m.s.page(r, "")
	if len(slots) > 0 {
		p.zone = slotZone(slots)
	}
	sortForPlan(all, slots)
	header := []string{"ID", p.T("schedule.status"), p.T("console.xlsx.requester"), p.T("console.xlsx.requester_country"),
		p.T("console.xlsx.recipient"), p.T("console.xlsx.recipient_country"), p.T("console.xlsx.slot"), p.T("console.xlsx.location"),
		p.T("console.xlsx.place_kind"), p.T("meeting.message"), p.T("meeting.reason"), p.T("console.xlsx.checked_in"), p.T("console.xlsx.absent")}
	rows := make([][]string, len(all))
	for i, v := range all {
		rows[i] = meetingRow(p, slots, v)
	}
	// Built in memory first, so that a failure sends an error page rather
	// than a download of one.
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, p.T("console.meetings"), header, rows); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="meetings-%d.xlsx"`, e.ID))
	_, err = w.Write(b.Bytes())
	return err
}

// sortForPlan orders meetings with a slot by slot, then location, then the
// others by id.
func sortForPlan(all []meeting.View, slots []meeting.Slot) {
	order := make(map[string]int, len(slots))
	for i, s := range slots {
		order[s.ID] = i
	}
	rank := func(v meeting.View) int {
		if i, ok := order[v.Slot]; ok && v.Slot != "" {
			return i
		}
		return len(slots)
	}
	slices.SortStableFunc(all, func(a, b meeting.View) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.Location, b.Location), cmp.Compare(a.ID, b.ID))
	})
}

func meetingRow(p Page, slots []meeting.Slot, v meeting.View) []string {
	var when, place, checked string
	if v.Slot != "" {
		when = slotLabel(p, slots, v.Slot)
	}
	if v.Place != "" {
		place = p.T("meeting.place." + string(v.Place))
	}
	if t := v.CheckedInAt; t != nil {
		checked = p.Day(*t) + " " + p.Clock(*t)
	}
	var absent []string // who did not come to a no-show, by name
	for _, side := range []meeting.Party{v.From, v.To} {
		if v.AbsentSide(side.ID) {
			absent = append(absent, p.Tx(side.Name))
		}
	}
	return []string{fmt.Sprint(v.ID), p.T("meeting.status." + string(v.Status)), p.Tx(v.From.Name), v.From.Country,
		p.Tx(v.To.Name), v.To.Country, when, whereLabel(p, v.Location), place, v.Message, v.Reason, checked, strings.Join(absent, ", ")}
}
