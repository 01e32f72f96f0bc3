package store_test

import (
	"context"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
)

// each runs a test on every dialect, so both engines show one behaviour.
func each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) { fn(t, storetest.MustOpen(t, d)) })
	}
}

func TestPeopleAndSessions(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := &account.Person{Email: "an@example.vn", Name: "Nguyễn Văn An", Lang: i18n.VI}
		if err := db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if p.ID == 0 {
			t.Fatal("no id assigned")
		}
		err := db.CreatePerson(ctx, &account.Person{Email: "an@example.vn", Name: "Other"})
		if !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("duplicate email: got %v, want conflict", err)
		}
		got, err := db.PersonByEmail(ctx, "an@example.vn")
		if err != nil || got.Name != "Nguyễn Văn An" || got.ID != p.ID {
			t.Fatalf("PersonByEmail = %+v, %v", got, err)
		}
		if _, err := db.PersonByEmail(ctx, "nobody@example.vn"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("missing person: got %v, want not found", err)
		}
		s := account.Session{TokenHash: "h1", PersonID: p.ID, CSRF: "c", ExpiresAt: time.Now().Add(time.Hour)}
		if err := db.CreateWebSession(ctx, s); err != nil {
			t.Fatal(err)
		}
		if got, err := db.WebSession(ctx, "h1"); err != nil || got.PersonID != p.ID {
			t.Fatalf("WebSession = %+v, %v", got, err)
		}
		if err := db.DeleteWebSession(ctx, "h1"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.WebSession(ctx, "h1"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("ended session still found: %v", err)
		}
		expired := account.Session{TokenHash: "h2", PersonID: p.ID, CSRF: "c", ExpiresAt: time.Now().Add(-time.Minute)}
		db.CreateWebSession(ctx, expired)
		if _, err := db.WebSession(ctx, "h2"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("expired session found: %v", err)
		}
	})
}

func TestRateLimitCountsPerWindow(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2027, 3, 10, 9, 0, 30, 0, time.UTC)
		db.Now = func() time.Time { return now }
		for want := 1; want <= 3; want++ {
			n, err := db.Hit(ctx, "login:1.2.3.4", time.Minute)
			if err != nil || n != want {
				t.Fatalf("hit %d: got %d, %v", want, n, err)
			}
		}
		// The window runs from the first attempt (9:00:30), not from the
		// minute on the clock: 9:01:10 is still in it, 9:01:30 is not.
		now = now.Add(40 * time.Second)
		if n, _ := db.Hit(ctx, "login:1.2.3.4", time.Minute); n != 4 {
			t.Fatalf("across the clock's minute: got %d, want 4", n)
		}
		now = now.Add(20 * time.Second)
		if n, _ := db.Hit(ctx, "login:1.2.3.4", time.Minute); n != 1 {
			t.Fatalf("new window: got %d, want 1", n)
		}
	})
}

// beforeTheFair is a time before mustFair's fair and the demo's (both from
// 10 March 2027), for what runs "from now on" whenever the tests run.
var beforeTheFair = time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)

