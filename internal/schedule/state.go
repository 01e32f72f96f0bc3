package schedule

import (
	"fmt"
	"math/bits"
	"strings"
)

// state is a (partial) schedule with everything a move needs in O(1):
// who sits where, free capacity per slot and location class, and each
// participant's idle/breaks cost.
type state struct {
	m       *model
	slotOf  []int32 // slot of each meeting, -1 when unscheduled
	classOf []int32
	occ     []int32  // nPart*nSlots: meeting of a participant in a slot, or -1
	bits    []uint64 // nPart*words: occupied positions per session
	pcost   []int    // cost of each participant under the problem's objective
	soft    int      // sum of pcost
	pbrk    []int    // breaks of each participant
	brk     int      // sum of pbrk
	weight  int      // total weight of scheduled meetings

	free     []int32   // nSlots*nClass: free capacity
	freeList [][]int32 // classes with free capacity, per slot
	freePos  []int32   // nSlots*nClass: index in freeList, or -1
	slotMeet [][]int32 // meetings held in each slot
	slotIdx  []int32   // index of each meeting in slotMeet
	pinUsed  []int32   // nSlots*nLoc: pinned meetings per location

	// softCap lets the search overfill slots (when all locations form one
	// class): over counts the meetings beyond capacity, which the search
	// penalises, so it can pass through full slots. Only schedules with
	// over == 0 are ever kept or returned.
	softCap bool
	over    int

	// breakW is the price of a break, in idle slots, in the search cost on
	// the breaks objective (see costBreaks); workers may differ.
	breakW int

	// scratch for the augmenting-path search
	visit     []int32
	visitGen  int32
	parMeet   []int32
	parFrom   []int32
	occupants [][]int32
}

func newState(m *model) *state {
	st := &state{
		m:         m,
		slotOf:    make([]int32, m.nMeet),
		classOf:   make([]int32, m.nMeet),
		occ:       make([]int32, m.nPart*m.nSlots),
		bits:      make([]uint64, m.nPart*m.words),
		pcost:     make([]int, m.nPart),
		pbrk:      make([]int, m.nPart),
		free:      make([]int32, m.nSlots*m.nClass),
		freeList:  make([][]int32, m.nSlots),
		freePos:   make([]int32, m.nSlots*m.nClass),
		slotMeet:  make([][]int32, m.nSlots),
		slotIdx:   make([]int32, m.nMeet),
		pinUsed:   make([]int32, m.nSlots*len(m.locCap)),
		visit:     make([]int32, m.nClass),
		parMeet:   make([]int32, m.nClass),
		parFrom:   make([]int32, m.nClass),
		occupants: make([][]int32, m.nClass),
		breakW:    tuneBreakWeight,
	}
	for i := range st.slotOf {
		st.slotOf[i], st.classOf[i] = -1, -1
	}
	for i := range st.occ {
		st.occ[i] = -1
	}
	for s := range m.nSlots {
		for c := range m.nClass {
			st.free[s*m.nClass+c] = int32(m.classCap[c])
			st.freePos[s*m.nClass+c] = int32(len(st.freeList[s]))
			st.freeList[s] = append(st.freeList[s], int32(c))
		}
	}
	return st
}

// placeFixed puts every fixed meeting in its slot; a collision is an error
// naming the meetings involved.
func (st *state) placeFixed() error {
	m := st.m
	var ps problems
	for i := range m.nMeet {
		s := m.fixed[i]
		if s < 0 {
			continue
		}
		if o := st.conflict(int32(i), s); o >= 0 {
			ps.add("fixed meetings %q and %q both need participant %q in slot %q",
				m.prob.Meetings[o].ID, m.prob.Meetings[i].ID, m.prob.Participants[st.sharedParticipant(int32(i), o)].ID, m.prob.Slots[s].ID)
			continue
		}
		if !st.insert(int32(i), s) {
			ps.add("fixed meeting %q finds no free location in slot %q (taken by fixed meetings %s)",
				m.prob.Meetings[i].ID, m.prob.Slots[s].ID, st.fixedInSlot(s))
		}
	}
	return ps.err()
}

