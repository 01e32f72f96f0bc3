package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
)

type problemBody struct {
	Title  string            `json:"title"`
	Status int               `json:"status"`
	Detail string            `json:"detail"`
	Errors map[string]string `json:"errors"`
}

// TestBadInputGetsAClearAnswer sends broken requests to the API: each gets
// a 4xx problem+json naming what was wrong, and nothing is written.
func TestBadInputGetsAClearAnswer(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			f := mustFixture(t, dialect)
			ev := "/api/v1/events/" + itoa(f.eventID)
			long := strings.Repeat("ư", 201)
			cases := []struct {
				name, role, method, path, ctype, body string
				status                                int
				field                                 string // a field the answer must name
			}{
				{"malformed JSON", admin, "POST", "/api/v1/events", "application/json", `{"slug": "x",`, 400, ""},
				{"not JSON", admin, "POST", "/api/v1/events", "text/plain", `slug=x`, 400, ""},
				{"wrong type", admin, "POST", "/api/v1/events", "application/json", `{"venue_id": "one"}`, 422, "venue_id"},
				{"unknown field", admin, "POST", "/api/v1/events", "application/json", `{"colour": "red"}`, 422, "colour"},
				{"two objects", admin, "POST", "/api/v1/events", "application/json", `{} {}`, 400, ""},
				{"missing fields", admin, "POST", "/api/v1/events", "application/json", `{}`, 422, "slug"},
				{"end before start", admin, "POST", "/api/v1/events", "application/json",
					`{"slug":"x","kind":"forum","name":{"en":"X"},"venue_id":1,"start_date":"2027-03-12","end_date":"2027-03-10"}`, 422, "end_date"},
				{"unknown venue", admin, "POST", "/api/v1/events", "application/json",
					`{"slug":"x","kind":"forum","name":{"en":"X"},"venue_id":999,"start_date":"2027-03-10","end_date":"2027-03-10"}`, 422, "venue_id"},
				{"over-long name", organizer, "PATCH", ev, "application/json", `{"name":{"vi":"` + long + `"}}`, 422, "name"},
				{"oversized body", organizer, "PATCH", ev, "application/json", `{"description":{"vi":"` + strings.Repeat("a", 70<<10) + `"}}`, 413, ""},
				{"unknown event", anon, "GET", "/api/v1/events/987654", "", "", 404, ""},
				{"bad id", anon, "GET", "/api/v1/events/abc", "", "", 404, ""},
				{"bad paging", anon, "GET", ev + "/exhibitors?limit=5000", "", "", 422, "limit"},
				{"duplicate email", anon, "POST", "/api/v1/people", "application/json", `{"email":"VISITOR@example.vn","name":"V","password":"long enough password"}`, 409, "email"},
				{"bad email", anon, "POST", "/api/v1/people", "application/json", `{"email":"not-an-email","name":"V","password":"long enough password"}`, 422, "email"},
				{"booth outside hall", organizer, "POST", ev + "/booths", "application/json",
					`{"hall_id":` + itoa(f.hallID) + `,"code":"A-999","x_m":99,"y_m":0,"w_m":3,"h_m":3}`, 422, "position"},
				{"duplicate booth code", organizer, "POST", ev + "/booths", "application/json",
					`{"hall_id":` + itoa(f.hallID) + `,"code":"A-101","x_m":10,"y_m":0,"w_m":3,"h_m":3}`, 409, ""},
				{"negative price", organizer, "PATCH", ev + "/booths/" + itoa(f.boothID), "application/json", `{"price_vnd":-1}`, 422, "price_vnd"},
				{"price past any booth's", organizer, "PATCH", ev + "/booths/" + itoa(f.boothID), "application/json", `{"price_vnd":9223372036854775807}`, 422, "price_vnd"},
				{"booth on a booth", organizer, "POST", ev + "/booths", "application/json",
					`{"hall_id":` + itoa(f.hallID) + `,"code":"A-998","x_m":1,"y_m":1,"w_m":3,"h_m":3}`, 422, "size"},
				{"unknown sector", xadmin, "PATCH", ev + "/exhibitors/" + itoa(f.x1.ID) + "/profile", "application/json", `{"sectors":["teleportation"]}`, 422, "sectors"},
				{"bad country", xadmin, "PATCH", ev + "/exhibitors/" + itoa(f.x1.ID) + "/profile", "application/json", `{"country":"Vietnam"}`, 422, "country"},
				{"session speaker of nowhere", organizer, "POST", ev + "/sessions", "application/json",
					`{"room_id":1,"title":{"en":"T"},"language":"en","starts_at":"2027-03-10T05:00:00Z","ends_at":"2027-03-10T06:00:00Z","speaker_ids":[77]}`, 422, "room_id"},
				{"bad time", organizer, "POST", ev + "/sessions", "application/json", `{"starts_at":"tomorrow"}`, 400, ""},
				{"session clashing in its room", organizer, "POST", ev + "/sessions", "application/json",
					`{"room_id":1,"title":{"en":"T"},"language":"en","starts_at":"2027-03-10T02:30:00Z","ends_at":"2027-03-10T03:30:00Z"}`, 409, "room_id"},
				{"session before the event", organizer, "POST", ev + "/sessions", "application/json",
					`{"room_id":1,"title":{"en":"T"},"language":"en","starts_at":"2027-03-09T02:00:00Z","ends_at":"2027-03-09T03:00:00Z"}`, 422, "starts_at"},
				{"session moved after the event", organizer, "PATCH", ev + "/sessions/" + itoa(f.sessID), "application/json",
					`{"starts_at":"2027-03-13T02:00:00Z","ends_at":"2027-03-13T03:00:00Z"}`, 422, "starts_at"},
			}
			before := f.counts(t)
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					resp := f.do(c.role, c.method, c.path, c.ctype, c.body)
					if resp.StatusCode != c.status {
						t.Fatalf("status %d, want %d: %s", resp.StatusCode, c.status, readAll(t, resp))
					}
					if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
						t.Fatalf("content type %q", ct)
					}
					var p problemBody
					if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
						t.Fatal(err)
					}
					if p.Status != c.status || p.Detail == "" {
						t.Fatalf("problem %+v", p)
					}
					if c.field != "" && p.Errors[c.field] == "" {
						t.Fatalf("answer does not name field %q: %+v", c.field, p)
					}
				})
			}
			if after := f.counts(t); after != before {
				t.Fatalf("bad requests wrote rows: before %v, after %v", before, after)
			}
		})
	}
}

