package demo

import (
	"math/rand/v2"
	"time"
	"unicode"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/taxonomy"
)

// Marketplace cards of the demo (issue 3): Binh Duong manufacturers' needs,
// Korean, Japanese and German suppliers' offers, institutes' research
// results, pilot sites, investors' tickets and agencies' partnership calls,
// written in the languages their owners use.

// Cards returns the demo's marketplace cards, the same for the same data
// set: ids from 1, owners among ds.Orgs, linked to the events where the
// owner exhibits or is registered.
func Cards(ds *Dataset) []market.Card {
	g := cardGen{rng: rand.New(rand.NewPCG(uint64(len(ds.Orgs)), 0x6d61726b6574)), events: eventsOf(ds)} // "market"
	approved := map[int64]bool{}
	for _, x := range ds.Exhibitors {
		if x.Status == event.Approved {
			approved[x.OrgID] = true
		}
	}
	for _, o := range ds.Orgs {
		switch {
		case o.Kind == org.Institute:
			for i := 0; i < 1+g.rng.IntN(3); i++ {
				g.add(o, market.ResearchResult)
			}
		case o.Kind == org.Investor:
			g.add(o, market.Investment)
		case o.Kind == org.Agency || o.Kind == org.Association:
			g.add(o, market.Partnership)
		case o.Country == "VN" && approved[o.ID]:
			// Vietnamese exhibitors sell and also buy.
			g.add(o, market.Offer)
			if g.rng.Float64() < 0.35 {
				g.add(o, market.Need)
			}
		case o.Country == "VN":
			// Visitor companies: Binh Duong manufacturers looking for
			// technology, some opening their plant to pilots.
			if g.rng.Float64() < 0.55 {
				g.add(o, market.Need)
			}
			if g.rng.Float64() < 0.12 {
				g.add(o, market.PilotSite)
			}
		case approved[o.ID]:
			g.add(o, market.Offer)
			if g.rng.Float64() < 0.25 {
				g.add(o, market.Offer)
			}
		}
	}
	return g.cards
}

type cardGen struct {
	rng    *rand.Rand
	cards  []market.Card
	events map[int64][]int64
}

// eventsOf maps each organization to the events it exhibits at or has
// people registered at.
func eventsOf(ds *Dataset) map[int64][]int64 {
	seen := map[[2]int64]bool{}
	out := map[int64][]int64{}
	add := func(orgID, ev int64) {
		if orgID == 0 || seen[[2]int64{orgID, ev}] {
			return
		}
		seen[[2]int64{orgID, ev}] = true
		out[orgID] = append(out[orgID], ev)
	}
	for _, x := range ds.Exhibitors {
		if x.Status == event.Approved {
			add(x.OrgID, x.EventID)
		}
	}
	for _, r := range ds.Registrations {
		add(r.OrgID, r.EventID)
	}
	return out
}

func (g *cardGen) add(o org.Organization, kind market.Kind) {
	sector := "smart_factory"
	if len(o.Sectors) > 0 {
		sector = o.Sectors[g.rng.IntN(len(o.Sectors))]
	}
	topic := g.topic(sector)
	title, body := cardText(kind, topic, o)
	c := market.Card{
		ID: int64(len(g.cards) + 1), OrgID: o.ID, Kind: kind, Status: market.Published,
		Title: languagesOf(o, title), Body: languagesOf(o, body), Sectors: cardSectors(sector, o.Sectors),
		Events: g.events[o.ID],
	}
	if kind == market.ResearchResult {
		c.TRL = 3 + g.rng.IntN(5)
	}
	switch r := g.rng.Float64(); {
	case r < 0.04:
		c.Status = market.Draft
	case r < 0.07:
		c.Status = market.Closed
	}
	created := o.CreatedAt
	if created.IsZero() {
		created = time.Date(2026, 9, 1, 3, 0, 0, 0, time.UTC)
	}
	c.CreatedAt = created.Add(time.Duration(1+g.rng.IntN(60*24)) * time.Minute * 30).UTC()
	c.UpdatedAt = c.CreatedAt
	if c.Events == nil {
		c.Events = []int64{}
	}
	g.cards = append(g.cards, c)
}

// topic is what a card is about, in the three languages: an offering of
// the sector when the demo has one, else the sector's name.
func (g *cardGen) topic(sector string) tr {
	if offs := offerings[sector]; len(offs) > 0 {
		return offs[g.rng.IntN(len(offs))]
	}
	if s, ok := taxonomy.Lookup(sector); ok {
		return tr{s.Name("vi"), s.Name("en"), s.Name("ko")}
	}
	return tr{sector, sector, sector}
}

