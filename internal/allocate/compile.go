package allocate

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// ProblemError lists every entry of a problem that is malformed or makes it
// infeasible by construction, so that one run of the CLI shows them all.
type ProblemError struct {
	Issues []string
}

func (e *ProblemError) Error() string {
	const show = 20
	var b strings.Builder
	fmt.Fprintf(&b, "invalid problem (%d issue(s)):", len(e.Issues))
	for i, s := range e.Issues {
		if i == show {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.Issues)-show)
			break
		}
		b.WriteString("\n  - ")
		b.WriteString(s)
	}
	return b.String()
}

// maxCoord bounds coordinates and sizes (metres) so that areas stay finite.
const maxCoord = 1e6

// eps is the geometric tolerance in metres.
const eps = 1e-6

// model is a validated problem with indexes: booths and exhibitors by
// position, adjacency lists, zone rules and locks.
type model struct {
	booths    []Booth
	boothIdx  map[string]int32
	adj       [][]int32
	edges     [][2]int32
	near      [][]int32 // pavilion neighbours: adjacent or across an aisle
	nearEdges [][2]int32
	gap       float64
	ex        []exInfo
	exIdx     map[string]int
	zoneRule  map[string]map[string]bool
	lockOf    []int // booth → locked exhibitor, -1
	lockGroup [][]int32
	pavs      []pavInfo
	tol       float64
	maxBooths int
	minArea   map[string]float64 // smallest booth area per type
	byType    map[string][]int32
}

type exInfo struct {
	id       string
	approved bool
	status   string
	prio     int
	sector   string
	typ      string
	area     float64
	pref     []int32
	prefZone string
	pav      int // index in model.pavs, -1
	comp     []int
}

type pavInfo struct {
	name    string
	members []int
}

type compiler struct {
	m      *model
	issues []string
}

func (c *compiler) addf(format string, args ...any) {
	c.issues = append(c.issues, fmt.Sprintf(format, args...))
}

// compile validates p and builds the model; the error is a *ProblemError.
func compile(p Problem) (*model, error) {
	c := &compiler{m: &model{}}
	c.settings(p.Settings)
	halls := c.halls(p.Halls)
	c.boothList(p.Booths, halls)
	boothsOK := len(c.issues) == 0
	c.exhibitors(p.Exhibitors)
	c.holders()
	c.zoneRules(p.ZoneRules)
	// Geometry needs sound rectangles; the other checks run anyway so
	// that one run reports every issue.
	if boothsOK {
		c.geometry(p.Adjacency)
	}
	c.locks(p.Locks)
	if len(c.issues) > 0 {
		return nil, &ProblemError{Issues: c.issues}
	}
	return c.m, nil
}

func (c *compiler) settings(s Settings) {
	m := c.m
	m.tol, m.maxBooths = s.AreaTolerance, s.MaxBooths
	if m.tol == 0 {
		m.tol = DefaultAreaTolerance
	}
	if m.maxBooths == 0 {
		m.maxBooths = DefaultMaxBooths
	}
	m.gap = s.PavilionGap
	if m.gap == 0 {
		m.gap = DefaultPavilionGap
	}
	if m.gap < 0 || m.gap > 50 {
		c.addf("options.pavilion_gap %v: must be between 0 and 50 metres", s.PavilionGap)
	}
	if m.tol < 1 || m.tol > 10 {
		c.addf("options.area_tolerance %v: must be between 1 and 10", s.AreaTolerance)
	}
	if m.maxBooths < 1 || m.maxBooths > 12 {
		c.addf("options.max_booths %d: must be between 1 and 12", s.MaxBooths)
	}
	if s.TimeLimitMS < 0 {
		c.addf("options.time_limit_ms %d: must not be negative", s.TimeLimitMS)
	}
}

func (c *compiler) halls(hs []Hall) map[string]bool {
	seen := map[string]bool{}
	for i, h := range hs {
		switch {
		case h.ID == "":
			c.addf("halls[%d]: empty id", i)
		case seen[h.ID]:
			c.addf("halls[%d]: duplicate hall id %q", i, h.ID)
		}
		seen[h.ID] = true
	}
	return seen
}

func validType(t string) bool {
	return t == TypeShell || t == TypeRaw || t == TypeCorner || t == TypeIsland
}

func (c *compiler) boothList(bs []Booth, halls map[string]bool) {
	m := c.m
	m.boothIdx = make(map[string]int32, len(bs))
	m.minArea = map[string]float64{}
	for i, b := range bs {
		name := fmt.Sprintf("booth %q", b.Code)
		if b.Code == "" {
			name = fmt.Sprintf("booths[%d]", i)
			c.addf("%s: empty code", name)
		} else if _, dup := m.boothIdx[b.Code]; dup {
			c.addf("%s: duplicate booth code", name)
		}
		if !halls[b.Hall] {
			c.addf("%s: unknown hall %q", name, b.Hall)
		}
		if b.W <= 0 || b.H <= 0 || b.W > maxCoord || b.H > maxCoord ||
			math.Abs(b.X) > maxCoord || math.Abs(b.Y) > maxCoord {
			c.addf("%s: rectangle x=%v y=%v w=%v h=%v must have 0 < w,h ≤ %g and |x|,|y| ≤ %g",
				name, b.X, b.Y, b.W, b.H, maxCoord, maxCoord)
		}
		if !validType(b.Type) {
			c.addf("%s: type %q must be shell, raw, corner or island", name, b.Type)
		}
		if b.Status == "" {
			b.Status = StatusFree
		}
		switch b.Status {
		case StatusFree, StatusHeld, StatusSold, StatusBlocked:
		default:
			c.addf("%s: status %q must be free, held, sold or blocked", name, b.Status)
		}
		if b.Area == 0 {
			b.Area = b.W * b.H
		}
		if b.Area <= 0 || b.Area > maxCoord*maxCoord {
			c.addf("%s: area %v must be positive", name, b.Area)
		}
		if b.Price < 0 {
			c.addf("%s: negative price %d", name, b.Price)
		}
		m.boothIdx[b.Code] = int32(i)
		m.booths = append(m.booths, b)
		if a, ok := m.minArea[b.Type]; !ok || b.Area < a {
			m.minArea[b.Type] = b.Area
		}
	}
}

