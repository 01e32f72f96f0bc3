package web_test

import (
	"context"
	"fmt"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
)

// scanners may reach the scanner routes: those running the event, and the
// members of any exhibitor at it (whose scans are limited to leads for
// their own exhibitor, per scan; see checkin_api_test.go).
var scanners = []string{xstaff, xadmin, otherX, organizer, admin}

// badgeTokens holds each fixture's signed badge of the visitor.
var badgeTokens = map[*fixture]string{}

func init() {
	addAccess(map[string][]string{
		"POST /api/v1/events/{event}/scans":                                  scanners,
		"GET /api/v1/events/{event}/scanner":                                 scanners,
		"GET /api/v1/events/{event}/checkin/stats":                           runners,
		"GET /api/v1/events/{event}/checkin/lists":                           runners,
		"POST /api/v1/events/{event}/checkin/lists":                          runners,
		"POST /api/v1/events/{event}/checkin/gates":                          runners,
		"POST /api/v1/events/{event}/checkin/staff":                          runners,
		"POST /api/v1/events/{event}/badge-keys":                             runners,
		"GET /api/v1/events/{event}/registrations":                           runners,
		"POST /api/v1/events/{event}/registrations/import":                   runners,
		"GET /api/v1/events/{event}/registrations/{registration}":            runners,
		"PATCH /api/v1/events/{event}/registrations/{registration}":          runners,
		"POST /api/v1/events/{event}/registrations/{registration}/cancel":    runners,
		"POST /api/v1/events/{event}/registrations/{registration}/reissue":   runners,
		"GET /console/events/{event}/registrations/{registration}/badge.pdf": runners,
		"GET /me/registrations/{registration}/badge.pdf":                     {visitor}, // their own
		"POST /api/v1/events/{event}/anonymize":                              runners,
		"POST /api/v1/events/{event}/exports":                                runners,
		"GET /api/v1/events/{event}/exports/{export}":                        runners,
		"GET /console/events/{event}/exports/{export}/file":                  runners,
		"GET /me/data":                                        accounts,
		"POST /me/data/delete":                                accounts,
		"GET /events/{event}/agenda":                          everyone,
		"POST /events/{event}/agenda/{session}":               accounts,
		"GET /events/{event}/sessions/{session}/calendar.ics": everyone,
		"GET /me/agenda.ics":                                  accounts,
		// Leads belong to the exhibitor alone: not even the organizers read them.
		"GET /api/v1/events/{event}/exhibitors/{exhibitor}/leads":          {xstaff, xadmin},
		"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}/leads/{lead}": {xstaff, xadmin},
		"GET /portal/events/{event}/exhibitors/{exhibitor}/leads":          {xstaff, xadmin},
		"POST /portal/events/{event}/exhibitors/{exhibitor}/leads/{lead}":  {xstaff, xadmin},
		"GET /portal/events/{event}/exhibitors/{exhibitor}/leads.csv":      {xstaff, xadmin},
		"GET /portal/events/{event}/exhibitors/{exhibitor}/leads.xlsx":     {xstaff, xadmin},
		"GET /events/{event}/register":                                     everyone,
		"POST /events/{event}/register":                                    everyone,
		"POST /api/v1/events/{event}/registrations":                        everyone,
		"GET /events/{event}/scanner/{$}":                                  everyone,
		"GET /events/{event}/scanner/sw.js":                                everyone,
		"GET /events/{event}/scanner/manifest.webmanifest":                 everyone,
		"GET /console/events/{event}/checkin":                              runners,
		"GET /console/events/{event}/checkin/stream":                       runners,
	})
	fixtureHooks = append(fixtureHooks, checkinFixture)
	bodies["POST /api/v1/events/{event}/scans"] = func(f *fixture, role string) (string, string) {
		return "application/json", fmt.Sprintf(`{"id":"%s","token":%q,"point":"gate-1","kind":"checkin","scanned_at":%q}`,
			newUUID(), badgeTokens[f], time.Now().UTC().Format(time.RFC3339))
	}
	bodies["POST /api/v1/events/{event}/registrations/import"] = func(f *fixture, role string) (string, string) {
		return "text/csv", "name,email,category\nLê Văn Import,import-" + role + "@example.vn,delegate\n"
	}
	bodies["POST /events/{event}/agenda/{session}"] = func(f *fixture, role string) (string, string) {
		return "application/x-www-form-urlencoded", "add=yes"
	}
	bodies["POST /api/v1/events/{event}/exports"] = func(f *fixture, role string) (string, string) {
		return "application/json", `{"kind":"registrations"}`
	}
	bodies["POST /api/v1/events/{event}/anonymize"] = func(f *fixture, role string) (string, string) {
		return "application/json", `{"dry_run":true}`
	}
	// Without the confirmation the request is refused (422), so the
	// matrix's accounts survive it.
	bodies["POST /me/data/delete"] = func(f *fixture, role string) (string, string) {
		return "application/x-www-form-urlencoded", "confirm=no"
	}
	bodies["PATCH /api/v1/events/{event}/registrations/{registration}"] = func(f *fixture, role string) (string, string) {
		return "application/json", `{"organization":"Viện Cơ khí","consent_contact":true}`
	}
	bodies["PATCH /api/v1/events/{event}/exhibitors/{exhibitor}/leads/{lead}"] = func(f *fixture, role string) (string, string) {
		return "application/json", `{"rating":3,"note":"follow up"}`
	}
	bodies["POST /portal/events/{event}/exhibitors/{exhibitor}/leads/{lead}"] = func(f *fixture, role string) (string, string) {
		return "application/x-www-form-urlencoded", "rating=4&note=call+back"
	}
	bodies["POST /events/{event}/register"] = func(f *fixture, role string) (string, string) {
		return "application/x-www-form-urlencoded", "name=Nguy%E1%BB%85n+An&email=reg-" + role + "@example.vn&category=visitor&interests=robotics&consent=yes"
	}
	bodies["POST /api/v1/events/{event}/registrations"] = func(f *fixture, role string) (string, string) {
		return "application/json", `{"name":"Kim","email":"api-reg-` + role + `@example.vn","category":"delegate","consent_contact":false}`
	}
	bodies["POST /api/v1/events/{event}/checkin/lists"] = func(f *fixture, role string) (string, string) {
		return "application/json", `{"name":"List ` + role + `","rule":"daily"}`
	}
	bodies["POST /api/v1/events/{event}/checkin/gates"] = func(f *fixture, role string) (string, string) {
		return "application/json", fmt.Sprintf(`{"code":"g-%s","list_id":%d}`, role, f.ids["checkinlist"])
	}
	bodies["POST /api/v1/events/{event}/checkin/staff"] = func(f *fixture, role string) (string, string) {
		return "application/json", `{"email":"gate@example.vn"}`
	}
}

