package exhibit_test

import (
	"context"
	"testing"

	"ketnoi/internal/allocate"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
)

func cand(id int64, name string, app *exhibit.Application) exhibit.Candidate {
	x := event.ExhibitorView{Exhibitor: event.Exhibitor{ID: id, Status: event.Approved},
		Org: org.Organization{Name: i18n.Text{EN: name}, Sectors: []string{"robotics"}}}
	return exhibit.Candidate{Exhibitor: x, App: app}
}

// row of six 3×3 shell booths; X1 is confirmed on A-1, X3 on a booth of an
// exhibitor that is not a candidate (so it is blocked).
func problemFixture() ([]event.Hall, []event.Booth, []exhibit.Candidate) {
	halls := []event.Hall{{ID: 1, Code: "A", Width: 30, Depth: 10}}
	var booths []event.Booth
	for i := 0; i < 6; i++ {
		booths = append(booths, event.Booth{ID: int64(i + 1), HallID: 1, Code: "A-" + string(rune('1'+i)), X: float64(3 * i), W: 3, H: 3,
			Type: event.Shell, Status: event.Free})
	}
	booths[0].ExhibitorID, booths[0].Status = 1, event.Sold
	booths[5].ExhibitorID, booths[5].Status = 99, event.Sold
	cands := []exhibit.Candidate{
		cand(1, "Alpha", nil),
		cand(2, "Beta", &exhibit.Application{BoothType: "shell", Area: 9, Sector: "robotics", Preferred: []string{"A-4", "Z-9"}, Competitors: []string{"alpha"}}),
		cand(3, "Gamma", &exhibit.Application{BoothType: "shell", Area: 18, Sector: "robotics"}),
	}
	return halls, booths, cands
}

func TestBuildProblemSolves(t *testing.T) {
	halls, booths, cands := problemFixture()
	p := exhibit.BuildProblem(halls, booths, cands, nil)
	if p.Booths[5].Status != allocate.StatusBlocked {
		t.Fatalf("a booth of a non-candidate must be blocked: %+v", p.Booths[5])
	}
	if len(p.Locks) != 1 || p.Locks[0].Exhibitor != "x1" || p.Locks[0].Booths[0] != "A-1" {
		t.Fatalf("locks = %+v", p.Locks)
	}
	beta := p.Exhibitors[1]
	if len(beta.Preferred) != 1 || beta.Preferred[0] != "A-4" || len(beta.Competitors) != 1 || beta.Competitors[0] != "x1" {
		t.Fatalf("beta = %+v", beta)
	}
	a, err := allocate.Solve(context.Background(), p, allocate.Options{Seed: 1, Iterations: 10})
	if err != nil {
		t.Fatal(err)
	}
	if err := allocate.Check(p, a); err != nil {
		t.Fatal(err)
	}
	if a.Objective.Placed != 3 {
		t.Fatalf("placed %d of 3: %+v", a.Objective.Placed, a.Unplaced)
	}
	prop := exhibit.Proposal{Placements: a.Placements, Unplaced: a.Unplaced}
	owner := prop.BoothOwner()
	if owner["A-1"] != 1 || owner["A-4"] != 2 || owner["A-2"] == 2 {
		t.Fatalf("owners = %v", owner)
	}
	// The organizer moves Gamma onto Beta's booth: Beta is unplaced, Gamma
	// is locked there, and the next problem keeps that lock.
	prop.Move(3, []string{"A-4", "A-5"}, "moved")
	if len(prop.Unplaced) != 1 || prop.Unplaced[0].Exhibitor != "x2" {
		t.Fatalf("unplaced after move = %+v", prop.Unplaced)
	}
	p2 := exhibit.BuildProblem(halls, booths, cands, prop.Locks())
	a2, err := allocate.Solve(context.Background(), p2, allocate.Options{Seed: 1, Iterations: 10})
	if err != nil {
		t.Fatal(err)
	}
	prop2 := exhibit.Proposal{Placements: a2.Placements}
	if o := prop2.BoothOwner(); o["A-4"] != 3 || o["A-5"] != 3 || o["A-1"] != 1 {
		t.Fatalf("re-run lost the locks: %v", o)
	}
}

func TestApplicationWorkflowRules(t *testing.T) {
	to, err := exhibit.Next(exhibit.Submitted, exhibit.RequestChanges)
	if err != nil || to != exhibit.ChangesRequested {
		t.Fatalf("request changes: %v %v", to, err)
	}
	if _, err := exhibit.Next(exhibit.Withdrawn, exhibit.Approve); err == nil {
		t.Fatal("a withdrawn application was approved")
	}
	if got := exhibit.Actions(exhibit.Submitted, true); len(got) != 3 {
		t.Fatalf("organizer actions on submitted = %v", got)
	}
	if got := exhibit.Actions(exhibit.ChangesRequested, false); len(got) != 2 || got[0] != exhibit.Resubmit {
		t.Fatalf("applicant actions = %v", got)
	}
	a := exhibit.Application{BoothType: "tent", Area: 0, Sector: "x", Preferred: []string{"a", "b", "c", "d"}, Email: "no"}
	if err := a.Validate(); err == nil {
		t.Fatal("bad application accepted")
	}
}
