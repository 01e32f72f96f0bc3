package allocate

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func mustParseFile(tb testing.TB, path string) Problem {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	p, err := Parse(f)
	if err != nil {
		tb.Fatalf("parse %s: %v", path, err)
	}
	return p
}

func mustSolve(tb testing.TB, p Problem, o Options) Allocation {
	tb.Helper()
	a, err := Solve(context.Background(), p, o)
	if err != nil {
		tb.Fatalf("solve: %v", err)
	}
	if err := Check(p, a); err != nil {
		tb.Fatalf("check: %v", err)
	}
	return a
}

func placementOf(a Allocation, id string) []string {
	for _, pl := range a.Placements {
		if pl.Exhibitor == id {
			return pl.Booths
		}
	}
	return nil
}

func TestExample(t *testing.T) {
	p := mustParseFile(t, "testdata/example.json")
	a := mustSolve(t, p, Options{})
	// Every approved exhibitor fits here; abb gets its first choice and
	// the locked Hanwha keeps its sold corner.
	if a.Objective.Placed != 5 || a.Objective.Approved != 5 {
		t.Errorf("placed %d of %d, want 5 of 5", a.Objective.Placed, a.Objective.Approved)
	}
	if got := placementOf(a, "hanwha"); !reflect.DeepEqual(got, []string{"A-205"}) {
		t.Errorf("hanwha got %v, want its lock A-205", got)
	}
	if got := placementOf(a, "abb"); !containsStr(got, "A-103") {
		t.Errorf("abb got %v, want its first choice A-103", got)
	}
	if len(a.Unplaced) != 1 || a.Unplaced[0].Exhibitor != "startup1" || !strings.Contains(a.Unplaced[0].Reason, "pending") {
		t.Errorf("unplaced = %+v, want startup1 as pending", a.Unplaced)
	}
	// Fanuc competes with abb: it may not stand in zone R next to abb.
	for _, b := range placementOf(a, "fanuc") {
		if b == "A-101" || b == "A-104" {
			t.Errorf("fanuc on %s, next to its competitor", b)
		}
	}
}

// randomConfig draws a small or medium fair.
func randomConfig(r *rand.Rand) GenConfig {
	c := GenConfig{Halls: 1 + r.IntN(2), ShellDoubleRows: 1 + r.IntN(4), BlocksPerRow: 1 + r.IntN(2),
		BoothsPerBlock: 3 + r.IntN(8), RawDoubleRows: r.IntN(2), RawPerRow: 3 + r.IntN(5),
		IslandBlocks: r.IntN(4), Locks: r.IntN(4), Pavilions: r.IntN(4)}
	c.Exhibitors = 2 + r.IntN(20*c.Halls*c.ShellDoubleRows)
	return c
}

// TestRandomInstances is the property test: on random generated fairs the
// allocation passes Check, everyone approved is placed or explained, and
// the same seed gives the same allocation.
func TestRandomInstances(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 1))
	for i := 0; i < 40; i++ {
		cfg := randomConfig(r)
		p := Generate(int64(i+1), cfg)
		o := Options{Seed: int64(i), TimeLimit: time.Minute}
		a := mustSolve(t, p, o)
		for _, u := range a.Unplaced {
			if u.Reason == "" {
				t.Errorf("instance %d %+v: %s unplaced without a reason", i, cfg, u.Exhibitor)
			}
		}
		if b := mustSolve(t, p, o); !reflect.DeepEqual(a.Placements, b.Placements) {
			t.Errorf("instance %d: two runs with seed %d differ", i, o.Seed)
		}
		g := mustSolve(t, p, Options{Seed: int64(i), GreedyOnly: true})
		if g.Objective.Better(a.Objective) {
			t.Errorf("instance %d: local search made it worse: %+v < greedy %+v", i, a.Objective, g.Objective)
		}
	}
}

