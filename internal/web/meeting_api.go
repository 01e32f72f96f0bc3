package web

import (
	"net/http"
	"slices"

	"ketnoi/internal/apperr"
	"ketnoi/internal/meeting"
)

// The JSON API of meeting requests and availability: the same rules and
// mails as the pages (change in meeting.go), answered in JSON.

// DeclineInput is a refusal with its reason.
type DeclineInput struct {
	Reason string `json:"reason"`
}

// ProposeInput is another time, a slot id of the event (see
// GET …/availability for the slots).
type ProposeInput struct {
	Slot string `json:"slot"`
}

// CancelInput calls a meeting off, with an optional reason.
type CancelInput struct {
	Reason string `json:"reason"`
}

// NoShowInput names the organizations that did not come to a meeting:
// one side, or both; none (or no body) counts both sides absent.
type NoShowInput struct {
	Absent []int64 `json:"absent"`
}

// AvailabilityInput lists the slots when nobody of an organization can
// meet; it replaces the previous list.
type AvailabilityInput struct {
	Unavailable []string `json:"unavailable"`
}

// Availability is an organization's availability at an event, with the
// event's meeting slots.
type Availability struct {
	EventID     int64          `json:"event_id"`
	OrgID       int64          `json:"org_id"`
	Unavailable []string       `json:"unavailable"`
	Slots       []meeting.Slot `json:"slots"`
}

// decodeOptional reads a JSON body when there is one: an answer without
// anything to say may come with no body at all.
func decodeOptional(r *http.Request, dst any) error {
	if r.ContentLength == 0 {
		return nil
	}
	return decodeJSON(r, dst)
}

