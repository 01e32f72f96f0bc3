package main

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/schedule"
)

// boundCase is a generated instance too large for CBC to prove optimality,
// compared with an upper bound instead.
type boundCase struct {
	name string
	cfg  schedule.GenConfig
	seed uint64
}

// boundCases are generated with weights 1–5 (3 for the scale instance) and
// more requests than fit: busy participants are asked for more meetings
// than they have free slots and table meetings outnumber table slots.
func boundCases() []boundCase {
	gen := func(parts, meets, tables int) schedule.GenConfig {
		return schedule.GenConfig{
			Participants: parts, Exhibitors: parts / 5, Meetings: meets,
			Days: 2, SessionsPerDay: 2, SlotsPerSession: 6, Tables: tables, HallCapacity: 2,
			BoothShare: 0.4, GroupShare: 0.05, AwayShare: 0.15, SlotsShare: 0.2, FixedShare: 0.02, MaxWeight: 5,
		}
	}
	mid := schedule.ScaleConfig()
	mid.Participants, mid.Exhibitors, mid.Meetings, mid.Tables = 300, 75, 3000, 30
	return []boundCase{
		{"gen-200p-2000m", gen(200, 2000, 40), 1},
		{"gen-300p-3000m", mid, 1},
		{"gen-500p-5000m", gen(500, 5000, 100), 1},
		{"gen-1000p-10000m", gen(1000, 10000, 200), 1},
		{"scale-2000p-20000m", schedule.ScaleConfig(), 1},
	}
}