func cardSectors(primary string, orgSectors []string) []string {
	out := []string{primary}
	for _, s := range orgSectors {
		if s != primary && len(out) < 3 {
			out = append(out, s)
		}
	}
	return out
}

// cardText writes a card's title and body around its topic.
func cardText(kind market.Kind, t tr, o org.Organization) (tr, tr) {
	city := o.City
	if city == "" {
		city = "Bình Dương"
	}
	switch kind {
	case market.Need:
		return tr{"Cần tìm " + t.vi, "Looking for " + t.en, t.ko + " 찾습니다"},
			tr{"Nhà máy của chúng tôi tại " + city + " đang tìm nhà cung cấp " + t.vi + " để nâng năng suất và giảm lỗi. Ưu tiên đối tác có kinh nghiệm triển khai tại Việt Nam.",
				"Our plant in " + city + " is looking for a supplier of " + t.en + " to raise output and cut defects. Partners with projects in Vietnam preferred.",
				city + " 소재 당사 공장은 생산성 향상과 불량 감소를 위해 " + t.ko + " 공급업체를 찾고 있습니다. 베트남 구축 경험이 있는 파트너를 우대합니다."}
	case market.ResearchResult:
		return tr{"Kết quả nghiên cứu: " + t.vi, "Research result: " + t.en, "연구 성과: " + t.ko},
			tr{"Nhóm nghiên cứu đã phát triển và thử nghiệm " + t.vi + ", sẵn sàng chuyển giao công nghệ hoặc hợp tác thương mại hóa với doanh nghiệp.",
				"Our team developed and tested " + t.en + "; open to technology transfer or joint commercialisation with companies.",
				"연구팀이 " + t.ko + "을(를) 개발·검증했으며 기업과의 기술 이전 또는 공동 사업화를 희망합니다."}
	case market.PilotSite:
		return tr{"Nhà xưởng mở cho thử nghiệm " + t.vi, "Plant open to pilots of " + t.en, t.ko + " 실증 가능 공장"},
			tr{"Chúng tôi sẵn sàng cho thử nghiệm " + t.vi + " ngay trên dây chuyền tại " + city + " trong 3–6 tháng.",
				"We offer our production line in " + city + " for a 3–6 month pilot of " + t.en + ".",
				city + " 생산 라인에서 3~6개월간 " + t.ko + " 실증을 지원합니다."}
	case market.Investment:
		return tr{"Đầu tư vào khởi nghiệp " + t.vi, "Investing in " + t.en + " startups", t.ko + " 스타트업 투자"},
			tr{"Quỹ tìm khởi nghiệp và doanh nghiệp công nghệ về " + t.vi + ", vòng hạt giống đến Series A.",
				"We back startups and tech companies in " + t.en + ", from seed to Series A.",
				t.ko + " 분야 스타트업과 기술기업에 시드부터 시리즈 A까지 투자합니다."}
	case market.Partnership:
		return tr{"Kết nối hợp tác về " + t.vi, "Partnership programme: " + t.en, t.ko + " 협력 프로그램"},
			tr{"Chương trình kết nối doanh nghiệp, viện trường và đối tác quốc tế trong lĩnh vực " + t.vi + ", có hỗ trợ kinh phí thử nghiệm.",
				"A programme pairing companies, institutes and international partners in " + t.en + ", with co-funding for pilots.",
				t.ko + " 분야에서 기업·연구기관·해외 파트너를 연결하고 실증 비용을 지원하는 프로그램입니다."}
	}
	return tr{upperFirst(t.vi) + " – giải pháp trọn gói", upperFirst(t.en) + " – turnkey supply and service", t.ko + " – 턴키 공급 및 서비스"},
		tr{"Chúng tôi cung cấp " + t.vi + ", kèm lắp đặt, đào tạo và bảo trì tại Việt Nam.",
			"We supply " + t.en + ", with installation, training and maintenance in Vietnam.",
			t.ko + "을(를) 공급하며 베트남 현지 설치·교육·유지보수를 제공합니다."}
}

