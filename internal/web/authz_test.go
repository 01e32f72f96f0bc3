package web_test

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"
)

var (
	everyone  = roles
	accounts  = []string{visitor, xstaff, xadmin, otherX, organizer, admin}
	members   = []string{xstaff, xadmin, organizer, admin} // of exhibitor X1, or running the event
	xAdmins   = []string{xadmin, organizer, admin}         // admins of X1's organization, or running the event
	runners   = []string{organizer, admin}
	adminOnly = []string{admin}
	orgAdmins = []string{xadmin, admin} // admins of organization A
)

// access is who may call each route, written out here independently of the
// routes files, so that a change of policy must change this table too.
var access = map[string][]string{
	"GET /{$}":                       everyone,
	"GET /events":                    everyone,
	"GET /events/{event}":            everyone,
	"GET /events/{event}/exhibitors": everyone,
	"GET /events/{event}/exhibitors/{exhibitor}": everyone,
	"GET /lang/{lang}":                           everyone,
	"GET /login":                                 everyone,
	"POST /login":                                everyone,
	"POST /logout":                               accounts,
	"GET /signup":                                everyone,
	"POST /signup":                               everyone,

	"GET /portal/events/{event}/exhibitors/{exhibitor}":  members,
	"POST /portal/events/{event}/exhibitors/{exhibitor}": xAdmins,
	"GET /console":                       accounts,
	"GET /console/events/{event}":        runners,
	"GET /console/events/{event}/report": runners,

	"GET /api/v1/openapi.json":                                    everyone,
	"POST /api/v1/auth/login":                                     everyone,
	"POST /api/v1/auth/logout":                                    accounts,
	"POST /api/v1/people":                                         everyone,
	"GET /api/v1/me":                                              accounts,
	"GET /api/v1/events":                                          everyone,
	"POST /api/v1/events":                                         adminOnly,
	"GET /api/v1/events/{event}":                                  everyone,
	"PATCH /api/v1/events/{event}":                                runners,
	"GET /api/v1/events/{event}/stats":                            runners,
	"GET /api/v1/events/{event}/halls":                            everyone,
	"POST /api/v1/events/{event}/halls":                           runners,
	"GET /api/v1/events/{event}/halls/{hall}":                     everyone,
	"GET /api/v1/events/{event}/booths":                           everyone,
	"POST /api/v1/events/{event}/booths":                          runners,
	"GET /api/v1/events/{event}/booths/{booth}":                   everyone,
	"PATCH /api/v1/events/{event}/booths/{booth}":                 runners,
	"GET /api/v1/events/{event}/exhibitors":                       everyone,
	"POST /api/v1/events/{event}/exhibitors":                      runners,
	"GET /api/v1/events/{event}/exhibitors/{exhibitor}":           everyone,
	"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}":         runners,
	"GET /api/v1/events/{event}/exhibitors/{exhibitor}/private":   members,
	"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}/profile": xAdmins,
	"GET /api/v1/events/{event}/sessions":                         everyone,
	"POST /api/v1/events/{event}/sessions":                        runners,
	"GET /api/v1/events/{event}/sessions/{session}":               everyone,
	"PATCH /api/v1/events/{event}/sessions/{session}":             runners,
	"GET /api/v1/organizations":                                   everyone,
	"POST /api/v1/organizations":                                  accounts,
	"GET /api/v1/organizations/{org}":                             everyone,
	"PATCH /api/v1/organizations/{org}":                           orgAdmins,
}

// addAccess merges a feature's rows into the access table; each feature
// keeps its rows in its own test file and calls this from init.
func addAccess(rows map[string][]string) {
	for k, v := range rows {
		if _, dup := access[k]; dup {
			panic("access row defined twice: " + k)
		}
		access[k] = v
	}
}

// bodies lets a feature give its write routes a body in the matrix test.
var bodies = map[string]func(f *fixture, role string) (contentType, body string){}

