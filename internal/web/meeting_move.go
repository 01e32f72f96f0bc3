package web

import (
	"errors"
	"net/http"
	"net/url"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/meeting"
)

// handleMove is the organizer moving a scheduled meeting by hand on the
// table plan, to another slot, table or booth (posted for an accepted
// meeting, it places it). Both sides are mailed the new time and place,
// and later scheduler runs keep it there.
func (m *matchWeb) handleMove(w http.ResponseWriter, r *http.Request) error {
	mv, err := m.move(r, r.PostFormValue("slot"), r.PostFormValue("location"))
	if err != nil {
		if mv.before.ID == 0 {
			return err
		}
		return m.moveRefused(w, r, mv.before, err)
	}
	done := "moved"
	if !mv.changed {
		done = ""
	}
	return backToPlan(w, r, mv.event.ID, mv.slots, mv.after.Slot, done)
}

// MoveInput is the organizer's move of a meeting: a slot id of the event
// and a location (a table "T01", or a booth "booth-A-101" for a booth
// meeting).
type MoveInput struct {
	Slot     string `json:"slot"`
	Location string `json:"location"`
}

func (m *matchWeb) apiMove(w http.ResponseWriter, r *http.Request) error {
	var in MoveInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	mv, err := m.move(r, in.Slot, in.Location)
	if err != nil {
		return err
	}
	out, err := m.s.db.Meeting(r.Context(), mv.event.ID, mv.after.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

// moved is what move did: the meeting before and after, and whether
// anything changed.
type moved struct {
	event         event.Event
	slots         []meeting.Slot
	before, after meeting.View
	changed       bool
}

// move moves the request's meeting to slot and location, as an
// organizer, and mails both sides. A move to where the meeting already is
// changes nothing.
func (m *matchWeb) move(r *http.Request, slot, location string) (moved, error) {
	var mv moved
	var err error
	if mv.event, mv.slots, err = m.eventSlots(r); err != nil {
		return mv, err
	}
	id, err := pathID(r, "meeting")
	if err != nil {
		return mv, err
	}
	v, err := m.s.db.Meeting(r.Context(), mv.event.ID, id)
	if err != nil {
		return mv, err
	}
	settings, err := m.s.db.MatchSettings(r.Context(), mv.event.ID)
	if err != nil {
		return mv, err
	}
	booths, err := m.s.db.MeetingBooths(r.Context(), mv.event.ID)
	if err != nil {
		return mv, err
	}
	mv.before, mv.after = v, v
	mt := v.Meeting
	if err := mt.MoveTo(slot, location, mv.slots, meeting.AllowedLocations(mt, settings.Tables, booths), m.s.db.Now()); err != nil {
		return mv, err
	}
	if mt.Slot == v.Slot && mt.Location == v.Location && v.Status == meeting.Scheduled {
		return mv, nil
	}
	if err := m.s.db.MoveMeeting(r.Context(), &mt, v.Status, v.Slot, v.Location); err != nil {
		return mv, err
	}
	mv.after, mv.changed = meeting.View{Meeting: mt, From: v.From, To: v.To}, true
	kind, old := mailScheduled, ""
	if v.Status == meeting.Scheduled {
		kind, old = mailMoved, v.Slot
	}
	m.mailChange(r, mv.event, mv.slots, mv.after, kind, old)
	return mv, nil
}

// moveRefused shows the table plan again at the meeting's slot, the move
// form open with why the move was refused. Errors other than a refusal
// (the store failing) go to the error page.
func (m *matchWeb) moveRefused(w http.ResponseWriter, r *http.Request, v meeting.View, err error) error {
	var ae *apperr.Error
	if !errors.As(err, &ae) || (ae.Code != apperr.Invalid && ae.Code != apperr.Conflict) {
		return err
	}
	p, all, slots, perr := m.consolePage(r)
	if perr != nil {
		return perr
	}
	msg := ae.Message
	switch {
	case ae.Fields["slot"] != "":
		msg = p.T("console.move_bad_slot")
	case ae.Fields["location"] != "":
		msg = p.T("console.move_bad_place")
	case errors.Is(err, meeting.ErrSideBusy):
		msg = p.T("console.move_busy")
	case errors.Is(err, meeting.ErrSideAway):
		msg = p.T("console.move_away")
	case errors.Is(err, meeting.ErrPlaceTaken):
		msg = p.T("console.move_taken")
	case errors.Is(err, meeting.ErrSlotOver):
		msg = p.T("console.move_over")
	case v.Status != meeting.Accepted && v.Status != meeting.Scheduled:
		msg = p.T("console.move_state", p.T("meeting.status."+string(v.Status)))
	case ae.Code == apperr.Conflict:
		msg = p.T("console.move_stale")
	}
	q := url.Values{"slot": {v.Slot}}
	if s, ok := meeting.FindSlot(slots, v.Slot); ok {
		q.Set("day", s.Day)
	}
	r.URL.RawQuery = q.Encode()
	m.fillPlan(r, &p, all, slots)
	p.MoveError = map[int64]string{v.ID: msg}
	if v.Status != meeting.Scheduled {
		// Not in the slot's list, so not by a form: at the top.
		p.Alert = msg
	}
	return m.s.render(w, statusOf(err), "schedule_console", p)
}

// backToPlan answers a console action with the table plan of the day of
// slot, that slot's meetings listed, and a notice.
func backToPlan(w http.ResponseWriter, r *http.Request, eventID int64, slots []meeting.Slot, slot, done string) error {
	q := url.Values{}
	if s, ok := meeting.FindSlot(slots, slot); ok {
		q.Set("day", s.Day)
	}
	q.Set("slot", slot)
	if done != "" {
		q.Set("done", done)
	}
	http.Redirect(w, r, "/console/events/"+itoa(eventID)+"/meetings?"+q.Encode(), http.StatusSeeOther)
	return nil
}
