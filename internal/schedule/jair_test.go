package schedule

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jairDir is the published benchmark of Bofill et al. (JAIR 2022), relative
// to this package: the repository is /work/main and the shared files are in
// /work/shared.
const jairDir = "../../../shared/bench/b2b-jair2022"

// jairInstances loads every instance, failing clearly when the files are
// missing.
func jairInstances(tb testing.TB) map[string]Problem {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(jairDir, "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("JAIR 2022 benchmark not found at %s (repo-relative ../shared/bench/b2b-jair2022): %v", jairDir, err)
	}
	out := make(map[string]Problem, len(files))
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		p, err := Parse(r)
		r.Close()
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = p
	}
	return out
}

// jairOptimum is Table 5 of the paper: proven optimal total breaks.
var jairOptimum = map[string]int{
	"forum-13": 0, "forum-13crafb": 6, "forum-13crafc": 1, "forum-14": 2,
	"forumt-14": 5, "forumt-14crafc": 5, "forumt-14crafd": 4, "forumt-14crafe": 5,
	"tic-12": 0, "tic-12crafc": 0, "tic-13": 0, "tic-13crafb": 0, "tic-13crafc": 4,
	"tic-14crafa": 0, "tic-14crafc": 0, "tic-14crafd": 0,
	"ticf-13crafa": 0, "ticf-13crafb": 3, "ticf-13crafc": 1, "ticf-14crafa": 0,
}

// jairTestBound guards against regressions. TestJAIR runs the default
// budget (which is capped by work done, not by time, so the result does not
// depend on the machine or its load) with one worker; it reached 55 total
// breaks when this bound was set, and the default two workers reach 48
// (docs/benchmarks.md). The target of 40 total breaks is not
// reached yet, so the test cannot assert it.
const jairTestBound = 57

// TestJAIR schedules every meeting of every published instance, checks every
// hard rule with Evaluate, never beats a proven optimum (a beaten optimum
// would mean a miscount) and holds the total breaks under jairTestBound.
func TestJAIR(t *testing.T) {
	total := 0
	for name, p := range jairInstances(t) {
		res, err := Solve(context.Background(), p, Options{Seed: 1, Workers: 1})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(res.Unscheduled) > 0 {
			t.Errorf("%s: %d meetings unscheduled, first %+v", name, len(res.Unscheduled), res.Unscheduled[0])
		}
		obj, err := Evaluate(p, res.Assignments)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if obj != res.Objective {
			t.Errorf("%s: Solve reports %+v, Evaluate finds %+v", name, res.Objective, obj)
		}
		if obj.Breaks < jairOptimum[name] {
			t.Errorf("%s: %d breaks is below the proven optimum %d", name, obj.Breaks, jairOptimum[name])
		}
		t.Logf("%-15s breaks %2d (optimum %d)", name, obj.Breaks, jairOptimum[name])
		total += obj.Breaks
	}
	if total > jairTestBound {
		t.Errorf("total breaks %d, want at most %d", total, jairTestBound)
	}
	t.Logf("total breaks %d (optimum 36)", total)
}