func (st *state) fixedInSlot(s int32) string {
	var ids []string
	for _, o := range st.slotMeet[s] {
		if st.m.fixed[o] >= 0 {
			ids = append(ids, fmt.Sprintf("%q", st.m.prob.Meetings[o].ID))
		}
	}
	return strings.Join(ids, ", ")
}

// conflict returns a meeting already holding one of mt's participants in
// slot s, or -1.
func (st *state) conflict(mt, s int32) int32 {
	for _, k := range st.m.with[mt] {
		if o := st.occ[int(k)*st.m.nSlots+int(s)]; o >= 0 && o != mt {
			return o
		}
	}
	return -1
}

func (st *state) sharedParticipant(a, b int32) int32 {
	for _, k := range st.m.with[a] {
		for _, j := range st.m.with[b] {
			if k == j {
				return k
			}
		}
	}
	return -1
}

// insert schedules unscheduled meeting mt in slot s, whose participants must
// be free there. It finds a location class, moving other meetings of the
// slot between classes along an augmenting path if needed, and reports
// whether the slot can take the meeting. The search is exact, so a set of
// meetings that fits a slot can always be inserted one by one.
func (st *state) insert(mt, s int32) bool {
	c := st.findClass(mt, s)
	if c < 0 {
		return false
	}
	st.attach(mt, s, c)
	return true
}

func (st *state) findClass(mt, s int32) int32 {
	m := st.m
	if l := m.pinned[mt]; l >= 0 {
		return st.pinnedClass(mt, s, l)
	}
	if m.allLocs[mt] {
		if fl := st.freeList[s]; len(fl) > 0 {
			return fl[0]
		}
		if st.softCap {
			return 0
		}
		return -1
	}
	open := false
	for _, c := range m.classes[mt] {
		if st.free[int(s)*m.nClass+int(c)] > 0 {
			return c
		}
		open = open || !m.closed[c]
	}
	if !open || len(st.freeList[s]) == 0 {
		return -1
	}
	return st.augment(mt, s, m.classes[mt])
}

// pinnedClass checks that location l has room left in slot s for pinned
// meeting mt and returns l's class, freeing room in it if needed.
func (st *state) pinnedClass(mt, s, l int32) int32 {
	m := st.m
	i := int(s)*len(m.locCap) + int(l)
	if st.pinUsed[i] >= int32(m.locCap[l]) {
		return -1
	}
	c := m.locClass[l]
	if st.free[int(s)*m.nClass+int(c)] == 0 && st.augment(mt, s, []int32{c}) < 0 {
		return -1
	}
	st.pinUsed[i]++
	return c
}

// augment searches breadth-first for a chain of meetings in slot s that can
// each move to another allowed class, ending in a class with free capacity,
// so that mt gets one of its classes. It performs the moves and returns the
// class left for mt, or -1.
func (st *state) augment(mt, s int32, start []int32) int32 {
	m := st.m
	st.visitGen++
	gen := st.visitGen
	for c := range st.occupants {
		st.occupants[c] = st.occupants[c][:0]
	}
	for _, o := range st.slotMeet[s] {
		st.occupants[st.classOf[o]] = append(st.occupants[st.classOf[o]], o)
	}
	queue := make([]int32, 0, 8)
	for _, c := range start {
		if st.visit[c] != gen {
			st.visit[c] = gen
			st.parMeet[c], st.parFrom[c] = mt, -1
			queue = append(queue, c)
		}
	}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		for _, o := range st.occupants[c] {
			if m.allLocs[o] {
				if len(st.freeList[s]) == 0 {
					continue
				}
				f := st.freeList[s][0]
				st.parMeet[f], st.parFrom[f] = o, c
				return st.shift(mt, s, f)
			}
			for _, c2 := range m.classes[o] {
				if st.visit[c2] == gen {
					continue
				}
				st.visit[c2] = gen
				st.parMeet[c2], st.parFrom[c2] = o, c
				if st.free[int(s)*m.nClass+int(c2)] > 0 {
					return st.shift(mt, s, c2)
				}
				queue = append(queue, c2)
			}
		}
	}
	return -1
}

