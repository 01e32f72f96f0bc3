package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"ketnoi/internal/schedule"
)

// chrono is an exact search, slot by slot in time order, for a schedule
// that places every meeting with at most k breaks in total (and at most k
// per participant). It is an experiment measured in docs/benchmarks.md,
// not part of the scheduler.
//
// Each participant that has used up its breaks must hold its remaining
// meetings in one block of consecutive slots. The state after each choice
// is propagated: every block's possible starts, every meeting's window of
// slots (within both participants' blocks and its own slot list), earliest
// deadline first checks that each participant's meetings fit its block one
// per slot and that all meetings fit the free tables. Within a slot, the
// participants whose block has begun must meet (fewest choices first, the
// meeting with the earliest deadline first); then each other participant,
// the least slack first, either meets now or waits. Restarts with a random
// choice between meeting and waiting, and a node limit per try, keep a bad
// early choice from holding the search.
type chrono struct {
	S, C, P, M int
	ma, mb     []int  // the two participants of each meeting
	lo, hi     []int  // each meeting's slot list, as a range
	unav       []bool // P*S
	meets      [][]int
	allow      []int
	k          int

	slot        []int // meeting → slot or -1
	r           []int // meetings left per participant
	first, last []int
	brk         []int
	total       int
	busyAt      []int // the slot a participant last met in during the search
	waitAt      []int // the slot in which a participant chose to wait
	used        []int // meetings per slot

	sLo, sHi []int // block start range of participants without breaks left
	e, l     []int // earliest and latest slot of a participant's meetings
	dlo, dhi []int // each meeting's window

	nodes, limit int
	deepest      int
	rng          *rand.Rand
	meetFirst    float64
	hint         []int // meeting → slot to try first, or nil
	noise        float64
	hintAllow    []int // allowed breaks per participant, or nil
	byFailures   bool
	failures     []int // per participant, kept across restarts
}

// chronoOptions are the settings of one run of the search.
type chronoOptions struct {
	Breaks     int     // breaks allowed in total and per participant
	Limit      int     // nodes per try
	Tries      int     // restarts
	Seed       uint64  // with the try's number, seeds its random choices
	MeetFirst  float64 // probability that a waiting participant first tries to meet
	Reverse    bool    // search from the last slot to the first
	ByFailures bool    // order waiting participants by their past failures
	Hint       map[string]string
	// HintBreaks: only the participants with a break in the hint may have
	// one, at most as many as there.
	HintBreaks bool
	Noise      float64 // probability of leaving the hint at each choice
	// Straddlers: only participants with meetings restricted to two
	// disjoint ranges of slots (morning-only and afternoon-only) may have
	// a break, one each.
	Straddlers bool
}

// chronoResult is the outcome of a run.
type chronoResult struct {
	Found    bool
	Tries    int // tries made
	Nodes    int // nodes over all tries
	Deepest  int // the latest slot any try reached
	Elapsed  time.Duration
	Schedule []schedule.Assignment
}

var errChronoModel = errors.New("chrono handles one session, tables of capacity 1, meetings of two participants with a range of slots, nothing fixed or pinned")

// newChrono compiles p into the search's model.
func newChrono(p schedule.Problem, reverse bool) (*chrono, error) {
	slots := slices.Clone(p.Slots)
	if reverse {
		slices.Reverse(slots)
	}
	c := &chrono{S: len(slots), C: len(p.Locations), P: len(p.Participants), M: len(p.Meetings)}
	if c.S > 64 {
		return nil, fmt.Errorf("%w: at most 64 slots", errChronoModel)
	}
	si := map[string]int{}
	for i, s := range slots {
		if s.Session != slots[0].Session || s.Day != slots[0].Day {
			return nil, errChronoModel
		}
		si[s.ID] = i
	}
	for _, l := range p.Locations {
		if l.Capacity > 1 {
			return nil, errChronoModel
		}
	}
	pi := map[string]int{}
	c.unav = make([]bool, c.P*c.S)
	for i, q := range p.Participants {
		pi[q.ID] = i
		for _, u := range q.Unavailable {
			c.unav[i*c.S+si[u]] = true
		}
	}
	c.meets = make([][]int, c.P)
	for i, m := range p.Meetings {
		if len(m.With) != 2 || len(m.Locations) > 0 || m.Fixed != nil {
			return nil, fmt.Errorf("%w: meeting %q", errChronoModel, m.ID)
		}
		a, b := pi[m.With[0]], pi[m.With[1]]
		lo, hi := 0, c.S-1
		if len(m.Slots) > 0 {
			lo, hi = c.S, -1
			for _, s := range m.Slots {
				lo, hi = min(lo, si[s]), max(hi, si[s])
			}
			if hi-lo+1 != len(m.Slots) {
				return nil, fmt.Errorf("%w: meeting %q has gaps in its slots", errChronoModel, m.ID)
			}
		}
		c.ma, c.mb = append(c.ma, a), append(c.mb, b)
		c.lo, c.hi = append(c.lo, lo), append(c.hi, hi)
		c.meets[a] = append(c.meets[a], i)
		c.meets[b] = append(c.meets[b], i)
	}
	c.allow = make([]int, c.P)
	c.failures = make([]int, c.P)
	for _, arr := range []*[]int{&c.slot, &c.dlo, &c.dhi} {
		*arr = make([]int, c.M)
	}
	for _, arr := range []*[]int{&c.r, &c.first, &c.last, &c.brk, &c.busyAt, &c.waitAt, &c.sLo, &c.sHi, &c.e, &c.l} {
		*arr = make([]int, c.P)
	}
	c.used = make([]int, c.S)
	return c, nil
}

