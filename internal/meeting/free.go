package meeting

import (
	"slices"
	"time"
)

// Why a slot cannot take a meeting (see FreeTimes).
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

// FreeTimes says, for each slot, whether meeting m could be held then:
// both sides free (not in another scheduled or held meeting, not marked
// unavailable), the slot not begun by now, and one of the allowed
// locations free. others are the event's meetings.
func FreeTimes(m Meeting, slots []Slot, others []Meeting, unavailable map[int64][]string, allowed []string, now time.Time) []Time {
	busy := map[int64]map[string]bool{} // org → slots in a meeting
	taken := map[string]map[string]bool{}
	for _, o := range others {
		if o.ID == m.ID || (o.Status != Scheduled && o.Status != Held) || o.Slot == "" {
			continue
		}
		for _, org := range []int64{o.FromOrg, o.ToOrg} {
			if busy[org] == nil {
				busy[org] = map[string]bool{}
			}
			busy[org][o.Slot] = true
		}
		if taken[o.Slot] == nil {
			taken[o.Slot] = map[string]bool{}
		}
		taken[o.Slot][o.Location] = true
	}
	out := make([]Time, 0, len(slots))
	for _, s := range slots {
		t := Time{Slot: s}
		for _, l := range allowed {
			if !taken[s.ID][l] {
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
		case busy[m.FromOrg][s.ID]:
			t.Why = FromBusy
		case busy[m.ToOrg][s.ID]:
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
