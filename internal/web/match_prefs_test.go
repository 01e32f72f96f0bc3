package web_test

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"ketnoi/internal/market"
	"ketnoi/internal/org"
)

// problem reads a problem+json answer and checks its status; status 0
// takes 400 or 422, which broken JSON may get.
func problem(t *testing.T, f *fixture, role, method, path, body string, status int) problemBody {
	t.Helper()
	resp := f.do(role, method, path, "application/json", body)
	raw := readAll(t, resp)
	ok := resp.StatusCode == status || status == 0 && (resp.StatusCode == 400 || resp.StatusCode == 422)
	if !ok || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("%s %s %s: %d %s %s, want %d problem+json", method, path, body, resp.StatusCode, resp.Header.Get("Content-Type"), raw, status)
	}
	var p problemBody
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestInterestsAndCompetitors edits an organization's declared interests
// and excluded competitors in the portal and through the API: bad input
// is refused field by field with nothing written, competitors stay private,
// and an exclusion reaches the other side's recommendations at once.
func TestInterestsAndCompetitors(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := t.Context()
	orgB := f.x2.OrgID
	portal := "/portal/events/" + itoa(f.eventID) + "/exhibitors/" + itoa(f.x1.ID)
	form := "application/x-www-form-urlencoded"

	page := readAll(t, f.do(xadmin, "GET", portal, "", ""))
	if !strings.Contains(page, `id="interests"`) || !strings.Contains(page, `name="competitors" value="`+itoa(orgB)+`"`) ||
		!strings.Contains(page, "Công ty other-exhibitor") || strings.Contains(page, `name="competitors" value="`+itoa(f.orgA)+`"`) {
		t.Fatal("the profile form lacks interests or the other exhibitor as a possible competitor (or offers the organization itself)")
	}
	save := func(interests, competitors []string) (int, string) {
		v := url.Values{"name_vi": {"Công ty exhibitor-admin"}, "sectors": {"robotics"}, "interests": interests, "competitors": competitors}
		resp := f.do(xadmin, "POST", portal, form, v.Encode())
		return resp.StatusCode, readAll(t, resp)
	}
	stored := func() org.Organization {
		o, err := f.db.Organization(ctx, f.orgA)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	if code, _ := save([]string{"warehouse_automation"}, []string{itoa(orgB)}); code != 303 {
		t.Fatalf("save the profile: %d", code)
	}
	if o := stored(); !slices.Equal(o.Interests, []string{"warehouse_automation"}) || !slices.Equal(o.Competitors, []int64{orgB}) {
		t.Fatalf("stored: %v %v", o.Interests, o.Competitors)
	}
	if page := readAll(t, f.do(xadmin, "GET", portal, "", "")); !strings.Contains(page, `value="`+itoa(orgB)+`" checked`) ||
		!strings.Contains(page, `value="warehouse_automation" checked`) {
		t.Fatal("the form does not show what was saved")
	}
	for _, bad := range []struct{ interests, competitors []string }{
		{[]string{"no_such_sector"}, nil},
		{nil, []string{"abc"}},
		{nil, []string{itoa(f.orgA)}},
		{nil, []string{"999999"}},
	} {
		code, body := save(bad.interests, bad.competitors)
		if code != 422 || !strings.Contains(body, "field-error") {
			t.Fatalf("bad %+v: %d", bad, code)
		}
	}
	if o := stored(); !slices.Equal(o.Interests, []string{"warehouse_automation"}) || !slices.Equal(o.Competitors, []int64{orgB}) {
		t.Fatalf("a refused form changed the profile: %v %v", o.Interests, o.Competitors)
	}

	// The API: strict, field by field, nothing half-written.
	api := "/api/v1/organizations/" + itoa(f.orgA)
	for body, field := range map[string]string{
		`{"competitors":[999999]}`:               "competitors",
		`{"competitors":[` + itoa(f.orgA) + `]}`: "competitors",
		`{"interests":["nope"]}`:                 "interests",
		`{"interests":["robotics","a","b","c","d","e","f","g","h","i","j","k","l"]}`: "interests",
		`{"sectors":["robotics"],"competitors":[0]}`:                                 "competitors",
	} {
		if p := problem(t, f, xadmin, "PATCH", api, body, 422); p.Errors[field] == "" {
			t.Errorf("%s: no message for %s: %+v", body, field, p)
		}
	}
	problem(t, f, xadmin, "PATCH", api, `{"competitors":"all"}`, 422)
	problem(t, f, xadmin, "PATCH", api, `{"rivals":[1]}`, 422)
	if o := stored(); !slices.Equal(o.Competitors, []int64{orgB}) || !slices.Equal(o.Sectors, []string{"robotics"}) {
		t.Fatalf("a refused patch changed the profile: %+v", o)
	}
	var pub org.Organization
	decodeInto(t, f.do(anon, "GET", api, "", ""), &pub)
	if len(pub.Competitors) != 0 || !slices.Equal(pub.Interests, []string{"warehouse_automation"}) {
		t.Fatalf("public read: competitors %v interests %v", pub.Competitors, pub.Interests)
	}

	// B needs what A offers: A is among B's partners until A names B a
	// competitor, and comes back when A takes it off the list.
	resp := f.do(otherX, "POST", "/api/v1/organizations/"+itoa(orgB)+"/cards", "application/json",
		`{"kind":"need","status":"published","title":{"vi":"Cần xe tự hành AGV cho kho hàng"},"sectors":["agv_amr"]}`)
	if resp.StatusCode != 201 {
		t.Fatalf("card: %d %s", resp.StatusCode, readAll(t, resp))
	}
	partnersOfB := func() []int64 {
		t.Helper()
		var l struct{ Items []market.Partner }
		decodeInto(t, f.do(otherX, "GET", "/api/v1/organizations/"+itoa(orgB)+"/recommendations?event="+itoa(f.eventID), "", ""), &l)
		var ids []int64
		for _, p := range l.Items {
			ids = append(ids, p.OrgID)
		}
		return ids
	}
	if ids := partnersOfB(); slices.Contains(ids, f.orgA) {
		t.Fatalf("an excluded competitor is recommended: %v", ids)
	}
	var o org.Organization
	decodeInto(t, f.do(xadmin, "PATCH", api, "application/json", `{"competitors":[]}`), &o)
	if len(o.Competitors) != 0 || !slices.Equal(o.Interests, []string{"warehouse_automation"}) {
		t.Fatalf("after clearing competitors: %+v", o)
	}
	if ids := partnersOfB(); !slices.Contains(ids, f.orgA) {
		t.Fatalf("A is not recommended to B once B is no longer its competitor: %v", ids)
	}
	decodeInto(t, f.do(xadmin, "PATCH", "/api/v1/events/"+itoa(f.eventID)+"/exhibitors/"+itoa(f.x1.ID)+"/profile", "application/json",
		`{"competitors":[`+itoa(orgB)+`]}`), &o)
	if ids := partnersOfB(); slices.Contains(ids, f.orgA) || !slices.Equal(o.Interests, []string{"warehouse_automation"}) {
		t.Fatalf("through the exhibitor profile: partners %v, interests %v", ids, o.Interests)
	}
}