var uuidN int

func newUUID() string {
	uuidN++
	return fmt.Sprintf("10000000-0000-4000-8000-%012d", uuidN)
}

// checkinFixture registers the visitor, makes a list and a gate, and signs
// the visitor's badge.
func checkinFixture(f *fixture) {
	ctx := context.Background()
	gate := account.Person{Email: "gate@example.vn", Name: "Gate staff", Lang: i18n.VI}
	must(f.t, f.db.CreatePerson(ctx, &gate))
	r := checkin.Registrant{Name: "Person visitor", Email: "visitor@example.vn", OrgName: "Viện Cơ khí", Consent: true}
	r.EventID, r.Category = f.eventID, event.CatVisitor
	must(f.t, f.db.Register(ctx, &r))
	f.ids["registration"] = r.ID
	l := &checkin.List{EventID: f.eventID, Name: "Halls", Rule: checkin.Reentry}
	must(f.t, f.db.CreateCheckinList(ctx, l))
	f.ids["checkinlist"] = l.ID
	must(f.t, f.db.CreateGate(ctx, &checkin.Gate{EventID: f.eventID, Code: "gate-1", ListID: l.ID, Hall: "A"}))
	k, err := f.db.SigningKey(ctx, f.eventID)
	must(f.t, err)
	badgeTokens[f], err = badge.Sign(k, badge.Claims{EventID: f.eventID, RegistrationID: r.ID, Version: 1, Category: "visitor"})
	must(f.t, err)
	// A lead of exhibitor X1 on the visitor.
	out, err := f.db.RecordScans(ctx, []checkin.Item{{EventID: f.eventID, Day: "2027-03-10",
		Scan:   checkin.Scan{ID: "30000000-0000-4000-8000-000000000001", Kind: checkin.KindLead, Exhibitor: f.x1.ID, ScannedAt: time.Date(2027, 3, 10, 3, 0, 0, 0, time.UTC)},
		Claims: badge.Claims{EventID: f.eventID, RegistrationID: r.ID, Version: 1, Category: "visitor"}}})
	must(f.t, err)
	if out[0].Status != checkin.StatusAccepted {
		f.t.Fatalf("fixture lead: %+v", out[0])
	}
	recs, err := f.db.Leads(ctx, f.eventID, f.x1.ID)
	must(f.t, err)
	f.ids["lead"] = recs[0].ID
	// A finished export, for the export routes.
	j := store.ExportJob{EventID: f.eventID, PersonID: f.people[organizer].ID, Kind: "registrations"}
	must(f.t, f.db.CreateExportJob(ctx, &j))
	must(f.t, f.db.FinishExport(ctx, j.ID, "registrations.csv", "id\n", ""))
	f.ids["export"] = j.ID
}
