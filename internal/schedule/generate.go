package schedule

import (
	"fmt"
	"math/rand/v2"
)

// GenConfig describes a random trade-fair matchmaking problem. The first
// Exhibitors participants are exhibitors, each with a booth of its own.
type GenConfig struct {
	Participants    int
	Exhibitors      int
	Meetings        int
	Days            int
	SessionsPerDay  int
	SlotsPerSession int
	Tables          int
	HallCapacity    int     // > 0 adds one "hall" location holding that many meetings
	BoothShare      float64 // share of meetings held at an exhibitor's booth
	GroupShare      float64 // share of meetings with three participants
	AwayShare       float64 // chance a participant misses a whole session
	SlotsShare      float64 // share of meetings restricted to one day
	FixedShare      float64 // share of meetings fixed in advance
	MaxWeight       int
	Objective       string
}

// ScaleConfig is the large instance of the benchmarks: 2,000 participants
// (500 exhibitors), 20,000 accepted requests, 3 days of 2 sessions of 8
// slots, 200 tables and 500 booths. Table meetings outnumber table slots,
// so the weight objective matters.
func ScaleConfig() GenConfig {
	return GenConfig{
		Participants: 2000, Exhibitors: 500, Meetings: 20000,
		Days: 3, SessionsPerDay: 2, SlotsPerSession: 8, Tables: 200,
		BoothShare: 0.5, AwayShare: 0.1, SlotsShare: 0.1, FixedShare: 0.01, MaxWeight: 3,
	}
}

// Generate builds a valid random problem, the same for the same seed.
// Fixed meetings are chosen so that they never collide.
func Generate(cfg GenConfig, seed uint64) Problem {
	g := &generator{cfg: cfg, rng: rand.New(rand.NewPCG(seed, 0x6e6)), p: Problem{Objective: cfg.Objective}}
	g.slots()
	g.locations()
	g.participants()
	g.meetings()
	return g.p
}

type generator struct {
	cfg      GenConfig
	rng      *rand.Rand
	p        Problem
	tableIDs []string
	daySlots [][]string
	away     map[[2]int]bool // participant, slot
	busy     map[[2]int]bool // participant, slot taken by a fixed meeting
	locUsed  map[string]int  // location@slot taken by fixed meetings
	tblUsed  map[int]int     // slot -> fixed meetings at tables or hall
	slotNum  map[string]int
}

func (g *generator) slots() {
	g.slotNum = map[string]int{}
	for d := range g.cfg.Days {
		var ids []string
		for s := range g.cfg.SessionsPerDay {
			startMin := 9*60 + s*(4*60+30)
			for k := range g.cfg.SlotsPerSession {
				id := fmt.Sprintf("d%d-s%d-%02d", d+1, s+1, k+1)
				from := startMin + k*30
				g.slotNum[id] = len(g.p.Slots)
				g.p.Slots = append(g.p.Slots, Slot{
					ID: id, Day: fmt.Sprintf("2026-03-%02d", 10+d),
					Start: hhmm(from), End: hhmm(from + 30), Session: fmt.Sprintf("d%d-s%d", d+1, s+1),
				})
				ids = append(ids, id)
			}
		}
		g.daySlots = append(g.daySlots, ids)
	}
}

