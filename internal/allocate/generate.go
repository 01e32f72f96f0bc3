package allocate

import (
	"fmt"
	"math/rand/v2"
)

// GenConfig shapes a generated fair. Each hall has double rows of 3×3 m
// shell booths (back to back, cut by cross aisles into blocks, with a
// corner booth at each block end), double rows of 4×3 m raw-space booths,
// and 12×12 m islands of four 6×6 m booths.
type GenConfig struct {
	Halls           int
	ShellDoubleRows int // per hall
	BlocksPerRow    int
	BoothsPerBlock  int
	RawDoubleRows   int
	RawPerRow       int
	IslandBlocks    int // per hall, 4 booths each
	Exhibitors      int
	Locks           int
	Pavilions       int // how many of korea, japan, germany, startup (0: all)
}

// FairConfig is the fair: 4 halls × 500 booths, 500 exhibitors.
func FairConfig() GenConfig {
	return GenConfig{Halls: 4, ShellDoubleRows: 6, BlocksPerRow: 2, BoothsPerBlock: 14,
		RawDoubleRows: 2, RawPerRow: 21, IslandBlocks: 20, Exhibitors: 500, Locks: 10}
}

// SmallConfig is a one-hall fair small enough for an exact MIP solver.
func SmallConfig(exhibitors int) GenConfig {
	return GenConfig{Halls: 1, ShellDoubleRows: 2, BlocksPerRow: 2, BoothsPerBlock: 5,
		RawDoubleRows: 1, RawPerRow: 5, IslandBlocks: 2, Exhibitors: exhibitors, Locks: 1, Pavilions: 1}
}

var genSectors = []string{"robotics", "logistics", "automation", "iot", "ai", "energy", "materials", "semiconductors"}

var genPavilions = []struct {
	name  string
	share float64
}{{"korea", 0.08}, {"japan", 0.03}, {"germany", 0.02}, {"startup", 0.04}}

type generator struct {
	cfg    GenConfig
	rng    *rand.Rand
	p      Problem
	zoneOf map[string]string // zone → its sector
}

// Generate builds a realistic problem, the same for the same seed.
func Generate(seed int64, cfg GenConfig) Problem {
	g := &generator{cfg: cfg, rng: rand.New(rand.NewPCG(uint64(seed), 4)), zoneOf: map[string]string{}}
	for h := 0; h < cfg.Halls; h++ {
		g.hall(h)
	}
	g.statuses()
	g.exhibitors()
	g.locks()
	return g.p
}

func hallLetter(h int) string { return string(rune('A' + h)) }

func (g *generator) hall(h int) {
	L := hallLetter(h)
	g.p.Halls = append(g.p.Halls, Hall{ID: L, Name: "Hall " + L})
	y := 0.0
	row := 0
	for dr := 0; dr < g.cfg.ShellDoubleRows; dr++ {
		zone := fmt.Sprintf("%s%d", L, dr/2+1)
		g.shellDoubleRow(L, zone, y, &row)
		y += 9 // two 3 m rows and a 3 m aisle
	}
	for dr := 0; dr < g.cfg.RawDoubleRows; dr++ {
		for side := 0; side < 2; side++ {
			row++
			for i := 0; i < g.cfg.RawPerRow; i++ {
				g.booth(L, fmt.Sprintf("%s-%d%02d", L, row, i+1), TypeRaw, L+"R",
					float64(4*i), y+float64(3*side), 4, 3, 2_500_000)
			}
		}
		y += 9
	}
	for k := 0; k < g.cfg.IslandBlocks; k++ {
		bx, by := float64(15*(k%5)), y+float64(15*(k/5))
		for q := 0; q < 4; q++ {
			g.booth(L, fmt.Sprintf("%s-I%02d", L, 4*k+q+1), TypeIsland, L+"I",
				bx+float64(6*(q%2)), by+float64(6*(q/2)), 6, 6, 3_500_000)
		}
	}
	for _, z := range []string{L + "1", L + "2", L + "3", L + "R", L + "I"} {
		g.zoneOf[z] = genSectors[g.rng.IntN(len(genSectors))]
	}
}

