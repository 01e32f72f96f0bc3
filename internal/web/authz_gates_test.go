package web_test

import (
	"context"
	"fmt"

	"ketnoi/internal/account"
	"ketnoi/internal/checkin"
	"ketnoi/internal/i18n"
)

// The check-in console is the organizers'; the kiosk and the room counts
// are for the event's staff too (scanner staff, not in the role matrix:
// see TestKioskPrintsWithoutRevoking and TestRoomCountsLive).
func init() {
	addAccess(map[string][]string{
		"GET /console/events/{event}/checkin/lists":                         runners,
		"POST /console/events/{event}/checkin/lists":                        runners,
		"GET /console/events/{event}/checkin/lists/{list}":                  runners,
		"POST /console/events/{event}/checkin/lists/{list}":                 runners,
		"POST /console/events/{event}/checkin/gates":                        runners,
		"POST /console/events/{event}/checkin/gates/{gate}/delete":          runners,
		"POST /console/events/{event}/checkin/staff":                        runners,
		"POST /console/events/{event}/checkin/staff/{person}/delete":        runners,
		"GET /console/events/{event}/helpdesk":                              runners,
		"POST /console/events/{event}/helpdesk/walkins":                     runners,
		"POST /console/events/{event}/registrations/{registration}/reprint": runners,
		"GET /events/{event}/kiosk":                                         runners,
		"POST /events/{event}/kiosk":                                        runners,
		"GET /events/{event}/rooms/live":                                    runners,
		"GET /events/{event}/rooms/live/stream":                             runners,
	})
	fixtureHooks = append(fixtureHooks, gatesFixture)
	form := "application/x-www-form-urlencoded"
	bodies["POST /console/events/{event}/checkin/lists"] = func(f *fixture, role string) (string, string) {
		return form, "name=List+" + role + "&rule=daily&categories=visitor"
	}
	bodies["POST /console/events/{event}/checkin/lists/{list}"] = func(f *fixture, role string) (string, string) {
		return form, "name=Room+1+" + role + "&rule=reentry&room=1&capacity=200"
	}
	bodies["POST /console/events/{event}/checkin/gates"] = func(f *fixture, role string) (string, string) {
		return form, fmt.Sprintf("name=North&hall=A&list=%d&codes=n1-%s+n2-%s", f.ids["list"], role, role)
	}
	bodies["POST /console/events/{event}/checkin/staff"] = func(f *fixture, role string) (string, string) {
		return form, "email=desk-new@example.vn"
	}
	bodies["POST /console/events/{event}/helpdesk/walkins"] = func(f *fixture, role string) (string, string) {
		return form, "name=Kh%C3%A1ch+" + role + "&email=walkin-" + role + "@example.vn&category=visitor&lang=ko&once=authz-" + role
	}
	bodies["POST /events/{event}/kiosk"] = func(f *fixture, role string) (string, string) {
		return form, "code=1-ABCDEF"
	}
	for _, p := range []string{"POST /console/events/{event}/registrations/{registration}/reprint", "POST /console/events/{event}/checkin/gates/{gate}/delete", "POST /console/events/{event}/checkin/staff/{person}/delete"} {
		bodies[p] = func(f *fixture, role string) (string, string) { return form, "" }
	}
}

// gatesFixture adds a list with a scan point, and a help-desk person who
// is scanner staff, and one more account to make staff.
func gatesFixture(f *fixture) {
	ctx := context.Background()
	l := &checkin.List{EventID: f.eventID, Name: "Room 1", Rule: checkin.Reentry, RoomID: 1}
	must(f.t, f.db.CreateCheckinList(ctx, l))
	f.ids["list"] = l.ID
	g := []checkin.Gate{{EventID: f.eventID, Code: "room-1", Name: "Room 1 door", ListID: l.ID}}
	must(f.t, f.db.CreateGates(ctx, g))
	f.ids["gate"] = g[0].ID
	for _, email := range []string{"desk@example.vn", "desk-new@example.vn"} {
		p := account.Person{Email: email, Name: "Help desk", Lang: i18n.VI}
		must(f.t, f.db.CreatePerson(ctx, &p))
		if email == "desk@example.vn" {
			must(f.t, f.db.AddScannerStaff(ctx, f.eventID, p.ID))
			f.ids["person"] = p.ID
		}
	}
}