// mustFair makes a small fair: a venue, an event, one hall, two exhibitors.
func mustFair(t *testing.T, db *store.DB) (event.Event, []event.ExhibitorView) {
	t.Helper()
	ctx := context.Background()
	v := &event.Venue{Name: i18n.Text{EN: "WTC Binh Duong"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	if err := db.CreateVenue(ctx, v); err != nil {
		t.Fatal(err)
	}
	e := &event.Event{Slug: "expo", Kind: event.TradeFair, Name: i18n.Text{VI: "Triển lãm", EN: "Expo"}, VenueID: v.ID, StartDate: "2027-03-10", EndDate: "2027-03-12"}
	if err := db.CreateEvent(ctx, e); err != nil {
		t.Fatal(err)
	}
	h := &event.Hall{EventID: e.ID, Code: "A", Name: i18n.Text{EN: "Hall A"}, Width: 100, Depth: 60}
	if err := db.CreateHall(ctx, h); err != nil {
		t.Fatal(err)
	}
	orgs := []*org.Organization{
		{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty Minh Phát", EN: "Minh Phat"}, Country: "VN", Sectors: []string{"robotics", "agv_amr"}},
		{Kind: org.Enterprise, Name: i18n.Text{KO: "한빛로보틱스", EN: "Hanbit Robotics"}, Country: "KR", Sectors: []string{"robotics"}},
	}
	for i, o := range orgs {
		if err := db.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
		x := &event.Exhibitor{EventID: e.ID, OrgID: o.ID, Status: event.Approved, BadgeQuota: 5}
		if err := db.CreateExhibitor(ctx, x); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			b := &event.Booth{EventID: e.ID, HallID: h.ID, Code: "A-101", X: 0, Y: 0, W: 3, H: 3, Type: event.Shell, Status: event.Sold, PriceVND: 30_000_000}
			if err := db.CreateBooth(ctx, b); err != nil {
				t.Fatal(err)
			}
			if err := db.AssignBooth(ctx, e.ID, b.ID, x.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	xs, total, err := db.Exhibitors(ctx, e.ID, store.ExhibitorFilter{Limit: 10})
	if err != nil || total != 2 {
		t.Fatalf("Exhibitors: %d, %v", total, err)
	}
	return *e, xs
}

func TestExhibitorDirectoryFilters(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		cases := []struct {
			name string
			f    store.ExhibitorFilter
			want []string
		}{
			{"all", store.ExhibitorFilter{}, []string{"Hanbit Robotics", "Minh Phat"}},
			{"country", store.ExhibitorFilter{Country: "KR"}, []string{"Hanbit Robotics"}},
			{"hall", store.ExhibitorFilter{Hall: "A"}, []string{"Minh Phat"}},
			{"sector", store.ExhibitorFilter{Sector: "agv_amr"}, []string{"Minh Phat"}},
			{"none", store.ExhibitorFilter{Hall: "Z"}, nil},
			{"page", store.ExhibitorFilter{Offset: 1}, []string{"Minh Phat"}},
		}
		for _, c := range cases {
			c.f.Limit = 10
			xs, total, err := db.Exhibitors(ctx, e.ID, c.f)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var names []string
			for _, x := range xs {
				names = append(names, x.Org.Name.EN)
			}
			if len(names) != len(c.want) || (len(names) > 0 && names[0] != c.want[0]) {
				t.Errorf("%s: got %v, want %v", c.name, names, c.want)
			}
			if c.name != "page" && total != len(c.want) {
				t.Errorf("%s: total %d, want %d", c.name, total, len(c.want))
			}
		}
		xs, _, _ := db.Exhibitors(ctx, e.ID, store.ExhibitorFilter{Country: "VN", Limit: 10})
		if len(xs) != 1 || len(xs[0].Booths) != 1 || xs[0].Booths[0] != "A-101" || xs[0].Halls[0] != "A" {
			t.Fatalf("booths not filled: %+v", xs)
		}
		if got := xs[0].Org.Sectors; len(got) != 2 {
			t.Fatalf("sectors = %v", got)
		}
	})
}

func TestConstraintsAreCleanErrors(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		// The same organization twice at an event is a conflict.
		err := db.CreateExhibitor(ctx, &event.Exhibitor{EventID: e.ID, OrgID: xs[0].OrgID, Status: event.Applied})
		if !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("duplicate exhibitor: %v", err)
		}
		// A booth in a hall of another event is not found, and nothing is written.
		err = db.CreateBooth(ctx, &event.Booth{EventID: e.ID + 99, HallID: 1, Code: "X-1", W: 3, H: 3, Type: event.Shell, Status: event.Free})
		if !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("booth in foreign hall: %v", err)
		}
		err = db.CreateBooth(ctx, &event.Booth{EventID: e.ID, HallID: 1, Code: "A-101", W: 3, H: 3, Type: event.Shell, Status: event.Free})
		if !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("duplicate booth code: %v", err)
		}
		if _, err := db.Exhibitor(ctx, e.ID, 9999); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("unknown exhibitor: %v", err)
		}
		// A session whose speaker does not exist rolls back entirely.
		err = db.BulkLoad(ctx, func(b *store.Bulk) error {
			return b.Forum([]event.Room{{ID: 1, EventID: e.ID, Name: i18n.Text{EN: "Room 1"}, Capacity: 100}}, nil, nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
		s := &event.Session{EventID: e.ID, RoomID: 1, Title: i18n.Text{EN: "Keynote"}, Language: i18n.EN, StartsAt: start, EndsAt: start.Add(time.Hour),
			Speakers: []event.Speaker{{ID: 42}}}
		if err := db.CreateSession(ctx, s); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("unknown speaker: %v", err)
		}
		if _, total, _ := db.Sessions(ctx, e.ID, store.SessionFilter{Limit: 10}); total != 0 {
			t.Fatalf("half-written session: %d sessions", total)
		}
		s.Speakers = nil
		if err := db.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
		got, err := db.Session(ctx, e.ID, s.ID)
		if err != nil || !got.StartsAt.Equal(start) || got.StartsAt.Location() != time.UTC {
			t.Fatalf("session time not kept in UTC: %+v, %v", got.StartsAt, err)
		}
	})
}