func (g *generator) shellDoubleRow(L, zone string, y float64, row *int) {
	n := g.cfg.BoothsPerBlock
	for side := 0; side < 2; side++ {
		*row++
		for blk := 0; blk < g.cfg.BlocksPerRow; blk++ {
			for i := 0; i < n; i++ {
				typ, price := TypeShell, int64(3_000_000)
				if i == 0 || i == n-1 {
					typ, price = TypeCorner, 3_450_000
				}
				x := float64(blk*(3*n+3) + 3*i) // 3 m cross aisle between blocks
				k := blk*n + i + 1
				g.booth(L, fmt.Sprintf("%s-%d%02d", L, *row, k), typ, zone, x, y+float64(3*side), 3, 3, price)
			}
		}
	}
}

func (g *generator) booth(hall, code, typ, zone string, x, y, w, h float64, perM2 int64) {
	g.p.Booths = append(g.p.Booths, Booth{Code: code, Hall: hall, X: x, Y: y, W: w, H: h,
		Type: typ, Zone: zone, Price: perM2 * int64(w*h), Status: StatusFree})
}

// statuses blocks a few booths (pillars, fire exits) and sets zone rules:
// zone 2 of every hall is reserved for its sector.
func (g *generator) statuses() {
	for i := range g.p.Booths {
		if g.rng.Float64() < 0.02 {
			g.p.Booths[i].Status = StatusBlocked
		}
	}
	for h := 0; h < g.cfg.Halls; h++ {
		z := hallLetter(h) + "2"
		if g.cfg.ShellDoubleRows > 2 {
			g.p.ZoneRules = append(g.p.ZoneRules, ZoneRule{Zone: z, Sectors: []string{g.zoneOf[z]}})
		}
	}
}

// request draws a booth type and an area: mostly shell booths of 1–4
// modules, some corners, raw space and islands.
func (g *generator) request() (string, float64) {
	r := g.rng.Float64()
	pick := func(areas ...float64) float64 { return areas[g.rng.IntN(len(areas))] }
	switch {
	case r < 0.68:
		return TypeShell, pick(9, 18, 18, 27, 27, 36, 36)
	case r < 0.86:
		return TypeCorner, pick(9, 9, 9, 18)
	case r < 0.94:
		return TypeRaw, pick(24, 36, 48)
	}
	return TypeIsland, pick(36, 72, 144)
}

func (g *generator) exhibitors() {
	n := g.cfg.Exhibitors
	for i := 0; i < n; i++ {
		e := Exhibitor{ID: fmt.Sprintf("ex%03d", i+1), Name: fmt.Sprintf("Exhibitor %d", i+1),
			Sector: genSectors[g.rng.IntN(len(genSectors))], Priority: 1}
		e.Type, e.Area = g.request()
		switch r := g.rng.Float64(); {
		case r < 0.03:
			e.Status = ExhibitorPending
		case r < 0.08:
			e.Priority = 2 // sponsors
		}
		g.p.Exhibitors = append(g.p.Exhibitors, e)
	}
	g.pavilions()
	for i := range g.p.Exhibitors {
		g.preferences(&g.p.Exhibitors[i])
	}
	g.competitors()
}

// pavilions enrol members; each pavilion asks for shell booths (and some
// corners, which link blocks across cross aisles) and favours one zone, so
// that it stands as a block.
func (g *generator) pavilions() {
	next := 0
	for k, pv := range genPavilions {
		if g.cfg.Pavilions > 0 && k >= g.cfg.Pavilions {
			break
		}
		count := max(2, int(pv.share*float64(g.cfg.Exhibitors)))
		zone := fmt.Sprintf("%s%d", hallLetter(k%g.cfg.Halls), 1+2*(k/g.cfg.Halls)%3)
		for j := 0; j < count && next < len(g.p.Exhibitors); j++ {
			e := &g.p.Exhibitors[next]
			next++
			e.Pavilion, e.PreferredZone = pv.name, zone
			e.Type, e.Area, e.Status = TypeShell, float64(9*(1+g.rng.IntN(2))), ""
			if g.rng.Float64() < 0.2 {
				e.Type, e.Area = TypeCorner, 9
			}
		}
	}
}

