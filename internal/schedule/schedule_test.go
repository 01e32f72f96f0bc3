package schedule

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// smallConfig is a crowded random instance: more requests than table slots,
// group meetings, a shared hall, absences, day restrictions, fixed meetings.
func smallConfig(objective string) GenConfig {
	return GenConfig{
		Participants: 30, Exhibitors: 6, Meetings: 140,
		Days: 2, SessionsPerDay: 2, SlotsPerSession: 4, Tables: 3, HallCapacity: 2,
		BoothShare: 0.4, GroupShare: 0.1, AwayShare: 0.15, SlotsShare: 0.2, FixedShare: 0.08,
		MaxWeight: 4, Objective: objective,
	}
}

// TestSolveRandomProperties solves random instances and checks with Evaluate
// that every hard rule holds, fixed meetings are kept, the reported objective
// is right, every meeting is either assigned or explained, and the search
// never does worse than the greedy construction.
func TestSolveRandomProperties(t *testing.T) {
	for seed := range uint64(40) {
		objective := ObjectiveIdle
		if seed%2 == 1 {
			objective = ObjectiveBreaks
		}
		p := Generate(smallConfig(objective), seed)
		if err := Validate(p); err != nil {
			t.Fatalf("seed %d: generated problem invalid: %v", seed, err)
		}
		greedy, err := Solve(context.Background(), p, Options{Iterations: -1})
		if err != nil {
			t.Fatalf("seed %d: greedy: %v", seed, err)
		}
		res, err := Solve(context.Background(), p, Options{Seed: seed, Iterations: 20000})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for _, r := range []Result{greedy, res} {
			checkResult(t, p, r)
		}
		if res.Objective.Weight < greedy.Objective.Weight {
			t.Errorf("seed %d: search lost weight: %d < greedy %d", seed, res.Objective.Weight, greedy.Objective.Weight)
		}
		if res.Objective.Weight == greedy.Objective.Weight && goal(p, res.Objective) > goal(p, greedy.Objective) {
			t.Errorf("seed %d: search worse than greedy: %+v vs %+v", seed, res.Objective, greedy.Objective)
		}
	}
}

func goal(p Problem, o Objective) int {
	if p.Objective == ObjectiveBreaks {
		return o.Breaks
	}
	return o.Idle
}

func checkResult(t *testing.T, p Problem, r Result) {
	t.Helper()
	obj, err := Evaluate(p, r.Assignments)
	if err != nil {
		t.Fatalf("hard rule broken: %v", err)
	}
	if obj != r.Objective {
		t.Errorf("reported objective %+v, Evaluate finds %+v", r.Objective, obj)
	}
	if len(r.Assignments)+len(r.Unscheduled) != len(p.Meetings) {
		t.Errorf("%d assigned + %d unscheduled != %d meetings", len(r.Assignments), len(r.Unscheduled), len(p.Meetings))
	}
	for _, u := range r.Unscheduled {
		if u.Reason == "" {
			t.Errorf("meeting %s unscheduled without a reason", u.Meeting)
		}
	}
}

func TestSolveDeterministic(t *testing.T) {
	p := Generate(smallConfig(ObjectiveIdle), 7)
	a, err := Solve(context.Background(), p, Options{Seed: 3, Iterations: 30000})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Solve(context.Background(), p, Options{Seed: 3, Iterations: 30000})
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("same seed gave different schedules")
	}
}

func TestSolveCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Solve(ctx, Generate(smallConfig(ObjectiveIdle), 1), Options{})
	if err == nil {
		t.Fatal("Solve with a cancelled context returned no error")
	}
}

// TestSolveSmallExact checks a hand-made case: p1 meets p2, p3 and p4 on one
// table in three slots of one session; p3's meetings are pinned to a and c,
// so the best schedule has exactly one idle slot (p3's, in b).
func TestSolveSmallExact(t *testing.T) {
	p := mustParse(t, `{"slots":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d"}],
	 "locations":[{"id":"T1"}],
	 "participants":[{"id":"p1"},{"id":"p2"},{"id":"p3"},{"id":"p4","unavailable":["a"]}],
	 "meetings":[{"id":"m1","with":["p1","p2"]},{"id":"m2","with":["p1","p3"],"fixed":{"slot":"c"}},
	             {"id":"m3","with":["p1","p4"],"weight":2},{"id":"m4","with":["p2","p3"],"slots":["a"]}]}`)
	res, err := Solve(context.Background(), p, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, p, res)
	want := Objective{Weight: 5, Idle: 1, Breaks: 1}
	if res.Objective != want {
		t.Errorf("objective %+v, want %+v (assignments %+v)", res.Objective, want, res.Assignments)
	}
}

