package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"ketnoi/internal/schedule"
)

func TestHoldToHalves(t *testing.T) {
	slots := []schedule.Slot{{ID: "s1"}, {ID: "s2"}, {ID: "s3"}, {ID: "s4"}}
	p := schedule.Problem{Slots: slots, Meetings: []schedule.Meeting{
		{ID: "am", With: []string{"a", "b"}, Slots: []string{"s1", "s2"}},
		{ID: "early", With: []string{"a", "c"}},
		{ID: "late", With: []string{"b", "c"}},
	}}
	res := schedule.Result{Assignments: []schedule.Assignment{{Meeting: "am", Slot: "s1"}, {Meeting: "early", Slot: "s2"}, {Meeting: "late", Slot: "s4"}}}
	b, _ := json.Marshal(res)
	path := filepath.Join(t.TempDir(), "s.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := holdToHalves(&p, path); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][]string{"am": {"s1", "s2"}, "early": {"s1", "s2"}, "late": {"s3", "s4"}} {
		i := slices.IndexFunc(p.Meetings, func(m schedule.Meeting) bool { return m.ID == id })
		if !slices.Equal(p.Meetings[i].Slots, want) {
			t.Errorf("%s holds %v, want %v", id, p.Meetings[i].Slots, want)
		}
	}
	res.Assignments = res.Assignments[:2]
	b, _ = json.Marshal(res)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	p.Meetings[2].Slots = nil
	if err := holdToHalves(&p, path); err == nil {
		t.Error("a schedule without one of the meetings was accepted")
	}
}
