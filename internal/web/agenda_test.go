package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
)

// TestAgendaAndICS: the public agenda lists the session by day; a person
// adds it to their agenda; the session's and the person's .ics files are
// read back by go-ical with the right times and title.
func TestAgendaAndICS(t *testing.T) {
	f := mustFixture(t, "sqlite")
	page := readAll(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/agenda", f.eventID), "", ""))
	if !strings.Contains(page, "Khai mạc") || !strings.Contains(page, fmt.Sprintf(`id="session-%d"`, f.sessID)) {
		t.Fatal("the agenda does not list the session")
	}
	if !strings.Contains(page, "<p>Phát biểu khai mạc của ban tổ chức.</p>") || !strings.Contains(page, " · Tiếng Việt</span>") {
		t.Error("the agenda does not show the session's abstract, or its language in words")
	}
	r := f.do(visitor, "POST", fmt.Sprintf("/events/%d/agenda/%d", f.eventID, f.sessID), "application/x-www-form-urlencoded", "add=yes")
	if r.StatusCode != 303 {
		t.Fatalf("add to agenda: %d", r.StatusCode)
	}
	for _, path := range []string{fmt.Sprintf("/events/%d/sessions/%d/calendar.ics", f.eventID, f.sessID), "/me/agenda.ics"} {
		body := readAll(t, f.do(visitor, "GET", path, "", ""))
		cal, err := ical.NewDecoder(strings.NewReader(body)).Decode()
		if err != nil {
			t.Fatalf("%s: go-ical cannot read it: %v\n%s", path, err, body)
		}
		evs := cal.Events()
		if len(evs) != 1 {
			t.Fatalf("%s: %d events, want 1", path, len(evs))
		}
		start, err := evs[0].DateTimeStart(time.UTC)
		if err != nil || !start.Equal(time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)) {
			t.Fatalf("%s: start %v %v", path, start, err)
		}
		end, _ := evs[0].DateTimeEnd(time.UTC)
		title, _ := evs[0].Props.Text(ical.PropSummary)
		if end.Sub(start) != time.Hour || title != "Khai mạc" {
			t.Fatalf("%s: %v–%v %q", path, start, end, title)
		}
	}
}

// TestTimesInVenueZone: an event in Seoul shows its forum sessions in Seoul
// time on the event page and the agenda (02:00 UTC is 11:00 there, 09:00
// in Ho Chi Minh City), whatever the server's default zone.
func TestTimesInVenueZone(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	v := &event.Venue{Name: i18n.Text{EN: "COEX"}, Country: "KR", TimeZone: "Asia/Seoul"}
	must(t, f.db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "seoul", Kind: event.Forum, Name: i18n.Text{EN: "Seoul Forum"}, VenueID: v.ID, StartDate: "2027-03-10", EndDate: "2027-03-10"}
	must(t, f.db.CreateEvent(ctx, e))
	must(t, f.db.BulkLoad(ctx, func(bl *store.Bulk) error {
		return bl.Forum([]event.Room{{ID: 2, EventID: e.ID, Name: i18n.Text{EN: "Hall 2"}, Capacity: 100}},
			[]event.Speaker{{ID: 2, EventID: e.ID, Name: "Kim Min-jun"}}, nil)
	}))
	start := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
	must(t, f.db.CreateSession(ctx, &event.Session{EventID: e.ID, RoomID: 2, Title: i18n.Text{EN: "Keynote"}, Language: i18n.EN,
		StartsAt: start, EndsAt: start.Add(time.Hour), Speakers: []event.Speaker{{ID: 2}}}))
	for _, path := range []string{fmt.Sprintf("/events/%d", e.ID), fmt.Sprintf("/events/%d/agenda", e.ID)} {
		page := readAll(t, f.do(anon, "GET", path, "", ""))
		if !strings.Contains(page, "11:00–12:00") || strings.Contains(page, "09:00–10:00") {
			t.Errorf("%s: want the keynote at 11:00–12:00 Seoul time:\n%s", path, page)
		}
	}
	// The fixture's own event, in Binh Duong, keeps Vietnamese time.
	page := readAll(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/agenda", f.eventID), "", ""))
	if !strings.Contains(page, "09:00–10:00") {
		t.Errorf("the Binh Duong agenda lost its 09:00–10:00 session:\n%s", page)
	}
}
