package web_test

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail/mailtest"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/web"
)

// mailsTo counts the messages to an address whose subject holds a text.
func mailsTo(t *testing.T, in *mailtest.Inbox, to, subject string) int {
	t.Helper()
	n := 0
	for _, m := range in.Messages(t) {
		if slices.Contains(m.To, to) && strings.Contains(m.Subject, subject) {
			n++
		}
	}
	return n
}

func (f *fixture) meetingCount() int {
	f.t.Helper()
	all, err := f.db.EventMeetings(f.t.Context(), f.eventID)
	if err != nil {
		f.t.Fatal(err)
	}
	return len(all)
}

// TestMeetingAPIStateRulesAndMails requests and answers meetings through
// the JSON API: idempotent create from a card, strict input with field
// errors and nothing written, the state rules (only the side expected to
// answer does, nothing happens to a cancelled request), and a mail to the
// other side's members in each one's language, read back from the SMTP
// server.
func TestMeetingAPIStateRulesAndMails(t *testing.T) {
	f := mustFixture(t, "sqlite")
	inbox := withMail(t, f)
	ctx := t.Context()
	must(t, f.db.SetPersonLang(ctx, f.people[xstaff].ID, i18n.EN))
	must(t, f.db.SetPersonLang(ctx, f.people[xadmin].ID, i18n.KO))
	ev := "/api/v1/events/" + itoa(f.eventID)
	js := "application/json"
	call := func(role, method, path, body string, status int) meeting.View {
		t.Helper()
		resp := f.do(role, method, path, js, body)
		raw := readAll(t, resp)
		if resp.StatusCode != status {
			t.Fatalf("%s %s %s as %s: %d %s, want %d", method, path, body, role, resp.StatusCode, raw, status)
		}
		var v meeting.View
		if status < 300 {
			decodeInto(t, &http.Response{Body: io.NopCloser(strings.NewReader(raw))}, &v)
		}
		return v
	}
	old := ev + "/meetings/" + itoa(f.ids["meeting"]) // B asked A; nobody answered

	// B withdraws its request: A's members hear of it, each in their
	// language; B's own member who acted gets nothing.
	if v := call(otherX, "POST", old+"/cancel", `{"reason":"Trùng lịch"}`, 200); v.Status != meeting.Cancelled || v.Reason != "Trùng lịch" {
		t.Fatalf("cancelled: %+v", v.Meeting)
	}
	if m := inbox.Wait(t, xstaff+"@example.vn", "Meeting cancelled"); !strings.Contains(m.Text, "Trùng lịch") || !strings.Contains(m.Text, "Smart Factory Expo") {
		t.Fatalf("English cancellation mail: %q", m.Text)
	}
	inbox.Wait(t, xadmin+"@example.vn", "미팅 취소")
	problem(t, f, otherX, "POST", old+"/cancel", `{}`, 409)
	problem(t, f, xadmin, "POST", old+"/accept", `{}`, 409)
	problem(t, f, xadmin, "POST", old+"/propose", `{"slot":"d1-0900"}`, 409)

	// Bad requests: a clear field error each, and no meeting written.
	before := f.meetingCount()
	for body, field := range map[string]string{
		`{"to_org":999999}`:                                                             "to_org",
		`{"card_id":999999}`:                                                            "card_id",
		`{"to_org":` + itoa(f.orgA) + `,"place":"roof"}`:                                "place",
		`{"to_org":` + itoa(f.orgA) + `,"origin":"fax"}`:                                "origin",
		`{"to_org":` + itoa(f.x2.OrgID) + `}`:                                           "to_org",
		`{"from_org":` + itoa(f.orgA) + `,"to_org":` + itoa(f.orgA) + `}`:               "from_org",
		`{"to_org":` + itoa(f.orgA) + `,"message":"` + strings.Repeat("x", 1001) + `"}`: "message",
	} {
		if p := problem(t, f, otherX, "POST", ev+"/meetings", body, 422); p.Errors[field] == "" {
			t.Errorf("%.60s: no message for %s: %+v", body, field, p)
		}
	}
	for _, body := range []string{`{"to_org":"A"}`, `{"to":1}`, `[1]`, `{"to_org":1}{"to_org":1}`, `not json`} {
		problem(t, f, otherX, "POST", ev+"/meetings", body, 0)
	}
	if n := f.meetingCount(); n != before {
		t.Fatalf("bad requests wrote %d meetings", n-before)
	}

	// B asks again from A's card; a retry with the same key creates nothing
	// more and sends no second mail.
	create := func() *http.Response {
		req, _ := http.NewRequest("POST", f.srv.URL+ev+"/meetings", strings.NewReader(`{"card_id":`+itoa(f.ids["card"])+`,"message":"Chúng tôi cần AGV"}`))
		token, _ := f.session(otherX)
		req.Header.Set("Content-Type", js)
		req.Header.Set("Idempotency-Key", "meet-A-1")
		req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return resp
	}
	var req, again meeting.View
	r1 := create()
	if r1.StatusCode != 201 {
		t.Fatalf("request from a card: %d %s", r1.StatusCode, readAll(t, r1))
	}
	decodeInto(t, r1, &req)
	r2 := create()
	decodeInto(t, r2, &again)
	if r2.StatusCode != 201 || r2.Header.Get("Idempotent-Replayed") != "true" || again.ID != req.ID {
		t.Fatalf("retry: %d %q id %d, first %d", r2.StatusCode, r2.Header.Get("Idempotent-Replayed"), again.ID, req.ID)
	}
	if req.FromOrg != f.x2.OrgID || req.ToOrg != f.orgA || req.Origin != meeting.FromCard || req.CardID != f.ids["card"] || req.Status != meeting.Requested {
		t.Fatalf("request from a card: %+v", req.Meeting)
	}
	if n := f.meetingCount(); n != before+1 {
		t.Fatalf("%d meetings written, want 1", n-before)
	}
	m := inbox.Wait(t, xstaff+"@example.vn", "Meeting request from Company other-exhibitor")
	if !strings.Contains(m.Text, "Chúng tôi cần AGV") || !strings.Contains(m.Text, "Hello Person exhibitor-staff") {
		t.Fatalf("request mail: %q", m.Text)
	}
	inbox.Wait(t, xadmin+"@example.vn", "미팅 요청")
	if n := mailsTo(t, inbox, xstaff+"@example.vn", "Meeting request"); n != 1 {
		t.Fatalf("%d request mails, want 1", n)
	}
	if n := mailsTo(t, inbox, otherX+"@example.vn", ""); n != 0 {
		t.Fatalf("the requester got %d mails about its own actions", n)
	}
	// The event's organizers find those mails in its outbox.
	if c, err := f.db.MailCounts(ctx, f.eventID); err != nil || c.Sent+c.Pending < 2 {
		t.Errorf("the event's outbox counts %+v (%v), want at least the two request mails", c, err)
	}

	// Only the side asked answers; another time goes back to the asker.
	mt := ev + "/meetings/" + itoa(req.ID)
	problem(t, f, otherX, "POST", mt+"/accept", ``, 409)
	if p := problem(t, f, xstaff, "POST", mt+"/propose", `{"slot":"d9-0900"}`, 422); p.Errors["slot"] == "" {
		t.Fatalf("bad slot: %+v", p)
	}
	if p := problem(t, f, xstaff, "POST", mt+"/propose", `{}`, 422); p.Errors["slot"] == "" {
		t.Fatalf("no slot: %+v", p)
	}
	problem(t, f, xstaff, "POST", mt+"/propose", `{"slot":"d1-0900","when":"now"}`, 422)
	if v := call(xstaff, "POST", mt+"/propose", `{"slot":"d1-0900"}`, 200); v.Status != meeting.Proposed || v.ProposedSlot != "d1-0900" || v.ProposedBy != f.orgA {
		t.Fatalf("proposed: %+v", v.Meeting)
	}
	if m := inbox.Wait(t, otherX+"@example.vn", "đề xuất giờ gặp khác"); !strings.Contains(m.Text, "09:00") {
		t.Fatalf("proposal mail: %q", m.Text)
	}
	problem(t, f, xadmin, "POST", mt+"/accept", `{}`, 409) // A cannot accept its own proposal
	if v := call(otherX, "POST", mt+"/accept", ``, 200); v.Status != meeting.Accepted || v.WantedSlot != "d1-0900" {
		t.Fatalf("accepted: %+v", v.Meeting)
	}
	if m := inbox.Wait(t, xstaff+"@example.vn", "Meeting accepted by"); !strings.Contains(m.Text, "09:00") {
		t.Fatalf("acceptance mail: %q", m.Text)
	}
	problem(t, f, xadmin, "POST", mt+"/decline", `{"reason":"late"}`, 409)

	// A calls it off and asks B itself; B declines with a reason.
	call(xstaff, "POST", mt+"/cancel", ``, 200)
	inbox.Wait(t, otherX+"@example.vn", "Cuộc gặp bị hủy")
	back := call(xadmin, "POST", ev+"/meetings", `{"to_org":`+itoa(f.x2.OrgID)+`,"origin":"recommendation","place":"booth"}`, 201)
	inbox.Wait(t, otherX+"@example.vn", "Yêu cầu gặp từ Công ty exhibitor-admin")
	bk := ev + "/meetings/" + itoa(back.ID)
	if p := problem(t, f, otherX, "POST", bk+"/decline", `{"reason":"  "}`, 422); p.Errors["reason"] == "" {
		t.Fatalf("decline without a reason: %+v", p)
	}
	if got, _ := f.db.Meeting(ctx, f.eventID, back.ID); got.Status != meeting.Requested {
		t.Fatalf("a refused decline changed the meeting: %+v", got.Meeting)
	}
	if v := call(otherX, "POST", bk+"/decline", `{"reason":"Không cùng lĩnh vực"}`, 200); v.Status != meeting.Declined {
		t.Fatalf("declined: %+v", v.Meeting)
	}
	if m := inbox.Wait(t, xadmin+"@example.vn", "미팅을 거절했습니다"); !strings.Contains(m.Text, "Không cùng lĩnh vực") {
		t.Fatalf("refusal mail: %q", m.Text)
	}
	problem(t, f, xadmin, "POST", bk+"/cancel", `{}`, 409)

	// Reading: either side, not a visitor; the list holds what each side has.
	if v := call(otherX, "GET", bk, "", 200); v.ID != back.ID || v.From.ID != f.orgA {
		t.Fatalf("read: %+v", v)
	}
	problem(t, f, visitor, "GET", bk, "", 403)
	problem(t, f, xadmin, "GET", ev+"/meetings/999999", "", 403)
	var l struct{ Items []meeting.View }
	decodeInto(t, f.do(xstaff, "GET", ev+"/meetings", "", ""), &l)
	if len(l.Items) != 3 {
		t.Fatalf("A's meetings: %d, want 3", len(l.Items))
	}
	decodeInto(t, f.do(xstaff, "GET", ev+"/meetings?status=declined&org="+itoa(f.orgA), "", ""), &l)
	if len(l.Items) != 1 || l.Items[0].ID != back.ID {
		t.Fatalf("A's declined meetings: %+v", l.Items)
	}
	if p := problem(t, f, xstaff, "GET", ev+"/meetings?status=lost", "", 422); p.Errors["status"] == "" {
		t.Fatalf("bad status: %+v", p)
	}
	if p := problem(t, f, xstaff, "GET", ev+"/meetings?org="+itoa(f.x2.OrgID), "", 422); p.Errors["org"] == "" {
		t.Fatalf("another organization's list: %+v", p)
	}
}

