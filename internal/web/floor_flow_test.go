package web_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail/mailtest"
	"ketnoi/internal/org"
	"ketnoi/internal/web"
)

// withMail restarts the fixture's server with a real SMTP sender to the
// local test server (and, given, the site's public address).
func withMail(t *testing.T, f *fixture, publicURL ...string) *mailtest.Inbox {
	smtp, inbox := mailtest.MustServer(t)
	cfg := web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), LoginLimit: 1000, MaxBody: 1 << 20, Mail: smtp}
	if len(publicURL) > 0 {
		cfg.PublicURL = publicURL[0]
	}
	srv, err := web.New(f.db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.web, f.srv = srv, httptest.NewServer(srv.Handler())
	t.Cleanup(f.srv.Close)
	return inbox
}

// TestApplicationFlow: an organization applies, the organizer asks for
// changes, the applicant resubmits, the organizer approves; every step is
// kept with who and when, and mailed to the applicant in Korean, the
// language it applied in.
func TestApplicationFlow(t *testing.T) {
	f := mustFixture(t, "sqlite")
	inbox := withMail(t, f)
	ctx := t.Context()
	kim := account.Person{Email: "kim@daesung.kr", Name: "Kim Min-jun", Lang: i18n.KO, PasswordHash: f.people[visitor].PasswordHash}
	must(t, f.db.CreatePerson(ctx, &kim))
	o := &org.Organization{Kind: org.Enterprise, Name: i18n.Text{EN: "Daesung Robotics", KO: "대성로보틱스"}, Country: "KR", Sectors: []string{"robotics"}}
	must(t, f.db.CreateOrganization(ctx, o))
	must(t, f.db.AddMembership(ctx, account.Membership{PersonID: kim.ID, OrgID: o.ID, Role: account.MemberAdmin}))
	f.people["kim"] = kim
	apply := fmt.Sprintf("/orgs/%d/events/%d/apply", o.ID, f.eventID)

	// A bad form comes back with field messages and nothing stored.
	body := wantStatus(t, f.form("kim", apply, url.Values{"op": {"submit"}, "booth_type": {"tent"}, "area": {"abc"}, "sector": {"robotics"}, "email": {"x"}}), http.StatusUnprocessableEntity)
	if !strings.Contains(body, "field-error") {
		t.Fatal("no field errors shown")
	}
	if !strings.Contains(body, `name="area" value="abc"`) || strings.Contains(body, "square metres") {
		t.Error("the refused form lost the area typed, or says its reason in English")
	}
	// A preferred booth that is not on the floor is refused, named.
	body = wantStatus(t, f.form("kim", apply, url.Values{"op": {"submit"}, "booth_type": {"shell"}, "area": {"18"}, "sector": {"robotics"},
		"pref1": {"ZZZ999"}, "email": {"sales@daesung.kr"}}), http.StatusUnprocessableEntity)
	if !strings.Contains(body, "존재하지 않는 부스가 있습니다: ZZZ999") && !strings.Contains(body, "có gian hàng không tồn tại: ZZZ999") {
		t.Error("a preferred booth that does not exist is not refused by name")
	}
	wantStatus(t, f.form("kim", apply, url.Values{"op": {"submit"}, "booth_type": {"shell"}, "area": {"18"}, "sector": {"robotics"},
		"pref1": {"a-101"}, "pavilion": {"Korea"}, "competitors": {"Company other-exhibitor\nHanbit Co., Ltd."}, "email": {"sales@daesung.kr"}}), http.StatusSeeOther)
	m := inbox.Wait(t, "sales@daesung.kr", "참가 신청 접수")
	if !strings.Contains(m.Text, "대성로보틱스") {
		t.Errorf("receipt mail: %q", m.Text)
	}
	a, err := f.db.ApplicationOfOrg(ctx, f.eventID, o.ID)
	must(t, err)
	if a.Preferred[0] != "A-101" || a.Pavilion != "Korea" || len(a.Competitors) != 2 || a.Competitors[1] != "Hanbit Co., Ltd." {
		t.Fatalf("stored application: %+v", a)
	}
	app := fmt.Sprintf("/console/events/%d/applications/%d", f.eventID, a.ID)
	// Changes asked for without saying which are refused: the note is all
	// the applicant reads.
	if body := wantStatus(t, f.form(organizer, app, url.Values{"action": {"request_changes"}, "note": {" "}}), http.StatusBadRequest); !strings.Contains(body, "Hãy ghi rõ cần sửa gì") {
		t.Error("changes asked for without a note are not refused in Vietnamese")
	}
	if got, _ := f.db.ApplicationOfOrg(ctx, f.eventID, o.ID); got.Status != a.Status {
		t.Fatalf("a refused request for changes moved the application to %s", got.Status)
	}
	wantStatus(t, f.form(organizer, app, url.Values{"action": {"request_changes"}, "note": {"Please ask for 27 m²."}}), http.StatusSeeOther)
	m = inbox.Wait(t, "sales@daesung.kr", "보완 요청")
	if !strings.Contains(m.Text, "Please ask for 27 m².") {
		t.Errorf("changes mail lacks the note: %q", m.Text)
	}
	// The applicant cannot approve itself: the organizer's route refuses.
	wantStatus(t, f.form("kim", app, url.Values{"action": {"approve"}}), http.StatusForbidden)
	wantStatus(t, f.form("kim", apply, url.Values{"op": {"resubmit"}, "booth_type": {"shell"}, "area": {"27"}, "sector": {"robotics"}, "email": {"sales@daesung.kr"}}), http.StatusSeeOther)
	wantStatus(t, f.form(organizer, app, url.Values{"action": {"approve"}}), http.StatusSeeOther)
	inbox.Wait(t, "sales@daesung.kr", "참가 신청 승인")
	// Approving twice is a conflict, shown on the page.
	wantStatus(t, f.form(organizer, app, url.Values{"action": {"approve"}}), http.StatusConflict)

	a, _ = f.db.Application(ctx, f.eventID, a.ID)
	want := []exhibit.Status{exhibit.Submitted, exhibit.ChangesRequested, exhibit.Submitted, exhibit.Approved}
	if len(a.History) != len(want) || a.Area != 27 {
		t.Fatalf("history = %+v", a.History)
	}
	for i, c := range a.History {
		who := f.people[organizer].Name
		if i%2 == 0 {
			who = kim.Name
		}
		if c.Status != want[i] || c.PersonName != who || c.At.IsZero() {
			t.Errorf("history[%d] = %+v, want %s by %s", i, c, want[i], who)
		}
	}
	x, _ := f.db.Exhibitor(ctx, f.eventID, a.ExhibitorID)
	if x.Status != event.Approved {
		t.Fatalf("exhibitor status %s", x.Status)
	}
	page := wantStatus(t, f.do("kim", "GET", apply, "", ""), http.StatusOK)
	if !strings.Contains(page, "Kim Min-jun") || !strings.Contains(page, "승인") {
		t.Error("the applicant's page lacks the history")
	}
}

