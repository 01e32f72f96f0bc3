// Package demo generates the demo trade fair: a venue, a 2,000-booth smart
// factory expo with 500 exhibitors and 10,000 registered people, and a
// two-day forum. Generate is pure and deterministic: the same seed always
// gives the same data set, byte for byte, so that a demo database, a
// screenshot or a bug report can be rebuilt from its seed.
package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
)

// Dataset is everything the demo puts into an empty database. IDs run from 1
// in each table, in slice order, and every reference points inside the set.
type Dataset struct {
	Venues        []event.Venue
	Events        []event.Event // the trade fair first, then the forum
	Orgs          []org.Organization
	People        []account.Person // PasswordHash left empty
	Logins        []Login          // demo accounts with passwords, printed at start
	Memberships   []account.Membership
	Organizers    []EventRole // who organizes which event
	Halls         []event.Hall
	Booths        []event.Booth // ExhibitorID set for assigned booths, status sold or held for them
	Exhibitors    []event.Exhibitor
	Registrations []event.Registration  // exactly FairRegistrations at the fair, more at the forum, last year's day's participants
	Applications  []exhibit.Application // one per exhibitor, same ids, History filled
	Rooms         []event.Room
	Speakers      []event.Speaker
	Sessions      []event.Session // Speakers filled with the session's speakers
	Tracks        []event.Track   // the forum's tracks named in three languages
}

// Login is a demo account whose password is printed when the demo starts.
// Role is "admin", "organizer", "exhibitor admin", "exhibitor staff" or
// "visitor".
type Login struct{ Email, Password, Role, Note string }

// EventRole says that a person organizes an event.
type EventRole struct{ EventID, PersonID int64 }

// Sizes of the data set; the tests hold Generate to them.
const (
	FairID            = 1 // the trade fair's event ID
	ForumID           = 2 // the forum's event ID
	PastID            = 3 // last year's B2B matchmaking day, over
	TotalBooths       = 2000
	TotalExhibitors   = 500
	FairRegistrations = 10_000 // registrations at the trade fair, one per person except the admin
	VisitorCompanies  = 300
	approvedCount     = 470
	appliedCount      = 20
	rejectedCount     = 7 // the rest of the 500 withdrew
	speakerCount      = 60
	vipCount          = 50
	pressCount        = 60
	delegateCount     = 600
)

// DemoPassword is the password of every demo login.
const DemoPassword = "ketnoi-demo-2027"

// ict is Vietnam's time: no daylight saving since 1975, so a fixed +07:00
// zone is exact and needs no tzdata.
var ict = time.FixedZone("ICT", 7*3600)

// gen carries the random source and the bookkeeping of one Generate call.
type gen struct {
	rng    *rand.Rand
	d      *Dataset
	emails map[string]int  // address → how many people wanted it (for suffixes)
	taken  map[string]bool // organization domains and names in use
	meta   []orgMeta       // parallel to d.Orgs

	byDomain      map[string]int64 // organization ID by mail domain
	exhibitorOrgs int              // orgs 1..exhibitorOrgs are the exhibitors
	institutions  []int64          // non-exhibiting institutions, the provinces' included
	tableInst     []int64          // institutions from the hand-written table
	universities  []int64          // Vietnamese universities and institutes
	visitorCos    []int64          // visitor companies
	coHasAdmin    map[int64]bool   // visitor companies that have an admin member
	slugs         map[string]string
	boothsOf      [][]int // booth indices per exhibitor index
	speakerPeople []speakerPerson
}

// orgMeta is what the generator remembers about an organization beyond the
// domain type.
type orgMeta struct {
	domain  string
	primary string // primary sector
}

type speakerPerson struct {
	personID int64
	orgID    int64
	role     tr
}

// Generate returns the demo data set for seed.
func Generate(seed int64) *Dataset {
	g := &gen{
		rng:        rand.New(rand.NewPCG(uint64(seed), 0x6b65746e6f69)), // "ketnoi"
		d:          &Dataset{},
		emails:     map[string]int{},
		taken:      map[string]bool{},
		byDomain:   map[string]int64{},
		coHasAdmin: map[int64]bool{},
		slugs:      map[string]string{},
	}
	g.venueAndEvents()
	g.halls()
	g.organizations()
	g.exhibitors()
	g.allocateBooths()
	g.people()
	g.forum()
	// Derived records, drawn from their own random sources: the draws
	// above, and with them every record before, stay as they were.
	g.pastRegistrations()
	g.applications(seed)
	g.describeFair()
	return g.d
}

// ---- random helpers ----

func (g *gen) intn(n int) int         { return g.rng.IntN(n) }
func (g *gen) chance(p float64) bool  { return g.rng.Float64() < p }
func (g *gen) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

func pick[T any](g *gen, s []T) T { return s[g.rng.IntN(len(s))] }

// weightedPick returns an index drawn with the given relative weights.
func (g *gen) weightedPick(n int, weight func(i int) int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += weight(i)
	}
	r := g.rng.IntN(total)
	for i := 0; i < n; i++ {
		if r -= weight(i); r < 0 {
			return i
		}
	}
	return n - 1
}

// timeIn returns a time between from and to (UTC), to the second.
func (g *gen) timeIn(from, to time.Time) time.Time {
	span := int64(to.Sub(from) / time.Second)
	return from.Add(time.Duration(g.rng.Int64N(span)) * time.Second).UTC()
}

