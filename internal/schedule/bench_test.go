package schedule

import (
	"context"
	"slices"
	"testing"
)

// BenchmarkJAIR times Solve on each published instance, beside the greedy
// construction alone (the baseline), and reports the breaks reached.
//
//	go test ./internal/schedule -run '^$' -bench JAIR -benchtime 3x
func BenchmarkJAIR(b *testing.B) {
	inst := jairInstances(b)
	names := make([]string, 0, len(inst))
	for n := range inst {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		for _, mode := range []struct {
			name  string
			iters int
		}{{"greedy", -1}, {"ketnoi", 0}} {
			b.Run(name+"/"+mode.name, func(b *testing.B) {
				var res Result
				for b.Loop() {
					var err error
					res, err = Solve(context.Background(), inst[name], Options{Seed: 1, Iterations: mode.iters})
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(res.Objective.Breaks), "breaks")
				b.ReportMetric(float64(len(res.Unscheduled)), "unscheduled")
			})
		}
	}
}

// BenchmarkScale times the 2,000-participant, 20,000-request instance,
// beside the greedy construction alone.
//
//	go test ./internal/schedule -run '^$' -bench Scale -benchtime 1x
func BenchmarkScale(b *testing.B) {
	p := Generate(ScaleConfig(), 1)
	for _, mode := range []struct {
		name  string
		iters int
	}{{"greedy", -1}, {"ketnoi", 0}} {
		b.Run(mode.name, func(b *testing.B) {
			var res Result
			for b.Loop() {
				var err error
				res, err = Solve(context.Background(), p, Options{Seed: 1, Iterations: mode.iters})
				if err != nil {
					b.Fatal(err)
				}
			}
			if _, err := Evaluate(p, res.Assignments); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(res.Objective.Weight), "weight")
			b.ReportMetric(float64(res.Objective.Idle), "idle")
			b.ReportMetric(float64(len(res.Unscheduled)), "unscheduled")
		})
	}
}