// shift moves the meetings along the path ending in free class f and returns
// the class freed for the new meeting mt.
func (st *state) shift(mt, s, f int32) int32 {
	cur := f
	for {
		o, from := st.parMeet[cur], st.parFrom[cur]
		if o == mt {
			return cur
		}
		st.takeClass(s, cur)
		st.releaseClass(s, from)
		st.classOf[o] = cur
		cur = from
	}
}

func (st *state) takeClass(s, c int32) {
	i := int(s)*st.m.nClass + int(c)
	st.free[i]--
	if st.free[i] < 0 {
		st.over++
	}
	if st.free[i] == 0 {
		fl := st.freeList[s]
		pos := st.freePos[i]
		last := fl[len(fl)-1]
		fl[pos] = last
		st.freePos[int(s)*st.m.nClass+int(last)] = pos
		st.freeList[s] = fl[:len(fl)-1]
		st.freePos[i] = -1
	}
}

func (st *state) releaseClass(s, c int32) {
	i := int(s)*st.m.nClass + int(c)
	switch {
	case st.free[i] < 0:
		st.over--
	case st.free[i] == 0:
		st.freePos[i] = int32(len(st.freeList[s]))
		st.freeList[s] = append(st.freeList[s], c)
	}
	st.free[i]++
}

func (st *state) attach(mt, s, c int32) {
	m := st.m
	st.takeClass(s, c)
	st.slotOf[mt], st.classOf[mt] = s, c
	st.slotIdx[mt] = int32(len(st.slotMeet[s]))
	st.slotMeet[s] = append(st.slotMeet[s], mt)
	word, bit := st.bitOf(s)
	for _, k := range m.with[mt] {
		st.occ[int(k)*m.nSlots+int(s)] = mt
		st.bits[int(k)*m.words+word] |= bit
	}
	st.weight += m.weight[mt]
}

// remove unschedules meeting mt.
func (st *state) remove(mt int32) {
	m := st.m
	s := st.slotOf[mt]
	st.releaseClass(s, st.classOf[mt])
	if l := m.pinned[mt]; l >= 0 {
		st.pinUsed[int(s)*len(m.locCap)+int(l)]--
	}
	list := st.slotMeet[s]
	pos := st.slotIdx[mt]
	last := list[len(list)-1]
	list[pos] = last
	st.slotIdx[last] = pos
	st.slotMeet[s] = list[:len(list)-1]
	word, bit := st.bitOf(s)
	for _, k := range m.with[mt] {
		st.occ[int(k)*m.nSlots+int(s)] = -1
		st.bits[int(k)*m.words+word] &^= bit
	}
	st.slotOf[mt], st.classOf[mt] = -1, -1
	st.weight -= m.weight[mt]
}

func (st *state) bitOf(s int32) (int, uint64) {
	pos := st.m.slotPos[s]
	word := int(st.m.sessOff[st.m.slotSess[s]]) + int(pos)/64
	return word, 1 << (uint(pos) % 64)
}

// cost is participant k's idle slots or breaks, per the problem's objective.
func (st *state) cost(k int32) int {
	c, _ := st.costBreaks(k)
	return c
}

// costBreaks is cost(k) and participant k's breaks.
func (st *state) costBreaks(k int32) (int, int) {
	idle, breaks := st.idleBreaks(k)
	if st.m.breaksGoal {
		// Idle slots break ties between equal break counts and guide the
		// search across plateaus; a break outweighs them.
		return breaks*st.breakW + idle*tuneIdleTie, breaks
	}
	return idle, breaks
}

// goal is the primary soft objective: the total breaks when the problem
// minimizes breaks, else 0 (the idle slots are all in soft).
func (st *state) goal() int {
	if st.m.breaksGoal {
		return st.brk
	}
	return 0
}

var tuneBreakWeight, tuneIdleTie = 4, 1