// lateTimeIn leans towards the end of the window, as registrations do.
func (g *gen) lateTimeIn(from, to time.Time) time.Time {
	a, b := g.timeIn(from, to), g.timeIn(from, to)
	if a.After(b) {
		return a
	}
	return b
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ---- text helpers ----

// ascii drops Vietnamese and German diacritics and maps đ to d, keeping case:
// "Minh Phát" → "Minh Phat", "Müller" → "Muller".
func ascii(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// slug is the lower-case ASCII letters and digits of s: "Chih-Hao" → "chihhao".
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(ascii(s)) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fill puts arg into t language by language: the template's %s gets the
// argument written in the same language.
func fill(t, arg tr) tr {
	f := func(format, a string) string {
		if format == "" || a == "" {
			return ""
		}
		return fmt.Sprintf(format, a)
	}
	return tr{f(t.vi, arg.vi), f(t.en, arg.en), f(t.ko, arg.ko)}
}

// sprintf formats each language of t with the same (numeric) arguments.
func sprintf(t tr, args ...any) tr {
	f := func(s string) string {
		if s == "" {
			return ""
		}
		return fmt.Sprintf(s, args...)
	}
	return tr{f(t.vi), f(t.en), f(t.ko)}
}

// join concatenates sentences language by language, skipping languages in
// which the first part is empty.
func join(parts ...tr) tr {
	var out tr
	add := func(dst *string, first, s string) {
		if first == "" || s == "" {
			return
		}
		if *dst != "" {
			*dst += " "
		}
		*dst += s
	}
	for _, p := range parts {
		add(&out.vi, parts[0].vi, p.vi)
		add(&out.en, parts[0].en, p.en)
		add(&out.ko, parts[0].ko, p.ko)
	}
	return out
}

// in returns the text in lang.
func (t tr) in(lang i18n.Lang) string {
	switch lang {
	case i18n.VI:
		return t.vi
	case i18n.KO:
		return t.ko
	}
	return t.en
}

// only keeps the languages in which name is written.
func (t tr) only(name tr) tr {
	if name.vi == "" {
		t.vi = ""
	}
	if name.en == "" {
		t.en = ""
	}
	if name.ko == "" {
		t.ko = ""
	}
	return t
}

// ---- venue and events ----

func (g *gen) venueAndEvents() {
	g.d.Venues = []event.Venue{{
		ID: 1, Name: venueName.text(), Address: venueAddress, AddressName: venueAddressName, City: "Thu Dau Mot", Country: "VN", TimeZone: "Asia/Ho_Chi_Minh",
	}}
	created := g.timeIn(day(2026, 5, 4), day(2026, 5, 29))
	g.d.Events = []event.Event{
		{ID: FairID, Slug: "smart-factory-expo-2027", Kind: event.TradeFair, Name: fairName.text(), Description: fairDesc.text(),
			VenueID: 1, StartDate: fairStart, EndDate: fairEnd, Partner: fairPartner, PartnerName: fairPartnerName, CreatedAt: created},
		{ID: ForumID, Slug: "innovation-manufacturing-forum-2027", Kind: event.Forum, Name: forumName.text(), Description: forumDesc.text(),
			VenueID: 1, StartDate: forumStart, EndDate: forumEnd, Partner: fairPartner, PartnerName: fairPartnerName, CreatedAt: created.Add(26 * time.Hour)},
		{ID: PastID, Slug: "b2b-matchmaking-day-2026", Kind: event.Matchmaking, Name: pastName.text(), Description: pastDesc.text(),
			VenueID: 1, StartDate: pastDay, EndDate: pastDay, Partner: fairPartner, PartnerName: fairPartnerName, CreatedAt: time.Date(2026, 1, 12, 2, 0, 0, 0, time.UTC)},
	}
}

// describeFair writes into the fair's description how many exhibitors it
// approved and from how many countries, as its page counts them.
func (g *gen) describeFair() {
	n, countries := 0, map[string]bool{}
	for _, x := range g.d.Exhibitors {
		if x.EventID == FairID && x.Status == event.Approved {
			n++
			countries[g.d.Orgs[x.OrgID-1].Country] = true
		}
	}
	g.d.Events[0].Description = sprintf(fairDesc, n, len(countries)).text()
}

// ---- halls and booths ----

// Floor plan dimensions, in metres.
const (
	wallGap       = 3.0  // perimeter aisle along the side walls
	entranceDepth = 10.0 // y < 10: entrance, registration desks, no booths
	aisle         = 4.0  // between double rows
	crossAisle    = 4.0  // between segments of a row
	module        = 3.0  // a shell booth is 3 × 3 m
	rowDepth      = 2 * module
	segModules    = 12 // modules per row segment between cross aisles
	rawDepth      = 12 // raw spaces along the back wall
	pillarStep    = 24 // structural grid
	pillarSize    = 1.0
	pillarMargin  = 0.6 // booths this close to a pillar have a blocked view
)

type rect struct{ x, y, w, h float64 }

func (a rect) overlaps(b rect) bool {
	return a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h
}

func (a rect) grow(m float64) rect { return rect{a.x - m, a.y - m, a.w + 2*m, a.h + 2*m} }

func hitsAny(r rect, obstacles []rect) bool {
	for _, o := range obstacles {
		if r.overlaps(o) {
			return true
		}
	}
	return false
}

// slot is a booth of the floor plan before it gets an ID.
type slot struct {
	r       rect
	code    string
	kind    event.BoothType
	zone    string
	blocked bool
}

type segment struct {
	x       float64
	modules int
	zone    string
}

func (g *gen) halls() {
	for _, spec := range hallSpecs {
		hall := event.Hall{ID: int64(len(g.d.Halls) + 1), EventID: FairID, Code: spec.code, Name: spec.name.text(), Width: spec.w, Depth: spec.d}
		g.d.Halls = append(g.d.Halls, hall)
		slots, _ := layoutHall(spec)
		for _, s := range slots {
			b := event.Booth{
				ID: int64(len(g.d.Booths) + 1), EventID: FairID, HallID: hall.ID, Code: s.code,
				X: s.r.x, Y: s.r.y, W: s.r.w, H: s.r.h, Type: s.kind, Zone: s.zone, PriceVND: price(s), Status: event.Free,
			}
			if s.blocked {
				b.Status = event.Blocked
			}
			g.d.Booths = append(g.d.Booths, b)
		}
	}
}

// layoutHall draws a hall's floor plan: back-to-back double rows of shell
// booths cut by cross aisles, an island block in the middle, raw spaces
// along the back wall, the entrance at the front and pillars left free. It
// returns exactly spec.target booths (trimming the end of the last row) and
// the pillars. It does not depend on the seed: the floor is the building's.
func layoutHall(spec hallSpec) ([]slot, []rect) {
	pillars := pillarGrid(spec.w, spec.d)
	// The first booths facing the entrance doors are kept free for the
	// crowd coming in.
	doors := rect{spec.w/2 - 4, entranceDepth, 8, aisle + module}
	segs := segments(spec)
	rowsY := rowPositions(spec.d)
	islandRow := islandRows(rowsY, pillars) // the island block takes this row and the next
	firstIsland := (len(segs) - len(spec.islands)) / 2
	inIslandBlock := func(row, seg int) bool {
		return (row == islandRow || row == islandRow+1) && seg >= firstIsland && seg < firstIsland+len(spec.islands)
	}

	var rows []slot
	for r, y := range rowsY {
		n := 0
		for side := 0; side < 2; side++ {
			for si, sg := range segs {
				if inIslandBlock(r, si) {
					continue
				}
				for _, cell := range rowCells(sg, y+float64(side)*module, r*5+si*3+side, pillars) {
					n++
					rows = append(rows, slot{r: cell, code: fmt.Sprintf("%s-%d%02d", spec.code, r+1, n), kind: event.Shell,
						zone: sg.zone, blocked: besidePillar(cell, pillars) || hitsAny(cell, []rect{doors})})
				}
			}
		}
	}
	islands := placeIslands(spec, segs[firstIsland:], rowsY[islandRow], pillars)
	raws := placeRaw(spec, pillars)
	if keep := spec.target - len(islands) - len(raws); keep >= 0 && keep < len(rows) {
		rows = rows[:keep] // the back of the last row stays open floor
	}
	markCorners(rows)
	return append(append(rows, islands...), raws...), pillars
}

// pillarGrid returns the hall's 1 × 1 m pillars on a 24 m grid. The bay
// along the back wall, where the raw spaces are, spans without pillars.
func pillarGrid(w, d float64) []rect {
	var out []rect
	for y := float64(pillarStep); y < d-rawDepth-1; y += pillarStep {
		for x := float64(pillarStep); x < w-1; x += pillarStep {
			out = append(out, rect{x - pillarSize/2, y - pillarSize/2, pillarSize, pillarSize})
		}
	}
	return out
}

// segments cuts the hall's width into row segments between cross aisles and
// gives each the zone whose share of the width holds its centre.
func segments(spec hallSpec) []segment {
	var segs []segment
	for x := wallGap; ; {
		n := min(segModules, int((spec.w-wallGap-x)/module))
		if n < 2 {
			break
		}
		segs = append(segs, segment{x: x, modules: n, zone: zoneAt(spec, x+float64(n)*module/2)})
		x += float64(n)*module + crossAisle
	}
	return segs
}

// zoneAt returns the zone of the band of the hall that holds x.
func zoneAt(spec hallSpec, x float64) string {
	total := 0
	for _, z := range spec.zones {
		total += z.share
	}
	usable := spec.w - 2*wallGap
	acc := 0
	for _, z := range spec.zones {
		acc += z.share
		if x < wallGap+usable*float64(acc)/float64(total) {
			return z.code
		}
	}
	return spec.zones[len(spec.zones)-1].code
}

// rowPositions returns the y of each double row, between the entrance and
// the raw spaces along the back wall.
func rowPositions(d float64) []float64 {
	var ys []float64
	for y := entranceDepth + aisle; y+rowDepth <= d-rawDepth-aisle; y += rowDepth + aisle {
		ys = append(ys, y)
	}
	return ys
}

// besidePillar reports whether a pillar stands right beside the booth, in
// its row: the booth is cramped and its side is hidden, so it is not sold.
func besidePillar(r rect, pillars []rect) bool {
	for _, p := range pillars {
		if r.grow(pillarMargin).overlaps(p) && p.y < r.y+r.h && r.y < p.y+p.h {
			return true
		}
	}
	return false
}

// islandRows picks, from the middle outwards, a pair of double rows whose
// block has no pillar standing in it, so that islands stay whole.
func islandRows(rowsY []float64, pillars []rect) int {
	mid := len(rowsY)/2 - 1
	for k := 0; k < len(rowsY); k++ {
		r := mid + (k+1)/2*(1-2*(k%2)) // mid, mid+1, mid-1, mid+2, …
		if r < 0 || r+1 >= len(rowsY) {
			continue
		}
		block := rect{0, rowsY[r], 1e6, 2*rowDepth + aisle}
		if !hitsAny(block, pillars) {
			return r
		}
	}
	return mid
}

// rowCells cuts one side of a row segment into 3 × 3 m booths, merging some
// pairs into 6 × 3 m booths away from the ends, and leaves out cells that a
// pillar stands in. pattern varies the merges from row to row.
func rowCells(sg segment, y float64, pattern int, pillars []rect) []rect {
	var cells []rect
	for m := 0; m < sg.modules; {
		w := 1
		if m >= 1 && m+2 < sg.modules && (pattern+m)%8 == 0 {
			w = 2
		}
		cell := rect{sg.x + float64(m)*module, y, float64(w) * module, module}
		if w == 2 && hitsAny(cell, pillars) {
			w, cell.w = 1, module
		}
		m += w
		if !hitsAny(cell, pillars) {
			cells = append(cells, cell)
		}
	}
	return cells
}

// placeIslands centres each island segment's islands, 3 m apart, in the
// block spanning two double rows and the aisle between them.
func placeIslands(spec hallSpec, segs []segment, y0 float64, pillars []rect) []slot {
	const blockDepth = 2*rowDepth + aisle
	var out []slot
	for i, sizes := range spec.islands {
		sg := segs[i]
		width := -module
		for _, s := range sizes {
			width += s + module
		}
		x := sg.x + (float64(sg.modules)*module-width)/2
		for _, s := range sizes {
			r := rect{x, y0 + (blockDepth-s)/2, s, s}
			x += s + module
			if hitsAny(r, pillars) {
				continue
			}
			out = append(out, slot{r: r, code: fmt.Sprintf("%s-I%02d", spec.code, len(out)+1), kind: event.Island, zone: sg.zone})
		}
	}
	return out
}

// placeRaw lines the raw spaces along the back wall, centred, with 4 m
// passages between them to the emergency exits.
func placeRaw(spec hallSpec, pillars []rect) []slot {
	width := -aisle
	for _, w := range spec.rawWidth {
		width += w + aisle
	}
	x := (spec.w - width) / 2
	var out []slot
	for _, w := range spec.rawWidth {
		r := rect{x, spec.d - rawDepth, w, rawDepth}
		x += w + aisle
		if hitsAny(r, pillars) {
			continue
		}
		out = append(out, slot{r: r, code: fmt.Sprintf("%s-R%02d", spec.code, len(out)+1), kind: event.Raw, zone: zoneAt(spec, r.x+w/2)})
	}
	return out
}

// markCorners turns the booths at the ends of a run (open on two sides) into
// corner booths.
func markCorners(rows []slot) {
	type edge struct{ y, x int }
	key := func(y, x float64) edge { return edge{int(y * 10), int(x * 10)} }
	lefts, rights := map[edge]bool{}, map[edge]bool{}
	for _, s := range rows {
		lefts[key(s.r.y, s.r.x)] = true
		rights[key(s.r.y, s.r.x+s.r.w)] = true
	}
	for i, s := range rows {
		if !rights[key(s.r.y, s.r.x)] || !lefts[key(s.r.y, s.r.x+s.r.w)] {
			rows[i].kind = event.Corner
		}
	}
}

// price is the list price of a booth: shell per 9 m² module, raw space per
// m², corners +10%, islands +20% on the raw-space rate.
func price(s slot) int64 {
	area := int64(s.r.w) * int64(s.r.h)
	switch s.kind {
	case event.Island:
		return area * rawPerM2VND * 12 / 10
	case event.Raw:
		return area * rawPerM2VND
	case event.Corner:
		return area / 9 * shellModuleVND * 11 / 10
	}
	return area / 9 * shellModuleVND
}

// ---- organizations ----

func (g *gen) addOrg(o org.Organization, domain, primary string) int64 {
	o.ID = int64(len(g.d.Orgs) + 1)
	if domain != "" {
		o.Website = "https://www." + domain
		o.Email = "info@" + domain
		g.byDomain[domain] = o.ID
	}
	if o.CreatedAt.IsZero() {
		o.CreatedAt = g.timeIn(day(2026, 6, 1), day(2026, 10, 31))
	}
	if o.ID%3 == 0 {
		o.Interests = declaredInterests(o.Sectors, primary)
	}
	g.d.Orgs = append(g.d.Orgs, o)
	g.meta = append(g.meta, orgMeta{domain: domain, primary: primary})
	g.taken[domain] = true
	g.taken[o.Name.EN+"|"+o.Name.VI+"|"+o.Name.KO] = true
	return o.ID
}

// declaredInterests are the sectors next to an organization's own that it
// does not work in itself: what one in three demo organizations declares
// for matchmaking. Derived, not drawn, so the demo's random draws (and
// with them every other demo record) stay as they were.
func declaredInterests(own []string, primary string) []string {
	var out []string
	for _, s := range relatedSectors[primary] {
		if !slices.Contains(own, s) && len(out) < 2 {
			out = append(out, s)
		}
	}
	return out
}

func (g *gen) organizations() {
	g.demoExhibitorOrgs()
	for _, in := range institutions {
		if in.exhibits {
			g.addInstitution(in)
		}
	}
	g.generatedExhibitorOrgs()
	g.exhibitorOrgs = len(g.d.Orgs)
	for _, in := range institutions {
		if !in.exhibits {
			g.institutions = append(g.institutions, g.addInstitution(in))
		}
	}
	g.provincialOrgs()
	for i := 0; i < VisitorCompanies; i++ {
		g.visitorCos = append(g.visitorCos, g.visitorCompany())
	}
}

// demoExhibitorOrgs are the two exhibitors whose accounts the demo prints.
func (g *gen) demoExhibitorOrgs() {
	minhPhat := tr{"Công ty TNHH Tự động hóa Minh Phát", "Minh Phat Automation Co., Ltd.", ""}
	g.addOrg(org.Organization{Kind: org.Enterprise, Name: minhPhat.text(), Country: "VN", City: "Thuận An", Phone: "+84 274 3719 268",
		Description: join(fill(roleTemplates[2], offerings["robotics"][0]), marketSentences[0], sprintf(foundedTemplate, 2011, 140)).only(minhPhat).text(),
		Sectors:     []string{"robotics", "agv_amr", "smart_factory"}}, "minhphat-automation.example", "robotics")
	hanbit := tr{"Công ty TNHH Hanbit Robotics Việt Nam", "Hanbit Robotics Co., Ltd.", "(주)한빛로보틱스"}
	g.addOrg(org.Organization{Kind: org.Enterprise, Name: hanbit.text(), Country: "KR", City: "Changwon", Phone: "+82 55 284 7710",
		Description: join(fill(roleTemplates[1], offerings["robotics"][1]), marketSentences[3], sprintf(foundedTemplate, 2008, 320)).text(),
		Sectors:     []string{"robotics", "machine_vision"}}, "hanbit-robotics.example", "robotics")
}

func (g *gen) addInstitution(in institution) int64 {
	phone := "+84 274 3" + g.digits(6)
	if in.country != "VN" {
		phone = "+84 28 3" + g.digits(7)
	}
	id := g.addOrg(org.Organization{Kind: org.Kind(in.kind), Name: in.name.text(), Description: in.about.only(in.name).text(),
		Country: in.country, City: in.city, Phone: phone, Sectors: slices.Clone(in.sectors)}, in.domain, in.sectors[0])
	g.tableInst = append(g.tableInst, id)
	if in.kind == "institute" && in.country == "VN" {
		g.universities = append(g.universities, id)
	}
	return id
}

func (g *gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.intn(10))
	}
	return string(b)
}