// TestAvailabilityAPI reads and replaces an organization's unavailable
// slots, refusing bad ones with nothing written; the page shows the result.
func TestAvailabilityAPI(t *testing.T) {
	f := mustFixture(t, "sqlite")
	path := "/api/v1/events/" + itoa(f.eventID) + "/orgs/" + itoa(f.orgA) + "/availability"
	var a web.Availability
	decodeInto(t, f.do(xstaff, "GET", path, "", ""), &a)
	if len(a.Slots) != 48 || len(a.Unavailable) != 0 || a.Slots[0].ID != "d1-0830" || a.OrgID != f.orgA {
		t.Fatalf("availability: %d slots, %v", len(a.Slots), a.Unavailable)
	}
	resp := f.do(xadmin, "PUT", path, "application/json", `{"unavailable":["d2-1330","d1-0830","d2-1330"]}`)
	decodeInto(t, resp, &a)
	if resp.StatusCode != 200 || !slices.Equal(a.Unavailable, []string{"d1-0830", "d2-1330"}) {
		t.Fatalf("set: %d %v", resp.StatusCode, a.Unavailable)
	}
	for _, body := range []string{`{"unavailable":["d9-0830"]}`, `{}`, `{"unavailable":"d1-0830"}`, `{"unavailable":[],"x":1}`} {
		p := problem(t, f, xadmin, "PUT", path, body, 422)
		if strings.HasPrefix(body, `{"unavailable":[`) && !strings.Contains(body, "x") && p.Errors["unavailable"] == "" {
			t.Errorf("%s: no field message: %+v", body, p)
		}
	}
	decodeInto(t, f.do(xstaff, "GET", path, "", ""), &a)
	if !slices.Equal(a.Unavailable, []string{"d1-0830", "d2-1330"}) {
		t.Fatalf("a refused update changed the availability: %v", a.Unavailable)
	}
	page := readAll(t, f.do(xstaff, "GET", "/events/"+itoa(f.eventID)+"/meetings", "", ""))
	if !strings.Contains(page, `value="d2-1330" checked`) || strings.Contains(page, `value="d1-0900" checked`) {
		t.Fatal("the meetings page does not show the availability set through the API")
	}
	problem(t, f, otherX, "PUT", path, `{"unavailable":[]}`, 403)
	problem(t, f, xadmin, "GET", "/api/v1/events/"+itoa(f.eventID)+"/orgs/999999/availability", "", 403)
}

