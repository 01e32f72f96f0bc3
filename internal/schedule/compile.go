package schedule

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// model is a Problem turned into dense indices for the solver.
//
// Locations are grouped into classes: two locations are in the same class when
// every meeting may use both or neither (all plain tables, say). The solver
// then only counts free capacity per class and slot; concrete locations are
// handed out at the end. This keeps moves cheap when a meeting may use
// hundreds of interchangeable tables.
type model struct {
	prob *Problem

	nSlots     int
	slotSess   []int32 // session of each slot
	slotPos    []int32 // position of each slot within its session
	sessWords  []int32 // 64-bit words per session
	sessOff    []int32 // first word of each session in a participant's row
	words      int     // words per participant
	slotIndex  map[string]int32
	prevSlot   []int32 // previous slot in the same session, or -1
	nextSlot   []int32
	breaksGoal bool

	nPart     int
	partIndex map[string]int32
	unavail   []bool // nPart*nSlots

	nMeet     int
	weight    []int
	with      [][]int32
	dom       [][]int32 // slots where the meeting may be held (empty: none)
	domBits   []uint64  // nMeet*slotWords, dom as a bitset
	slotWords int
	allLocs   []bool    // true: any location
	classes   [][]int32 // allowed classes when !allLocs
	fixed     []int32   // fixed slot or -1
	pinned    []int32   // fixed location or -1; such meetings stay out of the classes
	totalW    int

	nClass    int
	classCap  []int
	classLocs [][]int32 // locations of each class, in input order
	locCap    []int
	locClass  []int32
	locIndex  map[string]int32
	// closed[c]: every meeting that may use class c may use no other, so
	// when c is full no augmenting path can free room in it.
	closed []bool

	locMark  []int32 // scratch for de-duplicating location lists
	locStamp int32
}

// stamp starts a new round of marks over locations.
func (m *model) stamp() int32 {
	if m.locMark == nil {
		m.locMark = make([]int32, len(m.prob.Locations))
	}
	m.locStamp++
	return m.locStamp
}

func (m *model) inDom(mt int32, s int32) bool {
	return m.domBits[int(mt)*m.slotWords+int(s)/64]&(1<<(uint(s)%64)) != 0
}

// problems collects validation messages.
type problems struct{ list []string }

func (ps *problems) add(format string, args ...any) {
	ps.list = append(ps.list, fmt.Sprintf(format, args...))
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps.list}
}

