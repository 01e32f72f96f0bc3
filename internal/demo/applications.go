package demo

import (
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/taxonomy"
)

// Applications to exhibit at the fair: every exhibitor applied through the
// platform, as the /orgs/{org}/events/{event}/apply form records it (the
// exhibitor and its application, the application's history), and the
// organizers answered most of them. They are drawn from their own random
// source, after everything else, so that adding them left every other
// record of the data set as it was.

// applications fills d.Applications: one per exhibitor, with its
// exhibitor's id (applications and exhibitors are numbered alike), the
// status that goes with the exhibitor's, and the history that led there.
func (g *gen) applications(seed int64) {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6170706c79)) // "apply"
	applicant := map[int64]int64{}                           // org → its first admin, who applied
	for _, m := range g.d.Memberships {
		if _, ok := applicant[m.OrgID]; !ok && m.Role == account.MemberAdmin {
			applicant[m.OrgID] = m.PersonID
		}
	}
	deciders := g.deciders()
	for i, x := range g.d.Exhibitors {
		o := g.d.Orgs[x.OrgID-1]
		who := g.d.People[applicant[o.ID]-1]
		a := exhibit.Application{ID: x.ID, EventID: x.EventID, OrgID: o.ID, ExhibitorID: x.ID, Status: appStatus(x.Status),
			Sector: o.Sectors[0], Pavilion: x.Pavilion, Email: o.Email, Lang: who.Lang, CreatedAt: x.CreatedAt.UTC(),
			Products: productLine(g.meta[i].primary, who.Lang), Competitors: []string{}, Preferred: []string{}}
		home := sectorZone[g.meta[i].primary]
		if x.Pavilion == "korea" {
			home = "KR"
		}
		if rng.Float64() < 0.85 {
			a.Zone = home
		}
		if booths := g.boothsOf[i]; len(booths) > 0 {
			a.BoothType, a.Area = g.askedFor(booths)
			a.Preferred = g.wishes(rng, booths)
		} else {
			a.BoothType, a.Area = askedStand(rng)
			a.Preferred = g.freeWishes(rng, home)
			if rng.Float64() < 0.3 {
				a.Competitors = g.rival(rng, i)
			}
		}
		// The history: submitted by the applicant, then what the
		// organizers or the applicant did.
		at := a.CreatedAt
		by := exhibit.Change{PersonID: who.ID, PersonName: who.Name}
		add := func(st exhibit.Status, c exhibit.Change, note string) {
			c.Status, c.Note, c.At = st, note, at
			a.History = append(a.History, c)
			a.UpdatedAt = at
		}
		add(exhibit.Submitted, by, "")
		later := func(lo, hi int) { at = at.Add(time.Duration(lo*24*60+rng.IntN((hi-lo)*24*60)) * time.Minute) }
		organizer := deciders[rng.IntN(len(deciders))]
		switch a.Status {
		case exhibit.Approved:
			if rng.Float64() < 0.12 {
				later(2, 9)
				add(exhibit.ChangesRequested, organizer, changeNotes[rng.IntN(len(changeNotes))].in(who.Lang))
				later(1, 6)
				add(exhibit.Submitted, by, "")
			}
			later(1, 12)
			add(exhibit.Approved, organizer, "")
		case exhibit.Rejected:
			later(3, 15)
			add(exhibit.Rejected, organizer, rejectNotes[rng.IntN(len(rejectNotes))].in(who.Lang))
		case exhibit.Withdrawn:
			later(5, 30)
			add(exhibit.Withdrawn, by, "")
		}
		g.d.Applications = append(g.d.Applications, a)
	}
}

// appStatus is the application status behind an exhibitor's: an applicant
// is waiting for the organizers.
func appStatus(s event.ExhibitorStatus) exhibit.Status {
	switch s {
	case event.Approved:
		return exhibit.Approved
	case event.Rejected:
		return exhibit.Rejected
	case event.Withdrawn:
		return exhibit.Withdrawn
	}
	return exhibit.Submitted
}

// deciders are the fair's organizers who answer applications, as the
// history names them.
func (g *gen) deciders() []exhibit.Change {
	var out []exhibit.Change
	for _, r := range g.d.Organizers {
		if r.EventID == FairID {
			p := g.d.People[r.PersonID-1]
			out = append(out, exhibit.Change{PersonID: p.ID, PersonName: p.Name})
		}
	}
	return out
}

// askedFor is what an approved exhibitor asked for: the stand it got.
func (g *gen) askedFor(booths []int) (string, float64) {
	typ, area := event.Shell, 0.0
	for _, b := range booths {
		bt := g.d.Booths[b]
		area += bt.Area()
		if bt.Type == event.Island || bt.Type == event.Raw || len(booths) == 1 {
			typ = bt.Type
		}
	}
	return string(typ), area
}

// askedStand is the stand of an applicant without booths: one to three
// shell modules, or a corner.
func askedStand(rng *rand.Rand) (string, float64) {
	if rng.Float64() < 0.2 {
		return string(event.Corner), 9 * float64(1+rng.IntN(2))
	}
	return string(event.Shell), 9 * float64(1+rng.IntN(3))
}

