package allocate

import "math/rand/v2"

// state is an allocation under construction. It keeps the objective up to
// date as exhibitors are assigned and unassigned, so that moves are cheap
// to evaluate and to undo.
type state struct {
	m         *model
	owner     []int     // booth → exhibitor, -1 when free
	group     [][]int32 // exhibitor → booths, nil when unplaced
	prefPts   []int
	placedPav []int
	obj       Objective
	en        *enumerator
	mark      []bool
	noise     []uint32 // seeded per-booth tie-breaks
	rng       *rand.Rand
	// seeding lifts the pavilion rule while a move starts a new cluster
	// of a pavilion; the move then checks the rule itself.
	seeding bool
}

func newState(m *model, seed int64) *state {
	s := &state{
		m:         m,
		owner:     make([]int, len(m.booths)),
		group:     make([][]int32, len(m.ex)),
		prefPts:   make([]int, len(m.ex)),
		placedPav: make([]int, len(m.pavs)),
		en:        newEnumerator(m),
		mark:      make([]bool, len(m.booths)),
		noise:     make([]uint32, len(m.booths)),
		rng:       rand.New(rand.NewPCG(uint64(seed), 0x6b65746e6f69)),
	}
	for i := range s.owner {
		s.owner[i] = -1
	}
	for i := range s.noise {
		s.noise[i] = s.rng.Uint32()
	}
	return s
}

// prefPoints scores a group against e's wishes: its first, second or third
// preferred booth in the group give 4, 3 or 2 points; a group wholly in the
// preferred zone gives 1; anything else 0.
func (m *model) prefPoints(e int, g []int32) int {
	x := &m.ex[e]
	for r, pb := range x.pref {
		for _, b := range g {
			if b == pb {
				return 4 - r
			}
		}
	}
	if x.prefZone == "" {
		return 0
	}
	for _, b := range g {
		if m.booths[b].Zone != x.prefZone {
			return 0
		}
	}
	return 1
}

// bestPrefPossible is the most points e could ever get.
func (m *model) bestPrefPossible(e int) int {
	switch {
	case len(m.ex[e].pref) > 0:
		return 4
	case m.ex[e].prefZone != "":
		return 1
	}
	return 0
}

func (m *model) counts(e int) bool { return m.ex[e].approved || m.lockGroup[e] != nil }

func (m *model) competes(e, f int) bool {
	for _, c := range m.ex[e].comp {
		if c == f {
			return true
		}
	}
	return false
}

func (m *model) samePav(e, f int) bool {
	return f >= 0 && m.ex[e].pav >= 0 && m.ex[e].pav == m.ex[f].pav
}

// contact counts, for a pavilion member e and a group g, the near booth
// pairs inside g plus those between g and the pavilion's other booths.
// Booths of g must be marked in s.mark.
func (s *state) contact(e int, g []int32) int {
	if s.m.ex[e].pav < 0 {
		return 0
	}
	n := 0
	for _, b := range g {
		for _, c := range s.m.near[b] {
			if s.mark[c] {
				n++ // seen from both ends: halved below
			} else if o := s.owner[c]; o >= 0 && o != e && s.m.samePav(e, o) {
				n += 2
			}
		}
	}
	return n / 2
}

func (s *state) setMarks(g []int32, v bool) {
	for _, b := range g {
		s.mark[b] = v
	}
}

func (s *state) assign(e int, g []int32) {
	s.unassign(e) // never count an exhibitor twice
	g = append([]int32(nil), g...)
	for _, b := range g {
		s.owner[b] = e
	}
	s.group[e] = g
	if s.m.counts(e) {
		s.obj.Placed++
		s.obj.PlacedPriority += s.m.ex[e].prio
	}
	s.prefPts[e] = s.m.prefPoints(e, g)
	s.obj.PreferencePoints += s.prefPts[e]
	if p := s.m.ex[e].pav; p >= 0 {
		s.placedPav[p]++
		s.setMarks(g, true)
		s.obj.PavilionEdges += s.contact(e, g)
		s.setMarks(g, false)
	}
}

func (s *state) unassign(e int) {
	g := s.group[e]
	if g == nil {
		return
	}
	if p := s.m.ex[e].pav; p >= 0 {
		s.placedPav[p]--
		s.setMarks(g, true)
		s.obj.PavilionEdges -= s.contact(e, g)
		s.setMarks(g, false)
	}
	if s.m.counts(e) {
		s.obj.Placed--
		s.obj.PlacedPriority -= s.m.ex[e].prio
	}
	s.obj.PreferencePoints -= s.prefPts[e]
	s.prefPts[e] = 0
	for _, b := range g {
		s.owner[b] = -1
	}
	s.group[e] = nil
}

// compatible reports whether e may stand on g given the others: no
// competitor next to g and, when other members of e's pavilion are placed,
// g is near one of them. Booths of g are assumed free and usable.
func (s *state) compatible(e int, g []int32) bool {
	p := s.m.ex[e].pav
	needTouch := p >= 0 && !s.seeding && s.placedPav[p]-boolInt(s.group[e] != nil) > 0
	for _, b := range g {
		for _, c := range s.m.adj[b] {
			if o := s.owner[c]; o >= 0 && o != e && s.m.competes(e, o) {
				return false
			}
		}
	}
	return !needTouch || s.nearPav(e, g)
}

// compatibleWithout is compatible as if the exhibitors in occ were gone.
func (s *state) compatibleWithout(e int, g []int32, occ []int) bool {
	gone := func(o int) bool { return o < 0 || o == e || containsInt(occ, o) }
	for _, b := range g {
		for _, c := range s.m.adj[b] {
			if o := s.owner[c]; !gone(o) && s.m.competes(e, o) {
				return false
			}
		}
	}
	p := s.m.ex[e].pav
	if p < 0 {
		return true
	}
	others := 0
	for _, f := range s.m.pavs[p].members {
		if s.group[f] != nil && !gone(f) {
			others++
		}
	}
	if others == 0 {
		return true
	}
	for _, b := range g {
		for _, c := range s.m.near[b] {
			if o := s.owner[c]; !gone(o) && s.m.samePav(e, o) {
				return true
			}
		}
	}
	return false
}

// nearPav reports whether g is near a booth of another member of e's
// pavilion.
func (s *state) nearPav(e int, g []int32) bool {
	for _, b := range g {
		for _, c := range s.m.near[b] {
			if o := s.owner[c]; o >= 0 && o != e && s.m.samePav(e, o) {
				return true
			}
		}
	}
	return false
}

// pavilionOK checks the pavilion rule for p: when two or more members are
// placed, each is near (adjacent to, or across an aisle from) another.
func (s *state) pavilionOK(p int) bool {
	if p < 0 || s.placedPav[p] < 2 {
		return true
	}
	for _, e := range s.m.pavs[p].members {
		if s.group[e] != nil && !s.touchesPav(e) {
			return false
		}
	}
	return true
}

func (s *state) touchesPav(e int) bool { return s.nearPav(e, s.group[e]) }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
