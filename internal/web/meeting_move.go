package web

import (
	"net/http"
	"net/url"

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
		return err
	}
	if mt.Slot == v.Slot && mt.Location == v.Location && v.Status == meeting.Scheduled {
		return backToPlan(w, r, e.ID, slots, mt.Slot, "")
	}
	if err := m.s.db.MoveMeeting(r.Context(), &mt, v.Status, v.Slot, v.Location); err != nil {
		return err
	}
	after := meeting.View{Meeting: mt, From: v.From, To: v.To}
	kind, old := mailScheduled, ""
	if v.Status == meeting.Scheduled {
		kind, old = mailMoved, v.Slot
	}
	m.mailChange(r, e, slots, after, kind, old)
	return backToPlan(w, r, e.ID, slots, mt.Slot, "moved")
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