func TestUnscheduledReasons(t *testing.T) {
	p := mustParse(t, `{"slots":[{"id":"s1"},{"id":"s2"}],
	 "locations":[{"id":"T1"}],
	 "participants":[{"id":"p1","unavailable":["s1"]},{"id":"p2","unavailable":["s2"]},{"id":"p3"},{"id":"p4"}],
	 "meetings":[{"id":"m1","with":["p1","p2"]},
	             {"id":"m2","with":["p3","p4"],"fixed":{"slot":"s1"}},
	             {"id":"m3","with":["p3","p1"],"fixed":{"slot":"s2"}},
	             {"id":"m4","with":["p4","p2"]}]}`)
	res, err := Solve(context.Background(), p, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, p, res)
	reasons := map[string]string{}
	for _, u := range res.Unscheduled {
		reasons[u.Meeting] = u.Reason
	}
	if r := reasons["m1"]; !strings.Contains(r, "p1 and p2 have no common free slot") {
		t.Errorf("m1 reason %q", r)
	}
	if r := reasons["m4"]; !strings.Contains(r, "p4 has other meetings") {
		t.Errorf("m4 reason %q", r)
	}
}

func mustParse(t *testing.T, s string) Problem {
	t.Helper()
	p, err := Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return p
}

// TestWorkersComparedAtOnePrice checks that the odd workers' lower price of
// a break does not leak out of the search: the schedule searchParallel
// returns is costed at the default price, as a fresh count finds it, so
// the workers' schedules were compared on equal terms.
func TestWorkersComparedAtOnePrice(t *testing.T) {
	if tuneBreakWeightOdd == tuneBreakWeight {
		t.Fatal("the odd workers price a break like the even ones; this test needs them to differ")
	}
	for seed := range uint64(6) {
		st := mustConstruct(t, Generate(smallConfig(ObjectiveBreaks), seed))
		m := st.m
		best := searchParallel(context.Background(), st, Options{Seed: seed, Iterations: 5000, Workers: 2})
		if best.breakW != tuneBreakWeight {
			t.Fatalf("seed %d: returned schedule priced at %d per break, want %d", seed, best.breakW, tuneBreakWeight)
		}
		soft, brk := best.soft, best.brk
		best.refreshCosts()
		if best.soft != soft || best.brk != brk {
			t.Errorf("seed %d: kept cost %d (breaks %d), fresh count %d (breaks %d)", seed, soft, brk, best.soft, best.brk)
		}
		for k := range m.nPart {
			idle, breaks := best.idleBreaks(int32(k))
			if want := breaks*tuneBreakWeight + idle*tuneIdleTie; best.pcost[k] != want {
				t.Fatalf("seed %d: participant %d costs %d, want %d", seed, k, best.pcost[k], want)
			}
		}
	}
}

// TestSearchStopsWhenPerfect: once every meeting is placed without an idle
// slot nothing can improve, and the search ends there instead of spending
// its budget; on a crowded instance, where some meeting must stay out, it
// runs its whole budget.
func TestSearchStopsWhenPerfect(t *testing.T) {
	searched := func(p Problem, iters int) (*state, int) {
		st := mustConstruct(t, p)
		return st, st.search(context.Background(), iters, 0, 1, false)
	}
	// A chain of 40 participants, each meeting the next twice, in 8 slots:
	// every inner participant's four meetings must be consecutive.
	chain := Problem{Locations: []Location{{ID: "T", Capacity: 40}}}
	for s := range 8 {
		chain.Slots = append(chain.Slots, Slot{ID: fmt.Sprintf("s%d", s), Day: "2027-03-10", Start: hhmm(540 + 30*s), End: hhmm(570 + 30*s), Session: "am"})
	}
	for k := range 40 {
		chain.Participants = append(chain.Participants, Participant{ID: fmt.Sprintf("p%d", k)})
		if k > 0 {
			for r := range 2 {
				chain.Meetings = append(chain.Meetings, Meeting{ID: fmt.Sprintf("m%d-%d", k, r), With: []string{fmt.Sprintf("p%d", k-1), fmt.Sprintf("p%d", k)}})
			}
		}
	}
	for _, objective := range []string{ObjectiveIdle, ObjectiveBreaks} {
		chain.Objective = objective
		const budget = 5_000_000
		st, moves := searched(chain, budget)
		if r := st.result(); len(r.Unscheduled) != 0 || r.Objective.Idle != 0 {
			t.Fatalf("%s: the chain was not scheduled perfectly: %d unscheduled, %d idle", objective, len(r.Unscheduled), r.Objective.Idle)
		}
		if moves >= budget/10 {
			t.Errorf("%s: %d of %d moves spent after a perfect schedule", objective, moves, budget)
		}
		if _, moves := searched(Generate(smallConfig(objective), 1), 20_000); moves != 20_000 {
			t.Errorf("%s: the crowded instance stopped after %d of 20000 moves", objective, moves)
		}
	}
}

// mustConstruct compiles p and builds its greedy schedule, the state a
// search starts from.
func mustConstruct(t *testing.T, p Problem) *state {
	t.Helper()
	m, err := compile(p)
	if err != nil {
		t.Fatal(err)
	}
	st := newState(m)
	if err := st.placeFixed(); err != nil {
		t.Fatal(err)
	}
	if err := st.construct(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.refreshCosts()
	return st
}
