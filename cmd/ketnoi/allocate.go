package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"ketnoi/internal/allocate"
)

func init() {
	register(command{
		name:    "allocate",
		summary: "allocate trade-fair booths to exhibitors (JSON in, JSON out; see docs/allocate.md)",
		run:     runAllocate,
	})
}

func runAllocate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("allocate", stderr)
	in := fs.String("in", "", "problem file (JSON, see docs/allocate.md); - for stdin")
	out := fs.String("out", "", "allocation file to write; - or empty for stdout")
	seed := fs.Int64("seed", 0, "random seed (default: the file's options.seed)")
	limit := fs.Duration("time-limit", 0, "time limit of the local search (default: the file's options.time_limit_ms, else 4s)")
	greedy := fs.Bool("greedy", false, "run the greedy pass only")
	generate := fs.Int64("generate", 0, "write a generated 4-hall, 2,000-booth, 500-exhibitor problem for this seed to --out instead of solving")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *generate != 0 {
		return writeJSONFile("allocate", *out, stdout, allocate.Generate(*generate, allocate.FairConfig()))
	}
	if *in == "" {
		fs.Usage()
		return fmt.Errorf("allocate: --in is required")
	}
	p, err := parseFile("allocate", *in, allocate.Parse)
	if err != nil {
		return err
	}
	a, err := allocate.Solve(ctx, p, allocate.Options{Seed: *seed, TimeLimit: *limit, GreedyOnly: *greedy})
	if err != nil {
		return fmt.Errorf("allocate %s: %w", *in, err)
	}
	if err := allocate.Check(p, a); err != nil {
		return fmt.Errorf("allocate %s: internal error, the allocation breaks a rule: %w", *in, err)
	}
	if err := writeJSONFile("allocate", *out, stdout, a); err != nil {
		return err
	}
	o := a.Objective
	fmt.Fprintf(stderr, "allocate: placed %d of %d approved exhibitors (%d first choices, %d zone matches, %d pavilion contacts) in %v\n",
		o.Placed, o.Approved, o.FirstChoice, o.ZoneMatch, o.PavilionEdges, time.Duration(a.Stats.Millis)*time.Millisecond)
	return nil
}
