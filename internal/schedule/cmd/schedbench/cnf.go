package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"

	"ketnoi/internal/schedule"
)

// cnfOptions shape the exact model written by writeCNF.
type cnfOptions struct {
	// MaxBreaks bounds the total breaks over participants and sessions.
	MaxBreaks int
	// Implied adds, for each participant, its number of busy slots (= its
	// meetings) and, for each set of slots one of its meetings is
	// restricted to, at least as many busy slots there as it has meetings
	// restricted to that set. They follow from the rest; they only help
	// the solver (they turned tic-14crafc "no break" from over a minute
	// into seconds for CaDiCaL, docs/benchmarks.md).
	Implied bool
	// PerParticipant bounds the participants with a break instead of the
	// breaks.
	PerParticipant bool
	// Halves, a schedule file, holds each meeting without a slot list to
	// the half of the day that schedule has it in (holdToHalves).
	Halves string
	// OnlyBroken, when not nil, lists the only participants allowed a
	// break (for example those with a break in the annealing's schedule).
	OnlyBroken map[string]bool
}

// cnf builds clauses over numbered variables (DIMACS literals).
type cnf struct {
	vars    int
	clauses [][]int
}

func (c *cnf) newVar() int {
	c.vars++
	return c.vars
}

func (c *cnf) add(lits ...int) {
	c.clauses = append(c.clauses, slices.Clone(lits))
}

// atMost says that at most k of xs are true (Sinz's sequential counter:
// s[i][j] means that at least j+1 of xs[0..i] are true).
func (c *cnf) atMost(xs []int, k int) {
	n := len(xs)
	switch {
	case k < 0:
		c.add() // the empty clause: unsatisfiable
		return
	case n <= k:
		return
	case k == 0:
		for _, x := range xs {
			c.add(-x)
		}
		return
	}
	prev := make([]int, k)
	for j := range prev {
		prev[j] = c.newVar()
	}
	c.add(-xs[0], prev[0])
	for j := 1; j < k; j++ {
		c.add(-prev[j])
	}
	for i := 1; i < n; i++ {
		cur := make([]int, k)
		for j := range cur {
			cur[j] = c.newVar()
		}
		c.add(-xs[i], cur[0])
		c.add(-prev[0], cur[0])
		for j := 1; j < k; j++ {
			c.add(-xs[i], -prev[j-1], cur[j])
			c.add(-prev[j], cur[j])
		}
		c.add(-xs[i], -prev[k-1])
		prev = cur
	}
}

// atLeast says that at least k of xs are true.
func (c *cnf) atLeast(xs []int, k int) {
	neg := make([]int, len(xs))
	for i, x := range xs {
		neg[i] = -x
	}
	c.atMost(neg, len(xs)-k)
}

// pairwiseAtMostOne is the plain at-most-one: short lists only.
func (c *cnf) pairwiseAtMostOne(xs []int) {
	for a := range xs {
		for b := a + 1; b < len(xs); b++ {
			c.add(-xs[a], -xs[b])
		}
	}
}

func (c *cnf) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "p cnf %d %d\n", c.vars, len(c.clauses))
	buf := make([]byte, 0, 64)
	for _, cl := range c.clauses {
		buf = buf[:0]
		for _, l := range cl {
			buf = strconv.AppendInt(buf, int64(l), 10)
			buf = append(buf, ' ')
		}
		buf = append(buf, '0', '\n')
		bw.Write(buf)
	}
	return bw.Flush()
}

// cnfModel is the exact decision model "every meeting scheduled, every hard
// rule, at most MaxBreaks breaks" for outside SAT solvers (the experiments
// in docs/benchmarks.md ran Debian's cadical on it). meetVar[m][s] is the
// variable of meeting m in slot s, 0 where the slot is not allowed.
type cnfModel struct {
	cnf
	meetVar [][]int
	doms    [][]int // allowed slots of each meeting
	meetsOf [][]int // meetings of each participant
	sess    [][]int // slots of each session, in order
	slotIdx map[string]int
	partIdx map[string]int
	unavail [][]bool // participant, slot
}

