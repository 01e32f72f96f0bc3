package web_test

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ketnoi/internal/account"
	"ketnoi/internal/i18n"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
	"ketnoi/internal/web"
)

// TestOutcomeFlow: after a meeting, one side reports what came of it
// (a wrong amount is refused with the form kept and nothing written; the
// same kind twice is refused); the partner's members are mailed in their
// language, confirm it on their outcomes page, after which the reporter
// can no longer withdraw it; the organizer counts it with its value, in
// the console and the workbook; and the same through the API, with a
// card's report, a dispute and a withdrawal.
func TestOutcomeFlow(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) { outcomeFlow(t, dialect) })
	}
}

func outcomeFlow(t *testing.T, dialect string) {
	f := mustFixture(t, dialect)
	inbox := withMail(t, f)
	ctx := t.Context()
	must(t, f.db.SetPersonLang(ctx, f.people[xstaff].ID, i18n.EN))
	orgB := f.x2.OrgID
	form := "application/x-www-form-urlencoded"
	// The fixture's request from B to A took place.
	v, err := f.db.Meeting(ctx, f.eventID, f.ids["meeting"])
	must(t, err)
	held := &v.Meeting
	held.Status = meeting.Held
	must(t, f.db.SaveMeeting(ctx, held, meeting.Requested))
	base := "/events/" + itoa(f.eventID) + "/meetings/" + itoa(held.ID) + "/outcomes"
	count := func() int {
		t.Helper()
		vs, err := f.db.EventOutcomes(ctx, f.eventID)
		must(t, err)
		return len(vs)
	}
	before := count() // the access fixture's own reports

	// The meetings page offers the report on the held meeting.
	if page := readAll(t, f.do(otherX, "GET", "/events/"+itoa(f.eventID)+"/meetings", "", "")); !strings.Contains(page, base+"/new") {
		t.Fatal("the meetings page offers no report of the held meeting")
	}
	page := readAll(t, f.do(otherX, "GET", base+"/new", "", ""))
	if !strings.Contains(page, `id="outcome-form"`) || !strings.Contains(page, "Công ty exhibitor-admin") {
		t.Fatalf("report form: %s", page)
	}
	// A value with a decimal part: refused, the form keeps what was typed.
	resp := f.do(otherX, "POST", base, form, "kind=pilot&value=1,5&note=D%C3%A2y+chuy%E1%BB%81n+th%E1%BB%AD")
	page = readAll(t, resp)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="value-error"`) || !strings.Contains(page, "Dây chuyền thử") || !strings.Contains(page, `value="1,5"`) {
		t.Fatalf("bad value: %d %s", resp.StatusCode, page)
	}
	if count() != before {
		t.Fatal("a refused report was written")
	}
	resp = f.do(otherX, "POST", base, form, "kind=pilot&value=1.500.000.000+%E2%82%AB&note=D%C3%A2y+chuy%E1%BB%81n+th%E1%BB%AD")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/outcomes/orgs/"+itoa(orgB)+"?done=reported" {
		t.Fatalf("report: %d %q %s", resp.StatusCode, resp.Header.Get("Location"), readAll(t, resp))
	}
	// The other side reports the same kind: refused, told to confirm, with
	// the way to confirm it right there.
	resp = f.do(xstaff, "POST", base, form, "kind=pilot&value=")
	if page := readAll(t, resp); resp.StatusCode != http.StatusConflict || !strings.Contains(page, `id="outcome-message"`) ||
		!regexp.MustCompile(`action="/outcomes/\d+/confirm"`).MatchString(page) {
		t.Fatalf("second pilot: %d %s", resp.StatusCode, page)
	}
	if page := readAll(t, f.do(otherX, "GET", base+"/new", "", "")); strings.Contains(page, "/confirm\"") {
		t.Error("the reporter is offered to confirm its own report")
	}
	if m := inbox.Wait(t, xstaff+"@example.vn", "reports an outcome"); !strings.Contains(m.Text, "Pilot") || !strings.Contains(m.Text, "1,500,000,000\u00a0₫") {
		t.Fatalf("mail to the partner: %q", m.Text)
	}
	inbox.Wait(t, xadmin+"@example.vn", "Thí điểm")

	// The partner sees it waiting and confirms it.
	vs, err := f.db.EventOutcomes(ctx, f.eventID)
	must(t, err)
	id := vs[0].ID // newest first
	if vs[0].MeetingID != held.ID || vs[0].Value != 1_500_000_000 || vs[0].Status != outcome.Reported {
		t.Fatalf("stored: %+v", vs[0].Outcome)
	}
	page = readAll(t, f.do(xstaff, "GET", "/outcomes/orgs/"+itoa(f.orgA), "", ""))
	waiting, _, _ := strings.Cut(page, `id="outcomes-all"`)
	if !strings.Contains(waiting, `action="/outcomes/`+itoa(id)+`/confirm"`) {
		t.Fatalf("the partner's page has no confirmation waiting: %s", page)
	}
	resp = f.do(xstaff, "POST", "/outcomes/"+itoa(id)+"/confirm", form, "")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", resp.StatusCode, readAll(t, resp))
	}
	if m := inbox.Wait(t, otherX+"@example.vn", "đã xác nhận kết quả"); !strings.Contains(m.Text, "Thí điểm") {
		t.Fatalf("mail to the reporter on confirmation: %q", m.Text)
	}
	if resp := f.do(otherX, "POST", "/outcomes/"+itoa(id)+"/withdraw", form, ""); resp.StatusCode != http.StatusConflict {
		t.Fatalf("withdrawing a confirmed outcome: %d", resp.StatusCode)
	}
	if resp := f.do(otherX, "POST", "/outcomes/"+itoa(id)+"/confirm", form, ""); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("the reporter confirming: %d", resp.StatusCode)
	}

	// The organizer counts it, with its value, on the page and in the workbook.
	page = readAll(t, f.do(organizer, "GET", "/console/events/"+itoa(f.eventID)+"/outcomes", "", ""))
	if !strings.Contains(page, `<tr data-kind="pilot"><th scope="row">Thí điểm</th><td>1</td>`) || !strings.Contains(page, "1.500.000.000") {
		t.Fatalf("console: %s", page)
	}
	page = readAll(t, f.do(anon, "GET", "/events/"+itoa(f.eventID), "", ""))
	if !strings.Contains(page, `<b id="fig-held">1</b>`) || !strings.Contains(page, `<b id="fig-outcomes"><a href="/impact">1</a></b>`) {
		t.Errorf("the event's page does not count the held meeting and its confirmed outcome")
	}
	if !strings.Contains(page, `<b id="fig-orgs">2</b>`) {
		t.Errorf("the event's page does not count the two organizations that met")
	}
	page = readAll(t, f.do(organizer, "GET", "/console/events/"+itoa(f.eventID), "", ""))
	if _, chart, ok := strings.Cut(page, `id="dash-outcomes"`); !ok || !strings.Contains(chart, "Thí điểm</span>") || !strings.Contains(chart, "1.500.000.000") {
		t.Errorf("the event's overview does not count the confirmed pilot")
	}
	resp = f.do(organizer, "GET", "/console/events/"+itoa(f.eventID)+"/outcomes.xlsx", "", "")
	x, err := excelize.OpenReader(strings.NewReader(readAll(t, resp)))
	must(t, err)
	rows, err := x.GetRows("Kết quả hợp tác")
	if err != nil || len(rows) != 1+count() {
		t.Fatalf("workbook: %d rows, %v", len(rows), err)
	}
	found := false
	for _, row := range rows[1:] {
		found = found || row[0] == itoa(id) && strings.Join(row, "|") == strings.Join([]string{itoa(id), "Thí điểm", "Đã xác nhận",
			"Công ty other-exhibitor", "VN", "Công ty exhibitor-admin", "VN", "1500000000", "Dây chuyền thử"}, "|")+"|"+strings.Join(row[9:], "|")
	}
	if !found {
		t.Fatalf("workbook rows: %q", rows)
	}
	// The reporting organization's own workbook: all its reports.
	resp = f.do(otherX, "GET", "/outcomes/orgs/"+itoa(orgB)+"/outcomes.xlsx", "", "")
	x, err = excelize.OpenReader(strings.NewReader(readAll(t, resp)))
	must(t, err)
	mine, err := f.db.OrgOutcomes(ctx, orgB)
	must(t, err)
	if rows, err := x.GetRows("Kết quả hợp tác"); err != nil || len(rows) != 1+len(mine) || rows[1][0] != itoa(mine[0].ID) {
		t.Fatalf("the organization's workbook: %d rows for %d outcomes, %v", len(rows), len(mine), err)
	}

	// The API: a card's report by B, disputed by A, then withdrawn by B;
	// bad input answers problem+json and writes nothing.
	js := "application/json"
	api := "/api/v1/organizations/" + itoa(orgB) + "/outcomes"
	n := count()
	problem(t, f, otherX, "POST", api, `{"kind":"contract"}`, 422)
	problem(t, f, otherX, "POST", api, `{"card_id":`+itoa(f.ids["card"])+`,"kind":"deal"}`, 422)
	problem(t, f, otherX, "POST", api, `{"card_id":`+itoa(f.ids["card"])+`,"kind":"contract","value_vnd":-4}`, 422)
	problem(t, f, otherX, "POST", api, `{"event_id":`+itoa(f.eventID)+`,"meeting_id":`+itoa(held.ID)+`,"kind":"pilot"}`, 409)
	problem(t, f, xstaff, "POST", "/api/v1/organizations/"+itoa(f.orgA)+"/outcomes", `{"card_id":`+itoa(f.ids["card"])+`,"kind":"contract"}`, 422)
	if count() != n {
		t.Fatal("a refused API report was written")
	}
	resp = f.do(otherX, "POST", api, js, `{"card_id":`+itoa(f.ids["card"])+`,"kind":"tech_transfer","value_vnd":800000000,"note":"licence"}`)
	var card outcome.View
	decodeInto(t, resp, &card)
	if resp.StatusCode != http.StatusCreated || card.CardID != f.ids["card"] || card.Partner != f.orgA || card.EventID != 0 {
		t.Fatalf("card report: %d %+v", resp.StatusCode, card)
	}
	// A dispute says why: the reporter reads it.
	if resp := f.do(xadmin, "POST", "/api/v1/outcomes/"+itoa(card.ID)+"/dispute", js, `{"reason":"  "}`); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a dispute without a reason: %d", resp.StatusCode)
	}
	resp = f.do(xadmin, "POST", "/api/v1/outcomes/"+itoa(card.ID)+"/dispute", js, `{"reason":"chưa ký"}`)
	var disputed outcome.View
	decodeInto(t, resp, &disputed)
	if disputed.Status != outcome.Disputed || disputed.Answer != "chưa ký" {
		t.Fatalf("dispute: %+v", disputed)
	}
	var read outcome.View
	decodeInto(t, f.do(otherX, "GET", "/api/v1/outcomes/"+itoa(card.ID), "", ""), &read)
	if read.Status != outcome.Disputed || read.Answer != "chưa ký" || read.PartnerOrg.ID != f.orgA {
		t.Fatalf("the reporter reads its disputed report: %+v", read)
	}
	if m := inbox.Wait(t, otherX+"@example.vn", "phản đối kết quả"); !strings.Contains(m.Text, "chưa ký") || !strings.Contains(m.Text, "800.000.000") {
		t.Fatalf("mail to the reporter on a dispute: %q", m.Text)
	}
	if resp := f.do(otherX, "DELETE", "/api/v1/outcomes/"+itoa(card.ID), "", ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("withdraw: %d %s", resp.StatusCode, readAll(t, resp))
	}
	if _, err := f.db.Outcome(ctx, card.ID); err == nil {
		t.Fatal("the withdrawn report is still there")
	}
	resp = f.do(organizer, "GET", "/api/v1/events/"+itoa(f.eventID)+"/outcomes", "", "")
	var ev web.EventOutcomes
	decodeInto(t, resp, &ev)
	pilot := ev.Summary.Kinds[3]
	if pilot.Kind != outcome.Pilot || pilot.Confirmed != 1 || pilot.Value != 1_500_000_000 || len(ev.Outcomes) != count() {
		t.Fatalf("event outcomes: %+v", ev.Summary)
	}
	raw, _ := json.Marshal(ev.Summary.Total)
	if !strings.Contains(string(raw), `"confirmed_value_vnd":1500000000`) {
		t.Fatalf("total: %s", raw)
	}
}

// TestImpact: the public indicators count confirmed outcomes only, by
// kind, pair of houses, reach and year, withhold the value of groups of
// fewer than three, name no organization, and say the same on the page,
// in the CSV and through the API.
func TestImpact(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := t.Context()
	orgB := f.x2.OrgID
	for i, st := range []outcome.Status{outcome.Confirmed, outcome.Confirmed, outcome.Confirmed, outcome.Reported, outcome.Disputed} {
		o, err := outcome.New(orgB, f.orgA, outcome.TechTransfer, 100_000_000, "")
		must(t, err)
		o.CardID = f.ids["card"]
		if i > 0 {
			o.Kind = []outcome.Kind{outcome.TechTransfer, outcome.Contract, outcome.Pilot, outcome.MoU}[i-1]
		}
		if i == 1 {
			o.Reporter, o.Partner = f.orgA, orgB // the other way round: the same pair of houses
		}
		o.Status = st
		must(t, f.db.CreateOutcome(ctx, &o))
	}
	// The access fixture's own reports are not confirmed.
	resp := f.do(anon, "GET", "/api/v1/impact", "", "")
	var in outcome.Indicators
	decodeInto(t, resp, &in)
	if in.Total.Count != 3 || in.Total.Value != 300_000_000 || in.Total.Hidden {
		t.Fatalf("total %+v", in.Total)
	}
	if tt := in.ByKind[5]; tt.Key != string(outcome.TechTransfer) || tt.Count != 2 || !tt.Hidden || tt.Value != 0 {
		t.Fatalf("tech transfers %+v", tt)
	}
	if len(in.ByHouses) != 1 || in.ByHouses[0].Count != 3 {
		t.Fatalf("houses %+v", in.ByHouses)
	}
	// All three came of a card, none of a meeting: one source.
	if len(in.BySource) != 1 || in.BySource[0] != (outcome.Group{Key: "marketplace", Count: 3, Value: 300_000_000}) {
		t.Fatalf("sources %+v", in.BySource)
	}
	page := readAll(t, f.do(anon, "GET", "/impact", "", ""))
	for _, want := range []string{`id="impact-count">3<`, "300\u00a0triệu\u00a0₫", "Chợ công nghệ (quanh năm)", `<tr data-key="tech_transfer"><th scope="row">Chuyển giao công nghệ</th><td>2</td><td>không công bố</td>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "Công ty exhibitor-admin") || strings.Contains(page, "100.000.000") {
		t.Error("the page names an organization or one deal's value")
	}
	resp = f.do(anon, "GET", "/impact.csv", "", "")
	rows, err := csv.NewReader(resp.Body).ReadAll()
	must(t, err)
	if resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" || rows[0][0] != "group" || strings.Join(rows[1], ",") != "total,total,3,300000000,false" {
		t.Fatalf("csv %q %q", resp.Header.Get("Content-Type"), rows)
	}
	found := false
	for _, r := range rows {
		found = found || strings.Join(r, ",") == "kind,tech_transfer,2,0,true"
	}
	if !found || len(rows) != 1+1+len(outcome.Kinds)+len(in.ByHouses)+len(in.ByReach)+len(in.ByYear)+len(in.BySource)+len(in.ByCountries)+1+len(in.ResearchByKind) {
		t.Fatalf("csv rows %q", rows)
	}
	// The card is an offer: nothing came of a research result yet.
	if in.Research.Count != 0 || len(in.ResearchByKind) != 0 {
		t.Errorf("research %+v %+v", in.Research, in.ResearchByKind)
	}
	// A year, a source: the indicators of those alone, the filter kept in
	// the page's choices and its download links.
	year := strconv.Itoa(f.db.Now().Year())
	for q, want := range map[string]int{"?year=" + year: 3, "?year=1999": 0, "?source=marketplace": 3, "?source=event:" + itoa(f.eventID): 0, "?year=abc&source=nonsense": 3} {
		var got outcome.Indicators
		decodeInto(t, f.do(anon, "GET", "/api/v1/impact"+q, "", ""), &got)
		if got.Total.Count != want {
			t.Errorf("impact%s: %d confirmed, want %d", q, got.Total.Count, want)
		}
	}
	page = readAll(t, f.do(anon, "GET", "/impact?year="+year+"&source=marketplace", "", ""))
	if page := readAll(t, f.do(anon, "GET", "/impact?year=1999", "", "")); !strings.Contains(page, `<option value="1999" selected>`) {
		t.Error("a year without outcomes is not kept chosen in the filter")
	}
	if !strings.Contains(page, `<option value="`+year+`" selected>`) || !strings.Contains(page, `<option value="marketplace" selected>`) ||
		!strings.Contains(page, `href="/impact.csv?source=marketplace&amp;year=`+year+`"`) {
		t.Errorf("the filtered page does not keep its filter")
	}
}

