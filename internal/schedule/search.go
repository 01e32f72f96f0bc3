package schedule

import (
	"context"
	"math"
	"math/rand/v2"
)

// move journal: meetings changed by the current move and where they were.
type change struct{ mt, slot int32 }

// searcher holds the simulated-annealing loop's scratch space.
type searcher struct {
	st      *state
	rng     *rand.Rand
	journal []change
	inMove  []int32 // stamp per meeting: part of the current move
	moveGen int32
	pMark   []int32 // stamp per participant: cost already counted
	pGen    int32
	parts   []int32
	chain   []int32
	big     int // cost of leaving one unit of weight unscheduled
	unsched []int32
	unPos   []int32
	// meets lists each participant's movable meetings, for the moves that
	// target a participant with breaks.
	meets [][]int32
	perm  []int32 // scratch: new slot of each slot in a slot move, or -1
	// Kempe chain scratch: members (stamped by chainGen) and their slots.
	inChain  []int32
	chainGen int32
	from     []int32
	rowSlots []int32
	block    []int32

	weightBefore int
	overBefore   int
}

// search improves st by simulated annealing over the penalised cost
// big*(unscheduled weight) + idle (or breaks). Moves: schedule a meeting in
// a slot, ejecting the meetings in its way; and Kempe-chain swaps that
// exchange two slots for a chain of meetings linked by shared participants.
// The best schedule seen is restored at the end; best means the most weight,
// then (on the breaks objective) the fewest breaks, then the lowest search
// cost, so a schedule with fewer breaks is never dropped for one with fewer
// idle slots. The search stops after iters moves, or once work meetings
// have been moved or tried (work > 0), or as soon as its best schedule is
// perfect — every meeting placed, no idle slot — which nothing can beat.
// It returns the number of moves made.
func (st *state) search(ctx context.Context, iters, work int, seed uint64, coolByWork bool) int {
	m := st.m
	sr := &searcher{
		st:      st,
		rng:     rand.New(rand.NewPCG(seed, 0x5eed)),
		inMove:  make([]int32, m.nMeet),
		inChain: make([]int32, m.nMeet),
		pMark:   make([]int32, m.nPart),
		unPos:   make([]int32, m.nMeet),
		big:     2*(tuneBreakWeight+tuneIdleTie)*maxSessionLen(m) + 2,
	}
	movable := make([]int32, 0, m.nMeet)
	sr.meets = make([][]int32, m.nPart)
	sr.perm = make([]int32, m.nSlots)
	for i := range sr.perm {
		sr.perm[i] = -1
	}
	for i := range m.nMeet {
		sr.unPos[i] = -1
		if m.fixed[i] < 0 && len(m.dom[i]) > 0 {
			movable = append(movable, int32(i))
			for _, k := range m.with[i] {
				sr.meets[k] = append(sr.meets[k], int32(i))
			}
		}
	}
	if len(movable) == 0 {
		return 0
	}
	// The most weight any schedule can have: the fixed meetings and every
	// meeting with a slot it may use.
	most := 0
	for i := range m.nMeet {
		if m.fixed[i] >= 0 || len(m.dom[i]) > 0 {
			most += m.weight[i]
		}
	}
	for _, mt := range movable {
		if st.slotOf[mt] < 0 {
			sr.addUnsched(mt)
		}
	}
	best := append([]int32(nil), st.slotOf...)
	bestW, bestG, bestS := st.weight, st.goal(), st.soft
	t0, t1 := tuneT0, tuneT1
	temp := t0
	st.softCap = tuneOverW > 0 && m.canOverfill()
	defer func() { st.softCap = false }()
	done := 0 // meetings moved or tried, a measure of CPU work
	// Slot and row moves touch a whole slot or row: on large problems
	// (hundreds of meetings per slot) they cost far more than they gain
	// within the move budget, so only single-meeting moves run there.
	slotMoves, rowMoves, target := tuneSlotMoves, tuneRowMoves, tuneTarget
	if m.nMeet > 5000 {
		// The large instances keep the plain annealing that suits them.
		slotMoves, rowMoves, target = 0, 0, 0
		t0, t1 = 4, 0.1
	}
	it := 0
	for ; it < iters; it++ {
		if it&1023 == 0 {
			if ctx.Err() != nil || (work > 0 && done >= work) || (bestW == most && bestS == 0) {
				break
			}
			// Several cooling cycles: each reheats from where the last
			// one froze, which escapes plateaus better than one long cycle.
			// Progress is the part of the move budget done; with
			// coolByWork, the larger of that and the part of the work
			// budget, so the temperature reaches t1 even when the work
			// cap ends the search first (on the JAIR instances it does,
			// well before iters moves and so above t1).
			progress := float64(it) / float64(iters)
			if work > 0 && coolByWork {
				progress = max(progress, float64(done)/float64(work))
			}
			cyc := progress * float64(tuneCycles)
			temp = t0 * math.Pow(t1/t0, cyc-math.Floor(cyc))
		}
		if st.over == 0 && better(st.weight, st.goal(), st.soft, bestW, bestG, bestS) {
			copy(best, st.slotOf)
			bestW, bestG, bestS = st.weight, st.goal(), st.soft
		}
		done += 1 + len(sr.journal)
		sr.journal = sr.journal[:0]
		if slotMoves > 0 && sr.rng.IntN(slotMoves) == 0 {
			sr.slotStep(temp)
			continue
		}
		if rowMoves > 0 && sr.rng.IntN(rowMoves) == 0 {
			sr.rowStep(int32(sr.rng.IntN(m.nPart)), temp)
			continue
		}
		var mt int32 = -1
		if len(sr.unsched) > 0 && sr.rng.IntN(4) == 0 {
			mt = sr.unsched[sr.rng.IntN(len(sr.unsched))]
		} else if target > 0 && sr.rng.IntN(target) == 0 {
			mt = sr.targetMeeting()
		}
		if mt < 0 {
			mt = movable[sr.rng.IntN(len(movable))]
		}
		sr.step(mt, temp)
	}
	if st.over == 0 && better(st.weight, st.goal(), st.soft, bestW, bestG, bestS) {
		return it
	}
	st.softCap = false
	st.restore(best)
	return it
}

