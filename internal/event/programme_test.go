package event_test

import (
	"testing"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
)

// TestCheckPlacement reads days in the venue's zone: a session may run to
// midnight on the last day but not past it, may start at the first day's
// midnight, and back-to-back sessions in one room do not clash.
func TestCheckPlacement(t *testing.T) {
	zone := event.Zone("Asia/Ho_Chi_Minh")
	e := &event.Event{StartDate: "2027-03-10", EndDate: "2027-03-11"}
	at := func(day, h, m int) time.Time { return time.Date(2027, 3, day, h, m, 0, 0, zone).UTC() }
	held := []event.Session{{ID: 1, RoomID: 7, Title: i18n.Text{VI: "Khai mạc", EN: "Opening"}, StartsAt: at(10, 9, 0), EndsAt: at(10, 10, 0)}}
	cases := []struct {
		name       string
		start, end time.Time
		field      string // "" when it fits
	}{
		{"from the first midnight", at(10, 0, 0), at(10, 1, 0), ""},
		{"to the last midnight", at(11, 23, 0), at(12, 0, 0), ""},
		{"past the last midnight", at(11, 23, 0), at(12, 0, 30), "ends_at"},
		{"the evening before the first day", at(9, 23, 0), at(10, 0, 30), "starts_at"},
		{"right after the opening", at(10, 10, 0), at(10, 11, 0), ""},
		{"right before the opening", at(10, 8, 0), at(10, 9, 0), ""},
		{"over the opening", at(10, 8, 0), at(10, 11, 0), "room_id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &event.Session{ID: 2, RoomID: 7, StartsAt: c.start, EndsAt: c.end}
			err := event.CheckPlacement(s, e, zone, held)
			var ae *apperr.Error
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field != "" && (!apperrAs(err, &ae) || ae.Fields[c.field] == ""):
				t.Fatalf("got %v, want a message on %s", err, c.field)
			}
			if c.field == "room_id" && ae.Fields["room_id"] != "is taken at that time by: session 1 “Opening” 09:00–10:00" {
				t.Errorf("the clash reads %q", ae.Fields["room_id"])
			}
		})
	}
	// The session itself, saved again, is not its own clash.
	if err := event.CheckPlacement(&held[0], e, zone, held); err != nil {
		t.Fatalf("re-saving the opening: %v", err)
	}
}

// TestSpeakerClashes: a speaker in two rooms at overlapping times is
// found from both sides; the same speaker back to back is not.
func TestSpeakerClashes(t *testing.T) {
	h := func(n int) time.Time { return time.Date(2027, 3, 10, n, 0, 0, 0, time.UTC) }
	kim := []event.Speaker{{ID: 5}}
	ss := []event.Session{
		{ID: 1, RoomID: 1, StartsAt: h(2), EndsAt: h(3), Speakers: kim},
		{ID: 2, RoomID: 2, StartsAt: h(2), EndsAt: h(4), Speakers: []event.Speaker{{ID: 6}, {ID: 5}}},
		{ID: 3, RoomID: 1, StartsAt: h(4), EndsAt: h(5), Speakers: kim},
		{ID: 4, RoomID: 3, StartsAt: h(2), EndsAt: h(3), Speakers: []event.Speaker{{ID: 6}}},
	}
	got := event.SpeakerClashes(ss)
	if len(got[1]) != 1 || got[1][0].ID != 2 || len(got[2]) != 2 || len(got[3]) != 0 || len(got[4]) != 1 {
		t.Fatalf("clashes %+v", got)
	}
}
