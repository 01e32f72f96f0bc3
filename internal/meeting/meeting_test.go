package meeting

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/schedule"
)

func TestAnswers(t *testing.T) {
	slots := Slots([]string{"2027-03-10"}, time.UTC)
	before := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC) // the week before the fair
	m := Meeting{FromOrg: 1, ToOrg: 2, Status: Requested}
	if err := m.Accept(Requester, 7, slots, before); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("the requester accepted its own request: %v", err)
	}
	if err := m.Decline(Recipient, 8, " "); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("decline without a reason: %v", err)
	}
	if err := m.Propose(Recipient, 8, "d9-0000", slots, before); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("unknown slot: %v", err)
	}
	// On the day, a time that has begun cannot be proposed.
	at1410 := time.Date(2027, 3, 10, 14, 10, 0, 0, time.UTC)
	if err := m.Propose(Recipient, 8, "d1-1400", slots, at1410); !errors.Is(err, ErrSlotBegun) || m.Status != Requested {
		t.Fatalf("a time under way proposed: %v %+v", err, m)
	}
	if err := m.Propose(Recipient, 8, "d1-1400", slots, before); err != nil || m.Status != Proposed || m.ProposedBy != 2 {
		t.Fatalf("propose: %v %+v", err, m)
	}
	if err := m.Accept(Recipient, 8, slots, before); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("the proposer accepted its own proposal: %v", err)
	}
	// Nor can a proposed time be accepted once it has begun.
	if err := m.Accept(Requester, 7, slots, at1410); !errors.Is(err, ErrSlotBegun) || m.Status != Proposed {
		t.Fatalf("a proposal under way accepted: %v %+v", err, m)
	}
	if !m.CanAnswer(Requester) || m.CanAnswer(Recipient) {
		t.Fatal("the side a time was proposed to is not the one to answer")
	}
	// The requester accepting the proposed time leaves the recipient's
	// person as the one who answered for it (its mail goes there).
	if err := m.Accept(Requester, 7, slots, before); err != nil || m.Status != Accepted || m.WantedSlot != "d1-1400" || m.AnsweredBy != 8 {
		t.Fatalf("accept the proposal: %v %+v", err, m)
	}
	if err := m.CheckIn(time.Now(), slots); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("check-in before scheduling: %v", err)
	}
	if err := m.MarkNoShow(nil); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("no-show before scheduling: %v", err)
	}
	// On the day, either record corrects the other.
	day := m
	day.Status, day.Slot, day.Location = Scheduled, "d1-1400", "T01"
	s1400, _ := FindSlot(slots, "d1-1400")
	at := s1400.Starts.Add(35 * time.Minute) // late, in the next slot
	if err := day.MarkNoShow(nil); err != nil || day.Status != NoShow || day.CheckedInAt != nil {
		t.Fatalf("no-show: %v %+v", err, day)
	}
	// Not before its time.
	for _, early := range []time.Time{time.Date(2027, 3, 9, 7, 0, 0, 0, time.UTC), s1400.Starts.Add(-CheckInEarly - time.Second)} {
		if err := day.CheckIn(early, slots); !errors.Is(err, ErrNotYet) || day.Status != NoShow {
			t.Fatalf("check-in at %v, before the slot of %v: %v, %s", early, s1400.Starts, err, day.Status)
		}
	}
	if err := day.CheckIn(s1400.Starts.Add(-CheckInEarly), slots); err != nil || day.Status != Held {
		t.Fatalf("check-in %v before the slot: %v, %s", CheckInEarly, err, day.Status)
	}
	day.Status = NoShow
	if err := day.CheckIn(at, slots); err != nil || day.Status != Held || day.CheckedInAt == nil || !day.CheckedInAt.Equal(at) {
		t.Fatalf("late check-in after a no-show: %v %+v", err, day)
	}
	if err := day.CheckIn(at, slots); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("checked in twice: %v", err)
	}
	if err := day.MarkNoShow(nil); err != nil || day.Status != NoShow || day.CheckedInAt != nil {
		t.Fatalf("no-show correcting a check-in: %v %+v", err, day)
	}
	if err := m.Cancel("plans changed"); err != nil || m.Status != Cancelled {
		t.Fatalf("cancel: %v", err)
	}
	if err := m.Cancel(""); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("cancel twice: %v", err)
	}
}