// body gives write routes a body; a role's own email where one is needed.
func (f *fixture) body(pattern, role string) (contentType, body string) {
	if b, ok := bodies[pattern]; ok {
		return b(f, role)
	}
	form := "application/x-www-form-urlencoded"
	switch pattern {
	case "POST /login":
		return form, "email=" + visitor + "@example.vn&password=" + password
	case "POST /signup":
		return form, fmt.Sprintf("email=new-%s@example.vn&name=New&password=long+enough+password", role)
	case "POST /logout":
		return form, ""
	case "POST /portal/events/{event}/exhibitors/{exhibitor}":
		return form, "name_vi=C%C3%B4ng+ty+A&name_en=Company+A&sectors=robotics"
	case "POST /api/v1/auth/login":
		return "application/json", `{"email":"visitor@example.vn","password":"` + password + `"}`
	case "POST /api/v1/people":
		return "application/json", fmt.Sprintf(`{"email":"api-%s@example.vn","name":"New","password":"long enough password"}`, role)
	}
	if strings.HasPrefix(pattern, "POST /api/") || strings.HasPrefix(pattern, "PATCH /api/") {
		return "application/json", "{}"
	}
	return "", ""
}

func (f *fixture) path(pattern string) string {
	_, p, _ := strings.Cut(pattern, " ")
	p = strings.TrimSuffix(p, "{$}")
	r := strings.NewReplacer("{event}", itoa(f.eventID), "{exhibitor}", itoa(f.x1.ID), "{hall}", itoa(f.hallID),
		"{booth}", itoa(f.boothID), "{session}", itoa(f.sessID), "{org}", itoa(f.orgA), "{lang}", "ko")
	p = r.Replace(p)
	for name, id := range f.ids {
		p = strings.ReplaceAll(p, "{"+name+"}", itoa(id))
	}
	return p
}

func itoa(n int64) string { return fmt.Sprint(n) }

// TestEveryRouteEveryRole calls every route with every role: denied roles
// get 401 (or, on pages, a redirect to sign in) and 403; allowed roles get
// neither, and never a 500.
func TestEveryRouteEveryRole(t *testing.T) {
	f := mustFixture(t, "sqlite")
	routes := f.web.Routes()
	for pattern := range routes {
		if _, ok := access[pattern]; !ok {
			t.Errorf("route %s has no row in the access table", pattern)
		}
	}
	for pattern := range access {
		if _, ok := routes[pattern]; !ok {
			t.Errorf("access table names %s, which is not a route", pattern)
		}
	}
	patterns := make([]string, 0, len(access))
	for p := range access {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	for _, pattern := range patterns {
		method, _, _ := strings.Cut(pattern, " ")
		api := strings.Contains(pattern, "/api/")
		for _, role := range roles {
			t.Run(pattern+"/"+role, func(t *testing.T) {
				ct, body := f.body(pattern, role)
				resp := f.do(role, method, f.path(pattern), ct, body)
				allowed := slices.Contains(access[pattern], role)
				got := resp.StatusCode
				switch {
				case got >= 500:
					t.Fatalf("status %d", got)
				case allowed && (got == http.StatusUnauthorized && pattern != "POST /login" || got == http.StatusForbidden):
					t.Fatalf("%s may call it, got %d", role, got)
				case allowed && !api && got == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login"):
					t.Fatalf("%s may call it, was sent to sign in", role)
				case !allowed && role == anon && api && got != http.StatusUnauthorized:
					t.Fatalf("anonymous: got %d, want 401", got)
				case !allowed && role == anon && !api && (got != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login")):
					t.Fatalf("anonymous: got %d to %q, want a redirect to sign in", got, resp.Header.Get("Location"))
				case !allowed && role != anon && got != http.StatusForbidden:
					t.Fatalf("%s: got %d, want 403", role, got)
				}
			})
		}
	}
}
