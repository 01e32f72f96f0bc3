// Command schedbench makes the scheduler's benchmark tables for
// docs/benchmarks.md: the JAIR 2022 instances against the paper's optima,
// generated instances against an exact MIP solver (CBC), larger generated
// instances against an upper bound (an LP relaxation solved by CBC), and
// the scale instance. Run it through scripts/bench-schedule.sh.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"ketnoi/internal/schedule"
)

func main() {
	mode := flag.String("mode", "jair", "jair, seeds, exact, lpbound, scale, cnf, chrono or order")
	dir := flag.String("jair", "../shared/bench/b2b-jair2022", "directory of the JAIR 2022 instances")
	cbc := flag.String("cbc", "/usr/bin/cbc", "CBC binary for -mode exact and lpbound")
	mipSec := flag.Int("mipsec", 0, "with -mode lpbound, also give CBC the slot model as a MIP for this many seconds")
	only := flag.String("instance", "", "with -mode lpbound, run only the instances whose name contains this")
	subset := flag.String("only", "", "with -mode jair or seeds, run only these instances (comma-separated names)")
	seeds := flag.String("seeds", "1,2,3", "with -mode seeds, the seeds (comma-separated)")
	cnfIn := flag.String("in", "", "with -mode cnf or chrono, the problem file")
	cnfOut := flag.String("out", "problem.cnf", "with -mode cnf, the DIMACS file to write")
	maxBreaks := flag.Int("breaks", 0, "with -mode cnf or chrono, the largest total breaks allowed")
	implied := flag.Bool("implied", false, "with -mode cnf, add each participant's busy-slot counts")
	perPart := flag.Bool("per-participant", false, "with -mode cnf, bound the participants with a break, not the breaks")
	onlyBroken := flag.String("only-broken", "", "with -mode cnf, a JSON file listing the only participant ids allowed a break")
	var ch chronoOptions
	flag.IntVar(&ch.Limit, "limit", 5000, "with -mode chrono, nodes per try")
	flag.IntVar(&ch.Tries, "tries", 100, "with -mode chrono, tries (restarts)")
	flag.Uint64Var(&ch.Seed, "seed", 1, "with -mode chrono, the random seed")
	flag.Float64Var(&ch.MeetFirst, "meet-first", 0.5, "with -mode chrono, the probability that a participant first tries to meet rather than wait")
	flag.BoolVar(&ch.Reverse, "reverse", false, "with -mode chrono, search from the last slot back")
	flag.BoolVar(&ch.ByFailures, "by-failures", false, "with -mode chrono, order the waiting participants by their past failures")
	flag.BoolVar(&ch.HintBreaks, "hint-breaks", false, "with -mode chrono and -hint, only the hint's participants with a break may have one")
	flag.Float64Var(&ch.Noise, "noise", 0, "with -mode chrono and -hint, the probability of leaving the hint at each choice")
	flag.BoolVar(&ch.Straddlers, "straddlers", false, "with -mode chrono, only participants with both morning-only and afternoon-only meetings may have a break, one each")
	hint := flag.String("hint", "", "with -mode chrono, a schedule whose slots the search tries first")
	sched := flag.String("schedule", "", "with -mode order, a schedule of the problem -in")
	halves := flag.String("halves", "", "with -mode cnf, a schedule: each meeting without a slot list is held to the half of the day it has there")
	flag.Parse()
	var err error
	switch *mode {
	case "jair":
		err = jair(*dir, *subset)
	case "seeds":
		err = seedTable(os.Stdout, *dir, *subset, *seeds)
	case "exact":
		err = exact(*cbc)
	case "lpbound":
		err = lpBound(*cbc, *mipSec, *only)
	case "scale":
		err = scale()
	case "cnf":
		opt := cnfOptions{MaxBreaks: *maxBreaks, Implied: *implied, PerParticipant: *perPart, Halves: *halves}
		if opt.OnlyBroken, err = readIDSet(*onlyBroken); err == nil {
			err = exportCNF(*cnfIn, *cnfOut, opt)
		}
	case "order":
		err = printOrder(os.Stdout, *cnfIn, *sched)
	case "chrono":
		ch.Breaks = *maxBreaks
		err = printChrono(os.Stdout, *cnfIn, *hint, ch)
	default:
		err = fmt.Errorf("unknown mode %q", *mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "schedbench:", err)
		os.Exit(1)
	}
}

