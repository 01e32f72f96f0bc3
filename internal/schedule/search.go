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

	weightBefore int
}

// search improves st by simulated annealing over the penalised cost
// big*(unscheduled weight) + idle (or breaks). Moves: schedule a meeting in
// a slot, ejecting the meetings in its way; and Kempe-chain swaps that
// exchange two slots for a chain of meetings linked by shared participants.
// The best schedule seen is restored at the end.
func (st *state) search(ctx context.Context, iters int, seed uint64) {
	m := st.m
	sr := &searcher{
		st:     st,
		rng:    rand.New(rand.NewPCG(seed, 0x5eed)),
		inMove: make([]int32, m.nMeet),
		pMark:  make([]int32, m.nPart),
		unPos:  make([]int32, m.nMeet),
		big:    2*(tuneBreakWeight+tuneIdleTie)*maxSessionLen(m) + 2,
	}
	movable := make([]int32, 0, m.nMeet)
	for i := range m.nMeet {
		sr.unPos[i] = -1
		if m.fixed[i] < 0 && len(m.dom[i]) > 0 {
			movable = append(movable, int32(i))
		}
	}
	if len(movable) == 0 {
		return
	}
	for _, mt := range movable {
		if st.slotOf[mt] < 0 {
			sr.addUnsched(mt)
		}
	}
	best := append([]int32(nil), st.slotOf...)
	bestW, bestS := st.weight, st.soft
	t0, t1 := tuneT0, tuneT1
	temp := t0
	for it := 0; it < iters; it++ {
		if it&1023 == 0 {
			if ctx.Err() != nil {
				break
			}
			// Several cooling cycles: each reheats from where the last
			// one froze, which escapes plateaus better than one long cycle.
			cycle := max(1, iters/tuneCycles)
			temp = t0 * math.Pow(t1/t0, float64(it%cycle)/float64(cycle))
			if better(st.weight, st.soft, bestW, bestS) {
				copy(best, st.slotOf)
				bestW, bestS = st.weight, st.soft
			}
		}
		var mt int32
		if len(sr.unsched) > 0 && sr.rng.IntN(4) == 0 {
			mt = sr.unsched[sr.rng.IntN(len(sr.unsched))]
		} else {
			mt = movable[sr.rng.IntN(len(movable))]
		}
		sr.step(mt, temp)
	}
	if better(st.weight, st.soft, bestW, bestS) {
		return
	}
	st.restore(best)
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
		ok = sr.kempe(mt, s, !st.hasRoom(mt, s))
	} else {
		ok = sr.eject(mt, s)
	}
	if !ok {
		sr.rollback()
		return
	}
	before := 0
	for _, k := range sr.parts {
		before += st.pcost[k]
	}
	after := 0
	for _, k := range sr.parts {
		after += st.cost(k)
	}
	delta := (after - before) + sr.big*(sr.weightBefore-st.weight)
	if delta <= 0 || sr.rng.Float64() < math.Exp(-float64(delta)/temp) {
		sr.commit(after - before)
		return
	}
	sr.rollback()
}

func (sr *searcher) begin() {
	sr.journal = sr.journal[:0]
	sr.parts = sr.parts[:0]
	sr.moveGen++
	sr.pGen++
	sr.weightBefore = sr.st.weight
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
	sr.chain = append(sr.chain[:0], mt)
	sr.touch(mt)
	if list := st.slotMeet[b]; partner && len(list) > 0 {
		o := list[sr.rng.IntN(len(list))]
		if sr.inMove[o] != sr.moveGen {
			sr.touch(o)
			sr.chain = append(sr.chain, o)
		}
	}
	for i := 0; i < len(sr.chain); i++ {
		x := sr.chain[i]
		to := other(st.slotOf[x], a, b)
		if m.fixed[x] >= 0 || !m.inDom(x, to) {
			return false
		}
		for _, k := range m.with[x] {
			o := st.occ[int(k)*m.nSlots+int(to)]
			if o >= 0 && sr.inMove[o] != sr.moveGen {
				sr.touch(o)
				sr.chain = append(sr.chain, o)
			}
		}
		if len(sr.chain) > maxChain {
			return false
		}
	}
	for _, x := range sr.chain {
		st.remove(x)
	}
	for _, e := range sr.journal {
		if !st.insert(e.mt, other(e.slot, a, b)) {
			return false
		}
	}
	return true
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
		st.pcost[k] = st.cost(k)
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
var tuneT0, tuneT1 = 4.0, 0.1

var tuneCycles = 1

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