// TestNoShowAbsent: a no-show names who did not come, one side or both
// (none named: both, as before); an organization on neither side is
// refused with nothing changed; the organizer may correct the side, and a
// late check-in clears it.
func TestNoShowAbsent(t *testing.T) {
	slots := Slots([]string{"2027-03-10"}, time.UTC)
	s0900, _ := FindSlot(slots, "d1-0900")
	sched := Meeting{FromOrg: 1, ToOrg: 2, Status: Scheduled, Slot: "d1-0900", Location: "T01"}
	for _, c := range []struct {
		name        string
		named, want []int64
	}{
		{"none named", nil, []int64{1, 2}},
		{"the recipient", []int64{2}, []int64{2}},
		{"the requester", []int64{1}, []int64{1}},
		{"both, out of order and twice", []int64{2, 1, 2}, []int64{1, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := sched
			if err := m.MarkNoShow(c.named); err != nil || m.Status != NoShow || !slices.Equal(m.Absent, c.want) {
				t.Fatalf("no-show of %v: %v, %s absent %v", c.named, err, m.Status, m.Absent)
			}
		})
	}
	m := sched
	err := m.MarkNoShow([]int64{1, 3})
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.Invalid || ae.Fields["absent"] == "" || m.Status != Scheduled || m.Absent != nil {
		t.Fatalf("an organization on neither side: %v, %s absent %v", err, m.Status, m.Absent)
	}
	must(t, m.MarkNoShow([]int64{2}))
	if !m.AbsentSide(2) || m.AbsentSide(1) || m.BothAbsent() {
		t.Fatalf("the recipient alone absent: %v", m.Absent)
	}
	// The wrong name tapped: corrected, then both.
	must(t, m.MarkNoShow([]int64{1}))
	if !m.AbsentSide(1) || m.AbsentSide(2) {
		t.Fatalf("corrected to the requester: %v", m.Absent)
	}
	must(t, m.MarkNoShow(nil))
	if !m.BothAbsent() {
		t.Fatalf("corrected to both: %v", m.Absent)
	}
	// They came late after all: nobody is absent from a held meeting.
	must(t, m.CheckIn(s0900.Starts.Add(10*time.Minute), slots))
	if m.Status != Held || m.Absent != nil || m.AbsentSide(1) || m.AbsentSide(2) {
		t.Fatalf("check-in after a no-show: %s absent %v", m.Status, m.Absent)
	}
	done := Meeting{FromOrg: 1, ToOrg: 2, Status: Cancelled}
	if err := done.MarkNoShow([]int64{1}); !apperr.Is(err, apperr.Conflict) || done.Absent != nil {
		t.Fatalf("a cancelled meeting marked a no-show: %v %v", err, done.Absent)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestSlots(t *testing.T) {
	s := Slots([]string{"2027-03-10", "2027-03-11", "2027-03-12"}, time.FixedZone("ICT", 7*3600))
	if len(s) != 48 || s[0].ID != "d1-0830" || s[7].End != "12:30" || s[8].Start != "13:30" || s[47].ID != "d3-1700" {
		t.Fatalf("slots = %d, first %+v", len(s), s[0])
	}
	if s[0].Starts.UTC().Hour() != 1 || s[0].Session == s[8].Session {
		t.Fatalf("zone or sessions wrong: %+v %+v", s[0], s[8])
	}
}

// TestPlanKeepsScheduled builds random events and checks that every plan
// obeys the scheduler's rules and never moves a meeting that can stay.
func TestPlanKeepsScheduled(t *testing.T) {
	slots := Slots([]string{"2027-03-10", "2027-03-11"}, time.UTC)
	for seed := 0; seed < 20; seed++ {
		in := PlanInput{Slots: slots, Tables: 3, Booths: map[int64][]string{1: {"A-101"}, 2: {"A-102"}}, Unavailable: map[int64][]string{3: {"d1-0830"}}}
		id := int64(1)
		for a := int64(1); a <= 6; a++ {
			for b := a + 1; b <= 6; b++ {
				if (a*7+b*3+int64(seed))%3 == 0 {
					continue
				}
				m := Meeting{ID: id, FromOrg: b, ToOrg: a, Status: Accepted, Place: Table}
				if a <= 2 && id%2 == 0 {
					m.Place = Booth
				}
				in.Meetings = append(in.Meetings, m)
				id++
			}
		}
		first, err := Plan(context.Background(), in, schedule.Options{Seed: uint64(seed), Iterations: 20000})
		if err != nil {
			t.Fatal(err)
		}
		placed := map[int64]Meeting{}
		for _, c := range first.Changes {
			placed[c.Meeting.ID] = c.Meeting
		}
		for i, m := range in.Meetings {
			if p, ok := placed[m.ID]; ok {
				in.Meetings[i] = p
				if m.Place == Booth {
					if _, booth := IsBooth(p.Location); !booth {
						t.Fatalf("seed %d: booth meeting %d at %s", seed, m.ID, p.Location)
					}
				}
			}
		}
		in.Meetings = append(in.Meetings, Meeting{ID: 100, FromOrg: 5, ToOrg: 6, Status: Accepted, Place: Table})
		second, err := Plan(context.Background(), in, schedule.Options{Seed: uint64(seed), Iterations: 20000})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range second.Changes {
			if c.Kind != NewlyScheduled {
				t.Fatalf("seed %d: re-run changed a scheduled meeting: %+v", seed, c)
			}
		}
		if second.Kept != len(placed) {
			t.Fatalf("seed %d: kept %d of %d", seed, second.Kept, len(placed))
		}
		p, _ := Problem(in)
		var as []schedule.Assignment
		for _, m := range in.Meetings {
			if m.Status == Scheduled {
				as = append(as, schedule.Assignment{Meeting: meetingKey(m.ID), Slot: m.Slot, Location: m.Location})
			}
		}
		if _, err := schedule.Evaluate(p, as); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
}

func Example_tableID() {
	fmt.Println(TableID(3), BoothID("A-101"))
	// Output: T03 booth-A-101
}

// An organizer's move places an accepted meeting or moves a scheduled one,
// only to a slot of the event and a location the meeting may use; the
// scheduler then keeps it there.
func TestMoveTo(t *testing.T) {
	slots := Slots([]string{"2027-03-10"}, time.UTC)
	before := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	booths := map[int64][]string{2: {"A-101"}}
	table := Meeting{ID: 1, FromOrg: 1, ToOrg: 2, Status: Requested, Place: Table}
	if got := AllowedLocations(table, 2, booths); len(got) != 2 || got[1] != "T02" {
		t.Fatalf("table meeting may use %v", got)
	}
	booth := Meeting{ID: 2, FromOrg: 3, ToOrg: 2, Status: Accepted, Place: Booth, WantedSlot: "d1-0900"}
	allowed := AllowedLocations(booth, 2, booths)
	if len(allowed) != 1 || allowed[0] != "booth-A-101" {
		t.Fatalf("booth meeting may use %v", allowed)
	}
	if err := table.MoveTo("d1-0900", "T01", slots, AllowedLocations(table, 2, booths), before); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("moved a request not yet accepted: %v", err)
	}
	for _, bad := range [][2]string{{"d9-0900", "booth-A-101"}, {"d1-0900", "T01"}} {
		if err := booth.MoveTo(bad[0], bad[1], slots, allowed, before); !apperr.Is(err, apperr.Invalid) {
			t.Fatalf("moved to %v: %v", bad, err)
		}
	}
	if booth.Status != Accepted || booth.Slot != "" {
		t.Fatalf("a refused move changed the meeting: %+v", booth)
	}
	// During the fair: a slot that has ended is refused, the one under
	// way is not.
	s1400, _ := FindSlot(slots, "d1-1400")
	if err := booth.MoveTo("d1-0900", "booth-A-101", slots, allowed, s1400.Starts.Add(time.Minute)); !errors.Is(err, ErrSlotOver) {
		t.Fatalf("moved into a slot that has ended: %v", err)
	}
	if err := booth.MoveTo("d1-1400", "booth-A-101", slots, allowed, s1400.Ends); !errors.Is(err, ErrSlotOver) {
		t.Fatalf("moved into a slot as it ends: %v", err)
	}
	if booth.Status != Accepted || booth.Slot != "" {
		t.Fatalf("a refused move changed the meeting: %+v", booth)
	}
	if err := booth.MoveTo("d1-1400", "booth-A-101", slots, allowed, s1400.Starts.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if booth.Status != Scheduled || booth.Slot != "d1-1400" || booth.WantedSlot != "d1-1400" {
		t.Fatalf("after the move: %+v", booth)
	}
	in := PlanInput{Slots: slots, Tables: 2, Booths: booths, Meetings: []Meeting{booth}}
	out, err := Plan(context.Background(), in, schedule.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if out.Kept != 1 || len(out.Changes) != 0 {
		t.Fatalf("the scheduler did not keep the moved meeting: kept %d, changes %+v", out.Kept, out.Changes)
	}
}

// A run during the fair neither places meetings in slots that have begun
// nor moves the meetings scheduled in them, even where their place has
// become impossible; without From it does both.
func TestPlanLeavesBegunSlots(t *testing.T) {
	slots := Slots([]string{"2027-03-10"}, time.UTC)
	past := Meeting{ID: 1, FromOrg: 1, ToOrg: 2, Status: Scheduled, Place: Table, Slot: "d1-0900", Location: "T01"}
	in := PlanInput{Slots: slots, Tables: 2, Unavailable: map[int64][]string{1: {"d1-0900"}}, Meetings: []Meeting{past}}
	for id := int64(2); id <= 6; id++ {
		in.Meetings = append(in.Meetings, Meeting{ID: id, FromOrg: id + 1, ToOrg: 1, Status: Accepted, Place: Table})
	}
	free, err := Plan(context.Background(), in, schedule.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(free.Changes, func(c Change) bool { return c.Meeting.ID == 1 && c.Kind == Moved }) {
		t.Fatalf("without From the meeting whose side is away was not moved: %+v", free.Changes)
	}
	in.From = time.Date(2027, 3, 10, 10, 0, 0, 0, time.UTC) // the 10:00 slot begins
	out, err := Plan(context.Background(), in, schedule.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Changes) != 5 {
		t.Fatalf("%d changes, want the 5 accepted meetings placed: %+v", len(out.Changes), out.Changes)
	}
	for _, c := range out.Changes {
		s, ok := FindSlot(slots, c.Meeting.Slot)
		if c.Meeting.ID == 1 || !ok || s.Start < "10:30" {
			t.Fatalf("change %+v (slot starts %s) after 10:00", c, s.Start)
		}
	}
}

// Occupancy.Times gives each slot a free place for the pair, or the first reason
// it has none.
func TestFreeTimes(t *testing.T) {
	slots := Slots([]string{"2027-03-10"}, time.UTC)[:6] // 08:30 … 11:00
	m := Meeting{ID: 1, FromOrg: 1, ToOrg: 2, Status: Accepted, Place: Table}
	others := []Meeting{
		{ID: 2, FromOrg: 1, ToOrg: 3, Status: Scheduled, Slot: "d1-0900", Location: "T01"},
		{ID: 3, FromOrg: 4, ToOrg: 2, Status: Held, Slot: "d1-0930", Location: "T02"},
		{ID: 4, FromOrg: 5, ToOrg: 6, Status: Scheduled, Slot: "d1-1030", Location: "T01"},
		{ID: 5, FromOrg: 7, ToOrg: 8, Status: Scheduled, Slot: "d1-1030", Location: "T02"},
		{ID: 6, FromOrg: 1, ToOrg: 9, Status: Cancelled, Slot: "d1-1100", Location: "T01"},
		{ID: 7, FromOrg: 5, ToOrg: 6, Status: Scheduled, Slot: "d1-1100", Location: "T01"},
	}
	un := map[int64][]string{2: {"d1-1000"}}
	now := time.Date(2027, 3, 10, 8, 40, 0, 0, time.UTC)
	got := NewOccupancy(others).Times(m, slots, un, []string{"T01", "T02"}, now)
	want := []struct{ why, loc string }{
		{Begun, ""}, {FromBusy, ""}, {ToBusy, ""}, {ToAway, ""}, {NoPlaceFree, ""}, {"", "T02"},
	}
	for i, w := range want {
		if got[i].Why != w.why || got[i].Location != w.loc {
			t.Errorf("%s: %q at %q, want %q at %q", got[i].Slot.ID, got[i].Why, got[i].Location, w.why, w.loc)
		}
	}
	if got[5].Free != 1 {
		t.Errorf("11:00 has %d free tables, want 1", got[5].Free)
	}
	tally := Tally(got)
	if tally[""] != 1 || tally[FromBusy] != 1 || tally[Begun] != 1 || len(tally) != 6 {
		t.Errorf("tally %v", tally)
	}
	// The meeting scheduled at 09:00 itself is not in its own way.
	placed := others[0]
	again := NewOccupancy(others).Times(placed, slots, un, []string{"T01", "T02"}, now)
	if again[1].Why != Here || again[1].Location != "T01" {
		t.Errorf("its own slot: %+v", again[1])
	}
}

func TestTableNumber(t *testing.T) {
	for loc, want := range map[string]int{"T01": 1, "T12": 12, TableID(200): 200, "booth-A-101": 0, "T": 0, "T0": 0, "Tx": 0, "": 0} {
		if n, ok := TableNumber(loc); n != want || ok != (want > 0) {
			t.Errorf("TableNumber(%q) = %d, %v; want %d", loc, n, ok, want)
		}
	}
}

// TestCheckInBySide: a side that came late checks a no-show in while the
// slot runs; once it is over the organizer's record stands for the sides,
// and only CheckIn (the organizer's) corrects it.
func TestCheckInBySide(t *testing.T) {
	slots := Slots([]string{"2027-03-10"}, time.UTC)
	s, _ := FindSlot(slots, "d1-1030")
	m := Meeting{FromOrg: 1, ToOrg: 2, Status: Scheduled, Slot: "d1-1030"}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(m.MarkNoShow([]int64{2}))
	during := s.Starts.Add(10 * time.Minute)
	late := m
	must(late.CheckInBySide(during, slots))
	if late.Status != Held || late.Absent != nil {
		t.Errorf("a late check-in during the slot: %+v", late)
	}
	after := s.Ends.Add(time.Minute)
	stands := m
	if err := stands.CheckInBySide(after, slots); !errors.Is(err, ErrNoShowStands) || stands.Status != NoShow {
		t.Errorf("a side's check-in after the slot: %v %+v", err, stands)
	}
	must(stands.CheckIn(after, slots)) // the organizer's correction
	if stands.Status != Held {
		t.Errorf("the organizer's correction: %+v", stands)
	}
	// A scheduled meeting a side checks in after its slot is as before.
	sched := Meeting{FromOrg: 1, ToOrg: 2, Status: Scheduled, Slot: "d1-1030"}
	must(sched.CheckInBySide(after, slots))
}
