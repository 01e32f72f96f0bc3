package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"ketnoi/internal/event"
	"ketnoi/internal/meeting"
)

// scheduledAt09 is an accepted table meeting of B (X2's) with A (X1's)
// placed by the organizer at 09:00 on the fair's first day, T01, with the
// clock then set to five minutes into it.
func scheduledAt09(t *testing.T, clock *atomic.Pointer[time.Time], f *fixture) *meeting.Meeting {
	t.Helper()
	m := acceptedTableMeeting(t, f, "AGV")
	base := "/api/v1/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID)
	if resp := f.do(organizer, "POST", base+"/move", "application/json", `{"slot":"d1-0900","location":"T01"}`); resp.StatusCode != 200 {
		t.Fatalf("place: %d %s", resp.StatusCode, readAll(t, resp))
	}
	slots := meeting.Slots([]string{"2027-03-10", "2027-03-11", "2027-03-12"}, event.Zone("Asia/Ho_Chi_Minh"))
	s, _ := meeting.FindSlot(slots, "d1-0900")
	at := s.Starts.Add(5 * time.Minute).UTC()
	clock.Store(&at)
	return m
}

func eveClock() *atomic.Pointer[time.Time] {
	var clock atomic.Pointer[time.Time]
	eve := time.Date(2027, 3, 9, 0, 0, 0, 0, time.UTC)
	clock.Store(&eve)
	return &clock
}

