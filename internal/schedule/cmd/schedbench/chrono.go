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

// propagate narrows the block starts and meeting windows for the state
// within slot t (some participants placed in t, some waiting). It reports
// false when some participant or meeting has no room left.
func (c *chrono) propagate(t int) bool {
	for p := range c.P {
		if c.r[p] > 0 && !c.startRange(p, t) {
			c.failures[p]++
			return false
		}
	}
	for changed := true; changed; {
		changed = false
		for p := range c.P {
			if c.r[p] > 0 && c.inBlock(p) {
				c.e[p], c.l[p] = c.sLo[p], c.sHi[p]+c.r[p]-1
			}
		}
		for m := range c.M {
			if c.slot[m] >= 0 {
				continue
			}
			a, b := c.ma[m], c.mb[m]
			c.dlo[m] = max(c.lo[m], t, c.e[a], c.e[b])
			c.dhi[m] = min(c.hi[m], c.l[a], c.l[b])
			if c.dlo[m] > c.dhi[m] {
				c.failures[a]++
				c.failures[b]++
				return false
			}
		}
		for p := range c.P {
			if c.r[p] == 0 || !c.inBlock(p) {
				continue
			}
			lo, hi := c.sLo[p], c.sHi[p]
			for _, m := range c.meets[p] {
				if c.slot[m] < 0 {
					lo, hi = max(lo, c.dlo[m]-c.r[p]+1), min(hi, c.dhi[m])
				}
			}
			if lo != c.sLo[p] || hi != c.sHi[p] {
				c.sLo[p], c.sHi[p] = lo, hi
				if !c.fitAvailable(p) {
					c.failures[p]++
					return false
				}
				changed = true
			}
		}
	}
	for p := range c.P {
		if c.r[p] > 0 && !c.rowFits(p) {
			c.failures[p]++
			return false
		}
	}
	return c.tablesFit(t)
}

// startRange sets p's earliest and latest slots (no block) or its block
// start range, from its state in slot t.
func (c *chrono) startRange(p, t int) bool {
	free := t // the first slot p may still meet in
	if c.busyAt[p] == t || c.waitAt[p] == t || c.unavail(p, t) {
		free = t + 1
	}
	if !c.inBlock(p) {
		c.e[p], c.l[p] = free, c.S-1
		return true
	}
	switch {
	case c.first[p] >= 0 && c.last[p] == t: // met in t: the block goes on
		c.sLo[p], c.sHi[p] = t+1, t+1
	case c.first[p] >= 0 && c.last[p] == t-1: // must meet in t
		if free > t {
			return false
		}
		c.sLo[p], c.sHi[p] = t, t
	default:
		c.sLo[p], c.sHi[p] = free, c.S-c.r[p]
	}
	return c.fitAvailable(p)
}

// fitAvailable narrows p's block start range to blocks that avoid p's
// unavailable slots.
func (c *chrono) fitAvailable(p int) bool {
	ok := func(s int) bool {
		for u := s; u < s+c.r[p]; u++ {
			if u >= c.S || c.unavail(p, u) {
				return false
			}
		}
		return true
	}
	for c.sLo[p] <= c.sHi[p] && !ok(c.sLo[p]) {
		c.sLo[p]++
	}
	for c.sHi[p] >= c.sLo[p] && !ok(c.sHi[p]) {
		c.sHi[p]--
	}
	return c.sLo[p] <= c.sHi[p]
}

// rowFits checks that p's remaining meetings fit one per slot in their
// windows: earliest deadline first is exact for unit jobs on one machine.
func (c *chrono) rowFits(p int) bool {
	var due [64]int
	n := 0
	for _, m := range c.meets[p] {
		if c.slot[m] < 0 {
			n++
		}
	}
	pending := 0
	for u := 0; u < c.S && n+pending > 0; u++ {
		for _, m := range c.meets[p] {
			if c.slot[m] < 0 && c.dlo[m] == u {
				due[c.dhi[m]]++
				pending++
				n--
			}
		}
		if pending > 0 {
			for d := u; d < c.S; d++ {
				if due[d] > 0 {
					due[d]--
					pending--
					break
				}
			}
		}
		if due[u] > 0 {
			return false
		}
	}
	return pending == 0
}

