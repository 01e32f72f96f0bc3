package web_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"ketnoi/internal/account"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
)

// TestLeadContactOnlyWithConsent: a visitor who did not consent shows up
// in the exhibitor's leads with name and organization only, on every read
// path (API, page, CSV, XLSX); one who consented with email and phone.
func TestLeadContactOnlyWithConsent(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	shy := checkin.Registrant{Name: "Phạm Kín Đáo", Email: "private@example.vn", Phone: "+84 900 111 222", OrgName: "Công ty Kín", Consent: false}
	shy.EventID, shy.Category = f.eventID, event.CatVisitor
	must(t, f.db.Register(ctx, &shy))
	scanLead(t, f, shy.ID, "40000000-0000-4000-8000-000000000001")
	base := fmt.Sprintf("/events/%d/exhibitors/%d/leads", f.eventID, f.x1.ID)
	reads := map[string]string{
		"api":  readAll(t, f.do(xstaff, "GET", "/api/v1"+base, "", "")),
		"page": readAll(t, f.do(xstaff, "GET", "/portal"+base, "", "")),
		"csv":  readAll(t, f.do(xstaff, "GET", "/portal"+base+".csv", "", "")),
	}
	xb := readAll(t, f.do(xadmin, "GET", "/portal"+base+".xlsx", "", ""))
	x, err := excelize.OpenReader(bytes.NewReader([]byte(xb)))
	must(t, err)
	rows, err := x.GetRows("Leads")
	must(t, err)
	var sheet strings.Builder
	for _, r := range rows {
		sheet.WriteString(strings.Join(r, "|") + "\n")
	}
	reads["xlsx"] = sheet.String()
	for path, got := range reads {
		if !strings.Contains(got, "Phạm Kín Đáo") || !strings.Contains(got, "Công ty Kín") {
			t.Errorf("%s: the lead's name and organization are missing", path)
		}
		if strings.Contains(got, "private@example.vn") || strings.Contains(got, "900 111 222") {
			t.Errorf("%s shows the contact of a visitor who did not consent", path)
		}
		if !strings.Contains(got, "visitor@example.vn") {
			t.Errorf("%s hides the contact of the visitor who consented", path)
		}
	}
	if len(rows) != 3 {
		t.Errorf("xlsx has %d rows, want a header and two leads", len(rows))
	}
	// Another exhibitor's members and the organizers never read them.
	for _, role := range []string{otherX, organizer} {
		if r := f.do(role, "GET", "/api/v1"+base, "", ""); r.StatusCode != 403 {
			t.Errorf("%s reads X1's leads: %d", role, r.StatusCode)
		}
	}
}

// TestLeadShowsLinkedOrganization: a visitor registered under an
// organization of the platform (no name typed) is a lead with that
// organization's name, not a bare name.
func TestLeadShowsLinkedOrganization(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	p := &account.Person{Email: "linked@example.vn", Name: "Võ Thanh Tùng", Lang: i18n.VI}
	must(t, f.db.CreatePerson(ctx, p))
	reg := &event.Registration{EventID: f.eventID, PersonID: p.ID, OrgID: f.x2.OrgID, Category: event.CatVisitor}
	must(t, f.db.CreateRegistration(ctx, reg))
	scanLead(t, f, reg.ID, "40000000-0000-4000-8000-000000000009")
	org, err := f.db.Organization(ctx, f.x2.OrgID)
	must(t, err)
	page := readAll(t, f.do(xstaff, "GET", fmt.Sprintf("/portal/events/%d/exhibitors/%d/leads.csv", f.eventID, f.x1.ID), "", ""))
	if !strings.Contains(page, "Võ Thanh Tùng,"+org.Name.In(i18n.EN)) {
		t.Errorf("the lead lacks its organization %q:\n%s", org.Name.In(i18n.EN), page)
	}
}

// scanLead has X1's staff scan the visitor badge of a registration at its
// booth, as scan id, and fails unless the lead is taken.
func scanLead(t *testing.T, f *fixture, registrationID int64, id string) {
	t.Helper()
	k, err := f.db.SigningKey(t.Context(), f.eventID)
	must(t, err)
	tok, err := badge.Sign(k, badge.Claims{EventID: f.eventID, RegistrationID: registrationID, Version: 1, Category: "visitor"})
	must(t, err)
	body := fmt.Sprintf(`{"id":%q,"token":%q,"kind":"lead","exhibitor":%d,"scanned_at":%q}`, id, tok, f.x1.ID, f.db.Now().Format(time.RFC3339))
	if _, b := postScans(t, f, xstaff, body); !strings.Contains(b, `"accepted"`) {
		t.Fatalf("lead scan: %s", b)
	}
}
