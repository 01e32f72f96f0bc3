package outcome

import (
	"time"

	"ketnoi/internal/meeting"
)

// Pending lists, for each organization, the meetings that took place —
// held, or scheduled and over at now (many are never checked in) — of
// which it has said nothing yet (no report of its own, none of the other
// side's answered): whom to ask what came of them.
// ends gives the end of a meeting's slot; reported holds the reports by
// meeting.
func Pending(ms []meeting.View, reported map[int64][]View, ends func(meeting.View) (time.Time, bool), now time.Time) map[int64][]meeting.View {
	out := map[int64][]meeting.View{}
	for _, m := range ms {
		switch m.Status {
		case meeting.Held:
		case meeting.Scheduled:
			if end, ok := ends(m); !ok || end.After(now) {
				continue
			}
		default:
			continue
		}
		for _, org := range []int64{m.FromOrg, m.ToOrg} {
			if !said(reported[m.ID], org) {
				out[org] = append(out[org], m)
			}
		}
	}
	return out
}

// said reports whether org reported something of a meeting or answered
// the other side's report.
func said(vs []View, org int64) bool {
	for _, v := range vs {
		if v.Reporter == org || v.Partner == org && v.Status != Reported {
			return true
		}
	}
	return false
}
