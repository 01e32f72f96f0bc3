package demo

import (
	"math/rand/v2"
	"slices"
	"time"

	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/outcome"
)

// Outcomes returns the demo's reports of what came of marketplace cards
// from June 2025 to November 2026, the same for the same data set: an
// organization that needs something in the card's sector reports a
// follow-up, an NDA, a pilot or a contract of one offer in eight,
// an MoU, an NDA or a technology transfer of every research result,
// an MoU of one partnership call in three, an investment of every investor's
// card; most are confirmed by the card's owner, some wait for it, a
// few are disputed. (The fair and the
// forum are still to come.) Of last year's matchmaking day (past), a side
// of about half the held meetings reported something, most confirmed
// since. Minh Phat, the exhibitor admin's company, has a report waiting
// for its confirmation from the visitor's company, and the visitor's
// company one from Hanbit Robotics.
func Outcomes(ds *Dataset, cards []market.Card, past []meeting.Meeting) []outcome.Outcome {
	rng := rand.New(rand.NewPCG(uint64(len(cards)), 0x6f7574)) // "out"
	member := map[int64]int64{}                                // org → a member who reports or answers
	for _, m := range ds.Memberships {
		if _, ok := member[m.OrgID]; !ok {
			member[m.OrgID] = m.PersonID
		}
	}
	needs := map[string][]int64{} // sector → organizations with a published need
	for _, c := range cards {
		if c.Kind == market.Need && c.Status == market.Published && member[c.OrgID] != 0 {
			needs[c.Sectors[0]] = append(needs[c.Sectors[0]], c.OrgID)
		}
	}
	var out []outcome.Outcome
	type key struct {
		card, reporter int64
		kind           outcome.Kind
	}
	seen := map[key]bool{} // a card is reported once per organization and kind
	add := func(c market.Card, reporter int64, kind outcome.Kind, value int64, st outcome.Status, note string) {
		k := key{c.ID, reporter, kind}
		if reporter == c.OrgID || member[reporter] == 0 || seen[k] {
			return
		}
		seen[k] = true
		at := time.Date(2025, 6, 1, 3, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(520*24)) * time.Hour)
		o := outcome.Outcome{ID: int64(len(out) + 1), CardID: c.ID, Reporter: reporter, Partner: c.OrgID, Kind: kind, Value: value,
			Note: note, Status: st, ReportedBy: member[reporter], CreatedAt: at, UpdatedAt: at}
		if st != outcome.Reported {
			o.AnsweredBy, o.UpdatedAt = member[c.OrgID], at.Add(50*time.Hour)
		}
		if st == outcome.Disputed {
			o.Answer = "Chưa ký kết chính thức"
		}
		out = append(out, o)
	}
	visitorCo, minhPhat := visitorCompany(ds), int64(1)
	for _, c := range cards {
		if c.OrgID == minhPhat && c.Status == market.Published && c.Kind == market.Offer {
			add(c, visitorCo, outcome.Pilot, 450_000_000, outcome.Reported, "Thử nghiệm robot hàn tại xưởng Thuận An trong 3 tháng.")
			break
		}
	}
	var enterprises []int64 // organizations with a member that publish a need, for cards whose sector has none
	for _, c := range cards {
		if c.Kind == market.Need && member[c.OrgID] != 0 && !slices.Contains(enterprises, c.OrgID) {
			enterprises = append(enterprises, c.OrgID)
		}
	}
	for _, c := range cards {
		// How often a card of each kind led somewhere, and to what.
		var every int
		var kinds []outcome.Kind
		switch c.Kind {
		case market.Offer:
			every, kinds = 8, []outcome.Kind{outcome.FollowUp, outcome.NDA, outcome.Pilot, outcome.Contract}
		case market.ResearchResult:
			every, kinds = 1, []outcome.Kind{outcome.MoU, outcome.NDA, outcome.TechTransfer, outcome.TechTransfer}
		case market.PilotSite:
			every, kinds = 4, []outcome.Kind{outcome.FollowUp, outcome.Pilot}
		case market.Partnership:
			every, kinds = 3, []outcome.Kind{outcome.MoU}
		case market.Investment:
			every, kinds = 1, []outcome.Kind{outcome.Investment}
		default:
			continue
		}
		if c.Status != market.Published || rng.IntN(every) != 0 {
			continue
		}
		cands := needs[c.Sectors[0]]
		if len(cands) == 0 {
			cands = enterprises
		}
		kind := kinds[rng.IntN(len(kinds))]
		var value int64
		switch kind {
		case outcome.Contract, outcome.TechTransfer:
			value = int64(1+rng.IntN(120)) * 50_000_000 // 50 million to 6 billion đồng
		case outcome.Investment:
			value = int64(2+rng.IntN(40)) * 1_000_000_000
		case outcome.Pilot:
			value = int64(rng.IntN(20)) * 25_000_000
		}
		st := outcome.Confirmed
		switch r := rng.Float64(); {
		case kind == outcome.Investment:
			// Investments are announced once signed: the few investors'
			// cards all count, so the indicators show their value.
		case r < 0.25:
			st = outcome.Reported
		case r < 0.33:
			st = outcome.Disputed
		}
		add(c, cands[rng.IntN(len(cands))], kind, value, st, "Từ tin: "+c.Title.VI)
	}
	return append(out, pastOutcomes(past, int64(len(out))+1, member, visitorCo, rng)...)
}

