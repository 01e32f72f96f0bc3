package event_test

import (
	"math"
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

// TestBoothValidate: a booth's size and position are refused when they are
// not numbers (NaN passes every "is it too small" test) or out of range,
// and its price when it could overflow a floor's total.
func TestBoothValidate(t *testing.T) {
	ok := event.Booth{Code: "A-101", W: 3, H: 3, Type: event.Shell, Status: event.Free, PriceVND: 30_000_000}
	if err := ok.Validate(); err != nil {
		t.Fatalf("a plain booth: %v", err)
	}
	nan, inf := math.NaN(), math.Inf(1)
	for name, change := range map[string]func(b *event.Booth){
		"NaN width":     func(b *event.Booth) { b.W = nan },
		"NaN depth":     func(b *event.Booth) { b.H = nan },
		"NaN x":         func(b *event.Booth) { b.X = nan },
		"infinite y":    func(b *event.Booth) { b.Y = inf },
		"zero width":    func(b *event.Booth) { b.W = 0 },
		"negative x":    func(b *event.Booth) { b.X = -1 },
		"price too big": func(b *event.Booth) { b.PriceVND = math.MaxInt64 },
		"negative":      func(b *event.Booth) { b.PriceVND = -1 },
	} {
		b := ok
		change(&b)
		if err := b.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	top := ok
	top.PriceVND = event.MaxBoothPriceVND
	if err := top.Validate(); err != nil {
		t.Errorf("the highest price: %v", err)
	}
}