// tablesFit checks that the unplaced meetings fit the free tables of the
// slots from t on within their windows (earliest deadline first is exact
// for unit jobs on identical machines).
func (c *chrono) tablesFit(t int) bool {
	var due [64]int
	byRelease := make([][]int, c.S)
	for m := range c.M {
		if c.slot[m] < 0 {
			byRelease[c.dlo[m]] = append(byRelease[c.dlo[m]], c.dhi[m])
		}
	}
	pending := 0
	for u := t; u < c.S; u++ {
		for _, d := range byRelease[u] {
			due[d]++
			pending++
		}
		free := c.C - c.used[u]
		for d := u; d < c.S && free > 0 && pending > 0; d++ {
			k := min(free, due[d])
			due[d] -= k
			free -= k
			pending -= k
		}
		if due[u] > 0 {
			return false
		}
	}
	return pending == 0
}

// mustMeet: p's block has begun (or must begin) in slot t.
func (c *chrono) mustMeet(p, t int) bool {
	if c.r[p] == 0 || c.busyAt[p] == t || !c.inBlock(p) {
		return false
	}
	return (c.first[p] >= 0 && c.last[p] == t-1) || c.sHi[p] <= t
}

func (c *chrono) canMeet(m, t int) bool {
	if c.slot[m] >= 0 || c.dlo[m] > t || c.dhi[m] < t || c.used[t] >= c.C {
		return false
	}
	for _, p := range [2]int{c.ma[m], c.mb[m]} {
		if c.busyAt[p] == t || c.waitAt[p] == t || c.unavail(p, t) || !c.mayStart(p, t) {
			return false
		}
	}
	return true
}

// mayStart: p may meet in t (a participant in a block only within it).
func (c *chrono) mayStart(p, t int) bool {
	if !c.inBlock(p) || (c.first[p] >= 0 && c.last[p] == t-1) {
		return true
	}
	return c.sLo[p] <= t && t <= c.sHi[p]
}

type placed struct{ first, last, busy int }

func (c *chrono) place(m, t int) [2]placed {
	var sv [2]placed
	for i, p := range [2]int{c.ma[m], c.mb[m]} {
		sv[i] = placed{c.first[p], c.last[p], c.busyAt[p]}
		if c.first[p] < 0 {
			c.first[p] = t
		}
		c.last[p], c.busyAt[p] = t, t
		c.r[p]--
	}
	c.slot[m] = t
	c.used[t]++
	return sv
}

func (c *chrono) unplace(m, t int, sv [2]placed) {
	for i, p := range [2]int{c.ma[m], c.mb[m]} {
		c.first[p], c.last[p], c.busyAt[p] = sv[i].first, sv[i].last, sv[i].busy
		c.r[p]++
	}
	c.slot[m] = -1
	c.used[t]--
}

type windows struct{ sLo, sHi, e, l, dlo, dhi []int }

func (c *chrono) save() windows {
	return windows{slices.Clone(c.sLo), slices.Clone(c.sHi), slices.Clone(c.e), slices.Clone(c.l), slices.Clone(c.dlo), slices.Clone(c.dhi)}
}

func (c *chrono) load(w windows) {
	copy(c.sLo, w.sLo)
	copy(c.sHi, w.sHi)
	copy(c.e, w.e)
	copy(c.l, w.l)
	copy(c.dlo, w.dlo)
	copy(c.dhi, w.dhi)
}

// try places m in t, propagates and goes on with next; on failure it
// undoes the placement.
func (c *chrono) try(m, t int, next func() bool) bool {
	w := c.save()
	sv := c.place(m, t)
	if c.propagate(t) && next() {
		return true
	}
	c.unplace(m, t, sv)
	c.load(w)
	return false
}

func (c *chrono) candidates(p, t int) []int {
	var cs []int
	for _, m := range c.meets[p] {
		if c.canMeet(m, t) {
			cs = append(cs, m)
		}
	}
	return cs
}

