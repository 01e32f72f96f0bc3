package meeting

import (
	"time"

	"ketnoi/internal/schedule"
)

// Run is what one scheduler run did. It is kept so that the organizer's
// console can show it after the run's answer — a reload of that answer
// must not run the scheduler again — and to the event's other organizers.
type Run struct {
	ID      int64
	EventID int64
	At      time.Time
	// Scheduled, Moved and Unplaced count the run's applied changes by
	// kind; Kept the scheduled meetings that kept their place.
	Scheduled, Moved, Unplaced, Kept int
	Objective                        schedule.Objective
	Took                             time.Duration
	// Left are the accepted meetings the run could not place, in the
	// scheduler's order.
	Left []int64
}

// RunOf sums up a run's outcome (its changes as applied).
func RunOf(eventID int64, out Outcome, at time.Time, took time.Duration) Run {
	r := Run{EventID: eventID, At: at, Kept: out.Kept, Objective: out.Objective, Took: took, Left: make([]int64, 0, len(out.Left))}
	for _, c := range out.Changes {
		switch c.Kind {
		case NewlyScheduled:
			r.Scheduled++
		case Moved:
			r.Moved++
		case Unplaced:
			r.Unplaced++
		}
	}
	for _, l := range out.Left {
		r.Left = append(r.Left, l.MeetingID)
	}
	return r
}