// acceptedTableMeeting withdraws the fixture's open request between B and
// A and has B ask A again for a table meeting, which A's admin accepts.
func acceptedTableMeeting(t *testing.T, f *fixture, message string) *meeting.Meeting {
	t.Helper()
	ctx := t.Context()
	old, err := f.db.Meeting(ctx, f.eventID, f.ids["meeting"])
	must(t, err)
	withdrawn := old.Meeting
	must(t, withdrawn.Cancel("duplicate"))
	must(t, f.db.SaveMeeting(ctx, &withdrawn, old.Status))
	m := &meeting.Meeting{EventID: f.eventID, FromOrg: f.x2.OrgID, ToOrg: f.orgA, RequestedBy: f.people[otherX].ID,
		Status: meeting.Requested, Place: meeting.Table, Message: message}
	must(t, f.db.CreateMeeting(ctx, m))
	must(t, m.Accept(meeting.Recipient, f.people[xadmin].ID, nil, f.db.Now()))
	must(t, f.db.SaveMeeting(ctx, m, meeting.Requested))
	return m
}

// TestMeetingMoveAPI places and moves a meeting as the organizer through
// the API: refusals are problem+json with nothing written, each move is
// mailed to both sides, and the reply is the meeting as it now stands.
func TestMeetingMoveAPI(t *testing.T) {
	f := mustFixture(t, "sqlite")
	inbox := withMail(t, f)
	ctx := t.Context()
	m := acceptedTableMeeting(t, f, "AGV")
	must(t, f.db.SetUnavailable(ctx, f.eventID, f.orgA, []string{"d1-1100"}))
	path := "/api/v1/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID) + "/move"
	move := func(body string) meeting.View {
		t.Helper()
		resp := f.do(organizer, "POST", path, "application/json", body)
		var v meeting.View
		if resp.StatusCode != 200 {
			t.Fatalf("move %s: %d %s", body, resp.StatusCode, readAll(t, resp))
		}
		decodeInto(t, resp, &v)
		return v
	}
	for body, field := range map[string]string{
		`{"slot":"d9-0900","location":"T01"}`: "slot",
		`{"slot":"d1-0900","location":"T99"}`: "location",
		`{"slot":"d1-0900"}`:                  "location",
	} {
		if p := problem(t, f, organizer, "POST", path, body, 422); p.Errors[field] == "" {
			t.Errorf("%s: no message for %s: %+v", body, field, p)
		}
	}
	problem(t, f, organizer, "POST", path, `{"slot":"d1-0900","location":"T01","at":"now"}`, 422)
	problem(t, f, organizer, "POST", path, `{"slot":"d1-1100","location":"T01"}`, 409) // A is away
	if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); got.Status != meeting.Accepted || got.Slot != "" {
		t.Fatalf("refused moves changed the meeting: %+v", got.Meeting)
	}
	// The times the organizer may choose from: A is away at 11:00.
	var times struct{ Items []web.TimeView }
	resp := f.do(organizer, "GET", "/api/v1/events/"+itoa(f.eventID)+"/meetings/"+itoa(m.ID)+"/times", "", "")
	decodeInto(t, resp, &times)
	if resp.StatusCode != 200 || len(times.Items) != 48 {
		t.Fatalf("times: %d, %d items", resp.StatusCode, len(times.Items))
	}
	for _, tv := range times.Items {
		want := ""
		if tv.Slot == "d1-1100" {
			want = meeting.ToAway
		}
		if tv.Why != want || (want == "" && (tv.Location != "T01" || tv.Free != 20)) {
			t.Fatalf("time %+v, want why %q", tv, want)
		}
	}
	if v := move(`{"slot":"d1-0900","location":"T01"}`); v.Status != meeting.Scheduled || v.Slot != "d1-0900" || v.Location != "T01" {
		t.Fatalf("placed: %+v", v.Meeting)
	}
	inbox.Wait(t, otherX+"@example.vn", "Đã xếp lịch gặp")
	if v := move(`{"slot":"d2-1000","location":"T02"}`); v.Slot != "d2-1000" || v.Location != "T02" {
		t.Fatalf("moved: %+v", v.Meeting)
	}
	for _, who := range []string{otherX, xadmin} {
		waitMail(t, inbox, who+"@example.vn", "Lịch gặp được dời", "10:00–10:30")
	}
	// A side cancels; the organizer's page, still showing a free time,
	// posts it: refused, with the reason at the top of the table plan.
	cur, err := f.db.Meeting(ctx, f.eventID, m.ID)
	must(t, err)
	cancelled := cur.Meeting
	must(t, cancelled.Cancel("plans changed"))
	must(t, f.db.SaveMeeting(ctx, &cancelled, cur.Status))
	resp = f.do(organizer, "POST", "/console/events/"+itoa(f.eventID)+"/meetings/"+itoa(m.ID)+"/move", "application/x-www-form-urlencoded", "slot=d2-1100&location=T02")
	if page := readAll(t, resp); resp.StatusCode != 409 || !strings.Contains(page, `role="alert" id="alert">Không thể dời cuộc gặp này nữa: trạng thái hiện là «Đã hủy».`) {
		t.Fatalf("move of a cancelled meeting from the page: %d", resp.StatusCode)
	}
}

