package schedule

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
)

// Options tune Solve. The zero value is a good default.
type Options struct {
	// Seed makes the search reproducible: the same problem, seed, workers
	// and iterations give the same schedule (unless ctx ends the search).
	Seed uint64
	// Iterations is the number of local-search moves per worker; 0 picks a
	// budget from the problem size, a negative value skips the search and
	// returns the greedy construction.
	Iterations int
	// Workers is the number of independent searches run in parallel, each
	// with its own seed; the best schedule wins. 0 means 2.
	Workers int
}

// Solve schedules the meetings of p. The search stops early, returning the
// best schedule found so far, when ctx is done; if ctx ends before even the
// first schedule is built, Solve returns ctx's error.
func Solve(ctx context.Context, p Problem, opt Options) (Result, error) {
	m, err := compile(p)
	if err != nil {
		return Result{}, err
	}
	st := newState(m)
	if err := st.placeFixed(); err != nil {
		return Result{}, err
	}
	if err := st.construct(ctx); err != nil {
		return Result{}, fmt.Errorf("schedule: %w", err)
	}
	st.refreshCosts()
	if opt.Iterations >= 0 {
		st = searchParallel(ctx, st, opt)
	}
	return st.result(), nil
}

// construct places meetings greedily: heaviest and hardest first, each in
// the slot that adds the least idle time (or fewest breaks).
func (st *state) construct(ctx context.Context) error {
	m := st.m
	order := make([]int32, 0, m.nMeet)
	load := make([]int, m.nPart)
	for i := range m.nMeet {
		for _, k := range m.with[i] {
			load[k]++
		}
		if m.fixed[i] < 0 {
			order = append(order, int32(i))
		}
	}
	degree := func(i int32) int {
		d := 0
		for _, k := range m.with[i] {
			d += load[k]
		}
		return d
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return cmp.Or(
			cmp.Compare(m.weight[b], m.weight[a]),
			cmp.Compare(len(m.dom[a]), len(m.dom[b])),
			cmp.Compare(degree(b), degree(a)),
		)
	})
	type cand struct {
		s     int32
		delta int
	}
	var cands []cand
	for n, mt := range order {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		cands = cands[:0]
		for _, s := range m.dom[mt] {
			if st.conflict(mt, s) < 0 {
				cands = append(cands, cand{s, st.insertDelta(mt, s)})
			}
		}
		slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(a.delta, b.delta) })
		for _, c := range cands {
			if st.insert(mt, c.s) {
				break
			}
		}
	}
	return nil
}

// insertDelta is the change of cost if mt's participants were busy in s.
func (st *state) insertDelta(mt, s int32) int {
	m := st.m
	word, bit := st.bitOf(s)
	d := 0
	for _, k := range m.with[mt] {
		i := int(k)*m.words + word
		before := st.cost(k)
		st.bits[i] |= bit
		d += st.cost(k) - before
		st.bits[i] &^= bit
	}
	return d
}

// searchParallel runs one search per worker from the same start and keeps
// the best; ties go to the lowest worker so the result is reproducible.
func searchParallel(ctx context.Context, start *state, opt Options) *state {
	workers := opt.Workers
	if workers <= 0 {
		workers = 2
	}
	iters, work := opt.Iterations, 0
	if iters == 0 {
		iters, work = defaultIterations(start.m), defaultWork(start.m)
	}
	out := make([]*state, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := start.clone()
			// On the breaks objective the odd workers cool by the work
			// budget (see search): the two cooling schedules suit
			// different instances, and the best of both wins.
			coolByWork := tuneWorkCool && start.m.breaksGoal && w%2 == 1
			if coolByWork {
				// They also price a break lower against idle slots: the
				// idle slots then pull a participant's meetings together
				// more smoothly, which suits other instances again.
				st.setBreakWeight(tuneBreakWeightOdd)
			}
			st.search(ctx, iters, work, opt.Seed*1000003+uint64(w), coolByWork)
			// Every worker's schedule is compared at the same prices.
			st.setBreakWeight(tuneBreakWeight)
			out[w] = st
		}()
	}
	wg.Wait()
	best := out[0]
	for _, st := range out[1:] {
		if better(st.weight, st.goal(), st.soft, best.weight, best.goal(), best.soft) {
			best = st
		}
	}
	return best
}

// tuneBreakWeightOdd is the price of a break in the odd workers' search
// cost on the breaks objective (tuneBreakWeight for the even ones).
var tuneBreakWeightOdd = 2

// setBreakWeight sets the price of a break in the search cost and
// recomputes every participant's cost.
func (st *state) setBreakWeight(w int) {
	if st.breakW != w {
		st.breakW = w
		st.refreshCosts()
	}
}

func defaultIterations(m *model) int {
	// Moves on large problems cost more (bigger slots, longer chains), so
	// their budget is capped lower to stay within seconds.
	if m.nMeet > 5000 {
		return 1_500_000
	}
	return min(max(20000*m.nMeet, 500_000), 10_000_000)
}

// defaultWork caps the default search by work done (meetings moved or
// tried, counted the same way on every machine) rather than by moves: a
// move among 25 meetings per slot costs several times one among 9, and
// the work count keeps both near 1.5 s of CPU per worker here (about 8–10
// million units per second on this machine), so that two workers on two
// cores stay within the 2 s target. Small and mid-size problems only: the
// large ones are bounded by their move budget.
func defaultWork(m *model) int {
	if m.nMeet > 5000 {
		return 0
	}
	return 12_000_000
}

// better compares schedules by weight (more is better), then goal (the
// breaks when minimized, fewer is better), then the search cost soft.
func better(w1, g1, s1, w2, g2, s2 int) bool {
	if w1 != w2 {
		return w1 > w2
	}
	if g1 != g2 {
		return g1 < g2
	}
	return s1 < s2
}

// result turns the state into the output: assignments in input order with
// concrete locations, unscheduled meetings with reasons, the objective.
func (st *state) result() Result {
	m := st.m
	res := Result{Assignments: []Assignment{}, Unscheduled: []Unscheduled{}}
	locs := st.concreteLocations()
	for i := range m.nMeet {
		mt := m.prob.Meetings[i].ID
		if s := st.slotOf[i]; s >= 0 {
			res.Assignments = append(res.Assignments, Assignment{
				Meeting: mt, Slot: m.prob.Slots[s].ID, Location: m.prob.Locations[locs[i]].ID,
			})
			continue
		}
		res.Unscheduled = append(res.Unscheduled, Unscheduled{Meeting: mt, Reason: st.reason(int32(i))})
	}
	res.Objective.Weight = st.weight
	for k := range m.nPart {
		i, b := st.idleBreaks(int32(k))
		res.Objective.Idle += i
		res.Objective.Breaks += b
	}
	return res
}

// concreteLocations hands out the locations of each class, slot by slot.
func (st *state) concreteLocations() []int32 {
	m := st.m
	locs := make([]int32, m.nMeet)
	used := make([]int, len(m.prob.Locations))
	for s := range m.nSlots {
		clear(used)
		next := make([]int, m.nClass)
		meets := slices.Clone(st.slotMeet[s])
		slices.Sort(meets)
		for _, mt := range meets {
			if l := m.pinned[mt]; l >= 0 {
				used[l]++
				locs[mt] = l
			}
		}
		for _, mt := range meets {
			if m.pinned[mt] >= 0 {
				continue
			}
			c := st.classOf[mt]
			for m.locCap[m.classLocs[c][next[c]]] == used[m.classLocs[c][next[c]]] {
				next[c]++
			}
			l := m.classLocs[c][next[c]]
			used[l]++
			locs[mt] = l
		}
	}
	return locs
}