// generatedExhibitorOrgs fills each country's quota of exhibitors.
func (g *gen) generatedExhibitorOrgs() {
	have := map[string]int{}
	for _, o := range g.d.Orgs {
		have[o.Country]++
	}
	for _, q := range exhibitorQuota {
		for i := have[q.country]; i < q.n; i++ {
			if q.country == "VN" {
				g.vietnameseExhibitor()
			} else {
				g.foreignExhibitor(countryByCode(q.country))
			}
		}
	}
}

func countryByCode(code string) country {
	for _, c := range foreignCountries {
		if c.code == code {
			return c
		}
	}
	panic("demo: no country table for " + code) // the tables are fixed: a test covers every quota
}

func (g *gen) primarySector() string {
	return exhibitorSectors[g.weightedPick(len(exhibitorSectors), func(i int) int { return exhibitorSectors[i].w })].code
}

// sectorsFor returns the primary sector and zero to two related ones.
func (g *gen) sectorsFor(primary string) []string {
	out := []string{primary}
	rel := relatedSectors[primary]
	for _, i := range g.rng.Perm(len(rel))[:g.intn(3)] {
		out = append(out, rel[i])
	}
	return out
}

// description builds one to three sentences in the languages of name.
func (g *gen) description(kind org.Kind, primary string, name tr) tr {
	off := pick(g, offerings[primary])
	open := pick(g, roleTemplates)
	if kind == org.Startup {
		open = startupTemplate
	}
	parts := []tr{fill(open, off)}
	if g.chance(0.7) {
		parts = append(parts, pick(g, marketSentences))
	}
	if g.chance(0.5) {
		year := g.between(1995, 2022)
		staff := g.between(20, 400)
		if kind == org.Startup {
			year, staff = g.between(2018, 2025), g.between(5, 40)
		}
		parts = append(parts, sprintf(foundedTemplate, year, staff))
	}
	return join(parts...).only(name)
}