// buildCNF encodes p. Only problems whose locations are interchangeable
// (no meeting restricted to some of them) fit: the model counts the
// meetings of a slot against the summed capacity.
func buildCNF(p schedule.Problem, opt cnfOptions) (*cnfModel, error) {
	if err := schedule.Validate(p); err != nil {
		return nil, err
	}
	tables := 0
	for _, l := range p.Locations {
		tables += max(l.Capacity, 1)
	}
	for _, mt := range p.Meetings {
		if len(mt.Locations) > 0 {
			return nil, fmt.Errorf("cnf: meeting %q lists locations; the model only counts tables", mt.ID)
		}
	}
	md := &cnfModel{slotIdx: map[string]int{}, partIdx: map[string]int{}}
	md.index(p)
	perPart, perSlot := md.meetingVars(p)
	for _, lits := range perSlot {
		md.atMost(lits, tables)
	}
	var breaks []int
	for k, q := range p.Participants {
		breaks = append(breaks, md.participantBreaks(k, perPart[k], opt, opt.OnlyBroken == nil || opt.OnlyBroken[q.ID])...)
	}
	md.atMost(breaks, opt.MaxBreaks)
	return md, nil
}

// index numbers slots and participants and marks unavailable slots.
func (md *cnfModel) index(p schedule.Problem) {
	for i, s := range p.Slots {
		md.slotIdx[s.ID] = i
	}
	md.sess = sessions(p)
	md.unavail = make([][]bool, len(p.Participants))
	for i, q := range p.Participants {
		md.partIdx[q.ID] = i
		md.unavail[i] = make([]bool, len(p.Slots))
		for _, u := range q.Unavailable {
			md.unavail[i][md.slotIdx[u]] = true
		}
	}
}

// meetingVars makes a variable per meeting and allowed slot, each meeting
// in exactly one slot, and returns the variables per participant and slot
// and per slot.
func (md *cnfModel) meetingVars(p schedule.Problem) (perPart [][][]int, perSlot [][]int) {
	nSlots := len(p.Slots)
	perPart = make([][][]int, len(p.Participants))
	for i := range perPart {
		perPart[i] = make([][]int, nSlots)
	}
	perSlot = make([][]int, nSlots)
	md.doms = make([][]int, len(p.Meetings))
	md.meetsOf = make([][]int, len(p.Participants))
	md.meetVar = make([][]int, len(p.Meetings))
	for i, mt := range p.Meetings {
		md.meetVar[i] = make([]int, nSlots)
		md.doms[i] = md.domain(mt)
		var lits []int
		for _, s := range md.doms[i] {
			v := md.newVar()
			md.meetVar[i][s] = v
			lits = append(lits, v)
			perSlot[s] = append(perSlot[s], v)
			for _, w := range mt.With {
				k := md.partIdx[w]
				perPart[k][s] = append(perPart[k][s], v)
			}
		}
		for _, w := range mt.With {
			k := md.partIdx[w]
			md.meetsOf[k] = append(md.meetsOf[k], i)
		}
		md.add(lits...)
		md.pairwiseAtMostOne(lits)
	}
	return perPart, perSlot
}

// participantBreaks encodes participant k's day and returns the variables
// the break bound counts: its break starts, or one "has a break" variable
// with PerParticipant. Without mayBreak, it may have none.
func (md *cnfModel) participantBreaks(k int, perSlot [][]int, opt cnfOptions, mayBreak bool) []int {
	busy := md.busyVars(perSlot)
	if opt.Implied {
		md.impliedCounts(k, busy)
	}
	var mine []int
	for _, sess := range md.sess {
		mine = append(mine, md.breakVars(busy, sess)...)
	}
	if !mayBreak {
		for _, b := range mine {
			md.add(-b)
		}
	}
	if opt.PerParticipant && len(mine) > 0 {
		hb := md.newVar()
		for _, b := range mine {
			md.add(-b, hb)
		}
		mine = []int{hb}
	}
	return mine
}

// domain is the slots a meeting may take: its own list (or every slot),
// less the slots where one of its participants is unavailable, or only its
// fixed slot.
func (md *cnfModel) domain(mt schedule.Meeting) []int {
	var cand []int
	switch {
	case mt.Fixed != nil:
		cand = []int{md.slotIdx[mt.Fixed.Slot]}
	case len(mt.Slots) > 0:
		for _, id := range mt.Slots {
			cand = append(cand, md.slotIdx[id])
		}
		slices.Sort(cand)
		cand = slices.Compact(cand)
	default:
		for s := range len(md.slotIdx) {
			cand = append(cand, s)
		}
	}
	return slices.DeleteFunc(cand, func(s int) bool {
		for _, w := range mt.With {
			if md.unavail[md.partIdx[w]][s] {
				return true
			}
		}
		return false
	})
}

