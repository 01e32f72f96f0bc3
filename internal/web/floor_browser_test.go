package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
	"ketnoi/internal/web/webtest"
)

// floorFair is a small fair for the browser: an empty hall, an organizer
// and three approved exhibitors (one Korean robot maker with a welding
// robot in its catalogue).
type floorFair struct {
	url     string
	db      *store.DB
	eventID int64
	xs      map[string]int64 // by English name
}

func mustFloorFair(t *testing.T) floorFair {
	t.Helper()
	ctx := context.Background()
	db := storetest.MustOpen(t, "sqlite")
	db.Now = epochClock() // its fair is in March 2027
	hash, err := account.HashPassword(password)
	must(t, err)
	p := &account.Person{Email: "organizer@fair.vn", Name: "Trần Thu Hà", Lang: i18n.VI, PasswordHash: hash}
	must(t, db.CreatePerson(ctx, p))
	v := &event.Venue{Name: i18n.Text{VI: "WTC Bình Dương"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	must(t, db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "fair", Kind: event.TradeFair, Name: i18n.Text{VI: "Triển lãm Nhà máy Thông minh", EN: "Smart Factory Expo"},
		VenueID: v.ID, StartDate: "2027-03-10", EndDate: "2027-03-12"}
	must(t, db.CreateEvent(ctx, e))
	must(t, db.AddOrganizer(ctx, e.ID, p.ID))
	must(t, db.CreateHall(ctx, &event.Hall{EventID: e.ID, Code: "A", Name: i18n.Text{VI: "Sảnh A", EN: "Hall A"}, Width: 40, Depth: 20}))
	f := floorFair{db: db, eventID: e.ID, xs: map[string]int64{}}
	for _, o := range []*org.Organization{
		{Kind: org.Enterprise, Name: i18n.Text{EN: "Daesung Robotics", KO: "대성로보틱스"}, Country: "KR", Sectors: []string{"robotics"}},
		{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty Điện Bình Dương", EN: "Binh Duong Power"}, Country: "VN", Sectors: []string{"clean_energy"}},
		{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty Kho vận Sóng Thần", EN: "Song Than Logistics"}, Country: "VN", Sectors: []string{"logistics"}},
	} {
		must(t, db.CreateOrganization(ctx, o))
		a := &exhibit.Application{EventID: e.ID, OrgID: o.ID, BoothType: "shell", Area: 9, Sector: o.Sectors[0], Email: "x@" + o.Country + ".example", Lang: i18n.VI}
		must(t, a.Validate())
		must(t, db.CreateApplication(ctx, a, exhibit.Change{PersonName: "applicant"}))
		must(t, db.ChangeApplicationStatus(ctx, e.ID, a.ID, exhibit.Submitted, exhibit.Approved, exhibit.Change{PersonName: p.Name}))
		f.xs[o.Name.EN] = a.ExhibitorID
	}
	must(t, db.CreateProduct(ctx, &exhibit.Product{EventID: e.ID, ExhibitorID: f.xs["Daesung Robotics"], Category: "robotics",
		Name: i18n.Text{VI: "Rô-bốt hàn 6 trục", EN: "6-axis welding robot", KO: "6축 용접 로봇"}}))
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	f.url = ts.URL
	return f
}

// TestBrowserFloor: an organizer imports a hall, runs the allocation, moves
// one exhibitor by clicking a booth on the plan and confirms; then a
// visitor searches "robot han quoc" and opens the exhibitor from the plan.
func TestBrowserFloor(t *testing.T) {
	webtest.RequireChromium(t)
	f := mustFloorFair(t)
	ctx := webtest.MustBrowser(t)
	jsErrors := watchJSErrors(ctx)
	csv := "code,x,y,w,h,type,zone\n"
	for i := 1; i <= 12; i++ {
		csv += fmt.Sprintf("A-%d,%d,2,3,3,shell,\n", 100+i, 2+3*(i-1))
	}
	csv += "P1,20,12,1,1,pillar,\n"
	file := filepath.Join(t.TempDir(), "hall-a.csv")
	must(t, os.WriteFile(file, []byte(csv), 0o644))
	power := f.xs["Binh Duong Power"]
	var target string // the booth Binh Duong Power is moved to

	step(t, ctx, "organizer signs in and imports hall A", func(t *testing.T, ctx context.Context) {
		mustNavigate(t, ctx, f.url+"/login")
		mustDo(t, ctx, chromedp.SendKeys(chromedp.CSS("#email"), "organizer@fair.vn"), chromedp.SendKeys(chromedp.CSS("#password"), password))
		mustClickNavigate(t, ctx, "#login-submit")
		mustNavigate(t, ctx, fmt.Sprintf("%s/console/events/%d/floor", f.url, f.eventID))
		mustDo(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#import-file"), []string{file}))
		mustClickNavigate(t, ctx, "#import-go")
		mustText(t, ctx, "#floor-message", "12")
		if n := mustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.plan g.booth").length`)); n != 12 {
			t.Fatalf("the plan draws %d booths, want 12", n)
		}
		if !mustExist(t, ctx, "svg.plan rect.feature.pillar") {
			t.Error("the pillar is not drawn")
		}
	})

	step(t, ctx, "organizer runs the allocation", func(t *testing.T, ctx context.Context) {
		mustNavigate(t, ctx, fmt.Sprintf("%s/console/events/%d/allocation", f.url, f.eventID))
		mustClickNavigate(t, ctx, "#alloc-run")
		if n := mustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#alloc-rows tbody tr").length`)); n != 3 {
			t.Fatalf("%d exhibitors placed, want 3", n)
		}
		if n := mustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.plan g.booth.proposed").length`)); n != 3 {
			t.Fatalf("%d booths proposed on the plan, want 3", n)
		}
	})

	step(t, ctx, "organizer moves one exhibitor by clicking a booth", func(t *testing.T, ctx context.Context) {
		// The last booth the proposal left free.
		target = mustRun(t, ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("svg.plan g.booth:not(.proposed)")].pop().dataset.code`))
		mustDo(t, ctx, chromedp.SetValue(chromedp.CSS("#move-exhibitor"), itoa(power)),
			chromedp.Click(chromedp.CSS(`svg.plan g.booth[data-code="`+target+`"] rect`), chromedp.NodeVisible))
		if got := mustRun(t, ctx, chromedp.Value(chromedp.CSS("#move-booths"))); got != target {
			t.Fatalf("clicking the booth put %q in the form, want %s", got, target)
		}
		mustClickNavigate(t, ctx, "#move-go")
		row := mustTextOf(t, ctx, fmt.Sprintf(`#alloc-rows tr[data-exhibitor="%d"]`, power))
		if !strings.Contains(row, target) || !strings.Contains(row, "🔒") {
			t.Fatalf("moved row = %q, want %s, locked", row, target)
		}
	})

	step(t, ctx, "organizer confirms", func(t *testing.T, ctx context.Context) {
		mustClickNavigate(t, ctx, "#alloc-confirm")
		mustText(t, ctx, "#alloc-confirmed", "3")
		booths, err := f.db.EventBooths(ctx, f.eventID, 0)
		must(t, err)
		sold := 0
		for _, b := range booths {
			if b.Code == target && b.ExhibitorID != power {
				t.Errorf("%s belongs to %d, want %d", target, b.ExhibitorID, power)
			}
			if b.ExhibitorID != 0 {
				sold++
			}
		}
		if sold != 3 {
			t.Errorf("%d booths assigned, want 3", sold)
		}
		mustClickNavigate(t, ctx, "#logout")
	})

	var name string
	step(t, ctx, "visitor searches robot han quoc as they type", func(t *testing.T, ctx context.Context) {
		mustNavigate(t, ctx, fmt.Sprintf("%s/events/%d/search", f.url, f.eventID))
		mustDo(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), "robot han quoc"))
		deadline := time.Now().Add(10 * time.Second)
		for {
			// Before the first keystroke the page lists everything: wait
			// for the answer to the whole query (a prefix typed earlier may
			// answer first, and its results be swapped out under the click),
			// which marks the words it found.
			settled := mustRun(t, ctx, chromedp.Evaluate[bool](`new URLSearchParams(location.search).get("q") === "robot han quoc" && !document.querySelector(".htmx-request")`))
			first := mustRun(t, ctx, chromedp.Evaluate[string](`(document.querySelector("#search-results .hit-link")||{}).innerHTML||""`))
			if settled && strings.Contains(first, "<mark>") && (strings.Contains(first, "Daesung") || strings.Contains(first, "대성") || strings.Contains(first, "hàn")) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("first hit is %q, want Daesung Robotics or its welding robot", first)
			}
			time.Sleep(100 * time.Millisecond)
		}
		mustNotSearchOnLeaving(t, ctx, "#q")
		mustClickNavigate(t, ctx, "#search-results .on-plan")
		name = mustRun(t, ctx, chromedp.Evaluate[string](`(document.querySelector("svg.plan g.booth.hl title")||{}).textContent||""`))
		if !strings.Contains(name, "Daesung") {
			t.Fatalf("highlighted booth = %q, want Daesung Robotics", name)
		}
	})

	step(t, ctx, "visitor opens the exhibitor from the plan", func(t *testing.T, ctx context.Context) {
		mustClickNavigate(t, ctx, `svg.plan g.booth.hl rect`)
		if loc := mustRun(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, fmt.Sprintf("/exhibitors/%d", f.xs["Daesung Robotics"])) {
			t.Fatalf("opened %s", loc)
		}
		mustBodyContain(t, ctx, "Daesung Robotics")
	})

	step(t, ctx, "the plan pans and zooms at phone width", func(t *testing.T, ctx context.Context) {
		mustDo(t, ctx, chromedp.EmulateViewport(390, 844))
		mustNavigate(t, ctx, fmt.Sprintf("%s/events/%d/plan", f.url, f.eventID))
		before := mustRun(t, ctx, chromedp.AttributeValue(chromedp.CSS("svg.plan"), "viewBox")).Value
		mustDo(t, ctx, chromedp.Click(chromedp.CSS(`[data-zoom="in"]`), chromedp.NodeVisible))
		// The click reaches the script a moment later on a busy machine:
		// wait for the viewBox to move, up to five seconds.
		after := before
		for i := 0; i < 50 && after == before; i++ {
			time.Sleep(100 * time.Millisecond)
			after = mustRun(t, ctx, chromedp.AttributeValue(chromedp.CSS("svg.plan"), "viewBox")).Value
		}
		if before == after {
			t.Errorf("zoom in left the viewBox at %q", before)
		}
		mustNoOverflow(t, ctx, 390)
	})
	if errs := jsErrors.all(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %v", errs)
	}
}
