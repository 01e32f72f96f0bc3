package allocate

import (
	"fmt"
	"math"
	"sort"
)

// geometry finds overlapping booths (an error), adjacent booths and near
// booths. Two booths of one hall are adjacent when their rectangles share
// an edge segment of positive length; the file may add adjacent pairs
// explicitly (across an aisle bridge, say). Near booths, for pavilions, are
// adjacent ones and those of one hall at most pavilion_gap metres apart
// (across an aisle). A sweep along x keeps this near-linear for rows of
// booths: only booths whose x-ranges come that close are compared.
func (c *compiler) geometry(extra [][2]string) {
	m := c.m
	n := len(m.booths)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := m.booths[order[i]], m.booths[order[j]]
		if a.Hall != b.Hall {
			return a.Hall < b.Hall
		}
		return a.X < b.X
	})
	sets := make([]map[int32]bool, n)
	nearSets := make([]map[int32]bool, n)
	link := func(sets []map[int32]bool, a, b int32) {
		if sets[a] == nil {
			sets[a] = map[int32]bool{}
		}
		if sets[b] == nil {
			sets[b] = map[int32]bool{}
		}
		sets[a][b], sets[b][a] = true, true
	}
	overlaps := 0
	for i, bi := range order {
		a := m.booths[bi]
		for _, bj := range order[i+1:] {
			b := m.booths[bj]
			if b.Hall != a.Hall || b.X > a.X+a.W+m.gap+eps {
				break
			}
			switch relate(a, b) {
			case touching:
				link(sets, bi, bj)
				link(nearSets, bi, bj)
			case apart:
				if distance(a, b) <= m.gap+eps {
					link(nearSets, bi, bj)
				}
			case overlapping:
				overlaps++
				if overlaps <= 50 {
					c.addf("booths %q and %q overlap", a.Code, b.Code)
				}
			}
		}
	}
	for i, pair := range extra {
		a, okA := m.boothIdx[pair[0]]
		b, okB := m.boothIdx[pair[1]]
		switch {
		case !okA || !okB:
			c.addf("adjacency[%d]: unknown booth in pair %q–%q", i, pair[0], pair[1])
		case a == b:
			c.addf("adjacency[%d]: booth %q paired with itself", i, pair[0])
		default:
			link(sets, a, b)
			link(nearSets, a, b)
		}
	}
	m.adj, m.edges = lists(sets)
	m.near, m.nearEdges = lists(nearSets)
}

// lists turns neighbour sets into sorted lists and a sorted edge list.
func lists(sets []map[int32]bool) ([][]int32, [][2]int32) {
	adj := make([][]int32, len(sets))
	var edges [][2]int32
	for a, set := range sets {
		for b := range set {
			adj[a] = append(adj[a], b)
			if int32(a) < b {
				edges = append(edges, [2]int32{int32(a), b})
			}
		}
		sort.Slice(adj[a], func(i, j int) bool { return adj[a][i] < adj[a][j] })
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i][0] != edges[j][0] {
			return edges[i][0] < edges[j][0]
		}
		return edges[i][1] < edges[j][1]
	})
	return adj, edges
}

// distance is the gap in metres between two rectangles (0 if they touch).
func distance(a, b Booth) float64 {
	dx := max(0, a.X-(b.X+b.W), b.X-(a.X+a.W))
	dy := max(0, a.Y-(b.Y+b.H), b.Y-(a.Y+a.H))
	return math.Hypot(dx, dy)
}

type relation int

const (
	apart relation = iota
	touching
	overlapping
)

func relate(a, b Booth) relation {
	ox := overlap1(a.X, a.X+a.W, b.X, b.X+b.W)
	oy := overlap1(a.Y, a.Y+a.H, b.Y, b.Y+b.H)
	switch {
	case ox > eps && oy > eps:
		return overlapping
	case ox > eps && (near(a.Y+a.H, b.Y) || near(b.Y+b.H, a.Y)):
		return touching
	case oy > eps && (near(a.X+a.W, b.X) || near(b.X+b.W, a.X)):
		return touching
	}
	return apart
}

func overlap1(a0, a1, b0, b1 float64) float64 {
	return min(a1, b1) - max(a0, b0)
}

func near(a, b float64) bool { return a-b < eps && b-a < eps }