// paper holds Table 5 of Bofill et al. (JAIR 2022): optimum and CPLEX best.
var paper = map[string][2]int{
	"forum-13": {0, 0}, "forum-13crafb": {6, 12}, "forum-13crafc": {1, 8}, "forum-14": {2, 21},
	"forumt-14": {5, 5}, "forumt-14crafc": {5, 5}, "forumt-14crafd": {4, 4}, "forumt-14crafe": {5, 5},
	"tic-12": {0, 0}, "tic-12crafc": {0, 0}, "tic-13": {0, 0}, "tic-13crafb": {0, 0}, "tic-13crafc": {4, 4},
	"tic-14crafa": {0, 0}, "tic-14crafc": {0, 0}, "tic-14crafd": {0, 0},
	"ticf-13crafa": {0, 0}, "ticf-13crafb": {3, 17}, "ticf-13crafc": {1, 3}, "ticf-14crafa": {0, 22},
}

func load(path string) (schedule.Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return schedule.Problem{}, err
	}
	defer f.Close()
	return schedule.Parse(f)
}

// cpuTime is the user+sys CPU time of this process so far. On the shared,
// loaded machine wall time says little; the CPU time of one solve (run
// alone in this process) is what two free cores would need, summed.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// lastCPU is the CPU time of the last solve call.
var lastCPU time.Duration

// solve runs Solve, verifies the schedule with Evaluate and times it (wall
// time returned, CPU time in lastCPU).
func solve(p schedule.Problem, iters int) (schedule.Result, time.Duration, error) {
	start, c0 := time.Now(), cpuTime()
	res, err := schedule.Solve(context.Background(), p, schedule.Options{Seed: 1, Iterations: iters})
	d := time.Since(start)
	lastCPU = cpuTime() - c0
	if err != nil {
		return res, d, err
	}
	if _, err := schedule.Evaluate(p, res.Assignments); err != nil {
		return res, d, fmt.Errorf("invalid schedule: %w", err)
	}
	return res, d, nil
}

func jair(dir, subset string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no JAIR instances in %s (expected ../shared/bench/b2b-jair2022 from the repository root)", dir)
	}
	slices.Sort(files)
	fmt.Println("| instance | meetings | optimum | CPLEX MIP | greedy breaks | greedy s | ketnoi breaks | ketnoi wall s | ketnoi CPU s (2 workers) | unscheduled |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	var tot [4]int
	var worst, worstCPU time.Duration
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if subset != "" && !slices.Contains(strings.Split(subset, ","), name) {
			continue
		}
		p, err := load(f)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		g, gd, err := solve(p, -1)
		if err != nil {
			return fmt.Errorf("%s greedy: %w", name, err)
		}
		r, rd, err := solve(p, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		worst, worstCPU = max(worst, rd), max(worstCPU, lastCPU)
		ref := paper[name]
		tot[0], tot[1], tot[2], tot[3] = tot[0]+ref[0], tot[1]+ref[1], tot[2]+g.Objective.Breaks, tot[3]+r.Objective.Breaks
		fmt.Printf("| %s | %d | %d | %d | %d | %.3f | %d | %.2f | %.2f | %d |\n", name, len(p.Meetings), ref[0], ref[1],
			g.Objective.Breaks, gd.Seconds(), r.Objective.Breaks, rd.Seconds(), lastCPU.Seconds(), len(r.Unscheduled))
	}
	fmt.Printf("| **total** | | **%d** | **%d** | **%d** | | **%d** | max %.2f | max %.2f | |\n", tot[0], tot[1], tot[2], tot[3], worst.Seconds(), worstCPU.Seconds())
	return nil
}

func scale() error {
	p := schedule.Generate(schedule.ScaleConfig(), 1)
	total := 0
	for _, m := range p.Meetings {
		total += max(m.Weight, 1)
	}
	fmt.Println("| run | weight scheduled | of requested | meetings unscheduled | idle | breaks | wall s |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, mode := range []struct {
		name  string
		iters int
	}{{"greedy", -1}, {"ketnoi", 0}} {
		r, d, err := solve(p, mode.iters)
		if err != nil {
			return err
		}
		fmt.Printf("| %s | %d | %d | %d | %d | %d | %.2f |\n", mode.name, r.Objective.Weight, total,
			len(r.Unscheduled), r.Objective.Idle, r.Objective.Breaks, d.Seconds())
	}
	return nil
}

