package schedule

import (
	"fmt"
	"strings"
)

// reason explains to an organizer why meeting mt stayed unscheduled.
func (st *state) reason(mt int32) string {
	m := st.m
	names := st.participantNames(mt)
	if len(m.dom[mt]) == 0 {
		if len(m.prob.Meetings[mt].Slots) > 0 {
			return fmt.Sprintf("%s have no common free slot among the meeting's allowed slots", names)
		}
		return fmt.Sprintf("%s have no common free slot", names)
	}
	busy := make([]int, len(m.with[mt]))
	full := 0
	for _, s := range m.dom[mt] {
		blocked := false
		for i, k := range m.with[mt] {
			if st.occ[int(k)*m.nSlots+int(s)] >= 0 {
				busy[i]++
				blocked = true
			}
		}
		if !blocked {
			full++
		}
	}
	n := len(m.dom[mt])
	where := "location"
	if !m.allLocs[mt] {
		where = "allowed location"
	}
	if full == n {
		return fmt.Sprintf("no %s free in any of the %d common free slots of %s", where, n, names)
	}
	var parts []string
	for i, k := range m.with[mt] {
		if busy[i] > 0 {
			parts = append(parts, fmt.Sprintf("%s has other meetings in %d", m.prob.Participants[k].ID, busy[i]))
		}
	}
	msg := fmt.Sprintf("all %d common free slots of %s are taken: %s", n, names, joinAnd(parts))
	if full > 0 {
		msg += fmt.Sprintf("; no %s is free in %d", where, full)
	}
	return msg
}

func (st *state) participantNames(mt int32) string {
	ids := make([]string, len(st.m.with[mt]))
	for i, k := range st.m.with[mt] {
		ids[i] = st.m.prob.Participants[k].ID
	}
	return joinAnd(ids)
}

// joinAnd writes "a", "a and b", "a, b and c".
func joinAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
