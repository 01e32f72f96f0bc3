package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"ketnoi/internal/schedule"
)

func init() {
	register(command{
		name:    "schedule",
		summary: "schedule B2B meetings: --in problem.json --out schedule.json",
		run:     runSchedule,
	})
}

// runSchedule reads a problem file, solves it and writes the schedule
// (format in docs/schedule.md).
func runSchedule(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("schedule", stderr)
	in := fs.String("in", "", "problem file (JSON); - for standard input")
	out := fs.String("out", "", "schedule file to write (JSON); - or empty for standard output")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same schedule")
	iters := fs.Int("iterations", 0, "local-search moves per worker (0: from the problem size, -1: greedy only)")
	workers := fs.Int("workers", 2, "parallel searches")
	limit := fs.Duration("time-limit", 0, "stop the search after this long and keep the best schedule (0: no limit)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" {
		fs.Usage()
		return errors.New("schedule: --in is required")
	}
	p, err := parseFile("schedule", *in, schedule.Parse)
	if err != nil {
		return err
	}
	if *limit > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *limit)
		defer cancel()
	}
	start := time.Now()
	res, err := schedule.Solve(ctx, p, schedule.Options{Seed: *seed, Iterations: *iters, Workers: *workers})
	if err != nil {
		return fmt.Errorf("schedule %s: %w", *in, err)
	}
	if err := writeJSONFile("schedule", *out, stdout, res); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "scheduled %d of %d meetings, weight %d, idle %d, breaks %d, in %v\n",
		len(res.Assignments), len(p.Meetings), res.Objective.Weight, res.Objective.Idle, res.Objective.Breaks,
		time.Since(start).Round(time.Millisecond))
	return nil
}