// TestMoveIntoPastRefused: during the fair the organizer cannot move a
// meeting into a time that is over (both sides would be mailed a past
// time), from the API or the table plan; the slot under way is allowed.
func TestMoveIntoPastRefused(t *testing.T) {
	var clock atomic.Pointer[time.Time]
	before := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	clock.Store(&before)
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return *clock.Load() }))
	m := acceptedTableMeeting(t, f, "AGV")
	slots := meeting.Slots([]string{"2027-03-10", "2027-03-11", "2027-03-12"}, event.Zone("Asia/Ho_Chi_Minh"))
	s1000, _ := meeting.FindSlot(slots, "d1-1000")
	during := s1000.Starts.Add(5 * time.Minute).UTC() // the store keeps UTC
	clock.Store(&during)
	path := "/api/v1/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID) + "/move"
	if p := problem(t, f, organizer, "POST", path, `{"slot":"d1-0930","location":"T01"}`, 409); p.Detail != "That time is over." {
		t.Errorf("moved into 09:30 at 10:05: %+v", p)
	}
	resp := f.do(organizer, "POST", "/console/events/"+itoa(f.eventID)+"/meetings/"+itoa(m.ID)+"/move", "application/x-www-form-urlencoded", "slot=d1-0900&location=T01")
	if page := readAll(t, resp); resp.StatusCode != 409 || !strings.Contains(page, "Khung giờ này đã qua") {
		t.Errorf("move into 09:00 from the table plan at 10:05: %d", resp.StatusCode)
	}
	if got, _ := f.db.Meeting(t.Context(), f.eventID, m.ID); got.Status != meeting.Accepted || got.Slot != "" {
		t.Fatalf("refused moves changed the meeting: %+v", got.Meeting)
	}
	resp = f.do(organizer, "POST", path, "application/json", `{"slot":"d1-1000","location":"T01"}`)
	if body := readAll(t, resp); resp.StatusCode != 200 {
		t.Fatalf("move into the slot under way: %d %s", resp.StatusCode, body)
	}
}

