package schedule

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

func envF(k string, d float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(k), 64); err == nil {
		return v
	}
	return d
}

func TestTune(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		return
	}
	tuneT0, tuneT1 = envF("T0", tuneT0), envF("T1", tuneT1)
	tuneBreakWeight, tuneIdleTie = int(envF("BW", 1)), int(envF("IT", 0))
	iters := int(envF("ITERS", 0))
	tuneCycles = int(envF("CYC", 1))
	only := os.Getenv("ONLY")
	total := 0
	var worst time.Duration
	for name, p := range jairInstances(t) {
		if only != "" && !strings.Contains(only, name+",") {
			continue
		}
		start := time.Now()
		res, _ := Solve(context.Background(), p, Options{Seed: uint64(envF("SEED", 1)), Iterations: iters})
		d := time.Since(start)
		worst = max(worst, d)
		total += res.Objective.Breaks
		t.Logf("%-15s %2d/%d unsched %d %v", name, res.Objective.Breaks, jairOptimum[name], len(res.Unscheduled), d)
	}
	t.Logf("TOTAL %d worst %v", total, worst)
}