// compile validates p and builds the model; it does not place fixed meetings.
func compile(p Problem) (*model, error) {
	m := &model{prob: &p}
	var ps problems
	switch p.Objective {
	case "", ObjectiveIdle:
	case ObjectiveBreaks:
		m.breaksGoal = true
	default:
		ps.add("objective %q is neither %q nor %q", p.Objective, ObjectiveIdle, ObjectiveBreaks)
	}
	m.compileSlots(&ps)
	m.compileLocations(&ps)
	m.compileParticipants(&ps)
	m.compileMeetings(&ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *model) compileSlots(ps *problems) {
	p := m.prob
	if len(p.Slots) == 0 {
		ps.add("no slots")
	}
	m.nSlots = len(p.Slots)
	m.slotIndex = make(map[string]int32, len(p.Slots))
	m.slotSess = make([]int32, len(p.Slots))
	m.slotPos = make([]int32, len(p.Slots))
	sessIndex := map[string]int32{}
	var sessLen []int32
	for i, s := range p.Slots {
		if s.ID == "" {
			ps.add("slot #%d has no id", i+1)
		} else if _, dup := m.slotIndex[s.ID]; dup {
			ps.add("slot %q is listed twice", s.ID)
		} else {
			m.slotIndex[s.ID] = int32(i)
		}
		if msg := checkTimes(s); msg != "" {
			ps.add("slot %q: %s", s.ID, msg)
		}
		name := s.Session
		if name == "" {
			name = s.Day
		}
		k, ok := sessIndex[name]
		if !ok {
			k = int32(len(sessLen))
			sessIndex[name] = k
			sessLen = append(sessLen, 0)
		}
		m.slotSess[i] = k
		m.slotPos[i] = sessLen[k]
		sessLen[k]++
	}
	m.prevSlot = make([]int32, m.nSlots)
	m.nextSlot = make([]int32, m.nSlots)
	last := make([]int32, len(sessLen))
	for k := range last {
		last[k] = -1
	}
	for i := range m.nSlots {
		k := m.slotSess[i]
		m.prevSlot[i], m.nextSlot[i] = last[k], -1
		if last[k] >= 0 {
			m.nextSlot[last[k]] = int32(i)
		}
		last[k] = int32(i)
	}
	for _, n := range sessLen {
		m.sessOff = append(m.sessOff, int32(m.words))
		w := (n + 63) / 64
		m.sessWords = append(m.sessWords, w)
		m.words += int(w)
	}
	m.slotWords = (m.nSlots + 63) / 64
}

// checkTimes checks start and end when given: "HH:MM", start before end.
func checkTimes(s Slot) string {
	start, okS := minutes(s.Start)
	end, okE := minutes(s.End)
	switch {
	case s.Start != "" && !okS:
		return fmt.Sprintf("start %q is not HH:MM", s.Start)
	case s.End != "" && !okE:
		return fmt.Sprintf("end %q is not HH:MM", s.End)
	case okS && okE && end <= start:
		return fmt.Sprintf("ends (%s) before it starts (%s)", s.End, s.Start)
	}
	return ""
}

func minutes(hhmm string) (int, bool) {
	if len(hhmm) != 5 || hhmm[2] != ':' {
		return 0, false
	}
	d := func(c byte) int { return int(c - '0') }
	for _, i := range []int{0, 1, 3, 4} {
		if hhmm[i] < '0' || hhmm[i] > '9' {
			return 0, false
		}
	}
	h, mi := d(hhmm[0])*10+d(hhmm[1]), d(hhmm[3])*10+d(hhmm[4])
	if h > 24 || mi > 59 {
		return 0, false
	}
	return h*60 + mi, true
}

func (m *model) compileLocations(ps *problems) {
	p := m.prob
	if len(p.Locations) == 0 {
		ps.add("no locations")
	}
	m.locIndex = make(map[string]int32, len(p.Locations))
	m.locCap = make([]int, len(p.Locations))
	for i, l := range p.Locations {
		if l.ID == "" {
			ps.add("location #%d has no id", i+1)
		} else if _, dup := m.locIndex[l.ID]; dup {
			ps.add("location %q is listed twice", l.ID)
		} else {
			m.locIndex[l.ID] = int32(i)
		}
		switch {
		case l.Capacity < 0:
			ps.add("location %q has a negative capacity %d", l.ID, l.Capacity)
		case l.Capacity == 0:
			m.locCap[i] = 1
		default:
			m.locCap[i] = l.Capacity
		}
	}
}

func (m *model) compileParticipants(ps *problems) {
	p := m.prob
	m.nPart = len(p.Participants)
	m.partIndex = make(map[string]int32, m.nPart)
	m.unavail = make([]bool, m.nPart*m.nSlots)
	for i, pt := range p.Participants {
		if pt.ID == "" {
			ps.add("participant #%d has no id", i+1)
		} else if _, dup := m.partIndex[pt.ID]; dup {
			ps.add("participant %q is listed twice", pt.ID)
		} else {
			m.partIndex[pt.ID] = int32(i)
		}
		for _, sid := range pt.Unavailable {
			s, ok := m.slotIndex[sid]
			if !ok {
				ps.add("participant %q: unavailable slot %q is not a slot", pt.ID, sid)
				continue
			}
			m.unavail[i*m.nSlots+int(s)] = true
		}
	}
}

func (m *model) compileMeetings(ps *problems) {
	p := m.prob
	m.nMeet = len(p.Meetings)
	m.weight = make([]int, m.nMeet)
	m.with = make([][]int32, m.nMeet)
	m.dom = make([][]int32, m.nMeet)
	m.domBits = make([]uint64, m.nMeet*m.slotWords)
	m.allLocs = make([]bool, m.nMeet)
	m.fixed = make([]int32, m.nMeet)
	m.pinned = make([]int32, m.nMeet)
	locSets := make([][]int32, m.nMeet)
	seen := make(map[string]bool, m.nMeet)
	for i := range p.Meetings {
		mt := &p.Meetings[i]
		if mt.ID == "" {
			ps.add("meeting #%d has no id", i+1)
		} else if seen[mt.ID] {
			ps.add("meeting %q is listed twice", mt.ID)
		}
		seen[mt.ID] = true
		m.fixed[i], m.pinned[i] = -1, -1
		m.weight[i] = mt.Weight
		switch {
		case mt.Weight < 0:
			ps.add("meeting %q has a negative weight %d", mt.ID, mt.Weight)
		case mt.Weight == 0:
			m.weight[i] = 1
		}
		m.totalW += m.weight[i]
		m.with[i] = m.meetingParticipants(ps, mt)
		locSets[i] = m.meetingLocations(ps, mt)
		if mt.Fixed != nil && mt.Fixed.Location != "" && len(locSets[i]) == 1 {
			// A meeting pinned to a location only takes that location's
			// capacity in its slot; it must not split the classes.
			m.pinned[i] = locSets[i][0]
			locSets[i] = []int32{}
		}
		m.dom[i] = m.meetingSlots(ps, i, mt)
	}
	if len(ps.list) == 0 {
		m.buildClasses(locSets)
	}
}

func (m *model) meetingParticipants(ps *problems, mt *Meeting) []int32 {
	if len(mt.With) < 2 {
		ps.add("meeting %q must be with two or more participants, has %d", mt.ID, len(mt.With))
	}
	out := make([]int32, 0, len(mt.With))
	for _, pid := range mt.With {
		k, ok := m.partIndex[pid]
		switch {
		case !ok:
			ps.add("meeting %q: participant %q is not a participant", mt.ID, pid)
		case slices.Contains(out, k):
			ps.add("meeting %q lists participant %q twice", mt.ID, pid)
		default:
			out = append(out, k)
		}
	}
	return out
}

// meetingLocations returns the allowed location indices, nil for any.
func (m *model) meetingLocations(ps *problems, mt *Meeting) []int32 {
	var out []int32
	st := m.stamp()
	for _, lid := range mt.Locations {
		k, ok := m.locIndex[lid]
		if !ok {
			ps.add("meeting %q: location %q is not a location", mt.ID, lid)
			continue
		}
		if m.locMark[k] != st {
			m.locMark[k] = st
			out = append(out, k)
		}
	}
	if mt.Fixed == nil || mt.Fixed.Location == "" {
		return out
	}
	k, ok := m.locIndex[mt.Fixed.Location]
	switch {
	case !ok:
		ps.add("meeting %q: fixed location %q is not a location", mt.ID, mt.Fixed.Location)
	case len(mt.Locations) > 0 && m.locMark[k] != st:
		ps.add("meeting %q: fixed location %q is not one of its locations", mt.ID, mt.Fixed.Location)
	}
	return []int32{k}
}

// meetingSlots returns the slots where meeting i may be held: its own slot
// list (or all slots) minus any participant's unavailable slots.
func (m *model) meetingSlots(ps *problems, i int, mt *Meeting) []int32 {
	allowed := make([]bool, m.nSlots)
	if len(mt.Slots) == 0 {
		for s := range allowed {
			allowed[s] = true
		}
	}
	for _, sid := range mt.Slots {
		s, ok := m.slotIndex[sid]
		if !ok {
			ps.add("meeting %q: slot %q is not a slot", mt.ID, sid)
			continue
		}
		allowed[s] = true
	}
	if mt.Fixed != nil {
		m.fixMeeting(ps, i, mt, allowed)
	}
	var dom []int32
	for s, ok := range allowed {
		if !ok || !m.allFree(m.with[i], int32(s)) {
			continue
		}
		dom = append(dom, int32(s))
		m.domBits[i*m.slotWords+s/64] |= 1 << (uint(s) % 64)
	}
	return dom
}

func (m *model) fixMeeting(ps *problems, i int, mt *Meeting, allowed []bool) {
	s, ok := m.slotIndex[mt.Fixed.Slot]
	if !ok {
		ps.add("meeting %q: fixed slot %q is not a slot", mt.ID, mt.Fixed.Slot)
		return
	}
	if !allowed[s] {
		ps.add("meeting %q: fixed slot %q is not one of its slots", mt.ID, mt.Fixed.Slot)
	}
	for _, k := range m.with[i] {
		if m.unavail[int(k)*m.nSlots+int(s)] {
			ps.add("meeting %q is fixed in slot %q where participant %q is unavailable", mt.ID, mt.Fixed.Slot, m.prob.Participants[k].ID)
		}
	}
	clear(allowed)
	allowed[s] = true
	m.fixed[i] = s
}

func (m *model) allFree(with []int32, s int32) bool {
	for _, k := range with {
		if m.unavail[int(k)*m.nSlots+int(s)] {
			return false
		}
	}
	return true
}

// buildClasses groups locations into classes of interchangeable locations
// and sets each meeting's allowed classes.
func (m *model) buildClasses(locSets [][]int32) {
	nLoc := len(m.prob.Locations)
	zob := rand.New(rand.NewPCG(1, 2))
	locKey := make([]uint64, nLoc)
	for l := range locKey {
		locKey[l] = zob.Uint64()
	}
	// Distinct location sets, found by an order-free hash and checked exactly.
	setOf := make([]int32, m.nMeet)
	var sets [][]int32
	byHash := map[uint64][]int32{}
	for i, ls := range locSets {
		if ls == nil {
			setOf[i] = -1
			continue
		}
		if len(ls) == 0 {
			setOf[i] = -2 // pinned
			continue
		}
		var h uint64
		for _, l := range ls {
			h ^= locKey[l]
		}
		setOf[i] = -1
		for _, k := range byHash[h] {
			if m.sameSet(sets[k], ls) {
				setOf[i] = k
				break
			}
		}
		if setOf[i] < 0 {
			setOf[i] = int32(len(sets))
			byHash[h] = append(byHash[h], setOf[i])
			sets = append(sets, ls)
		}
	}
	// A location's signature is the list of sets containing it.
	sig := make([][]int32, nLoc)
	for k, ls := range sets {
		for _, l := range ls {
			sig[l] = append(sig[l], int32(k))
		}
	}
	classOf := make([]int32, nLoc)
	bySig := map[string]int32{}
	for l := range nLoc {
		key := sigKey(sig[l])
		c, ok := bySig[key]
		if !ok {
			c = int32(len(m.classLocs))
			bySig[key] = c
			m.classLocs = append(m.classLocs, nil)
			m.classCap = append(m.classCap, 0)
		}
		classOf[l] = c
		m.locClass = classOf
		m.classLocs[c] = append(m.classLocs[c], int32(l))
		m.classCap[c] += m.locCap[l]
	}
	m.nClass = len(m.classLocs)
	setClasses := make([][]int32, len(sets))
	for k, ls := range sets {
		for _, l := range ls {
			if !slices.Contains(setClasses[k], classOf[l]) {
				setClasses[k] = append(setClasses[k], classOf[l])
			}
		}
	}
	m.classes = make([][]int32, m.nMeet)
	m.closed = make([]bool, m.nClass)
	for c := range m.closed {
		m.closed[c] = true
	}
	for i := range m.nMeet {
		if setOf[i] == -2 {
			continue
		}
		if setOf[i] < 0 {
			m.allLocs[i] = true
			clear(m.closed) // such a meeting can move to any class
			continue
		}
		m.classes[i] = setClasses[setOf[i]]
	}
	for _, cs := range setClasses {
		if len(cs) > 1 {
			for _, c := range cs {
				m.closed[c] = false
			}
		}
	}
}

func (m *model) sameSet(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	st := m.stamp()
	for _, x := range a {
		m.locMark[x] = st
	}
	for _, x := range b {
		if m.locMark[x] != st {
			return false
		}
	}
	return true
}

func sigKey(sig []int32) string {
	var b strings.Builder
	for _, k := range sig {
		fmt.Fprintf(&b, "%d,", k)
	}
	return b.String()
}