// unique reports whether an organization with this domain and name can still
// be made.
func (g *gen) unique(domain string, name tr) bool {
	return !g.taken[domain] && !g.taken[name.en+"|"+name.vi+"|"+name.ko]
}

func (g *gen) vietnameseExhibitor() {
	primary := g.primarySector()
	kind := org.Enterprise
	if g.chance(0.25) {
		kind = org.Startup
	}
	var name tr
	var domain string
	for try := 0; ; try++ {
		if kind == org.Startup {
			b := pick(g, startupHeads) + pick(g, startupTails)
			name = tr{"Công ty Cổ phần Công nghệ " + b, b + " Technology JSC", ""}
			domain = strings.ToLower(b) + ".example"
		} else {
			b, f, l := pick(g, vnBrands), pick(g, sectorFields[primary]), pick(g, vnLegal)
			name = tr{l.vi + " " + f.name.vi + " " + b, ascii(b) + " " + f.name.en + " " + l.en, ""}
			domain = slug(b) + "-" + f.slug + ".example"
		}
		if try >= 50 { // name parts exhausted: number the domain and the name
			domain = strings.TrimSuffix(domain, ".example") + strconv.Itoa(try) + ".example"
			name.vi += " " + strconv.Itoa(try)
			name.en += " " + strconv.Itoa(try)
		}
		if g.unique(domain, name) {
			break
		}
	}
	city := vnCities[g.weightedPick(len(vnCities), func(i int) int { return vnCities[i].w })]
	g.addOrg(org.Organization{Kind: kind, Name: name.text(), Description: g.description(kind, primary, name).text(),
		Country: "VN", City: city.name, Phone: city.phone + " " + g.digits(4) + " " + g.digits(3),
		Sectors: g.sectorsFor(primary)}, domain, primary)
}

func (g *gen) foreignExhibitor(c country) {
	primary := g.primarySector()
	kind := org.Enterprise
	if g.chance(0.12) {
		kind = org.Startup
	}
	city := pick(g, c.cities)
	withKO, withVI := g.chance(c.koShare), g.chance(c.vnShare)
	var name tr
	var domain string
	for try := 0; ; try++ {
		b, f := pick(g, c.brands), pick(g, sectorFields[primary])
		fieldEN := f.name.en
		if c.code == "DE" {
			fieldEN = germanFields[primary]
		}
		legal := c.legal
		if kind == org.Startup && c.code == "KR" {
			legal = "Inc."
		}
		name = tr{en: b.en + " " + fieldEN + " " + legal}
		if c.code == "CN" {
			name.en = city + " " + name.en
		}
		if withKO && b.ko != "" {
			name.ko = b.ko + f.name.ko
			if c.code == "KR" && kind == org.Enterprise {
				name.ko = "(주)" + name.ko
			}
		}
		if withVI {
			name.vi = "Công ty TNHH " + b.en + " " + fieldEN + " Việt Nam"
		}
		domain = slug(b.en) + "-" + f.slug + ".example"
		if try >= 50 {
			domain = strings.TrimSuffix(domain, ".example") + strconv.Itoa(try) + ".example"
			name.en += " " + strconv.Itoa(try)
		}
		if g.unique(domain, name) {
			break
		}
	}
	g.addOrg(org.Organization{Kind: kind, Name: name.text(), Description: g.description(kind, primary, name).text(),
		Country: c.code, City: city, Phone: c.phone + " " + g.digits(3) + " " + g.digits(4),
		Sectors: g.sectorsFor(primary)}, domain, primary)
}

