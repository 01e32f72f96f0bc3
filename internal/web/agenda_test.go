package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

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
	if !strings.Contains(page, "<p>Phát biểu khai mạc của ban tổ chức.</p>") || !strings.Contains(page, `<li class="lang">Tiếng Việt</li>`) {
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

// TestAgendaByTimeWithParallelSessions: the public agenda runs by day and
// start time whatever the tracks are called; sessions that run at the same
// time (starting together or not) share a block that says how many run in
// parallel and from when to when, each with its room and track; a session
// starting as the others end begins a block of its own. Adding a session that overlaps one already saved confirms the
// addition and names the overlap; removing one confirms it too.
func TestAgendaByTimeWithParallelSessions(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	r2 := &event.Room{EventID: f.eventID, Name: i18n.Text{VI: "Phòng 2", EN: "Room 2"}, Capacity: 50}
	must(t, f.db.CreateRoom(ctx, r2))
	ict := event.Zone("Asia/Ho_Chi_Minh")
	add := func(title, track string, room int64, day, h, m, minutes int) int64 {
		start := time.Date(2027, 3, day, h, m, 0, 0, ict)
		s := &event.Session{EventID: f.eventID, RoomID: room, Title: i18n.Text{VI: title}, Track: track, Language: i18n.EN,
			StartsAt: start, EndsAt: start.Add(time.Duration(minutes) * time.Minute)}
		must(t, f.db.CreateSession(ctx, s))
		return s.ID
	}
	r3 := &event.Room{EventID: f.eventID, Name: i18n.Text{VI: "Phòng 3"}, Capacity: 30}
	must(t, f.db.CreateRoom(ctx, r3))
	alpha := add("Alpha", "Zeta track", r2.ID, 10, 9, 0, 90)
	add("Delta", "", r3.ID, 10, 9, 30, 30) // starts later, runs in parallel all the same
	add("Beta", "Alpha track", 1, 10, 10, 30, 60)
	add("Gamma", "Alpha track", 1, 11, 8, 0, 60)
	page := readAll(t, f.do(visitor, "GET", fmt.Sprintf("/events/%d/agenda", f.eventID), "", ""))
	last := -1
	for _, title := range []string{"Khai mạc", "Alpha", "Delta", "Beta", "11/03/2027", "Gamma"} {
		i := strings.Index(page, title)
		if i <= last {
			t.Fatalf("%q is out of time order:\n%s", title, page)
		}
		last = i
	}
	if !strings.Contains(page, "09:00</time>–10:30") || !strings.Contains(page, "3 phiên song song") || !strings.Contains(page, `<li class="room" title="Phòng">Phòng 2</li>`) ||
		!strings.Contains(page, `<li class="track" title="Chủ đề">Zeta track</li>`) {
		t.Errorf("the 09:00 slot does not show its two sessions with room and track:\n%s", page)
	}

	toggle := func(id int64, add string) string {
		r := f.do(visitor, "POST", fmt.Sprintf("/events/%d/agenda/%d", f.eventID, id), formType, "add="+add)
		if r.StatusCode != 303 {
			t.Fatalf("agenda %s: %d", add, r.StatusCode)
		}
		return html.UnescapeString(readAll(t, f.do(visitor, "GET", r.Header.Get("Location"), "", "")))
	}
	if page := toggle(f.sessID, "yes"); !strings.Contains(page, "Đã thêm “Khai mạc” vào lịch của bạn.") || strings.Contains(page, `agenda-overlap`) {
		t.Errorf("adding the opening: no confirmation, or a warning for nothing:\n%s", page)
	}
	if page := toggle(alpha, "yes"); !strings.Contains(page, "Đã thêm “Alpha”") || !strings.Contains(page, `class="notice warn agenda-overlap"`) || !strings.Contains(page, "trùng giờ với “Khai mạc” (09:00–10:00)") {
		t.Errorf("adding Alpha does not name the overlap with the opening:\n%s", page)
	}
	if page := toggle(alpha, "no"); !strings.Contains(page, "Đã gỡ “Alpha” khỏi lịch của bạn.") {
		t.Errorf("removing Alpha is not confirmed:\n%s", page)
	}
}

// TestICSNamesThePlaceAndFoldsLongLines: a session's calendar entry says
// where it is (room and venue) and at which event, and its long lines are
// folded at 75 octets as RFC 5545 asks, never inside a Vietnamese or
// Korean character; go-ical reads the text back whole.
func TestICSNamesThePlaceAndFoldsLongLines(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	abstract := strings.Repeat("Chuyển đổi số trong sản xuất thông minh và 스마트 공장 자동화. ", 12)
	start := time.Date(2027, 3, 11, 2, 0, 0, 0, time.UTC)
	s := &event.Session{EventID: f.eventID, RoomID: 1, Title: i18n.Text{VI: "Tọa đàm về nhà máy thông minh, logistics tự động và hợp tác Hàn Quốc – Việt Nam"},
		Abstract: i18n.Text{VI: abstract}, Language: i18n.VI, StartsAt: start, EndsAt: start.Add(time.Hour), Speakers: []event.Speaker{{ID: 1}}}
	must(t, f.db.CreateSession(ctx, s))
	must(t, f.db.SetInAgenda(ctx, f.people[visitor].ID, f.eventID, s.ID, true))
	for _, path := range []string{fmt.Sprintf("/events/%d/sessions/%d/calendar.ics", f.eventID, s.ID), "/me/agenda.ics"} {
		body := readAll(t, f.do(visitor, "GET", path, "", ""))
		for i, line := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
			if len(line) > 75 {
				t.Errorf("%s: line %d has %d octets: %q", path, i, len(line), line)
			}
			if !utf8.ValidString(line) {
				t.Errorf("%s: line %d splits a character: %q", path, i, line)
			}
		}
		cal, err := ical.NewDecoder(strings.NewReader(body)).Decode()
		if err != nil {
			t.Fatalf("%s: go-ical cannot read it: %v\n%s", path, err, body)
		}
		ev := cal.Events()[0]
		loc, _ := ev.Props.Text(ical.PropLocation)
		desc, _ := ev.Props.Text(ical.PropDescription)
		title, _ := ev.Props.Text(ical.PropSummary)
		if loc != "Room 1, WTC Bình Dương" {
			t.Errorf("%s: LOCATION %q", path, loc)
		}
		if !strings.HasPrefix(desc, "Triển lãm Nhà máy Thông minh\n\n"+strings.TrimSpace(abstract)+"\n\n") || !strings.HasSuffix(desc, "Lê Minh") {
			t.Errorf("%s: DESCRIPTION does not hold the event, the whole abstract and the speaker: %q", path, desc)
		}
		if title != s.Title.VI {
			t.Errorf("%s: SUMMARY %q", path, title)
		}
		if name, _ := cal.Props.Text("X-WR-CALNAME"); name != "Triển lãm Nhà máy Thông minh" {
			t.Errorf("%s: calendar name %q", path, name)
		}
	}
}

// TestAgendaNamesLanguagesInTheReadersLanguage: a session's language is
// named in the reader's language (a Korean reader reads 베트남어, not
// "Tiếng Việt", the switch's own name for Vietnamese).
func TestAgendaNamesLanguagesInTheReadersLanguage(t *testing.T) {
	f := mustFixture(t, "sqlite")
	if r := f.do(visitor, "GET", "/lang/ko", "", ""); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to Korean: %d", r.StatusCode)
	}
	page := readAll(t, f.do(visitor, "GET", fmt.Sprintf("/events/%d/agenda", f.eventID), "", ""))
	if !strings.Contains(page, `<li class="lang">베트남어</li>`) {
		t.Error("the Korean agenda does not name the opening's language in Korean")
	}
}
