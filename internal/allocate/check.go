package allocate

import (
	"errors"
	"fmt"
)

// Check verifies every hard constraint of an allocation against its
// problem, and that the reported objective is the true one. It returns
// nil or an error listing the violations.
func Check(p Problem, a Allocation) error {
	m, err := compile(p)
	if err != nil {
		return err
	}
	c := &checker{m: m, s: newState(m, 0), seen: map[string]bool{}}
	for i, pl := range a.Placements {
		c.placement(i, pl)
	}
	for _, u := range a.Unplaced {
		c.listed(u.Exhibitor, "unplaced")
	}
	for e := range m.ex {
		if !c.seen[m.ex[e].id] {
			c.addf("exhibitor %q is neither placed nor listed as unplaced", m.ex[e].id)
		}
		if m.lockGroup[e] != nil && !sameSet(c.s.group[e], m.lockGroup[e]) {
			c.addf("exhibitor %q is locked to %s but got %s", m.ex[e].id,
				m.describeBooths(m.lockGroup[e]), m.describeBooths(c.s.group[e]))
		}
	}
	c.neighbours()
	c.objective(a.Objective)
	return errors.Join(c.errs...)
}

type checker struct {
	m    *model
	s    *state
	seen map[string]bool
	errs []error
}

func (c *checker) addf(format string, args ...any) {
	if len(c.errs) < 50 {
		c.errs = append(c.errs, fmt.Errorf(format, args...))
	}
}

func (c *checker) listed(id, where string) bool {
	if _, ok := c.m.exIdx[id]; !ok {
		c.addf("%s exhibitor %q does not exist", where, id)
		return false
	}
	if c.seen[id] {
		c.addf("exhibitor %q is listed twice", id)
		return false
	}
	c.seen[id] = true
	return true
}

func (c *checker) placement(i int, pl Placement) {
	m := c.m
	if !c.listed(pl.Exhibitor, "placed") {
		return
	}
	e := m.exIdx[pl.Exhibitor]
	var g []int32
	for _, code := range pl.Booths {
		b, ok := m.boothIdx[code]
		switch {
		case !ok:
			c.addf("placements[%d]: booth %q does not exist", i, code)
			return
		case c.s.owner[b] >= 0 || containsB(g, b):
			c.addf("booth %q is given twice", code)
			return
		}
		g = append(g, b)
	}
	if len(g) == 0 {
		c.addf("placements[%d]: exhibitor %q placed on no booth", i, pl.Exhibitor)
		return
	}
	if m.lockGroup[e] == nil {
		c.fit(e, g)
	}
	c.s.assign(e, g)
}

// fit checks the rules for an unlocked exhibitor's group.
func (c *checker) fit(e int, g []int32) {
	m := c.m
	id := m.ex[e].id
	if !m.ex[e].approved {
		c.addf("exhibitor %q is placed but not approved", id)
	}
	area := 0.0
	for _, b := range g {
		area += m.booths[b].Area
		if !m.usable(e, b) {
			bt := m.booths[b]
			c.addf("exhibitor %q (%s, sector %q) may not have booth %q (%s, %s, zone %q)",
				id, m.ex[e].typ, m.ex[e].sector, bt.Code, bt.Type, bt.Status, bt.Zone)
		}
	}
	if !m.fits(e, area) {
		c.addf("exhibitor %q asked %s m² and got %s m²", id, fmtArea(m.ex[e].area), fmtArea(area))
	}
	if len(g) > m.maxBooths {
		c.addf("exhibitor %q got %d booths, more than max_booths %d", id, len(g), m.maxBooths)
	}
	if !m.connected(g) {
		c.addf("exhibitor %q got booths %s that are not one connected group", id, m.describeBooths(g))
	}
}

func (c *checker) neighbours() {
	m, s := c.m, c.s
	for _, ed := range m.edges {
		a, b := s.owner[ed[0]], s.owner[ed[1]]
		if a >= 0 && b >= 0 && a != b && m.competes(a, b) {
			c.addf("competitors %q (booth %q) and %q (booth %q) stand side by side",
				m.ex[a].id, m.booths[ed[0]].Code, m.ex[b].id, m.booths[ed[1]].Code)
		}
	}
	for p := range m.pavs {
		if s.placedPav[p] < 2 {
			continue
		}
		for _, e := range m.pavs[p].members {
			if s.group[e] != nil && !s.touchesPav(e) {
				c.addf("exhibitor %q is near no other member of pavilion %q", m.ex[e].id, m.pavs[p].name)
			}
		}
	}
}

func (c *checker) objective(got Objective) {
	want := c.s.obj
	want.Scalar = c.m.scalar(want)
	if got.Placed != want.Placed || got.PlacedPriority != want.PlacedPriority ||
		got.PreferencePoints != want.PreferencePoints || got.PavilionEdges != want.PavilionEdges ||
		got.Scalar != want.Scalar {
		c.addf("objective reported placed=%d priority=%d preference=%d pavilion_edges=%d scalar=%d, actual %d/%d/%d/%d/%d",
			got.Placed, got.PlacedPriority, got.PreferencePoints, got.PavilionEdges, got.Scalar,
			want.Placed, want.PlacedPriority, want.PreferencePoints, want.PavilionEdges, want.Scalar)
	}
}

// connected reports whether g is one connected group of booths.
func (m *model) connected(g []int32) bool {
	if len(g) == 0 {
		return false
	}
	seen := map[int32]bool{g[0]: true}
	stack := []int32{g[0]}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, n := range m.adj[b] {
			if !seen[n] && containsB(g, n) {
				seen[n] = true
				stack = append(stack, n)
			}
		}
	}
	return len(seen) == len(g)
}

func containsB(g []int32, b int32) bool {
	for _, x := range g {
		if x == b {
			return true
		}
	}
	return false
}

func sameSet(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !containsB(b, x) {
			return false
		}
	}
	return true
}
