package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"ketnoi/internal/demo"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

// TestDemoApplications seeds the demo on each database and reads it as
// its organizer: the applications console and the API list the
// applications its exhibitors imply, the dashboard counts the same, the
// organizer approves a submitted one, and last year's matchmaking day has
// its participants registered.
func TestDemoApplications(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) { demoApplications(t, dialect) })
	}
}

func demoApplications(t *testing.T, dialect string) {
	ctx := t.Context()
	db := storetest.MustOpen(t, dialect)
	db.Now = epochClock()
	ds := demo.Generate(1)
	must(t, demo.Seed(ctx, db, ds))
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NoMailWorker: true})
	must(t, err)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	var organizer demo.Login
	for _, l := range ds.Logins {
		if l.Role == "organizer" {
			organizer = l
		}
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	signInAs(t, c, hs.URL, organizer.Email, organizer.Password)
	b := &browse{t: t, c: c, base: hs.URL}

	want := map[exhibit.Status][]int64{}
	for _, a := range ds.Applications {
		want[a.Status] = append(want[a.Status], a.ID)
	}
	if len(want[exhibit.Submitted]) == 0 {
		t.Fatal("the demo has no submitted application to review")
	}
	appLink := regexp.MustCompile(fmt.Sprintf(`href="/console/events/%d/applications/([0-9]+)"`, demo.FairID))
	for _, st := range []exhibit.Status{exhibit.Submitted, exhibit.Approved, exhibit.Rejected, exhibit.Withdrawn} {
		_, page := b.get(fmt.Sprintf("/console/events/%d/applications?status=%s", demo.FairID, st))
		if got := len(appLink.FindAllStringSubmatch(page, -1)); got != len(want[st]) {
			t.Errorf("the %s tab lists %d applications, the demo has %d", st, got, len(want[st]))
		}
	}
	_, body := b.get(fmt.Sprintf("/api/v1/events/%d/applications", demo.FairID))
	var list struct {
		Total int                   `json:"total"`
		Items []exhibit.Application `json:"items"`
	}
	must(t, json.Unmarshal([]byte(body), &list))
	if list.Total != len(ds.Applications) || len(ds.Applications) != len(ds.Exhibitors) {
		t.Errorf("the API lists %d applications; the demo has %d, for %d exhibitors", list.Total, len(ds.Applications), len(ds.Exhibitors))
	}
	_, dash := b.get(fmt.Sprintf("/console/events/%d", demo.FairID))
	if !strings.Contains(dash, fmt.Sprintf(`id="fig-applications">%d<`, len(ds.Applications))) {
		t.Errorf("the dashboard does not count the %d applications", len(ds.Applications))
	}
	// Its charts write their figures as its tiles do (7.753, not 7753).
	if n := regexp.MustCompile(`<b>\d{4,}</b>`).FindString(dash); n != "" || !strings.Contains(dash, `class="bars"`) {
		t.Errorf("a chart of the dashboard shows %s without grouping its digits", n)
	}

	// The organizer approves the first submitted application, as from the
	// console's form.
	id := want[exhibit.Submitted][0]
	path := fmt.Sprintf("/console/events/%d/applications/%d", demo.FairID, id)
	_, page := b.get(path)
	if !strings.Contains(page, `value="approve"`) {
		t.Fatalf("submitted application %d offers no approval", id)
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, _ := b.post(path, url.Values{"csrf": {csrfOf(t, page)}, "action": {"approve"}})
	c.CheckRedirect = nil
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve application %d: %d", id, resp.StatusCode)
	}
	a, err := db.Application(ctx, demo.FairID, id)
	must(t, err)
	last := a.History[len(a.History)-1]
	if a.Status != exhibit.Approved || last.Status != exhibit.Approved || last.PersonName == "" {
		t.Errorf("application %d after approval: %s, history ends %+v", id, a.Status, last)
	}
	st, err := db.FloorStats(ctx, demo.FairID)
	must(t, err)
	if n := st.ExhibitorsByStat[string(event.Approved)]; n != len(want[exhibit.Approved])+1 {
		t.Errorf("%d approved exhibitors after the approval, want %d", n, len(want[exhibit.Approved])+1)
	}

	// Last year's matchmaking day: its registered people are those who
	// met there (and its organizer), at least one for each organization.
	past, err := db.Stats(ctx, demo.PastID)
	must(t, err)
	mf, err := db.MatchFigures(ctx, demo.PastID)
	must(t, err)
	if past.Registrations < mf.Orgs || past.Registrations > mf.Orgs*5/4 {
		t.Errorf("the matchmaking day counts %d registrations for %d organizations that met", past.Registrations, mf.Orgs)
	}
}
