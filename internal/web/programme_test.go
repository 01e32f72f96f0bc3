package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
)

// TestProgrammeConsole: the organizer adds a room, a speaker and a
// session from the console, edits it, and it shows on the public agenda;
// a clash, a day outside the forum and broken fields are refused with a
// message per field in the organizer's language (Vietnamese), the form
// keeps what was typed, and nothing is written.
func TestProgrammeConsole(t *testing.T) {
	f := mustFixture(t, "sqlite")
	base := fmt.Sprintf("/console/events/%d/programme", f.eventID)
	page := readAll(t, f.do(organizer, "GET", base, "", ""))
	if !strings.Contains(page, "Khai mạc") || !strings.Contains(page, "09:00–10:00") {
		t.Fatalf("the console does not list the fixture's session:\n%s", page)
	}
	if dash := readAll(t, f.do(organizer, "GET", fmt.Sprintf("/console/events/%d", f.eventID), "", "")); !strings.Contains(dash, `href="`+base+`"`) {
		t.Error("the event's console page does not link to the programme")
	}
	for _, path := range []string{base, fmt.Sprintf("%s/sessions/%d", base, f.sessID), fmt.Sprintf("/events/%d/agenda", f.eventID)} {
		body := []byte(readAll(t, f.do(organizer, "GET", path, "", "")))
		if ps := append(a11yProblems(body), csrfProblems(body)...); len(ps) > 0 {
			t.Errorf("%s: %s", path, strings.Join(ps, "; "))
		}
	}

	post := func(path, body string) (int, string, string) {
		t.Helper()
		r := f.do(organizer, "POST", path, formType, body)
		return r.StatusCode, r.Header.Get("Location"), readAll(t, r)
	}
	refused := []struct {
		name, path, body, typed, says string
	}{
		{"a room without a name", base + "/rooms", "capacity=12", `value="12"`, "bắt buộc"},
		{"a room of minus people", base + "/rooms", "name_en=Annex&capacity=-3", `value="Annex"`, "0 đến 100000"},
		{"a room of many people", base + "/rooms", "name_en=Annex&capacity=lots", `value="lots"`, "số nguyên"},
		{"a speaker without a name", base + "/speakers", "title_en=CEO", `value="CEO"`, "bắt buộc"},
		{"a speaker of no organization", base + "/speakers", "name=Kim&org=999999", `value="Kim"`, "không phải là một tổ chức"},
		{"a session clashing in its room", base + "/sessions", "title_en=Clash&room=1&day=2027-03-10&start=09:30&end=10:30&language=en",
			`value="Clash"`, "Phòng đã có phiên “Khai mạc”"},
		{"a session after the forum", base + "/sessions", "title_en=Late&room=1&day=2027-03-20&start=09:00&end=10:00&language=en",
			`value="Late"`, "không phải là ngày của sự kiện"},
		{"a session at no time", base + "/sessions", "title_en=When&room=1&day=2027-03-11&start=25:99&end=&language=en",
			`value="25:99"`, "cần có ngày và giờ"},
		{"a session ending before it starts", base + "/sessions", "title_en=Back&room=1&day=2027-03-11&start=10:00&end=09:00&language=en",
			`value="Back"`, "phải sau"},
		{"a session in no room", base + "/sessions", "title_en=Nowhere&room=abc&day=2027-03-11&start=10:00&end=11:00&language=en",
			`value="Nowhere"`, "bắt buộc"},
		{"a session in another event's room", base + "/sessions", "title_en=Away&room=4242&day=2027-03-11&start=10:00&end=11:00&language=en",
			`value="Away"`, "không còn thuộc sự kiện"},
		{"a session with a stranger", base + "/sessions", "title_en=Guest&room=1&day=2027-03-11&start=10:00&end=11:00&language=en&speakers=x",
			`value="Guest"`, "không phải diễn giả"},
		{"a session in Klingon", base + "/sessions", "title_en=Qapla&room=1&day=2027-03-11&start=10:00&end=11:00&language=tlh",
			`value="Qapla"`, "tiếng Việt, tiếng Anh"},
		{"moving the session onto a day off", fmt.Sprintf("%s/sessions/%d", base, f.sessID), "title_vi=Khai+mạc&room=1&day=2027-03-09&start=09:00&end=10:00&language=vi",
			`value="Khai mạc"`, "không phải là ngày của sự kiện"},
	}
	before := programmeCounts(t, f)
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			status, _, body := post(c.path, c.body)
			if status != 422 {
				t.Fatalf("status %d, want 422", status)
			}
			body = html.UnescapeString(body)
			if !strings.Contains(body, c.typed) || !strings.Contains(body, c.says) || !strings.Contains(body, `class="field-error"`) {
				t.Fatalf("want the form again with %s and a message saying %q:\n%s", c.typed, c.says, body)
			}
		})
	}
	if after := programmeCounts(t, f); after != before {
		t.Fatalf("refused forms wrote rows: %v → %v", before, after)
	}

	status, loc, _ := post(base+"/rooms", "name_vi=Phòng+2&name_en=Room+2&name_ko=2+회의실&capacity=80")
	if status != 303 || !strings.Contains(loc, "done=room") {
		t.Fatalf("add room: %d %s", status, loc)
	}
	status, _, _ = post(base+"/speakers", fmt.Sprintf("name=Park+Ji-hoon&title_en=CTO&title_ko=CTO&org=%d", f.orgA))
	if status != 303 {
		t.Fatalf("add speaker: %d", status)
	}
	ctx := context.Background()
	rooms, _ := f.db.Rooms(ctx, f.eventID)
	sps, _ := f.db.Speakers(ctx, f.eventID)
	if len(rooms) != 2 || len(sps) != 2 || sps[1].Name != "Park Ji-hoon" || sps[1].OrgID != f.orgA {
		t.Fatalf("rooms %+v speakers %+v", rooms, sps)
	}
	// The same hour as the opening, in the new room: parallel, not a clash.
	body := url.Values{"title_vi": {"Nhà máy thông minh"}, "title_en": {"Smart factories"}, "room": {itoa(rooms[1].ID)}, "day": {"2027-03-10"},
		"start": {"09:00"}, "end": {"10:30"}, "language": {"ko"}, "track": {"Smart factory"}, "speakers": {itoa(sps[1].ID), itoa(sps[0].ID)}}
	status, loc, _ = post(base+"/sessions", body.Encode())
	if status != 303 || !strings.Contains(loc, "done=session") {
		t.Fatalf("add session: %d %s", status, loc)
	}
	// Lê Minh now speaks in two rooms at 09:00: the console warns.
	page = html.UnescapeString(readAll(t, f.do(organizer, "GET", base, "", "")))
	if !strings.Contains(page, "Nhà máy thông minh") || !strings.Contains(page, "Cùng diễn giả với “Khai mạc”") {
		t.Errorf("the console does not list the new session or warn of its speaker:\n%s", page)
	}
	agenda := readAll(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/agenda", f.eventID), "", ""))
	if !strings.Contains(agenda, "Nhà máy thông minh") || !strings.Contains(agenda, "Phòng 2") || !strings.Contains(agenda, "Smart factory") {
		t.Errorf("the public agenda does not show the new session with its room and track:\n%s", agenda)
	}
	// Editing keeps the fields as stored, in each language's own box.
	ss, _, _ := f.db.Sessions(ctx, f.eventID, store.SessionFilter{Limit: 10})
	edit := html.UnescapeString(readAll(t, f.do(organizer, "GET", fmt.Sprintf("%s/sessions/%d", base, ss[1].ID), "", "")))
	if !strings.Contains(edit, `name="title_en" value="Smart factories"`) || !strings.Contains(edit, `name="title_ko" value=""`) || !strings.Contains(edit, `value="10:30"`) {
		t.Errorf("the edit form does not hold the session:\n%s", edit)
	}
	body.Set("end", "11:00")
	if status, _, _ = post(fmt.Sprintf("%s/sessions/%d", base, ss[1].ID), body.Encode()); status != 303 {
		t.Fatalf("edit: %d", status)
	}
	if got, _ := f.db.Session(ctx, f.eventID, ss[1].ID); got.EndsAt.Sub(got.StartsAt).Minutes() != 120 {
		t.Fatalf("edit not saved: %v–%v", got.StartsAt, got.EndsAt)
	}
	// A session stranded after the forum (loaded in bulk, as before the
	// rules) is edited on its own day, and saving it there says why not.
	late := time.Date(2027, 3, 20, 2, 0, 0, 0, time.UTC)
	must(t, f.db.BulkLoad(ctx, func(bl *store.Bulk) error {
		return bl.Forum(nil, nil, []event.Session{{ID: 900, EventID: f.eventID, RoomID: 1, Title: i18n.Text{EN: "Stranded"}, Language: i18n.EN, StartsAt: late, EndsAt: late.Add(time.Hour)}})
	}))
	edit = readAll(t, f.do(organizer, "GET", base+"/sessions/900", "", ""))
	if !strings.Contains(edit, `<option value="2027-03-20" selected>`) {
		t.Errorf("the stranded session's day is not kept in the form:\n%s", edit)
	}
	status, _, page = post(base+"/sessions/900", "title_en=Stranded&room=1&day=2027-03-20&start=09:00&end=10:00&language=en")
	if status != 422 || !strings.Contains(html.UnescapeString(page), "không phải là ngày của sự kiện") {
		t.Errorf("saving the stranded session on its day: %d", status)
	}
}