func maxSessionLen(m *model) int {
	n := make([]int, len(m.sessOff))
	for s := range m.nSlots {
		n[m.slotSess[s]]++
	}
	longest := 0
	for _, x := range n {
		longest = max(longest, x)
	}
	return longest
}

// step tries one move on meeting mt and keeps it by the annealing rule.
func (sr *searcher) step(mt int32, temp float64) {
	st := sr.st
	dom := st.m.dom[mt]
	s := int32(-1)
	if st.slotOf[mt] >= 0 && sr.rng.IntN(2) == 0 {
		s = sr.besideSlot(mt)
	}
	if s < 0 {
		s = dom[sr.rng.IntN(len(dom))]
	}
	if s == st.slotOf[mt] {
		return
	}
	sr.begin()
	var ok bool
	if st.slotOf[mt] >= 0 && (len(sr.unsched) == 0 || sr.rng.IntN(8) != 0) {
		ok = sr.kempe(mt, s, !st.hasRoom(mt, s) && (!st.softCap || sr.rng.IntN(2) == 0))
	} else {
		ok = sr.eject(mt, s)
	}
	if !ok {
		sr.rollback()
		return
	}
	sr.decide(temp)
}

// decide keeps the current move by the annealing rule or undoes it.
func (sr *searcher) decide(temp float64) {
	st := sr.st
	before := 0
	for _, k := range sr.parts {
		before += st.pcost[k]
	}
	after := 0
	for _, k := range sr.parts {
		after += st.cost(k)
	}
	delta := (after - before) + sr.big*(sr.weightBefore-st.weight) + tuneOverW*(st.over-sr.overBefore)
	if delta <= 0 || sr.rng.Float64() < math.Exp(-float64(delta)/temp) {
		sr.commit(after - before)
		return
	}
	sr.rollback()
}

// targetMeeting picks a meeting of a participant who has a break, or -1
// when a few random participants have none.
func (sr *searcher) targetMeeting() int32 {
	st := sr.st
	for range 4 {
		k := sr.rng.IntN(st.m.nPart)
		// On the breaks objective a cost of breakW or more means a
		// break (an idle slot always comes with one); on the idle
		// objective, breakW idle slots.
		if st.pcost[k] >= st.breakW && len(sr.meets[k]) > 0 {
			return sr.meets[k][sr.rng.IntN(len(sr.meets[k]))]
		}
	}
	return -1
}