// TestMeetingReminders: shortly before a scheduled meeting both sides get
// a reminder, in their language, once; a moved meeting is reminded again
// at its new time, and meetings further ahead wait.
func TestMeetingReminders(t *testing.T) {
	f := mustFixture(t, "sqlite")
	inbox := withMail(t, f)
	ctx := t.Context()
	must(t, f.db.SetPersonLang(ctx, f.people[xadmin].ID, i18n.EN))
	m := acceptedTableMeeting(t, f, "Chúng tôi cần AGV")
	slots := meeting.Slots([]string{"2027-03-10", "2027-03-11", "2027-03-12"}, event.Zone("Asia/Ho_Chi_Minh"))
	place := func(slot string) {
		t.Helper()
		cur, err := f.db.Meeting(ctx, f.eventID, m.ID)
		must(t, err)
		mt := cur.Meeting
		must(t, mt.MoveTo(slot, "T01", slots, []string{"T01"}, time.Time{}))
		must(t, f.db.MoveMeeting(ctx, &mt, cur.Status, cur.Slot, cur.Location))
	}
	remind := func(at string, want int) {
		t.Helper()
		now, err := time.ParseInLocation("2006-01-02 15:04", at, event.Zone("Asia/Ho_Chi_Minh"))
		must(t, err)
		n, err := f.web.SendMeetingReminders(ctx, now)
		if err != nil || n != want {
			t.Fatalf("reminders at %s: %d, %v; want %d", at, n, err, want)
		}
	}
	place("d1-1000")
	remind("2027-03-10 09:40", 0) // 20 minutes ahead: not yet
	remind("2027-03-10 09:46", 1)
	if msg := inbox.Wait(t, otherX+"@example.vn", "Lúc 10:00"); !strings.Contains(msg.Text, "Bàn T01") || !strings.Contains(msg.Text, "Chúng tôi cần AGV") {
		t.Fatalf("Vietnamese reminder: %q", msg.Text)
	}
	if msg := inbox.Wait(t, xadmin+"@example.vn", "At 10:00: your meeting with"); !strings.Contains(msg.Text, "Table T01") {
		t.Fatalf("English reminder: %q", msg.Text)
	}
	remind("2027-03-10 09:50", 0) // once
	place("d1-1400")
	remind("2027-03-10 13:50", 1) // moved: reminded again
	waitMail(t, inbox, otherX+"@example.vn", "Lúc 14:00", "Bàn T01")
	remind("2027-03-10 14:10", 0) // begun: too late, and reminded already

	// The organizer asks for reminders 30 minutes ahead, then for none;
	// a bad value is refused by the form and changes nothing.
	settings := "/console/events/" + itoa(f.eventID) + "/meetings/settings"
	form := "application/x-www-form-urlencoded"
	if resp := f.do(organizer, "POST", settings, form, "tables=20&remind=30"); resp.StatusCode != 303 {
		t.Fatalf("settings: %d", resp.StatusCode)
	}
	place("d1-1630")
	remind("2027-03-10 16:05", 1)
	resp := f.do(organizer, "POST", settings, form, "tables=20&remind=999")
	if page := readAll(t, resp); resp.StatusCode != 422 || !strings.Contains(page, "từ 0 đến 180") {
		t.Fatalf("bad reminder: %d", resp.StatusCode)
	}
	if resp := f.do(organizer, "POST", settings, form, "tables=20&remind=0"); resp.StatusCode != 303 {
		t.Fatalf("settings: %d", resp.StatusCode)
	}
	place("d2-0900")
	remind("2027-03-11 08:55", 0)
	// A form without the reminder (an older page) keeps it.
	if resp := f.do(organizer, "POST", settings, form, "tables=25"); resp.StatusCode != 303 {
		t.Fatalf("settings: %d", resp.StatusCode)
	}
	if s, _ := f.db.MatchSettings(ctx, f.eventID); s.Tables != 25 || s.RemindMinutes != 0 {
		t.Fatalf("settings after a form without the reminder: %+v", s)
	}
}