// provincialOrgs adds each neighbouring province's science and trade
// departments and business association: the delegations' home bodies.
func (g *gen) provincialOrgs() {
	for _, p := range provinces {
		bodies := []struct {
			kind org.Kind
			name tr
			sec  []string
			dom  string
		}{
			{org.Agency, tr{"Sở Khoa học và Công nghệ tỉnh " + p.vi, p.en + " Department of Science and Technology", p.ko + "성 과학기술국"}, []string{"smart_factory", "ai"}, "dost-"},
			{org.Agency, tr{"Sở Công Thương tỉnh " + p.vi, p.en + " Department of Industry and Trade", p.ko + "성 산업무역국"}, []string{"logistics", "clean_energy"}, "doit-"},
			{org.Association, tr{"Hiệp hội Doanh nghiệp tỉnh " + p.vi, p.en + " Business Association", p.ko + "성 기업협회"}, []string{"smart_factory", "food_processing"}, "ba-"},
		}
		for _, b := range bodies {
			g.institutions = append(g.institutions, g.addOrg(org.Organization{Kind: b.kind, Name: b.name.text(), Country: "VN",
				City: p.vi, Phone: "+84 2" + g.digits(2) + " 3" + g.digits(6), Sectors: b.sec}, b.dom+p.slug+".example", b.sec[0]))
		}
	}
}

// visitorCompany is a manufacturer that comes to the fair to buy: mostly
// Vietnamese, some subsidiaries of Korean, Japanese and Taiwanese groups.
func (g *gen) visitorCompany() int64 {
	prod := pick(g, visitorProducts)
	var name tr
	var domain string
	for try := 0; ; try++ {
		if g.chance(0.3) {
			c := countryByCode(pick(g, []string{"KR", "KR", "KR", "JP", "JP", "TW"}))
			b := pick(g, c.brands)
			name = tr{"Công ty TNHH " + b.en + " " + prod.field.en + " Vina", b.en + " " + prod.field.en + " Vina Co., Ltd.", ""}
			if b.ko != "" && c.code == "KR" {
				name.ko = b.ko + prod.field.ko + "비나"
			}
			domain = slug(b.en) + "-" + prod.slug + "-vina.example"
		} else {
			b, l := pick(g, vnBrands), pick(g, vnLegal)
			name = tr{l.vi + " " + prod.field.vi + " " + b, ascii(b) + " " + prod.field.en + " " + l.en, ""}
			domain = slug(b) + "-" + prod.slug + ".example"
		}
		if try >= 50 {
			domain = strings.TrimSuffix(domain, ".example") + strconv.Itoa(try) + ".example"
			name.vi += " " + strconv.Itoa(try)
			name.en += " " + strconv.Itoa(try)
		}
		if g.unique(domain, name) {
			break
		}
	}
	city := vnCities[g.weightedPick(6, func(i int) int { return vnCities[i].w })] // Binh Duong and HCMC
	workers := g.between(3, 60) * 50
	desc := sprintf(visitorTemplate, prod.what.vi, city.name, workers)
	desc.en = fmt.Sprintf(visitorTemplate.en, prod.what.en, ascii(city.name), workers)
	desc.ko = fmt.Sprintf(visitorTemplate.ko, prod.what.ko, ascii(city.name), workers)
	return g.addOrg(org.Organization{Kind: org.Enterprise, Name: name.text(), Description: desc.only(name).text(), Country: "VN",
		City: city.name, Phone: city.phone + " " + g.digits(4) + " " + g.digits(3), Sectors: []string{prod.sector}}, domain, prod.sector)
}

// ---- exhibitors ----

func (g *gen) exhibitors() {
	n := g.exhibitorOrgs
	status := make([]event.ExhibitorStatus, n)
	for i := range status {
		status[i] = event.Approved
	}
	// The two demo exhibitors (orgs 1 and 2) stay approved.
	for k, i := range g.rng.Perm(n - 2)[:n-approvedCount] {
		switch {
		case k < appliedCount:
			status[i+2] = event.Applied
		case k < appliedCount+rejectedCount:
			status[i+2] = event.Rejected
		default:
			status[i+2] = event.Withdrawn
		}
	}
	for i := 0; i < n; i++ {
		o := &g.d.Orgs[i]
		ex := event.Exhibitor{ID: int64(i + 1), EventID: FairID, OrgID: o.ID, Status: status[i],
			BadgeQuota: g.between(3, 10), CreatedAt: g.timeIn(day(2026, 7, 1), day(2026, 12, 20))}
		if o.Country == "KR" && (i == 1 || g.chance(0.8)) {
			ex.Pavilion = "korea"
		}
		switch {
		case ex.Pavilion == "korea" && g.chance(0.5):
			ex.Notes = pick(g, koreaNotes)
		case g.chance(0.4):
			ex.Notes = pick(g, exhibitorNotes)
		}
		g.d.Exhibitors = append(g.d.Exhibitors, ex)
	}
	g.boothsOf = make([][]int, n)
}

// ---- booth allocation ----

// zoneBooths are a zone's free booths: shell and corner booths in code order
// (so that neighbours in the list are usually neighbours on the floor) and
// the large islands and raw spaces.
type zoneBooths struct {
	code  string
	hall  int64
	shell []int
	large []int
}

func (g *gen) zonesOfHalls() []*zoneBooths {
	var zones []*zoneBooths
	find := func(hall int64, code string) *zoneBooths {
		for _, z := range zones {
			if z.hall == hall && z.code == code {
				return z
			}
		}
		z := &zoneBooths{code: code, hall: hall}
		zones = append(zones, z)
		return z
	}
	for i, b := range g.d.Booths {
		if b.Status != event.Free {
			continue
		}
		z := find(b.HallID, b.Zone)
		if b.Type == event.Island || b.Type == event.Raw {
			z.large = append(z.large, i)
		} else {
			z.shell = append(z.shell, i)
		}
	}
	return zones
}

// allocateBooths gives each approved exhibitor 1–4 adjacent booths in its
// sector's zone (Korea pavilion members in the KR zone), or one island or raw
// space for the large stands; earlier applicants choose first.
func (g *gen) allocateBooths() {
	zones := g.zonesOfHalls()
	var order []int
	for i, ex := range g.d.Exhibitors {
		if ex.Status == event.Approved {
			order = append(order, i)
		}
	}
	large := make([]bool, len(g.d.Exhibitors))
	size := make([]int, len(g.d.Exhibitors))
	for _, i := range order {
		size[i], large[i] = g.standSize(i)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if large[a] != large[b] { // large stands are booked first, from the floor plan's islands
			if large[a] {
				return -1
			}
			return 1
		}
		return g.d.Exhibitors[a].CreatedAt.Compare(g.d.Exhibitors[b].CreatedAt)
	})
	for _, i := range order {
		status := event.Sold
		if g.chance(0.1) {
			status = event.Held // contract signed, payment pending
		}
		booths := g.findBooths(zones, i, size[i], large[i])
		for _, b := range booths {
			g.d.Booths[b].ExhibitorID = g.d.Exhibitors[i].ID
			g.d.Booths[b].Status = status
		}
		g.boothsOf[i] = booths
	}
}

// standSize draws how many shell booths an exhibitor takes, or whether it
// takes a large island or raw space.
func (g *gen) standSize(i int) (int, bool) {
	switch {
	case i == 0:
		return 4, false
	case i == 1:
		return 2, false
	case g.d.Exhibitors[i].Pavilion == "korea":
		return []int{1, 1, 1, 1, 1, 2, 2, 2, 2, 3}[g.intn(10)], false
	case g.d.Orgs[i].Kind != org.Startup && g.chance(0.08):
		return 4, true
	}
	return []int{1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4}[g.intn(20)], false
}