// counts tallies the rows the bad requests could have written.
func (f *fixture) counts(t *testing.T) [4]int {
	ctx := context.Background()
	evs, ne, err := f.db.Events(ctx, 0, 100)
	must(t, err)
	_ = evs
	_, nb, err := f.db.Booths(ctx, f.eventID, store.BoothFilter{Limit: 1})
	must(t, err)
	_, ns, err := f.db.Sessions(ctx, f.eventID, store.SessionFilter{Limit: 1})
	must(t, err)
	_, no, err := f.db.Organizations(ctx, store.OrgFilter{Limit: 1})
	must(t, err)
	return [4]int{ne, nb, ns, no}
}

func TestPrivateDataStaysPrivate(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ev := "/api/v1/events/" + itoa(f.eventID)
	for _, path := range []string{ev + "/exhibitors", ev + "/exhibitors/" + itoa(f.x1.ID), "/api/v1/organizations", "/api/v1/organizations/" + itoa(f.orgA),
		"/events/" + itoa(f.eventID) + "/exhibitors", "/events/" + itoa(f.eventID) + "/exhibitors/" + itoa(f.x1.ID)} {
		for _, role := range []string{anon, visitor, otherX} {
			body := readAll(t, f.do(role, "GET", path, "", ""))
			if strings.Contains(body, "private note") || strings.Contains(body, "exhibitor-admin@company.vn") {
				t.Errorf("%s as %s shows X1's private data", path, role)
			}
		}
	}
	// X1's own staff sees its notes; the other exhibitor cannot change X1.
	body := readAll(t, f.do(xstaff, "GET", ev+"/exhibitors/"+itoa(f.x1.ID)+"/private", "", ""))
	if !strings.Contains(body, "private note of exhibitor-admin") {
		t.Fatalf("member does not see own notes: %s", body)
	}
	resp := f.do(otherX, "PATCH", ev+"/exhibitors/"+itoa(f.x1.ID)+"/profile", "application/json", `{"name":{"en":"Hijacked"}}`)
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("other exhibitor changed X1: %d", resp.StatusCode)
	}
	o, _ := f.db.Organization(context.Background(), f.orgA)
	if o.Name.EN == "Hijacked" {
		t.Fatal("X1's name changed")
	}
	resp = f.do(xstaff, "POST", "/portal/events/"+itoa(f.eventID)+"/exhibitors/"+itoa(f.x1.ID), "application/x-www-form-urlencoded", "name_en=Staff+edit")
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("staff may not edit the profile: %d", resp.StatusCode)
	}
}

func TestCreateWithClientKeyIsIdempotent(t *testing.T) {
	f := mustFixture(t, "sqlite")
	token, _ := f.session(organizer)
	post := func(key, code string) (int, string) {
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/events/"+itoa(f.eventID)+"/halls", strings.NewReader(`{"code":"`+code+`","width_m":50,"depth_m":40}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Idempotency-Key", key)
		resp, err := http.DefaultClient.Do(req)
		must(t, err)
		return resp.StatusCode, readAll(t, resp)
	}
	s1, b1 := post("retry-1", "B")
	s2, b2 := post("retry-1", "B")
	if s1 != http.StatusCreated || s2 != http.StatusCreated || b1 != b2 {
		t.Fatalf("retry gave a different answer: %d %s / %d %s", s1, b1, s2, b2)
	}
	if s3, _ := post("retry-2", "B"); s3 != http.StatusConflict {
		t.Fatalf("a new key for the same hall: %d, want 409", s3)
	}
	halls, err := f.db.Halls(context.Background(), f.eventID)
	must(t, err)
	if len(halls) != 2 {
		t.Fatalf("%d halls, want 2", len(halls))
	}
}
