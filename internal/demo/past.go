package demo

import (
	"math/rand/v2"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
)

// pastTables is how many matchmaking tables last year's day had.
const pastTables = 30

// PastMeetings returns the meetings of last year's B2B matchmaking day
// (PastID), numbered from firstID, the same for the same data set: pairs
// of a need's owner and an offer's or a research result's owner in the
// same sector, placed at the tables by slot; most were held (checked in
// at the table), some were no-shows, a few were cancelled beforehand. The
// demo accounts have theirs: the visitor's company met Minh Phat (nothing
// reported of it yet: the visitor can say what came of it) and Hanbit
// Robotics (which reported a follow-up the visitor's company has not yet
// confirmed, see Outcomes).
func PastMeetings(ds *Dataset, cards []market.Card, firstID int64) []meeting.Meeting {
	rng := rand.New(rand.NewPCG(uint64(len(cards)), 0x70617374)) // "past"
	member := map[int64]int64{}
	for _, m := range ds.Memberships {
		if _, ok := member[m.OrgID]; !ok {
			member[m.OrgID] = m.PersonID
		}
	}
	offers := map[string][]market.Card{}
	for _, c := range cards {
		if (c.Kind == market.Offer || c.Kind == market.ResearchResult) && c.Status == market.Published && member[c.OrgID] != 0 {
			offers[c.Sectors[0]] = append(offers[c.Sectors[0]], c)
		}
	}
	slots := meeting.Slots([]string{pastDay}, event.Zone(ds.Venues[0].TimeZone))
	busy := map[[2]int64]bool{} // (org, slot index) taken
	atTables := make([]int, len(slots))
	pairs := map[[2]int64]bool{}
	var out []meeting.Meeting
	add := func(from, to, card int64, msg string, st meeting.Status) {
		key := [2]int64{min(from, to), max(from, to)}
		if from == to || pairs[key] || member[from] == 0 || member[to] == 0 {
			return
		}
		// The first slot, from a random start, with both sides and a table free.
		k0 := rng.IntN(len(slots))
		for d := range slots {
			k := (k0 + d) % len(slots)
			if busy[[2]int64{from, int64(k)}] || busy[[2]int64{to, int64(k)}] || atTables[k] == pastTables {
				continue
			}
			pairs[key] = true
			s := slots[k]
			m := meeting.Meeting{ID: firstID + int64(len(out)), EventID: PastID, FromOrg: from, ToOrg: to, CardID: card, Origin: meeting.FromCard,
				Message: msg, Place: meeting.Table, Status: st, RequestedBy: member[from], AnsweredBy: member[to],
				CreatedAt: s.Starts.AddDate(0, 0, -20).Add(time.Duration(len(out)) * 11 * time.Minute).UTC()}
			if st == meeting.Cancelled {
				m.Reason = "Trùng lịch / A clash in our schedule"
			} else {
				busy[[2]int64{from, int64(k)}], busy[[2]int64{to, int64(k)}] = true, true
				atTables[k]++
				m.Slot, m.Location = s.ID, meeting.TableID(atTables[k])
			}
			if st == meeting.Held {
				at := s.Starts.Add(time.Duration(1+rng.IntN(6)) * time.Minute).UTC()
				m.CheckedInAt = &at
			}
			m.UpdatedAt = s.Ends.UTC()
			out = append(out, m)
			return
		}
	}
	visitorCo, minhPhat, hanbit := visitorCompany(ds), int64(1), int64(2)
	add(visitorCo, minhPhat, 0, "Chúng tôi muốn tìm hiểu robot hàn cho xưởng cơ khí.", meeting.Held)
	add(hanbit, visitorCo, 0, "We would like to present our vision-guided robots.", meeting.Held)
	for _, n := range cards {
		if n.Kind != market.Need || n.Status != market.Published || member[n.OrgID] == 0 || rng.IntN(2) != 0 {
			continue
		}
		cands := offers[n.Sectors[0]]
		for k := 0; k < 2 && len(cands) > 0; k++ {
			o := cands[rng.IntN(len(cands))]
			st := meeting.Held
			switch r := rng.Float64(); {
			case r < 0.08:
				st = meeting.NoShow
			case r < 0.14:
				st = meeting.Cancelled
			}
			add(n.OrgID, o.OrgID, o.ID, "Xin gặp để trao đổi về: "+o.Title.VI, st)
		}
	}
	return out
}