func TestStats(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		p := &account.Person{Email: "v@example.vn", Name: "V", Lang: i18n.VI}
		db.CreatePerson(ctx, p)
		if err := db.CreateRegistration(ctx, &event.Registration{EventID: e.ID, PersonID: p.ID, Category: event.CatVisitor}); err != nil {
			t.Fatal(err)
		}
		s, err := db.Stats(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if s.Exhibitors != 2 || s.Booths != 1 || s.Registrations != 1 || s.ByCountry["KR"] != 1 || s.RevenueVND != 30_000_000 || s.SoldAreaM2 != 9 {
			t.Fatalf("stats = %+v", s)
		}
	})
}

func TestDirectoryVersionMovesOnEveryChange(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v0, err := db.DirectoryVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		e, xs := mustFair(t, db)
		v1, _ := db.DirectoryVersion(ctx)
		if v1 <= v0 {
			t.Fatalf("creating a fair left the version at %d", v1)
		}
		o := xs[0].Org
		o.Name.EN = "Renamed"
		if err := db.UpdateOrganization(ctx, &o); err != nil {
			t.Fatal(err)
		}
		v2, _ := db.DirectoryVersion(ctx)
		if v2 <= v1 {
			t.Fatal("renaming an organization did not move the version")
		}
		x := xs[1].Exhibitor
		x.Status = event.Rejected
		if err := db.UpdateExhibitor(ctx, &x); err != nil {
			t.Fatal(err)
		}
		v3, _ := db.DirectoryVersion(ctx)
		if v3 <= v2 {
			t.Fatal("rejecting an exhibitor did not move the version")
		}
		p := &account.Person{Email: "x@example.vn", Name: "X"}
		db.CreatePerson(ctx, p)
		db.CreateRegistration(ctx, &event.Registration{EventID: e.ID, PersonID: p.ID, Category: event.CatVisitor})
		if v4, _ := db.DirectoryVersion(ctx); v4 != v3 {
			t.Fatal("a registration moved the directory version")
		}
	})
}

// TestEventPartnerNames: an event's co-organizer, as typed and in the
// three languages, is kept on creation and update, and named in each
// reader's language, or as typed where it has no names.
func TestEventPartnerNames(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		e.Partner = "KOTRA"
		e.PartnerName = i18n.Text{VI: "KOTRA (Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc)", KO: "KOTRA (대한무역투자진흥공사)"}
		mustDo(t, db.UpdateEvent(ctx, &e))
		got, err := db.Event(ctx, e.ID)
		if err != nil || got.Partner != "KOTRA" || got.PartnerName != e.PartnerName {
			t.Fatalf("event read back: %+v, %v", got, err)
		}
		if got.PartnerIn(i18n.KO) != "KOTRA (대한무역투자진흥공사)" || got.PartnerIn(i18n.EN) == "" {
			t.Errorf("the partner in Korean %q, in English %q", got.PartnerIn(i18n.KO), got.PartnerIn(i18n.EN))
		}
		bare := event.Event{Partner: "KOTRA"}
		if bare.PartnerIn(i18n.KO) != "KOTRA" {
			t.Error("a partner without names is not named as typed")
		}
	})
}

// TestVenueAddressNames: a venue's address, as typed and in the three
// languages, is kept and written in the reader's language.
func TestVenueAddressNames(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v := &event.Venue{Name: i18n.Text{EN: "WTC Binh Duong"}, Address: "Hung Vuong Boulevard",
			AddressName: i18n.Text{VI: "Đại lộ Hùng Vương", KO: "훙브엉 대로"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
		mustDo(t, db.CreateVenue(ctx, v))
		got, err := db.Venue(ctx, v.ID)
		if err != nil || got.Address != "Hung Vuong Boulevard" || got.AddressName != v.AddressName {
			t.Fatalf("venue read back: %+v, %v", got, err)
		}
		if got.AddressIn(i18n.VI) != "Đại lộ Hùng Vương" || got.AddressIn(i18n.KO) != "훙브엉 대로" {
			t.Errorf("address in Vietnamese %q, in Korean %q", got.AddressIn(i18n.VI), got.AddressIn(i18n.KO))
		}
		if (event.Venue{Address: "as typed"}).AddressIn(i18n.KO) != "as typed" {
			t.Error("an address without names is not written as typed")
		}
	})
}