// languagesOf keeps the languages an owner writes in: Vietnamese
// organizations write Vietnamese and English, Korean ones Korean and
// English (and often Vietnamese for the local market), others English
// and Vietnamese.
func languagesOf(o org.Organization, t tr) i18n.Text {
	switch o.Country {
	case "VN":
		return i18n.Text{VI: t.vi, EN: t.en}
	case "KR":
		return i18n.Text{VI: t.vi, EN: t.en, KO: t.ko}
	}
	return i18n.Text{VI: t.vi, EN: t.en}
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// Meetings returns the demo's meeting requests at the fair (issue 3), the
// same for the same data set: pairs of a need's owner and an offer's owner
// in the same sector, most of them accepted and waiting for the
// organizer's scheduler, some still requested or declined; about a third
// at the matchmaking tables, the others at the exhibitor's booth. The demo
// accounts have their own: the visitor's company asked Minh Phat (the
// exhibitor admin answers it) and Hanbit Robotics' request to the
// visitor's company is accepted.
func Meetings(ds *Dataset, cards []market.Card) []meeting.Meeting {
	rng := rand.New(rand.NewPCG(uint64(len(cards)), 0x6d656574)) // "meet"
	admin := map[int64]int64{}                                   // org → a member to sign the request
	for _, m := range ds.Memberships {
		if _, ok := admin[m.OrgID]; !ok {
			admin[m.OrgID] = m.PersonID
		}
	}
	atFair := map[int64]bool{}
	for _, x := range ds.Exhibitors {
		if x.EventID == FairID && x.Status == event.Approved {
			atFair[x.OrgID] = true
		}
	}
	for _, r := range ds.Registrations {
		if r.EventID == FairID && r.OrgID != 0 {
			atFair[r.OrgID] = true
		}
	}
	offers := map[string][]market.Card{}
	for _, c := range cards {
		if c.Kind == market.Offer && c.Status == market.Published && atFair[c.OrgID] {
			offers[c.Sectors[0]] = append(offers[c.Sectors[0]], c)
		}
	}
	// About a third of the pairs meet at the matchmaking tables rather than
	// at the exhibitor's booth; their own generator keeps the pairs drawn
	// above the same as before tables were asked for.
	tables := rand.New(rand.NewPCG(uint64(len(cards)), 0x7461626c)) // "tabl"
	var out []meeting.Meeting
	pairs := map[[2]int64]bool{}
	add := func(from, to, card int64, st meeting.Status, msg string, place meeting.Place) {
		key := [2]int64{min(from, to), max(from, to)}
		if from == to || pairs[key] || admin[from] == 0 {
			return
		}
		pairs[key] = true
		m := meeting.Meeting{ID: int64(len(out) + 1), EventID: FairID, FromOrg: from, ToOrg: to, CardID: card, Origin: meeting.FromCard,
			Message: msg, Place: place, Status: st, RequestedBy: admin[from],
			CreatedAt: time.Date(2027, 2, 20, 2, 0, 0, 0, time.UTC).Add(time.Duration(len(out)) * 7 * time.Minute)}
		if st == meeting.Accepted || st == meeting.Declined {
			m.AnsweredBy = admin[to]
		}
		if st == meeting.Declined {
			m.Reason = "Không phù hợp lúc này / Not a fit for now"
		}
		m.UpdatedAt = m.CreatedAt
		out = append(out, m)
	}
	// The demo accounts' own meetings come first, so that they are there
	// whatever the sampling below picks.
	visitorCo, minhPhat, hanbit := visitorCompany(ds), int64(1), int64(2)
	add(visitorCo, minhPhat, 0, meeting.Requested, "Chúng tôi muốn tìm hiểu robot hàn cho xưởng cơ khí ở Thuận An.", meeting.Booth)
	add(hanbit, visitorCo, 0, meeting.Accepted, "We would like to present our vision-guided robots.", meeting.Booth)
	for _, n := range cards {
		if n.Kind != market.Need || n.Status != market.Published || !atFair[n.OrgID] {
			continue
		}
		cands := offers[n.Sectors[0]]
		for k := 0; k < 3 && len(cands) > 0; k++ {
			o := cands[rng.IntN(len(cands))]
			st := meeting.Accepted
			switch r := rng.Float64(); {
			case r < 0.15:
				st = meeting.Requested
			case r < 0.2:
				st = meeting.Declined
			}
			place := meeting.Booth
			if tables.Float64() < 0.35 {
				place = meeting.Table
			}
			add(n.OrgID, o.OrgID, o.ID, st, "Xin gặp để trao đổi về: "+o.Title.VI, place)
		}
	}
	return out
}

// visitorCompany is the organization of the demo visitor login.
func visitorCompany(ds *Dataset) int64 {
	for _, p := range ds.People {
		if p.Email == "visitor@ketnoi.demo" {
			for _, m := range ds.Memberships {
				if m.PersonID == p.ID {
					return m.OrgID
				}
			}
		}
	}
	return 0
}
