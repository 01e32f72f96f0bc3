package allocate

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The exact comparison: the MIP model of lp.go, solved by CBC (Debian
// package coinor-cbc, installed by the CI), gives the optimum of the
// scalarised objective; the engine must reach 98% of it.

const cbcPath = "/usr/bin/cbc"

type cbcInstance struct {
	name string
	seed int64
	cfg  GenConfig
}

// mediumConfig is a one-hall fair of 3 shell double rows, 22 exhibitors.
func mediumConfig() GenConfig {
	return GenConfig{Halls: 1, ShellDoubleRows: 3, BlocksPerRow: 2, BoothsPerBlock: 6,
		RawDoubleRows: 1, RawPerRow: 6, IslandBlocks: 2, Exhibitors: 22, Locks: 1, Pavilions: 2}
}

// quickCBC are solved by CBC in seconds: the test runs them all.
func quickCBC() []cbcInstance {
	var out []cbcInstance
	for seed := int64(2); seed <= 6; seed++ {
		out = append(out, cbcInstance{fmt.Sprintf("small-10/seed=%d", seed), seed, SmallConfig(10)})
	}
	return out
}

// allCBC adds instances that take CBC longer, for the benchmark table.
func allCBC() []cbcInstance {
	out := append(quickCBC(), cbcInstance{"small-10/seed=1", 1, SmallConfig(10)})
	for seed := int64(1); seed <= 3; seed++ {
		out = append(out, cbcInstance{fmt.Sprintf("medium-22/seed=%d", seed), seed, mediumConfig()})
	}
	return out
}

// solveCBC writes the exact model, runs CBC on it and returns the
// optimal allocation decoded from CBC's solution, and CBC's wall time.
func solveCBC(tb testing.TB, p Problem, limit time.Duration) (Allocation, time.Duration) {
	tb.Helper()
	if _, err := os.Stat(cbcPath); err != nil {
		tb.Fatalf("CBC is needed (apt-get install coinor-cbc): %v", err)
	}
	x, err := NewMIP(p)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	lp, sol := filepath.Join(dir, "model.lp"), filepath.Join(dir, "sol.txt")
	var buf bytes.Buffer
	if err := x.WriteLP(&buf); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(lp, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	start := time.Now()
	out, err := exec.CommandContext(ctx, cbcPath, lp, "-threads", "1", "-solve", "-solu", sol).CombinedOutput()
	elapsed := time.Since(start)
	if err != nil {
		tb.Fatalf("cbc after %v: %v\n%s", elapsed, err, out)
	}
	values, status, err := readCBCSolution(sol)
	if err != nil {
		tb.Fatal(err)
	}
	if !strings.HasPrefix(status, "Optimal") {
		tb.Fatalf("cbc did not prove optimality: %s", status)
	}
	return x.Allocation(values), elapsed
}

// readCBCSolution reads CBC's solution file: a status line, then
// "index name value cost" rows (prefixed ** when infeasible).
func readCBCSolution(path string) (map[string]float64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("cbc solution: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	values := map[string]float64{}
	status := ""
	for sc.Scan() {
		if status == "" {
			status = sc.Text()
			continue
		}
		fields := strings.Fields(sc.Text())
		if len(fields) > 0 && fields[0] == "**" {
			fields = fields[1:]
		}
		if len(fields) < 3 {
			continue
		}
		v, err := strconv.ParseFloat(fields[2], 64)
		if err != nil {
			return nil, "", fmt.Errorf("cbc solution line %q: %w", sc.Text(), err)
		}
		values[fields[1]] = v
	}
	return values, status, sc.Err()
}

// TestAgainstCBC: CBC's optimum passes Check (the model is right), the
// engine never beats it (the model is complete) and reaches 98% of it.
func TestAgainstCBC(t *testing.T) {
	for _, in := range quickCBC() {
		t.Run(in.name, func(t *testing.T) {
			p := Generate(in.seed, in.cfg)
			opt, _ := solveCBC(t, p, 2*time.Minute)
			if err := Check(p, opt); err != nil {
				t.Fatalf("CBC's optimum breaks a rule: %v", err)
			}
			a := mustSolve(t, p, Options{Seed: 1})
			if a.Objective.Scalar > opt.Objective.Scalar {
				t.Errorf("engine %d beats the optimum %d: the model misses a solution", a.Objective.Scalar, opt.Objective.Scalar)
			}
			if ratio := float64(a.Objective.Scalar) / float64(opt.Objective.Scalar); ratio < 0.98 {
				t.Errorf("engine reaches %.2f%% of the optimum (%+v vs %+v)", 100*ratio, a.Objective, opt.Objective)
			}
		})
	}
}

// BenchmarkAgainstCBC makes the table of docs/benchmarks.md: per instance
// the optimum, the engine's value, their ratio and CBC's time; the
// benchmark's own ns/op is the engine's time.
//
//	go test ./internal/allocate -run '^$' -bench AgainstCBC -benchtime 1x
func BenchmarkAgainstCBC(b *testing.B) {
	for _, in := range allCBC() {
		b.Run(in.name, func(b *testing.B) {
			p := Generate(in.seed, in.cfg)
			opt, cbcTime := solveCBC(b, p, 10*time.Minute)
			var a Allocation
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a = mustSolve(b, p, Options{Seed: 1})
			}
			b.StopTimer()
			b.ReportMetric(float64(opt.Objective.Scalar), "optimum")
			b.ReportMetric(float64(a.Objective.Scalar), "ketnoi")
			b.ReportMetric(100*float64(a.Objective.Scalar)/float64(opt.Objective.Scalar), "%opt")
			b.ReportMetric(float64(cbcTime.Milliseconds()), "cbc-ms")
		})
	}
}
