package meeting

import (
	"slices"
	"time"
)

// Why a slot cannot take a meeting (see Occupancy.Times).
const (
	Begun       = "begun"     // the slot has begun
	FromBusy    = "from_busy" // the requester meets someone else then
	ToBusy      = "to_busy"   // the recipient meets someone else then
	FromAway    = "from_away" // the requester is not available then
	ToAway      = "to_away"   // the recipient is not available then
	NoPlaceFree = "no_place"  // every table (or the booth) is taken
	Here        = "here"      // the meeting is already there
)

// Time is one slot as a place for a meeting: a free location, or why not.
type Time struct {
	Slot     Slot
	Location string // the first allowed location free then; "" when Why is set
	Free     int    // how many allowed locations are free then
	Why      string // "" when the meeting can go there
}

// Occupancy is who meets and which locations are taken in each slot, from
// an event's scheduled and held meetings: built once, asked for many
// meetings.
type Occupancy struct {
	busy  map[int64]map[string]int64  // org → slot → the meeting it is in
	taken map[string]map[string]int64 // slot → location → the meeting there
}

// NewOccupancy reads the scheduled and held meetings among ms.
func NewOccupancy(ms []Meeting) *Occupancy {
	o := &Occupancy{busy: map[int64]map[string]int64{}, taken: map[string]map[string]int64{}}
	for _, m := range ms {
		if (m.Status != Scheduled && m.Status != Held) || m.Slot == "" {
			continue
		}
		for _, org := range []int64{m.FromOrg, m.ToOrg} {
			if o.busy[org] == nil {
				o.busy[org] = map[string]int64{}
			}
			o.busy[org][m.Slot] = m.ID
		}
		if o.taken[m.Slot] == nil {
			o.taken[m.Slot] = map[string]int64{}
		}
		o.taken[m.Slot][m.Location] = m.ID
	}
	return o
}

// busyElsewhere: org meets someone other than in meeting id in slot.
func (o *Occupancy) busyElsewhere(org int64, slot string, id int64) bool {
	other, ok := o.busy[org][slot]
	return ok && other != id
}

// Times says, for each slot, whether meeting m could be held then: both
// sides free (in no other scheduled or held meeting, not marked
// unavailable), the slot not begun by now, and one of the allowed
// locations free.
func (o *Occupancy) Times(m Meeting, slots []Slot, unavailable map[int64][]string, allowed []string, now time.Time) []Time {
	out := make([]Time, 0, len(slots))
	for _, s := range slots {
		t := Time{Slot: s}
		for _, l := range allowed {
			if id, ok := o.taken[s.ID][l]; !ok || id == m.ID {
				if t.Free == 0 {
					t.Location = l
				}
				t.Free++
			}
		}
		switch {
		case m.Status == Scheduled && m.Slot == s.ID:
			t.Why = Here
		case !s.Starts.After(now):
			t.Why = Begun
		case o.busyElsewhere(m.FromOrg, s.ID, m.ID):
			t.Why = FromBusy
		case o.busyElsewhere(m.ToOrg, s.ID, m.ID):
			t.Why = ToBusy
		case slices.Contains(unavailable[m.FromOrg], s.ID):
			t.Why = FromAway
		case slices.Contains(unavailable[m.ToOrg], s.ID):
			t.Why = ToAway
		case t.Free == 0:
			t.Why = NoPlaceFree
		}
		if t.Why != "" && t.Why != Here {
			t.Location = ""
		}
		out = append(out, t)
	}
	return out
}

// Tally counts the slots by why the meeting cannot go there ("" for the
// free ones).
func Tally(times []Time) map[string]int {
	n := map[string]int{}
	for _, t := range times {
		n[t.Why]++
	}
	return n
}
