package web_test

import (
	"context"
	"fmt"
)

// The forum programme's console is the organizers' (and admins'); the
// tracks' names are public, like the sessions.
func init() {
	addAccess(map[string][]string{
		"GET /console/events/{event}/programme":                            runners,
		"POST /console/events/{event}/programme/sessions":                  runners,
		"GET /console/events/{event}/programme/sessions/{session}":         runners,
		"POST /console/events/{event}/programme/sessions/{session}":        runners,
		"POST /console/events/{event}/programme/sessions/{session}/delete": runners,
		"POST /console/events/{event}/programme/deleted/{deleted}/restore": runners,
		"POST /console/events/{event}/programme/speakers":                  runners,
		"POST /console/events/{event}/programme/rooms":                     runners,
		"POST /console/events/{event}/programme/tracks":                    runners,
		"POST /console/events/{event}/programme/tracks/delete":             runners,
		"GET /api/v1/events/{event}/tracks":                                everyone,
	})
	form := "application/x-www-form-urlencoded"
	// Each role that may add a session adds it at its own hour, so that
	// the matrix's allowed calls do not clash with one another.
	hour := map[string]int{organizer: 14, admin: 16}
	bodies["POST /console/events/{event}/programme/sessions"] = func(f *fixture, role string) (string, string) {
		h := hour[role]
		if h == 0 {
			h = 18
		}
		return form, fmt.Sprintf("title_en=Panel+%s&room=1&day=2027-03-11&start=%02d:00&end=%02d:30&language=en&speakers=1", role, h, h)
	}
	bodies["POST /console/events/{event}/programme/sessions/{session}"] = func(f *fixture, role string) (string, string) {
		return form, "title_vi=Khai+m%E1%BA%A1c&room=1&day=2027-03-10&start=09:00&end=10:00&language=vi&speakers=1"
	}
	// Nothing was deleted: the undo answers that it cannot be done (404).
	bodies["POST /console/events/{event}/programme/deleted/{deleted}/restore"] = func(f *fixture, role string) (string, string) {
		f.ids["deleted"] = 4242
		return form, ""
	}
	bodies["POST /console/events/{event}/programme/speakers"] = func(f *fixture, role string) (string, string) {
		return form, "name=Speaker+" + role + "&title_en=Director"
	}
	bodies["POST /console/events/{event}/programme/tracks"] = func(f *fixture, role string) (string, string) {
		return form, "key=Smart+factory&name_vi=Nh%C3%A0+m%C3%A1y+th%C3%B4ng+minh&name_ko=%EC%8A%A4%EB%A7%88%ED%8A%B8+%ED%8C%A9%ED%86%A0%EB%A6%AC"
	}
	bodies["POST /console/events/{event}/programme/tracks/delete"] = func(f *fixture, role string) (string, string) {
		return form, "key=Unused+track"
	}
	bodies["POST /console/events/{event}/programme/rooms"] = func(f *fixture, role string) (string, string) {
		return form, "name_en=Room+" + role + "&capacity=40"
	}
	// The fixture's session is kept in an agenda first, so that deleting
	// it without confirm=yes only asks for the confirmation: the session
	// stays for the routes the matrix calls after this one.
	bodies["POST /console/events/{event}/programme/sessions/{session}/delete"] = func(f *fixture, role string) (string, string) {
		must(f.t, f.db.SetInAgenda(context.Background(), f.people[otherX].ID, f.eventID, f.sessID, true))
		return form, ""
	}
}
