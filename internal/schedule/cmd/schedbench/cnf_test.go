package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"ketnoi/internal/schedule"
)

// tinyProblem is a random problem small enough to enumerate: 3–4
// participants, 4–5 meetings, 5 slots in one or two sessions, 1–2 tables,
// some unavailable slots and slot restrictions.
func tinyProblem(rng *rand.Rand) schedule.Problem {
	p := schedule.Problem{Objective: schedule.ObjectiveBreaks}
	twoSessions := rng.IntN(2) == 0
	for i := range 5 {
		sess := "am"
		if twoSessions && i >= 3 {
			sess = "pm"
		}
		p.Slots = append(p.Slots, schedule.Slot{ID: fmt.Sprintf("s%d", i), Session: sess})
	}
	for i := range 1 + rng.IntN(2) {
		p.Locations = append(p.Locations, schedule.Location{ID: fmt.Sprintf("T%d", i)})
	}
	nPart := 3 + rng.IntN(2)
	for i := range nPart {
		q := schedule.Participant{ID: fmt.Sprintf("p%d", i)}
		if rng.IntN(3) == 0 {
			q.Unavailable = []string{fmt.Sprintf("s%d", rng.IntN(5))}
		}
		p.Participants = append(p.Participants, q)
	}
	for i := range 4 + rng.IntN(2) {
		a := rng.IntN(nPart)
		b := (a + 1 + rng.IntN(nPart-1)) % nPart
		mt := schedule.Meeting{ID: fmt.Sprintf("m%d", i), With: []string{p.Participants[a].ID, p.Participants[b].ID}}
		if rng.IntN(3) == 0 {
			from := rng.IntN(3)
			mt.Slots = []string{fmt.Sprintf("s%d", from), fmt.Sprintf("s%d", from+1), fmt.Sprintf("s%d", from+2)}
		}
		p.Meetings = append(p.Meetings, mt)
	}
	return p
}

// fewestBreaks enumerates every assignment of slots to meetings and returns
// the fewest breaks of a schedule that places all of them and the fewest
// participants with a break, or -1, -1 if none does. Schedule.Evaluate
// judges each schedule's rules and breaks: the reference is the
// scheduler's own rule book, not the CNF's.
func fewestBreaks(p schedule.Problem) (breaks, broken int) {
	best, bestBroken := math.MaxInt, math.MaxInt
	slots := make([]int, len(p.Meetings))
	var rec func(i int)
	rec = func(i int) {
		if i == len(p.Meetings) {
			used := make([]int, len(p.Slots))
			var as []schedule.Assignment
			for j, s := range slots {
				if used[s] == len(p.Locations) {
					return
				}
				as = append(as, schedule.Assignment{Meeting: p.Meetings[j].ID, Slot: p.Slots[s].ID, Location: p.Locations[used[s]].ID})
				used[s]++
			}
			if obj, err := schedule.Evaluate(p, as); err == nil {
				best = min(best, obj.Breaks)
				bestBroken = min(bestBroken, brokenParticipants(p, slots))
			}
			return
		}
		for s := range p.Slots {
			slots[i] = s
			rec(i + 1)
		}
	}
	rec(0)
	if best == math.MaxInt {
		return -1, -1
	}
	return best, bestBroken
}

// brokenParticipants counts the participants with a break when meeting i
// is in slot slots[i]: within a session, a free slot between two busy ones.
func brokenParticipants(p schedule.Problem, slots []int) int {
	n := 0
	for _, q := range p.Participants {
		busy := make([]bool, len(p.Slots))
		for i, mt := range p.Meetings {
			if slices.Contains(mt.With, q.ID) {
				busy[slots[i]] = true
			}
		}
		broken := false
		for _, sess := range sessions(p) {
			runs, last := 0, false
			for _, s := range sess {
				if busy[s] && !last {
					runs++
				}
				last = busy[s]
			}
			broken = broken || runs > 1
		}
		if broken {
			n++
		}
	}
	return n
}