// findBooths looks in the exhibitor's home zone, then in the other zones of
// the same hall, then anywhere, for k adjacent free booths (k, then fewer).
func (g *gen) findBooths(zones []*zoneBooths, i, k int, large bool) []int {
	home := sectorZone[g.meta[i].primary]
	if g.d.Exhibitors[i].Pavilion == "korea" {
		home = "KR"
	}
	var homeHall int64
	for _, z := range zones {
		if z.code == home {
			homeHall = z.hall
		}
	}
	groups := [3][]*zoneBooths{}
	for _, z := range zones {
		switch {
		case z.code == home:
			groups[0] = append(groups[0], z)
		case z.hall == homeHall && z.code != "KR":
			groups[1] = append(groups[1], z)
		case z.code != "KR":
			groups[2] = append(groups[2], z)
		}
	}
	for _, group := range groups {
		if large {
			for _, z := range group {
				for _, b := range z.large {
					if g.d.Booths[b].Status == event.Free {
						return []int{b}
					}
				}
			}
		}
		for n := k; n >= 1; n-- {
			for _, z := range group {
				if run := g.freeRun(z.shell, n); run != nil {
					return run
				}
			}
		}
	}
	return nil
}

// freeRun finds n free booths side by side in list, starting the search at
// a random place so that sold booths spread over the zone.
func (g *gen) freeRun(list []int, n int) []int {
	if len(list) < n {
		return nil
	}
	start := g.intn(len(list))
	for j := 0; j < len(list); j++ {
		i := (start + j) % len(list)
		if i+n > len(list) {
			continue
		}
		if g.runFree(list[i : i+n]) {
			return slices.Clone(list[i : i+n])
		}
	}
	return nil
}

func (g *gen) runFree(run []int) bool {
	for k, b := range run {
		if g.d.Booths[b].Status != event.Free {
			return false
		}
		if k > 0 && !adjacent(g.d.Booths[run[k-1]], g.d.Booths[b]) {
			return false
		}
	}
	return true
}

// adjacent reports whether b continues a's side of the row to the right.
func adjacent(a, b event.Booth) bool {
	return a.HallID == b.HallID && a.Y == b.Y && a.H == b.H && a.X+a.W == b.X
}

// ---- people ----

func langOf(country string) i18n.Lang {
	switch country {
	case "VN":
		return i18n.VI
	case "KR":
		return i18n.KO
	}
	return i18n.EN
}

// personName returns a display name in the person's own script and the
// ASCII local part of an email address.
func (g *gen) personName(country string) (string, string) {
	switch country {
	case "VN":
		sur := vnSurnames[g.weightedPick(len(vnSurnames), func(i int) int { return vnSurnames[i].w })].name
		middle, given := pick(g, vnMiddleMale), pick(g, vnGivenMale)
		if g.chance(0.45) {
			middle, given = pick(g, vnMiddleFemale), pick(g, vnGivenFemale)
		}
		return sur + " " + middle + " " + given, g.slug(given) + "." + g.slug(sur)
	case "KR":
		sur, given := pick(g, krSurnames), pick(g, krGiven)
		return sur.native + given.native, given.latin + "." + sur.latin
	}
	names, ok := latinNames[country]
	if !ok {
		names = latinNames["US"]
	}
	given, family := pick(g, names.given), pick(g, names.family)
	display := given + " " + family
	if names.familyFirst {
		display = family + " " + given
	}
	return display, g.slug(given) + "." + g.slug(family)
}

// slug memoizes slug for name parts, which repeat across 10,000 people.
func (g *gen) slug(s string) string {
	out, ok := g.slugs[s]
	if !ok {
		out = slug(s)
		g.slugs[s] = out
	}
	return out
}

// email makes local@domain unique by numbering repeats: an.nguyen2@….
// Generated local parts hold no digits, so numbered ones never collide.
func (g *gen) email(local, domain string) string {
	key := local + "@" + domain
	g.emails[key]++
	if n := g.emails[key]; n > 1 {
		return local + strconv.Itoa(n) + "@" + domain
	}
	return key
}

func (g *gen) addPerson(country, domain string) int64 {
	name, local := g.personName(country)
	if domain == "" {
		domain = pick(g, personalDomains)
	}
	return g.addNamedPerson(name, g.email(local, domain), langOf(country), false)
}

func (g *gen) addNamedPerson(name, email string, lang i18n.Lang, admin bool) int64 {
	g.emails[email]++
	id := int64(len(g.d.People) + 1)
	g.d.People = append(g.d.People, account.Person{ID: id, Email: email, Name: name, Lang: lang, IsAdmin: admin,
		CreatedAt: g.lateTimeIn(day(2026, 9, 1), day(2027, 3, 9))})
	return id
}

func (g *gen) member(personID, orgID int64, role account.MemberRole) {
	g.d.Memberships = append(g.d.Memberships, account.Membership{PersonID: personID, OrgID: orgID, Role: role})
}

func (g *gen) register(eventID, personID, orgID int64, cat event.Category, title string) {
	p := g.d.People[personID-1]
	status := "active"
	if cat == event.CatVisitor && g.chance(0.01) {
		status = "cancelled"
	}
	g.d.Registrations = append(g.d.Registrations, event.Registration{ID: int64(len(g.d.Registrations) + 1), EventID: eventID,
		PersonID: personID, OrgID: orgID, Category: cat, JobTitle: title, Status: status,
		CreatedAt: p.CreatedAt.Add(time.Duration(g.between(1, 30)) * time.Minute)})
}

func (g *gen) title(table map[string][]string, personID int64) string {
	return pick(g, table[string(g.d.People[personID-1].Lang)])
}

func (g *gen) login(email, role, note string) {
	g.d.Logins = append(g.d.Logins, Login{Email: email, Password: DemoPassword, Role: role, Note: note})
}

// people creates the demo logins, the organizers, the exhibitors' staff, the
// speakers, VIPs, press and delegates, then visitors up to exactly
// FairRegistrations registrations at the fair.
func (g *gen) people() {
	g.demoLogins()
	g.organizerStaff()
	g.exhibitorStaff()
	g.speakerPersons()
	g.guests()
	for n := g.fairCount(); n < FairRegistrations; n++ {
		g.visitor()
	}
}

func (g *gen) fairCount() int {
	n := 0
	for _, r := range g.d.Registrations {
		if r.EventID == FairID {
			n++
		}
	}
	return n
}

