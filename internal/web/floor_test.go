package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
)

func tinyPNG() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.NRGBA{255, 0, 0, 255})
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// upload posts a multipart form with one file as a role, CSRF included.
func (f *fixture) upload(role, path string, fields map[string]string, field, name string, data []byte) *http.Response {
	f.t.Helper()
	token, csrf := f.session(role)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", csrf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile(field, name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", f.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
	resp, err := client().Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func (f *fixture) form(role, path string, vals url.Values) *http.Response {
	f.t.Helper()
	return f.do(role, "POST", path, "application/x-www-form-urlencoded", vals.Encode())
}

func wantStatus(t *testing.T, r *http.Response, want int) string {
	t.Helper()
	body := readAll(t, r)
	if r.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, want, body)
	}
	return body
}

// TestHallImportPage: a bad file shows every bad row and changes nothing;
// a good one replaces the hall's booths, which the public plan then draws.
func TestHallImportPage(t *testing.T) {
	f := mustFixture(t, "sqlite")
	path := fmt.Sprintf("/console/events/%d/halls/%d/import", f.eventID, f.hallID)
	bad := "code,x,y,w,h,type\nA-101,0,0,3,3,shell\nA-102,2,0,3,3,shell\nA-103,99,0,3,3,shell\nA-101,10,10,3,3,shell\n"
	body := wantStatus(t, f.upload(organizer, path, nil, "file", "hall.csv", []byte(bad)), http.StatusUnprocessableEntity)
	for _, frag := range []string{"import-errors", "dòng 3", "chồng lên gian A-101", "dòng 4", "nằm ngoài nhà triển lãm", "dòng 5", "đã dùng ở dòng 2"} {
		if !strings.Contains(body, frag) {
			t.Errorf("error report lacks %q", frag)
		}
	}
	booths, _ := f.db.EventBooths(t.Context(), f.eventID, f.hallID)
	if len(booths) != 1 {
		t.Fatalf("a failed import changed the hall: %d booths", len(booths))
	}
	good := `{"booths":[{"code":"A-101","x":0,"y":0,"w":3,"h":3,"type":"shell"},{"code":"A-102","x":3,"y":0,"w":3,"h":3,"type":"corner","zone":"KR","price_vnd":45000000}],
		"features":[{"type":"pillar","x":20,"y":20,"w":1,"h":1}]}`
	r := f.upload(organizer, path, nil, "file", "hall.json", []byte(good))
	wantStatus(t, r, http.StatusSeeOther)
	booths, _ = f.db.EventBooths(t.Context(), f.eventID, f.hallID)
	if len(booths) != 2 || booths[1].Type != event.Corner || booths[1].PriceVND != 45_000_000 || booths[0].ExhibitorID != f.x1.ID {
		t.Fatalf("after import: %+v", booths)
	}
	plan := wantStatus(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/plan?find=Company", f.eventID), "", ""), http.StatusOK)
	for _, frag := range []string{`data-code="A-102"`, `class="feature pillar"`, "Công ty exhibitor-admin", `booth sold hl`} {
		if !strings.Contains(plan, frag) {
			t.Errorf("plan lacks %q", frag)
		}
	}
	pdf := f.do(anon, "GET", fmt.Sprintf("/events/%d/halls/%d/plan.pdf", f.eventID, f.hallID), "", "")
	if b := wantStatus(t, pdf, http.StatusOK); !strings.HasPrefix(b, "%PDF-") || pdf.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("not a PDF: %q", pdf.Header.Get("Content-Type"))
	}
}

