package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"ketnoi/internal/account"
	"ketnoi/internal/org"
)

const formType = "application/x-www-form-urlencoded"

// membershipsOf lists the organizations a fixture role belongs to.
func (f *fixture) membershipsOf(role string) []account.Membership {
	f.t.Helper()
	ms, err := f.db.Memberships(context.Background(), f.people[role].ID)
	must(f.t, err)
	return ms
}

// createOrgLink finds the link to the organization form on a page and
// returns the address it carries back (its next).
var createOrgLink = regexp.MustCompile(`href="/orgs/new\?next=([^"]*)"[^>]*id="create-org-link"`)

func linkedNext(t *testing.T, page string) string {
	t.Helper()
	m := createOrgLink.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the page has no link to create an organization:\n%s", clip(page, 3000))
	}
	next, err := url.QueryUnescape(html.UnescapeString(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	return next
}

// TestCreateOrganization: a visitor who belongs to no organization is
// told so on the request form, with a link that carries the form's
// address; they create one, become its admin, return to the form with a
// confirmation, and the form now lets them send the request.
func TestCreateOrganization(t *testing.T) {
	f := mustFixture(t, "sqlite")
	request := "/events/" + itoa(f.eventID) + "/meetings/new?to=" + itoa(f.orgA) + "&origin=profile"
	page := readAll(t, f.do(visitor, "GET", request, "", ""))
	if strings.Contains(page, `id="meeting-form"`) || !strings.Contains(page, `id="no-org"`) {
		t.Fatalf("the request form of a visitor without organization:\n%s", clip(page, 3000))
	}
	next := linkedNext(t, page)
	if next != request {
		t.Fatalf("the link returns to %q, want %q", next, request)
	}

	resp := f.do(visitor, "GET", "/orgs/new?next="+url.QueryEscape(next), "", "")
	form := readAll(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.Contains(form, `name="next" value="`+html.EscapeString(next)+`"`) ||
		!strings.Contains(form, `<option value="VN" selected>`) || !strings.Contains(form, `<option value="enterprise" selected>`) {
		t.Fatalf("the form: %d, want next kept, Vietnam and enterprise chosen:\n%s", resp.StatusCode, clip(form, 4000))
	}

	body := url.Values{"next": {next}, "name_vi": {"  Viện Cơ khí Bình Dương "}, "name_en": {"Binh Duong Mechanical Institute"},
		"kind": {"institute"}, "country": {"VN"}, "website": {"vienckbd.vn"}, "desc_vi": {"Nghiên cứu robot"}, "sectors": {"robotics", "agv_amr"}}
	resp = f.do(visitor, "POST", "/orgs", formType, body.Encode())
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", resp.StatusCode, readAll(t, resp))
	}
	ms := f.membershipsOf(visitor)
	if len(ms) != 1 || ms[0].Role != account.MemberAdmin {
		t.Fatalf("the creator's memberships: %+v, want admin of the new organization", ms)
	}
	o, err := f.db.Organization(context.Background(), ms[0].OrgID)
	must(t, err)
	if o.Name.VI != "Viện Cơ khí Bình Dương" || o.Kind != org.Institute || o.HouseOf() != org.Academia || o.Website != "https://vienckbd.vn" ||
		o.Description.VI != "Nghiên cứu robot" || strings.Join(o.Sectors, ",") != "agv_amr,robotics" && strings.Join(o.Sectors, ",") != "robotics,agv_amr" {
		t.Errorf("stored: %+v", o)
	}
	loc := resp.Header.Get("Location")
	if back, _, _ := strings.Cut(loc, "&created="); !strings.HasPrefix(loc, "/events/") || !strings.Contains(loc, "created=org") ||
		!strings.Contains(back, "to="+itoa(f.orgA)) {
		t.Fatalf("create sent to %q, want back to %q with the confirmation", loc, request)
	}

	page = readAll(t, f.do(visitor, "GET", loc, "", ""))
	for _, want := range []string{`id="meeting-form"`, `id="flash"`, "Đã tạo tổ chức của bạn", "Viện Cơ khí Bình Dương</option>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the request form after creating lacks %s:\n%s", want, clip(page, 4000))
		}
	}
	resp = f.do(visitor, "POST", "/events/"+itoa(f.eventID)+"/meetings", formType,
		url.Values{"from": {itoa(o.ID)}, "to": {itoa(f.orgA)}, "message": {"Xin chào"}, "place": {"table"}}.Encode())
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the new admin's request: %d\n%s", resp.StatusCode, clip(readAll(t, resp), 2000))
	}
}

