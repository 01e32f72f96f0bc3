package allocate

import "sort"

// Local search after the greedy pass. Every move is tried on the state,
// kept only when the lexicographic objective strictly improves and every
// pavilion still holds together, and otherwise undone from a journal.
//
// Moves, in each round:
//   - insert: an unplaced exhibitor takes a free group;
//   - eject: an unplaced exhibitor takes a group held by one or two others
//     of no higher total priority, who are then re-placed elsewhere (a
//     short ejection chain);
//   - relocate: a placed exhibitor moves to a free group that meets its
//     preferences better (or, in a pavilion, sits closer to its members);
//   - claim: a placed exhibitor takes a group around a preferred booth,
//     moving its occupants elsewhere.

const (
	ejectTries = 6 // candidate groups tried per eject or claim move
	maxOcc     = 2 // occupants one move may displace
	candCap    = 4000
)

type saved struct {
	e int
	g []int32
}

type journal []saved

func (j *journal) save(s *state, e int) {
	for _, sv := range *j {
		if sv.e == e {
			return
		}
	}
	*j = append(*j, saved{e, s.group[e]})
}

func (s *state) restore(j journal) {
	for _, sv := range j {
		s.unassign(sv.e)
	}
	for _, sv := range j {
		if sv.g != nil {
			s.assign(sv.e, sv.g)
		}
	}
}

// keep reports whether the moves since before are worth keeping; the
// pavilions of every moved exhibitor must still hold together.
func (s *state) keep(j journal, before Objective) bool {
	if !s.obj.Better(before) {
		return false
	}
	for _, sv := range j {
		if !s.pavilionOK(s.m.ex[sv.e].pav) {
			return false
		}
	}
	return true
}

func (s *state) localSearch(stop func() bool, maxRounds int, st *Stats) {
	for round := 0; round < maxRounds; round++ {
		before := s.obj
		st.Rounds++
		for _, e := range s.unplaced() {
			if stop() {
				st.StoppedEarly = true
				return
			}
			if s.group[e] != nil { // placed by an earlier move of this round
				continue
			}
			if s.tryInsert(e) || s.tryEject(e) || s.trySeed(e) {
				st.Moves++
			}
		}
		for _, e := range s.improvable() {
			if stop() {
				st.StoppedEarly = true
				return
			}
			if s.group[e] == nil {
				continue
			}
			if s.tryRelocate(e) || s.tryClaim(e) {
				st.Moves++
			}
		}
		if !s.obj.Better(before) {
			return
		}
	}
}

// unplaced lists approved unplaced exhibitors, highest priority first,
// ties shuffled by the seed.
func (s *state) unplaced() []int {
	var out []int
	for e := range s.m.ex {
		if s.m.ex[e].approved && s.group[e] == nil {
			out = append(out, e)
		}
	}
	s.rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	sort.SliceStable(out, func(i, j int) bool { return s.m.ex[out[i]].prio > s.m.ex[out[j]].prio })
	return out
}

