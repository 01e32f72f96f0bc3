package allocate

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// Options tune one run of Solve. Zero values take the file's options, then
// the defaults.
type Options struct {
	Seed int64
	// TimeLimit stops the local search (the greedy pass always finishes
	// unless ctx ends). Default: the file's time_limit_ms, else 4 s.
	TimeLimit time.Duration
	// MaxRounds bounds the local-search rounds (default 30). The search
	// also stops after a round that improves nothing; runs that end that
	// way are deterministic for a seed.
	MaxRounds int
	// Iterations of ruin and recreate after the local search (default
	// 150; negative: none).
	Iterations int
	// GreedyOnly skips the local search (the benchmark baseline).
	GreedyOnly bool
}

const (
	defaultTimeLimit = 4 * time.Second
	defaultRounds    = 30
	defaultIters     = 150
)

// Solve allocates booths. It returns an error for an invalid problem (a
// *ProblemError) or when ctx ends before the greedy pass is done; once
// the greedy pass is done, a deadline only cuts the local search short.
func Solve(ctx context.Context, p Problem, opts Options) (Allocation, error) {
	start := time.Now()
	m, err := compile(p)
	if err != nil {
		return Allocation{}, err
	}
	opts = withDefaults(opts, p.Settings)
	s := newState(m, opts.Seed)
	s.placeLocked()
	if err := s.greedy(ctx); err != nil {
		return Allocation{}, err
	}
	stats := Stats{GreedyPlaced: s.obj.Placed}
	if !opts.GreedyOnly {
		stop := stopper(ctx, start.Add(opts.TimeLimit))
		s.localSearch(stop, opts.MaxRounds, &stats)
		s.ruinAndRecreate(stop, opts.Iterations, &stats)
		s.localSearch(stop, opts.MaxRounds, &stats)
	}
	stats.Millis = time.Since(start).Milliseconds()
	return s.allocation(stats), nil
}

func withDefaults(o Options, st Settings) Options {
	if o.Seed == 0 {
		o.Seed = st.Seed
	}
	if o.TimeLimit == 0 {
		o.TimeLimit = time.Duration(st.TimeLimitMS) * time.Millisecond
	}
	if o.TimeLimit <= 0 {
		o.TimeLimit = defaultTimeLimit
	}
	if o.MaxRounds <= 0 {
		o.MaxRounds = defaultRounds
	}
	if o.Iterations == 0 {
		o.Iterations = defaultIters
	}
	return o
}

// stopper reports whether the search must stop; it reads the clock only
// every few calls because moves are short.
func stopper(ctx context.Context, deadline time.Time) func() bool {
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	n := 0
	stopped := false
	return func() bool {
		if stopped {
			return true
		}
		n++
		if n%8 == 0 {
			stopped = ctx.Err() != nil || time.Now().After(deadline)
		}
		return stopped
	}
}

func (s *state) placeLocked() {
	for e, g := range s.m.lockGroup {
		if g != nil {
			s.assign(e, g)
		}
	}
}

// greedy places pavilions first (each as a block: once a member stands,
// the next must touch the pavilion), then the others by decreasing
// priority and size, hardest first.
func (s *state) greedy(ctx context.Context) error {
	for _, e := range s.greedyOrder() {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("allocate: greedy pass: %w", err)
		}
		if g := s.bestGroup(e); g != nil {
			s.assign(e, g)
		}
	}
	return nil
}

func (s *state) greedyOrder() []int {
	m := s.m
	var order []int
	for e := range m.ex {
		if m.ex[e].approved && m.lockGroup[e] == nil {
			order = append(order, e)
		}
	}
	pavSize := func(e int) int {
		if p := m.ex[e].pav; p >= 0 {
			return len(m.pavs[p].members)
		}
		return 0
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if (m.ex[a].pav >= 0) != (m.ex[b].pav >= 0) {
			return m.ex[a].pav >= 0
		}
		if pavSize(a) != pavSize(b) {
			return pavSize(a) > pavSize(b)
		}
		if m.ex[a].pav != m.ex[b].pav {
			return m.ex[a].pav < m.ex[b].pav
		}
		if m.ex[a].prio != m.ex[b].prio {
			return m.ex[a].prio > m.ex[b].prio
		}
		if m.ex[a].area != m.ex[b].area {
			return m.ex[a].area > m.ex[b].area
		}
		return len(m.ex[a].comp) > len(m.ex[b].comp)
	})
	return order
}

// candidate is a group scored for one exhibitor.
type candidate struct {
	g       []int32
	pref    int
	contact int
	open    int // free booths around the group
	excess  float64
	noise   uint32
	occ     []int // exhibitors to move away (eject moves)
	occPrio int
}

// better orders candidates: preference first, then pavilion contact, then
// for pavilion members room to grow and for others a snug fit that keeps
// large free stretches whole; a seeded tie-break last.
func (a *candidate) better(b *candidate, pav bool) bool {
	if a.pref != b.pref {
		return a.pref > b.pref
	}
	if a.contact != b.contact {
		return a.contact > b.contact
	}
	if a.excess != b.excess {
		return a.excess < b.excess
	}
	if a.open != b.open {
		return (a.open > b.open) == pav
	}
	return a.noise < b.noise
}

func (s *state) score(e int, g []int32, area float64) candidate {
	c := candidate{pref: s.m.prefPoints(e, g), excess: area - s.m.ex[e].area}
	s.setMarks(g, true)
	c.contact = s.contact(e, g)
	for _, b := range g {
		c.noise += s.noise[b]
		for _, n := range s.m.adj[b] {
			if !s.mark[n] && s.owner[n] < 0 {
				c.open++
			}
		}
	}
	s.setMarks(g, false)
	return c
}

// bestGroup finds the best free group for e, or nil.
func (s *state) bestGroup(e int) []int32 {
	m := s.m
	x := &m.ex[e]
	var best candidate
	found := false
	pav := x.pav >= 0
	ok := func(b int32) bool { return s.owner[b] < 0 && m.usable(e, b) }
	s.en.groups(s.m.typeBooths(x.typ), false, ok, x.area, x.area*m.tol, m.maxSize(e),
		func(g []int32, area float64) bool {
			if !s.compatible(e, g) {
				return true
			}
			c := s.score(e, g, area)
			if !found || c.better(&best, pav) {
				c.g = append(best.g[:0], g...)
				best, found = c, true
			}
			return true
		})
	if !found {
		return nil
	}
	return best.g
}

// typeBooths lists the booths of one type, built once.
func (m *model) typeBooths(t string) []int32 {
	if m.byType == nil {
		m.byType = map[string][]int32{}
		for i, b := range m.booths {
			m.byType[b.Type] = append(m.byType[b.Type], int32(i))
		}
	}
	return m.byType[t]
}