// TestAskForOutcomes: the organizer asks the organizations whose meetings
// took place what came of them; each member is mailed the list in their
// language; an organization that has reported is not asked again.
func TestAskForOutcomes(t *testing.T) {
	f := mustFixture(t, "sqlite")
	inbox := withMail(t, f)
	ctx := t.Context()
	must(t, f.db.SetPersonLang(ctx, f.people[xstaff].ID, i18n.EN))
	v, err := f.db.Meeting(ctx, f.eventID, f.ids["meeting"]) // B asked A
	must(t, err)
	held := v.Meeting
	held.Status = meeting.Held
	must(t, f.db.SaveMeeting(ctx, &held, meeting.Requested))
	form := "application/x-www-form-urlencoded"
	console := "/console/events/" + itoa(f.eventID) + "/outcomes"
	ask := func(want string) {
		t.Helper()
		resp := f.do(organizer, "POST", console+"/ask", form, "")
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("ask: %d %s", resp.StatusCode, readAll(t, resp))
		}
		page := readAll(t, f.do(organizer, "GET", resp.Header.Get("Location"), "", ""))
		if !strings.Contains(page, want) {
			t.Fatalf("after asking, the console does not say %q", want)
		}
	}
	// The access fixture's report of this meeting is B's: only A is asked,
	// and A's outcomes page lists the meeting to report on.
	toReport := func(role string, org int64) bool {
		page := readAll(t, f.do(role, "GET", "/outcomes/orgs/"+itoa(org), "", ""))
		return strings.Contains(page, `id="outcomes-to-report"`) && strings.Contains(page, "/meetings/"+itoa(held.ID)+"/outcomes/new")
	}
	if !toReport(xstaff, f.orgA) || toReport(otherX, f.x2.OrgID) {
		t.Error("the meeting to report on is listed on the wrong organizations' pages")
	}
	ask("Đã hỏi 1 tổ chức (2 người).")
	if m := inbox.Wait(t, xstaff+"@example.vn", "What came of your meetings"); !strings.Contains(m.Text, "Company other-exhibitor") {
		t.Fatalf("the English mail does not list the meeting: %q", m.Text)
	}
	inbox.Wait(t, xadmin+"@example.vn", "mang lại kết quả gì")
	if n := mailsTo(t, inbox, otherX+"@example.vn", "mang lại kết quả gì"); n != 0 {
		t.Fatalf("B, which has reported, was asked %d times", n)
	}
	// The same through the API: A has still said nothing.
	apiAsk := func() web.Asked {
		t.Helper()
		resp := f.do(organizer, "POST", "/api/v1/events/"+itoa(f.eventID)+"/outcomes/ask", "application/json", "")
		var asked web.Asked
		decodeInto(t, resp, &asked)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("asking through the API: %d", resp.StatusCode)
		}
		return asked
	}
	if got := apiAsk(); got != (web.Asked{Organizations: 1, People: 2}) {
		t.Errorf("asking through the API: %+v", got)
	}
	// Once A reports, nobody is left to ask.
	resp := f.do(xstaff, "POST", "/events/"+itoa(f.eventID)+"/meetings/"+itoa(held.ID)+"/outcomes", form, "kind=mou")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("A's report: %d %s", resp.StatusCode, readAll(t, resp))
	}
	ask("Đã hỏi 0 tổ chức (0 người).")
	if got := apiAsk(); got != (web.Asked{}) {
		t.Errorf("asking through the API after A reported: %+v", got)
	}
	if toReport(xstaff, f.orgA) {
		t.Error("a meeting A reported on is still listed to report on")
	}
}

