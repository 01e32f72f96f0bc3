package main

import (
	"errors"
	"math/rand/v2"
	"testing"

	"ketnoi/internal/schedule"
)

// Without a node limit the search is complete: on small random problems it
// finds a schedule with at most k breaks exactly when enumeration says one
// exists, in both directions of time, and what it finds keeps every rule.
func TestChronoMatchesEnumeration(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	checked, withBreaks := 0, 0
	for n := 0; n < 400 && checked < 60; n++ {
		p := tinyProblem(rng)
		if schedule.Validate(p) != nil || p.Slots[0].Session != p.Slots[len(p.Slots)-1].Session {
			continue
		}
		opt, _ := fewestBreaks(p)
		checked++
		if opt > 0 {
			withBreaks++
		}
		for _, k := range []int{opt - 1, opt, 2} {
			if k < 0 {
				continue
			}
			for _, reverse := range []bool{false, true} {
				res, err := runChrono(p, chronoOptions{Breaks: k, Limit: 1 << 30, Tries: 1, MeetFirst: 0.5, Reverse: reverse})
				if err != nil {
					t.Fatal(err)
				}
				want := opt >= 0 && k >= opt
				if res.Found != want {
					t.Fatalf("problem %d (reverse %v): fewest breaks %d, search at most %d found %v", n, reverse, opt, k, res.Found)
				}
				if !res.Found {
					continue
				}
				obj, err := schedule.Evaluate(p, res.Schedule)
				if err != nil {
					t.Fatalf("problem %d: %v", n, err)
				}
				if obj.Breaks > k || len(res.Schedule) != len(p.Meetings) {
					t.Fatalf("problem %d: at most %d breaks asked, got %d with %d of %d meetings", n, k, obj.Breaks, len(res.Schedule), len(p.Meetings))
				}
			}
		}
	}
	if checked < 40 || withBreaks < 5 {
		t.Fatalf("only %d problems, %d of them need a break", checked, withBreaks)
	}
	t.Logf("%d problems, %d need a break", checked, withBreaks)
}

// A schedule given as a hint is followed, even where the search alone
// would start the day earlier.
func TestChronoFollowsHint(t *testing.T) {
	p := schedule.Problem{Objective: schedule.ObjectiveBreaks}
	p.Slots = []schedule.Slot{{ID: "s0"}, {ID: "s1"}, {ID: "s2"}, {ID: "s3"}}
	p.Locations = []schedule.Location{{ID: "T0"}, {ID: "T1"}}
	p.Participants = []schedule.Participant{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}
	p.Meetings = []schedule.Meeting{
		{ID: "ab", With: []string{"a", "b"}}, {ID: "cd", With: []string{"c", "d"}},
		{ID: "ac", With: []string{"a", "c"}}, {ID: "bd", With: []string{"b", "d"}},
	}
	hint := map[string]string{"ab": "s2", "cd": "s2", "ac": "s3", "bd": "s3"}
	res, err := runChrono(p, chronoOptions{Limit: 1 << 20, Tries: 1, Hint: hint})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Found {
		t.Fatal("no schedule found")
	}
	for _, a := range res.Schedule {
		if hint[a.Meeting] != a.Slot {
			t.Fatalf("meeting %s in %s, hint %s", a.Meeting, a.Slot, hint[a.Meeting])
		}
	}
}

// Problems outside the search's model are refused, not mis-solved.
func TestChronoRefusesOtherModels(t *testing.T) {
	p := tinyProblem(rand.New(rand.NewPCG(1, 2)))
	p.Slots = []schedule.Slot{{ID: "s0"}, {ID: "s1"}, {ID: "s2"}, {ID: "s3"}, {ID: "s4"}}
	for i := range p.Participants {
		p.Participants[i].Unavailable = nil
	}
	for i := range p.Meetings {
		p.Meetings[i].Slots = nil
	}
	bad := []func(*schedule.Problem){
		func(p *schedule.Problem) { p.Meetings[0].Locations = []string{p.Locations[0].ID} },
		func(p *schedule.Problem) { p.Meetings[0].Fixed = &schedule.Fixed{Slot: "s1"} },
		func(p *schedule.Problem) { p.Meetings[0].Slots = []string{"s0", "s2"} },
		func(p *schedule.Problem) { p.Slots[4].Session = "pm" },
		func(p *schedule.Problem) { p.Locations[0].Capacity = 2 },
	}
	for i, change := range bad {
		q := p
		q.Slots = append([]schedule.Slot(nil), p.Slots...)
		q.Locations = append([]schedule.Location(nil), p.Locations...)
		q.Meetings = append([]schedule.Meeting(nil), p.Meetings...)
		change(&q)
		if _, err := runChrono(q, chronoOptions{Limit: 100, Tries: 1}); !errors.Is(err, errChronoModel) {
			t.Errorf("change %d: err = %v, want the model's refusal", i, err)
		}
	}
}

// The hint's breaks limit who may break, and only the participants with
// meetings restricted to disjoint ranges of slots count as straddlers.
func TestChronoAllowances(t *testing.T) {
	p := schedule.Problem{Objective: schedule.ObjectiveBreaks}
	for _, s := range []string{"s0", "s1", "s2", "s3"} {
		p.Slots = append(p.Slots, schedule.Slot{ID: s})
	}
	p.Locations = []schedule.Location{{ID: "T0"}}
	p.Participants = []schedule.Participant{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	// No schedule without a break: a's meetings must take s1 and s2, so
	// bc lands in s0 or s3, next to only one of b's and c's meetings.
	p.Meetings = []schedule.Meeting{
		{ID: "ab", With: []string{"a", "b"}, Slots: []string{"s0", "s1"}},
		{ID: "ac", With: []string{"a", "c"}, Slots: []string{"s2", "s3"}},
		{ID: "bc", With: []string{"b", "c"}},
	}
	c, err := newChrono(p, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.straddlers(); got[0] != 1 || got[1] != 0 || got[2] != 0 {
		t.Fatalf("straddlers = %v, want only a", got)
	}
	// ab in s0, ac in s2, bc in s1: a has a break, b and c none.
	if got := c.breaksIn([]int{0, 2, 1}); got[0] != 1 || got[1] != 0 || got[2] != 0 {
		t.Fatalf("breaksIn = %v, want [1 0 0]", got)
	}
	// A hint in which nobody breaks (bc left out) allows no break at all.
	hint := map[string]string{"ab": "s1", "ac": "s2"}
	for _, tc := range []struct {
		breaks     int
		hintBreaks bool
		want       bool
	}{{0, false, false}, {1, false, true}, {1, true, false}} {
		res, err := runChrono(p, chronoOptions{Breaks: tc.breaks, Limit: 1 << 20, Tries: 1, Hint: hint, HintBreaks: tc.hintBreaks})
		if err != nil {
			t.Fatal(err)
		}
		if res.Found != tc.want {
			t.Errorf("at most %d breaks, hint's breaks only %v: found %v, want %v", tc.breaks, tc.hintBreaks, res.Found, tc.want)
		}
	}
}
