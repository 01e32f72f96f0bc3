package web

import (
	"net/http"
	"strings"
	"time"

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

// times reads the request's meeting and, for each slot of its event,
// whether it could be held then (meeting.Occupancy.Times).
func (m *matchWeb) times(r *http.Request) (event.Event, []meeting.Slot, meeting.View, []meeting.Time, error) {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return e, nil, meeting.View{}, nil, err
	}
	id, err := pathID(r, "meeting")
	if err != nil {
		return e, nil, meeting.View{}, nil, err
	}
	v, err := m.s.db.Meeting(r.Context(), e.ID, id)
	if err != nil {
		return e, nil, v, nil, err
	}
	pl, err := m.loadPlacing(r, e.ID)
	if err != nil {
		return e, nil, v, nil, err
	}
	return e, slots, v, pl.times(v.Meeting, slots, m.s.db.Now()), nil
}

// placing is what deciding where an event's meetings may go reads: its
// tables, the exhibitors' booths, who is away when, and who meets where.
type placing struct {
	tables      int
	booths      map[int64][]string
	unavailable map[int64][]string
	occ         *meeting.Occupancy
}

func (m *matchWeb) loadPlacing(r *http.Request, eventID int64) (placing, error) {
	var pl placing
	settings, err := m.s.db.MatchSettings(r.Context(), eventID)
	if err != nil {
		return pl, err
	}
	pl.tables = settings.Tables
	if pl.booths, err = m.s.db.MeetingBooths(r.Context(), eventID); err != nil {
		return pl, err
	}
	if pl.unavailable, err = m.s.db.Unavailable(r.Context(), eventID); err != nil {
		return pl, err
	}
	views, err := m.s.db.EventMeetings(r.Context(), eventID, meeting.Scheduled, meeting.Held)
	if err != nil {
		return pl, err
	}
	ms := make([]meeting.Meeting, len(views))
	for i, v := range views {
		ms[i] = v.Meeting
	}
	pl.occ = meeting.NewOccupancy(ms)
	return pl, nil
}

// allowed lists where mt may be held (meeting.AllowedLocations).
func (pl placing) allowed(mt meeting.Meeting) []string {
	return meeting.AllowedLocations(mt, pl.tables, pl.booths)
}

// times says, for each slot, whether mt could be held then.
func (pl placing) times(mt meeting.Meeting, slots []meeting.Slot, now time.Time) []meeting.Time {
	return pl.occ.Times(mt, slots, pl.unavailable, pl.allowed(mt), now)
}

// TimeView is one slot as a place for a meeting, in the API.
type TimeView struct {
	Slot     string    `json:"slot"`
	StartsAt time.Time `json:"starts_at"`
	Location string    `json:"location,omitempty"` // the first free one
	Free     int       `json:"free"`               // free locations the meeting may use
	// Why, when the meeting cannot go there: begun, from_busy, to_busy,
	// from_away, to_away, no_place, or here (it is there now).
	Why string `json:"why,omitempty"`
}

func (m *matchWeb) apiTimes(w http.ResponseWriter, r *http.Request) error {
	_, _, _, times, err := m.times(r)
	if err != nil {
		return err
	}
	out := make([]TimeView, len(times))
	for i, t := range times {
		out[i] = TimeView{Slot: t.Slot.ID, StartsAt: t.Slot.Starts.UTC(), Location: t.Location, Free: t.Free, Why: t.Why}
	}
	return writeJSON(w, http.StatusOK, list(out, len(out), 0, len(out)))
}

func (m *matchWeb) handlePlace(w http.ResponseWriter, r *http.Request) error {
	e, slots, v, times, err := m.times(r)
	if err != nil {
		return err
	}
	p := PlacePage{Page: m.s.page(r, ""), Event: e, Meeting: v, slots: slots}
	if len(slots) > 0 {
		p.zone = slotZone(slots)
	}
	p.Title = p.T("console.place_title", p.Tx(v.From.Name), p.Tx(v.To.Name))
	for _, t := range times {
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

// leftShown is how many meetings a run could not place the console lists,
// each with why; the Excel list has them all.
const leftShown = 100

// explainLeft lists the meetings a run could not place, each with why in
// the organizer's language: for how many of the event's slots a side
// meets someone else, is not available, or no table is free — and how
// many times are still free for both, where the organizer may place it by
// hand.
func (m *matchWeb) explainLeft(r *http.Request, e event.Event, slots []meeting.Slot, left []meeting.Left, byID map[int64]meeting.View, run *RunView, p Page) error {
	run.MoreLeft = max(len(left)-leftShown, 0)
	left = left[:min(len(left), leftShown)]
	if len(left) == 0 {
		return nil
	}
	pl, err := m.loadPlacing(r, e.ID)
	if err != nil {
		return err
	}
	now := m.s.db.Now()
	for _, l := range left {
		v := byID[l.MeetingID]
		reason := p.T("console.left.no_tables")
		if len(pl.allowed(v.Meeting)) > 0 {
			reason = leftReason(p, v, meeting.Tally(pl.times(v.Meeting, slots, now)))
		}
		run.Left = append(run.Left, LeftView{Meeting: v, Reason: reason})
	}
	return nil
}

// leftReason writes a tally of Times as a sentence.
func leftReason(p Page, v meeting.View, tally map[string]int) string {
	var parts []string
	if n := tally[""]; n > 0 {
		parts = append(parts, p.T("console.left.free", n))
	}
	for _, why := range []string{meeting.FromBusy, meeting.ToBusy, meeting.FromAway, meeting.ToAway, meeting.NoPlaceFree, meeting.Begun} {
		n := tally[why]
		if n == 0 {
			continue
		}
		side := ""
		switch why {
		case meeting.FromBusy, meeting.FromAway:
			side = p.Tx(v.From.Name)
		case meeting.ToBusy, meeting.ToAway:
			side = p.Tx(v.To.Name)
		}
		if side != "" {
			parts = append(parts, p.T("console.left."+why, side, n))
		} else {
			parts = append(parts, p.T("console.left."+why, n))
		}
	}
	return strings.Join(parts, "; ")
}