// preferences give most exhibitors up to three preferred booths of their
// type, drawn half the time from the popular first fifth of the booths,
// and some others a preferred zone.
func (g *generator) preferences(e *Exhibitor) {
	if e.Pavilion != "" {
		return
	}
	var fitting []int
	for i, b := range g.p.Booths {
		rule, ruled := g.zoneOf[b.Zone], g.ruled(b.Zone)
		if b.Type == e.Type && (!ruled || rule == e.Sector) {
			fitting = append(fitting, i)
		}
	}
	if len(fitting) == 0 {
		return
	}
	switch r := g.rng.Float64(); {
	case r < 0.7:
		for k := 1 + g.rng.IntN(3); k > 0; k-- {
			pool := fitting
			if g.rng.Float64() < 0.5 {
				pool = fitting[:max(1, len(fitting)/5)]
			}
			code := g.p.Booths[pool[g.rng.IntN(len(pool))]].Code
			if !containsStr(e.Preferred, code) {
				e.Preferred = append(e.Preferred, code)
			}
		}
	case r < 0.9:
		e.PreferredZone = g.p.Booths[fitting[g.rng.IntN(len(fitting))]].Zone
	}
}

func (g *generator) ruled(zone string) bool {
	for _, r := range g.p.ZoneRules {
		if r.Zone == zone {
			return true
		}
	}
	return false
}

func (g *generator) competitors() {
	ex := g.p.Exhibitors
	for i := range ex {
		k := 0
		if r := g.rng.Float64(); r < 0.1 {
			k = 2
		} else if r < 0.35 {
			k = 1
		}
		for ; k > 0; k-- {
			j := g.rng.IntN(len(ex))
			if j == i || ex[j].Sector != ex[i].Sector || (ex[i].Pavilion != "" && ex[i].Pavilion == ex[j].Pavilion) ||
				containsStr(ex[i].Competitors, ex[j].ID) {
				continue
			}
			ex[i].Competitors = append(ex[i].Competitors, ex[j].ID)
		}
	}
}

// locks sell a few single booths in advance: the booth becomes sold to the
// exhibitor and is locked to it. Locked booths are never adjacent, so two
// locked competitors can never clash.
func (g *generator) locks() {
	taken := 0
	for i := range g.p.Exhibitors {
		e := &g.p.Exhibitors[i]
		if taken == g.cfg.Locks {
			return
		}
		if e.Pavilion != "" || e.Status != "" || e.Type != TypeShell || e.Area != 9 {
			continue
		}
		if b := g.lockableBooth(e); b >= 0 {
			g.p.Booths[b].Status, g.p.Booths[b].Holder = StatusSold, e.ID
			g.p.Locks = append(g.p.Locks, Lock{Exhibitor: e.ID, Booths: []string{g.p.Booths[b].Code}})
			taken++
		}
	}
}

func (g *generator) lockableBooth(e *Exhibitor) int {
	for tries := 0; tries < 50; tries++ {
		b := g.rng.IntN(len(g.p.Booths))
		bt := g.p.Booths[b]
		if bt.Type != TypeShell || bt.Status != StatusFree || (g.ruled(bt.Zone) && g.zoneOf[bt.Zone] != e.Sector) {
			continue
		}
		clash := false
		for _, o := range g.p.Booths {
			if o.Status == StatusSold && o.Hall == bt.Hall && relate(o, bt) != apart {
				clash = true
			}
		}
		if !clash {
			return b
		}
	}
	return -1
}

func containsStr(xs []string, v string) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