// TestBoothEdit: the organizer edits a booth; a size that overlaps the
// neighbour is refused with the form shown again.
func TestBoothEdit(t *testing.T) {
	f := mustFixture(t, "sqlite")
	b2 := &event.Booth{EventID: f.eventID, HallID: f.hallID, Code: "A-102", X: 3, W: 3, H: 3, Type: event.Shell, Status: event.Free}
	must(t, f.db.CreateBooth(t.Context(), b2))
	path := fmt.Sprintf("/console/events/%d/booths/%d", f.eventID, b2.ID)
	wantStatus(t, f.form(organizer, path, url.Values{"code": {"A-102B"}, "w": {"3"}, "h": {"4"}, "type": {"raw"}, "zone": {"VN"}, "price_vnd": {"12.000.000"}, "status": {"blocked"}}), http.StatusSeeOther)
	got, _ := f.db.Booth(t.Context(), f.eventID, b2.ID)
	if got.Code != "A-102B" || got.H != 4 || got.Type != event.Raw || got.Zone != "VN" || got.PriceVND != 12_000_000 || got.Status != event.Blocked {
		t.Fatalf("booth = %+v", got)
	}
	body := wantStatus(t, f.form(organizer, fmt.Sprintf("/console/events/%d/booths/%d", f.eventID, f.boothID),
		url.Values{"code": {"A-101"}, "w": {"4"}, "h": {"3"}, "type": {"shell"}, "price_vnd": {"1"}}), http.StatusUnprocessableEntity)
	if !strings.Contains(body, "làm gian hàng chồng lên gian khác: A-102B") {
		t.Fatalf("overlap not reported in Vietnamese:\n%s", body)
	}
	// A refusal is shown as one, beside the field, with what was typed.
	body = wantStatus(t, f.form(organizer, fmt.Sprintf("/console/events/%d/booths/%d", f.eventID, f.boothID),
		url.Values{"code": {"A-101"}, "w": {"abc"}, "h": {"3"}, "type": {"shell"}, "zone": {"Hàn Quốc"}, "price_vnd": {"-5"}}), http.StatusUnprocessableEntity)
	for _, want := range []string{`class="alert" role="status" id="floor-message"`, `name="w" value="abc"`, `name="zone" value="Hàn Quốc"`, `name="price_vnd" value="-5"`, `<p class="field-error">Rộng`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused booth form lacks %s", want)
		}
	}
	if got, _ := f.db.Booth(t.Context(), f.eventID, f.boothID); got.Zone == "Hàn Quốc" {
		t.Error("a refused booth form was stored")
	}
	// A width that is no number (NaN passes "is it too small") is refused
	// beside its field, not written.
	wantStatus(t, f.form(organizer, fmt.Sprintf("/console/events/%d/booths/%d", f.eventID, f.boothID),
		url.Values{"code": {"A-101"}, "w": {"NaN"}, "h": {"3"}, "type": {"shell"}, "price_vnd": {"1"}}), http.StatusUnprocessableEntity)
}