// TestProgrammeDeleteAsksWhenSaved: a session in a visitor's agenda is
// deleted only after a confirmation that says so; the notice afterwards
// names it and the agendas it left, and offers an undo that brings both
// back, unless the room has been taken at its time since.
func TestProgrammeDeleteAsksWhenSaved(t *testing.T) {
	f := mustFixture(t, "sqlite")
	must(t, f.db.SetInAgenda(context.Background(), f.people[visitor].ID, f.eventID, f.sessID, true))
	del := fmt.Sprintf("/console/events/%d/programme/sessions/%d/delete", f.eventID, f.sessID)
	r := f.do(organizer, "POST", del, formType, "")
	page := html.UnescapeString(readAll(t, r))
	if r.StatusCode != 200 || !strings.Contains(page, `id="confirm-delete"`) || !strings.Contains(page, "1 khách đã lưu") {
		t.Fatalf("no confirmation (%d):\n%s", r.StatusCode, page)
	}
	if ps := a11yProblems([]byte(page)); len(ps) > 0 {
		t.Errorf("the confirmation: %s", strings.Join(ps, "; "))
	}
	if _, err := f.db.Session(context.Background(), f.eventID, f.sessID); err != nil {
		t.Fatalf("deleted before the confirmation: %v", err)
	}
	r = f.do(organizer, "POST", del, formType, "confirm=yes")
	if r.StatusCode != 303 {
		t.Fatalf("confirmed delete: %d", r.StatusCode)
	}
	page = html.UnescapeString(readAll(t, f.do(organizer, "GET", r.Header.Get("Location"), "", "")))
	if !strings.Contains(page, "Đã xóa phiên “Khai mạc”; phiên này đã bị gỡ khỏi lịch cá nhân của 1 người.") {
		t.Errorf("the notice does not name what was removed:\n%s", page)
	}
	if r := f.do(organizer, "POST", del, formType, "confirm=yes"); r.StatusCode != 404 {
		t.Errorf("deleting again: %d, want 404", r.StatusCode)
	}

	// The notice offers to undo it: the session and the agenda come back.
	m := regexp.MustCompile(`action="(/console/events/\d+/programme/deleted/\d+/restore)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the notice offers no undo:\n%s", page)
	}
	undo := m[1]
	r = f.do(organizer, "POST", undo, formType, "")
	if r.StatusCode != 303 {
		t.Fatalf("undo: %d", r.StatusCode)
	}
	page = html.UnescapeString(readAll(t, f.do(organizer, "GET", r.Header.Get("Location"), "", "")))
	if !strings.Contains(page, "Đã khôi phục phiên “Khai mạc” vào lịch cá nhân của 1 người.") {
		t.Errorf("the undo is not confirmed:\n%s", page)
	}
	mine, _ := f.db.Agenda(context.Background(), f.people[visitor].ID)
	if len(mine) != 1 || mine[0].Title.VI != "Khai mạc" {
		t.Fatalf("the visitor's agenda after the undo: %+v", mine)
	}
	if r := f.do(organizer, "POST", undo, formType, ""); r.StatusCode != 404 || !strings.Contains(readAll(t, r), `id="restore-error"`) {
		t.Errorf("undoing twice: %d", r.StatusCode)
	}
	// Deleted again and its hour taken, the undo is refused and says by what.
	del = fmt.Sprintf("/console/events/%d/programme/sessions/%d/delete", f.eventID, mine[0].ID)
	r = f.do(organizer, "POST", del, formType, "confirm=yes")
	if r.StatusCode != 303 {
		t.Fatalf("delete again: %d", r.StatusCode)
	}
	page = readAll(t, f.do(organizer, "GET", r.Header.Get("Location"), "", ""))
	undo = regexp.MustCompile(`action="(/console/events/\d+/programme/deleted/\d+/restore)"`).FindStringSubmatch(page)[1]
	post := url.Values{"title_vi": {"Phiên thay thế"}, "room": {"1"}, "day": {"2027-03-10"}, "start": {"09:00"}, "end": {"09:30"}, "language": {"vi"}}
	if r := f.do(organizer, "POST", fmt.Sprintf("/console/events/%d/programme/sessions", f.eventID), formType, post.Encode()); r.StatusCode != 303 {
		t.Fatalf("take the hour: %d", r.StatusCode)
	}
	r = f.do(organizer, "POST", undo, formType, "")
	page = html.UnescapeString(readAll(t, r))
	if r.StatusCode != 422 || !strings.Contains(page, `id="restore-error"`) || !strings.Contains(page, "Phòng đã có phiên “Phiên thay thế”") {
		t.Errorf("an undo onto a taken hour (%d):\n%s", r.StatusCode, page)
	}
}

func programmeCounts(t *testing.T, f *fixture) [3]int {
	ctx := context.Background()
	rooms, err := f.db.Rooms(ctx, f.eventID)
	must(t, err)
	sps, err := f.db.Speakers(ctx, f.eventID)
	must(t, err)
	_, n, err := f.db.Sessions(ctx, f.eventID, store.SessionFilter{Limit: 1})
	must(t, err)
	return [3]int{len(rooms), len(sps), n}
}

// TestTrackNamesInThreeLanguages: the organizer names a track in the
// console (a name without a key is refused); the agenda shows the name in
// the reader's language, and the API keeps "track" as the key while
// track_name and /tracks carry the names.
func TestTrackNamesInThreeLanguages(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	ss, err := f.db.Session(ctx, f.eventID, f.sessID)
	must(t, err)
	ss.Track = "Smart factory"
	must(t, f.db.UpdateSession(ctx, &ss))
	base := fmt.Sprintf("/console/events/%d/programme", f.eventID)
	r := f.do(organizer, "POST", base+"/tracks", formType, "name_ko=스마트")
	if page := html.UnescapeString(readAll(t, r)); r.StatusCode != 422 || !strings.Contains(page, `value="스마트"`) {
		t.Fatalf("a track without a key: %d\n%s", r.StatusCode, page)
	}
	r = f.do(organizer, "POST", base+"/tracks", formType, url.Values{"key": {"Smart factory"}, "name_vi": {"Nhà máy thông minh"}, "name_ko": {"스마트 팩토리"}}.Encode())
	if r.StatusCode != 303 {
		t.Fatalf("save track: %d", r.StatusCode)
	}
	must(t, f.db.SetPersonLang(ctx, f.people[visitor].ID, "ko"))
	for role, want := range map[string]string{visitor: "스마트 팩토리", organizer: "Nhà máy thông minh"} {
		page := readAll(t, f.do(role, "GET", fmt.Sprintf("/events/%d/agenda", f.eventID), "", ""))
		if !strings.Contains(page, `<li class="track" title=`) || !strings.Contains(page, ">"+want+"</li>") {
			t.Errorf("%s: the agenda does not name the track %q:\n%s", role, want, page)
		}
	}
	var got struct {
		Track     string            `json:"track"`
		TrackName map[string]string `json:"track_name"`
	}
	must(t, json.NewDecoder(f.do(anon, "GET", fmt.Sprintf("/api/v1/events/%d/sessions/%d", f.eventID, f.sessID), "", "").Body).Decode(&got))
	if got.Track != "Smart factory" || got.TrackName["ko"] != "스마트 팩토리" || got.TrackName["en"] != "Smart factory" {
		t.Errorf("the API session reads %+v", got)
	}
	var tracks struct {
		Items []struct {
			Key  string            `json:"key"`
			Name map[string]string `json:"name"`
		} `json:"items"`
	}
	must(t, json.NewDecoder(f.do(anon, "GET", fmt.Sprintf("/api/v1/events/%d/tracks", f.eventID), "", "").Body).Decode(&tracks))
	if len(tracks.Items) != 1 || tracks.Items[0].Name["vi"] != "Nhà máy thông minh" {
		t.Errorf("the API tracks read %+v", tracks)
	}
}

// TestProgrammeDeleteOfUnsavedAsks: deleting a session nobody saved asks
// first in the browser (the page's confirmation of saved ones is the
// server's): the delete button sits next to "edit".
func TestProgrammeDeleteOfUnsavedAsks(t *testing.T) {
	f := mustFixture(t, "sqlite")
	page := readAll(t, f.do(organizer, "GET", "/console/events/"+itoa(f.eventID)+"/programme", "", ""))
	ss, _, err := f.db.Sessions(t.Context(), f.eventID, store.SessionFilter{Limit: 10})
	must(t, err)
	saved, err := f.db.SavedCounts(t.Context(), f.eventID)
	must(t, err)
	unsaved := 0
	for _, s := range ss {
		form := fmt.Sprintf(`action="/console/events/%d/programme/sessions/%d/delete"`, f.eventID, s.ID)
		asks := strings.Contains(page, form+` data-confirm="Xóa phiên này?`)
		if asks != (saved[s.ID] == 0) {
			t.Errorf("session %d (saved %d times): the delete form asks first %v", s.ID, saved[s.ID], asks)
		}
		if saved[s.ID] == 0 {
			unsaved++
		}
	}
	if unsaved == 0 {
		t.Fatal("the fixture has no session nobody saved: nothing was checked")
	}
}