func (g *gen) demoLogins() {
	dost := g.byDomain["dost-binhduong.example"]
	g.addNamedPerson("Quản trị viên Ketnoi", "admin@ketnoi.demo", i18n.VI, true)
	g.login("admin@ketnoi.demo", "admin", "platform administrator")

	org1 := g.addNamedPerson("Lê Thị Thu Hà", "organizer@ketnoi.demo", i18n.VI, false)
	g.member(org1, dost, account.MemberAdmin)
	for _, ev := range []int64{FairID, ForumID} {
		g.d.Organizers = append(g.d.Organizers, EventRole{EventID: ev, PersonID: org1})
		g.register(ev, org1, dost, event.CatOrganizer, "Trưởng ban Tổ chức")
	}
	g.d.Organizers = append(g.d.Organizers, EventRole{EventID: PastID, PersonID: org1})
	g.register(PastID, org1, dost, event.CatOrganizer, "Trưởng ban Tổ chức")
	g.login("organizer@ketnoi.demo", "organizer", "organizer of the trade fair, the forum and last year's matchmaking day (Binh Duong Department of Science and Technology)")

	staff := []struct {
		name, email, title string
		lang               i18n.Lang
		org                int64
		role               account.MemberRole
		loginRole, note    string
	}{
		{"Trần Quốc Minh", "admin@minhphat-automation.demo", "Giám đốc", i18n.VI, 1, account.MemberAdmin, "exhibitor admin", "Minh Phat Automation (Vietnamese exhibitor)"},
		{"Phạm Thị Lan", "staff@minhphat-automation.demo", "Chuyên viên Kinh doanh", i18n.VI, 1, account.MemberStaff, "exhibitor staff", "Minh Phat Automation (Vietnamese exhibitor)"},
		{"박지훈", "admin@hanbit-robotics.demo", "대표이사", i18n.KO, 2, account.MemberAdmin, "exhibitor admin", "Hanbit Robotics (Korean exhibitor, Korea pavilion)"},
		{"이서연", "staff@hanbit-robotics.demo", "해외영업팀 과장", i18n.KO, 2, account.MemberStaff, "exhibitor staff", "Hanbit Robotics (Korean exhibitor, Korea pavilion)"},
	}
	for _, s := range staff {
		id := g.addNamedPerson(s.name, s.email, s.lang, false)
		g.member(id, s.org, s.role)
		g.register(FairID, id, s.org, event.CatExhibitorStaff, s.title)
		g.login(s.email, s.loginRole, s.note)
	}

	co := g.visitorCos[0]
	v := g.addNamedPerson("Võ Thanh Tùng", "visitor@ketnoi.demo", i18n.VI, false)
	g.member(v, co, account.MemberAdmin)
	g.coHasAdmin[co] = true
	g.register(FairID, v, co, event.CatVisitor, "Kỹ sư Sản xuất")
	g.register(ForumID, v, co, event.CatVisitor, "Kỹ sư Sản xuất")
	g.login("visitor@ketnoi.demo", "visitor", "visitor from "+g.d.Orgs[co-1].Name.EN)
}

// organizerStaff are the people behind the events besides the demo organizer.
func (g *gen) organizerStaff() {
	teams := []struct {
		domain string
		n      int
		events []int64
	}{
		{"dost-binhduong.example", 5, []int64{FairID}},
		{"dost-binhduong.example", 2, []int64{FairID, ForumID}},
		{"kotra-hcmc.example", 3, []int64{FairID}},
		{"bdic.example", 2, []int64{ForumID}},
	}
	for _, t := range teams {
		orgID := g.byDomain[t.domain]
		for k := 0; k < t.n; k++ {
			country := "VN"
			if t.domain == "kotra-hcmc.example" && k == 0 {
				country = "KR"
			}
			id := g.addPerson(country, t.domain)
			g.member(id, orgID, account.MemberStaff)
			title := g.title(agencyTitles, id)
			for _, ev := range t.events {
				g.d.Organizers = append(g.d.Organizers, EventRole{EventID: ev, PersonID: id})
				g.register(ev, id, orgID, event.CatOrganizer, title)
			}
			// Everyone is registered at the fair: those who run only the
			// forum come to the fair as delegates.
			if !slices.Contains(t.events, FairID) {
				g.register(FairID, id, orgID, event.CatDelegate, title)
			}
		}
	}
}

// exhibitorStaff gives every exhibitor an admin and approved exhibitors a
// team of two to four badge holders.
func (g *gen) exhibitorStaff() {
	for i, ex := range g.d.Exhibitors {
		o := g.d.Orgs[ex.OrgID-1]
		domain := g.meta[ex.OrgID-1].domain
		have := 0
		if i < 2 {
			have = 2 // the demo logins
		}
		want := 1
		if ex.Status == event.Approved {
			want = min(ex.BadgeQuota, g.between(2, 4))
		}
		for k := have; k < want; k++ {
			country := o.Country
			if country != "VN" && g.chance(0.35) {
				country = "VN" // local staff of a foreign exhibitor
			}
			id := g.addPerson(country, domain)
			role := account.MemberStaff
			if k == 0 {
				role = account.MemberAdmin
			}
			g.member(id, o.ID, role)
			cat := event.CatExhibitorStaff
			if ex.Status != event.Approved {
				cat = event.CatVisitor // came to look although not exhibiting
			}
			g.register(FairID, id, o.ID, cat, g.title(jobTitles, id))
		}
	}
}

// speakerPersons picks the forum's speakers: about half from universities,
// agencies, associations and investors, half from exhibiting companies.
func (g *gen) speakerPersons() {
	var fromInstitutions []int64
	for _, id := range g.tableInst {
		if g.d.Orgs[id-1].Kind != org.Enterprise {
			fromInstitutions = append(fromInstitutions, id)
		}
	}
	for k := 0; k < speakerCount; k++ {
		var orgID int64
		if k%2 == 0 {
			orgID = pick(g, fromInstitutions)
		} else {
			for {
				i := g.intn(g.exhibitorOrgs)
				if g.d.Exhibitors[i].Status == event.Approved && g.d.Orgs[i].Kind == org.Enterprise {
					orgID = int64(i + 1)
					break
				}
			}
		}
		o := g.d.Orgs[orgID-1]
		id := g.addPerson(o.Country, g.meta[orgID-1].domain)
		g.member(id, orgID, account.MemberStaff)
		role := pick(g, speakerRoles[string(o.Kind)])
		if o.Kind == org.Startup {
			role = pick(g, speakerRoles["enterprise"])
		}
		g.speakerPeople = append(g.speakerPeople, speakerPerson{personID: id, orgID: orgID, role: role})
		g.register(FairID, id, orgID, event.CatSpeaker, role.in(g.d.People[id-1].Lang))
	}
}

// guests are the VIPs, the press and the delegations.
func (g *gen) guests() {
	for k := 0; k < vipCount; k++ {
		orgID := pick(g, g.institutions)
		id := g.addPerson(g.d.Orgs[orgID-1].Country, g.meta[orgID-1].domain)
		g.register(FairID, id, orgID, event.CatVIP, g.title(vipTitles, id))
	}
	for k := 0; k < pressCount; k++ {
		outlet := pick(g, pressOutlets)
		country := map[string]string{"vi": "VN", "en": "US", "ko": "KR"}[outlet.lang]
		id := g.addPerson(country, "")
		g.register(FairID, id, 0, event.CatPress, pressTitles[string(g.d.People[id-1].Lang)]+", "+outlet.name)
	}
	for k := 0; k < delegateCount; k++ {
		orgID := pick(g, g.institutions)
		o := g.d.Orgs[orgID-1]
		id := g.addPerson(o.Country, g.meta[orgID-1].domain)
		table := jobTitles
		switch o.Kind {
		case org.Agency, org.Association:
			table = agencyTitles
		case org.Institute:
			table = academicTitles
		}
		g.register(FairID, id, orgID, event.CatDelegate, g.title(table, id))
	}
}

// visitor registers one more visitor: mostly staff of the visitor companies,
// some students and lecturers, some on their own.
func (g *gen) visitor() {
	switch r := g.rng.Float64(); {
	case r < 0.6:
		co := pick(g, g.visitorCos)
		country := "VN"
		if strings.HasSuffix(g.meta[co-1].domain, "-vina.example") && g.chance(0.25) {
			country = pick(g, []string{"KR", "KR", "JP", "TW"})
		}
		id := g.addPerson(country, g.meta[co-1].domain)
		if !g.coHasAdmin[co] {
			g.member(id, co, account.MemberAdmin)
			g.coHasAdmin[co] = true
		}
		g.register(FairID, id, co, event.CatVisitor, g.title(jobTitles, id))
	case r < 0.72:
		uni := pick(g, g.universities)
		id := g.addPerson("VN", g.meta[uni-1].domain)
		g.register(FairID, id, uni, event.CatVisitor, g.title(academicTitles, id))
	default:
		country := pick(g, []string{"VN", "VN", "VN", "VN", "VN", "VN", "VN", "VN", "VN", "VN", "VN", "VN", "KR", "KR", "JP", "TW", "SG", "DE", "US", "TH"})
		id := g.addPerson(country, "")
		title := ""
		if g.chance(0.7) {
			title = g.title(jobTitles, id)
		}
		g.register(FairID, id, 0, event.CatVisitor, title)
	}
}