// runChrono searches p for a schedule with at most opt.Breaks breaks.
func runChrono(p schedule.Problem, opt chronoOptions) (chronoResult, error) {
	if err := schedule.Validate(p); err != nil {
		return chronoResult{}, err
	}
	c, err := newChrono(p, opt.Reverse)
	if err != nil {
		return chronoResult{}, err
	}
	if opt.Hint != nil {
		slots := slices.Clone(p.Slots)
		if opt.Reverse {
			slices.Reverse(slots)
		}
		c.hint = make([]int, c.M)
		for i, m := range p.Meetings {
			c.hint[i] = slices.IndexFunc(slots, func(s schedule.Slot) bool { return s.ID == opt.Hint[m.ID] })
		}
		if opt.HintBreaks {
			c.hintAllow = c.breaksIn(c.hint)
		}
		c.noise = opt.Noise
	}
	c.k, c.meetFirst, c.byFailures = opt.Breaks, opt.MeetFirst, opt.ByFailures
	if opt.Straddlers {
		c.hintAllow = c.straddlers()
	}
	var res chronoResult
	start := time.Now()
	for try := range max(opt.Tries, 1) {
		c.reset(opt.Breaks)
		c.rng = rand.New(rand.NewPCG(opt.Seed, uint64(try)))
		c.limit = opt.Limit
		found := c.propagate(0) && c.fill(0)
		res.Tries, res.Nodes, res.Deepest = try+1, res.Nodes+c.nodes, max(res.Deepest, c.deepest)
		if found {
			res.Found = true
			break
		}
	}
	res.Elapsed = time.Since(start)
	if res.Found {
		slots := slices.Clone(p.Slots)
		if opt.Reverse {
			slices.Reverse(slots)
		}
		next := make([]int, c.S)
		for i, m := range p.Meetings {
			s := c.slot[i]
			res.Schedule = append(res.Schedule, schedule.Assignment{Meeting: m.ID, Slot: slots[s].ID, Location: p.Locations[next[s]].ID})
			next[s]++
		}
	}
	return res, nil
}

func (c *chrono) reset(k int) {
	for i := range c.slot {
		c.slot[i] = -1
	}
	for p := range c.r {
		c.r[p] = len(c.meets[p])
		c.first[p], c.last[p] = -1, -2
		c.busyAt[p], c.waitAt[p] = -1, -1
		c.brk[p], c.allow[p] = 0, k
		if c.hintAllow != nil {
			c.allow[p] = min(k, c.hintAllow[p])
		}
	}
	clear(c.used)
	c.total, c.nodes, c.deepest = 0, 0, 0
}

func (c *chrono) unavail(p, t int) bool { return c.unav[p*c.S+t] }

// inBlock: p has no break left, so its remaining meetings form one block.
func (c *chrono) inBlock(p int) bool { return c.brk[p] >= c.allow[p] }

// printChrono runs the search on one file and reports it.
func printChrono(w io.Writer, in, hintFile string, opt chronoOptions) error {
	p, err := load(in)
	if err != nil {
		return err
	}
	if hintFile != "" {
		if opt.Hint, err = readHint(hintFile); err != nil {
			return err
		}
	}
	res, err := runChrono(p, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "found %v, tries %d, nodes %d, latest slot reached %d of %d, %.3f s\n",
		res.Found, res.Tries, res.Nodes, res.Deepest, len(p.Slots), res.Elapsed.Seconds())
	if res.Found {
		obj, err := schedule.Evaluate(p, res.Schedule)
		if err != nil {
			return fmt.Errorf("the search's schedule breaks a rule: %w", err)
		}
		fmt.Fprintf(w, "checked: weight %d, breaks %d, idle %d\n", obj.Weight, obj.Breaks, obj.Idle)
	}
	return nil
}

// straddlers gives 1 to each participant with two meetings whose slot
// ranges do not overlap, 0 to the others.
func (c *chrono) straddlers() []int {
	n := make([]int, c.P)
	for p := range c.P {
		lo, hi := c.S, -1
		for _, m := range c.meets[p] {
			lo, hi = min(lo, c.hi[m]), max(hi, c.lo[m])
		}
		if hi > lo {
			n[p] = 1
		}
	}
	return n
}

// breaksIn counts each participant's breaks when meeting m is in slot
// slot[m] (-1: not placed).
func (c *chrono) breaksIn(slot []int) []int {
	busy := make([]bool, c.P*c.S)
	for m, s := range slot {
		if s >= 0 {
			busy[c.ma[m]*c.S+s], busy[c.mb[m]*c.S+s] = true, true
		}
	}
	n := make([]int, c.P)
	for p := range c.P {
		runs := 0
		for u := range c.S {
			if busy[p*c.S+u] && (u == 0 || !busy[p*c.S+u-1]) {
				runs++
			}
		}
		n[p] = max(runs-1, 0)
	}
	return n
}

// readHint reads a schedule (the scheduler's output) as meeting → slot.
func readHint(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r schedule.Result
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: want the scheduler's output: %w", path, err)
	}
	hint := make(map[string]string, len(r.Assignments))
	for _, a := range r.Assignments {
		hint[a.Meeting] = a.Slot
	}
	return hint, nil
}