// TestLocksKept re-runs with some placements locked (and one exhibitor
// moved by a lock): locked booths stay, and the result passes Check.
func TestLocksKept(t *testing.T) {
	for seed := int64(1); seed <= 5; seed++ {
		p := Generate(seed, GenConfig{Halls: 1, ShellDoubleRows: 4, BlocksPerRow: 2, BoothsPerBlock: 8,
			RawDoubleRows: 1, RawPerRow: 6, IslandBlocks: 2, Exhibitors: 40, Locks: 2, Pavilions: 2})
		first := mustSolve(t, p, Options{Seed: seed})
		locked := map[string][]string{}
		for _, l := range p.Locks {
			locked[l.Exhibitor] = l.Booths
		}
		for i, pl := range first.Placements {
			if i%3 == 0 && locked[pl.Exhibitor] == nil {
				p.Locks = append(p.Locks, Lock{Exhibitor: pl.Exhibitor, Booths: pl.Booths})
				locked[pl.Exhibitor] = pl.Booths
			}
		}
		second := mustSolve(t, p, Options{Seed: seed + 100})
		for id, booths := range locked {
			if got := placementOf(second, id); !reflect.DeepEqual(sorted(got), sorted(booths)) {
				t.Errorf("seed %d: locked %s got %v, want %v", seed, id, got, booths)
			}
		}
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestSolveCancelled(t *testing.T) {
	p := Generate(1, FairConfig())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Solve(ctx, p, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Solve with a cancelled context: err = %v, want context.Canceled", err)
	}
}

func TestDeadlineCutsLocalSearch(t *testing.T) {
	p := Generate(2, FairConfig())
	a := mustSolve(t, p, Options{TimeLimit: time.Nanosecond})
	if !a.Stats.StoppedEarly {
		t.Errorf("a 1 ns time limit did not stop the local search: %+v", a.Stats)
	}
}

func TestAdjacencyAndNear(t *testing.T) {
	b := func(code string, x, y float64) Booth {
		return Booth{Code: code, Hall: "A", X: x, Y: y, W: 3, H: 3, Type: TypeShell}
	}
	p := Problem{Halls: []Hall{{ID: "A"}}, Booths: []Booth{
		b("a", 0, 0), b("side", 3, 0), b("back", 0, 3), b("diag", 3, 3),
		b("aisle", 0, 9), b("far", 0, 13), b("slide", 1.5, 6),
	}}
	m, err := compile(p)
	if err != nil {
		t.Fatal(err)
	}
	adj := func(x, y string) bool { return containsB(m.adj[m.boothIdx[x]], m.boothIdx[y]) }
	near := func(x, y string) bool { return containsB(m.near[m.boothIdx[x]], m.boothIdx[y]) }
	cases := []struct {
		x, y      string
		adj, near bool
	}{
		{"a", "side", true, true},
		{"a", "back", true, true},
		{"a", "diag", false, true}, // corners touch: no shared edge
		{"back", "aisle", false, true},
		{"back", "far", false, false},
		{"back", "slide", true, true}, // partial edge overlap counts
		{"slide", "aisle", true, true},
	}
	for _, c := range cases {
		if adj(c.x, c.y) != c.adj || adj(c.y, c.x) != c.adj {
			t.Errorf("adjacent(%s, %s) = %v, want %v", c.x, c.y, adj(c.x, c.y), c.adj)
		}
		if near(c.x, c.y) != c.near {
			t.Errorf("near(%s, %s) = %v, want %v", c.x, c.y, near(c.x, c.y), c.near)
		}
	}
}

func TestReasons(t *testing.T) {
	row := func(n int) []Booth {
		var bs []Booth
		for i := 0; i < n; i++ {
			bs = append(bs, Booth{Code: string(rune('a' + i)), Hall: "A", X: float64(3 * i), W: 3, H: 3, Type: TypeShell})
		}
		return bs
	}
	cases := []struct {
		name string
		ex   []Exhibitor
		want string // in the reason of the last exhibitor
	}{
		{"no type", []Exhibitor{{ID: "x", Type: TypeIsland, Area: 36}}, "no island booth"},
		{"too big", []Exhibitor{{ID: "x", Type: TypeShell, Area: 90}}, "no connected group"},
		{"competitor", []Exhibitor{
			{ID: "big", Type: TypeShell, Area: 18, Priority: 5},
			{ID: "x", Type: TypeShell, Area: 9, Competitors: []string{"big"}}}, "next to competitor big"},
		{"taken", []Exhibitor{
			{ID: "big", Type: TypeShell, Area: 27, Priority: 5},
			{ID: "x", Type: TypeShell, Area: 9}}, "are taken"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Problem{Halls: []Hall{{ID: "A"}}, Booths: row(3), Exhibitors: c.ex}
			a := mustSolve(t, p, Options{})
			last := c.ex[len(c.ex)-1].ID
			for _, u := range a.Unplaced {
				if u.Exhibitor == last {
					if !strings.Contains(u.Reason, c.want) {
						t.Errorf("reason %q does not say %q", u.Reason, c.want)
					}
					return
				}
			}
			t.Errorf("%s was placed: %+v", last, a.Placements)
		})
	}
}

// TestCheckCatches tampers with a valid allocation in ways that break each
// hard constraint; Check must name the problem.
func TestCheckCatches(t *testing.T) {
	p := mustParseFile(t, "testdata/example.json")
	good := mustSolve(t, p, Options{})
	set := func(a *Allocation, id string, booths ...string) {
		for i := range a.Placements {
			if a.Placements[i].Exhibitor == id {
				a.Placements[i].Booths = booths
				return
			}
		}
		a.Placements = append(a.Placements, Placement{Exhibitor: id, Booths: booths})
	}
	cases := []struct {
		name   string
		tamper func(a *Allocation)
		want   string
	}{
		{"competitor", func(a *Allocation) { set(a, "fanuc", "A-104") }, "side by side"},
		{"twice", func(a *Allocation) { set(a, "fanuc", "A-102") }, "given twice"},
		{"type", func(a *Allocation) { set(a, "fanuc", "A-201") }, "may not have booth"},
		{"blocked", func(a *Allocation) { set(a, "doosan", "A-203") }, "may not have booth"},
		{"area", func(a *Allocation) { set(a, "abb", "A-103") }, "asked 18 m²"},
		{"disconnected", func(a *Allocation) { set(a, "abb", "A-102", "A-104") }, "not one connected group"},
		{"lock", func(a *Allocation) { set(a, "hanwha", "A-201") }, "locked to"},
		{"pavilion", func(a *Allocation) { set(a, "fanuc", "A-204"); set(a, "doosan", "A-202") }, "pavilion"},
		{"not approved", func(a *Allocation) { set(a, "startup1", "A-104"); a.Unplaced = nil }, "not approved"},
		{"missing", func(a *Allocation) { a.Unplaced = nil }, "neither placed nor listed"},
		{"objective", func(a *Allocation) { a.Objective.PreferencePoints++ }, "objective reported"},
	}
	t.Run("zone rule", func(t *testing.T) {
		q := p
		q.Exhibitors = append([]Exhibitor(nil), p.Exhibitors...)
		q.Exhibitors[0].Sector = "iot" // abb stands in zone R, robotics only
		if err := Check(q, good); err == nil || !strings.Contains(err.Error(), `"abb" (shell, sector "iot") may not have booth`) {
			t.Errorf("Check = %v, want the zone rule broken by abb", err)
		}
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := good
			a.Placements = append([]Placement(nil), good.Placements...)
			c.tamper(&a)
			err := Check(p, a)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Check = %v, want an error saying %q", err, c.want)
			}
		})
	}
}

// TestPavilionNamesIgnoreCase: exhibitors who typed their pavilion in
// another case ("Korea", "korea") are one pavilion to the allocation.
func TestPavilionNamesIgnoreCase(t *testing.T) {
	p := Generate(1, GenConfig{Halls: 1, ShellDoubleRows: 2, BlocksPerRow: 1, BoothsPerBlock: 8, Exhibitors: 6, Pavilions: 1})
	n := 0
	for i := range p.Exhibitors {
		if p.Exhibitors[i].Pavilion == "" {
			continue
		}
		if n%2 == 1 {
			p.Exhibitors[i].Pavilion = strings.ToUpper(p.Exhibitors[i].Pavilion)
		}
		n++
	}
	if n < 2 {
		t.Fatalf("the generated fair has %d exhibitors in a pavilion, want two or more", n)
	}
	m, err := compile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.pavs) != 1 || len(m.pavs[0].members) != n {
		t.Fatalf("%d pavilions of %v, want one of %d exhibitors", len(m.pavs), m.pavs, n)
	}
}
