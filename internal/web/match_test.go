package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/xuri/excelize/v2"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail/mailtest"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

func decodeInto(t *testing.T, resp *http.Response, v any) {
	t.Helper()
	body := readAll(t, resp)
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
}

func cardIDs(t *testing.T, f *fixture, role, query string) []int64 {
	t.Helper()
	resp := f.do(role, "GET", "/api/v1/cards?"+query, "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("search %s: %d %s", query, resp.StatusCode, readAll(t, resp))
	}
	var l struct{ Items []market.CardView }
	decodeInto(t, resp, &l)
	var ids []int64
	for _, c := range l.Items {
		ids = append(ids, c.ID)
	}
	return ids
}

func has(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// TestMarketplaceSearchAndRecommendations publishes cards through the API
// and finds them in the three languages, with filters; drafts stay
// private; a recommendation follows a card edit at once.
func TestMarketplaceSearchAndRecommendations(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			f := mustFixture(t, dialect)
			offer := f.ids["card"] // org A: "Xe tự hành AGV cho kho hàng" / "AGV for warehouses"
			orgB := f.x2.OrgID
			post := func(role, body string) market.CardView {
				t.Helper()
				resp := f.do(role, "POST", "/api/v1/organizations/"+itoa(orgB)+"/cards", "application/json", body)
				if resp.StatusCode != 201 {
					t.Fatalf("create card: %d %s", resp.StatusCode, readAll(t, resp))
				}
				var c market.CardView
				decodeInto(t, resp, &c)
				return c
			}
			need := post(otherX, `{"kind":"need","status":"published","title":{"vi":"Cần giải pháp tự động hóa kho hàng","ko":"물류 창고 자동화 솔루션 필요"},
				"body":{"vi":"Nhà máy ở Bình Dương cần xe tự hành chở pallet"},"sectors":["warehouse_automation","agv_amr"]}`)
			draft := post(otherX, `{"kind":"research_result","status":"draft","trl":4,"title":{"en":"Secret welding process"},"sectors":["metalworking"]}`)
			if resp := f.do(otherX, "POST", "/api/v1/organizations/"+itoa(orgB)+"/cards", "application/json",
				`{"kind":"research_result","title":{"en":"No readiness level"}}`); resp.StatusCode != 422 || !strings.Contains(readAll(t, resp), "trl") {
				t.Fatalf("research result without TRL: %d", resp.StatusCode)
			}

			for _, c := range []struct {
				query string
				want  int64
				not   int64
			}{
				{"q=tu+dong+hoa+kho", need.ID, 0},              // without diacritics
				{"q=t%E1%BB%B1+%C4%91%E1%BB%99ng", need.ID, 0}, // "tự động" with them
				{"q=%EB%AC%BC%EB%A5%98", need.ID, offer},       // Korean "물류"
				{"q=wareh", offer, need.ID},                    // prefix
				{"kind=need", need.ID, offer},
				{"kind=offer&sector=agv_amr", offer, need.ID},
				{"house=enterprise&country=VN", need.ID, 0},
				{"q=secret", 0, draft.ID},
			} {
				ids := cardIDs(t, f, anon, c.query)
				if c.want != 0 && !has(ids, c.want) {
					t.Errorf("%s: %v lacks card %d", c.query, ids, c.want)
				}
				if c.not != 0 && has(ids, c.not) {
					t.Errorf("%s: %v has card %d", c.query, ids, c.not)
				}
			}
			if ids := cardIDs(t, f, anon, "house=academia"); len(ids) != 0 {
				t.Errorf("no institute has cards, got %v", ids)
			}
			if resp := f.do(anon, "GET", "/api/v1/cards/"+itoa(draft.ID), "", ""); resp.StatusCode != 404 {
				t.Errorf("a draft is public: %d", resp.StatusCode)
			}
			if resp := f.do(otherX, "GET", "/api/v1/cards/"+itoa(draft.ID), "", ""); resp.StatusCode != 200 {
				t.Errorf("its owner cannot read its draft: %d", resp.StatusCode)
			}
			if resp := f.do(xadmin, "PATCH", "/api/v1/cards/"+itoa(draft.ID), "application/json", `{"status":"published"}`); resp.StatusCode != 403 {
				t.Errorf("another organization edited the draft: %d", resp.StatusCode)
			}
			page := readAll(t, f.do(anon, "GET", "/market?q=kho", "", ""))
			if !strings.Contains(page, "<mark>kho</mark>") || !strings.Contains(page, "Cần giải pháp") {
				t.Errorf("the search page does not highlight the match")
			}
			if page := readAll(t, f.do(anon, "GET", "/market?q=zzzqqq", "", "")); !strings.Contains(page, "Không có tin nào phù hợp.") || !strings.Contains(page, `<a href="/market" id="market-clear">`) {
				t.Errorf("a search with no card offers no way back to every card")
			}

			theirCard := func() bool {
				resp := f.do(otherX, "GET", "/api/v1/organizations/"+itoa(orgB)+"/recommendations?event="+itoa(f.eventID), "", "")
				if resp.StatusCode != 200 {
					t.Fatalf("recommendations: %d %s", resp.StatusCode, readAll(t, resp))
				}
				var l struct{ Items []market.Partner }
				decodeInto(t, resp, &l)
				for _, p := range l.Items {
					for _, r := range p.Reasons {
						if p.OrgID == f.orgA && r.TheirCard == itoa(offer) {
							if p.Score <= 0 || r.Text == "" || !strings.Contains(r.Text, "AGV") {
								t.Fatalf("reason without text or score: %+v", p)
							}
							return true
						}
					}
				}
				return false
			}
			if !theirCard() {
				t.Fatal("organization A's AGV offer is not recommended for B's warehouse need")
			}
			if resp := f.do(xstaff, "PATCH", "/api/v1/cards/"+itoa(offer), "application/json", `{"status":"closed"}`); resp.StatusCode != 200 {
				t.Fatalf("close card: %d %s", resp.StatusCode, readAll(t, resp))
			}
			if theirCard() {
				t.Fatal("a closed card is still a reason")
			}
			if ids := cardIDs(t, f, anon, "q=wareh"); has(ids, offer) {
				t.Fatal("a closed card is still found")
			}
		})
	}
}