func (c *compiler) exhibitors(es []Exhibitor) {
	m := c.m
	m.exIdx = make(map[string]int, len(es))
	for i, e := range es {
		if e.ID == "" {
			c.addf("exhibitors[%d]: empty id", i)
		} else if _, dup := m.exIdx[e.ID]; dup {
			c.addf("exhibitor %q: duplicate id", e.ID)
		}
		m.exIdx[e.ID] = i
	}
	pavIdx := map[string]int{}
	for i, e := range es {
		m.ex = append(m.ex, c.exhibitor(i, e, pavIdx))
	}
}

func (c *compiler) exhibitor(i int, e Exhibitor, pavIdx map[string]int) exInfo {
	m := c.m
	name := fmt.Sprintf("exhibitor %q", e.ID)
	x := exInfo{id: e.ID, prio: e.Priority, sector: e.Sector, typ: e.Type,
		area: e.Area, prefZone: e.PreferredZone, pav: -1}
	x.status = e.Status
	switch e.Status {
	case "", ExhibitorApproved:
		x.approved, x.status = true, ExhibitorApproved
	case ExhibitorPending, ExhibitorRejected:
	default:
		c.addf("%s: status %q must be approved, pending or rejected", name, e.Status)
	}
	if x.prio == 0 {
		x.prio = 1
	}
	if x.prio < 0 || x.prio > 1000 {
		c.addf("%s: priority %d must be between 1 and 1000", name, e.Priority)
	}
	if !validType(e.Type) {
		c.addf("%s: requested type %q must be shell, raw, corner or island", name, e.Type)
	}
	if e.Area <= 0 || e.Area > maxCoord*maxCoord {
		c.addf("%s: requested area %v must be positive", name, e.Area)
	}
	if len(e.Preferred) > maxPreferred {
		c.addf("%s: %d preferred booths, at most %d", name, len(e.Preferred), maxPreferred)
	}
	seen := map[string]bool{}
	for _, code := range e.Preferred {
		b, ok := m.boothIdx[code]
		switch {
		case !ok:
			c.addf("%s: preferred booth %q does not exist", name, code)
		case seen[code]:
			c.addf("%s: preferred booth %q listed twice", name, code)
		default:
			x.pref = append(x.pref, b)
		}
		seen[code] = true
	}
	for _, id := range e.Competitors {
		j, ok := m.exIdx[id]
		switch {
		case !ok:
			c.addf("%s: competitor %q is not an exhibitor", name, id)
		case j == i:
			c.addf("%s: lists itself as a competitor", name)
		default:
			x.comp = append(x.comp, j)
		}
	}
	if e.Pavilion != "" {
		key := strings.ToLower(e.Pavilion) // "Korea" and "korea" are one pavilion
		k, ok := pavIdx[key]
		if !ok {
			k = len(m.pavs)
			pavIdx[key] = k
			m.pavs = append(m.pavs, pavInfo{name: e.Pavilion})
		}
		m.pavs[k].members = append(m.pavs[k].members, i)
		x.pav = k
	}
	return x
}

// holders checks the holders of held and sold booths, and makes the
// competitor relation symmetric: declaring it on one side is enough.
func (c *compiler) holders() {
	m := c.m
	for _, b := range m.booths {
		if b.Holder == "" {
			continue
		}
		if _, ok := m.exIdx[b.Holder]; !ok {
			c.addf("booth %q: holder %q is not an exhibitor", b.Code, b.Holder)
		}
	}
	for i := range m.ex {
		for _, j := range m.ex[i].comp {
			if !containsInt(m.ex[j].comp, i) {
				m.ex[j].comp = append(m.ex[j].comp, i)
			}
		}
	}
	for i := range m.ex {
		sort.Ints(m.ex[i].comp)
		m.ex[i].comp = uniqInts(m.ex[i].comp)
	}
}

func (c *compiler) zoneRules(rs []ZoneRule) {
	m := c.m
	m.zoneRule = map[string]map[string]bool{}
	for i, r := range rs {
		if r.Zone == "" {
			c.addf("zone_rules[%d]: empty zone", i)
			continue
		}
		if _, dup := m.zoneRule[r.Zone]; dup {
			c.addf("zone_rules[%d]: zone %q has two rules", i, r.Zone)
		}
		if len(r.Sectors) == 0 {
			c.addf("zone_rules[%d]: zone %q lists no sector", i, r.Zone)
		}
		set := map[string]bool{}
		for _, s := range r.Sectors {
			set[s] = true
		}
		m.zoneRule[r.Zone] = set
	}
}

func containsInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

func uniqInts(xs []int) []int {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
