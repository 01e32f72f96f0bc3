package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
)

// TestConsoleIndexStands: an exhibitor's console lists its stands with the
// way to its portal and leads, and its organization with the way to its
// outcomes and partners; an organizer of one event goes straight to
// it; a visitor is told there is nothing to run.
func TestConsoleIndexStands(t *testing.T) {
	f := mustFixture(t, "sqlite")
	resp := f.do(xstaff, "GET", "/console", "", "")
	page := readAll(t, resp)
	portal := "/portal/events/" + itoa(f.eventID) + "/exhibitors/" + itoa(f.x1.ID)
	if resp.StatusCode != 200 || !strings.Contains(page, `href="`+portal+`"`) || !strings.Contains(page, `href="`+portal+`/leads"`) ||
		!strings.Contains(page, "A-101") || strings.Contains(page, "/exhibitors/"+itoa(f.x2.ID)) {
		t.Errorf("exhibitor staff's console: %d, lacks its stand (or shows another's)", resp.StatusCode)
	}
	// A member is offered another organization, not "your" first one.
	if !strings.Contains(page, `id="console-new-org">Tạo thêm một tổ chức`) {
		t.Error("a member of an organization is asked to create their organization")
	}
	// Its organization, with the way to its outcomes and partners.
	if !strings.Contains(page, `href="/outcomes/orgs/`+itoa(f.orgA)+`"`) || !strings.Contains(page, `href="/match/orgs/`+itoa(f.orgA)+`/recommendations"`) ||
		strings.Contains(page, `/outcomes/orgs/`+itoa(f.x2.OrgID)+`"`) {
		t.Error("exhibitor staff's console lacks its organization's outcomes and partners (or shows another's)")
	}
	if resp := f.do(organizer, "GET", "/console", "", ""); resp.StatusCode != http.StatusSeeOther ||
		resp.Header.Get("Location") != "/console/events/"+itoa(f.eventID) {
		t.Errorf("organizer of one event: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	// The visitor has no stand and runs nothing, but is registered: the
	// console lists the registration with the badge to fetch again, which
	// is theirs alone.
	badgeURL := "/me/registrations/" + itoa(f.ids["registration"]) + "/badge.pdf"
	resp = f.do(visitor, "GET", "/console", "", "")
	if page := readAll(t, resp); resp.StatusCode != 200 || strings.Contains(page, `id="stands"`) || strings.Contains(page, `id="organized"`) ||
		!strings.Contains(page, `href="`+badgeURL+`"`) {
		t.Errorf("visitor's console: %d, without the registration's badge (or with stands or events to run)", resp.StatusCode)
	}
	// Their page also leads to their personal data: a download, and a
	// deletion that must be ticked.
	if page := readAll(t, f.do(visitor, "GET", "/console", "", "")); !strings.Contains(page, `href="/me/data"`) || !strings.Contains(page, `action="/me/data/delete"`) ||
		!strings.Contains(page, `name="confirm" value="yes" required`) {
		t.Error("the visitor's page does not lead to their personal data")
	}
	resp = f.do(visitor, "GET", badgeURL, "", "")
	if body := readAll(t, resp); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF") {
		t.Errorf("the visitor's own badge: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp := f.do(admin, "GET", badgeURL, "", ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("someone else's badge from /me: %d, want 403", resp.StatusCode)
	}
	// Cancelled, it is listed as such, without a badge.
	reg, err := f.db.Registrant(t.Context(), f.eventID, f.ids["registration"])
	must(t, err)
	must(t, f.db.CancelRegistration(t.Context(), f.eventID, reg.ID))
	resp = f.do(visitor, "GET", "/console", "", "")
	if page := readAll(t, resp); strings.Contains(page, `href="`+badgeURL+`"`) || !strings.Contains(page, "đã hủy") {
		t.Errorf("a cancelled registration still offers its badge")
	}
	if resp := f.do(visitor, "GET", badgeURL, "", ""); resp.StatusCode != http.StatusConflict {
		t.Errorf("badge of a cancelled registration: %d, want 409", resp.StatusCode)
	}
}

// TestPortalLinksForMembers: the portal shows the leads and meetings only
// to the exhibitor's own people; an organizer editing the profile is not
// shown links that would refuse them.
func TestPortalLinksForMembers(t *testing.T) {
	f := mustFixture(t, "sqlite")
	portal := "/portal/events/" + itoa(f.eventID) + "/exhibitors/" + itoa(f.x1.ID)
	for role, want := range map[string]bool{xstaff: true, xadmin: true, organizer: false} {
		resp := f.do(role, "GET", portal, "", "")
		page := readAll(t, resp)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: portal %d", role, resp.StatusCode)
		}
		if got := strings.Contains(page, `href="`+portal+`/leads"`); got != want {
			t.Errorf("%s sees the leads link: %v, want %v", role, got, want)
		}
	}
}

// TestExhibitorPageMeetingLink: an exhibitor's public page offers a meeting
// to everyone but its own people; a reader who is not signed in is asked
// to sign in first and brought back.
func TestExhibitorPageMeetingLink(t *testing.T) {
	f := mustFixture(t, "sqlite")
	page := "/events/" + itoa(f.eventID) + "/exhibitors/" + itoa(f.x1.ID)
	for role, want := range map[string]string{
		anon:   `href="/login?next=` + page + `" id="signin-to-meet"`,
		otherX: `id="request-meeting"`,
		xstaff: `href="/portal` + page + `"`,
	} {
		resp := f.do(role, "GET", page, "", "")
		body := readAll(t, resp)
		if resp.StatusCode != 200 || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want %s", role, resp.StatusCode, want)
		}
		if role == xstaff && strings.Contains(body, `id="request-meeting"`) {
			t.Errorf("the exhibitor's own staff is offered a meeting with it")
		}
	}
}