// TestAllocationFlow: the organizer runs the allocation on approved
// exhibitors, moves one and confirms; the booths are written and a re-run
// keeps them.
func TestAllocationFlow(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := t.Context()
	h := event.Hall{ID: f.hallID, EventID: f.eventID, Code: "A", Width: 100, Depth: 60}
	var csv strings.Builder
	csv.WriteString("code,x,y,w,h,type\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&csv, "A-1%02d,%d,0,3,3,shell\n", i, 3*(i-1))
	}
	rows, err := exhibit.ParseCSV(strings.NewReader(csv.String()))
	must(t, err)
	l, err := exhibit.Validate(h, rows, nil)
	must(t, err)
	_, err = f.db.ImportHall(ctx, h, l)
	must(t, err)
	path := fmt.Sprintf("/console/events/%d/allocation", f.eventID)
	wantStatus(t, f.form(organizer, path, url.Values{"op": {"run"}}), http.StatusSeeOther)
	page := wantStatus(t, f.do(organizer, "GET", path, "", ""), http.StatusOK)
	if !strings.Contains(page, "alloc-rows") || !strings.Contains(page, "booth held proposed") {
		t.Fatalf("proposal not shown:\n%s", page)
	}
	// X1 was confirmed on A-101: the proposal keeps it there. A move says
	// what it did once back on the page.
	moved := f.form(organizer, path, url.Values{"op": {"move"}, "exhibitor": {itoa(f.x2.ID)}, "booths": {"a-108"}})
	if loc := moved.Header.Get("Location"); moved.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "&done=move") {
		t.Fatalf("move: %d to %q", moved.StatusCode, loc)
	} else if page := wantStatus(t, f.do(organizer, "GET", loc, "", ""), http.StatusOK); !strings.Contains(page, `id="alloc-done">Đã dời và khóa`) {
		t.Error("the allocation page does not say the move was made")
	}
	// A move to no booth is refused, the reason beside the form's label,
	// in the organizer's language.
	if page := wantStatus(t, f.form(organizer, path, url.Values{"op": {"move"}, "exhibitor": {itoa(f.x2.ID)}, "booths": {""}}), http.StatusUnprocessableEntity); !strings.Contains(page, "phải chọn từ 1 đến 6 gian hàng") {
		t.Errorf("a move to no booth: the reason is not in Vietnamese:\n%s", clip(page[strings.Index(page, "<main"):], 1500))
	}
	// A booth that does not exist is named after the reason, which is
	// translated without it.
	if page := wantStatus(t, f.form(organizer, path, url.Values{"op": {"move"}, "exhibitor": {itoa(f.x2.ID)}, "booths": {"Z-1"}}), http.StatusUnprocessableEntity); !strings.Contains(page, "có gian hàng không tồn tại: Z-1") {
		t.Errorf("a move to a booth that does not exist: the reason is not in Vietnamese with the booth:\n%s", clip(page[strings.Index(page, "<main"):], 1500))
	}
	wantStatus(t, f.form(organizer, path, url.Values{"op": {"run"}}), http.StatusSeeOther) // keeps the locked move
	wantStatus(t, f.form(organizer, path, url.Values{"op": {"confirm"}}), http.StatusSeeOther)
	booths, _ := f.db.EventBooths(ctx, f.eventID, f.hallID)
	owner := map[string]int64{}
	for _, b := range booths {
		owner[b.Code] = b.ExhibitorID
		if b.ExhibitorID != 0 && b.Status != event.Sold {
			t.Errorf("booth %s assigned but %s", b.Code, b.Status)
		}
	}
	if owner["A-101"] != f.x1.ID || owner["A-108"] != f.x2.ID || len(booths) != 8 {
		t.Fatalf("owners after confirm = %v", owner)
	}
	wantStatus(t, f.form(organizer, path, url.Values{"op": {"confirm"}}), http.StatusUnprocessableEntity) // nothing left to confirm
}