// TestNoShowAPIAbsentSide: the API's no-show names who did not come; an
// organization not in the meeting, or a body of the wrong shape, is
// refused as problem+json with nothing written; the meeting's JSON and
// the OpenAPI document say who was absent; a late check-in clears it; a
// body without absent counts both sides, as before.
func TestNoShowAPIAbsentSide(t *testing.T) {
	clock := eveClock()
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return *clock.Load() }))
	ctx := t.Context()
	m := scheduledAt09(t, clock, f)
	orgB := f.x2.OrgID
	base := "/api/v1/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID)
	unchanged := func(why string) {
		t.Helper()
		if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); got.Status != meeting.Scheduled || got.Absent != nil {
			t.Fatalf("%s wrote %s absent %v", why, got.Status, got.Absent)
		}
	}
	p := problem(t, f, organizer, "POST", base+"/noshow", `{"absent":[`+itoa(f.orgA)+`,999999]}`, 422)
	if p.Errors["absent"] != "must name an organization of this meeting" || !strings.Contains(p.Detail, "absent side") {
		t.Errorf("an organization not in the meeting: %+v", p)
	}
	unchanged("a refused no-show")
	problem(t, f, organizer, "POST", base+"/noshow", `{"absent":"both"}`, 0)
	problem(t, f, organizer, "POST", base+"/noshow", `{"absent":[`+itoa(f.orgA)+`],"who":1}`, 0)
	unchanged("a no-show of the wrong shape")
	problem(t, f, xadmin, "POST", base+"/noshow", `{"absent":[`+itoa(orgB)+`]}`, 403) // a side cannot say the other did not come

	call := func(role, path, body string) meeting.View {
		t.Helper()
		resp := f.do(role, "POST", path, "application/json", body)
		if resp.StatusCode != 200 {
			t.Fatalf("POST %s %s: %d %s", path, body, resp.StatusCode, readAll(t, resp))
		}
		var v meeting.View
		decodeInto(t, resp, &v)
		return v
	}
	if v := call(organizer, base+"/noshow", `{"absent":[`+itoa(f.orgA)+`]}`); v.Status != meeting.NoShow || !slices.Equal(v.Absent, []int64{f.orgA}) {
		t.Fatalf("A absent: %s absent %v", v.Status, v.Absent)
	}
	// The side that came reads it in the meeting's JSON.
	resp := f.do(otherX, "GET", base, "", "")
	raw := readAll(t, resp)
	if resp.StatusCode != 200 || !strings.Contains(raw, `"absent":[`+itoa(f.orgA)+`]`) {
		t.Fatalf("the meeting's JSON: %d %s", resp.StatusCode, raw)
	}
	// A correction of the side, then both named, then a late check-in.
	if v := call(organizer, base+"/noshow", `{"absent":[`+itoa(orgB)+`]}`); !slices.Equal(v.Absent, []int64{orgB}) {
		t.Fatalf("corrected to B: %v", v.Absent)
	}
	if v := call(organizer, base+"/noshow", `{"absent":[`+itoa(f.orgA)+`,`+itoa(orgB)+`]}`); !slices.Equal(v.Absent, []int64{orgB, f.orgA}) {
		t.Fatalf("both named: %v", v.Absent)
	}
	if v := call(xadmin, base+"/checkin", `{}`); v.Status != meeting.Held || v.Absent != nil {
		t.Fatalf("late check-in: %s absent %v", v.Status, v.Absent)
	}
	if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); got.Absent != nil {
		t.Fatalf("stored after the check-in: absent %v", got.Absent)
	}
	if raw := readAll(t, f.do(otherX, "GET", base, "", "")); strings.Contains(raw, `"absent"`) {
		t.Errorf("a held meeting's JSON names someone absent: %s", raw)
	}
	// Existing clients: no body, or an empty one, is both sides.
	if v := call(organizer, base+"/noshow", ``); !slices.Equal(v.Absent, []int64{orgB, f.orgA}) {
		t.Fatalf("no body: %v", v.Absent)
	}

	var doc struct {
		Paths map[string]map[string]struct {
			RequestBody struct {
				Content map[string]struct {
					Schema struct {
						Properties map[string]struct {
							Type  string         `json:"type"`
							Items map[string]any `json:"items"`
						} `json:"properties"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
			Summary string `json:"summary"`
		} `json:"paths"`
	}
	resp = f.do(anon, "GET", "/api/v1/openapi.json", "", "")
	raw = readAll(t, resp)
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	op := doc.Paths["/api/v1/events/{event}/meetings/{meeting}/noshow"]["post"]
	absent := op.RequestBody.Content["application/json"].Schema.Properties["absent"]
	if absent.Type != "array" || absent.Items["type"] != "integer" || !strings.Contains(op.Summary, "absent") {
		t.Errorf("the OpenAPI no-show: %+v", op)
	}
	if !strings.Contains(raw, `"absent":{"items":{"type":"integer"},"type":"array"}`) {
		t.Errorf("the OpenAPI meeting has no absent list")
	}
}

// TestNoShowPagesAbsentSide: on the table plan the organizer records, in
// one tap, which side did not come; the notice says the other is not
// counted absent; the side that came reads that its partner did not
// come, on its meetings page and its schedule, and the absent side that
// it did not; the console lists the organization absent, the report
// counts it, the Excel list names it; an organization not in the meeting
// gets a message in the reader's language with nothing written.
func TestNoShowPagesAbsentSide(t *testing.T) {
	clock := eveClock()
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return *clock.Load() }))
	ctx := t.Context()
	m := scheduledAt09(t, clock, f)
	orgB := f.x2.OrgID
	form := "application/x-www-form-urlencoded"
	planAt := "/console/events/" + itoa(f.eventID) + "/meetings?day=2027-03-10&slot=d1-0900"
	noshow := "/console/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID) + "/noshow"
	post := func(absent ...string) *http.Response {
		t.Helper()
		return f.do(organizer, "POST", noshow, form, url.Values{"next": {planAt}, "absent": absent}.Encode())
	}

	plan := readAll(t, f.do(organizer, "GET", planAt, "", ""))
	for _, want := range []string{`name="absent" value="` + itoa(orgB) + `">other-exhibitor vắng</button>`,
		`name="absent" value="` + itoa(f.orgA) + `">exhibitor-admin vắng</button>`, `name="absent" value="all">Cả hai vắng</button>`} {
		if !strings.Contains(plan, want) {
			t.Errorf("the running list lacks %q", want)
		}
	}
	if strings.Contains(plan, `id="absentees"`) {
		t.Error("the console lists absentees before any no-show")
	}

	for _, bad := range [][]string{{"999999"}, {"A-101"}, {itoa(f.orgA), "0"}} {
		resp := post(bad...)
		page := readAll(t, resp)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Bên vắng mặt phải là một trong các tổ chức của cuộc gặp này.") {
			t.Errorf("absent=%q: %d\n%s", bad, resp.StatusCode, clip(page, 2000))
		}
		if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); got.Status != meeting.Scheduled || got.Absent != nil {
			t.Fatalf("absent=%q wrote %s absent %v", bad, got.Status, got.Absent)
		}
	}

	resp := post(itoa(f.orgA))
	back := "/console/events/" + itoa(f.eventID) + "/meetings?day=2027-03-10&done=noshow_one&slot=d1-0900"
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != back {
		t.Fatalf("A absent from the plan: %d to %q", resp.StatusCode, loc)
	}
	if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); got.Status != meeting.NoShow || !slices.Equal(got.Absent, []int64{f.orgA}) {
		t.Fatalf("stored: %s absent %v", got.Status, got.Absent)
	}
	plan = readAll(t, f.do(organizer, "GET", back, "", ""))
	for _, want := range []string{`id="notice">Đã ghi nhận một bên vắng mặt; bên có mặt không bị tính là vắng.`,
		`<p class="absence">Công ty exhibitor-admin không đến.</p>`,
		`<span class="absent">exhibitor-admin</span>`,
		`name="absent" value="` + itoa(orgB) + `">`, `name="absent" value="all">`,
		`<li data-org="` + itoa(f.orgA) + `"><span>Công ty exhibitor-admin</span><b>1</b></li>`} {
		if !strings.Contains(plan, want) {
			t.Errorf("the plan after A's no-show lacks %q", want)
		}
	}
	if strings.Contains(plan, `name="absent" value="`+itoa(f.orgA)+`">`) || strings.Contains(plan, `data-org="`+itoa(orgB)+`"><span>`) {
		t.Error("the plan offers A absent again, or counts B, which came, absent")
	}

	// Each side reads it from where it stands.
	ev := "/events/" + itoa(f.eventID)
	for _, c := range []struct{ role, want, not string }{
		{otherX, "Đối tác không đến", "Bên bạn vắng mặt"},
		{xadmin, "Bên bạn vắng mặt", "Đối tác không đến"},
	} {
		for _, path := range []string{ev + "/meetings", ev + "/schedule"} {
			page := readAll(t, f.do(c.role, "GET", path, "", ""))
			if !strings.Contains(page, `<span class="tag">`+c.want+`</span>`) || strings.Contains(page, c.not) {
				t.Errorf("%s reads on %s not %q, or %q", c.role, path, c.want, c.not)
			}
		}
	}

	report := readAll(t, f.do(organizer, "GET", "/console/events/"+itoa(f.eventID)+"/report", "", ""))
	if !strings.Contains(report, "Tổ chức vắng mặt ít nhất một cuộc gặp") {
		t.Error("the report does not count the organizations absent")
	}
	dash := readAll(t, f.do(organizer, "GET", "/console/events/"+itoa(f.eventID), "", ""))
	if !strings.Contains(dash, `#absentees">Tổ chức vắng mặt ít nhất một cuộc gặp: 1</a>`) {
		t.Error("the dashboard does not count the organizations absent")
	}
	x, err := excelize.OpenReader(strings.NewReader(readAll(t, f.do(organizer, "GET", "/console/events/"+itoa(f.eventID)+"/meetings.xlsx", "", ""))))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows("Kết nối giao thương B2B")
	if err != nil {
		t.Fatal(err)
	}
	if head := rows[0][len(rows[0])-1]; head != "Vắng mặt" {
		t.Errorf("the Excel list's last heading: %q", head)
	}
	found := false
	for _, r := range rows[1:] {
		if r[0] == itoa(m.ID) {
			found = r[len(r)-1] == "Công ty exhibitor-admin"
		}
	}
	if !found {
		t.Errorf("the Excel list does not name A absent: %q", rows)
	}

	// Both, then a form without absent (older pages) is both too.
	resp = post("all")
	if loc := resp.Header.Get("Location"); !strings.Contains(loc, "done=noshow&") {
		t.Fatalf("both absent: %d to %q", resp.StatusCode, loc)
	}
	if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); !got.BothAbsent() {
		t.Fatalf("both absent stored: %v", got.Absent)
	}
	if page := readAll(t, f.do(otherX, "GET", ev+"/meetings", "", "")); !strings.Contains(page, `<span class="tag">Vắng mặt</span>`) {
		t.Error("B does not read that nobody came")
	}
	resp = f.do(xadmin, "POST", ev+"/meetings/"+itoa(m.ID)+"/checkin", form, "")
	if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); resp.StatusCode != http.StatusSeeOther || got.Status != meeting.Held || got.Absent != nil {
		t.Fatalf("late check-in: %d, %s absent %v", resp.StatusCode, got.Status, got.Absent)
	}
	if plan := readAll(t, f.do(organizer, "GET", planAt, "", "")); strings.Contains(plan, `id="absentees"`) {
		t.Error("the console still lists an absentee after the check-in")
	}
	resp = post()
	if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); resp.StatusCode != http.StatusSeeOther || !got.BothAbsent() {
		t.Fatalf("a form without absent: %d, absent %v", resp.StatusCode, got.Absent)
	}
	// Once the slot is over, the organizer's record stands for the sides:
	// no check-in offered, one posted refused; the organizer corrects it.
	after := time.Date(2027, 3, 10, 2, 31, 0, 0, time.UTC) // 09:31, the 09:00 slot over
	clock.Store(&after)
	if page := readAll(t, f.do(xadmin, "GET", ev+"/meetings", "", "")); strings.Contains(page, "/meetings/"+itoa(m.ID)+"/checkin") {
		t.Error("a side is offered to check in a no-show whose time is over")
	}
	resp = f.do(xadmin, "POST", ev+"/meetings/"+itoa(m.ID)+"/checkin", form, "")
	if page := readAll(t, resp); resp.StatusCode != http.StatusConflict || !strings.Contains(page, "hãy đề nghị ban tổ chức sửa lại") {
		t.Errorf("a side's check-in after the slot: %d", resp.StatusCode)
	}
	if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); got.Status != meeting.NoShow {
		t.Fatalf("the refused check-in changed the meeting: %s", got.Status)
	}
	resp = f.do(organizer, "POST", ev+"/meetings/"+itoa(m.ID)+"/checkin", form, "")
	if got, _ := f.db.Meeting(ctx, f.eventID, m.ID); resp.StatusCode != http.StatusSeeOther || got.Status != meeting.Held {
		t.Errorf("the organizer's correction: %d, %s", resp.StatusCode, got.Status)
	}
}
