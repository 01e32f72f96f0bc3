package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
)

// walkIn posts the help desk's walk-in form as the organizer.
func (f *fixture) walkIn(form url.Values) (int, string, string) {
	f.t.Helper()
	resp := f.do(organizer, "POST", fmt.Sprintf("/console/events/%d/helpdesk/walkins", f.eventID), formType, form.Encode())
	return resp.StatusCode, resp.Header.Get("Location"), readAll(f.t, resp)
}

// addedID is the registration a walk-in's answer leads the desk to.
func addedID(t *testing.T, status int, location string) int64 {
	t.Helper()
	u, err := url.Parse(location)
	if status != http.StatusSeeOther || err != nil {
		t.Fatalf("walk-in answered %d (%s), want 303 to the help desk", status, location)
	}
	id, err := strconv.ParseInt(u.Query().Get("added"), 10, 64)
	if err != nil || !strings.HasSuffix(u.Path, "/helpdesk") {
		t.Fatalf("walk-in leads to %s, not to the desk with the registration", location)
	}
	return id
}

func (f *fixture) registrationCount() int {
	f.t.Helper()
	_, n, err := f.db.Registrants(f.t.Context(), f.eventID, store.RegistrantFilter{})
	must(f.t, err)
	return n
}

func (f *fixture) pendingMails() int {
	f.t.Helper()
	ms, err := f.db.Mails(f.t.Context(), f.eventID, outbox.Pending, 1000)
	must(f.t, err)
	return len(ms)
}

// TestWalkInWithoutEmail: the desk registers a visitor who gives a name, a
// phone and nothing else; the desk is shown the registration with its
// badge in the language asked for, no mail is queued (there is nowhere to
// send it), and the badge verifies at the gate like any other.
func TestWalkInWithoutEmail(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			f := mustFixture(t, d)
			before, mails := f.registrationCount(), f.pendingMails()
			status, loc, _ := f.walkIn(url.Values{"name": {"  Võ Thanh Tùng "}, "phone": {"+84 909 123 456"}, "organization": {"Công ty Cơ khí Bình Dương"},
				"category": {"delegate"}, "lang": {"en"}, "once": {"k-1"}})
			id := addedID(t, status, loc)
			reg, err := f.db.Registrant(t.Context(), f.eventID, id)
			must(t, err)
			if reg.Name != "Võ Thanh Tùng" || reg.Category != event.CatDelegate || reg.Lang != i18n.EN || reg.Phone != "+84 909 123 456" || checkin.Reachable(reg.Email) || reg.Source != checkin.SourceDesk {
				t.Fatalf("stored %+v", reg)
			}
			if f.registrationCount() != before+1 || f.pendingMails() != mails {
				t.Fatalf("registrations %d→%d, mails %d→%d; want one more registration, no mail", before, f.registrationCount(), mails, f.pendingMails())
			}
			page := readAll(t, f.do(organizer, "GET", loc, "", ""))
			for _, want := range []string{`id="walkin-added"`, "Đã đăng ký Võ Thanh Tùng", fmt.Sprintf(`id="reg-%d"`, id),
				fmt.Sprintf(`/registrations/%d/badge.pdf?lang=en`, id), "909 123 456", `<details class="card" id="walkin" open>`, "tại quầy hỗ trợ"} {
				if !strings.Contains(page, want) {
					t.Errorf("the desk after the walk-in lacks %s", want)
				}
			}
			if strings.Contains(page, reg.Email) || strings.Contains(page, `id="walkin-form"`) == false {
				t.Error("the desk shows the made-up address, or no form for the next walk-in")
			}
			pdf := f.do(organizer, "GET", fmt.Sprintf("/console/events/%d/registrations/%d/badge.pdf?lang=en", f.eventID, id), "", "")
			if body := readAll(t, pdf); pdf.StatusCode != 200 || !strings.HasPrefix(body, "%PDF") {
				t.Fatalf("badge PDF: %d", pdf.StatusCode)
			}
		})
	}
}