// busyVars makes one variable per slot that is true exactly when the
// participant meets someone there (0 where none of its meetings may be),
// and allows it at most one meeting per slot.
func (md *cnfModel) busyVars(perSlot [][]int) []int {
	busy := make([]int, len(perSlot))
	for s, lits := range perSlot {
		if len(lits) == 0 {
			continue
		}
		b := md.newVar()
		busy[s] = b
		for _, v := range lits {
			md.add(-v, b)
		}
		md.add(append([]int{-b}, lits...)...)
		md.pairwiseAtMostOne(lits)
	}
	return busy
}

// breakVars returns variables that must be true where a break starts in
// the session (the slots in order): the participant was busy in the slot
// before, is free in this one, and is busy again later. later[i] is forced
// true when some slot after i is busy.
func (md *cnfModel) breakVars(busy []int, sess []int) []int {
	n := len(sess)
	later := make([]int, n)
	for i := n - 2; i >= 0; i-- {
		next, nextLater := busy[sess[i+1]], later[i+1]
		if next == 0 && nextLater == 0 {
			continue
		}
		later[i] = md.newVar()
		if next != 0 {
			md.add(-next, later[i])
		}
		if nextLater != 0 {
			md.add(-nextLater, later[i])
		}
	}
	var out []int
	for i := 1; i < n-1; i++ {
		before, here := busy[sess[i-1]], busy[sess[i]]
		if before == 0 || later[i] == 0 {
			continue
		}
		br := md.newVar()
		cl := []int{-before, -later[i], br}
		if here != 0 {
			cl = append(cl, here)
		}
		md.add(cl...)
		out = append(out, br)
	}
	return out
}

// impliedCounts adds participant k's busy-slot count and, for each slot set
// one of its meetings is restricted to, the Hall condition of that set.
func (md *cnfModel) impliedCounts(k int, busy []int) {
	doms, mine := md.doms, md.meetsOf[k]
	vars := func(set []int) []int {
		var out []int
		for _, s := range set {
			if busy[s] != 0 {
				out = append(out, busy[s])
			}
		}
		return out
	}
	all := vars(allSlots(len(busy)))
	md.atMost(all, len(mine))
	md.atLeast(all, len(mine))
	seen := map[string]bool{}
	for _, i := range mine {
		key := fmt.Sprint(doms[i])
		if len(doms[i]) == len(busy) || seen[key] {
			continue
		}
		seen[key] = true
		need := 0
		for _, j := range mine {
			if isSubset(doms[j], doms[i]) {
				need++
			}
		}
		md.atLeast(vars(doms[i]), need)
	}
}

func allSlots(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// isSubset reports whether sorted a is contained in sorted b.
func isSubset(a, b []int) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
	}
	return true
}

// sessions lists the slot indices of each session in input order, as the
// scheduler counts them: an empty session means the slot's day.
func sessions(p schedule.Problem) [][]int {
	var order []string
	bySess := map[string][]int{}
	for i, s := range p.Slots {
		key := s.Session
		if key == "" {
			key = s.Day
		}
		if _, ok := bySess[key]; !ok {
			order = append(order, key)
		}
		bySess[key] = append(bySess[key], i)
	}
	out := make([][]int, len(order))
	for i, k := range order {
		out[i] = bySess[k]
	}
	return out
}

// exportCNF writes the model of the problem in file in as DIMACS to out.
func exportCNF(in, out string, opt cnfOptions) error {
	p, err := load(in)
	if err != nil {
		return err
	}
	if opt.Halves != "" {
		if err := holdToHalves(&p, opt.Halves); err != nil {
			return err
		}
	}
	md, err := buildCNF(p, opt)
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := md.write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", out, err)
	}
	return f.Close()
}

// readIDSet reads a JSON array of ids; an empty path gives nil (no set).
func readIDSet(path string) (map[string]bool, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ids []string
	if err := json.Unmarshal(b, &ids); err != nil {
		return nil, fmt.Errorf("%s: want a JSON array of participant ids: %w", path, err)
	}
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set, nil
}
