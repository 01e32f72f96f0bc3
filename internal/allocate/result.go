package allocate

import (
	"fmt"
	"sort"
	"strings"
)

// weights scalarise the lexicographic objective: one more placed unit of
// priority outweighs any preference gain, and one preference point
// outweighs any pavilion compactness. Pavilion edges never exceed the
// number of adjacent pairs, and preference points never exceed 4 per
// exhibitor, which bounds each lower level.
func (m *model) weights() (w1, w2, w3 int64) {
	w3 = 1
	w2 = int64(len(m.nearEdges)) + 1
	w1 = (4*int64(len(m.ex)) + 1) * w2
	return w1, w2, w3
}

func (m *model) scalar(o Objective) int64 {
	w1, w2, w3 := m.weights()
	return w1*int64(o.PlacedPriority) + w2*int64(o.PreferencePoints) + w3*int64(o.PavilionEdges)
}

var prefNames = []string{"none", "zone", "third choice", "second choice", "first choice"}

func (s *state) allocation(st Stats) Allocation {
	m := s.m
	a := Allocation{Placements: []Placement{}, Unplaced: []Unplaced{}, Stats: st}
	a.Objective = s.obj
	for e := range m.ex {
		if m.counts(e) {
			a.Objective.Approved++
		}
		g := s.group[e]
		if g == nil {
			a.Unplaced = append(a.Unplaced, Unplaced{Exhibitor: m.ex[e].id, Reason: s.reason(e)})
			continue
		}
		a.Placements = append(a.Placements, m.placement(e, g))
		switch s.prefPts[e] {
		case 4:
			a.Objective.FirstChoice++
		case 3:
			a.Objective.SecondChoice++
		case 2:
			a.Objective.ThirdChoice++
		case 1:
			a.Objective.ZoneMatch++
		}
	}
	a.Objective.Scalar = m.scalar(a.Objective)
	return a
}

func (m *model) placement(e int, g []int32) Placement {
	sorted := append([]int32(nil), g...)
	sort.Slice(sorted, func(i, j int) bool { return m.booths[sorted[i]].Code < m.booths[sorted[j]].Code })
	p := Placement{Exhibitor: m.ex[e].id, Locked: m.lockGroup[e] != nil,
		Preference: prefNames[m.prefPoints(e, g)]}
	for _, b := range sorted {
		p.Booths = append(p.Booths, m.booths[b].Code)
		p.Area += m.booths[b].Area
		p.PriceVND += m.booths[b].Price
	}
	return p
}

// reason explains why e stands nowhere, from the most basic cause (no
// booth of the type at all) to the final state (every fitting group is
// taken, or next to a competitor, or away from the pavilion).
func (s *state) reason(e int) string {
	m := s.m
	x := &m.ex[e]
	if !x.approved {
		return fmt.Sprintf("not approved (status %s)", x.status)
	}
	want := fmt.Sprintf("%s booth(s) totalling %s m²", x.typ, fmtArea(x.area))
	if r := m.staticReason(e, want); r != "" {
		return r
	}
	var total, taken, pavFar int
	comp := map[int]int{}
	ok := func(b int32) bool { return m.usable(e, b) }
	s.en.groups(m.typeBooths(x.typ), false, ok, x.area, x.area*m.tol, m.maxSize(e),
		func(g []int32, _ float64) bool {
			total++
			switch c := s.blocker(e, g); {
			case c == -1:
				taken++
			case c == -2:
				pavFar++
			case c >= 0:
				comp[c]++
			}
			return true
		})
	return s.explain(e, want, total, taken, pavFar, comp)
}

// blocker tells what keeps e off g now: -1 taken, -2 away from the
// pavilion, an exhibitor index for a competitor next to it, -3 nothing.
func (s *state) blocker(e int, g []int32) int {
	for _, b := range g {
		if s.owner[b] >= 0 {
			return -1
		}
	}
	for _, b := range g {
		for _, c := range s.m.adj[b] {
			if o := s.owner[c]; o >= 0 && s.m.competes(e, o) {
				return o
			}
		}
	}
	if !s.compatible(e, g) {
		return -2
	}
	return -3
}

func (s *state) explain(e int, want string, total, taken, pavFar int, comp map[int]int) string {
	m := s.m
	if taken == total {
		return fmt.Sprintf("all %d groups of %s that fit are taken", total, want)
	}
	var parts []string
	ids := make([]int, 0, len(comp))
	for c := range comp {
		ids = append(ids, c)
	}
	sort.Slice(ids, func(i, j int) bool {
		return comp[ids[i]] > comp[ids[j]] || (comp[ids[i]] == comp[ids[j]] && ids[i] < ids[j])
	})
	for _, c := range ids {
		parts = append(parts, fmt.Sprintf("%d next to competitor %s", comp[c], m.ex[c].id))
	}
	if pavFar > 0 {
		parts = append(parts, fmt.Sprintf("%d away from the other members of pavilion %s", pavFar, m.pavs[m.ex[e].pav].name))
	}
	free := total - taken
	if len(parts) == 0 {
		return fmt.Sprintf("%d free groups of %s remain but were given up for higher-ranked placements", free, want)
	}
	return fmt.Sprintf("%d groups of %s fit: %d taken, %s", total, want, taken, strings.Join(parts, ", "))
}

// staticReason explains the causes that do not depend on the others.
func (m *model) staticReason(e int, want string) string {
	x := &m.ex[e]
	var ofType, usable int
	for _, b := range m.typeBooths(x.typ) {
		ofType++
		if m.usable(e, b) {
			usable++
		}
	}
	zone := ""
	if x.prefZone != "" {
		zone = " (preferred zone " + x.prefZone + ")"
	}
	switch {
	case ofType == 0:
		return fmt.Sprintf("the venue has no %s booth", x.typ)
	case usable == 0:
		return fmt.Sprintf("none of the %d %s booths is free and open to sector %q", ofType, x.typ, x.sector)
	}
	found := false
	m2 := newEnumerator(m)
	m2.groups(m.typeBooths(x.typ), false, func(b int32) bool { return m.usable(e, b) },
		x.area, x.area*m.tol, m.maxSize(e), func([]int32, float64) bool {
			found = true
			return false
		})
	if !found {
		return fmt.Sprintf("no connected group of free %s (at most %s m², %d booths) exists in zones open to sector %q%s",
			want, fmtArea(x.area*m.tol), m.maxBooths, x.sector, zone)
	}
	return ""
}

func fmtArea(a float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", a), "0"), ".")
}