// fill chooses the meetings of slot t: first for the participants that
// must meet, then for the others.
func (c *chrono) fill(t int) bool {
	c.deepest = max(c.deepest, t)
	if t == c.S {
		return slices.Max(c.r) == 0
	}
	c.nodes++
	if c.nodes > c.limit {
		return false
	}
	best := -1
	var cands []int
	for p := range c.P {
		if !c.mustMeet(p, t) {
			continue
		}
		if cs := c.candidates(p, t); best < 0 || len(cs) < len(cands) {
			best, cands = p, cs
		}
	}
	if best >= 0 {
		if len(cands) == 0 {
			c.failures[best]++
			return false
		}
		c.order(best, cands, t)
		for _, m := range cands {
			if c.try(m, t, func() bool { return c.fill(t) }) {
				return true
			}
			if c.nodes > c.limit {
				return false
			}
		}
		return false
	}
	var rest []int
	for p := range c.P {
		if c.r[p] > 0 && c.busyAt[p] != t && !c.unavail(p, t) && c.mayStart(p, t) {
			rest = append(rest, p)
		}
	}
	slices.SortStableFunc(rest, func(x, y int) int {
		if c.byFailures && c.failures[x] != c.failures[y] {
			return c.failures[y] - c.failures[x]
		}
		return c.slack(x, t) - c.slack(y, t)
	})
	return c.fillRest(t, rest)
}

func (c *chrono) slack(p, t int) int {
	if !c.inBlock(p) {
		return c.S
	}
	return c.sHi[p] - t
}

// order sorts p's candidate meetings in t: the hinted one first, then by
// earliest deadline, a partner that must meet before one that need not.
func (c *chrono) order(p int, cands []int, t int) {
	key := make(map[int]int, len(cands))
	for _, m := range cands {
		k := c.dhi[m] * 4
		if c.mustMeet(c.ma[m]+c.mb[m]-p, t) {
			k -= 2
		}
		if c.hint != nil && c.hint[m] == t && c.rng.Float64() >= c.noise {
			k = -1 << 20
		}
		key[m] = k*16 + c.rng.IntN(16)
	}
	slices.SortFunc(cands, func(x, y int) int { return key[x] - key[y] })
}

// fillRest lets each participant of rest, in order, meet in t or wait.
func (c *chrono) fillRest(t int, rest []int) bool {
	c.nodes++
	if c.nodes > c.limit {
		return false
	}
	for len(rest) > 0 && c.busyAt[rest[0]] == t {
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return c.nextSlot(t)
	}
	p := rest[0]
	meet := func() bool {
		cs := c.candidates(p, t)
		c.order(p, cs, t)
		for _, m := range cs {
			if c.try(m, t, func() bool { return c.fillRest(t, rest[1:]) }) {
				return true
			}
			if c.nodes > c.limit {
				return false
			}
		}
		return false
	}
	wait := func() bool {
		w := c.save()
		c.waitAt[p] = t
		if c.propagate(t) && c.fillRest(t, rest[1:]) {
			return true
		}
		c.waitAt[p] = -1
		c.load(w)
		return false
	}
	meetFirst := c.rng.Float64() < c.meetFirst
	if c.hint != nil {
		meetFirst = slices.ContainsFunc(c.meets[p], func(m int) bool { return c.hint[m] == t })
		if c.rng.Float64() < c.noise {
			meetFirst = !meetFirst
		}
	}
	if meetFirst {
		return meet() || (c.nodes <= c.limit && wait())
	}
	return wait() || (c.nodes <= c.limit && meet())
}

// nextSlot counts the breaks that begin in t and goes on to slot t+1.
func (c *chrono) nextSlot(t int) bool {
	var broke []int
	ok := true
	for p := range c.P {
		if c.r[p] > 0 && c.first[p] >= 0 && c.last[p] == t-1 {
			c.brk[p]++
			c.total++
			broke = append(broke, p)
			ok = ok && c.brk[p] <= c.allow[p]
		}
	}
	ok = ok && c.total <= c.k
	w := c.save()
	if ok && (t+1 == c.S || c.propagate(t+1)) && c.fill(t+1) {
		return true
	}
	c.load(w)
	for _, p := range broke {
		c.brk[p]--
		c.total--
	}
	return false
}

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