// TestMailsLinkToThePage: with the site's public address configured, the
// mails of meetings and outcomes end with the address of the page to open
// (before the signature); without it they name the page in words only
// (the other tests); an application's mail writes its link whole; a
// malformed address stops the server at start.
func TestMailsLinkToThePage(t *testing.T) {
	f := mustFixture(t, "sqlite")
	inbox := withMail(t, f, "https://ketnoi.example/")
	ctx := t.Context()
	must(t, f.db.SetPersonLang(ctx, f.people[xstaff].ID, i18n.EN))
	// A request from A's partner B gets A's members a mail with a link.
	form := "application/x-www-form-urlencoded"
	v, err := f.db.Meeting(ctx, f.eventID, f.ids["meeting"])
	must(t, err)
	held := v.Meeting
	held.Status = meeting.Held
	must(t, f.db.SaveMeeting(ctx, &held, meeting.Requested))
	resp := f.do(otherX, "POST", "/events/"+itoa(f.eventID)+"/meetings/"+itoa(held.ID)+"/outcomes", form, "kind=contract&value=2000000")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("report: %d %s", resp.StatusCode, readAll(t, resp))
	}
	m := inbox.Wait(t, xstaff+"@example.vn", "reports an outcome")
	want := "Open: https://ketnoi.example/outcomes/orgs/" + itoa(f.orgA) + "\n\nketnoi"
	if !strings.Contains(strings.ReplaceAll(m.Text, "\r\n", "\n"), want) {
		t.Fatalf("the mail lacks %q:\n%s", want, m.Text)
	}
	// An application to exhibit: its mail's link to the application is whole.
	c := &org.Organization{Kind: org.Startup, Name: i18n.Text{VI: "Công ty Khởi nghiệp"}, Country: "VN"}
	must(t, f.db.CreateOrganization(ctx, c))
	must(t, f.db.AddMembership(ctx, account.Membership{PersonID: f.people[visitor].ID, OrgID: c.ID, Role: account.MemberAdmin}))
	apply := "/orgs/" + itoa(c.ID) + "/events/" + itoa(f.eventID) + "/apply"
	resp = f.do(visitor, "POST", apply, form, "op=submit&booth_type=shell&area=9&sector=robotics&email=apply%40startup.vn")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("application: %d %s", resp.StatusCode, readAll(t, resp))
	}
	if m := inbox.Wait(t, "apply@startup.vn", ""); !strings.Contains(m.Text, "https://ketnoi.example"+apply) {
		t.Fatalf("the application mail lacks its whole link:\n%s", m.Text)
	}
	// A registration's badge mail leads to the event's page.
	reg := url.Values{"csrf": {"anonymous-csrf-token-0123456789"}, "name": {"Trần Thị Bích"}, "email": {"bich@example.vn"},
		"organization": {"Viện Cơ khí"}, "category": {"delegate"}, "consent": {"yes"}}
	if resp := f.do(anon, "POST", "/events/"+itoa(f.eventID)+"/register", form, reg.Encode()); resp.StatusCode != http.StatusCreated {
		t.Fatalf("registration: %d %s", resp.StatusCode, readAll(t, resp))
	}
	if m := inbox.Wait(t, "bich@example.vn", ""); !strings.Contains(m.Text, "https://ketnoi.example/events/"+itoa(f.eventID)) || len(m.Attachments) == 0 {
		t.Fatalf("the badge mail lacks the event's link or its badge:\n%s", m.Text)
	}
	for _, bad := range []string{"ketnoi.example", "ftp://ketnoi.example", "https://", "https://ketnoi.example/?x=1"} {
		if _, err := web.New(f.db, web.Config{PublicURL: bad}); err == nil {
			t.Errorf("public URL %q accepted", bad)
		}
	}
}
