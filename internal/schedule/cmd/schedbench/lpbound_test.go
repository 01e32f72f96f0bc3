package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"ketnoi/internal/schedule"
)

// cbcPath is where Debian's coinor-cbc puts CBC; scripts/test.sh installs it.
const cbcPath = "/usr/bin/cbc"

func needCBC(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(cbcPath); err != nil {
		t.Fatalf("CBC is needed (apt-get install coinor-cbc): %v", err)
	}
}

// The session bound is an upper bound: on an instance CBC solves exactly it
// is at least the proven optimum, which is at least ketnoi's weight, and it
// is below the requested weight (the instance has more requests than room,
// so the bound is not the trivial one).
func TestSessionBoundAboveOptimum(t *testing.T) {
	needCBC(t)
	c := exactCases()[0]
	p := schedule.Generate(c.cfg, 1)
	dir := t.TempDir()
	bound, _, err := sessionBound(cbcPath, dir, "bound", p)
	if err != nil {
		t.Fatal(err)
	}
	mip := filepath.Join(dir, "mip.lp")
	if err := writeLP(mip, p, true); err != nil {
		t.Fatal(err)
	}
	opt, status, _, err := runCBC(cbcPath, mip, filepath.Join(dir, "mip.sol"))
	if err != nil || status != "optimal" {
		t.Fatalf("CBC on the slot model: %v, status %q", err, status)
	}
	r, _, err := solve(p, 0)
	if err != nil {
		t.Fatal(err)
	}
	requested := 0
	for _, m := range p.Meetings {
		requested += max(m.Weight, 1)
	}
	t.Logf("requested %d, bound %.1f, optimum %.1f, ketnoi %d", requested, bound, opt, r.Objective.Weight)
	if bound < opt-1e-6 || opt < float64(r.Objective.Weight)-1e-6 {
		t.Errorf("want bound %.1f ≥ optimum %.1f ≥ ketnoi %d", bound, opt, r.Objective.Weight)
	}
	if bound > float64(requested)-1 {
		t.Errorf("bound %.1f is the requested weight %d: the instance does not test it", bound, requested)
	}
}

// Without fixed meetings, and with absences and restrictions covering whole
// sessions as generated, the session LP has the value of the slot LP.
func TestSessionLPEqualsSlotLP(t *testing.T) {
	needCBC(t)
	cfg := exactCases()[2].cfg
	cfg.FixedShare, cfg.Tables = 0, 1 // tables scarce: their capacity binds
	p := schedule.Generate(cfg, 3)
	dir := t.TempDir()
	session, _, err := sessionBound(cbcPath, dir, "session", p)
	if err != nil {
		t.Fatal(err)
	}
	lp := filepath.Join(dir, "slot.lp")
	if err := writeLP(lp, p, false); err != nil {
		t.Fatal(err)
	}
	slot, status, _, err := runCBC(cbcPath, lp, filepath.Join(dir, "slot.sol"))
	if err != nil || status != "optimal" {
		t.Fatalf("CBC on the slot LP: %v, status %q", err, status)
	}
	if math.Abs(session-slot) > 1e-6 {
		t.Errorf("session LP %.4f, slot LP %.4f: want equal", session, slot)
	}
}