func hhmm(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

func (g *generator) locations() {
	for t := range g.cfg.Tables {
		id := fmt.Sprintf("T%03d", t+1)
		g.tableIDs = append(g.tableIDs, id)
		g.p.Locations = append(g.p.Locations, Location{ID: id, Capacity: 1})
	}
	if g.cfg.HallCapacity > 0 {
		g.tableIDs = append(g.tableIDs, "hall")
		g.p.Locations = append(g.p.Locations, Location{ID: "hall", Capacity: g.cfg.HallCapacity})
	}
	for e := range g.cfg.Exhibitors {
		g.p.Locations = append(g.p.Locations, Location{ID: boothID(e), Capacity: 1})
	}
}

func boothID(e int) string { return fmt.Sprintf("booth-%d", e+1) }

func (g *generator) participants() {
	g.away = map[[2]int]bool{}
	perSession := g.cfg.SlotsPerSession
	for i := range g.cfg.Participants {
		pt := Participant{ID: fmt.Sprintf("p%d", i+1)}
		for sess := range g.cfg.Days * g.cfg.SessionsPerDay {
			if g.rng.Float64() >= g.cfg.AwayShare {
				continue
			}
			for k := range perSession {
				s := sess*perSession + k
				g.away[[2]int{i, s}] = true
				pt.Unavailable = append(pt.Unavailable, g.p.Slots[s].ID)
			}
		}
		g.p.Participants = append(g.p.Participants, pt)
	}
}

// pick draws a participant in [lo, hi), popular ones more often.
func (g *generator) pick(lo, hi int) int {
	u := g.rng.Float64()
	return lo + int(float64(hi-lo)*u*u)
}

func (g *generator) meetings() {
	g.busy, g.locUsed, g.tblUsed = map[[2]int]bool{}, map[string]int{}, map[int]int{}
	n, ex := g.cfg.Participants, g.cfg.Exhibitors
	seen := map[[2]int]bool{}
	for len(g.p.Meetings) < g.cfg.Meetings && len(seen) < n*(n-1)/4 {
		booth := ex > 0 && ex < n && g.rng.Float64() < g.cfg.BoothShare
		var a, b int
		if booth {
			a, b = g.rng.IntN(ex), g.pick(ex, n)
		} else {
			a, b = g.pick(0, n), g.pick(0, n)
		}
		key := [2]int{min(a, b), max(a, b)}
		if a == b || seen[key] {
			continue
		}
		seen[key] = true
		g.addMeeting(a, b, booth)
	}
}

func (g *generator) addMeeting(a, b int, booth bool) {
	mt := Meeting{ID: fmt.Sprintf("m%d", len(g.p.Meetings)+1), With: []string{g.p.Participants[a].ID, g.p.Participants[b].ID}}
	with := []int{a, b}
	if g.rng.Float64() < g.cfg.GroupShare {
		if c := g.pick(0, g.cfg.Participants); c != a && c != b {
			mt.With = append(mt.With, g.p.Participants[c].ID)
			with = append(with, c)
		}
	}
	if g.cfg.MaxWeight > 1 {
		mt.Weight = 1 + g.rng.IntN(g.cfg.MaxWeight)
	}
	if booth {
		mt.Locations = []string{boothID(a)}
	} else {
		mt.Locations = g.tableIDs // shared: the model de-duplicates location lists
	}
	if g.rng.Float64() < g.cfg.SlotsShare {
		mt.Slots = g.daySlots[g.rng.IntN(len(g.daySlots))]
	}
	if g.rng.Float64() < g.cfg.FixedShare {
		mt.Fixed = g.fixed(mt, with, booth)
	}
	g.p.Meetings = append(g.p.Meetings, mt)
}

// fixed finds a slot and location that keep all fixed meetings compatible,
// or returns nil.
func (g *generator) fixed(mt Meeting, with []int, booth bool) *Fixed {
	slots := mt.Slots
	if len(slots) == 0 {
		slots = g.daySlots[g.rng.IntN(len(g.daySlots))]
	}
	for range 10 {
		sid := slots[g.rng.IntN(len(slots))]
		s := g.slotNum[sid]
		if !g.freeAt(with, s) {
			continue
		}
		loc := mt.Locations[g.rng.IntN(len(mt.Locations))]
		if g.locUsed[loc+"@"+sid] > 0 || (!booth && g.tblUsed[s] >= g.cfg.Tables) {
			continue
		}
		for _, k := range with {
			g.busy[[2]int{k, s}] = true
		}
		g.locUsed[loc+"@"+sid]++
		if booth {
			return &Fixed{Slot: sid, Location: loc}
		}
		g.tblUsed[s]++
		if g.rng.IntN(2) == 0 {
			return &Fixed{Slot: sid} // any table will do
		}
		return &Fixed{Slot: sid, Location: loc}
	}
	return nil
}

func (g *generator) freeAt(with []int, s int) bool {
	for _, k := range with {
		if g.away[[2]int{k, s}] || g.busy[[2]int{k, s}] {
			return false
		}
	}
	return true
}