// TestMeetingCheckInAPI: on the day, a side (or the organizer) marks a
// scheduled meeting held through the API, and the organizer records a
// no-show; each corrects the other; neither applies to a meeting not
// scheduled, and a side cannot record a no-show; a check-in before the
// meeting's time is refused with nothing written.
func TestMeetingCheckInAPI(t *testing.T) {
	var clock atomic.Pointer[time.Time]
	before := time.Date(2027, 3, 9, 0, 0, 0, 0, time.UTC) // the eve of the fair
	clock.Store(&before)
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return *clock.Load() }))
	ctx := t.Context()
	m := acceptedTableMeeting(t, f, "AGV")
	base := "/api/v1/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID)
	problem(t, f, xadmin, "POST", base+"/checkin", `{}`, 409) // accepted, not yet scheduled
	if resp := f.do(organizer, "POST", base+"/move", "application/json", `{"slot":"d1-0900","location":"T01"}`); resp.StatusCode != 200 {
		t.Fatalf("place: %d", resp.StatusCode)
	}
	problem(t, f, xadmin, "POST", base+"/noshow", `{}`, 403)
	slots := meeting.Slots([]string{"2027-03-10", "2027-03-11", "2027-03-12"}, event.Zone("Asia/Ho_Chi_Minh"))
	s0900, _ := meeting.FindSlot(slots, "d1-0900")
	for _, early := range []time.Time{before, s0900.Starts.Add(-meeting.CheckInEarly - time.Minute).UTC()} {
		clock.Store(&early)
		if p := problem(t, f, xadmin, "POST", base+"/checkin", `{}`, 409); !strings.Contains(p.Detail, "has not come") {
			t.Errorf("check-in at %v: %q", early, p.Detail)
		}
		if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); got.Status != meeting.Scheduled || got.CheckedInAt != nil {
			t.Fatalf("an early check-in wrote %s at %v", got.Status, got.CheckedInAt)
		}
		if page := readAll(t, f.do(xadmin, "GET", "/events/"+itoa(f.eventID)+"/meetings", "", "")); strings.Contains(page, base[len("/api/v1"):]+"/checkin") {
			t.Errorf("the meetings page offers a check-in at %v", early)
		}
		plan := readAll(t, f.do(organizer, "GET", "/console/events/"+itoa(f.eventID)+"/meetings?day=2027-03-10&slot=d1-0900", "", ""))
		if strings.Contains(plan, base[len("/api/v1"):]+"/checkin") || strings.Contains(plan, "/meetings/"+itoa(m.ID)+"/noshow") {
			t.Errorf("the table plan offers a check-in or a no-show at %v", early)
		}
		// A form posted all the same is refused in the reader's language.
		resp := f.do(xadmin, "POST", base[len("/api/v1"):]+"/checkin", "application/x-www-form-urlencoded", "")
		if page := readAll(t, resp); resp.StatusCode != http.StatusConflict || !strings.Contains(page, `id="error-message">Chưa đến giờ gặp`) {
			t.Errorf("an early check-in from the page: %d\n%s", resp.StatusCode, page)
		}
	}
	sitting := s0900.Starts.Add(-5 * time.Minute).UTC()
	clock.Store(&sitting)
	if page := readAll(t, f.do(xadmin, "GET", "/events/"+itoa(f.eventID)+"/meetings", "", "")); !strings.Contains(page, `action="`+base[len("/api/v1"):]+`/checkin"`) {
		t.Errorf("the meetings page offers no check-in five minutes before the meeting")
	}
	resp := f.do(xadmin, "POST", base+"/checkin", "application/json", "")
	var v meeting.View
	decodeInto(t, resp, &v)
	if resp.StatusCode != 200 || v.Status != meeting.Held || v.CheckedInAt == nil {
		t.Fatalf("check-in: %d, %s at %v", resp.StatusCode, v.Status, v.CheckedInAt)
	}
	// A check-in by mistake is corrected by the organizer, and back.
	resp = f.do(organizer, "POST", base+"/noshow", "application/json", `{}`)
	v = meeting.View{}
	decodeInto(t, resp, &v)
	if resp.StatusCode != 200 || v.Status != meeting.NoShow || v.CheckedInAt != nil {
		t.Fatalf("no-show correcting the check-in: %d, %s at %v", resp.StatusCode, v.Status, v.CheckedInAt)
	}
	resp = f.do(xadmin, "POST", base+"/checkin", "application/json", `{}`)
	decodeInto(t, resp, &v)
	if resp.StatusCode != 200 || v.Status != meeting.Held {
		t.Fatalf("late check-in: %d, %s", resp.StatusCode, v.Status)
	}
	problem(t, f, xadmin, "POST", base+"/checkin", `{}`, 409) // held already
	// The table plan's list offers the correction beside a held meeting;
	// made from there, it comes back to the same slot with a notice.
	planAt := "/console/events/" + itoa(f.eventID) + "/meetings?day=2027-03-10&slot=d1-0900"
	resp = f.do(organizer, "GET", planAt, "", "")
	if page := readAll(t, resp); !strings.Contains(page, `action="/console/events/`+itoa(f.eventID)+`/meetings/`+itoa(m.ID)+`/noshow"`) {
		t.Errorf("no no-show correction beside the held meeting")
	}
	resp = f.do(organizer, "POST", "/console/events/"+itoa(f.eventID)+"/meetings/"+itoa(m.ID)+"/noshow", "application/x-www-form-urlencoded", url.Values{"next": {planAt}}.Encode())
	back := "/console/events/" + itoa(f.eventID) + "/meetings?day=2027-03-10&done=noshow&slot=d1-0900"
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != back {
		t.Fatalf("no-show from the plan: %d to %q", resp.StatusCode, loc)
	}
	if page := readAll(t, f.do(organizer, "GET", back, "", "")); !strings.Contains(page, `id="notice">Đã ghi nhận vắng mặt`) {
		t.Error("the plan does not confirm the no-show")
	}
	// Another meeting, scheduled and missed.
	other := &meeting.Meeting{EventID: f.eventID, FromOrg: f.x2.OrgID, ToOrg: f.orgA, RequestedBy: f.people[otherX].ID,
		Status: meeting.Scheduled, Place: meeting.Table, Slot: "d1-1000", Location: "T01"}
	must(t, f.db.CreateMeeting(ctx, other))
	// Placed at 10:00, at 10:05 its move form offers its own time and what
	// has not ended, not the morning's first slots.
	s1000, _ := meeting.FindSlot(slots, "d1-1000")
	late := s1000.Starts.Add(5 * time.Minute).UTC()
	if resp := f.do(organizer, "POST", "/api/v1/events/"+itoa(f.eventID)+"/meetings/"+itoa(other.ID)+"/move", "application/json", `{"slot":"d1-1000","location":"T02"}`); resp.StatusCode != 200 {
		t.Fatalf("place the other meeting: %d %s", resp.StatusCode, readAll(t, resp))
	}
	clock.Store(&late)
	page := readAll(t, f.do(organizer, "GET", "/console/events/"+itoa(f.eventID)+"/meetings?day=2027-03-10&slot=d1-1000", "", ""))
	if !strings.Contains(page, `<option value="d1-1000" selected>`) || !strings.Contains(page, `<option value="d1-1030"`) || strings.Contains(page, `<option value="d1-0830"`) {
		t.Errorf("at 10:05 the move form offers times that are over, or not the meeting's own:\n%s", page[strings.Index(page, `id="running"`):])
	}
	resp = f.do(organizer, "POST", "/api/v1/events/"+itoa(f.eventID)+"/meetings/"+itoa(other.ID)+"/noshow", "application/json", `{}`)
	decodeInto(t, resp, &v)
	if resp.StatusCode != 200 || v.Status != meeting.NoShow {
		t.Fatalf("no-show: %d, %s", resp.StatusCode, v.Status)
	}
	if got, _ := f.db.Meeting(ctx, f.eventID, other.ID); got.Status != meeting.NoShow {
		t.Fatalf("stored: %s", got.Status)
	}
}