// pastNotes are what a reporter writes of each kind of outcome of last
// year's meetings, in the language most of them use.
var pastNotes = map[outcome.Kind]string{
	outcome.FollowUp:     "Đã gửi báo giá và hẹn thăm nhà máy sau buổi gặp B2B 2026",
	outcome.NDA:          "Ký thỏa thuận bảo mật để trao đổi bản vẽ kỹ thuật",
	outcome.MoU:          "Ký biên bản ghi nhớ hợp tác sau buổi gặp B2B 2026",
	outcome.Pilot:        "Thử nghiệm tại xưởng trong ba tháng",
	outcome.Contract:     "Hợp đồng cung cấp thiết bị sau buổi gặp B2B 2026",
	outcome.TechTransfer: "Chuyển giao công nghệ và đào tạo kỹ sư vận hành",
}

// pastOutcomes reports what came of last year's held meetings, numbered
// from firstID.
func pastOutcomes(past []meeting.Meeting, firstID int64, member map[int64]int64, visitorCo int64, rng *rand.Rand) []outcome.Outcome {
	var out []outcome.Outcome
	kinds := []outcome.Kind{outcome.FollowUp, outcome.FollowUp, outcome.FollowUp, outcome.NDA, outcome.NDA, outcome.MoU,
		outcome.Pilot, outcome.Pilot, outcome.Contract, outcome.Contract, outcome.TechTransfer}
	for _, m := range past {
		if m.Status != meeting.Held {
			continue
		}
		reporter, partner := m.FromOrg, m.ToOrg
		kind, st := kinds[rng.IntN(len(kinds))], outcome.Confirmed
		switch {
		case m.ToOrg == visitorCo && m.FromOrg == 2: // Hanbit's follow-up, for the visitor to confirm
			kind, st = outcome.FollowUp, outcome.Reported
		case m.FromOrg == visitorCo || m.ToOrg == visitorCo || rng.IntN(2) == 0:
			continue // nothing reported (yet)
		default:
			if rng.IntN(2) == 0 {
				reporter, partner = partner, reporter
			}
			switch r := rng.Float64(); {
			case r < 0.2:
				st = outcome.Reported
			case r < 0.27:
				st = outcome.Disputed
			}
		}
		var value int64
		switch kind {
		case outcome.Contract, outcome.TechTransfer:
			value = int64(1+rng.IntN(80)) * 50_000_000
		case outcome.Pilot:
			value = int64(rng.IntN(12)) * 25_000_000
		}
		at := m.CheckedInAt.Add(time.Duration(24+rng.IntN(60*24)) * time.Hour)
		o := outcome.Outcome{ID: firstID + int64(len(out)), EventID: m.EventID, MeetingID: m.ID, CardID: m.CardID, Reporter: reporter, Partner: partner,
			Kind: kind, Value: value, Note: pastNotes[kind], Status: st, ReportedBy: member[reporter],
			CreatedAt: at, UpdatedAt: at}
		if st != outcome.Reported {
			o.AnsweredBy, o.UpdatedAt = member[partner], at.Add(30*time.Hour)
		}
		if st == outcome.Disputed {
			o.Answer = "Chưa ký kết chính thức"
		}
		out = append(out, o)
	}
	return out
}
