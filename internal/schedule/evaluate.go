package schedule

import (
	"slices"
)

// Evaluate checks a list of assignments against every hard rule of p and
// returns its objective. It works from the ids alone, independently of the
// solver, so tests and benchmarks use it to verify schedules. The error lists
// every broken rule.
func Evaluate(p Problem, assignments []Assignment) (Objective, error) {
	m, err := compile(p)
	if err != nil {
		return Objective{}, err
	}
	var ps problems
	meetIndex := make(map[string]int, m.nMeet)
	for i, mt := range p.Meetings {
		meetIndex[mt.ID] = i
	}
	placed := make([]bool, m.nMeet)
	busy := make(map[[2]int32]string) // participant, slot -> meeting
	inLoc := make(map[[2]int32]int)   // location, slot -> meetings
	occupied := make([]uint64, m.nPart*m.words)
	var obj Objective
	for _, a := range assignments {
		i, ok := meetIndex[a.Meeting]
		if !ok {
			ps.add("assignment of unknown meeting %q", a.Meeting)
			continue
		}
		if placed[i] {
			ps.add("meeting %q is assigned twice", a.Meeting)
			continue
		}
		placed[i] = true
		s, okS := m.slotIndex[a.Slot]
		l, okL := m.locIndex[a.Location]
		if !okS || !okL {
			ps.add("meeting %q: unknown slot %q or location %q", a.Meeting, a.Slot, a.Location)
			continue
		}
		checkPlacement(&ps, m, i, s, l)
		for _, k := range m.with[i] {
			key := [2]int32{k, s}
			if o, dup := busy[key]; dup {
				ps.add("participant %q is in meetings %q and %q in slot %q", p.Participants[k].ID, o, a.Meeting, a.Slot)
			}
			busy[key] = a.Meeting
			word := int(m.sessOff[m.slotSess[s]]) + int(m.slotPos[s])/64
			occupied[int(k)*m.words+word] |= 1 << (uint(m.slotPos[s]) % 64)
		}
		inLoc[[2]int32{l, s}]++
		if inLoc[[2]int32{l, s}] == m.locCap[l]+1 {
			ps.add("location %q holds more than %d meetings in slot %q", a.Location, m.locCap[l], a.Slot)
		}
		obj.Weight += m.weight[i]
	}
	for i, mt := range p.Meetings {
		if mt.Fixed != nil && !placed[i] {
			ps.add("fixed meeting %q is not scheduled", mt.ID)
		}
	}
	if err := ps.err(); err != nil {
		return Objective{}, err
	}
	st := &state{m: m, bits: occupied}
	for k := range m.nPart {
		idle, breaks := st.idleBreaks(int32(k))
		obj.Idle += idle
		obj.Breaks += breaks
	}
	return obj, nil
}

// checkPlacement checks meeting i's own rules in slot s at location l.
func checkPlacement(ps *problems, m *model, i int, s, l int32) {
	mt := m.prob.Meetings[i]
	sid, lid := m.prob.Slots[s].ID, m.prob.Locations[l].ID
	if len(mt.Slots) > 0 && !slices.Contains(mt.Slots, sid) {
		ps.add("meeting %q is in slot %q, not one of its slots", mt.ID, sid)
	}
	if len(mt.Locations) > 0 && !slices.Contains(mt.Locations, lid) {
		ps.add("meeting %q is at %q, not one of its locations", mt.ID, lid)
	}
	if f := mt.Fixed; f != nil && (f.Slot != sid || (f.Location != "" && f.Location != lid)) {
		ps.add("fixed meeting %q moved to slot %q at %q", mt.ID, sid, lid)
	}
	for _, k := range m.with[i] {
		if m.unavail[int(k)*m.nSlots+int(s)] {
			ps.add("meeting %q is in slot %q where participant %q is unavailable", mt.ID, sid, m.prob.Participants[k].ID)
		}
	}
}
