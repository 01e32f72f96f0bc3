package main

import (
	"context"
	"math/rand/v2"
	"testing"

	"ketnoi/internal/schedule"
)

// TestBestOrderMatchesEnumeration: on small schedules, the breaks counted
// from the slots' participant sets are the scheduler's own count, and the
// dynamic programme's best order of the slots is the best of every
// permutation that keeps each meeting where it may be held.
func TestBestOrderMatchesEnumeration(t *testing.T) {
	improved := 0
	for seed := range uint64(40) {
		p := schedule.Generate(schedule.GenConfig{Participants: 10, Meetings: 22, Days: 1, SessionsPerDay: 1,
			SlotsPerSession: 6, Tables: 10, MaxWeight: 1, Objective: schedule.ObjectiveBreaks}, seed)
		rng := rand.New(rand.NewPCG(seed, 7))
		for i := range p.Participants {
			if rng.IntN(3) == 0 {
				p.Participants[i].Unavailable = []string{p.Slots[rng.IntN(len(p.Slots))].ID}
			}
		}
		for i := range p.Meetings {
			if rng.IntN(6) == 0 {
				p.Meetings[i].Slots = []string{p.Slots[0].ID, p.Slots[1].ID, p.Slots[2].ID}
			}
		}
		res, err := schedule.Solve(context.Background(), p, schedule.Options{Iterations: -1}) // the greedy schedule: room to improve
		if err != nil {
			t.Fatal(err)
		}
		o, err := newSlotOrder(p, res)
		if err != nil {
			t.Fatal(err)
		}
		ident := []int{0, 1, 2, 3, 4, 5}
		if got := o.breaks(ident); got != res.Objective.Breaks {
			t.Fatalf("seed %d: %d breaks counted from the slots, the scheduler counts %d", seed, got, res.Objective.Breaks)
		}
		want := -1
		permute(ident, 0, func(order []int) {
			for k, c := range order {
				if !o.allowed[c][k] {
					return
				}
			}
			if b := o.breaks(order); want < 0 || b < want {
				want = b
			}
		})
		got, order, _ := o.best()
		if got != want {
			t.Fatalf("seed %d: best order has %d breaks, enumeration %d", seed, got, want)
		}
		for k, c := range order {
			if !o.allowed[c][k] {
				t.Fatalf("seed %d: order %v puts slot %d where its meetings may not be", seed, order, c)
			}
		}
		if b := o.breaks(order); b != got {
			t.Fatalf("seed %d: order %v has %d breaks, not %d", seed, order, b, got)
		}
		if got < res.Objective.Breaks {
			improved++
		}
	}
	if improved == 0 {
		t.Fatal("no greedy schedule had a better order: the test checks nothing")
	}
}

func permute(a []int, k int, visit func([]int)) {
	if k == len(a) {
		visit(a)
		return
	}
	for i := k; i < len(a); i++ {
		a[k], a[i] = a[i], a[k]
		permute(a, k+1, visit)
		a[k], a[i] = a[i], a[k]
	}
}
