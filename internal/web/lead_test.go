package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"ketnoi/internal/account"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/lead"
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

// TestLeadEditFromPage: an exhibitor rates and annotates a lead on the
// leads page and comes back to it with a notice; a refused edit keeps what
// was typed, says why in the reader's language and writes nothing; a lead
// of another exhibitor cannot be edited through one's own list.
func TestLeadEditFromPage(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			f := mustFixture(t, dialect)
			ctx := context.Background()
			v := checkin.Registrant{Name: "Trần Hữu Ích", Email: "ich@example.vn", OrgName: "Nhà máy Ích", Consent: true}
			v.EventID, v.Category = f.eventID, event.CatVisitor
			must(t, f.db.Register(ctx, &v))
			scanLead(t, f, v.ID, "40000000-0000-4000-8000-000000000021")
			recs, err := f.db.Leads(ctx, f.eventID, f.x1.ID)
			must(t, err)
			var id int64
			for _, r := range recs {
				if r.RegistrationID == v.ID {
					id = r.ID
				}
			}
			base := fmt.Sprintf("/portal/events/%d/exhibitors/%d/leads", f.eventID, f.x1.ID)
			form := "application/x-www-form-urlencoded"

			r := f.do(xstaff, "POST", fmt.Sprintf("%s/%d", base, id), form, "rating=4&note=+G%E1%BB%8Di+l%E1%BA%A1i+tu%E1%BA%A7n+sau+")
			if want := fmt.Sprintf("%s?done=saved#lead-%d", base, id); r.StatusCode != 303 || r.Header.Get("Location") != want {
				t.Fatalf("save: %d to %q, want 303 to %q", r.StatusCode, r.Header.Get("Location"), want)
			}
			got := leadByID(t, f, id)
			if got.Rating != 4 || got.Note != "Gọi lại tuần sau" {
				t.Fatalf("stored rating %d note %q", got.Rating, got.Note)
			}
			page := readAll(t, f.do(xstaff, "GET", base+"?done=saved", "", ""))
			if !strings.Contains(page, `id="notice"`) || !strings.Contains(page, "Gọi lại tuần sau") || !strings.Contains(page, "4/5") {
				t.Errorf("the list after saving lacks the notice, the note or the rating")
			}

			long := strings.Repeat("ghi chú ", 300) // 2,700 bytes
			for _, c := range []struct{ body, field, typed string }{
				{"rating=9&note=xin+ch%C3%A0o", "phải từ 0 đến 5", "xin chào"},
				{"rating=abc&note=n%E1%BB%AFa", "phải từ 0 đến 5", "nữa"},
				{"rating=2&note=" + url.QueryEscape(long), "dài quá 2000 ký tự", "ghi chú ghi chú"},
			} {
				r := f.do(xstaff, "POST", fmt.Sprintf("%s/%d", base, id), form, c.body)
				body := readAll(t, r)
				if r.StatusCode != 422 || !strings.Contains(body, c.field) || !strings.Contains(body, c.typed) || !strings.Contains(body, "<details open>") {
					t.Errorf("%q: %d, want 422 with %q, the typed note and the form open", c.body, r.StatusCode, c.field)
				}
				if got := leadByID(t, f, id); got.Rating != 4 || got.Note != "Gọi lại tuần sau" {
					t.Errorf("%q changed the lead: rating %d note %q", c.body, got.Rating, got.Note)
				}
			}
			// X2's member names X1's lead through X2's list: not found.
			other := fmt.Sprintf("/portal/events/%d/exhibitors/%d/leads/%d", f.eventID, f.x2.ID, id)
			if r := f.do(otherX, "POST", other, form, "rating=1&note=x"); r.StatusCode != 404 {
				t.Errorf("another exhibitor's edit of X1's lead: %d, want 404", r.StatusCode)
			}
			if got := leadByID(t, f, id); got.Rating != 4 {
				t.Errorf("another exhibitor changed the rating to %d", got.Rating)
			}
		})
	}
}

func leadByID(t *testing.T, f *fixture, id int64) lead.Record {
	t.Helper()
	recs, err := f.db.Leads(t.Context(), f.eventID, f.x1.ID)
	must(t, err)
	for _, r := range recs {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("lead %d is gone", id)
	return lead.Record{}
}
