package allocate

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"
)

// The fair benchmarks (docs/benchmarks.md): the full engine against the
// greedy pass alone on the 4-hall, 2,000-booth, 500-exhibitor
// fair, each reporting its objective so that the ratio of both can be
// read from one run:
//
//	go test ./internal/allocate -run '^$' -bench 'Fair' -benchtime 5x -cpu 2
func benchFair(b *testing.B, o Options) {
	p := Generate(1, FairConfig())
	var a Allocation
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		a, err = Solve(context.Background(), p, o)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if err := Check(p, a); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(a.Objective.Placed), "placed")
	b.ReportMetric(float64(a.Objective.PreferencePoints), "pref-points")
	b.ReportMetric(float64(a.Objective.PavilionEdges), "pav-edges")
	b.ReportMetric(float64(a.Objective.Scalar), "scalar")
}

func BenchmarkFairGreedy(b *testing.B) { benchFair(b, Options{Seed: 1, GreedyOnly: true}) }
func BenchmarkFairSolve(b *testing.B)  { benchFair(b, Options{Seed: 1, TimeLimit: time.Minute}) }

func FuzzParse(f *testing.F) {
	example, err := os.ReadFile("testdata/example.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	for _, bad := range badFiles {
		f.Add([]byte(bad.json))
	}
	f.Add([]byte(`{"halls":[{"id":"A"}],"booths":[{"code":"a","hall":"A","w":1e300,"h":1e300,"type":"shell"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		// Whatever Parse accepts can be solved, and the result is valid.
		a, err := Solve(context.Background(), p, Options{GreedyOnly: true})
		if err != nil {
			t.Fatalf("Solve after a successful Parse: %v", err)
		}
		if err := Check(p, a); err != nil {
			t.Fatalf("Check: %v", err)
		}
	})
}