// wishes are the booths an approved exhibitor named: most named the first
// booth they got first; others named booths of the same row that earlier
// applicants took, with theirs second or third, or not at all.
func (g *gen) wishes(rng *rand.Rand, booths []int) []string {
	own := g.d.Booths[booths[0]].Code
	var taken []string
	mine := map[int]bool{}
	for _, b := range booths {
		mine[b] = true
	}
	first := g.d.Booths[booths[0]]
	for k, b := range g.d.Booths {
		if !mine[k] && b.HallID == first.HallID && b.Zone == first.Zone && b.Type == first.Type && b.Status != event.Free && b.Status != event.Blocked {
			taken = append(taken, b.Code)
		}
	}
	other := func(n int) []string {
		var out []string
		for len(out) < n && len(taken) > 0 {
			c := taken[rng.IntN(len(taken))]
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
			if len(out) == len(taken) {
				break
			}
		}
		return out
	}
	switch r := rng.Float64(); {
	case r < 0.6:
		return append([]string{own}, other(rng.IntN(3))...)
	case r < 0.75:
		return append(other(1), own)
	case r < 0.85:
		return append(other(2), own)
	case r < 0.93:
		return other(1 + rng.IntN(3))
	}
	return []string{}
}

// freeWishes are up to three booths still free in the applicant's zone.
func (g *gen) freeWishes(rng *rand.Rand, zone string) []string {
	var free []string
	for _, b := range g.d.Booths {
		if b.Status == event.Free && b.Zone == zone && (b.Type == event.Shell || b.Type == event.Corner) {
			free = append(free, b.Code)
		}
	}
	n := rng.IntN(4)
	var out []string
	for k := 0; k < n && len(free) > 0; k++ {
		if c := free[rng.IntN(len(free))]; !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return append([]string{}, out...)
}

// rival names another exhibitor of the applicant's sector, not to be
// placed next to.
func (g *gen) rival(rng *rand.Rand, i int) []string {
	var same []int
	for k := range g.d.Exhibitors {
		if k != i && g.meta[k].primary == g.meta[i].primary {
			same = append(same, k)
		}
	}
	if len(same) == 0 {
		return []string{}
	}
	return []string{g.d.Orgs[same[rng.IntN(len(same))]].Name.EN}
}

// productLine is what an applicant says it will show: its sector's
// products, in the language it applied in.
func productLine(sector string, lang i18n.Lang) string {
	var names []string
	for _, n := range productNouns[sector] {
		if len(names) == 3 {
			break
		}
		names = append(names, tr(n).in(lang))
	}
	if len(names) == 0 {
		if s, ok := taxonomy.Lookup(sector); ok {
			return s.Name(string(lang))
		}
		return ""
	}
	return strings.Join(names, "; ")
}

// changeNotes and rejectNotes are what the organizers wrote to applicants.
var (
	changeNotes = []tr{
		{"Vui lòng bổ sung danh mục sản phẩm trưng bày.", "Please list the products you will show.", "전시할 제품 목록을 보완해 주세요."},
		{"Diện tích đề nghị vượt quá khu vực ngành; vui lòng giảm hoặc chọn gian góc.", "The area asked for exceeds the sector's zone; please reduce it or choose a corner booth.", "신청 면적이 구역 한도를 넘습니다. 면적을 줄이거나 코너 부스를 선택해 주세요."},
	}
	rejectNotes = []tr{
		{"Sản phẩm không thuộc chủ đề triển lãm.", "The products are outside the fair's themes.", "전시 제품이 박람회 주제와 맞지 않습니다."},
		{"Khu vực ngành đã hết chỗ.", "The sector's zone is full.", "해당 구역이 모두 찼습니다."},
		{"Hồ sơ thiếu giấy phép kinh doanh.", "The application lacks a business licence.", "사업자 등록증이 누락되었습니다."},
	}
)

// pastRegistrations registers for last year's matchmaking day the people
// who met there: the member of each side who asked for or answered one of
// its meetings (PastMeetings), before the day.
func (g *gen) pastRegistrations() {
	cards := Cards(g.d)
	fair := map[int64]string{} // job titles people gave at the fair
	for _, r := range g.d.Registrations {
		if r.EventID == FairID {
			fair[r.PersonID] = r.JobTitle
		}
	}
	seen := map[int64]bool{}
	for _, m := range PastMeetings(g.d, cards, int64(len(Meetings(g.d, cards)))+1) {
		for _, side := range [][2]int64{{m.RequestedBy, m.FromOrg}, {m.AnsweredBy, m.ToOrg}} {
			person, orgID := side[0], side[1]
			if person == 0 || seen[person] {
				continue
			}
			seen[person] = true
			at := m.CreatedAt.Add(-time.Duration(1+person%9) * 24 * time.Hour).UTC()
			// An account older than the day it registered for.
			if p := &g.d.People[person-1]; p.CreatedAt.After(at) {
				p.CreatedAt = at.Add(-time.Duration(1+person%5) * time.Hour)
			}
			g.d.Registrations = append(g.d.Registrations, event.Registration{ID: int64(len(g.d.Registrations) + 1), EventID: PastID,
				PersonID: person, OrgID: orgID, Category: event.CatVisitor, JobTitle: fair[person], Status: "active", CreatedAt: at})
		}
	}
}