// lpBound prints, for each bound case, ketnoi's weight against the optimum
// of the session relaxation (writeSessionModel) solved by CBC as an LP.
// With mipSec > 0 it also gives CBC the slot model (writeLP) as a MIP for
// mipSec seconds and prints what it proved: the optimum, or its best bound.
// Only the instances whose name contains only are run.
func lpBound(cbc string, mipSec int, only string) error {
	if _, err := os.Stat(cbc); err != nil {
		return fmt.Errorf("CBC not found (apt-get install coinor-cbc): %w", err)
	}
	tmp, err := os.MkdirTemp("", "schedbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Println("| instance | participants | meetings | slots | tables | requested weight | ketnoi weight | ketnoi wall s | ketnoi CPU s | bound | bound kind | gap % | bound s |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
	for _, c := range boundCases() {
		if !strings.Contains(c.name, only) {
			continue
		}
		p := schedule.Generate(c.cfg, c.seed)
		r, rd, err := solve(p, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		bound, bd, err := sessionBound(cbc, tmp, c.name, p)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		requested := 0
		for _, m := range p.Meetings {
			requested += max(m.Weight, 1)
		}
		tables := fmt.Sprint(c.cfg.Tables)
		if c.cfg.HallCapacity > 0 {
			tables += fmt.Sprintf(" + hall of %d", c.cfg.HallCapacity)
		}
		fmt.Printf("| %s | %d | %d | %d | %s | %d | %d | %.2f | %.2f | %.1f | session LP (CBC) | %.2f | %.2f |\n",
			c.name, len(p.Participants), len(p.Meetings), len(p.Slots), tables, requested, r.Objective.Weight,
			rd.Seconds(), lastCPU.Seconds(), bound, 100*(bound-float64(r.Objective.Weight))/bound, bd.Seconds())
		if mipSec <= 0 {
			continue
		}
		mb, kind, md, err := slotMIPBound(cbc, tmp, c.name, p, mipSec)
		if err != nil {
			fmt.Printf("| %s | | | | | | | | | | slot MIP (CBC, %d s): %v | | %.2f |\n", c.name, mipSec, err, md.Seconds())
			continue
		}
		fmt.Printf("| %s | | | | | | %d | | | %.1f | %s | %.2f | %.2f |\n", c.name, r.Objective.Weight, mb, kind,
			100*(mb-float64(r.Objective.Weight))/mb, md.Seconds())
	}
	return nil
}

// bestPossible reads CBC's bound from its log, e.g. "Cbc0005I Partial
// search - best objective -10300 (best possible -10383), took ...". CBC
// minimizes the negated weight, hence the absolute value.
var bestPossible = regexp.MustCompile(`best possible (-?[0-9.e+]+)`)

// slotMIPBound runs CBC on the slot model as a MIP for at most sec seconds
// of CPU time (CBC's default time mode); on the loaded machine CBC is
// stopped after 3 × sec + 60 s of wall time. It returns the optimum if CBC proved one, else
// the best bound it printed.
func slotMIPBound(cbc, dir, name string, p schedule.Problem, sec int) (float64, string, time.Duration, error) {
	mps := filepath.Join(dir, name+"-slot.lp")
	if err := writeLP(mps, p, true); err != nil {
		return 0, "", 0, err
	}
	sol := filepath.Join(dir, name+"-slot.sol")
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(3*sec+60)*time.Second)
	defer cancel()
	start := time.Now()
	out, err := exec.CommandContext(ctx, cbc, mps, "-threads", "1", "-sec", strconv.Itoa(sec), "-solve", "-solu", sol).CombinedOutput()
	d := time.Since(start)
	if ctx.Err() != nil {
		return 0, "", d, fmt.Errorf("no answer, stopped")
	}
	if err != nil {
		return 0, "", d, fmt.Errorf("cbc: %w", err)
	}
	data, err := os.ReadFile(sol)
	if err != nil {
		return 0, "", d, err
	}
	if strings.HasPrefix(string(data), "Optimal") {
		fields := strings.Fields(strings.SplitN(string(data), "\n", 2)[0])
		v, err := strconv.ParseFloat(fields[len(fields)-1], 64)
		return math.Abs(v), "slot MIP optimum (CBC)", d, err
	}
	m := bestPossible.FindAllSubmatch(out, -1)
	if len(m) == 0 {
		return 0, "", d, fmt.Errorf("no bound in CBC's log")
	}
	v, err := strconv.ParseFloat(string(m[len(m)-1][1]), 64)
	return math.Abs(v), fmt.Sprintf("slot MIP best bound (CBC, stopped at %d s)", sec), d, err
}

// sessionBound solves the LP relaxation of the session model with CBC and
// returns its optimum, an upper bound on the scheduled weight, and CBC's
// wall time.
func sessionBound(cbc, dir, name string, p schedule.Problem) (float64, time.Duration, error) {
	lp := filepath.Join(dir, name+"-session.lp")
	if err := writeSessionModel(lp, p, false); err != nil {
		return 0, 0, err
	}
	val, status, d, err := runCBC(cbc, lp, filepath.Join(dir, name+"-session.sol"))
	if err != nil {
		return 0, d, err
	}
	if status != "optimal" {
		return 0, d, fmt.Errorf("session LP: CBC status %q, not a bound", status)
	}
	return val, d, nil
}

// writeSessionModel writes the session relaxation of the weight
// maximization in CPLEX LP format: y(m,c,g) = 1 when meeting m is held in
// session c at location group g (interchangeable tables aggregated as in
// tableGroups). Per session, a participant holds at most as many meetings
// as it has free slots, and a location group at most its capacity times
// the session's slots. Every schedule maps to a solution of this model
// (y = the number of m's slots in c), so its optimum, and CBC's best bound
// on it, bound the optimal scheduled weight from above. When absences and
// slot restrictions cover whole sessions (as in the generated instances)
// and no meeting is fixed, its LP relaxation has the same value as the LP
// relaxation of the slot model (spread y evenly over the session's slots);
// fixed meetings only keep their session here, not their slot.
func writeSessionModel(path string, p schedule.Problem, integer bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	sessOf := map[string]string{}
	size := map[string]int{}
	for _, s := range p.Slots {
		c := s.Session
		if c == "" {
			c = s.Day
		}
		sessOf[s.ID] = c
		size[c]++
	}
	away := map[string]bool{}
	free := map[string]int{} // participant@session -> free slots
	for _, pt := range p.Participants {
		for _, s := range pt.Unavailable {
			away[pt.ID+"@"+s] = true
		}
		for _, s := range p.Slots {
			if !away[pt.ID+"@"+s.ID] {
				free[pt.ID+"@"+sessOf[s.ID]]++
			}
		}
	}
	groups, caps := tableGroups(p)
	type yVar struct {
		name, meeting, sess, loc string
		with                     []string
		weight                   int
		fixed                    bool
	}
	var vars []yVar
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
		if m.Fixed != nil {
			slots = []string{m.Fixed.Slot}
			if m.Fixed.Location != "" {
				locs = []string{m.Fixed.Location}
			}
		}
		var gs []string // location groups, each once
		for _, l := range locs {
			if !slices.Contains(gs, groups[l]) {
				gs = append(gs, groups[l])
			}
		}
		var ss []string // sessions with a slot where everyone is free
		for _, s := range slots {
			if slices.ContainsFunc(m.With, func(pid string) bool { return away[pid+"@"+s] }) {
				continue
			}
			if !slices.Contains(ss, sessOf[s]) {
				ss = append(ss, sessOf[s])
			}
		}
		for ci, c := range ss {
			for gi, g := range gs {
				vars = append(vars, yVar{
					name: fmt.Sprintf("y%d_%d_%d", i, ci, gi), meeting: m.ID, sess: c, loc: g,
					with: m.With, weight: max(m.Weight, 1), fixed: m.Fixed != nil,
				})
			}
		}
	}
	fmt.Fprintln(w, "Maximize\n obj:")
	for _, v := range vars {
		fmt.Fprintf(w, " + %d %s\n", v.weight, v.name)
	}
	fmt.Fprintln(w, "Subject To")
	rows := map[string][]string{}
	var keys []string
	add := func(k, name string) {
		if _, ok := rows[k]; !ok {
			keys = append(keys, k)
		}
		rows[k] = append(rows[k], name)
	}
	fixed := map[string]bool{}
	for _, v := range vars {
		add("m\x00"+v.meeting, v.name)
		for _, pid := range v.with {
			add("p\x00"+pid+"@"+v.sess, v.name)
		}
		add("g\x00"+v.loc+"@"+v.sess, v.name)
		fixed[v.meeting] = v.fixed
	}
	for n, k := range keys {
		kind, id, _ := strings.Cut(k, "\x00")
		op, rhs := "<=", 1
		switch kind {
		case "m":
			if fixed[id] {
				op = "="
			}
		case "p":
			rhs = free[id]
		case "g":
			loc, sess, _ := strings.Cut(id, "@")
			rhs = caps[loc] * size[sess]
		}
		fmt.Fprintf(w, " %s%d: %s %s %d\n", kind, n, strings.Join(rows[k], " + "), op, rhs)
	}
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