// slotStep permutes whole slots: it swaps the meetings of two slots of a
// session, or moves one slot's meetings to another position and shifts the
// slots between by one. Every slot keeps a set of meetings that fitted in
// a slot before, so locations and participants stay feasible; only the
// meetings' own slot lists (and fixed meetings) can forbid the move.
func (sr *searcher) slotStep(temp float64) {
	st := sr.st
	m := st.m
	a := int32(sr.rng.IntN(m.nSlots))
	b := int32(sr.rng.IntN(m.nSlots))
	if a == b || m.slotSess[a] != m.slotSess[b] {
		return
	}
	touched := sr.slotPerm(a, b, sr.rng.IntN(2) == 0)
	defer func() {
		for _, s := range touched {
			sr.perm[s] = -1
		}
	}()
	for _, s := range touched {
		for _, mt := range st.slotMeet[s] {
			if m.fixed[mt] >= 0 || !m.inDom(mt, sr.perm[s]) {
				return
			}
		}
	}
	sr.begin()
	for _, s := range touched {
		for _, mt := range st.slotMeet[s] {
			sr.touch(mt)
		}
	}
	for _, e := range sr.journal {
		st.remove(e.mt)
	}
	for _, e := range sr.journal {
		if !st.insert(e.mt, sr.perm[e.slot]) {
			sr.rollback() // unreachable: each slot gets a set that fitted
			return
		}
	}
	sr.decide(temp)
}

// slotPerm fills sr.perm for the slots from a to b (same session): a swap
// of a and b, or a rotation moving a to b. It returns the slots involved.
func (sr *searcher) slotPerm(a, b int32, swap bool) []int32 {
	m := sr.st.m
	if swap {
		sr.perm[a], sr.perm[b] = b, a
		return []int32{a, b}
	}
	var path []int32
	step := m.nextSlot
	if m.slotPos[b] < m.slotPos[a] {
		step = m.prevSlot
	}
	for s := a; ; s = step[s] {
		path = append(path, s)
		if s == b {
			break
		}
	}
	sr.perm[a] = b
	for i := 1; i < len(path); i++ {
		sr.perm[path[i]] = path[i-1]
	}
	return path
}

func (sr *searcher) begin() {
	sr.journal = sr.journal[:0]
	sr.parts = sr.parts[:0]
	sr.moveGen++
	sr.pGen++
	sr.weightBefore = sr.st.weight
	sr.overBefore = sr.st.over
}

// touch records that mt takes part in the current move.
func (sr *searcher) touch(mt int32) {
	if sr.inMove[mt] == sr.moveGen {
		return
	}
	sr.inMove[mt] = sr.moveGen
	sr.journal = append(sr.journal, change{mt, sr.st.slotOf[mt]})
	for _, k := range sr.st.m.with[mt] {
		if sr.pMark[k] != sr.pGen {
			sr.pMark[k] = sr.pGen
			sr.parts = append(sr.parts, k)
		}
	}
}

// eject schedules mt in slot s, unscheduling the meetings of its
// participants there and, if no location is free, one meeting holding a
// location mt could use.
func (sr *searcher) eject(mt, s int32) bool {
	st := sr.st
	m := st.m
	sr.touch(mt)
	if st.slotOf[mt] >= 0 {
		st.remove(mt)
	}
	for _, k := range m.with[mt] {
		o := st.occ[int(k)*m.nSlots+int(s)]
		if o < 0 {
			continue
		}
		if m.fixed[o] >= 0 {
			return false
		}
		sr.touch(o)
		st.remove(o)
	}
	if st.insert(mt, s) {
		return true
	}
	v := sr.locationVictim(mt, s)
	if v < 0 {
		return false
	}
	sr.touch(v)
	st.remove(v)
	return st.insert(mt, s)
}

// locationVictim picks a movable meeting of slot s that holds a class mt may
// use, or -1.
func (sr *searcher) locationVictim(mt, s int32) int32 {
	st := sr.st
	m := st.m
	list := st.slotMeet[s]
	if len(list) == 0 {
		return -1
	}
	for range 8 {
		o := list[sr.rng.IntN(len(list))]
		if m.fixed[o] >= 0 {
			continue
		}
		if m.allLocs[mt] {
			return o
		}
		for _, c := range m.classes[mt] {
			if st.classOf[o] == c {
				return o
			}
		}
	}
	return -1
}

