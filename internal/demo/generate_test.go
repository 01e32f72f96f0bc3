package demo

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/taxonomy"
)

// demo is generated once for the read-only checks below; Validate methods
// normalise in place, so tests that call them work on copies.
var (
	demoOnce sync.Once
	demoSet  *Dataset
)

func mustDemo(tb testing.TB) *Dataset {
	tb.Helper()
	demoOnce.Do(func() { demoSet = Generate(20270310) })
	return demoSet
}

func digest(tb testing.TB, d *Dataset) [32]byte {
	tb.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		tb.Fatalf("encode data set: %v", err)
	}
	return sha256.Sum256(b)
}

func TestDeterministic(t *testing.T) {
	for _, seed := range []int64{0, 1, -7, 20270310} {
		a, b := digest(t, Generate(seed)), digest(t, Generate(seed))
		if a != b {
			t.Errorf("seed %d: two runs differ", seed)
		}
	}
	if digest(t, Generate(1)) == digest(t, Generate(2)) {
		t.Error("seeds 1 and 2 give the same data set")
	}
}

func TestCounts(t *testing.T) {
	d := mustDemo(t)
	counts := []struct {
		what      string
		got, want int
	}{
		{"venues", len(d.Venues), 1},
		{"events", len(d.Events), 3},
		{"halls", len(d.Halls), 4},
		{"booths", len(d.Booths), TotalBooths},
		{"exhibitors", len(d.Exhibitors), TotalExhibitors},
		{"people (admin + one per fair registration)", len(d.People), FairRegistrations + 1},
		{"rooms", len(d.Rooms), 4},
		{"speakers", len(d.Speakers), speakerCount},
		{"sessions", len(d.Sessions), 40},
		{"logins", len(d.Logins), 7},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	if d.Events[0].Kind != event.TradeFair || d.Events[1].Kind != event.Forum || d.Events[2].Kind != event.Matchmaking || d.Events[2].EndDate >= d.Events[1].StartDate {
		t.Errorf("events are %s, %s, %s; want the trade fair first, then the forum, then last year's matchmaking day", d.Events[0].Kind, d.Events[1].Kind, d.Events[2].Kind)
	}
	perHall := map[int64]int{}
	for _, b := range d.Booths {
		perHall[b.HallID]++
	}
	for i, spec := range hallSpecs {
		if got := perHall[int64(i+1)]; got != spec.target {
			t.Errorf("hall %s: %d booths, want %d", spec.code, got, spec.target)
		}
	}
	fair, byStatus := 0, map[event.ExhibitorStatus]int{}
	for _, r := range d.Registrations {
		if r.EventID == FairID {
			fair++
		}
	}
	for _, e := range d.Exhibitors {
		byStatus[e.Status]++
	}
	if fair != FairRegistrations {
		t.Errorf("fair registrations: %d, want %d", fair, FairRegistrations)
	}
	if byStatus[event.Approved] != approvedCount || byStatus[event.Applied] != appliedCount || byStatus[event.Rejected] != rejectedCount {
		t.Errorf("exhibitor statuses %v", byStatus)
	}
	nonExhibitors := 0
	for _, o := range d.Orgs[TotalExhibitors:] {
		if o.Kind != org.Enterprise {
			nonExhibitors++
		}
	}
	if nonExhibitors < 35 || nonExhibitors > 45 {
		t.Errorf("%d non-exhibiting institutions, want about 40", nonExhibitors)
	}
	if got := len(d.Orgs) - TotalExhibitors - nonExhibitors; got != VisitorCompanies {
		t.Errorf("%d visitor companies, want %d", got, VisitorCompanies)
	}
}

func TestExhibitorCountries(t *testing.T) {
	d := mustDemo(t)
	got := map[string]int{}
	for _, e := range d.Exhibitors {
		got[d.Orgs[e.OrgID-1].Country]++
	}
	for _, q := range exhibitorQuota {
		if got[q.country] != q.n {
			t.Errorf("%s exhibitors: %d, want %d", q.country, got[q.country], q.n)
		}
	}
}

// TestValidate runs each record through its domain validation.
func TestValidate(t *testing.T) {
	d := mustDemo(t)
	for _, e := range d.Events {
		if err := e.Validate(); err != nil {
			t.Errorf("event %d: %v", e.ID, err)
		}
	}
	allowed := map[string]bool{}
	for _, s := range strings.Fields("smart_factory robotics agv_amr machine_vision mes_erp iiot warehouse_automation clean_energy logistics ai semiconductors electronics textiles food_processing plastics metalworking cold_chain packaging") {
		allowed[s] = true
	}
	declaring := 0
	for _, o := range d.Orgs {
		if err := o.Validate(); err != nil {
			t.Errorf("org %d %q: %v", o.ID, o.Name.EN, err)
		}
		if len(o.Sectors) == 0 {
			t.Errorf("org %d has no sector", o.ID)
		}
		for _, s := range o.Sectors {
			if _, ok := taxonomy.Lookup(s); !ok || !allowed[s] {
				t.Errorf("org %d: sector %q outside the demo's list", o.ID, s)
			}
		}
		if !strings.HasSuffix(o.Website, ".example") || !strings.HasSuffix(o.Email, ".example") {
			t.Errorf("org %d: website %q / email %q not on an .example domain", o.ID, o.Website, o.Email)
		}
		for _, s := range o.Interests {
			if _, ok := taxonomy.Lookup(s); !ok || slices.Contains(o.Sectors, s) {
				t.Errorf("org %d: declared interest %q unknown or its own sector", o.ID, s)
			}
		}
		if len(o.Interests) > 0 {
			declaring++
		}
	}
	// About one organization in three declares interests for matchmaking.
	if declaring < len(d.Orgs)/5 {
		t.Errorf("%d of %d organizations declare interests, want about a third", declaring, len(d.Orgs))
	}
	for _, b := range d.Booths {
		if err := b.Validate(); err != nil {
			t.Errorf("booth %s: %v", b.Code, err)
		}
	}
	for _, s := range d.Sessions {
		if err := s.Validate(); err != nil {
			t.Errorf("session %d: %v", s.ID, err)
		}
	}
	for _, p := range d.People {
		if email, err := account.NormalizeEmail(p.Email); err != nil || email != p.Email {
			t.Errorf("person %d: email %q not normal (%v)", p.ID, p.Email, err)
		}
		if n := utf8.RuneCountInString(p.Name); n == 0 || n > account.MaxName {
			t.Errorf("person %d: name %q", p.ID, p.Name)
		}
		if _, ok := i18n.Parse(string(p.Lang)); !ok {
			t.Errorf("person %d: language %q", p.ID, p.Lang)
		}
		if p.PasswordHash != "" {
			t.Errorf("person %d carries a password hash", p.ID)
		}
	}
	for _, l := range d.Logins {
		su := account.SignUp{Email: l.Email, Name: "x", Password: l.Password, Lang: i18n.VI}
		if err := su.Validate(); err != nil {
			t.Errorf("login %s: %v", l.Email, err)
		}
	}
	for _, e := range d.Exhibitors {
		if e.BadgeQuota < 3 || e.BadgeQuota > 10 {
			t.Errorf("exhibitor %d: badge quota %d", e.ID, e.BadgeQuota)
		}
	}
	for _, r := range d.Registrations {
		if !r.Category.Valid() || (r.Status != "active" && r.Status != "cancelled") {
			t.Errorf("registration %d: category %q status %q", r.ID, r.Category, r.Status)
		}
	}
}

func TestTimesAreUTC(t *testing.T) {
	d := mustDemo(t)
	var times []time.Time
	for _, e := range d.Events {
		times = append(times, e.CreatedAt)
	}
	for _, o := range d.Orgs {
		times = append(times, o.CreatedAt)
	}
	for _, p := range d.People {
		times = append(times, p.CreatedAt)
	}
	for _, e := range d.Exhibitors {
		times = append(times, e.CreatedAt)
	}
	for _, r := range d.Registrations {
		times = append(times, r.CreatedAt)
	}
	for _, s := range d.Sessions {
		times = append(times, s.StartsAt, s.EndsAt)
	}
	opening := time.Date(2027, 3, 10, 0, 0, 0, 0, ict)
	for i, tm := range times {
		if tm.IsZero() || tm.Location() != time.UTC {
			t.Fatalf("time %d: %v is zero or not UTC", i, tm)
		}
		if tm.Year() < 2026 || tm.After(opening.Add(72*time.Hour)) {
			t.Fatalf("time %d: %v outside the demo's calendar", i, tm)
		}
	}
}

// TestReferences checks that IDs run 1..N and every reference resolves.
func TestReferences(t *testing.T) {
	d := mustDemo(t)
	seq := func(table string, ids func(i int) int64, n int) {
		for i := 0; i < n; i++ {
			if ids(i) != int64(i+1) {
				t.Fatalf("%s[%d] has ID %d, want %d", table, i, ids(i), i+1)
			}
		}
	}
	seq("venues", func(i int) int64 { return d.Venues[i].ID }, len(d.Venues))
	seq("events", func(i int) int64 { return d.Events[i].ID }, len(d.Events))
	seq("orgs", func(i int) int64 { return d.Orgs[i].ID }, len(d.Orgs))
	seq("people", func(i int) int64 { return d.People[i].ID }, len(d.People))
	seq("halls", func(i int) int64 { return d.Halls[i].ID }, len(d.Halls))
	seq("booths", func(i int) int64 { return d.Booths[i].ID }, len(d.Booths))
	seq("exhibitors", func(i int) int64 { return d.Exhibitors[i].ID }, len(d.Exhibitors))
	seq("registrations", func(i int) int64 { return d.Registrations[i].ID }, len(d.Registrations))
	seq("rooms", func(i int) int64 { return d.Rooms[i].ID }, len(d.Rooms))
	seq("speakers", func(i int) int64 { return d.Speakers[i].ID }, len(d.Speakers))
	seq("sessions", func(i int) int64 { return d.Sessions[i].ID }, len(d.Sessions))

	in := func(id int64, n int) bool { return id >= 1 && id <= int64(n) }
	for _, e := range d.Events {
		if !in(e.VenueID, len(d.Venues)) {
			t.Errorf("event %d: venue %d", e.ID, e.VenueID)
		}
	}
	for _, h := range d.Halls {
		if h.EventID != FairID {
			t.Errorf("hall %s: event %d", h.Code, h.EventID)
		}
	}
	for _, b := range d.Booths {
		if b.EventID != FairID || !in(b.HallID, len(d.Halls)) || (b.ExhibitorID != 0 && !in(b.ExhibitorID, len(d.Exhibitors))) {
			t.Errorf("booth %s: event %d hall %d exhibitor %d", b.Code, b.EventID, b.HallID, b.ExhibitorID)
		}
		if !strings.HasPrefix(b.Code, d.Halls[b.HallID-1].Code+"-") {
			t.Errorf("booth %s is in hall %s", b.Code, d.Halls[b.HallID-1].Code)
		}
	}
	for _, e := range d.Exhibitors {
		if e.EventID != FairID || !in(e.OrgID, len(d.Orgs)) {
			t.Errorf("exhibitor %d: event %d org %d", e.ID, e.EventID, e.OrgID)
		}
	}
	type key struct{ a, b int64 }
	seen := map[key]bool{}
	for _, r := range d.Registrations {
		if !in(r.EventID, len(d.Events)) || !in(r.PersonID, len(d.People)) || (r.OrgID != 0 && !in(r.OrgID, len(d.Orgs))) {
			t.Errorf("registration %d: event %d person %d org %d", r.ID, r.EventID, r.PersonID, r.OrgID)
		}
		if seen[key{r.EventID, r.PersonID}] {
			t.Errorf("person %d registered twice at event %d", r.PersonID, r.EventID)
		}
		seen[key{r.EventID, r.PersonID}] = true
	}
	for _, p := range d.People {
		if !p.IsAdmin && !seen[key{FairID, p.ID}] {
			t.Errorf("person %d (%s) is not registered at the fair", p.ID, p.Email)
		}
	}
	members := map[key]bool{}
	for _, m := range d.Memberships {
		if !in(m.PersonID, len(d.People)) || !in(m.OrgID, len(d.Orgs)) || (m.Role != account.MemberAdmin && m.Role != account.MemberStaff) {
			t.Errorf("membership %+v", m)
		}
		if members[key{m.PersonID, m.OrgID}] {
			t.Errorf("membership %+v repeated", m)
		}
		members[key{m.PersonID, m.OrgID}] = true
	}
	for _, o := range d.Organizers {
		if !in(o.EventID, len(d.Events)) || !in(o.PersonID, len(d.People)) || !seen[key{o.EventID, o.PersonID}] {
			t.Errorf("organizer %+v not registered at the event", o)
		}
	}
	for _, r := range d.Rooms {
		if r.EventID != ForumID || r.Capacity < 80 || r.Capacity > 600 {
			t.Errorf("room %d: event %d capacity %d", r.ID, r.EventID, r.Capacity)
		}
	}
	for _, s := range d.Speakers {
		if s.EventID != ForumID || !in(s.OrgID, len(d.Orgs)) || !in(s.PersonID, len(d.People)) || s.Name != d.People[s.PersonID-1].Name {
			t.Errorf("speaker %d: %+v", s.ID, s)
		}
		if !members[key{s.PersonID, s.OrgID}] || !seen[key{ForumID, s.PersonID}] {
			t.Errorf("speaker %d is not a member of org %d or not registered at the forum", s.ID, s.OrgID)
		}
	}
	for _, s := range d.Sessions {
		if s.EventID != ForumID || !in(s.RoomID, len(d.Rooms)) {
			t.Errorf("session %d: event %d room %d", s.ID, s.EventID, s.RoomID)
		}
		for _, sp := range s.Speakers {
			if !in(sp.ID, len(d.Speakers)) || d.Speakers[sp.ID-1] != sp {
				t.Errorf("session %d: speaker %+v differs from the speakers table", s.ID, sp)
			}
		}
	}
}

func TestLogins(t *testing.T) {
	d := mustDemo(t)
	byEmail := map[string]account.Person{}
	for _, p := range d.People {
		byEmail[p.Email] = p
	}
	roles := map[string]int{}
	for _, l := range d.Logins {
		p, ok := byEmail[l.Email]
		if !ok {
			t.Errorf("login %s is nobody", l.Email)
			continue
		}
		roles[l.Role]++
		if p.IsAdmin != (l.Role == "admin") {
			t.Errorf("login %s: IsAdmin %v for role %s", l.Email, p.IsAdmin, l.Role)
		}
	}
	want := map[string]int{"admin": 1, "organizer": 1, "exhibitor admin": 2, "exhibitor staff": 2, "visitor": 1}
	for r, n := range want {
		if roles[r] != n {
			t.Errorf("%d logins with role %q, want %d", roles[r], r, n)
		}
	}
	organizer := byEmail["organizer@ketnoi.demo"].ID
	for _, ev := range []int64{FairID, ForumID} {
		if !slices.Contains(d.Organizers, EventRole{ev, organizer}) {
			t.Errorf("organizer@ketnoi.demo does not organize event %d", ev)
		}
	}
	// The exhibitor logins: admin and staff of a Vietnamese and a Korean
	// approved exhibitor that hold booths.
	for _, c := range []struct {
		admin, staff, country string
	}{{"admin@minhphat-automation.demo", "staff@minhphat-automation.demo", "VN"}, {"admin@hanbit-robotics.demo", "staff@hanbit-robotics.demo", "KR"}} {
		var orgID int64
		for _, m := range d.Memberships {
			if m.PersonID == byEmail[c.admin].ID && m.Role == account.MemberAdmin {
				orgID = m.OrgID
			}
		}
		if orgID == 0 || d.Orgs[orgID-1].Country != c.country {
			t.Fatalf("%s is not admin of a %s organization", c.admin, c.country)
		}
		if !slices.Contains(d.Memberships, account.Membership{PersonID: byEmail[c.staff].ID, OrgID: orgID, Role: account.MemberStaff}) {
			t.Errorf("%s is not staff of org %d", c.staff, orgID)
		}
		ex := d.Exhibitors[orgID-1]
		if ex.OrgID != orgID || ex.Status != event.Approved || boothCount(d, ex.ID) == 0 {
			t.Errorf("org %d: exhibitor %+v holds %d booths", orgID, ex, boothCount(d, ex.ID))
		}
	}
}

func boothCount(d *Dataset, exhibitorID int64) int {
	n := 0
	for _, b := range d.Booths {
		if b.ExhibitorID == exhibitorID {
			n++
		}
	}
	return n
}

func TestUnique(t *testing.T) {
	d := mustDemo(t)
	emails := map[string]bool{}
	for _, p := range d.People {
		if emails[p.Email] {
			t.Errorf("email %s used twice", p.Email)
		}
		emails[p.Email] = true
	}
	codes := map[string]bool{}
	for _, b := range d.Booths {
		if codes[b.Code] {
			t.Errorf("booth code %s used twice", b.Code)
		}
		codes[b.Code] = true
	}
	names := map[string]bool{}
	for _, o := range d.Orgs {
		if names[o.Name.EN+o.Name.VI] {
			t.Errorf("organization name %q used twice", o.Name.EN)
		}
		names[o.Name.EN+o.Name.VI] = true
	}
}

// TestBoothGeometry: every booth lies inside its hall, out of the entrance
// area, clear of the pillars and of every other booth.
func TestBoothGeometry(t *testing.T) {
	d := mustDemo(t)
	for _, h := range d.Halls {
		pillars := pillarGrid(h.Width, h.Depth)
		var booths []event.Booth
		for _, b := range d.Booths {
			if b.HallID == h.ID {
				booths = append(booths, b)
			}
		}
		for i, b := range booths {
			r := rect{b.X, b.Y, b.W, b.H}
			if b.X < 0 || b.Y < entranceDepth || b.X+b.W > h.Width || b.Y+b.H > h.Depth {
				t.Errorf("booth %s %+v is outside hall %s (%v × %v) or in its entrance", b.Code, r, h.Code, h.Width, h.Depth)
			}
			if hitsAny(r, pillars) {
				t.Errorf("booth %s stands on a pillar", b.Code)
			}
			for _, o := range booths[i+1:] {
				if r.overlaps(rect{o.X, o.Y, o.W, o.H}) {
					t.Errorf("booths %s and %s overlap", b.Code, o.Code)
				}
			}
		}
	}
}

// TestOverlapCheckCatchesOverlap makes sure the geometry test can fail.
func TestOverlapCheckCatchesOverlap(t *testing.T) {
	if !(rect{0, 0, 3, 3}).overlaps(rect{2, 2, 3, 3}) || (rect{0, 0, 3, 3}).overlaps(rect{3, 0, 3, 3}) {
		t.Fatal("rect.overlaps is wrong: touching booths do not overlap, intersecting ones do")
	}
	if len(pillarGrid(150, 106)) == 0 {
		t.Fatal("no pillars in a 150 m hall")
	}
}

func TestBoothTypesAndPrices(t *testing.T) {
	d := mustDemo(t)
	types := map[event.BoothType]int{}
	statuses := map[event.BoothStatus]int{}
	for _, b := range d.Booths {
		types[b.Type]++
		statuses[b.Status]++
		area := int64(b.W * b.H)
		var want int64
		switch b.Type {
		case event.Shell, event.Corner:
			if b.H != 3 || (b.W != 3 && b.W != 6) {
				t.Errorf("shell booth %s is %v × %v", b.Code, b.W, b.H)
			}
			want = area / 9 * shellModuleVND
			if b.Type == event.Corner {
				want = want * 11 / 10
			}
		case event.Island:
			if b.W != b.H || b.W < 6 || b.W > 12 {
				t.Errorf("island %s is %v × %v", b.Code, b.W, b.H)
			}
			want = area * rawPerM2VND * 12 / 10
		case event.Raw:
			if area < 100 {
				t.Errorf("raw space %s is only %d m²", b.Code, area)
			}
			want = area * rawPerM2VND
		}
		if b.PriceVND != want {
			t.Errorf("booth %s (%s, %d m²) costs %d VND, want %d", b.Code, b.Type, area, b.PriceVND, want)
		}
		if b.Zone == "" {
			t.Errorf("booth %s has no zone", b.Code)
		}
	}
	if b := d.Booths[0]; b.Type == event.Shell && b.W == 3 && b.PriceVND != 30_000_000 {
		t.Errorf("a 9 m² shell booth costs %d VND", b.PriceVND)
	}
	for _, ty := range []event.BoothType{event.Shell, event.Corner, event.Island, event.Raw} {
		if types[ty] == 0 {
			t.Errorf("no %s booths", ty)
		}
	}
	blocked := float64(statuses[event.Blocked]) / TotalBooths
	if blocked < 0.01 || blocked > 0.03 {
		t.Errorf("%.1f%% of booths blocked, want about 2%%", 100*blocked)
	}
	if taken := statuses[event.Sold] + statuses[event.Held]; taken < TotalBooths/2 || statuses[event.Sold] < 4*statuses[event.Held] {
		t.Errorf("statuses %v: want most booths taken, mostly sold", statuses)
	}
}

// TestAllocation: approved exhibitors hold 1–4 adjacent booths (or one
// island or raw space) in their zone; the others hold none.
func TestAllocation(t *testing.T) {
	d := mustDemo(t)
	held := make([][]event.Booth, len(d.Exhibitors)+1)
	for _, b := range d.Booths {
		if (b.ExhibitorID != 0) != (b.Status == event.Sold || b.Status == event.Held) {
			t.Errorf("booth %s: status %s with exhibitor %d", b.Code, b.Status, b.ExhibitorID)
		}
		held[b.ExhibitorID] = append(held[b.ExhibitorID], b)
	}
	inZone, total := 0, 0
	for _, e := range d.Exhibitors {
		bs := held[e.ID]
		if e.Status != event.Approved {
			if len(bs) != 0 {
				t.Errorf("exhibitor %d (%s) holds booths", e.ID, e.Status)
			}
			continue
		}
		if len(bs) < 1 || len(bs) > 4 {
			t.Errorf("exhibitor %d holds %d booths", e.ID, len(bs))
			continue
		}
		large := bs[0].Type == event.Island || bs[0].Type == event.Raw
		if large && len(bs) != 1 {
			t.Errorf("exhibitor %d holds an island or raw space and more", e.ID)
		}
		for i := 1; i < len(bs); i++ {
			if !adjacent(bs[i-1], bs[i]) {
				t.Errorf("exhibitor %d: booths %s and %s are not side by side", e.ID, bs[i-1].Code, bs[i].Code)
			}
		}
		home := sectorZone[d.Orgs[e.OrgID-1].Sectors[0]]
		if e.Pavilion == "korea" {
			home = "KR"
			if bs[0].Zone != "KR" || d.Orgs[e.OrgID-1].Country != "KR" {
				t.Errorf("Korea pavilion exhibitor %d is in zone %s", e.ID, bs[0].Zone)
			}
		} else if bs[0].Zone == "KR" {
			t.Errorf("exhibitor %d is in the Korea pavilion without being in it", e.ID)
		}
		total++
		if bs[0].Zone == home {
			inZone++
		}
	}
	if inZone < total*9/10 {
		t.Errorf("only %d of %d exhibitors are in their sector's zone", inZone, total)
	}
}

// TestSessions: no room double-booked, sessions of 30–90 minutes between
// 08:30 and 17:30 on the forum's days, every speaker speaks.
func TestSessions(t *testing.T) {
	d := mustDemo(t)
	days := map[string]bool{}
	for _, s := range d.Sessions {
		start, end := s.StartsAt.In(ict), s.EndsAt.In(ict)
		days[start.Format(event.DateLayout)] = true
		if m := s.EndsAt.Sub(s.StartsAt).Minutes(); m < 30 || m > 90 {
			t.Errorf("session %d lasts %v minutes", s.ID, m)
		}
		if start.Hour()*60+start.Minute() < 8*60+30 || end.Hour()*60+end.Minute() > 17*60+30 || end.Day() != start.Day() {
			t.Errorf("session %d runs %s–%s local time", s.ID, start.Format("15:04"), end.Format("15:04"))
		}
		if len(s.Speakers) == 0 {
			t.Errorf("session %d has no speaker", s.ID)
		}
		for _, o := range d.Sessions {
			if o.ID != s.ID && o.RoomID == s.RoomID && s.StartsAt.Before(o.EndsAt) && o.StartsAt.Before(s.EndsAt) {
				t.Errorf("sessions %d and %d overlap in room %d", s.ID, o.ID, s.RoomID)
			}
		}
	}
	want := d.Events[ForumID-1].Days()
	if len(days) != len(want) || !days[want[0]] || !days[want[1]] {
		t.Errorf("sessions on %v, want the forum's days %v", days, want)
	}
	speaks := map[int64]bool{}
	tracks := map[string]int{}
	langs := map[i18n.Lang]int{}
	for _, s := range d.Sessions {
		tracks[s.Track]++
		langs[s.Language]++
		for _, sp := range s.Speakers {
			speaks[sp.ID] = true
		}
	}
	if len(speaks) != len(d.Speakers) {
		t.Errorf("%d of %d speakers speak", len(speaks), len(d.Speakers))
	}
	if len(tracks) != 4 || len(langs) != 3 {
		t.Errorf("tracks %v, languages %v: want four tracks and the three languages", tracks, langs)
	}
	named := map[string]bool{}
	for _, tk := range d.Tracks {
		if tk.EventID != ForumID || tk.Name.VI == "" || tk.Name.EN != tk.Key || tk.Name.KO == "" {
			t.Errorf("track %+v is not named in the three languages", tk)
		}
		named[tk.Key] = true
	}
	for tk := range tracks {
		if !named[tk] {
			t.Errorf("the track %q of the sessions has no names", tk)
		}
	}
}

// TestLanguages: organizations are named in the languages they would use,
// people carry the language of their nationality.
func TestLanguages(t *testing.T) {
	d := mustDemo(t)
	for _, o := range d.Orgs[:TotalExhibitors] {
		switch {
		case o.Country == "VN" && (o.Name.VI == "" || o.Name.EN == ""):
			t.Errorf("Vietnamese org %d lacks a Vietnamese or English name: %+v", o.ID, o.Name)
		case o.Country == "KR" && (o.Name.KO == "" || o.Name.EN == ""):
			t.Errorf("Korean org %d lacks a Korean or English name: %+v", o.ID, o.Name)
		case o.Name.EN == "":
			t.Errorf("org %d has no English name", o.ID)
		}
		if o.Description.EN == "" || (o.Description.VI == "") != (o.Name.VI == "") || (o.Description.KO == "") != (o.Name.KO == "") {
			t.Errorf("org %d: description languages differ from the name's: %+v", o.ID, o.Description)
		}
	}
	vi, diacritics := 0, 0
	for _, p := range d.People {
		if p.Lang == i18n.VI {
			vi++
			if strings.ContainsFunc(p.Name, func(r rune) bool { return r > 127 }) {
				diacritics++
			}
		}
		if p.Lang == i18n.KO && !strings.ContainsFunc(p.Name, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) {
			t.Errorf("Korean reader %d is not named in Hangul: %q", p.ID, p.Name)
		}
	}
	if vi < len(d.People)*6/10 || diacritics < vi*8/10 {
		t.Errorf("%d Vietnamese readers of %d people, %d with diacritics", vi, len(d.People), diacritics)
	}
}

func TestASCII(t *testing.T) {
	for in, want := range map[string]string{"Nguyễn Văn Đạt": "Nguyen Van Dat", "Müller": "Muller", "Bích Ngọc": "Bich Ngoc"} {
		if got := ascii(in); got != want {
			t.Errorf("ascii(%q) = %q, want %q", in, got, want)
		}
	}
	if got := slug("Chih-Hao"); got != "chihhao" {
		t.Errorf("slug = %q", got)
	}
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		Generate(20270310)
	}
}

// BenchmarkEncodeJSON is the baseline for BenchmarkGenerate: encoding the
// data set it makes, a cost any consumer of the data set pays at least once.
func BenchmarkEncodeJSON(b *testing.B) {
	d := Generate(20270310)
	for b.Loop() {
		if _, err := json.Marshal(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutHalls is the floor plans alone: the part of Generate that
// does not depend on the seed.
func BenchmarkLayoutHalls(b *testing.B) {
	for b.Loop() {
		for _, spec := range hallSpecs {
			layoutHall(spec)
		}
	}
}

func ExampleGenerate() {
	d := Generate(1)
	fmt.Println(len(d.Booths), len(d.Exhibitors), d.Events[0].Name.EN)
	// Output: 2000 500 Smart Factory & Logistics Automation Expo 2027
}