// idleBreaks counts participant k's idle slots and breaks over all sessions.
func (st *state) idleBreaks(k int32) (idle, breaks int) {
	m := st.m
	row := st.bits[int(k)*m.words : int(k+1)*m.words]
	for sess, off := range m.sessOff {
		ws := row[off : off+m.sessWords[sess]]
		if len(ws) == 1 {
			i, b := wordIdleBreaks(ws[0])
			idle, breaks = idle+i, breaks+b
			continue
		}
		i, b := multiIdleBreaks(ws)
		idle, breaks = idle+i, breaks+b
	}
	return idle, breaks
}

func wordIdleBreaks(x uint64) (int, int) {
	if x == 0 {
		return 0, 0
	}
	span := 64 - bits.LeadingZeros64(x) - bits.TrailingZeros64(x)
	runs := bits.OnesCount64(x &^ (x << 1))
	return span - bits.OnesCount64(x), runs - 1
}

func multiIdleBreaks(ws []uint64) (int, int) {
	first, last, count, runs := -1, -1, 0, 0
	var carry uint64
	for i, x := range ws {
		if x != 0 {
			if first < 0 {
				first = i*64 + bits.TrailingZeros64(x)
			}
			last = i*64 + 63 - bits.LeadingZeros64(x)
		}
		count += bits.OnesCount64(x)
		runs += bits.OnesCount64(x &^ (x<<1 | carry))
		carry = x >> 63
	}
	if count == 0 {
		return 0, 0
	}
	return last - first + 1 - count, runs - 1
}

// refreshCosts recomputes every participant's cost.
func (st *state) refreshCosts() {
	st.soft, st.brk = 0, 0
	for k := range st.pcost {
		st.pcost[k], st.pbrk[k] = st.costBreaks(int32(k))
		st.soft += st.pcost[k]
		st.brk += st.pbrk[k]
	}
}

// clone copies the state for an independent search.
func (st *state) clone() *state {
	c := *st
	c.slotOf = append([]int32(nil), st.slotOf...)
	c.classOf = append([]int32(nil), st.classOf...)
	c.occ = append([]int32(nil), st.occ...)
	c.bits = append([]uint64(nil), st.bits...)
	c.pcost = append([]int(nil), st.pcost...)
	c.pbrk = append([]int(nil), st.pbrk...)
	c.free = append([]int32(nil), st.free...)
	c.freePos = append([]int32(nil), st.freePos...)
	c.slotIdx = append([]int32(nil), st.slotIdx...)
	c.pinUsed = append([]int32(nil), st.pinUsed...)
	c.freeList = make([][]int32, len(st.freeList))
	for s := range st.freeList {
		c.freeList[s] = append([]int32(nil), st.freeList[s]...)
	}
	c.slotMeet = make([][]int32, len(st.slotMeet))
	for s := range st.slotMeet {
		c.slotMeet[s] = append([]int32(nil), st.slotMeet[s]...)
	}
	c.visit = make([]int32, len(st.visit))
	c.visitGen = 0
	c.parMeet = make([]int32, len(st.parMeet))
	c.parFrom = make([]int32, len(st.parFrom))
	c.occupants = make([][]int32, len(st.occupants))
	return &c
}

// besideBusy reports whether participant k has a meeting right before or
// after slot s in the same session.
func (st *state) besideBusy(k, s int32) bool {
	m := st.m
	for _, t := range [2]int32{m.prevSlot[s], m.nextSlot[s]} {
		if t >= 0 && st.occ[int(k)*m.nSlots+int(t)] >= 0 {
			return true
		}
	}
	return false
}

// canOverfill reports whether slots may be overfilled during the search:
// every meeting may use every location, so the locations form one class.
func (m *model) canOverfill() bool {
	if m.nClass != 1 {
		return false
	}
	for i := range m.nMeet {
		if !m.allLocs[i] || m.pinned[i] >= 0 {
			return false
		}
	}
	return true
}

// hasRoom reports whether slot s has a free location class for mt without
// moving anyone.
func (st *state) hasRoom(mt, s int32) bool {
	m := st.m
	if m.allLocs[mt] {
		return len(st.freeList[s]) > 0
	}
	for _, c := range m.classes[mt] {
		if st.free[int(s)*m.nClass+int(c)] > 0 {
			return true
		}
	}
	return false
}