// TestWalkInWithEmailIsMailedOnce: with an email the usual confirmation is
// queued; the same form sent again (a double click, a resend after a lost
// answer), even several copies at once, brings back the first
// registration; the same email typed in a new form is refused with the
// existing registration offered instead.
func TestWalkInWithEmailIsMailedOnce(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			f := mustFixture(t, d)
			before, mails := f.registrationCount(), f.pendingMails()
			form := url.Values{"name": {"Trần Thị Mai"}, "email": {" Mai@Example.VN "}, "category": {"visitor"}, "lang": {"ko"}, "once": {"k-2"}}
			var wg sync.WaitGroup
			ids := make([]int64, 4)
			for i := range ids {
				wg.Add(1)
				go func() {
					defer wg.Done()
					resp := f.do(organizer, "POST", fmt.Sprintf("/console/events/%d/helpdesk/walkins", f.eventID), formType, form.Encode())
					u, _ := url.Parse(resp.Header.Get("Location"))
					if resp.StatusCode != http.StatusSeeOther || u == nil {
						t.Errorf("copy %d answered %d", i, resp.StatusCode)
						return
					}
					ids[i], _ = strconv.ParseInt(u.Query().Get("added"), 10, 64)
				}()
			}
			wg.Wait()
			if t.Failed() {
				return
			}
			for _, id := range ids[1:] {
				if id != ids[0] || id == 0 {
					t.Fatalf("copies of one form led to registrations %v, want one", ids)
				}
			}
			if f.registrationCount() != before+1 || f.pendingMails() != mails+1 {
				t.Fatalf("registrations %d→%d, mails %d→%d; want one of each", before, f.registrationCount(), mails, f.pendingMails())
			}
			reg, err := f.db.Registrant(t.Context(), f.eventID, ids[0])
			must(t, err)
			if reg.Email != "mai@example.vn" || reg.Lang != i18n.KO {
				t.Fatalf("stored %+v", reg)
			}

			form.Set("once", "k-3")
			form.Set("name", "Mai again")
			status, _, page := f.walkIn(form)
			if status != http.StatusConflict || !strings.Contains(page, "Email này đã được đăng ký cho sự kiện") ||
				!strings.Contains(page, fmt.Sprintf(`id="reg-%d"`, reg.ID)) || !strings.Contains(page, `value="Mai again"`) {
				t.Fatalf("the same email again: %d, without the existing registration or the typed name:\n%s", status, page)
			}
			if f.registrationCount() != before+1 {
				t.Fatal("the same email made a second registration")
			}
		})
	}
}