// satisfiable is a plain DPLL with unit propagation, enough for tiny
// formulas.
func satisfiable(nVars int, clauses [][]int) bool {
	val := make([]int8, nVars+1) // 0 unknown, 1 true, -1 false
	var solve func() bool
	solve = func() bool {
		var trail []int
		undo := func() {
			for _, v := range trail {
				val[v] = 0
			}
		}
		for changed := true; changed; {
			changed = false
			for _, cl := range clauses {
				unknown, lastLit, sat := 0, 0, false
				for _, l := range cl {
					v, want := l, int8(1)
					if l < 0 {
						v, want = -l, -1
					}
					switch val[v] {
					case want:
						sat = true
					case 0:
						unknown++
						lastLit = l
					}
					if sat {
						break
					}
				}
				if sat {
					continue
				}
				if unknown == 0 {
					undo()
					return false
				}
				if unknown == 1 {
					v, set := lastLit, int8(1)
					if v < 0 {
						v, set = -v, -1
					}
					val[v] = set
					trail = append(trail, v)
					changed = true
				}
			}
		}
		branch := 0
		for v := 1; v <= nVars; v++ {
			if val[v] == 0 {
				branch = v
				break
			}
		}
		if branch == 0 {
			return true
		}
		for _, set := range []int8{1, -1} {
			val[branch] = set
			if solve() {
				return true
			}
		}
		val[branch] = 0
		undo()
		return false
	}
	return solve()
}

// The model says "at most K breaks" (or "at most K participants with a
// break") exactly: on random tiny problems it is satisfiable at the
// enumerated optimum and not one below, with or without the implied
// counts, and unsatisfiable when no schedule places every meeting.
func TestCNFMatchesEnumeration(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	checked, infeasible, withBreaks := 0, 0, 0
	for n := 0; n < 300 && checked < 60; n++ {
		p := tinyProblem(rng)
		if schedule.Validate(p) != nil {
			continue
		}
		opt, optBroken := fewestBreaks(p)
		checked++
		if opt > 0 {
			withBreaks++
		}
		for _, implied := range []bool{false, true} {
			if optBroken >= 0 {
				// Nobody allowed a break: satisfiable exactly when a
				// schedule without any break exists.
				md, err := buildCNF(p, cnfOptions{MaxBreaks: 10, Implied: implied, OnlyBroken: map[string]bool{}})
				if err != nil {
					t.Fatal(err)
				}
				if got := satisfiable(md.vars, md.clauses); got != (optBroken == 0) {
					t.Fatalf("problem %d (implied %v): nobody allowed a break, fewest broken %d, satisfiable = %v", n, implied, optBroken, got)
				}
				for _, k := range []int{optBroken - 1, optBroken} {
					md, err := buildCNF(p, cnfOptions{MaxBreaks: k, Implied: implied, PerParticipant: true})
					if err != nil {
						t.Fatal(err)
					}
					if got := satisfiable(md.vars, md.clauses); got != (k >= optBroken) {
						t.Fatalf("problem %d (implied %v): at fewest %d participants with a break, CNF at most %d satisfiable = %v", n, implied, optBroken, k, got)
					}
				}
			}
			if opt < 0 {
				infeasible++
				md, err := buildCNF(p, cnfOptions{MaxBreaks: 10, Implied: implied})
				if err != nil {
					t.Fatal(err)
				}
				if satisfiable(md.vars, md.clauses) {
					t.Fatalf("problem %d: no schedule places every meeting, but the CNF is satisfiable", n)
				}
				continue
			}
			for _, k := range []int{opt - 1, opt} {
				if k < 0 {
					continue
				}
				md, err := buildCNF(p, cnfOptions{MaxBreaks: k, Implied: implied})
				if err != nil {
					t.Fatal(err)
				}
				if got := satisfiable(md.vars, md.clauses); got != (k >= opt) {
					t.Fatalf("problem %d (implied %v): optimum %d breaks, CNF at most %d satisfiable = %v", n, implied, opt, k, got)
				}
			}
		}
	}
	if checked < 60 {
		t.Fatalf("only %d valid random problems", checked)
	}
	// Problems whose optimum has breaks are the ones that test the break
	// count; make sure the random ones include enough of them.
	if withBreaks < 10 {
		t.Fatalf("only %d of %d problems need a break", withBreaks, checked)
	}
	t.Logf("%d problems, %d need a break, %d with no full schedule", checked, withBreaks, infeasible/2)
}

// Meetings restricted to some locations do not fit the table-count model
// and are refused by name.
func TestCNFRefusesLocationLists(t *testing.T) {
	p := tinyProblem(rand.New(rand.NewPCG(1, 2)))
	p.Meetings[0].Locations = []string{p.Locations[0].ID}
	_, err := buildCNF(p, cnfOptions{})
	if err == nil || !strings.Contains(err.Error(), p.Meetings[0].ID) {
		t.Fatalf("want an error naming %s, got %v", p.Meetings[0].ID, err)
	}
}