// TestDashboardMeetings: the event's overview counts its B2B meetings by
// status, linking to the meetings console.
func TestDashboardMeetings(t *testing.T) {
	f := mustFixture(t, "sqlite")
	resp := f.do(organizer, "GET", "/console/events/"+itoa(f.eventID), "", "")
	page := readAll(t, resp)
	i := strings.Index(page, `id="dash-meetings"`)
	if resp.StatusCode != 200 || i < 0 {
		t.Fatalf("dashboard: %d, no meetings chart", resp.StatusCode)
	}
	// The fixture has one request waiting for an answer.
	if chart := page[i:]; !strings.Contains(chart, "Chờ trả lời</span>") || !strings.Contains(chart, "<b>1</b>") {
		t.Errorf("the meetings chart does not count the waiting request")
	}
}

// TestHomeListsPastEventsLast: the home page lists what is under way or
// to come first, soonest first, and the events that are over after them,
// the latest first; an event is over once its last day has passed in its
// venue's zone.
func TestHomeListsPastEventsLast(t *testing.T) {
	// 10 March 2027, 23:30 in Binh Duong (16:30 UTC): the fixture's fair
	// (10–12 March) is under way.
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return time.Date(2027, 3, 10, 16, 30, 0, 0, time.UTC) }))
	ctx := t.Context()
	ev, err := f.db.Event(ctx, f.eventID)
	must(t, err)
	for _, e := range []event.Event{
		{Slug: "matchmaking-2026", Kind: event.Matchmaking, Name: i18n.Text{VI: "Ngày kết nối 2026"}, StartDate: "2026-04-16", EndDate: "2026-04-16"},
		{Slug: "forum-2026", Kind: event.Forum, Name: i18n.Text{VI: "Diễn đàn 2026"}, StartDate: "2026-09-01", EndDate: "2026-09-02"},
		{Slug: "expo-2028", Kind: event.TradeFair, Name: i18n.Text{VI: "Triển lãm 2028"}, StartDate: "2028-03-08", EndDate: "2028-03-10"},
		{Slug: "day-before", Kind: event.Forum, Name: i18n.Text{VI: "Hội thảo hôm qua"}, StartDate: "2027-03-09", EndDate: "2027-03-09"},
	} {
		e.VenueID = ev.VenueID
		must(t, f.db.CreateEvent(ctx, &e))
	}
	page := readAll(t, f.do(anon, "GET", "/", "", ""))
	upcoming, past, ok := strings.Cut(page, `id="past-events"`)
	if !ok {
		t.Fatal("the home page has no past events")
	}
	order := func(s string, names ...string) {
		t.Helper()
		last := -1
		for _, n := range names {
			i := strings.Index(s, n)
			if i < 0 || i < last {
				t.Fatalf("%q is not in its place (after %d): %s", n, last, s)
			}
			last = i
		}
	}
	order(upcoming, "Triển lãm Nhà máy Thông minh", "Triển lãm 2028")
	order(past, "Hội thảo hôm qua", "Diễn đàn 2026", "Ngày kết nối 2026")
	if strings.Contains(upcoming, "2026") || strings.Contains(past, "Triển lãm") {
		t.Error("an event is listed on the wrong side")
	}
	// A one-day event shows its date once, a longer one its first and last.
	if !strings.Contains(past, "16/04/2026 ·") || strings.Contains(past, "16/04/2026 – 16/04/2026") || !strings.Contains(upcoming, "10/03/2027 – 12/03/2027") {
		t.Error("the events' dates are not written as one date or a range")
	}
}

