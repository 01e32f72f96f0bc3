package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"ketnoi/internal/schedule"
)

// holdToHalves restricts every meeting without a slot list to the half of
// the day (the slots of the instance's morning-only list, or the others)
// where the schedule in path has it. It asks whether the annealing's
// choice of which half each free meeting goes to admits fewer breaks
// (docs/benchmarks.md, "Meeting scheduler").
func holdToHalves(p *schedule.Problem, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var res schedule.Result
	if err := json.Unmarshal(b, &res); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	var morning []string
	for _, m := range p.Meetings {
		if len(m.Slots) > 0 && m.Slots[0] == p.Slots[0].ID {
			morning = m.Slots
			break
		}
	}
	if morning == nil {
		return fmt.Errorf("%s has no meeting restricted to the morning", path)
	}
	var afternoon []string
	for _, s := range p.Slots {
		if !slices.Contains(morning, s.ID) {
			afternoon = append(afternoon, s.ID)
		}
	}
	at := map[string]string{}
	for _, a := range res.Assignments {
		at[a.Meeting] = a.Slot
	}
	for i, m := range p.Meetings {
		if len(m.Slots) > 0 {
			continue
		}
		slot, ok := at[m.ID]
		if !ok {
			return fmt.Errorf("%s does not schedule meeting %s", path, m.ID)
		}
		p.Meetings[i].Slots = afternoon
		if slices.Contains(morning, slot) {
			p.Meetings[i].Slots = morning
		}
	}
	return nil
}
