package web_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
)

// Issue 3: who may call the marketplace, recommendation and meeting
// routes. {card} is a published card of organization A (X1's); {meeting}
// is a request from organization B (X2's) to A at the fair.
var (
	orgAMembers  = []string{xstaff, xadmin, admin}                    // members of organization A
	meetingSides = []string{xstaff, xadmin, otherX, organizer, admin} // both sides, the event's organizers
)

func init() {
	addAccess(map[string][]string{
		"GET /market":                                            everyone,
		"GET /market/mine":                                       accounts,
		"GET /market/cards/{card}":                               everyone,
		"GET /market/orgs/{org}":                                 everyone,
		"GET /market/orgs/{org}/cards/new":                       orgAMembers,
		"POST /market/orgs/{org}/cards":                          orgAMembers,
		"GET /market/cards/{card}/edit":                          orgAMembers,
		"POST /market/cards/{card}":                              orgAMembers,
		"GET /match/orgs/{org}/recommendations":                  orgAMembers,
		"GET /events/{event}/meetings":                           accounts,
		"GET /events/{event}/meetings/new":                       accounts,
		"POST /events/{event}/meetings":                          accounts,
		"POST /events/{event}/meetings/{meeting}/accept":         meetingSides,
		"POST /events/{event}/meetings/{meeting}/decline":        meetingSides,
		"POST /events/{event}/meetings/{meeting}/propose":        meetingSides,
		"POST /events/{event}/meetings/{meeting}/cancel":         meetingSides,
		"POST /events/{event}/meetings/{meeting}/checkin":        meetingSides,
		"POST /events/{event}/orgs/{org}/availability":           orgAMembers,
		"GET /events/{event}/schedule":                           accounts,
		"GET /events/{event}/schedule.pdf":                       accounts,
		"GET /events/{event}/schedule.ics":                       accounts,
		"GET /console/events/{event}/meetings":                   runners,
		"GET /console/events/{event}/meetings.xlsx":              runners,
		"POST /console/events/{event}/meetings/settings":         runners,
		"POST /console/events/{event}/meetings/schedule":         runners,
		"POST /console/events/{event}/meetings/{meeting}/noshow": runners,
		"POST /console/events/{event}/meetings/{meeting}/move":   runners,
		"GET /console/events/{event}/meetings/{meeting}/place":   runners,
		"GET /api/v1/cards":                                      everyone,
		"GET /api/v1/cards/{card}":                               everyone,
		"POST /api/v1/organizations/{org}/cards":                 orgAMembers,
		"PATCH /api/v1/cards/{card}":                             orgAMembers,
		"GET /api/v1/organizations/{org}/recommendations":        orgAMembers,
		"GET /api/v1/events/{event}/meetings":                    accounts,
		"POST /api/v1/events/{event}/meetings":                   accounts,
		"GET /api/v1/events/{event}/meetings/{meeting}":          meetingSides,
		"POST /api/v1/events/{event}/meetings/{meeting}/accept":  meetingSides,
		"POST /api/v1/events/{event}/meetings/{meeting}/decline": meetingSides,
		"POST /api/v1/events/{event}/meetings/{meeting}/propose": meetingSides,
		"POST /api/v1/events/{event}/meetings/{meeting}/cancel":  meetingSides,
		"POST /api/v1/events/{event}/meetings/{meeting}/move":    runners,
		"POST /api/v1/events/{event}/meetings/schedule":          runners,
		"POST /api/v1/events/{event}/meetings/{meeting}/checkin": meetingSides,
		"POST /api/v1/events/{event}/meetings/{meeting}/noshow":  runners,
		"GET /api/v1/events/{event}/meetings/{meeting}/times":    runners,
		"GET /api/v1/events/{event}/orgs/{org}/availability":     orgAMembers,
		"PUT /api/v1/events/{event}/orgs/{org}/availability":     orgAMembers,
	})
	form := "application/x-www-form-urlencoded"
	cardForm := func(*fixture, string) (string, string) {
		return form, "kind=offer&status=published&title_vi=Xe+t%E1%BB%B1+h%C3%A0nh&sectors=agv_amr"
	}
	bodies["POST /market/orgs/{org}/cards"] = cardForm
	bodies["POST /market/cards/{card}"] = cardForm
	bodies["POST /events/{event}/meetings"] = func(f *fixture, role string) (string, string) {
		return form, "to=" + itoa(f.orgA) + "&message=hello&place=table"
	}
	for _, a := range []string{"accept", "propose", "checkin"} {
		bodies["POST /events/{event}/meetings/{meeting}/"+a] = func(*fixture, string) (string, string) { return form, "slot=d1-0900" }
	}
	for _, a := range []string{"decline", "cancel"} {
		bodies["POST /events/{event}/meetings/{meeting}/"+a] = func(*fixture, string) (string, string) { return form, "reason=busy" }
	}
	bodies["POST /events/{event}/orgs/{org}/availability"] = func(*fixture, string) (string, string) { return form, "unavailable=d1-0830" }
	bodies["POST /console/events/{event}/meetings/settings"] = func(*fixture, string) (string, string) { return form, "tables=5" }
	bodies["POST /console/events/{event}/meetings/schedule"] = func(*fixture, string) (string, string) { return form, "" }
	bodies["POST /console/events/{event}/meetings/{meeting}/noshow"] = func(f *fixture, _ string) (string, string) { return form, "absent=" + itoa(f.orgA) }
	bodies["POST /console/events/{event}/meetings/{meeting}/move"] = func(*fixture, string) (string, string) { return form, "slot=d1-0900&location=T01" }
	bodies["POST /api/v1/organizations/{org}/cards"] = func(*fixture, string) (string, string) {
		return "application/json", `{"kind":"need","status":"published","title":{"en":"Warehouse automation"},"sectors":["warehouse_automation"]}`
	}
	bodies["PATCH /api/v1/cards/{card}"] = func(*fixture, string) (string, string) {
		return "application/json", `{"title":{"en":"AGV for warehouses","vi":"Xe tự hành cho kho"}}`
	}
	bodies["POST /api/v1/events/{event}/meetings"] = func(f *fixture, role string) (string, string) {
		return "application/json", `{"to_org":` + itoa(f.orgA) + `,"message":"hi"}`
	}
	jsonBody := func(b string) func(*fixture, string) (string, string) {
		return func(*fixture, string) (string, string) { return "application/json", b }
	}
	bodies["POST /api/v1/events/{event}/meetings/{meeting}/accept"] = jsonBody(`{}`)
	bodies["POST /api/v1/events/{event}/meetings/{meeting}/decline"] = jsonBody(`{"reason":"busy"}`)
	bodies["POST /api/v1/events/{event}/meetings/{meeting}/propose"] = jsonBody(`{"slot":"d1-0900"}`)
	bodies["POST /api/v1/events/{event}/meetings/{meeting}/cancel"] = jsonBody(`{"reason":"busy"}`)
	bodies["PUT /api/v1/events/{event}/orgs/{org}/availability"] = jsonBody(`{"unavailable":["d1-0830"]}`)
	bodies["POST /api/v1/events/{event}/meetings/{meeting}/move"] = jsonBody(`{"slot":"d1-0900","location":"T01"}`)
	bodies["POST /api/v1/events/{event}/meetings/{meeting}/checkin"] = jsonBody(`{}`)
	bodies["POST /api/v1/events/{event}/meetings/schedule"] = jsonBody(`{}`)
	bodies["POST /api/v1/events/{event}/meetings/{meeting}/noshow"] = func(f *fixture, _ string) (string, string) {
		return "application/json", `{"absent":[` + itoa(f.orgA) + `]}`
	}
	fixtureHooks = append(fixtureHooks, func(f *fixture) {
		ctx := context.Background()
		c := &market.Card{OrgID: f.orgA, Kind: market.Offer, Status: market.Published, Sectors: []string{"agv_amr"},
			Title: i18n.Text{VI: "Xe tự hành AGV cho kho hàng", EN: "AGV for warehouses"}, Events: []int64{f.eventID}}
		must(f.t, f.db.CreateCard(ctx, c))
		f.ids["card"] = c.ID
		m := &meeting.Meeting{EventID: f.eventID, FromOrg: f.x2.OrgID, ToOrg: f.orgA, Status: meeting.Requested, Place: meeting.Booth, Message: "Xin gặp"}
		must(f.t, f.db.CreateMeeting(ctx, m))
		f.ids["meeting"] = m.ID
	})
}

