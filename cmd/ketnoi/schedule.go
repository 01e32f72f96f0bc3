package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
	fs := flag.NewFlagSet("schedule", flag.ContinueOnError)
	fs.SetOutput(stderr)
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
	p, err := readProblem(*in)
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
	if err := writeSchedule(*out, stdout, res); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "scheduled %d of %d meetings, weight %d, idle %d, breaks %d, in %v\n",
		len(res.Assignments), len(p.Meetings), res.Objective.Weight, res.Objective.Idle, res.Objective.Breaks,
		time.Since(start).Round(time.Millisecond))
	return nil
}

func readProblem(path string) (schedule.Problem, error) {
	r := io.Reader(os.Stdin)
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return schedule.Problem{}, fmt.Errorf("schedule: %w", err)
		}
		defer f.Close()
		r = f
	}
	p, err := schedule.Parse(r)
	if err != nil {
		return schedule.Problem{}, fmt.Errorf("schedule %s: %w", path, err)
	}
	return p, nil
}

func writeSchedule(path string, stdout io.Writer, res schedule.Result) error {
	data, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return fmt.Errorf("schedule: encode: %w", err)
	}
	data = append(data, '\n')
	if path == "" || path == "-" {
		_, err = stdout.Write(data)
		return err
	}
	// Write then rename, so that a failure never leaves half a file.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("schedule: write: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("schedule: write: %w", err)
	}
	return nil
}