// apiChange applies an answer and writes the meeting as it now stands.
func (m *matchWeb) apiChange(w http.ResponseWriter, r *http.Request, in any, fn func(mt *meeting.Meeting, side meeting.Side, slots []meeting.Slot) error) error {
	if in != nil {
		if err := decodeOptional(r, in); err != nil {
			return err
		}
	}
	e, v, err := m.change(r, fn)
	if err != nil {
		return err
	}
	out, err := m.s.db.Meeting(r.Context(), e.ID, v.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (m *matchWeb) apiMeeting(w http.ResponseWriter, r *http.Request) error {
	v, err := inEvent(r, "meeting", m.s.db.Meeting)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func (m *matchWeb) apiAccept(w http.ResponseWriter, r *http.Request) error {
	var in struct{}
	return m.apiChange(w, r, &in, func(mt *meeting.Meeting, side meeting.Side, slots []meeting.Slot) error {
		return mt.Accept(side, viewerOf(r).person.ID, slots, m.s.db.Now())
	})
}

func (m *matchWeb) apiDecline(w http.ResponseWriter, r *http.Request) error {
	var in DeclineInput
	return m.apiChange(w, r, &in, func(mt *meeting.Meeting, side meeting.Side, _ []meeting.Slot) error {
		return mt.Decline(side, viewerOf(r).person.ID, in.Reason)
	})
}

func (m *matchWeb) apiPropose(w http.ResponseWriter, r *http.Request) error {
	var in ProposeInput
	return m.apiChange(w, r, &in, func(mt *meeting.Meeting, side meeting.Side, slots []meeting.Slot) error {
		if in.Slot == "" {
			return apperr.Fields{"slot": "is required"}.Err()
		}
		return mt.Propose(side, viewerOf(r).person.ID, in.Slot, slots, m.s.db.Now())
	})
}

func (m *matchWeb) apiCancel(w http.ResponseWriter, r *http.Request) error {
	var in CancelInput
	return m.apiChange(w, r, &in, func(mt *meeting.Meeting, _ meeting.Side, _ []meeting.Slot) error {
		return mt.Cancel(in.Reason)
	})
}

// apiCheckIn marks a scheduled meeting held, as the check-in at the table
// does (either side, the event's organizers).
func (m *matchWeb) apiCheckIn(w http.ResponseWriter, r *http.Request) error {
	var in struct{}
	return m.apiChange(w, r, &in, func(mt *meeting.Meeting, _ meeting.Side, slots []meeting.Slot) error {
		return m.checkIn(r, mt, slots)
	})
}

// apiNoShow records that a scheduled meeting did not take place, and who
// did not come (the event's organizers).
func (m *matchWeb) apiNoShow(w http.ResponseWriter, r *http.Request) error {
	var in NoShowInput
	return m.apiChange(w, r, &in, func(mt *meeting.Meeting, _ meeting.Side, _ []meeting.Slot) error {
		return mt.MarkNoShow(in.Absent)
	})
}

// awaySlots checks slot ids against an event's slots and drops repeats.
func awaySlots(slots []meeting.Slot, ids []string) ([]string, error) {
	if len(ids) > len(slots) {
		return nil, apperr.Fields{"unavailable": "lists more slots than the event has"}.Err()
	}
	out := []string{}
	for _, s := range ids {
		if _, ok := meeting.FindSlot(slots, s); !ok {
			return nil, apperr.Fields{"unavailable": "names a slot this event does not have"}.Err()
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out, nil
}

func (m *matchWeb) availability(r *http.Request) (Availability, error) {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return Availability{}, err
	}
	orgID, err := pathID(r, "org")
	if err != nil {
		return Availability{}, err
	}
	if _, err := m.s.db.Organization(r.Context(), orgID); err != nil {
		return Availability{}, err
	}
	un, err := m.s.db.Unavailable(r.Context(), e.ID)
	if err != nil {
		return Availability{}, err
	}
	a := Availability{EventID: e.ID, OrgID: orgID, Unavailable: un[orgID], Slots: slots}
	if a.Unavailable == nil {
		a.Unavailable = []string{}
	}
	slices.SortFunc(a.Unavailable, compareSlots)
	return a, nil
}

func (m *matchWeb) apiAvailability(w http.ResponseWriter, r *http.Request) error {
	a, err := m.availability(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

func (m *matchWeb) apiSetAvailability(w http.ResponseWriter, r *http.Request) error {
	a, err := m.availability(r)
	if err != nil {
		return err
	}
	var in AvailabilityInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.Unavailable == nil {
		return apperr.Fields{"unavailable": "is required (an empty list means available at every slot)"}.Err()
	}
	away, err := awaySlots(a.Slots, in.Unavailable)
	if err != nil {
		return err
	}
	if err := m.s.db.SetUnavailable(r.Context(), a.EventID, a.OrgID, away); err != nil {
		return err
	}
	slices.SortFunc(away, compareSlots)
	a.Unavailable = away
	return writeJSON(w, http.StatusOK, a)
}

// The API routes of meeting requests and availability in the OpenAPI
// document.
func init() {
	for k, d := range map[string]apiDoc{
		"GET /api/v1/events/{event}/meetings/{meeting}":          {summary: "Read a meeting (either side's members, the event's organizers)", out: meeting.View{}},
		"POST /api/v1/events/{event}/meetings/{meeting}/accept":  {summary: "Accept a request, or the other time the other side proposed (only the side expected to answer; body optional)", in: struct{}{}, out: meeting.View{}},
		"POST /api/v1/events/{event}/meetings/{meeting}/decline": {summary: "Decline a request or a proposed time, with a reason (only the side expected to answer)", in: DeclineInput{}, out: meeting.View{}},
		"POST /api/v1/events/{event}/meetings/{meeting}/propose": {summary: "Answer with another time: a slot id of the event (only the side expected to answer)", in: ProposeInput{}, out: meeting.View{}},
		"POST /api/v1/events/{event}/meetings/{meeting}/cancel":  {summary: "Cancel a meeting that may still take place (either side)", in: CancelInput{}, out: meeting.View{}},
		"POST /api/v1/events/{event}/meetings/schedule":          {summary: "Run the scheduler over the accepted requests, from now on (the event's organizers): scheduled meetings keep their place, both sides of each change are mailed; 409 when a meeting was moved by hand meanwhile (nothing written)", in: struct{}{}, out: RunResult{}},
		"POST /api/v1/events/{event}/meetings/{meeting}/checkin": {summary: "Mark a scheduled meeting held, as the check-in at the table does (either side, the event's organizers; body optional); 409 until 15 minutes before its slot begins", in: struct{}{}, out: meeting.View{}},
		"POST /api/v1/events/{event}/meetings/{meeting}/noshow":  {summary: "Record that a scheduled meeting did not take place, or correct a check-in or the side recorded absent (the event's organizers; body optional): absent lists the organization ids of the meeting that did not come, one side or both; without it both sides are absent. 422 when absent names an organization that is not in the meeting (nothing written); a later check-in clears absent", in: NoShowInput{}, out: meeting.View{}},
		"GET /api/v1/events/{event}/meetings/{meeting}/times":    {summary: "Every slot of the event for a meeting: the first free location, how many are free, or why it cannot go there (the event's organizers)", out: TimeView{}, list: true},
		"POST /api/v1/events/{event}/meetings/{meeting}/move":    {summary: "Move a scheduled meeting, or place an accepted one, at a slot and location (the event's organizers); both sides are mailed; 409 when a side or the location is taken or away", in: MoveInput{}, out: meeting.View{}},
		"GET /api/v1/events/{event}/orgs/{org}/availability":     {summary: "The slots when an organization cannot meet, with the event's meeting slots (its members)", out: Availability{}},
		"PUT /api/v1/events/{event}/orgs/{org}/availability":     {summary: "Replace the slots when an organization cannot meet (its members); the scheduler avoids them", in: AvailabilityInput{}, out: Availability{}},
	} {
		apiDocs[k] = d
	}
}