// TestProgrammeChangesAreMailed: a visitor who saved a session is mailed,
// in their language, when the organizer moves it (with its new time and
// room), deletes it, and undoes the deletion; a change of its title alone
// mails nobody.
func TestProgrammeChangesAreMailed(t *testing.T) {
	f := mustFixture(t, "sqlite")
	inbox := withMail(t, f)
	form := "application/x-www-form-urlencoded"
	if r := f.do(visitor, "POST", fmt.Sprintf("/events/%d/agenda/%d", f.eventID, f.sessID), form, "add=yes"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the opening: %d", r.StatusCode)
	}
	base := fmt.Sprintf("/console/events/%d/programme/sessions/%d", f.eventID, f.sessID)
	edit := url.Values{"title_vi": {"Khai mạc"}, "title_en": {"Opening"}, "room": {"1"}, "day": {"2027-03-10"},
		"start": {"09:00"}, "end": {"10:00"}, "language": {"vi"}, "speakers": {"1"}}
	edit.Set("title_vi", "Khai mạc diễn đàn") // the title alone: nobody is mailed
	if r := f.do(organizer, "POST", base, form, edit.Encode()); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("rename: %d %s", r.StatusCode, readAll(t, r))
	}
	edit.Set("start", "14:00")
	edit.Set("end", "15:00")
	if r := f.do(organizer, "POST", base, form, edit.Encode()); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d %s", r.StatusCode, readAll(t, r))
	}
	to := f.people[visitor].Email
	m := inbox.Wait(t, to, "“Khai mạc diễn đàn” đã đổi giờ hoặc phòng")
	if !strings.Contains(m.Text, "10/03/2027 14:00–15:00") || !strings.Contains(m.Text, "Room 1") {
		t.Errorf("the move's mail: %q", m.Text)
	}
	r := f.do(organizer, "POST", base+"/delete", form, "confirm=yes")
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", r.StatusCode)
	}
	inbox.Wait(t, to, "“Khai mạc diễn đàn” đã bị hủy")
	loc, err := url.Parse(r.Header.Get("Location"))
	must(t, err)
	undo := fmt.Sprintf("/console/events/%d/programme/deleted/%s/restore", f.eventID, loc.Query().Get("undo"))
	if r := f.do(organizer, "POST", undo, form, ""); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("undo: %d", r.StatusCode)
	}
	inbox.Wait(t, to, "“Khai mạc diễn đàn” đã trở lại chương trình")
	moves := 0
	for _, msg := range inbox.Messages(t) {
		if slices.Contains(msg.To, to) && strings.Contains(msg.Subject, "đổi giờ hoặc phòng") {
			moves++
		}
	}
	if moves != 1 {
		t.Errorf("%d mails of a move, want 1 (the change of title alone mails nobody)", moves)
	}
}

