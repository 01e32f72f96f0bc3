package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
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
