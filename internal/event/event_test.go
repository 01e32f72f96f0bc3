package event_test

import (
	"testing"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
)

func TestZoneIsHoChiMinhCity(t *testing.T) {
	loc := event.Zone("Asia/Ho_Chi_Minh")
	at := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC).In(loc)
	if at.Hour() != 9 {
		t.Fatalf("02:00 UTC is %02d:00 in %s, want 09:00", at.Hour(), loc)
	}
	if event.Zone("Not/AZone").String() != "Asia/Ho_Chi_Minh" {
		t.Fatal("unknown zone does not fall back to the venue default")
	}
}

func TestEventValidation(t *testing.T) {
	e := event.Event{Slug: "Expo 2027", Kind: "fair", StartDate: "2027-03-12", EndDate: "2027-03-10"}
	err := e.Validate()
	var ae *apperr.Error
	if !apperrAs(err, &ae) {
		t.Fatalf("got %v", err)
	}
	for _, f := range []string{"slug", "kind", "name", "venue_id", "end_date"} {
		if ae.Fields[f] == "" {
			t.Errorf("no message for %s", f)
		}
	}
	ok := event.Event{Slug: "expo-2027", Kind: event.TradeFair, Name: i18n.Text{VI: "Triển lãm"}, VenueID: 1, StartDate: "2027-03-10", EndDate: "2027-03-12"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := ok.Days(); len(got) != 3 || got[2] != "2027-03-12" {
		t.Fatalf("days %v", got)
	}
}

func apperrAs(err error, target **apperr.Error) bool {
	e, ok := err.(*apperr.Error)
	*target = e
	return ok
}