// TestSearchAPI: the catalogue API finds a product by its Vietnamese name
// typed without diacritics, with highlights, and sees a new product.
func TestSearchAPI(t *testing.T) {
	f := mustFixture(t, "sqlite")
	f.form(xadmin, fmt.Sprintf("/portal/events/%d/exhibitors/%d/products", f.eventID, f.x1.ID),
		url.Values{"op": {"add"}, "name_vi": {"Rô-bốt hàn"}, "name_ko": {"용접 로봇"}, "category": {"robotics"}})
	var out struct {
		Items []struct {
			Kind        string            `json:"kind"`
			ExhibitorID int64             `json:"exhibitor_id"`
			Highlights  map[string]string `json:"highlights"`
		} `json:"items"`
		Total int `json:"total"`
	}
	r := f.do(anon, "GET", fmt.Sprintf("/api/v1/events/%d/search?q=robot+han", f.eventID), "", "")
	if err := json.Unmarshal([]byte(wantStatus(t, r, http.StatusOK)), &out); err != nil {
		t.Fatal(err)
	}
	if out.Total != 1 || out.Items[0].Kind != "product" || out.Items[0].ExhibitorID != f.x1.ID || !strings.Contains(out.Items[0].Highlights["name_vi"], "<mark>") {
		t.Fatalf("search = %+v", out)
	}
	wantStatus(t, f.do(anon, "GET", fmt.Sprintf("/api/v1/events/%d/search?kind=booth", f.eventID), "", ""), http.StatusUnprocessableEntity)
	page := wantStatus(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/search?q=%%EC%%9A%%A9%%EC%%A0%%91", f.eventID), "", ""), http.StatusOK)
	if !strings.Contains(page, "<mark>용접</mark>") {
		t.Fatalf("search page lacks the highlighted Korean hit")
	}
	// Found by its Korean name, the product is titled in the reader's
	// Vietnamese, the name that matched under it.
	if !regexp.MustCompile(`class="hit-link">Rô-bốt hàn</a>.*\n.*<p class="meta also"><mark>용접</mark> 로봇</p>`).MatchString(page) {
		t.Errorf("the Korean match is not shown under the Vietnamese title")
	}
	// The hit leads to the product on its exhibitor's page.
	products, err := f.db.Products(t.Context(), f.x1.ID)
	if err != nil || len(products) != 1 {
		t.Fatalf("products: %v %v", products, err)
	}
	anchor := fmt.Sprintf("/events/%d/exhibitors/%d#product-%d", f.eventID, f.x1.ID, products[0].ID)
	if !strings.Contains(page, `href="`+anchor+`"`) {
		t.Errorf("the product hit does not lead to %s", anchor)
	}
	profile := wantStatus(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/exhibitors/%d", f.eventID, f.x1.ID), "", ""), http.StatusOK)
	if !strings.Contains(profile, fmt.Sprintf(`id="product-%d"><b>Rô-bốt hàn</b>`, products[0].ID)) {
		t.Error("the exhibitor's page does not show its product")
	}
	// The page pages its hits (here one a page): the next page shows the
	// next hit and leads back.
	first := wantStatus(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/search?limit=1", f.eventID), "", ""), http.StatusOK)
	next := fmt.Sprintf(`href="/events/%d/search?limit=1&amp;page=2"`, f.eventID)
	if !strings.Contains(first, next) || !strings.Contains(first, "Trang 1 / ") {
		t.Fatalf("the first page of hits has no way to the next:\n%s", first[strings.Index(first, `id="search-count"`):])
	}
	second := wantStatus(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/search?limit=1&page=2", f.eventID), "", ""), http.StatusOK)
	hit := func(page string) string {
		i := strings.Index(page, `class="hit-link"`)
		if i < 0 {
			t.Fatal("a page of hits without a hit")
		}
		return page[i : i+80]
	}
	if !strings.Contains(second, "Trang 2 / ") || !strings.Contains(second, `rel="prev"`) || hit(first) == hit(second) {
		t.Fatalf("the second page of hits: %q after %q", hit(second), hit(first))
	}
}

// TestLogoUpload: an image is re-encoded as PNG; other files are refused.
func TestLogoUpload(t *testing.T) {
	f := mustFixture(t, "sqlite")
	path := fmt.Sprintf("/portal/events/%d/exhibitors/%d/logo", f.eventID, f.x2.ID)
	wantStatus(t, f.upload(otherX, path, nil, "logo", "logo.txt", []byte("not an image")), http.StatusUnprocessableEntity)
	big := image.NewNRGBA(image.Rect(0, 0, 1200, 600))
	var jpg bytes.Buffer
	png.Encode(&jpg, big)
	wantStatus(t, f.upload(otherX, path, nil, "logo", "logo.png", jpg.Bytes()), http.StatusSeeOther)
	r := f.do(anon, "GET", fmt.Sprintf("/events/%d/exhibitors/%d/logo.png", f.eventID, f.x2.ID), "", "")
	img, err := png.Decode(strings.NewReader(wantStatus(t, r, http.StatusOK)))
	if err != nil || img.Bounds().Dx() != 512 || img.Bounds().Dy() != 256 {
		t.Fatalf("stored logo: %v %v", err, img)
	}
	// A phone's photo, larger than a request may be, is refused in the
	// reader's language with the limit people read (not as an expired
	// form), and so is a form sent without a file.
	must(t, f.db.SetPersonLang(t.Context(), f.people[otherX].ID, i18n.KO))
	photo := make([]byte, 100<<10) // the fixture's requests stop at 64 KB
	copy(photo, jpg.Bytes())
	resp := f.upload(otherX, path, nil, "logo", "photo.png", photo)
	if body := readAll(t, resp); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "파일이 허용 크기보다 큽니다: 64 KB") {
		t.Errorf("a photo too large: %d, not refused in Korean with the limit:\n%s", resp.StatusCode, clip(body, 2000))
	}
	resp = f.upload(otherX, path, nil, "other", "photo.png", jpg.Bytes()[:100])
	if body := readAll(t, resp); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "필수 항목입니다") {
		t.Errorf("a logo form without a file: %d, not refused in Korean", resp.StatusCode)
	}
}

// TestPlanFollowsChanges: the hall plan is served from the read cache, and
// a booth assigned, or an exhibitor renamed, shows at the next look.
func TestPlanFollowsChanges(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := t.Context()
	plan := func() string {
		t.Helper()
		resp := f.do(anon, "GET", "/events/"+itoa(f.eventID)+"/plan", "", "")
		if resp.StatusCode != 200 {
			t.Fatalf("plan: %d", resp.StatusCode)
		}
		return readAll(t, resp)
	}
	b := &event.Booth{EventID: f.eventID, HallID: f.hallID, Code: "A-102", X: 5, W: 6, H: 6, Type: event.Shell, Status: event.Free}
	must(t, f.db.CreateBooth(ctx, b))
	if page := plan(); !strings.Contains(page, `<title>A-102</title>`) {
		t.Fatalf("before: the plan lacks free booth A-102")
	}
	must(t, f.db.AssignBooth(ctx, f.eventID, b.ID, f.x2.ID))
	if page := plan(); !strings.Contains(page, `<title>A-102 · Công ty `+otherX+`</title>`) {
		t.Errorf("the plan does not show A-102 sold to %s", otherX)
	}
	o, err := f.db.Organization(ctx, f.x2.OrgID)
	must(t, err)
	o.Name.VI = "Công ty Đổi Tên"
	must(t, f.db.UpdateOrganization(ctx, &o))
	if page := plan(); !strings.Contains(page, `<title>A-102 · Công ty Đổi Tên</title>`) {
		t.Errorf("the plan does not show the exhibitor's new name on A-102")
	}
}

// TestEventHomeCounts: the event home's figures follow every change: a
// booth added (its floor figures come from the read cache) and a visitor
// registered (counted on every view).
func TestEventHomeCounts(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := t.Context()
	count := func(label string) string {
		t.Helper()
		resp := f.do(anon, "GET", "/events/"+itoa(f.eventID), "", "")
		page := readAll(t, resp)
		i := strings.Index(page, "</b>"+label)
		if resp.StatusCode != 200 || i < 0 {
			t.Fatalf("home: %d, no %q figure", resp.StatusCode, label)
		}
		return page[strings.LastIndex(page[:i], "<b>")+3 : i]
	}
	booths, regs := count("gian hàng"), count("lượt đăng ký")
	// A registration moves no version: it must show all the same.
	r := checkin.Registrant{Name: "Khách Mới", Email: "khach.moi@example.vn", Consent: true}
	r.EventID, r.Category = f.eventID, event.CatVisitor
	must(t, f.db.Register(ctx, &r))
	if got := count("lượt đăng ký"); got == regs {
		t.Errorf("registrations still %s after one more", got)
	}
	must(t, f.db.CreateBooth(ctx, &event.Booth{EventID: f.eventID, HallID: f.hallID, Code: "A-199", X: 40, W: 3, H: 3, Type: event.Shell, Status: event.Free}))
	if got := count("gian hàng"); got == booths {
		t.Errorf("booths still %s after one was added", got)
	}
}

// TestDirectoryPastTheLastPage: an address past the directory's last page
// (an old link, a hand-edited one) leads to the last page, filters kept.
func TestDirectoryPastTheLastPage(t *testing.T) {
	f := mustFixture(t, "sqlite")
	resp := f.do(anon, "GET", fmt.Sprintf("/events/%d/exhibitors?country=VN&page=99", f.eventID), "", "")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != fmt.Sprintf("/events/%d/exhibitors?country=VN&page=1", f.eventID) {
		t.Fatalf("page 99 of 1: %d to %q, want the last page", resp.StatusCode, loc)
	}
	wantStatus(t, f.do(anon, "GET", fmt.Sprintf("/events/%d/exhibitors?page=1", f.eventID), "", ""), http.StatusOK)
}

// TestRefusedProductKeepsWhatWasTyped: a product refused for its name
// comes back with its descriptions and category as typed, the form in view.
func TestRefusedProductKeepsWhatWasTyped(t *testing.T) {
	f := mustFixture(t, "sqlite")
	path := fmt.Sprintf("/portal/events/%d/exhibitors/%d/products", f.eventID, f.x1.ID)
	resp := f.form(xadmin, path, url.Values{"op": {"add"}, "desc_vi": {"Hàn MIG/MAG sáu trục"}, "desc_ko": {"6축 용접"}, "category": {"robotics"}})
	page := wantStatus(t, resp, http.StatusUnprocessableEntity)
	for _, want := range []string{">Hàn MIG/MAG sáu trục</textarea>", ">6축 용접</textarea>", `<option value="robotics" selected>`, `products#product-form"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the refused product form lacks %s", want)
		}
	}
	if ps, _ := f.db.Products(t.Context(), f.x1.ID); len(ps) != 0 {
		t.Errorf("a refused product was stored: %+v", ps)
	}
}

// TestHallImportAPI: a floor plan with errors is refused as problem+json
// whose rows name each error, nothing imported; a good one replaces the
// hall's booths.
func TestHallImportAPI(t *testing.T) {
	f := mustFixture(t, "sqlite")
	path := fmt.Sprintf("/api/v1/events/%d/halls/%d/import", f.eventID, f.hallID)
	bad := `{"booths":[{"code":"A-101","x":0,"y":0,"w":3,"h":3,"type":"shell"},{"code":"A-102","x":1,"y":0,"w":3,"h":3,"type":"shell"}]}`
	resp := f.do(organizer, "POST", path, "application/json", bad)
	var p struct {
		Status int
		Detail string
		Rows   []struct{ Where, Code, Message string }
	}
	if err := json.Unmarshal([]byte(readAll(t, resp)), &p); err != nil || resp.StatusCode != 422 || resp.Header.Get("Content-Type") != "application/problem+json" ||
		p.Status != 422 || p.Detail == "" || len(p.Rows) == 0 || !strings.Contains(p.Rows[0].Message, "overlaps booth A-101") {
		t.Fatalf("a plan with overlapping booths: %d %s %+v %v", resp.StatusCode, resp.Header.Get("Content-Type"), p, err)
	}
	if booths, _ := f.db.EventBooths(t.Context(), f.eventID, f.hallID); len(booths) != 1 {
		t.Fatalf("a refused import changed the hall: %d booths", len(booths))
	}
	good := `{"booths":[{"code":"A-101","x":0,"y":0,"w":3,"h":3,"type":"shell"},{"code":"A-102","x":3,"y":0,"w":3,"h":3,"type":"shell"}]}`
	if resp := f.do(organizer, "POST", path, "application/json", good); resp.StatusCode != 200 {
		t.Fatalf("a good plan: %d %s", resp.StatusCode, readAll(t, resp))
	}
	if booths, _ := f.db.EventBooths(t.Context(), f.eventID, f.hallID); len(booths) != 2 {
		t.Fatalf("after the import the hall has %d booths, want 2", len(booths))
	}
}