// improvable lists placed, unlocked exhibitors that could still gain
// preference points or pavilion contact.
func (s *state) improvable() []int {
	var out []int
	for e := range s.m.ex {
		if s.group[e] == nil || s.m.lockGroup[e] != nil {
			continue
		}
		if s.prefPts[e] < s.m.bestPrefPossible(e) || s.m.ex[e].pav >= 0 {
			out = append(out, e)
		}
	}
	s.rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func (s *state) tryInsert(e int) bool {
	g := s.bestGroup(e)
	if g == nil {
		return false
	}
	s.assign(e, g)
	return true
}

// trySeed starts a new cluster of e's pavilion where there is room: e
// stands away from the others, and unplaced members join it. It is kept
// only if someone joins (the pavilion rule) and the objective improves.
func (s *state) trySeed(e int) bool {
	p := s.m.ex[e].pav
	if p < 0 || s.placedPav[p] == 0 {
		return false
	}
	before := s.obj
	s.seeding = true
	g := s.bestGroup(e)
	s.seeding = false
	if g == nil {
		return false
	}
	var j journal
	j.save(s, e)
	s.assign(e, g)
	for _, f := range s.m.pavs[p].members {
		if s.group[f] == nil && s.m.ex[f].approved {
			j.save(s, f)
			s.tryInsert(f)
		}
	}
	if s.keep(j, before) {
		return true
	}
	s.restore(j)
	return false
}

func (s *state) tryEject(e int) bool {
	roots := s.m.typeBooths(s.m.ex[e].typ)
	for _, c := range s.occupiedGroups(e, roots, false, s.m.ex[e].prio) {
		if s.applyEject(e, c) {
			return true
		}
	}
	return false
}

func (s *state) tryRelocate(e int) bool {
	before := s.obj
	var j journal
	j.save(s, e)
	s.unassign(e)
	g := s.bestGroup(e)
	if g != nil {
		s.assign(e, g)
		if s.keep(j, before) {
			return true
		}
	}
	s.restore(j)
	return false
}

// tryClaim moves e onto a better-ranked preferred booth held by others.
func (s *state) tryClaim(e int) bool {
	x := &s.m.ex[e]
	for r, pb := range x.pref {
		if 4-r <= s.prefPts[e] {
			break
		}
		for _, c := range s.occupiedGroups(e, []int32{pb}, true, 1<<30) {
			if s.applyEject(e, c) {
				return true
			}
		}
	}
	return false
}

// occupiedGroups lists the best few groups for e that are taken by at
// most maxOcc unlocked exhibitors of total priority ≤ maxPrio, cheapest
// displacement first.
func (s *state) occupiedGroups(e int, roots []int32, rooted bool, maxPrio int) []candidate {
	m := s.m
	x := &m.ex[e]
	ok := func(b int32) bool {
		o := s.owner[b]
		return m.usable(e, b) && (o < 0 || m.lockGroup[o] == nil)
	}
	var cands []candidate
	s.en.groups(roots, rooted, ok, x.area, x.area*m.tol, m.maxSize(e),
		func(g []int32, area float64) bool {
			occ, prio := s.occupants(e, g)
			if len(occ) == 0 || len(occ) > maxOcc || prio > maxPrio || !s.compatibleWithout(e, g, occ) {
				return true
			}
			c := candidate{g: append([]int32(nil), g...), occ: occ, occPrio: prio,
				pref: m.prefPoints(e, g)}
			for _, b := range g {
				c.noise += s.noise[b]
			}
			cands = append(cands, c)
			return len(cands) < candCap
		})
	sort.Slice(cands, func(i, j int) bool {
		a, b := &cands[i], &cands[j]
		if a.occPrio != b.occPrio {
			return a.occPrio < b.occPrio
		}
		if len(a.occ) != len(b.occ) {
			return len(a.occ) < len(b.occ)
		}
		if a.pref != b.pref {
			return a.pref > b.pref
		}
		return a.noise < b.noise
	})
	return cands[:min(len(cands), ejectTries)]
}

func (s *state) occupants(e int, g []int32) ([]int, int) {
	var occ []int
	prio := 0
	for _, b := range g {
		o := s.owner[b]
		if o < 0 || o == e || containsInt(occ, o) {
			continue
		}
		occ = append(occ, o)
		prio += s.m.ex[o].prio
	}
	return occ, prio
}

// applyEject puts e on c.g after moving its occupants away, re-places the
// occupants where it can, and keeps the result only if it is better.
func (s *state) applyEject(e int, c candidate) bool {
	before := s.obj
	var j journal
	j.save(s, e)
	s.unassign(e)
	for _, o := range c.occ {
		j.save(s, o)
		s.unassign(o)
	}
	if s.compatible(e, c.g) {
		s.assign(e, c.g)
		for _, o := range c.occ {
			s.tryInsert(o)
		}
		if s.keep(j, before) {
			return true
		}
	}
	s.restore(j)
	return false
}