// TestNoShowAbsentEveryRole: on a meeting under way, only the event's
// organizers (and platform admins) may record who did not come, from the
// plan or the API; the sides themselves cannot say that the other did not
// come, and nobody else can either: nothing is written for them.
func TestNoShowAbsentEveryRole(t *testing.T) {
	clock := eveClock()
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return *clock.Load() }))
	m := scheduledAt09(t, clock, f)
	page := "/console/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID) + "/noshow"
	api := "/api/v1/events/" + itoa(f.eventID) + "/meetings/" + itoa(m.ID) + "/noshow"
	for _, role := range roles {
		t.Run(role, func(t *testing.T) {
			allowed := slices.Contains(runners, role)
			for _, c := range []struct{ path, ct, body string }{
				{page, "application/x-www-form-urlencoded", "absent=" + itoa(f.orgA)},
				{api, "application/json", `{"absent":[` + itoa(f.x2.OrgID) + `]}`},
			} {
				resp := f.do(role, "POST", c.path, c.ct, c.body)
				got := resp.StatusCode
				v, _ := f.db.Meeting(t.Context(), f.eventID, m.ID)
				switch {
				case allowed && got != http.StatusSeeOther && got != http.StatusOK:
					t.Fatalf("%s %s: %d", role, c.path, got)
				case allowed && v.Status != meeting.NoShow:
					t.Fatalf("%s %s wrote %s", role, c.path, v.Status)
				case !allowed && got != http.StatusForbidden && got != http.StatusUnauthorized && !(got == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login")):
					t.Fatalf("%s %s: %d, want refused", role, c.path, got)
				case !allowed && (v.Status != meeting.Scheduled || v.Absent != nil):
					t.Fatalf("%s %s wrote %s absent %v", role, c.path, v.Status, v.Absent)
				}
			}
			if allowed { // the next role finds the meeting as it was
				v, _ := f.db.Meeting(t.Context(), f.eventID, m.ID)
				back := v.Meeting
				back.Status, back.Absent, back.CheckedInAt = meeting.Scheduled, nil, nil
				must(t, f.db.SaveMeeting(t.Context(), &back, v.Status))
			}
		})
	}
}