// TestRunSchedulerAPI: the organizer runs the scheduler through the API;
// the accepted meeting is placed and both sides mailed, and a second run
// keeps it where it is.
func TestRunSchedulerAPI(t *testing.T) {
	f := mustFixture(t, "sqlite")
	inbox := withMail(t, f)
	m := acceptedTableMeeting(t, f, "AGV")
	path := "/api/v1/events/" + itoa(f.eventID) + "/meetings/schedule"
	problem(t, f, organizer, "POST", path, `{"seed":`, 400)
	run := func() web.RunResult {
		t.Helper()
		resp := f.do(organizer, "POST", path, "application/json", "")
		var res web.RunResult
		decodeInto(t, resp, &res)
		if resp.StatusCode != 200 {
			t.Fatalf("run: %d", resp.StatusCode)
		}
		return res
	}
	if res := run(); res.Scheduled != 1 || res.Kept != 0 || len(res.Left) != 0 {
		t.Fatalf("first run: %+v", res)
	}
	placed, err := f.db.Meeting(t.Context(), f.eventID, m.ID)
	must(t, err)
	if placed.Status != meeting.Scheduled || placed.Slot == "" || placed.Location == "" {
		t.Fatalf("after the run: %+v", placed.Meeting)
	}
	for _, who := range []string{otherX, xadmin} {
		inbox.Wait(t, who+"@example.vn", "Đã xếp lịch gặp")
	}
	if res := run(); res.Scheduled != 0 || res.Moved != 0 || res.Kept != 1 {
		t.Fatalf("second run: %+v", res)
	}
	if again, _ := f.db.Meeting(t.Context(), f.eventID, m.ID); again.Slot != placed.Slot || again.Location != placed.Location {
		t.Fatalf("the second run moved the meeting: %s %s → %s %s", placed.Slot, placed.Location, again.Slot, again.Location)
	}
}

// TestScheduleNextMeeting: during the fair, the personal schedule puts the
// next meeting first: the one whose time is not over, not the one just
// past.
func TestScheduleNextMeeting(t *testing.T) {
	var clock atomic.Pointer[time.Time]
	before := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	clock.Store(&before)
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return *clock.Load() }))
	ctx := t.Context()
	third := &org.Organization{Kind: org.Institute, Name: i18n.Text{VI: "Viện Nghiên cứu Cơ khí"}, Country: "VN"}
	must(t, f.db.CreateOrganization(ctx, third))
	old, err := f.db.Meeting(ctx, f.eventID, f.ids["meeting"])
	must(t, err)
	withdrawn := old.Meeting
	must(t, withdrawn.Cancel("duplicate"))
	must(t, f.db.SaveMeeting(ctx, &withdrawn, old.Status))
	for _, m := range []meeting.Meeting{
		{FromOrg: f.x2.OrgID, ToOrg: f.orgA, Slot: "d1-0900", Location: "T01"},
		{FromOrg: third.ID, ToOrg: f.orgA, Slot: "d1-1000", Location: "T02"},
	} {
		slot, loc := m.Slot, m.Location
		m.EventID, m.Status, m.Place, m.RequestedBy = f.eventID, meeting.Accepted, meeting.Table, f.people[otherX].ID
		must(t, f.db.CreateMeeting(ctx, &m))
		resp := f.do(organizer, "POST", "/api/v1/events/"+itoa(f.eventID)+"/meetings/"+itoa(m.ID)+"/move", "application/json", `{"slot":"`+slot+`","location":"`+loc+`"}`)
		if resp.StatusCode != 200 {
			t.Fatalf("place %s: %d", slot, resp.StatusCode)
		}
	}
	next := func() string {
		t.Helper()
		resp := f.do(xadmin, "GET", "/events/"+itoa(f.eventID)+"/schedule", "", "")
		page := readAll(t, resp)
		i := strings.Index(page, `id="next-meeting"`)
		if resp.StatusCode != 200 || i < 0 {
			t.Fatalf("schedule: %d, no next meeting in %s", resp.StatusCode, clip(page[strings.Index(page, "<h1"):], 1500))
		}
		return page[i : i+strings.Index(page[i:], "</section>")]
	}
	if got := next(); !strings.Contains(got, "09:00") || !strings.Contains(got, "Bàn T01") {
		t.Errorf("before the fair the next meeting is %q, want 09:00 at T01", got)
	}
	slots := meeting.Slots([]string{"2027-03-10", "2027-03-11", "2027-03-12"}, event.Zone("Asia/Ho_Chi_Minh"))
	s0900, _ := meeting.FindSlot(slots, "d1-0900")
	after := s0900.Ends.Add(10 * time.Minute).UTC()
	clock.Store(&after)
	if got := next(); !strings.Contains(got, "10:00") || !strings.Contains(got, "Viện Nghiên cứu Cơ khí") || strings.Contains(got, "next-checkin") {
		t.Errorf("at 09:40 the next meeting is %q, want 10:00 with the institute, not yet to check in", got)
	}
	// Once its time has come, it is checked in from the schedule.
	during := s0900.Ends.Add(35 * time.Minute).UTC()
	clock.Store(&during)
	if got := next(); !strings.Contains(got, `id="next-checkin"`) {
		t.Fatalf("at 10:05 the next meeting offers no check-in: %q", got)
	}
	var id int64
	for _, v := range mustMeetings(t, f, f.orgA) {
		if v.Slot == "d1-1000" {
			id = v.ID
		}
	}
	resp := f.do(xadmin, "POST", "/events/"+itoa(f.eventID)+"/meetings/"+itoa(id)+"/checkin", "application/x-www-form-urlencoded", "next=/events/"+itoa(f.eventID)+"/schedule")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/events/"+itoa(f.eventID)+"/schedule?done=held" {
		t.Fatalf("check-in from the schedule: %d to %q", resp.StatusCode, loc)
	}
	if got, _ := f.db.Meeting(ctx, f.eventID, id); got.Status != meeting.Held {
		t.Fatalf("after the check-in: %s", got.Status)
	}
	resp = f.do(xadmin, "GET", "/events/"+itoa(f.eventID)+"/schedule?done=held", "", "")
	if page := readAll(t, resp); !strings.Contains(page, `id="schedule-notice">Đã ghi nhận`) {
		t.Errorf("the schedule does not confirm the check-in")
	}
}

