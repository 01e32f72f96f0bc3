package allocate

import "sort"

// Ruin and recreate (Schrimpf et al. 2000) after the local search: remove
// the exhibitors standing around a random booth, re-place them and the
// unplaced ones in a shuffled greedy order, repair with eject moves, and
// keep the result when it is no worse. Spatial ruins let a crowded area be
// re-packed, which single moves cannot do.

// snapshot is the booths of every exhibitor; group slices are never
// modified in place, so copying the headers is enough.
func (s *state) snapshot() [][]int32 { return append([][]int32(nil), s.group...) }

func (s *state) revertTo(snap [][]int32) {
	var changed []int
	for e, g := range snap {
		if !sameSlice(s.group[e], g) {
			changed = append(changed, e)
			s.unassign(e)
		}
	}
	for _, e := range changed {
		if snap[e] != nil {
			s.assign(e, snap[e])
		}
	}
}

// pavilionsOK checks every pavilion: a ruin may leave a member alone.
func (s *state) pavilionsOK() bool {
	for p := range s.m.pavs {
		if !s.pavilionOK(p) {
			return false
		}
	}
	return true
}

func sameSlice(a, b []int32) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func (s *state) ruinAndRecreate(stop func() bool, iters int, st *Stats) {
	if len(s.m.booths) == 0 {
		return
	}
	for it := 0; it < iters; it++ {
		if stop() {
			st.StoppedEarly = true
			return
		}
		before := s.obj
		snap := s.snapshot()
		s.recreate(s.ruin(2 + s.rng.IntN(5)))
		if before.Better(s.obj) || !s.pavilionsOK() {
			s.revertTo(snap)
		} else if s.obj.Better(before) {
			st.Moves++
		}
		st.Iterations++
	}
}

// ruin removes up to k unlocked exhibitors, nearest first from a random
// booth, and returns them.
func (s *state) ruin(k int) []int {
	m := s.m
	start := int32(s.rng.IntN(len(m.booths)))
	seen := map[int32]bool{start: true}
	queue := []int32{start}
	var out []int
	for len(queue) > 0 && len(out) < k {
		b := queue[0]
		queue = queue[1:]
		if o := s.owner[b]; o >= 0 && m.lockGroup[o] == nil {
			s.unassign(o)
			out = append(out, o)
		}
		for _, c := range m.near[b] {
			if !seen[c] {
				seen[c] = true
				queue = append(queue, c)
			}
		}
	}
	return out
}

// recreate re-places the removed exhibitors and tries every unplaced one,
// by priority then size with random ties, then repairs with eject moves.
func (s *state) recreate(removed []int) {
	m := s.m
	todo := append([]int(nil), removed...)
	for e := range m.ex {
		if m.ex[e].approved && s.group[e] == nil && !containsInt(removed, e) {
			todo = append(todo, e)
		}
	}
	s.rng.Shuffle(len(todo), func(i, j int) { todo[i], todo[j] = todo[j], todo[i] })
	if s.rng.IntN(2) == 0 {
		sort.SliceStable(todo, func(i, j int) bool {
			a, b := &m.ex[todo[i]], &m.ex[todo[j]]
			if a.prio != b.prio {
				return a.prio > b.prio
			}
			return a.area > b.area
		})
	}
	for _, e := range todo {
		s.tryInsert(e)
	}
	for _, e := range todo {
		if s.group[e] == nil {
			_ = s.tryEject(e) || s.trySeed(e)
		}
	}
}