// TestCreateOrganizationRefused: a form with no name and a website that is
// not one is refused beside those fields, in the reader's language, with
// everything typed kept, and nothing is created.
func TestCreateOrganizationRefused(t *testing.T) {
	f := mustFixture(t, "sqlite")
	body := url.Values{"next": {"/market/mine"}, "name_vi": {"  "}, "kind": {"agency"}, "country": {"KR"}, "website": {"sở khoa học"},
		"desc_en": {"Provincial department"}, "sectors": {"agv_amr"}}
	resp := f.do(visitor, "POST", "/orgs", formType, body.Encode())
	page := readAll(t, resp)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("refused form: %d, want 422\n%s", resp.StatusCode, clip(page, 2000))
	}
	for _, want := range []string{
		`id="err-name">cần có ít nhất một ngôn ngữ<`,
		`id="err-website">phải là một địa chỉ web, ví dụ https://example.vn<`,
		`value="sở khoa học"`, `<option value="KR" selected>`, `<option value="agency" selected>`,
		`>Provincial department</textarea>`, `value="agv_amr" checked`, `name="next" value="/market/mine"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the refused form lacks %s", want)
		}
	}
	if strings.Contains(page, "is required in at least one language") {
		t.Error("the refused form explains itself in English to a Vietnamese reader")
	}
	if ms := f.membershipsOf(visitor); len(ms) != 0 {
		t.Errorf("a refused form created %+v", ms)
	}
}

// TestCreatedOrganizationNeverLeavesTheSite: a next that leads off the
// site is dropped for the new organization's profile.
func TestCreatedOrganizationNeverLeavesTheSite(t *testing.T) {
	f := mustFixture(t, "sqlite")
	for i, next := range []string{"//evil.example", "https://evil.example/x", "/\\evil.example", "", "/\t/evil.example"} {
		body := url.Values{"next": {next}, "name_en": {"Org " + itoa(int64(i))}, "kind": {"enterprise"}, "country": {"VN"}}
		resp := f.do(visitor, "POST", "/orgs", formType, body.Encode())
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/market/orgs/") || !strings.HasSuffix(loc, "?created=org") {
			t.Errorf("next %q: %d to %q, want the new profile", next, resp.StatusCode, loc)
		}
	}
}

// TestNoOrganizationPagesLinkToCreatingOne: every page that tells a
// person they have no organization links to the form, carrying the page's
// address back.
func TestNoOrganizationPagesLinkToCreatingOne(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ev := "/events/" + itoa(f.eventID)
	for _, path := range []string{ev + "/meetings", ev + "/apply", "/market/mine", "/market/orgs/" + itoa(f.orgA), "/market/cards/" + itoa(f.ids["card"]),
		"/market/cards/" + itoa(f.ids["card"]) + "/outcomes/new"} {
		page := readAll(t, f.do(visitor, "GET", path, "", ""))
		if got := linkedNext(t, page); got != path {
			t.Errorf("%s links to the form with next %q", path, got)
		}
	}
	if page := readAll(t, f.do(xadmin, "GET", ev+"/meetings", "", "")); createOrgLink.MatchString(page) {
		t.Error("the meetings page of an organization's member offers to create one")
	}
}