// TestMeetingFlowMailsAndFiles goes from a request to a scheduled meeting
// through the pages, reads the mails from a real SMTP server, parses the
// .ics with a third-party parser, then moves and cancels the meeting.
func TestMeetingFlowMailsAndFiles(t *testing.T) {
	f := mustFixture(t, "sqlite")
	smtp, inbox := mailtest.MustServer(t)
	srv, err := web.New(f.db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), LoginLimit: 1000, Mail: smtp})
	if err != nil {
		t.Fatal(err)
	}
	f.srv.Close()
	f.srv = httptest.NewServer(srv.Handler())
	t.Cleanup(f.srv.Close)
	ev := "/events/" + itoa(f.eventID)
	form := "application/x-www-form-urlencoded"
	expect := func(resp *http.Response, status int, what string) {
		t.Helper()
		if resp.StatusCode != status {
			t.Fatalf("%s: %d, want %d: %s", what, resp.StatusCode, status, readAll(t, resp))
		}
	}
	// The fixture's open request between B and A is cancelled first.
	expect(f.do(otherX, "POST", ev+"/meetings/"+itoa(f.ids["meeting"])+"/cancel", form, "reason=duplicate"), 303, "cancel the old request")
	v := url.Values{"from": {itoa(f.x2.OrgID)}, "to": {itoa(f.orgA)}, "message": {"Chúng tôi cần AGV"}, "place": {"booth"}, "origin": {"recommendation"}}
	expect(f.do(otherX, "POST", ev+"/meetings", form, v.Encode()), 303, "request")
	expect(f.do(otherX, "POST", ev+"/meetings", form, v.Encode()), 409, "second request")
	var l struct{ Items []meeting.View }
	decodeInto(t, f.do(otherX, "GET", "/api/v1"+ev+"/meetings", "", ""), &l)
	var id int64
	for _, m := range l.Items {
		if m.Status == meeting.Requested {
			id = m.ID
		}
	}
	if id == 0 {
		t.Fatalf("no open request in %+v", l.Items)
	}
	mt := ev + "/meetings/" + itoa(id)
	expect(f.do(otherX, "POST", mt+"/accept", form, ""), 409, "the requester accepts its own request")
	expect(f.do(xadmin, "POST", mt+"/decline", form, "reason="), 422, "decline without a reason")
	expect(f.do(xadmin, "POST", mt+"/accept", form, ""), 303, "accept")
	// The page's request and answer reach the other side by mail too.
	if m := inbox.Wait(t, xstaff+"@example.vn", "Yêu cầu gặp từ Công ty other-exhibitor"); !strings.Contains(m.Text, "Chúng tôi cần AGV") {
		t.Fatalf("request mail: %q", m.Text)
	}
	inbox.Wait(t, otherX+"@example.vn", "Công ty exhibitor-admin đã nhận lời gặp")
	// Accepted, not scheduled yet: the schedule page says it is waiting.
	if sched := readAll(t, f.do(otherX, "GET", ev+"/schedule", "", "")); !strings.Contains(sched, `id="schedule-waiting">Đã chấp nhận, đang chờ ban tổ chức xếp lịch: 1 cuộc gặp`) {
		t.Error("the schedule page does not say an accepted meeting waits to be scheduled")
	}

	page := runFromConsole(t, f)
	if !strings.Contains(page, "run-result") {
		t.Fatalf("no run result on the console page")
	}
	// A run that is not this event's, or no run, shows no summary.
	for _, q := range []string{"?run=999999", "?run=abc", "?run=-1"} {
		r := f.do(organizer, "GET", "/console"+ev+"/meetings"+q, "", "")
		if body := readAll(t, r); r.StatusCode != 200 || strings.Contains(body, `id="run-result"`) {
			t.Errorf("console%s: %d, or it shows a run's result", q, r.StatusCode)
		}
	}
	for _, who := range []string{otherX, xadmin} {
		m := inbox.Wait(t, who+"@example.vn", "Đã xếp lịch gặp")
		if !strings.Contains(m.Text, "Gian hàng A-101") || len(m.Attachments) != 1 {
			t.Fatalf("scheduled mail to %s: %q, %d attachments", who, m.Text, len(m.Attachments))
		}
		if _, err := ical.NewDecoder(bytes.NewReader(m.Attachments[0].Data)).Decode(); err != nil {
			t.Fatalf("mailed .ics: %v", err)
		}
	}
	sched := readAll(t, f.do(xadmin, "GET", ev+"/schedule", "", ""))
	if !strings.Contains(sched, "Công ty other-exhibitor") || !strings.Contains(sched, "Gian hàng A-101") || strings.Contains(sched, `id="schedule-waiting"`) {
		t.Fatalf("the schedule page lacks the meeting, or still says it waits")
	}
	first := icsEvent(t, f.do(otherX, "GET", ev+"/schedule.ics", "", ""))
	loc, _ := first.Props.Text(ical.PropLocation)
	sum, _ := first.Props.Text(ical.PropSummary)
	start, err := first.DateTimeStart(nil)
	if err != nil || loc != "Gian hàng A-101" || sum != "Công ty exhibitor-admin" || start.Year() != 2027 {
		t.Fatalf(".ics event: %q %q %v %v", loc, sum, start, err)
	}
	pdf := f.do(xadmin, "GET", ev+"/schedule.pdf", "", "")
	if body := readAll(t, pdf); pdf.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("schedule PDF: %s %.10q", pdf.Header.Get("Content-Type"), body)
	}
	checkMeetingsXLSX(t, f, id)

	// B becomes unavailable at that time: the next run moves the meeting.
	got, err := f.db.Meeting(t.Context(), f.eventID, id)
	if err != nil || got.Status != meeting.Scheduled {
		t.Fatalf("meeting after the run: %+v %v", got.Meeting, err)
	}
	// B's meetings page marks the meeting's time, and saving it as busy
	// says what will happen to the meeting.
	if page := readAll(t, f.do(otherX, "GET", ev+"/meetings", "", "")); !strings.Contains(page, `value="`+got.Slot+`" > `+got.Slot[3:5]+":"+got.Slot[5:]+` <small>(có cuộc gặp)</small>`) {
		t.Errorf("the availability form does not mark the scheduled meeting's time %s", got.Slot)
	}
	busy := f.do(otherX, "POST", ev+"/orgs/"+itoa(f.x2.OrgID)+"/availability", form, "unavailable="+got.Slot)
	if loc := busy.Header.Get("Location"); busy.StatusCode != 303 || !strings.HasSuffix(loc, "done=availability_met") {
		t.Fatalf("busy at the meeting's time: %d to %q, want the notice that the meeting will move", busy.StatusCode, loc)
	}
	if page := readAll(t, f.do(otherX, "GET", ev+"/meetings?done=availability_met", "", "")); !strings.Contains(page, "lần xếp lịch tiếp theo của ban tổ chức") {
		t.Error("the notice of a busy meeting time is not shown")
	}
	runFromConsole(t, f) // second run
	inbox.Wait(t, xadmin+"@example.vn", "Lịch gặp được dời")
	moved, _ := f.db.Meeting(t.Context(), f.eventID, id)
	if moved.Slot == got.Slot || moved.Status != meeting.Scheduled {
		t.Fatalf("meeting not moved: %+v", moved.Meeting)
	}
	// B then cannot meet at all: the run unschedules the meeting and says
	// so; once B is free again, the next run places it again.
	all := url.Values{}
	for d := 1; d <= 3; d++ {
		for _, hm := range []string{"0830", "0900", "0930", "1000", "1030", "1100", "1130", "1200", "1330", "1400", "1430", "1500", "1530", "1600", "1630", "1700"} {
			all.Add("unavailable", fmt.Sprintf("d%d-%s", d, hm))
		}
	}
	expect(f.do(otherX, "POST", ev+"/orgs/"+itoa(f.x2.OrgID)+"/availability", form, all.Encode()), 303, "away all days")
	if page := runFromConsole(t, f); !strings.Contains(page, "Công ty other-exhibitor không rảnh ở 48") {
		t.Fatalf("third run: the meeting left out without its reason")
	}
	inbox.Wait(t, otherX+"@example.vn", "Cuộc gặp cần xếp lại")
	if back, _ := f.db.Meeting(t.Context(), f.eventID, id); back.Status != meeting.Accepted || back.Slot != "" {
		t.Fatalf("meeting after B left: %+v", back.Meeting)
	}
	expect(f.do(otherX, "POST", ev+"/orgs/"+itoa(f.x2.OrgID)+"/availability", form, ""), 303, "back")
	runFromConsole(t, f) // fourth run
	if again, _ := f.db.Meeting(t.Context(), f.eventID, id); again.Status != meeting.Scheduled {
		t.Fatalf("meeting not scheduled again: %+v", again.Meeting)
	}
	checkOrganizerMove(t, f, inbox, id)
	expect(f.do(xstaff, "POST", mt+"/cancel", form, "reason=Xin+lỗi,+trùng+lịch"), 303, "cancel")
	m := inbox.Wait(t, otherX+"@example.vn", "Cuộc gặp bị hủy")
	if !strings.Contains(m.Text, "Lý do: Xin lỗi, trùng lịch") {
		t.Fatalf("the cancellation mail lacks the reason: %q", m.Text)
	}
	expect(f.do(otherX, "GET", ev+"/schedule.ics", "", ""), 404, "no meeting left")
}