// maxChain bounds Kempe chains: long chains rarely improve and cost time.
const maxChain = 48

// kempe moves mt from its slot a to slot b, moving along every meeting in b
// that shares a participant with it to a, and so on: the chain of meetings
// linked by participants across the two slots swaps sides, which keeps every
// participant in at most one meeting per slot.
//
// With partner, the chain also starts from a random meeting of b, so that
// two meetings trade slots even when b has no free location.
func (sr *searcher) kempe(mt, b int32, partner bool) bool {
	st := sr.st
	m := st.m
	a := st.slotOf[mt]
	// Chain membership has its own stamp so that several chains can make
	// one compound move (see rowStep).
	sr.chainGen++
	gen := sr.chainGen
	sr.chain = append(sr.chain[:0], mt)
	sr.inChain[mt] = gen
	if list := st.slotMeet[b]; partner && len(list) > 0 {
		o := list[sr.rng.IntN(len(list))]
		sr.inChain[o] = gen
		sr.chain = append(sr.chain, o)
	}
	for i := 0; i < len(sr.chain); i++ {
		x := sr.chain[i]
		to := other(st.slotOf[x], a, b)
		if m.fixed[x] >= 0 || !m.inDom(x, to) {
			return false
		}
		for _, k := range m.with[x] {
			o := st.occ[int(k)*m.nSlots+int(to)]
			if o >= 0 && sr.inChain[o] != gen {
				sr.inChain[o] = gen
				sr.chain = append(sr.chain, o)
			}
		}
		if len(sr.chain) > maxChain {
			return false
		}
	}
	sr.from = sr.from[:0]
	for _, x := range sr.chain {
		sr.touch(x)
		sr.from = append(sr.from, st.slotOf[x])
		st.remove(x)
	}
	for i, x := range sr.chain {
		if !st.insert(x, other(sr.from[i], a, b)) {
			return false
		}
	}
	return true
}

// rowStep is a compound move that makes participant k's meetings one block
// of consecutive slots: it picks a block of k's row, and moves each meeting
// of k outside it to a free slot of the block by a Kempe chain (so partners
// follow). The whole compound is then accepted or undone at once, which
// lets the search cross the ridges that single moves cannot.
func (sr *searcher) rowStep(k int32, temp float64) {
	st := sr.st
	m := st.m
	in := sr.rowSlots[:0]
	for _, mt := range sr.meets[k] {
		if s := st.slotOf[mt]; s >= 0 {
			in = append(in, s)
		}
	}
	sr.rowSlots = in
	d := len(in)
	if d < 2 {
		return
	}
	first, last := in[0], in[0]
	for _, s := range in {
		if m.slotPos[s] < m.slotPos[first] {
			first = s
		}
		if m.slotPos[s] > m.slotPos[last] {
			last = s
		}
	}
	for _, s := range in {
		if m.slotSess[s] != m.slotSess[first] {
			return // rows over several sessions are left to the other moves
		}
	}
	span := int(m.slotPos[last]-m.slotPos[first]) + 1
	if span == d {
		return // already one block
	}
	// The block starts in [first-1, last-d+1] (clipped to the session).
	t := first
	if m.prevSlot[t] >= 0 && sr.rng.IntN(span-d+2) == 0 {
		t = m.prevSlot[t]
	} else {
		for range sr.rng.IntN(span - d + 1) {
			t = m.nextSlot[t]
		}
	}
	block := sr.block[:0]
	for s, n := t, 0; n < d; n++ {
		if s < 0 {
			return
		}
		block = append(block, s)
		s = m.nextSlot[s]
	}
	sr.block = block
	sr.begin()
	// Pair k's meetings outside the block with the free slots of the block,
	// both in time order.
	var outs, frees []int32
	for _, s := range block {
		if st.occ[int(k)*m.nSlots+int(s)] < 0 {
			frees = append(frees, s)
		}
	}
	for s := first; s >= 0; s = m.nextSlot[s] {
		if mt := st.occ[int(k)*m.nSlots+int(s)]; mt >= 0 && !slotIn(block, s) {
			outs = append(outs, mt)
		}
		if s == last {
			break
		}
	}
	if len(outs) != len(frees) {
		return
	}
	for i, mt := range outs {
		f := frees[i]
		if m.fixed[mt] >= 0 || !m.inDom(mt, f) || st.slotOf[mt] < 0 {
			sr.rollback()
			return
		}
		if !sr.kempe(mt, f, !st.hasRoom(mt, f)) {
			sr.rollback()
			return
		}
	}
	sr.decide(temp)
}