// mustMeetings lists an organization's meetings at the fixture's event.
func mustMeetings(t *testing.T, f *fixture, orgID int64) []meeting.View {
	t.Helper()
	vs, err := f.db.MeetingsOfOrgs(t.Context(), f.eventID, []int64{orgID})
	must(t, err)
	return vs
}

// TestRequestLimit: the organizer limits the open requests one
// organization may send; beyond it the request form says so in the
// sender's language and the API answers 409; a bad limit is refused.
func TestRequestLimit(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := t.Context()
	settings := "/console/events/" + itoa(f.eventID) + "/meetings/settings"
	form := "application/x-www-form-urlencoded"
	resp := f.do(organizer, "POST", settings, form, "tables=20&max_requests=-1")
	if page := readAll(t, resp); resp.StatusCode != 422 || !strings.Contains(page, "từ 0 đến 1000") {
		t.Fatalf("bad limit: %d", resp.StatusCode)
	}
	if resp := f.do(organizer, "POST", settings, form, "tables=20&max_requests=1"); resp.StatusCode != 303 {
		t.Fatalf("settings: %d", resp.StatusCode)
	}
	if s, _ := f.db.MatchSettings(ctx, f.eventID); s.MaxRequests != 1 || s.Tables != 20 {
		t.Fatalf("saved settings: %+v", s)
	}
	// A form without the field keeps the limit.
	if resp := f.do(organizer, "POST", settings, form, "tables=15"); resp.StatusCode != 303 {
		t.Fatalf("settings: %d", resp.StatusCode)
	}
	if s, _ := f.db.MatchSettings(ctx, f.eventID); s.MaxRequests != 1 {
		t.Fatalf("the limit was lost: %+v", s)
	}
	// Organization B (otherX) already has the fixture's request open to A,
	// which its meetings page counts against the limit; a request to a
	// third organization goes over it.
	resp = f.do(otherX, "GET", "/events/"+itoa(f.eventID)+"/meetings", "", "")
	if page := readAll(t, resp); !strings.Contains(page, "Yêu cầu đã gửi đang mở: 1 trên tối đa 1") {
		t.Errorf("the meetings page does not count the sent request against the limit")
	}
	third := &org.Organization{Kind: org.Institute, Name: i18n.Text{VI: "Viện Tự động hóa"}, Country: "VN"}
	must(t, f.db.CreateOrganization(ctx, third))
	resp = f.do(otherX, "POST", "/events/"+itoa(f.eventID)+"/meetings", form, "to="+itoa(third.ID)+"&message=xin+gap&place=table")
	if page := readAll(t, resp); resp.StatusCode != 409 || !strings.Contains(page, "đã có 1 yêu cầu đang mở") {
		t.Fatalf("request over the limit from the page: %d", resp.StatusCode)
	}
	if p := problem(t, f, otherX, "POST", "/api/v1/events/"+itoa(f.eventID)+"/meetings", `{"to_org":`+itoa(third.ID)+`}`, 409); !strings.Contains(p.Detail, "as many open requests") {
		t.Errorf("request over the limit from the API: %+v", p)
	}
	// The organization A, which only received, may still send.
	if resp := f.do(xadmin, "POST", "/api/v1/events/"+itoa(f.eventID)+"/meetings", "application/json", `{"to_org":`+itoa(third.ID)+`}`); resp.StatusCode != 201 {
		t.Fatalf("a request from the receiving side: %d", resp.StatusCode)
	}
}

// TestFewerTablesThanInUse: the organizer cannot lower the number of tables
// below one that holds a scheduled meeting (it would be left at a table
// the plan no longer has); once it is moved, the lower number is saved.
func TestFewerTablesThanInUse(t *testing.T) {
	f := mustFixture(t, "sqlite")
	m := acceptedTableMeeting(t, f, "AGV")
	move := "/api/v1/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID) + "/move"
	if resp := f.do(organizer, "POST", move, "application/json", `{"slot":"d1-0900","location":"T12"}`); resp.StatusCode != 200 {
		t.Fatalf("place at T12: %d %s", resp.StatusCode, readAll(t, resp))
	}
	settings := "/console/events/" + itoa(f.eventID) + "/meetings/settings"
	form := "application/x-www-form-urlencoded"
	resp := f.do(organizer, "POST", settings, form, "tables=5")
	if page := readAll(t, resp); resp.StatusCode != 422 || !strings.Contains(page, "tại bàn số 12") {
		t.Fatalf("5 tables with a meeting at T12: %d, want the refusal naming table 12", resp.StatusCode)
	}
	if s, _ := f.db.MatchSettings(t.Context(), f.eventID); s.Tables != 20 {
		t.Fatalf("a refused number of tables was saved: %d", s.Tables)
	}
	if resp := f.do(organizer, "POST", move, "application/json", `{"slot":"d1-0900","location":"T03"}`); resp.StatusCode != 200 {
		t.Fatalf("move to T03: %d", resp.StatusCode)
	}
	if resp := f.do(organizer, "POST", settings, form, "tables=5"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("5 tables once the meeting is at T03: %d", resp.StatusCode)
	}
}