// ---- forum ----

func (g *gen) forum() {
	for _, r := range roomSpecs {
		g.d.Rooms = append(g.d.Rooms, event.Room{ID: int64(len(g.d.Rooms) + 1), EventID: ForumID, Name: r.name.text(), Capacity: r.capacity})
	}
	for _, sp := range g.speakerPeople {
		o := g.d.Orgs[sp.orgID-1]
		g.d.Speakers = append(g.d.Speakers, event.Speaker{ID: int64(len(g.d.Speakers) + 1), EventID: ForumID,
			Name: g.d.People[sp.personID-1].Name, Title: speakerTitle(sp.role, o.Name).text(), OrgID: sp.orgID, PersonID: sp.personID})
	}
	for _, n := range trackNames {
		g.d.Tracks = append(g.d.Tracks, event.Track{EventID: ForumID, Key: n.en, Name: n.text()})
	}
	g.sessions()
	g.forumRegistrations()
}

// speakerTitle is "role, organization" in each language the organization
// has a name in (English otherwise); Korean puts the organization first.
func speakerTitle(role tr, orgName i18n.Text) tr {
	vi, ko := orgName.VI, orgName.KO
	if vi == "" {
		vi = orgName.EN
	}
	if ko == "" {
		ko = orgName.EN
	}
	return tr{role.vi + ", " + vi, role.en + ", " + orgName.EN, ko + " " + role.ko}
}

// sessions fills each room on each forum day with three morning and two
// afternoon sessions between 08:30 and 17:30, 15 minutes apart, lunch from
// 12:00 to 13:30.
func (g *gen) sessions() {
	pools := map[string][]talk{}
	for _, track := range []string{trackFactory, trackLogistics, trackResearch, trackKorea} {
		talks := trackTalks[track]
		for _, i := range g.rng.Perm(len(talks)) {
			pools[track] = append(pools[track], talks[i])
		}
	}
	uses := make([]int, len(g.d.Speakers))
	for dayIdx, date := range []time.Time{day(2027, 3, 10), day(2027, 3, 11)} {
		for room := range g.d.Rooms {
			track := roomTracks[dayIdx][room]
			end := 0
			for k, t := range []int{8*60 + 30, -1, -1, 13*60 + 30, -1} {
				start := t
				if t < 0 {
					start = end + 15 // a quarter of an hour to change over
				}
				tk := pools[track][0]
				if dayIdx == 0 && room == 0 && k == 0 {
					tk = openingSession
				} else {
					pools[track] = pools[track][1:]
				}
				dur := g.duration(tk, k < 3)
				end = start + dur
				g.addSession(ForumID, int64(room+1), track, tk, date, start, dur, g.pickSpeakers(track, tk, uses))
			}
		}
	}
	g.seatIdleSpeakers(uses)
}

// duration of a session: mornings hold three sessions of 30–60 minutes
// before lunch, afternoons two of 45–90; panels run at least an hour.
func (g *gen) duration(t talk, morning bool) int {
	if morning {
		if t.panel {
			return 60
		}
		return pick(g, []int{30, 45, 45, 60})
	}
	if t.panel {
		return pick(g, []int{60, 90})
	}
	return pick(g, []int{45, 60, 60, 90})
}

func (g *gen) addSession(eventID, roomID int64, track string, t talk, date time.Time, start, dur int, speakers []event.Speaker) {
	lang := i18n.VI // the opening is in Vietnamese
	if len(speakers) > 0 && t != openingSession {
		lang = g.d.People[speakers[0].PersonID-1].Lang
	}
	abstract := pick(g, talkAbstracts)
	if t.panel {
		abstract = pick(g, panelAbstracts)
	}
	begin := time.Date(date.Year(), date.Month(), date.Day(), start/60, start%60, 0, 0, ict)
	g.d.Sessions = append(g.d.Sessions, event.Session{ID: int64(len(g.d.Sessions) + 1), EventID: eventID, RoomID: roomID,
		Title: t.title.text(), Abstract: join(abstract, interpretation[string(lang)]).text(), Track: track, Language: lang,
		StartsAt: begin.UTC(), EndsAt: begin.Add(time.Duration(dur) * time.Minute).UTC(), Speakers: speakers})
}

// pickSpeakers chooses the least-used suitable speakers: one for a talk,
// a moderator and two or three panellists for a panel.
func (g *gen) pickSpeakers(track string, t talk, uses []int) []event.Speaker {
	n := 1
	if t.panel {
		n = g.between(3, 4)
	}
	var pool []int
	for i, s := range g.d.Speakers {
		if fitsTrack(track, g.d.Orgs[s.OrgID-1]) {
			pool = append(pool, i)
		}
	}
	g.rng.Shuffle(len(pool), func(a, b int) { pool[a], pool[b] = pool[b], pool[a] })
	slices.SortStableFunc(pool, func(a, b int) int { return uses[a] - uses[b] })
	var out []event.Speaker
	for _, i := range pool[:min(n, len(pool))] {
		uses[i]++
		out = append(out, g.d.Speakers[i])
	}
	return out
}

// fitsTrack says which speakers a track draws on.
func fitsTrack(track string, o org.Organization) bool {
	switch track {
	case trackKorea:
		return o.Country == "KR" || o.Kind == org.Agency || o.Kind == org.Association
	case trackResearch:
		return o.Kind == org.Institute || o.Kind == org.Investor || o.Kind == org.Agency
	}
	return o.Kind == org.Enterprise || o.Kind == org.Startup || o.Kind == org.Institute
}

// seatIdleSpeakers puts speakers no session drew onto panels, so that every
// speaker speaks.
func (g *gen) seatIdleSpeakers(uses []int) {
	var panels []int
	for i, s := range g.d.Sessions {
		if len(s.Speakers) >= 3 {
			panels = append(panels, i)
		}
	}
	next := 0
	for i, n := range uses {
		if n > 0 || len(panels) == 0 {
			continue
		}
		s := &g.d.Sessions[panels[next%len(panels)]]
		s.Speakers = append(s.Speakers, g.d.Speakers[i])
		uses[i]++
		next++
	}
}

// forumRegistrations: speakers, VIPs, half the press, two delegates in five
// and one visitor in ten of the fair also register for the forum.
func (g *gen) forumRegistrations() {
	atForum := map[int64]bool{}
	for _, r := range g.d.Registrations {
		if r.EventID == ForumID {
			atForum[r.PersonID] = true
		}
	}
	fair := slices.Clone(g.d.Registrations)
	for _, r := range fair {
		if r.EventID != FairID || r.Status != "active" || atForum[r.PersonID] {
			continue
		}
		cat, ok := r.Category, false
		switch r.Category {
		case event.CatSpeaker, event.CatVIP:
			ok = true
		case event.CatPress:
			ok = g.chance(0.5)
		case event.CatDelegate:
			ok = g.chance(0.4)
		case event.CatVisitor:
			ok = g.chance(0.1)
		case event.CatExhibitorStaff:
			cat, ok = event.CatVisitor, g.chance(0.05)
		}
		if ok {
			g.register(ForumID, r.PersonID, r.OrgID, cat, r.JobTitle)
		}
	}
}
