package web

import (
	"context"
	"fmt"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/meeting"
)

// remindEvery is how often the server looks for meetings to remind.
const remindEvery = 30 * time.Second

// SendMeetingReminders mails both sides of every scheduled meeting that
// begins within its event's reminder time (RemindMinutes) after now and
// has had no reminder, and says how many meetings it reminded. Each server calls it every half minute;
// a meeting is reminded once, whichever instance finds it first, and
// again if it moves.
func (s *Server) SendMeetingReminders(ctx context.Context, now time.Time) (int, error) {
	// Events under way, a day either side for the venues' time zones.
	evs, err := s.db.EventsAround(ctx, now.AddDate(0, 0, -1).Format(event.DateLayout), now.AddDate(0, 0, 1).Format(event.DateLayout))
	if err != nil {
		return 0, err
	}
	m := &matchWeb{s: s}
	n := 0
	for _, e := range evs {
		v, err := s.db.Venue(ctx, e.VenueID)
		if err != nil {
			return n, fmt.Errorf("reminders of event %d: %w", e.ID, err)
		}
		set, err := s.db.MatchSettings(ctx, e.ID)
		if err != nil {
			return n, err
		}
		if set.RemindMinutes <= 0 {
			continue
		}
		lead := time.Duration(set.RemindMinutes) * time.Minute
		slots := meeting.Slots(e.Days(), event.Zone(v.TimeZone))
		var due []string
		for _, sl := range slots {
			if sl.Starts.After(now) && !sl.Starts.After(now.Add(lead)) {
				due = append(due, sl.ID)
			}
		}
		views, err := s.db.ClaimReminders(ctx, e.ID, due, now)
		if err != nil {
			return n, err
		}
		for _, mv := range views {
			m.mailTo(ctx, e, slots, mv, mailReminder, "", "")
		}
		n += len(views)
	}
	return n, nil
}

// remindLoop sends the reminders until ctx ends, at the times clock
// gives (the store's clock when the server started, as for the mail
// worker: tests replace it).
func (s *Server) remindLoop(ctx context.Context, clock func() time.Time) {
	t := time.NewTicker(remindEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := s.SendMeetingReminders(ctx, clock()); err != nil && ctx.Err() == nil {
				s.log.Warn("meeting reminders", "err", err)
			} else if n > 0 {
				s.log.Info("meeting reminders", "meetings", n)
			}
		}
	}
}
