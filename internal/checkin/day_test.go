package checkin_test

import (
	"context"
	"testing"
	"time"

	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestDayAtIsTheVenuesCivilDate: the day a scan counts for is the date at
// the venue, not in UTC nor at UTC+7: one instant is a different day in
// different zones, summer time included.
func TestDayAtIsTheVenuesCivilDate(t *testing.T) {
	cases := []struct {
		at   time.Time
		zone string
		want string
	}{
		{time.Date(2027, 3, 10, 17, 30, 0, 0, time.UTC), "Asia/Ho_Chi_Minh", "2027-03-11"}, // 00:30 next day
		{time.Date(2027, 3, 10, 16, 59, 0, 0, time.UTC), "Asia/Ho_Chi_Minh", "2027-03-10"},
		{time.Date(2027, 3, 10, 17, 30, 0, 0, time.UTC), "America/Los_Angeles", "2027-03-10"},
		{time.Date(2027, 3, 11, 6, 30, 0, 0, time.UTC), "America/Los_Angeles", "2027-03-10"}, // 23:30 PST
		{time.Date(2027, 3, 15, 6, 30, 0, 0, time.UTC), "America/Los_Angeles", "2027-03-14"}, // 23:30 PDT: summer time
		{time.Date(2027, 3, 15, 7, 30, 0, 0, time.UTC), "America/Los_Angeles", "2027-03-15"},
		{time.Date(2027, 3, 10, 10, 30, 0, 0, time.UTC), "Pacific/Kiritimati", "2027-03-11"}, // UTC+14
		{time.Date(2027, 3, 10, 10, 30, 0, 0, time.UTC), "Pacific/Pago_Pago", "2027-03-09"},  // UTC−11
		{time.Date(2027, 3, 10, 14, 45, 0, 0, time.UTC), "Asia/Seoul", "2027-03-10"},         // 23:45 KST
		{time.Date(2027, 3, 10, 15, 0, 0, 0, time.UTC), "Asia/Seoul", "2027-03-11"},
	}
	for _, c := range cases {
		if got := checkin.DayAt(c.at, zone(t, c.zone)); got != c.want {
			t.Errorf("%v in %s: %s, want %s", c.at, c.zone, got, c.want)
		}
	}
}

// fakeStore answers the service with one key and one zone.
type fakeStore struct {
	keys badge.KeySet
	zone *time.Location
}

func (f fakeStore) BadgeKeys(context.Context, int64) (badge.KeySet, error) { return f.keys, nil }
func (f fakeStore) RecordScans(context.Context, []checkin.Item) ([]checkin.Outcome, error) {
	return nil, nil
}
func (f fakeStore) EventZone(context.Context, int64) (*time.Location, error) { return f.zone, nil }
func (f fakeStore) BadgeCodeKey(context.Context, int64) (badge.Key, error)   { return badge.Key{}, nil }
func (f fakeStore) Registrant(context.Context, int64, int64) (checkin.Registrant, error) {
	return checkin.Registrant{}, nil
}

// TestWrongDayInTheEventsZone: a badge valid on 10 March only, scanned at
// 06:30 UTC on 11 March, is right on the day at a venue in Los Angeles
// (23:30 on the 10th) and the wrong day at a venue in Ho Chi Minh City
// (13:30 on the 11th); a list for the 10th decides the same way.
func TestWrongDayInTheEventsZone(t *testing.T) {
	k, err := badge.NewKey(1)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := badge.Sign(k, badge.Claims{EventID: 7, RegistrationID: 1, Version: 1, Category: "visitor", Days: []string{"2027-03-10"}})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2027, 3, 11, 6, 30, 0, 0, time.UTC)
	list := checkin.List{Name: "Day 1", Rule: checkin.OncePerDay, Days: []string{"2027-03-10"}}
	for _, c := range []struct {
		zone  string
		day   string
		valid bool
	}{{"America/Los_Angeles", "2027-03-10", true}, {"Asia/Ho_Chi_Minh", "2027-03-11", false}} {
		svc := checkin.NewService(t.Context(), fakeStore{keys: badge.KeySet{1: k.Public()}, zone: zone(t, c.zone)}, func() time.Time { return at }, 1)
		items, err := svc.Prepare(context.Background(), 7, 1, []checkin.Scan{{ID: "0b7f6d0e-8a43-4d0c-9d8e-2f3a1c5b6e70", Token: tok, Point: "gate-1", Kind: checkin.KindCheckin, ScannedAt: at}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		it := items[0]
		if it.Refused != "" || it.Day != c.day || it.Claims.ValidOn(it.Day) != c.valid {
			t.Fatalf("%s: refused %q, day %s, valid %v; want day %s, valid %v", c.zone, it.Refused, it.Day, it.Claims.ValidOn(it.Day), c.day, c.valid)
		}
		if ok, why := list.Covers("visitor", it.Day); ok != c.valid || (!ok && why != checkin.ReasonWrongDay) {
			t.Fatalf("%s: the list covers %v (%s)", c.zone, ok, why)
		}
		today, err := svc.Today(context.Background(), 7)
		if err != nil || today != c.day {
			t.Fatalf("%s: today %s, %v", c.zone, today, err)
		}
	}
	if event.Zone("").String() != "Asia/Ho_Chi_Minh" {
		t.Fatal("the default zone is not the venue's")
	}
}
