package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/emersion/go-ical"

	"ketnoi/internal/account"
	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/web/webtest"
)

// TestBrowserMeetingFromRecommendation walks the matchmaking flow in a real
// browser: a visitor opens a recommendation and requests a meeting, the
// exhibitor accepts it, the organizer runs the scheduler, and both sides
// find the meeting in their schedule and download it as .ics.
func TestBrowserMeetingFromRecommendation(t *testing.T) {
	webtest.RequireChromium(t)
	f := mustFixture(t, "sqlite")
	ctx0 := context.Background()
	// The visitor works for a Binh Duong manufacturer that needs what
	// exhibitor X1 (organization A) offers: AGVs for warehouses.
	v := &org.Organization{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty Dệt may Thuận An", EN: "Thuan An Textiles"}, Country: "VN", Sectors: []string{"textiles"}}
	must(t, f.db.CreateOrganization(ctx0, v))
	must(t, f.db.AddMembership(ctx0, account.Membership{PersonID: f.people[visitor].ID, OrgID: v.ID, Role: account.MemberAdmin}))
	must(t, f.db.CreateCard(ctx0, &market.Card{OrgID: v.ID, Kind: market.Need, Status: market.Published, Sectors: []string{"warehouse_automation", "agv_amr"},
		Title: i18n.Text{VI: "Cần xe tự hành AGV cho kho hàng", EN: "We need AGVs for our warehouse"}}))
	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	ev := "/events/" + itoa(f.eventID)
	exhibitorName := "Công ty " + xadmin
	visitorName := v.Name.VI

	signIn := func(t *testing.T, ctx context.Context, role string) {
		t.Helper()
		browserSignIn(t, ctx, f.srv.URL, role)
	}
	// downloadICS fetches the schedule's .ics with the browser's session and
	// parses it with go-ical.
	downloadICS := func(t *testing.T, ctx context.Context) []ical.Event {
		t.Helper()
		text := mustRun(t, ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(r => r.ok ? r.text() : "HTTP " + r.status)`, ev+"/schedule.ics"),
			func(p *runtime.EvaluateParams) { await := true; p.AwaitPromise = &await }))
		cal, err := ical.NewDecoder(strings.NewReader(text)).Decode()
		if err != nil {
			t.Fatalf("the downloaded .ics does not parse (%v):\n%s", err, clip(text, 500))
		}
		return cal.Events()
	}
	var meetingID int64

	step(t, ctx, "visitor opens a recommendation and requests a meeting", func(t *testing.T, ctx context.Context) {
		signIn(t, ctx, visitor)
		mustNavigate(t, ctx, f.srv.URL+"/match/orgs/"+itoa(v.ID)+"/recommendations?event="+itoa(f.eventID))
		mustBodyContain(t, ctx, exhibitorName)
		mustBodyContain(t, ctx, "Xe tự hành AGV cho kho hàng") // the reason names their offer
		if first := mustTextOf(t, ctx, ".reasons li"); !strings.HasPrefix(first, "Giải pháp") {
			t.Errorf("a reason reads %q: want it to begin as a sentence", first)
		}
		mustClickNavigate(t, ctx, fmt.Sprintf(`a.request-meeting[data-partner="%d"]`, f.orgA))
		mustBodyContain(t, ctx, exhibitorName)
		mustText(t, ctx, "#meeting-about", "Xe tự hành AGV cho kho hàng") // the request is about the offer the reason names
		mustDo(t, ctx, chromedp.SendKeys(chromedp.CSS("#meeting-message"), "Chúng tôi muốn xem AGV của quý công ty."))
		mustClickNavigate(t, ctx, "#send-request")
		mustSee(t, ctx, "#meeting-notice")
		vs, err := f.db.MeetingsOfOrgs(ctx0, f.eventID, []int64{v.ID})
		if err != nil || len(vs) != 1 || vs[0].Status != meeting.Requested || vs[0].Origin != meeting.FromRecommendation || vs[0].CardID != f.ids["card"] {
			t.Fatalf("the request in the database: %+v, %v", vs, err)
		}
		meetingID = vs[0].ID
	})

	step(t, ctx, "exhibitor accepts", func(t *testing.T, ctx context.Context) {
		signIn(t, ctx, xadmin)
		mustNavigate(t, ctx, f.srv.URL+ev+"/meetings")
		mustBodyContain(t, ctx, visitorName)
		mustBodyContain(t, ctx, "Chúng tôi muốn xem AGV")
		mustClickNavigate(t, ctx, fmt.Sprintf("#meeting-%d button.accept", meetingID))
		mustSee(t, ctx, "#meeting-notice")
		if m, _ := f.db.Meeting(ctx0, f.eventID, meetingID); m.Status != meeting.Accepted {
			t.Fatalf("meeting is %s after accepting", m.Status)
		}
	})

	step(t, ctx, "organizer runs the scheduler", func(t *testing.T, ctx context.Context) {
		signIn(t, ctx, organizer)
		mustNavigate(t, ctx, f.srv.URL+"/console"+ev+"/meetings")
		// The run mails many people: the form asks first (answered yes).
		asked := acceptDialogs(ctx)
		// Once sent, the run's form says the work is under way and takes
		// no second click: tried on a copy that posts into a frame.
		busy := mustRun(t, ctx, chromedp.Evaluate[string](`new Promise(done => {
			const sink = document.createElement("iframe"); sink.name = "sink"; document.body.append(sink);
			const form = document.querySelector("form[data-busy]").cloneNode(true);
			form.target = "sink"; form.method = "get"; form.action = "/healthz"; document.body.append(form);
			form.requestSubmit();
			setTimeout(() => { const b = form.querySelector("button"); done(b.disabled + " " + form.getAttribute("aria-busy") + " " + b.textContent); form.remove(); sink.remove(); }, 100);
		})`, func(p *runtime.EvaluateParams) { await := true; p.AwaitPromise = &await }))
		if busy != "true true Đang xếp lịch… (tối đa 20 giây)" {
			t.Errorf("the sent run form shows %q", busy)
		}
		mustClickNavigate(t, ctx, "#run-scheduler")
		if !mustExist(t, ctx, "#run-result") {
			t.Fatal("no run result")
		}
		// Reloading the run's answer shows the run again, without a second
		// run (the browser would have asked to send the form again).
		ran, err := f.db.MatchSettings(ctx0, f.eventID)
		must(t, err)
		if ran.LastRun == nil {
			t.Fatal("the run's time was not kept")
		}
		if loc := mustRun(t, ctx, chromedp.Location()); !strings.Contains(loc, "?run=") {
			t.Errorf("the run's answer is at %s, not at an address that shows the run", loc)
		}
		mustDo(t, ctx, chromedp.Reload())
		if !mustExist(t, ctx, "#run-result") {
			t.Fatal("the reloaded page lost the run's result")
		}
		if again, err := f.db.MatchSettings(ctx0, f.eventID); err != nil || !again.LastRun.Equal(*ran.LastRun) {
			t.Errorf("reloading ran the scheduler again: last run %v, then %v (%v)", ran.LastRun, again.LastRun, err)
		}
		if !asked.asked("Chạy xếp lịch ngay? Cả hai bên của mỗi cuộc gặp được xếp hoặc dời sẽ được báo qua thư ngay lập tức.") {
			t.Error("the run was sent without asking the organizer first")
		}
		m, _ := f.db.Meeting(ctx0, f.eventID, meetingID)
		if m.Status != meeting.Scheduled || m.Location != "booth-A-101" {
			t.Fatalf("after the run the meeting is %s at %q", m.Status, m.Location)
		}
		// Its times and tables stay in view as it scrolls (on a phone at
		// the tables), and a legend names its colours.
		sticky := mustRun(t, ctx, chromedp.Evaluate[string](`["#table-plan thead th", "#table-plan tbody th"].map(s => getComputedStyle(document.querySelector(s)).position).join(" ")`))
		if sticky != "sticky sticky" || !strings.Contains(mustTextOf(t, ctx, "#plan-legend"), "Vắng mặt") {
			t.Errorf("the table plan's headers are %q, or it has no legend", sticky)
		}
		// The plan's cells are narrow: names go without their legal form.
		plan := mustTextOf(t, ctx, "#table-plan")
		if !strings.Contains(plan, org.ShortName(visitorName)) || strings.Contains(plan, visitorName) {
			t.Errorf("the table plan does not show the meeting: %s", clip(plan, 800))
		}
		// The list link downloads a workbook (a zip: "PK") with the
		// organizer's session.
		got := mustRun(t, ctx, chromedp.Evaluate[string](`fetch(document.querySelector("#meetings-xlsx").href).then(async r =>
			r.status + " " + r.headers.get("content-type") + " " + new Uint8Array(await r.arrayBuffer()).slice(0, 2).join(","))`,
			func(p *runtime.EvaluateParams) { await := true; p.AwaitPromise = &await }))
		if want := "200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 80,75"; got != want {
			t.Errorf("the meetings list download: %q, want %q", got, want)
		}
	})

	for _, side := range []struct{ role, other string }{{visitor, exhibitorName}, {xadmin, visitorName}} {
		step(t, ctx, side.role+" sees the meeting and downloads the .ics", func(t *testing.T, ctx context.Context) {
			signIn(t, ctx, side.role)
			mustNavigate(t, ctx, f.srv.URL+ev+"/schedule")
			got := mustTextOf(t, ctx, "#schedule")
			if !strings.Contains(got, side.other) || !strings.Contains(got, "Gian hàng A-101") {
				t.Fatalf("the schedule shows %q", got)
			}
			evs := downloadICS(t, ctx)
			if len(evs) != 1 {
				t.Fatalf(".ics has %d events", len(evs))
			}
			sum, _ := evs[0].Props.Text(ical.PropSummary)
			loc, _ := evs[0].Props.Text(ical.PropLocation)
			if sum != side.other || loc != "Gian hàng A-101" {
				t.Errorf(".ics event %q at %q", sum, loc)
			}
		})
	}

	step(t, ctx, "the schedule fits a phone", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
		mustNavigate(t, ctx, f.srv.URL+ev+"/schedule")
		mustNoOverflow(t, ctx, 390)
		mustNavigate(t, ctx, f.srv.URL+ev+"/meetings")
		mustNoOverflow(t, ctx, 390)
	})

	step(t, ctx, "the exhibitor sets its availability on a phone", func(t *testing.T, ctx context.Context) {
		box := fmt.Sprintf("#availability-%d", f.orgA)
		slot := func(id string) string { return fmt.Sprintf(`%s label:has(input[value=%q])`, box, id) }
		mustDo(t, ctx,
			chromedp.Click(chromedp.CSS(box+" summary"), chromedp.NodeVisible),
			chromedp.Click(chromedp.CSS(slot("d1-0830")), chromedp.NodeVisible),
			chromedp.Click(chromedp.CSS(slot("d2-1330")), chromedp.NodeVisible),
		)
		mustNoOverflow(t, ctx, 390)
		// Slots are tap targets at least 44 px high, several to a row.
		dims := mustRun(t, ctx, chromedp.Evaluate[[]int](fmt.Sprintf(
			`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [Math.round(r.height), Math.round(r.width)]; })()`, slot("d1-0900"))))
		if dims[0] < 44 || dims[1] > 195 {
			t.Errorf("a slot is %d px high and %d px wide on a 390 px phone", dims[0], dims[1])
		}
		mustClickNavigate(t, ctx, box+" button.save-availability")
		mustSee(t, ctx, "#meeting-notice")
		un, err := f.db.Unavailable(ctx0, f.eventID)
		if err != nil || strings.Join(un[f.orgA], ",") != "d1-0830,d2-1330" {
			t.Fatalf("availability saved from the phone: %v %v", un[f.orgA], err)
		}
	})
	step(t, ctx, "the organizer moves the meeting on a phone", func(t *testing.T, ctx context.Context) {
		signIn(t, ctx, organizer)
		m, _ := f.db.Meeting(ctx0, f.eventID, meetingID)
		s, ok := meeting.FindSlot(meeting.Slots([]string{"2027-03-10", "2027-03-11", "2027-03-12"}, time.UTC), m.Slot)
		if !ok {
			t.Fatalf("the meeting's slot %q is not an event slot", m.Slot)
		}
		// The form moves within the day shown; the free-times page (next
		// step) reaches the other days.
		target := m.Slot[:3] + "1600"
		if target == m.Slot {
			target = m.Slot[:3] + "1630"
		}
		mustNavigate(t, ctx, fmt.Sprintf("%s/console%s/meetings?day=%s&slot=%s", f.srv.URL, ev, s.Day, m.Slot))
		mustNoOverflow(t, ctx, 390)
		if n := mustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#running details.move select[name="slot"] option').length`)); n != 16 {
			t.Errorf("the move form offers %d times, want the day's 16", n)
		}
		mustDo(t, ctx,
			chromedp.Click(chromedp.CSS("#running details.move summary"), chromedp.NodeVisible),
			chromedp.SetValue(chromedp.CSS(`#running details.move select[name="slot"]`), target),
		)
		mustNoOverflow(t, ctx, 390)
		mustClickNavigate(t, ctx, "#running details.move button")
		if !mustExist(t, ctx, "#notice") {
			t.Fatal("no notice after the move")
		}
		moved, _ := f.db.Meeting(ctx0, f.eventID, meetingID)
		if moved.Slot != target || moved.Location != m.Location || moved.Status != meeting.Scheduled {
			t.Fatalf("after the move the meeting is %s in %s at %q", moved.Status, moved.Slot, moved.Location)
		}
		if running := mustTextOf(t, ctx, "#running"); !strings.Contains(running, visitorName) {
			t.Errorf("the new slot's list lacks the meeting: %s", clip(running, 400))
		}
	})
	step(t, ctx, "the organizer picks a time when both are free", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx, chromedp.Click(chromedp.CSS("#running details.move summary"), chromedp.NodeVisible))
		mustClickNavigate(t, ctx, "#running a.find-time")
		mustNoOverflow(t, ctx, 390)
		// d1-0830 is A's away slot (set above): not offered.
		taken := mustTextOf(t, ctx, "#place-2027-03-10")
		if !strings.Contains(taken, "08:30") || !strings.Contains(taken, "không rảnh") {
			t.Errorf("A's away slot is not shown as taken: %s", clip(taken, 300))
		}
		first := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector(".place-time.free button").dataset.slot`))
		mustClickNavigate(t, ctx, ".place-time.free button")
		if !mustExist(t, ctx, "#notice") {
			t.Fatal("no notice after placing")
		}
		if m, _ := f.db.Meeting(ctx0, f.eventID, meetingID); m.Slot != first || m.Status != meeting.Scheduled {
			t.Fatalf("after picking %s the meeting is %s in %s", first, m.Status, m.Slot)
		}
	})
	for _, e := range jsErrors.all() {
		t.Errorf("JavaScript error: %s", e)
	}
}

// TestBrowserNoShowOneSide: at the tables, on a phone, the organizer
// records in one tap that one side of a meeting under way did not come;
// the plan says who, and the side that came reads on its schedule and
// meetings page that its partner did not come, not that it missed the
// meeting itself.
func TestBrowserNoShowOneSide(t *testing.T) {
	webtest.RequireChromium(t)
	clock := eveClock()
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return *clock.Load() }))
	m := scheduledAt09(t, clock, f)
	ctx0 := context.Background()
	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	ev := "/events/" + itoa(f.eventID)
	absentName := "Công ty " + xadmin // organization A, asked; B asked and came

	step(t, ctx, "the organizer records on a phone that A did not come", func(t *testing.T, ctx context.Context) {
		browserSignIn(t, ctx, f.srv.URL, organizer)
		mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
		mustNavigate(t, ctx, f.srv.URL+"/console"+ev+"/meetings?day=2027-03-10&slot=d1-0900")
		mustNoOverflow(t, ctx, 390)
		// The plan opens at the slot chosen, right of the tables' column.
		if gap := mustRun(t, ctx, chromedp.Evaluate[float64](`document.querySelector(".plan-wrap thead th.now").getBoundingClientRect().left - document.querySelector(".plan-wrap thead th").getBoundingClientRect().right`)); gap < -2 || gap > 2 {
			t.Errorf("the 09:00 column starts %.0f px from the tables' column, want it next to it", gap)
		}
		choices := mustTextOf(t, ctx, "#running form.noshow")
		for _, want := range []string{"exhibitor-admin vắng", "other-exhibitor vắng", "Cả hai vắng"} {
			if !strings.Contains(choices, want) {
				t.Errorf("the no-show choices lack %q: %s", want, choices)
			}
		}
		// One tap each, and a finger's height.
		if h := mustRun(t, ctx, chromedp.Evaluate[int](`Math.round(document.querySelector("#running button.absent-to").getBoundingClientRect().height)`)); h < 44 {
			t.Errorf("a no-show choice is %d px high", h)
		}
		mustClickNavigate(t, ctx, "#running button.absent-to")
		if notice := mustTextOf(t, ctx, "#notice"); !strings.Contains(notice, "một bên vắng mặt") {
			t.Errorf("the notice after the no-show: %q", notice)
		}
		if got, _ := f.db.Meeting(ctx0, f.eventID, m.ID); got.Status != meeting.NoShow || len(got.Absent) != 1 || got.Absent[0] != f.orgA {
			t.Fatalf("stored: %s absent %v", got.Status, got.Absent)
		}
		if running := mustTextOf(t, ctx, "#running"); !strings.Contains(running, absentName+" không đến.") {
			t.Errorf("the running list does not say who did not come: %s", clip(running, 400))
		}
		if struck := mustTextOf(t, ctx, "#table-plan .absent"); struck != org.ShortName(absentName) {
			t.Errorf("the plan strikes %q", struck)
		}
		if list := mustTextOf(t, ctx, "#absentees"); !strings.Contains(list, absentName) || strings.Contains(list, "other-exhibitor") {
			t.Errorf("the absentees: %s", list)
		}
		mustNoOverflow(t, ctx, 390)
	})

	step(t, ctx, "the side that came reads that its partner did not", func(t *testing.T, ctx context.Context) {
		browserSignIn(t, ctx, f.srv.URL, otherX)
		mustNavigate(t, ctx, f.srv.URL+ev+"/schedule")
		// The tags are set in capitals by the style sheet: read as lower case.
		got := strings.ToLower(mustTextOf(t, ctx, fmt.Sprintf(`#schedule li[data-meeting="%d"]`, m.ID)))
		if !strings.Contains(got, strings.ToLower(absentName)) || !strings.Contains(got, "đối tác không đến") || strings.Contains(got, "bên bạn vắng mặt") {
			t.Errorf("B's schedule reads %q", got)
		}
		mustNavigate(t, ctx, f.srv.URL+ev+"/meetings")
		if got := strings.ToLower(mustTextOf(t, ctx, fmt.Sprintf("#meeting-%d .tag", m.ID))); got != "đối tác không đến" {
			t.Errorf("B's meetings page reads %q", got)
		}
	})

	step(t, ctx, "the absent side reads that it was absent", func(t *testing.T, ctx context.Context) {
		browserSignIn(t, ctx, f.srv.URL, xadmin)
		mustNavigate(t, ctx, f.srv.URL+ev+"/schedule")
		if got := strings.ToLower(mustTextOf(t, ctx, fmt.Sprintf(`#schedule li[data-meeting="%d"] .tag`, m.ID))); got != "bên bạn vắng mặt" {
			t.Errorf("A's schedule reads %q", got)
		}
	})
	for _, e := range jsErrors.all() {
		t.Errorf("JavaScript error: %s", e)
	}
}