// TestWalkInRefusals: each bad form is answered in the staff's language,
// with the field marked and what was typed kept, and writes nothing; a
// full category says so.
func TestWalkInRefusals(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			f := mustFixture(t, d)
			must(t, f.db.SetQuota(t.Context(), f.eventID, event.CatPress, 1))
			status, loc, _ := f.walkIn(url.Values{"name": {"Phóng viên Một"}, "category": {"press"}, "once": {"p-1"}})
			addedID(t, status, loc)
			before, mails := f.registrationCount(), f.pendingMails()
			long := strings.Repeat("Viện ", 50)
			cases := []struct {
				name   string
				form   url.Values
				status int
				field  string // the marked field, "" for none
				want   string // in the page, in Vietnamese
			}{
				{"empty name", url.Values{"name": {"  "}, "organization": {"Viện Cơ khí"}}, 422, "name", "Viện Cơ khí"},
				{"bad email", url.Values{"name": {"Lê Văn Tám"}, "email": {"tam@"}}, 422, "email", `value="tam@"`},
				{"bad phone", url.Values{"name": {"Lê Văn Tám"}, "phone": {"gọi sau"}}, 422, "phone", "không phải là số điện thoại"},
				{"long organization", url.Values{"name": {"Lê Văn Tám"}, "organization": {long}}, 422, "organization", "dài quá 200 ký tự"},
				{"long name", url.Values{"name": {strings.Repeat("Tám", 100)}}, 422, "name", "bắt buộc"},
				{"organizer category", url.Values{"name": {"Lê Văn Tám"}, "category": {"organizer"}}, 422, "category", "Lê Văn Tám"},
				{"unknown category", url.Values{"name": {"Lê Văn Tám"}, "category": {"vvip"}}, 422, "category", "Lê Văn Tám"},
				{"full category", url.Values{"name": {"Phóng viên Hai"}, "category": {"press"}}, 409, "category", "Hạng mục Báo chí đã hết chỗ"},
			}
			for i, c := range cases {
				if c.form.Get("category") == "" {
					c.form.Set("category", "visitor")
				}
				c.form.Set("once", fmt.Sprintf("bad-%d", i))
				status, _, page := f.walkIn(c.form)
				if status != c.status || !strings.Contains(page, `id="walkin-error"`) || !strings.Contains(page, c.want) ||
					!strings.Contains(page, `data-field="`+c.field+`"`) || !strings.Contains(page, `<details class="card" id="walkin" open>`) {
					t.Errorf("%s: %d, want %d with %q and the %s field marked", c.name, status, c.status, c.want, c.field)
				}
			}
			if f.registrationCount() != before || f.pendingMails() != mails {
				t.Fatalf("refused forms wrote: registrations %d→%d, mails %d→%d", before, f.registrationCount(), mails, f.pendingMails())
			}
			page := readAll(t, f.do(organizer, "GET", fmt.Sprintf("/console/events/%d/helpdesk", f.eventID), "", ""))
			if !strings.Contains(page, `value="press">Báo chí (hết chỗ)`) {
				t.Error("the desk's form does not mark the full category")
			}
		})
	}
}

// TestWalkInAfterTheEvent: once the fair is over the desk registers no
// one, as the public form does.
func TestWalkInAfterTheEvent(t *testing.T) {
	f := mustFixture(t, "sqlite", withClock(func() time.Time { return time.Date(2027, 3, 13, 3, 0, 0, 0, time.UTC) }))
	before := f.registrationCount()
	status, _, page := f.walkIn(url.Values{"name": {"Khách muộn"}, "category": {"visitor"}, "once": {"late"}})
	if status != http.StatusConflict || !strings.Contains(page, "Sự kiện đã kết thúc") || !strings.Contains(page, `value="Khách muộn"`) || f.registrationCount() != before {
		t.Fatalf("a walk-in after the fair: %d", status)
	}
}

// TestHelpDeskOffersWalkInWhenNobodyFound: a search that finds nobody
// opens the walk-in form with the name typed.
func TestHelpDeskOffersWalkInWhenNobodyFound(t *testing.T) {
	f := mustFixture(t, "sqlite")
	page := readAll(t, f.do(organizer, "GET", fmt.Sprintf("/console/events/%d/helpdesk?q=%s", f.eventID, url.QueryEscape("Nguyễn Không Có")), "", ""))
	if !strings.Contains(page, `id="desk-none"`) || !strings.Contains(page, `<details class="card" id="walkin" open>`) || !strings.Contains(page, `name="name" value="Nguyễn Không Có"`) {
		t.Fatalf("no walk-in form offered after a search in vain:\n%s", page)
	}
	// A phone searched in vain goes to the phone field, not the name.
	page = readAll(t, f.do(organizer, "GET", fmt.Sprintf("/console/events/%d/helpdesk?q=%s", f.eventID, url.QueryEscape("0987 654 321")), "", ""))
	if !strings.Contains(page, `name="phone" type="tel" value="0987 654 321"`) || strings.Contains(page, `name="name" value="0987 654 321"`) {
		t.Errorf("a phone searched in vain is not in the walk-in's phone field")
	}
}