// locks checks that every lock is possible: known exhibitor and booths, no
// booth locked twice, nothing blocked or reserved for someone else, zone
// rules kept and no two locked competitors side by side.
func (c *compiler) locks(ls []Lock) {
	m := c.m
	m.lockOf = make([]int, len(m.booths))
	for i := range m.lockOf {
		m.lockOf[i] = -1
	}
	m.lockGroup = make([][]int32, len(m.ex))
	for i, l := range ls {
		e, ok := m.exIdx[l.Exhibitor]
		if !ok {
			c.addf("locks[%d]: exhibitor %q does not exist", i, l.Exhibitor)
			continue
		}
		if m.lockGroup[e] != nil {
			c.addf("locks[%d]: exhibitor %q is locked twice", i, l.Exhibitor)
			continue
		}
		if len(l.Booths) == 0 {
			c.addf("locks[%d]: exhibitor %q locked to no booth", i, l.Exhibitor)
			continue
		}
		group := make([]int32, 0, len(l.Booths))
		for _, code := range l.Booths {
			if b, ok := c.lockBooth(i, e, code); ok {
				group = append(group, b)
			}
		}
		m.lockGroup[e] = group
	}
	c.lockedCompetitors()
}

func (c *compiler) lockBooth(i, e int, code string) (int32, bool) {
	m := c.m
	who := m.ex[e].id
	b, ok := m.boothIdx[code]
	if !ok {
		c.addf("locks[%d]: booth %q (for %q) does not exist", i, code, who)
		return 0, false
	}
	bt := m.booths[b]
	switch {
	case m.lockOf[b] == e:
		c.addf("locks[%d]: booth %q listed twice for %q", i, code, who)
		return 0, false
	case m.lockOf[b] >= 0:
		c.addf("locks[%d]: booth %q is locked to both %q and %q", i, code, m.ex[m.lockOf[b]].id, who)
		return 0, false
	case bt.Status == StatusBlocked:
		c.addf("locks[%d]: booth %q (for %q) is blocked", i, code, who)
	case bt.Status != StatusFree && bt.Holder != who:
		c.addf("locks[%d]: booth %q is %s for %q, not for %q", i, code, bt.Status, bt.Holder, who)
	case !m.zoneAllows(bt.Zone, m.ex[e].sector):
		c.addf("locks[%d]: booth %q is in zone %q, closed to sector %q of %q", i, code, bt.Zone, m.ex[e].sector, who)
	}
	m.lockOf[b] = e
	return b, true
}

func (c *compiler) lockedCompetitors() {
	m := c.m
	for _, ed := range m.edges {
		a, b := m.lockOf[ed[0]], m.lockOf[ed[1]]
		if a >= 0 && b >= 0 && a != b && containsInt(m.ex[a].comp, b) {
			c.addf("locks: competitors %q (booth %q) and %q (booth %q) are locked side by side",
				m.ex[a].id, m.booths[ed[0]].Code, m.ex[b].id, m.booths[ed[1]].Code)
		}
	}
}

// zoneAllows reports whether a zone is open to a sector.
func (m *model) zoneAllows(zone, sector string) bool {
	set, ok := m.zoneRule[zone]
	return !ok || set[sector]
}

// usable reports whether booth b may ever be given to exhibitor e, whatever
// the others get: type, status, holder and zone rule.
func (m *model) usable(e int, b int32) bool {
	bt := &m.booths[b]
	x := &m.ex[e]
	if bt.Type != x.typ || !m.zoneAllows(bt.Zone, x.sector) {
		return false
	}
	switch bt.Status {
	case StatusFree:
		return true
	case StatusHeld, StatusSold:
		return bt.Holder == x.id
	}
	return false
}

// fits reports whether a total area fits exhibitor e's request.
func (m *model) fits(e int, area float64) bool {
	want := m.ex[e].area
	return area >= want-eps && area <= want*m.tol+eps
}

// maxSize is the largest number of booths a fitting group for e can have.
func (m *model) maxSize(e int) int {
	a, ok := m.minArea[m.ex[e].typ]
	if !ok {
		return 0
	}
	k := (m.ex[e].area*m.tol + eps) / a
	if k >= float64(m.maxBooths) {
		return m.maxBooths
	}
	return int(k)
}

func (m *model) describeBooths(g []int32) string {
	codes := make([]string, len(g))
	for i, b := range g {
		codes[i] = m.booths[b].Code
	}
	return fmt.Sprintf("%v", codes)
}