// runFromConsole runs the scheduler from the console as the organizer and
// returns the page the answer leads to: the console with that run's
// summary, at an address that shows the run again when reloaded.
func runFromConsole(t *testing.T, f *fixture) string {
	t.Helper()
	resp := f.do(organizer, "POST", fmt.Sprintf("/console/events/%d/meetings/schedule", f.eventID), "application/x-www-form-urlencoded", "")
	loc := resp.Header.Get("Location")
	want := regexp.MustCompile(fmt.Sprintf(`^/console/events/%d/meetings\?run=\d+#run-result$`, f.eventID))
	if resp.StatusCode != 303 || !want.MatchString(loc) {
		t.Fatalf("run: %d to %q, want 303 to the console with the run", resp.StatusCode, loc)
	}
	return readAll(t, f.do(organizer, "GET", loc, "", ""))
}

// checkOrganizerMove moves the scheduled booth meeting id by hand from the
// table plan: a wrong slot or a table for a booth meeting is refused and
// changes nothing; a good move lands, tells both sides by mail and
// survives the next scheduler run.
func checkOrganizerMove(t *testing.T, f *fixture, inbox *mailtest.Inbox, id int64) {
	t.Helper()
	form := "application/x-www-form-urlencoded"
	path := fmt.Sprintf("/console/events/%d/meetings/%d/move", f.eventID, id)
	before, _ := f.db.Meeting(t.Context(), f.eventID, id)
	for bad, why := range map[string]string{
		"slot=d9-0000&location=booth-A-101": "Hãy chọn một khung giờ gặp",
		"slot=d2-1000&location=T01":         "Hãy chọn một bàn của sự kiện",
	} {
		resp := f.do(organizer, "POST", path, form, bad)
		page := readAll(t, resp)
		if resp.StatusCode != 422 || !strings.Contains(page, `role="alert">`+why) || !strings.Contains(page, `class="move" open`) {
			t.Fatalf("move %s: %d, want 422 and the plan with %q by the open form", bad, resp.StatusCode, why)
		}
	}
	if now, _ := f.db.Meeting(t.Context(), f.eventID, id); now.Slot != before.Slot || now.Location != before.Location {
		t.Fatalf("a refused move changed the meeting: %+v", now.Meeting)
	}
	resp := f.do(organizer, "POST", path, form, "slot=d2-1000&location=booth-A-101")
	if resp.StatusCode != 303 || !strings.Contains(resp.Header.Get("Location"), "done=moved") {
		t.Fatalf("move: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	page := readAll(t, f.do(organizer, "GET", resp.Header.Get("Location"), "", ""))
	if !strings.Contains(page, `id="notice"`) || !strings.Contains(page, `value="d2-1000" selected`) {
		t.Fatalf("the plan after the move lacks the notice or the meeting in its new slot")
	}
	for _, who := range []string{otherX, xadmin} {
		waitMail(t, inbox, who+"@example.vn", "Lịch gặp được dời", "10:00–10:30")
	}
	runFromConsole(t, f) // after the move
	if after, _ := f.db.Meeting(t.Context(), f.eventID, id); after.Slot != "d2-1000" || after.Location != "booth-A-101" || after.Status != meeting.Scheduled {
		t.Fatalf("the scheduler undid the organizer's move: %+v", after.Meeting)
	}
}

// waitMail waits for a mail to addr whose subject and text contain the
// given strings.
func waitMail(t *testing.T, inbox *mailtest.Inbox, addr, subject, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, m := range inbox.Messages(t) {
			if slices.ContainsFunc(m.To, func(a string) bool { return strings.EqualFold(a, addr) }) &&
				strings.Contains(m.Subject, subject) && strings.Contains(m.Text, text) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no mail to %s about %q with %q", addr, subject, text)
}

func icsEvent(t *testing.T, resp *http.Response) ical.Event {
	t.Helper()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf(".ics: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	cal, err := ical.NewDecoder(resp.Body).Decode()
	if err != nil {
		t.Fatal(err)
	}
	evs := cal.Events()
	if len(evs) != 1 {
		t.Fatalf(".ics has %d events", len(evs))
	}
	return evs[0]
}

// checkMeetingsXLSX reads the organizer's export after the first run: the
// scheduled meeting comes first, with its slot, booth and message, and the
// cancelled request follows with its reason, all in Vietnamese.
func checkMeetingsXLSX(t *testing.T, f *fixture, scheduled int64) {
	t.Helper()
	resp := f.do(organizer, "GET", fmt.Sprintf("/console/events/%d/meetings.xlsx", f.eventID), "", "")
	body := readAll(t, resp)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "meetings-") {
		t.Fatalf("export: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	x, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows("Kết nối giao thương B2B")
	if err != nil || len(rows) != 3 {
		t.Fatalf("export rows: %q %v", rows, err)
	}
	// Each column has its own heading (two were "Quốc gia").
	for i, h := range rows[0] {
		if slices.Contains(rows[0][:i], h) {
			t.Errorf("the export's heading %q stands over two columns: %q", h, rows[0])
		}
	}
	first, second := strings.Join(rows[1], "|"), strings.Join(rows[2], "|")
	for _, want := range []string{itoa(scheduled) + "|Đã xếp lịch|Công ty other-exhibitor|VN|Công ty exhibitor-admin|VN|", "Gian hàng A-101", "Chúng tôi cần AGV"} {
		if !strings.Contains(first, want) {
			t.Errorf("the scheduled meeting's row lacks %q: %s", want, first)
		}
	}
	if rows[1][6] == "" {
		t.Errorf("the scheduled meeting's row has no slot: %s", first)
	}
	if !strings.Contains(second, "|Đã hủy|") || !strings.Contains(second, "duplicate") {
		t.Errorf("the cancelled request's row: %s", second)
	}
}

// TestRequestFormFromACard: a request from a card names the card and starts
// the message with it; the form says so when the two organizations
// already have an open request at the event (a second would be refused),
// and stops saying it once that one is cancelled.
func TestRequestFormFromACard(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := t.Context()
	form := "/events/" + itoa(f.eventID) + "/meetings/new?to=" + itoa(f.orgA) + "&card=" + itoa(f.ids["card"]) + "&origin=card"
	page := readAll(t, f.do(otherX, "GET", form, "", ""))
	for _, want := range []string{`id="meeting-about">Về tin: Xe tự hành AGV cho kho hàng<`,
		`id="meeting-message">Xin gặp để trao đổi về: Xe tự hành AGV cho kho hàng</textarea>`, `id="meeting-pair-open"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	if strings.Contains(page, `id="meeting-partner-absent"`) {
		t.Error("an exhibitor of the fair is said not to take part")
	}
	// An organization at none of the event's stands or registrations: the
	// form says the meeting waits for it to take part.
	away := &org.Organization{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty Vắng Mặt"}, Country: "VN"}
	must(t, f.db.CreateOrganization(ctx, away))
	if page := readAll(t, f.do(otherX, "GET", "/events/"+itoa(f.eventID)+"/meetings/new?to="+itoa(away.ID), "", "")); !strings.Contains(page, `id="meeting-partner-absent">Công ty Vắng Mặt chưa đăng ký tham gia sự kiện này`) {
		t.Error("the form does not say the organization asked is not at the event")
	}
	v, err := f.db.Meeting(ctx, f.eventID, f.ids["meeting"])
	must(t, err)
	open := v.Meeting
	must(t, open.Cancel("plans changed"))
	must(t, f.db.SaveMeeting(ctx, &open, meeting.Requested))
	if page := readAll(t, f.do(otherX, "GET", form, "", "")); strings.Contains(page, `id="meeting-pair-open"`) || !strings.Contains(page, `id="meeting-form"`) {
		t.Error("after the cancellation the form still says a request is open")
	}
	// Sent, the request shows the side asked the card it is about, and
	// who asks leads to their profile.
	sent := url.Values{"from": {itoa(f.x2.OrgID)}, "to": {itoa(f.orgA)}, "card": {itoa(f.ids["card"])}, "origin": {"card"}, "place": {"table"}, "message": {"Xin gặp"}}
	if resp := f.do(otherX, "POST", "/events/"+itoa(f.eventID)+"/meetings", "application/x-www-form-urlencoded", sent.Encode()); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("request from the card: %d %s", resp.StatusCode, readAll(t, resp))
	}
	mine := readAll(t, f.do(xadmin, "GET", "/events/"+itoa(f.eventID)+"/meetings", "", ""))
	for _, want := range []string{`Về tin: <a href="/market/cards/` + itoa(f.ids["card"]) + `">Xe tự hành AGV cho kho hàng</a>`,
		`<a href="/market/orgs/` + itoa(f.x2.OrgID) + `" class="other-org">`} {
		if !strings.Contains(mine, want) {
			t.Errorf("the side asked does not see %s", want)
		}
	}
	// A card of another organization than the one asked names nothing.
	other := "/events/" + itoa(f.eventID) + "/meetings/new?to=" + itoa(f.x2.OrgID) + "&card=" + itoa(f.ids["card"])
	if page := readAll(t, f.do(xadmin, "GET", other, "", "")); strings.Contains(page, `id="meeting-about"`) || strings.Contains(page, "Xin gặp để trao đổi về") {
		t.Error("the form names a card that is not the other side's")
	}
}

// TestRecommendationsOfferRequestsWhereTheyCan: at an event, a partner the
// organization already has an open request with shows its status and the
// way to the meetings instead of a second request; once that request is
// cancelled a request is offered again; after the event, none is.
func TestRecommendationsOfferRequestsWhereTheyCan(t *testing.T) {
	f := mustFixture(t, "sqlite")
	orgB := f.x2.OrgID
	resp := f.do(otherX, "POST", "/api/v1/organizations/"+itoa(orgB)+"/cards", "application/json",
		`{"kind":"need","status":"published","title":{"vi":"Cần xe tự hành AGV cho kho hàng"},"sectors":["warehouse_automation","agv_amr"]}`)
	if resp.StatusCode != 201 {
		t.Fatalf("create card: %d %s", resp.StatusCode, readAll(t, resp))
	}
	recs := "/match/orgs/" + itoa(orgB) + "/recommendations?event=" + itoa(f.eventID)
	requestA := `data-partner="` + itoa(f.orgA) + `"`
	page := readAll(t, f.do(otherX, "GET", recs, "", ""))
	if !strings.Contains(page, `href="/market/orgs/`+itoa(f.orgA)+`"`) {
		t.Fatal("org A is not among B's recommendations")
	}
	if strings.Contains(page, requestA) || !strings.Contains(page, `class="meta already-met"><span class="tag">Chờ trả lời`) {
		t.Error("the partner B already asked is offered a second request, or its request's status is not shown")
	}
	// All year, the same: the fair's open request is shown, not a second.
	allYear := readAll(t, f.do(otherX, "GET", "/match/orgs/"+itoa(orgB)+"/recommendations", "", ""))
	if strings.Contains(allYear, requestA) || !strings.Contains(allYear, `<span class="already-met"><span class="tag">Chờ trả lời</span>`) {
		t.Error("all year, the partner already asked at the fair is offered a second request there")
	}
	v, err := f.db.Meeting(t.Context(), f.eventID, f.ids["meeting"])
	must(t, err)
	open := v.Meeting
	must(t, open.Cancel("plans changed"))
	must(t, f.db.SaveMeeting(t.Context(), &open, meeting.Requested))
	if page := readAll(t, f.do(otherX, "GET", recs, "", "")); !strings.Contains(page, requestA) {
		t.Error("after the cancellation no request is offered to the partner")
	}
	// All year, the partner is offered a meeting at the upcoming fair.
	allYear = readAll(t, f.do(otherX, "GET", "/match/orgs/"+itoa(orgB)+"/recommendations", "", ""))
	atFair := `data-event="` + itoa(f.eventID) + `" href="/events/` + itoa(f.eventID) + `/meetings/new?from=` + itoa(orgB) + `&to=` + itoa(f.orgA)
	if !strings.Contains(allYear, atFair) || !strings.Contains(allYear, "Đặt lịch gặp tại:") {
		t.Error("all year, a recommendation offers no meeting at the upcoming fair")
	}
	// After the fair (12 March 2027), the page says so and offers none.
	after := mustFixture(t, "sqlite", withClock(func() time.Time { return time.Date(2027, 3, 20, 3, 0, 0, 0, time.UTC) }))
	resp = after.do(otherX, "POST", "/api/v1/organizations/"+itoa(after.x2.OrgID)+"/cards", "application/json",
		`{"kind":"need","status":"published","title":{"vi":"Cần xe tự hành AGV cho kho hàng"},"sectors":["warehouse_automation","agv_amr"]}`)
	readAll(t, resp)
	page = readAll(t, after.do(otherX, "GET", "/match/orgs/"+itoa(after.x2.OrgID)+"/recommendations?event="+itoa(after.eventID), "", ""))
	if !strings.Contains(page, `id="recs-over"`) || strings.Contains(page, `class="btn small request-meeting"`) {
		t.Error("the recommendations of an event that is over offer requests, or do not say it is over")
	}
	// All year with no event to come: no request, and why.
	page = readAll(t, after.do(otherX, "GET", "/match/orgs/"+itoa(after.x2.OrgID)+"/recommendations", "", ""))
	if strings.Contains(page, `request-meeting`) || !strings.Contains(page, "Chưa có sự kiện sắp tới") {
		t.Error("all year after the only event, a meeting is offered or the page does not say why not")
	}
}

// TestCardAfterItsEvent: a card's event that is over says so instead of
// offering a meeting there (the request would be refused); before, the
// request is offered.
func TestCardAfterItsEvent(t *testing.T) {
	card := func(f *fixture) string {
		return readAll(t, f.do(otherX, "GET", "/market/cards/"+itoa(f.ids["card"]), "", ""))
	}
	request := func(f *fixture) string { return "/events/" + itoa(f.eventID) + "/meetings/new?to=" }
	before := mustFixture(t, "sqlite")
	if page := card(before); !strings.Contains(page, request(before)) {
		t.Error("before the fair its card offers no meeting")
	}
	after := mustFixture(t, "sqlite", withClock(func() time.Time { return time.Date(2027, 3, 20, 3, 0, 0, 0, time.UTC) }))
	if page := card(after); strings.Contains(page, request(after)) || !strings.Contains(page, "Đã kết thúc") {
		t.Error("after the fair its card still offers a meeting there, or does not say it is over")
	}
}

// TestMarketListsNewestFirst: browsing the marketplace without a search
// lists the latest published card first, with the day it was published
// (the order the list follows), so that a new card is seen rather than
// buried on the last page.
func TestMarketListsNewestFirst(t *testing.T) {
	f := mustFixture(t, "sqlite")
	for _, title := range []string{"Tin đăng trước", "Tin đăng sau"} {
		resp := f.do(otherX, "POST", "/api/v1/organizations/"+itoa(f.x2.OrgID)+"/cards", "application/json",
			`{"kind":"offer","status":"published","title":{"vi":"`+title+`"},"sectors":["robotics"]}`)
		if resp.StatusCode != 201 {
			t.Fatalf("create %q: %d %s", title, resp.StatusCode, readAll(t, resp))
		}
	}
	page := readAll(t, f.do(anon, "GET", "/market", "", ""))
	later, earlier := strings.Index(page, "Tin đăng sau"), strings.Index(page, "Tin đăng trước")
	if later < 0 || earlier < 0 || later > earlier {
		t.Errorf("the later card is at %d, the earlier at %d: want the later first", later, earlier)
	}
	if !strings.Contains(page, `class="meta card-date"`) || !strings.Contains(page, "đăng ngày ") {
		t.Error("the cards do not say when they were published")
	}
}

// TestNoTimeProposedOnceBegun: on the fair's day the answer form offers
// only times still to come, and a time under way is refused whether it is
// proposed or a proposal of it accepted, in the reader's language.
func TestNoTimeProposedOnceBegun(t *testing.T) {
	at1040 := time.Date(2027, 3, 10, 3, 40, 0, 0, time.UTC) // 10:40 in Binh Duong
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return at1040 }))
	ev := "/events/" + itoa(f.eventID)
	mt := ev + "/meetings/" + itoa(f.ids["meeting"]) // B asked A
	form := "application/x-www-form-urlencoded"
	page := readAll(t, f.do(xadmin, "GET", ev+"/meetings", "", ""))
	if strings.Contains(page, `<option value="d1-0830">`) || strings.Contains(page, `<option value="d1-1030">`) || !strings.Contains(page, `<option value="d1-1100">`) {
		t.Error("the answer form offers times that have begun, or not the next one")
	}
	resp := f.do(xadmin, "POST", mt+"/propose", form, "slot=d1-0830")
	if body := readAll(t, resp); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Giờ đó đã bắt đầu") {
		t.Errorf("a past time proposed: %d", resp.StatusCode)
	}
	if got, _ := f.db.Meeting(t.Context(), f.eventID, f.ids["meeting"]); got.Status != meeting.Requested {
		t.Fatalf("the refused proposal changed the meeting: %+v", got.Meeting)
	}
	// A proposal made the day before, for 10:30, is answered too late.
	v, err := f.db.Meeting(t.Context(), f.eventID, f.ids["meeting"])
	must(t, err)
	old := v.Meeting
	must(t, old.Propose(meeting.Recipient, f.people[xadmin].ID, "d1-1030", meeting.Slots([]string{"2027-03-10"}, event.Zone("")), at1040.Add(-24*time.Hour)))
	must(t, f.db.SaveMeeting(t.Context(), &old, meeting.Requested))
	resp = f.do(otherX, "POST", mt+"/accept", form, "")
	if body := readAll(t, resp); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Giờ đó đã bắt đầu") {
		t.Errorf("a proposal under way accepted: %d", resp.StatusCode)
	}
	if got, _ := f.db.Meeting(t.Context(), f.eventID, f.ids["meeting"]); got.Status != meeting.Proposed {
		t.Errorf("the refused acceptance changed the meeting: %+v", got.Meeting)
	}
}
