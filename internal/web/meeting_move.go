package web

import (
	"errors"
	"net/http"
	"net/url"

	"ketnoi/internal/apperr"
	"ketnoi/internal/meeting"
)

// handleMove is the organizer moving a scheduled meeting by hand on the
// table plan, to another slot, table or booth (posted for an accepted
// meeting, it places it). Both sides are mailed the new time and place,
// and later scheduler runs keep it there.
func (m *matchWeb) handleMove(w http.ResponseWriter, r *http.Request) error {
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
	mt := v.Meeting
	allowed := meeting.AllowedLocations(mt, settings.Tables, booths)
	if err := mt.MoveTo(r.PostFormValue("slot"), r.PostFormValue("location"), slots, allowed); err != nil {
		return m.moveRefused(w, r, v, err)
	}
	if mt.Slot == v.Slot && mt.Location == v.Location && v.Status == meeting.Scheduled {
		return backToPlan(w, r, e.ID, slots, mt.Slot, "")
	}
	if err := m.s.db.MoveMeeting(r.Context(), &mt, v.Status, v.Slot, v.Location); err != nil {
		return m.moveRefused(w, r, v, err)
	}
	after := meeting.View{Meeting: mt, From: v.From, To: v.To}
	kind, old := mailScheduled, ""
	if v.Status == meeting.Scheduled {
		kind, old = mailMoved, v.Slot
	}
	m.mailChange(r, e, slots, after, kind, old)
	return backToPlan(w, r, e.ID, slots, mt.Slot, "moved")
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
	}
	q := url.Values{"slot": {v.Slot}}
	if s, ok := meeting.FindSlot(slots, v.Slot); ok {
		q.Set("day", s.Day)
	}
	r.URL.RawQuery = q.Encode()
	m.fillPlan(r, &p, all, slots)
	p.MoveError = map[int64]string{v.ID: msg}
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
