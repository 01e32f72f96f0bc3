package web_test

import (
	"context"

	"ketnoi/internal/outcome"
)

// Who may call the outcome routes. {outcome} is a report by organization B
// (X2's) of what came of {meeting}, with organization A (X1's) as partner.
var (
	meetingSides2 = []string{xstaff, xadmin, otherX, admin} // members of either side of {meeting}, admins
	outcomeByB    = []string{otherX, admin}                 // the reporting organization's members
	outcomeSides  = []string{xstaff, xadmin, otherX, admin} // either organization's members
)

func init() {
	addAccess(map[string][]string{
		"GET /events/{event}/meetings/{meeting}/outcomes/new": meetingSides2,
		"POST /events/{event}/meetings/{meeting}/outcomes":    meetingSides2,
		"GET /market/cards/{card}/outcomes/new":               accounts,
		"POST /market/cards/{card}/outcomes":                  accounts,
		"GET /outcomes/orgs/{org}":                            orgAMembers,
		"GET /outcomes/orgs/{org}/outcomes.xlsx":              orgAMembers,
		"POST /outcomes/{outcome}/confirm":                    orgAMembers,
		"POST /outcomes/{outcome}/dispute":                    orgAMembers,
		"POST /outcomes/{outcome}/withdraw":                   outcomeByB,
		"GET /console/events/{event}/outcomes":                runners,
		"GET /console/events/{event}/outcomes.xlsx":           runners,
		"POST /console/events/{event}/outcomes/ask":           runners,
		"GET /api/v1/organizations/{org}/outcomes":            orgAMembers,
		"POST /api/v1/organizations/{org}/outcomes":           orgAMembers,
		"GET /api/v1/outcomes/{outcome}":                      outcomeSides,
		"POST /api/v1/outcomes/{outcome}/confirm":             orgAMembers,
		"POST /api/v1/outcomes/{outcome}/dispute":             orgAMembers,
		"DELETE /api/v1/outcomes/{outcome}":                   outcomeByB,
		"GET /api/v1/events/{event}/outcomes":                 runners,
		"POST /api/v1/events/{event}/outcomes/ask":            runners,
		"GET /impact":        everyone,
		"GET /impact.csv":    everyone,
		"GET /api/v1/impact": everyone,
	})
	form := "application/x-www-form-urlencoded"
	bodies["POST /events/{event}/meetings/{meeting}/outcomes"] = func(*fixture, string) (string, string) {
		return form, "kind=nda&value=1.000.000&note=ok"
	}
	bodies["POST /console/events/{event}/outcomes/ask"] = func(*fixture, string) (string, string) { return form, "" }
	bodies["POST /market/cards/{card}/outcomes"] = func(*fixture, string) (string, string) {
		return form, "kind=tech_transfer&value=&note=licence"
	}
	bodies["POST /api/v1/organizations/{org}/outcomes"] = func(f *fixture, _ string) (string, string) {
		return "application/json", `{"event_id":` + itoa(f.eventID) + `,"meeting_id":` + itoa(f.ids["meeting"]) + `,"kind":"pilot"}`
	}
	// An answer or a withdrawal changes or removes the report, so each
	// call gets a fresh one (the matrix asks for the body before it builds
	// the path).
	fresh := func(ct, body string) func(*fixture, string) (string, string) {
		return func(f *fixture, _ string) (string, string) {
			newOutcome(f)
			return ct, body
		}
	}
	bodies["POST /outcomes/{outcome}/confirm"] = fresh(form, "")
	bodies["POST /outcomes/{outcome}/dispute"] = fresh(form, "reason=not+yet")
	bodies["POST /outcomes/{outcome}/withdraw"] = fresh(form, "")
	bodies["POST /api/v1/outcomes/{outcome}/confirm"] = fresh("application/json", `{}`)
	bodies["POST /api/v1/outcomes/{outcome}/dispute"] = fresh("application/json", `{"reason":"not signed"}`)
	bodies["DELETE /api/v1/outcomes/{outcome}"] = fresh("", "")
	bodies["GET /api/v1/outcomes/{outcome}"] = fresh("", "")
	fixtureHooks = append(fixtureHooks, newOutcome)
}

// newOutcome stores a report by organization B of the fixture's meeting
// (a new kind each time, up to the number of kinds) as f.ids["outcome"].
func newOutcome(f *fixture) {
	n := f.ids["outcomes"]
	kind := outcome.Kinds[int(n)%len(outcome.Kinds)]
	o, err := outcome.New(f.x2.OrgID, f.orgA, kind, 5_000_000, "thử nghiệm")
	must(f.t, err)
	o.EventID, o.MeetingID = f.eventID, f.ids["meeting"]
	if n >= int64(len(outcome.Kinds)) {
		o.MeetingID = 0 // each kind once per meeting: later ones are of no meeting
	}
	must(f.t, f.db.CreateOutcome(context.Background(), &o))
	f.ids["outcome"], f.ids["outcomes"] = o.ID, n+1
}
