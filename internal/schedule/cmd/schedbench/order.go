package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/bits"
	"os"
	"slices"
	"time"

	"ketnoi/internal/schedule"
)

// slotOrder is a schedule seen column by column: the participants busy in
// each slot, and where each slot's meetings, moved together, may go.
type slotOrder struct {
	busy    [][]uint64 // per slot, the participants in a meeting then (a bit set)
	allowed [][]bool   // allowed[c][k]: slot c's meetings may all be held in slot k
	parts   int        // participants with at least one meeting
}

// newSlotOrder reads a schedule of p. Moving a whole slot's meetings to
// another position keeps every participant in one meeting per slot and
// every location's capacity; what can forbid it is a meeting's slot list,
// a participant's absence or a fixed meeting. One session only: the breaks
// of other sessions do not depend on this one's order.
func newSlotOrder(p schedule.Problem, res schedule.Result) (*slotOrder, error) {
	n := len(p.Slots)
	if n > 30 {
		return nil, fmt.Errorf("%d slots: at most 30", n)
	}
	for _, s := range p.Slots {
		if s.Session != p.Slots[0].Session {
			return nil, fmt.Errorf("slots of more than one session")
		}
	}
	slotAt := map[string]int{}
	for i, s := range p.Slots {
		slotAt[s.ID] = i
	}
	partAt := map[string]int{}
	away := make([]map[int]bool, len(p.Participants))
	for i, q := range p.Participants {
		partAt[q.ID] = i
		away[i] = map[int]bool{}
		for _, s := range q.Unavailable {
			away[i][slotAt[s]] = true
		}
	}
	meets := map[string]schedule.Meeting{}
	for _, m := range p.Meetings {
		meets[m.ID] = m
	}
	words := (len(p.Participants) + 63) / 64
	o := &slotOrder{busy: make([][]uint64, n), allowed: make([][]bool, n)}
	cols := make([][]schedule.Meeting, n)
	for c := range n {
		o.busy[c] = make([]uint64, words)
	}
	for _, a := range res.Assignments {
		c, ok := slotAt[a.Slot]
		m, known := meets[a.Meeting]
		if !ok || !known {
			return nil, fmt.Errorf("assignment %s at %s is not of this problem", a.Meeting, a.Slot)
		}
		cols[c] = append(cols[c], m)
		for _, id := range m.With {
			k := partAt[id]
			o.busy[c][k/64] |= 1 << (k % 64)
		}
	}
	seen := make([]uint64, words)
	for c := range n {
		for w := range words {
			seen[w] |= o.busy[c][w]
		}
		o.allowed[c] = make([]bool, n)
		for k := range n {
			o.allowed[c][k] = true
			for _, m := range cols[c] {
				ok := len(m.Slots) == 0 || slices.Contains(m.Slots, p.Slots[k].ID)
				ok = ok && (m.Fixed == nil || k == c)
				for _, id := range m.With {
					ok = ok && !away[partAt[id]][k]
				}
				if !ok {
					o.allowed[c][k] = false
					break
				}
			}
		}
	}
	for _, w := range seen {
		o.parts += bits.OnesCount64(w)
	}
	return o, nil
}

// distance is how many participants are busy in exactly one of slots a
// and b: each such participant starts or ends a run of meetings between
// them when they are neighbours.
func (o *slotOrder) distance(a, b int) int {
	d := 0
	for w := range o.busy[a] {
		d += bits.OnesCount64(o.busy[a][w] ^ o.busy[b][w])
	}
	return d
}

// size is how many participants are busy in slot c.
func (o *slotOrder) size(c int) int { return countBits(o.busy[c]) }

func countBits(s []uint64) int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// breaks is the breaks of the schedule with its slots in order: every run
// of meetings has a start and an end, so the runs are half the starts and
// ends along the order (from and to an empty slot at either end), and a
// participant's breaks are its runs less one.
func (o *slotOrder) breaks(order []int) int {
	ends := o.size(order[0]) + o.size(order[len(order)-1])
	for i := 1; i < len(order); i++ {
		ends += o.distance(order[i-1], order[i])
	}
	return ends/2 - o.parts
}

// best finds the order of the slots with the fewest breaks, exactly, by a
// dynamic programme over the set of slots placed so far and the last one
// (Held–Karp); only the sets that every placed slot allows are visited.
// It returns the breaks, an order that has them, and the states visited.
func (o *slotOrder) best() (int, []int, int) {
	n := len(o.busy)
	type key struct {
		set  uint32
		last int8
	}
	type val struct {
		ends int
		prev int8
	}
	layers := make([]map[key]val, n)
	layers[0] = map[key]val{}
	for c := range n {
		if o.allowed[c][0] {
			layers[0][key{1 << c, int8(c)}] = val{o.size(c), -1}
		}
	}
	states := len(layers[0])
	for k := 1; k < n; k++ {
		layers[k] = map[key]val{}
		for at, v := range layers[k-1] {
			for c := range n {
				if at.set&(1<<c) != 0 || !o.allowed[c][k] {
					continue
				}
				next := key{at.set | 1<<c, int8(c)}
				e := v.ends + o.distance(int(at.last), c)
				if old, ok := layers[k][next]; !ok || e < old.ends {
					layers[k][next] = val{e, at.last}
				}
			}
		}
		states += len(layers[k])
	}
	bestEnds, bestKey := -1, key{}
	for at, v := range layers[n-1] {
		if e := v.ends + o.size(int(at.last)); bestEnds < 0 || e < bestEnds || e == bestEnds && at.last < bestKey.last {
			bestEnds, bestKey = e, at
		}
	}
	if bestEnds < 0 {
		return -1, nil, states
	}
	order := make([]int, n)
	for k, at := n-1, bestKey; k >= 0; k-- {
		order[k] = int(at.last)
		prev := layers[k][at].prev
		at = key{at.set &^ (1 << at.last), prev}
	}
	return bestEnds/2 - o.parts, order, states
}

// printOrder reads a problem and a schedule of it and prints the breaks of
// the schedule and of the best order of its slots.
func printOrder(w io.Writer, problemPath, schedulePath string) error {
	var p schedule.Problem
	var res schedule.Result
	for path, into := range map[string]any{problemPath: &p, schedulePath: &res} {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, into); err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
	}
	start := time.Now()
	o, err := newSlotOrder(p, res)
	if err != nil {
		return err
	}
	ident := make([]int, len(o.busy))
	for i := range ident {
		ident[i] = i
	}
	best, order, states := o.best()
	fmt.Fprintf(w, "schedule %d breaks; best order of its slots %d breaks (%v); %d states, %.2f s\n",
		o.breaks(ident), best, order, states, time.Since(start).Seconds())
	return nil
}