func slotIn(list []int32, s int32) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func other(s, a, b int32) int32 {
	if s == a {
		return b
	}
	return a
}

// rollback undoes the current move. Every slot gets back a set of meetings
// that fitted before, so the exact insertion always succeeds.
func (sr *searcher) rollback() {
	st := sr.st
	for _, e := range sr.journal {
		if st.slotOf[e.mt] >= 0 {
			st.remove(e.mt)
		}
	}
	for _, e := range sr.journal {
		if e.slot >= 0 && !st.insert(e.mt, e.slot) {
			sr.addUnsched(e.mt) // unreachable: keeps the state valid regardless
		}
	}
}

func (sr *searcher) commit(delta int) {
	st := sr.st
	for _, k := range sr.parts {
		var b int
		st.pcost[k], b = st.costBreaks(k)
		st.brk += b - st.pbrk[k]
		st.pbrk[k] = b
	}
	st.soft += delta
	for _, e := range sr.journal {
		switch {
		case st.slotOf[e.mt] < 0 && sr.unPos[e.mt] < 0:
			sr.addUnsched(e.mt)
		case st.slotOf[e.mt] >= 0 && sr.unPos[e.mt] >= 0:
			sr.dropUnsched(e.mt)
		}
	}
}

func (sr *searcher) addUnsched(mt int32) {
	sr.unPos[mt] = int32(len(sr.unsched))
	sr.unsched = append(sr.unsched, mt)
}

func (sr *searcher) dropUnsched(mt int32) {
	pos := sr.unPos[mt]
	last := sr.unsched[len(sr.unsched)-1]
	sr.unsched[pos] = last
	sr.unPos[last] = pos
	sr.unsched = sr.unsched[:len(sr.unsched)-1]
	sr.unPos[mt] = -1
}

// restore rebuilds the schedule given by slotOf (fixed meetings stay).
func (st *state) restore(slotOf []int32) {
	m := st.m
	for i := range m.nMeet {
		if m.fixed[i] < 0 && st.slotOf[i] >= 0 {
			st.remove(int32(i))
		}
	}
	for i, s := range slotOf {
		if m.fixed[i] < 0 && s >= 0 {
			st.insert(int32(i), s)
		}
	}
	st.refreshCosts()
}

// Annealing temperatures, start and end, in units of one idle slot or break.
var tuneT0, tuneT1 = 2.0, 0.3

var tuneCycles = 1

// tuneWorkCool lets the odd workers cool by the work budget too (see
// search and searchParallel).
var tuneWorkCool = true

// tuneSlotMoves: one move in tuneSlotMoves permutes whole slots (0: never).
// tuneTarget: one meeting move in tuneTarget starts from a participant with
// a break (0: never).
var tuneSlotMoves, tuneTarget = 20, 2

// tuneRowMoves: one move in tuneRowMoves compacts a participant's row (0: never).
var tuneRowMoves = 5

// tuneOverW is the cost of one meeting beyond a slot's capacity while the
// search may overfill slots (0: never overfill).
var tuneOverW = 4

// besideSlot picks a slot of mt's domain next to another meeting of one of
// its participants (the moves that close gaps), or -1.
func (sr *searcher) besideSlot(mt int32) int32 {
	st := sr.st
	m := st.m
	k := m.with[mt][sr.rng.IntN(len(m.with[mt]))]
	n := 0
	var pick int32 = -1
	// Reservoir sampling over the free neighbours of k's meetings.
	for _, s := range m.dom[mt] {
		if st.occ[int(k)*m.nSlots+int(s)] >= 0 || !st.besideBusy(k, s) {
			continue
		}
		n++
		if sr.rng.IntN(n) == 0 {
			pick = s
		}
	}
	return pick
}