// exactCase is a generated instance for the comparison with CBC.
type exactCase struct {
	name string
	cfg  schedule.GenConfig
}

func exactCases() []exactCase {
	small := func(parts, ex, meets, tables int) schedule.GenConfig {
		return schedule.GenConfig{
			Participants: parts, Exhibitors: ex, Meetings: meets,
			Days: 2, SessionsPerDay: 2, SlotsPerSession: 4, Tables: tables, HallCapacity: 2,
			BoothShare: 0.4, GroupShare: 0.05, AwayShare: 0.15, SlotsShare: 0.2, FixedShare: 0.03, MaxWeight: 5,
		}
	}
	return []exactCase{
		{"gen-30p-140m-s1", small(30, 6, 140, 3)},
		{"gen-30p-140m-s2", small(30, 6, 140, 3)},
		{"gen-40p-220m-s1", small(40, 8, 220, 4)},
		{"gen-40p-220m-s2", small(40, 8, 220, 4)},
		{"gen-60p-400m-s1", small(60, 10, 400, 6)},
	}
}

func exact(cbc string) error {
	if _, err := os.Stat(cbc); err != nil {
		return fmt.Errorf("CBC not found (apt-get install coinor-cbc): %w", err)
	}
	tmp, err := os.MkdirTemp("", "schedbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Println("| instance | meetings | CBC | CBC value | CBC s | ketnoi weight | ketnoi s | ketnoi / CBC |")
	fmt.Println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
	for i, c := range exactCases() {
		p := schedule.Generate(c.cfg, uint64(i+1))
		lp := filepath.Join(tmp, c.name+".lp")
		if err := writeLP(lp, p, true); err != nil {
			return err
		}
		val, status, d, err := runCBC(cbc, lp, filepath.Join(tmp, c.name+".sol"))
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		r, rd, err := solve(p, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		fmt.Printf("| %s | %d | %s | %.1f | %.2f | %d | %.2f | %.2f%% |\n", c.name, len(p.Meetings), "MIP "+status, val, d.Seconds(),
			r.Objective.Weight, rd.Seconds(), 100*float64(r.Objective.Weight)/val)
	}
	return nil
}

// writeLP writes the weight-maximization model in CPLEX LP format:
// x(m,s,l) = 1 when meeting m is in slot s at location l.
func writeLP(path string, p schedule.Problem, integer bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	vars := lpVariables(p)
	fmt.Fprintln(w, "Maximize\n obj:")
	for _, v := range vars {
		fmt.Fprintf(w, " + %d %s\n", v.weight, v.name)
	}
	fmt.Fprintln(w, "Subject To")
	group := func(prefix string, key func(lpVar) string, rhs func(string) int, eq func(string) bool) {
		rows := map[string][]string{}
		var keys []string
		for _, v := range vars {
			k := key(v)
			if k == "" {
				continue
			}
			if _, ok := rows[k]; !ok {
				keys = append(keys, k)
			}
			rows[k] = append(rows[k], v.name)
		}
		for n, k := range keys {
			op := "<="
			if eq != nil && eq(k) {
				op = "="
			}
			fmt.Fprintf(w, " %s%d: %s %s %d\n", prefix, n, strings.Join(rows[k], " + "), op, rhs(k))
		}
	}
	fixed := map[string]bool{}
	for _, m := range p.Meetings {
		fixed[m.ID] = m.Fixed != nil
	}
	one := func(string) int { return 1 }
	group("m", func(v lpVar) string { return v.meeting }, one, func(k string) bool { return fixed[k] })
	for _, pt := range p.Participants {
		id := pt.ID
		group("p"+sanitize(id)+"_", func(v lpVar) string {
			if slices.Contains(v.with, id) {
				return v.slot
			}
			return ""
		}, one, nil)
	}
	groups, caps := tableGroups(p)
	capOf := func(k string) int { return caps[strings.Split(k, "@")[0]] }
	// One capacity row per group of interchangeable tables and slot, and one
	// per location and slot for meetings pinned to a location.
	group("g", func(v lpVar) string { return groups[v.loc] + "@" + v.slot }, capOf, nil)
	group("l", func(v lpVar) string {
		if groups[v.loc] == v.loc {
			return ""
		}
		return v.loc + "@" + v.slot
	}, capOf, nil)
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = v.name
	}
	writeLPEnd(w, names, integer)
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// writeLPEnd ends an LP file: the variables binary for the MIP, or
// bounded by 0 and 1 for its relaxation.
func writeLPEnd(w io.Writer, names []string, integer bool) {
	if integer {
		fmt.Fprintln(w, "Binary")
		for _, n := range names {
			fmt.Fprintf(w, " %s\n", n)
		}
	} else {
		fmt.Fprintln(w, "Bounds")
		for _, n := range names {
			fmt.Fprintf(w, " 0 <= %s <= 1\n", n)
		}
	}
	fmt.Fprintln(w, "End")
}

type lpVar struct {
	name, meeting, slot, loc string
	with                     []string
	weight                   int
}

// lpVariables lists every allowed (meeting, slot, location).
func lpVariables(p schedule.Problem) []lpVar {
	groups, _ := tableGroups(p)
	away := map[string]bool{}
	for _, pt := range p.Participants {
		for _, s := range pt.Unavailable {
			away[pt.ID+"@"+s] = true
		}
	}
	var vars []lpVar
	for i, m := range p.Meetings {
		slots, locs := m.Slots, m.Locations
		if len(slots) == 0 {
			for _, s := range p.Slots {
				slots = append(slots, s.ID)
			}
		}
		if len(locs) == 0 {
			for _, l := range p.Locations {
				locs = append(locs, l.ID)
			}
		}
		if len(locs) > 1 && groups[locs[0]] != locs[0] {
			locs = []string{groups[locs[0]]} // interchangeable tables: one variable
		}
		if m.Fixed != nil {
			slots = []string{m.Fixed.Slot}
			if m.Fixed.Location != "" {
				locs = []string{m.Fixed.Location}
			}
		}
		for si, s := range slots {
			if slices.ContainsFunc(m.With, func(pid string) bool { return away[pid+"@"+s] }) {
				continue
			}
			for li, l := range locs {
				vars = append(vars, lpVar{
					name: fmt.Sprintf("x%d_%d_%d", i, si, li), meeting: m.ID, slot: s, loc: l,
					with: m.With, weight: max(m.Weight, 1),
				})
			}
		}
	}
	return vars
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, s)
}

// runCBC solves the model and reads the objective from the solution file.
func runCBC(cbc, lp, sol string) (float64, string, time.Duration, error) {
	start := time.Now()
	out, err := exec.Command(cbc, lp, "-threads", "1", "-sec", "600", "-solve", "-solu", sol).CombinedOutput()
	d := time.Since(start)
	if err != nil {
		return 0, "", d, fmt.Errorf("cbc: %w: %s", err, out)
	}
	data, err := os.ReadFile(sol)
	if err != nil {
		return 0, "", d, err
	}
	first := strings.SplitN(string(data), "\n", 2)[0]
	// "Optimal - objective value 123.00000000"
	fields := strings.Fields(first)
	if len(fields) < 2 {
		return 0, "", d, fmt.Errorf("cbc solution header %q", first)
	}
	val, err := strconv.ParseFloat(fields[len(fields)-1], 64)
	if err != nil {
		return 0, "", d, fmt.Errorf("cbc solution header %q: %w", first, err)
	}
	if val < 0 {
		val = -val // CBC may report a maximization as a negated minimum
	}
	return val, strings.ToLower(fields[0]), d, nil
}

// tableGroups aggregates interchangeable tables: the locations of the one
// multi-location list that meetings share (the generator's table list) form
// a group whose capacity is the sum of theirs. Every other location is its
// own group. The aggregation is exact and keeps the model small.
func tableGroups(p schedule.Problem) (map[string]string, map[string]int) {
	groups, caps := map[string]string{}, map[string]int{}
	for _, l := range p.Locations {
		groups[l.ID] = l.ID
		caps[l.ID] = max(l.Capacity, 1)
	}
	for _, m := range p.Meetings {
		if len(m.Locations) > 1 {
			for _, l := range m.Locations {
				groups[l] = "tables"
				caps["tables"] += caps[l]
			}
			groups["tables"] = "tables"
			break
		}
	}
	return groups, caps
}
