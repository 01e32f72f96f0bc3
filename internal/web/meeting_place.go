package web

import (
	"net/http"

	"ketnoi/internal/event"
	"ketnoi/internal/meeting"
)

// PlacePage lists, for one meeting, every slot of the event: a button to
// put it there when both sides and a location are free, or why not.
type PlacePage struct {
	Page
	Event   event.Event
	Meeting meeting.View
	Days    []PlaceDay
	slots   []meeting.Slot
}

// SlotText writes a slot of the event: "10/03/2027 09:00–09:30".
func (p PlacePage) SlotText(id string) string { return slotLabel(p.Page, p.slots, id) }

// Where writes a location: "Bàn T03", "Gian hàng A-101".
func (p PlacePage) Where(loc string) string { return whereLabel(p.Page, loc) }

// PlaceDay is one day of a PlacePage.
type PlaceDay struct {
	Day   string
	Times []meeting.Time
}

func (m *matchWeb) handlePlace(w http.ResponseWriter, r *http.Request) error {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "meeting")
	if err != nil {
		return err
	}
	v, err := m.s.db.Meeting(r.Context(), e.ID, id)
	if err != nil {
		return err
	}
	settings, err := m.s.db.MatchSettings(r.Context(), e.ID)
	if err != nil {
		return err
	}
	booths, err := m.s.db.MeetingBooths(r.Context(), e.ID)
	if err != nil {
		return err
	}
	un, err := m.s.db.Unavailable(r.Context(), e.ID)
	if err != nil {
		return err
	}
	occ, err := m.occupancy(r, e.ID)
	if err != nil {
		return err
	}
	p := PlacePage{Page: m.s.page(r, ""), Event: e, Meeting: v, slots: slots}
	if len(slots) > 0 {
		p.zone = slotZone(slots)
	}
	p.Title = p.T("console.place_title", p.Tx(v.From.Name), p.Tx(v.To.Name))
	allowed := meeting.AllowedLocations(v.Meeting, settings.Tables, booths)
	for _, t := range occ.Times(v.Meeting, slots, un, allowed, m.s.db.Now()) {
		if n := len(p.Days); n == 0 || p.Days[n-1].Day != t.Slot.Day {
			p.Days = append(p.Days, PlaceDay{Day: t.Slot.Day})
		}
		p.Days[len(p.Days)-1].Times = append(p.Days[len(p.Days)-1].Times, t)
	}
	return m.s.render(w, http.StatusOK, "meeting_place", p)
}

// Why says, in the page's language, why a meeting cannot go in a slot.
func (p PlacePage) Why(code string) string {
	switch code {
	case meeting.FromBusy, meeting.FromAway:
		return p.T("console.why."+code, p.Tx(p.Meeting.From.Name))
	case meeting.ToBusy, meeting.ToAway:
		return p.T("console.why."+code, p.Tx(p.Meeting.To.Name))
	}
	return p.T("console.why." + code)
}

// occupancy reads who meets where at an event.
func (m *matchWeb) occupancy(r *http.Request, eventID int64) (*meeting.Occupancy, error) {
	views, err := m.s.db.EventMeetings(r.Context(), eventID, meeting.Scheduled, meeting.Held)
	if err != nil {
		return nil, err
	}
	ms := make([]meeting.Meeting, len(views))
	for i, v := range views {
		ms[i] = v.Meeting
	}
	return meeting.NewOccupancy(ms), nil
}