// TestRegistrationClosesWhenOver: once an event's last day has passed in
// its venue's zone, its page offers no registration, the form says it is
// closed, and a registration sent anyway (form or API) is refused with
// nothing written; so are meeting requests and applications to exhibit.
func TestRegistrationClosesWhenOver(t *testing.T) {
	// 13 March 2027, 00:30 in Binh Duong: the fair ended on the 12th.
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return time.Date(2027, 3, 12, 17, 30, 0, 0, time.UTC) }))
	ctx := t.Context()
	ev := "/events/" + itoa(f.eventID)
	count := func() int {
		var st event.Stats
		must(t, f.db.AttendanceStats(ctx, f.eventID, &st))
		return st.Registrations
	}
	before := count()
	page := readAll(t, f.do(anon, "GET", ev, "", ""))
	if !strings.Contains(page, `id="event-over"`) || strings.Contains(page, `href="`+ev+`/register"`) {
		t.Error("the page of an event that is over offers registration")
	}
	if page := readAll(t, f.do(anon, "GET", ev+"/register", "", "")); !strings.Contains(page, `id="event-over"`) || strings.Contains(page, `id="register-form"`) {
		t.Error("the registration form of an event that is over is open")
	}
	resp := f.do(anon, "POST", ev+"/register", "application/x-www-form-urlencoded", "name=Late&email=late@example.vn&category=visitor&consent=yes")
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("a late registration by form: %d, want 409", resp.StatusCode)
	}
	problem(t, f, anon, "POST", "/api/v1"+ev+"/registrations", `{"name":"Late","email":"late2@example.vn","consent":true}`, 409)
	if after := count(); after != before {
		t.Fatalf("%d registrations after, %d before", after, before)
	}
	// Nor meeting requests, here to the visitor's new company.
	c := &org.Organization{Kind: org.Startup, Name: i18n.Text{VI: "Công ty Khởi nghiệp Muộn"}, Country: "VN"}
	must(t, f.db.CreateOrganization(ctx, c))
	must(t, f.db.AddMembership(ctx, account.Membership{PersonID: f.people[visitor].ID, OrgID: c.ID, Role: account.MemberAdmin}))
	if page := readAll(t, f.do(otherX, "GET", ev+"/meetings/new?to="+itoa(f.orgA), "", "")); strings.Contains(page, `id="meeting-form"`) {
		t.Error("the meeting request form of an event that is over is open")
	}
	n := f.meetingCount()
	// (xstaff's A has no request open to the visitor's company: only the
	// end of the event stands in the way.)
	resp = f.do(xstaff, "POST", ev+"/meetings", "application/x-www-form-urlencoded", "to="+itoa(c.ID)+"&message=late&place=table")
	if page := readAll(t, resp); resp.StatusCode != http.StatusConflict || !strings.Contains(page, "không còn nhận yêu cầu gặp") {
		t.Errorf("a late meeting request: %d, want 409 saying the event is over", resp.StatusCode)
	}
	if p := problem(t, f, xstaff, "POST", "/api/v1"+ev+"/meetings", `{"to_org":`+itoa(c.ID)+`}`, 409); !strings.Contains(p.Detail, "over") {
		t.Errorf("a late meeting request through the API: %+v", p)
	}
	if f.meetingCount() != n {
		t.Error("a late meeting request was stored")
	}
	// Nor does it take applications to exhibit.
	apply := "/orgs/" + itoa(c.ID) + "/events/" + itoa(f.eventID) + "/apply"
	if page := readAll(t, f.do(visitor, "GET", apply, "", "")); !strings.Contains(page, `id="apply-over"`) || strings.Contains(page, `name="op" value="submit"`) {
		t.Error("the application form of an event that is over is open")
	}
	resp = f.do(visitor, "POST", apply, "application/x-www-form-urlencoded", "op=submit&booth_type=shell&area=9&sector=robotics&email=late@example.vn")
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("a late application: %d, want 409", resp.StatusCode)
	}
	if _, err := f.db.ApplicationOfOrg(ctx, f.eventID, c.ID); err == nil {
		t.Error("a late application was stored")
	}
}