// TestProgrammeRoomNamesDiffer: a second room of the same name is refused
// with the form kept; one room of that name is stored.
func TestProgrammeRoomNamesDiffer(t *testing.T) {
	f := mustFixture(t, "sqlite")
	path := fmt.Sprintf("/console/events/%d/programme/rooms", f.eventID)
	form := "application/x-www-form-urlencoded"
	if r := f.do(organizer, "POST", path, form, "name_vi=Ph%C3%B2ng+Lan&capacity=40"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("first room: %d %s", r.StatusCode, readAll(t, r))
	}
	r := f.do(organizer, "POST", path, form, "name_vi=ph%C3%B2ng+lan&capacity=60")
	if page := readAll(t, r); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "trùng tên với một phòng khác") || !strings.Contains(page, `value="60"`) {
		t.Errorf("a second room of the same name: %d", r.StatusCode)
	}
	rooms, err := f.db.Rooms(t.Context(), f.eventID)
	must(t, err)
	n := 0
	for _, rm := range rooms {
		if strings.EqualFold(rm.Name.VI, "Phòng Lan") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d rooms named Phòng Lan", n)
	}
}

// TestProgrammeDeleteTrack: the organizer deletes a track no session
// carries, with a notice; a track a session carries is refused with the
// reason in the organizer's language and kept.
func TestProgrammeDeleteTrack(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := t.Context()
	for _, key := range []string{"Unused", "Used"} {
		must(t, f.db.SaveTrack(ctx, &event.Track{EventID: f.eventID, Key: key, Name: i18n.Text{VI: key}}))
	}
	s, err := f.db.Session(ctx, f.eventID, f.sessID)
	must(t, err)
	s.Track = "Used"
	must(t, f.db.UpdateSession(ctx, &s))
	path := fmt.Sprintf("/console/events/%d/programme/tracks/delete", f.eventID)
	form := "application/x-www-form-urlencoded"
	r := f.do(organizer, "POST", path, form, "key=Unused")
	if r.StatusCode != http.StatusSeeOther || !strings.Contains(r.Header.Get("Location"), "done=track_deleted") {
		t.Fatalf("delete an unused track: %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	if page := readAll(t, f.do(organizer, "GET", r.Header.Get("Location"), "", "")); !strings.Contains(page, "Đã xóa chủ đề.") {
		t.Error("no notice after deleting a track")
	}
	r = f.do(organizer, "POST", path, form, "key=Used")
	if page := readAll(t, r); r.StatusCode != http.StatusConflict || !strings.Contains(page, "Vẫn còn phiên thuộc chủ đề này") {
		t.Errorf("delete a track in use: %d", r.StatusCode)
	}
	ts, err := f.db.Tracks(ctx, f.eventID)
	must(t, err)
	if len(ts) != 1 || ts[0].Key != "Used" {
		t.Errorf("tracks after: %+v", ts)
	}
}
