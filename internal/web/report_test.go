package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ketnoi/internal/demo"
	"ketnoi/internal/outcome"
	"ketnoi/internal/web/webtest"
)

// TestEventReport: the organizer's results report of the demo's past
// matchmaking day counts its meetings held and its confirmed outcomes as
// the database does, that of the fair its floor and registrations, with
// every text from the catalogue; in a real browser it fits a phone and
// prints without the site's header and footer.
func TestEventReport(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	d := mustDemoServer(t)
	db, organizer := d.db, d.login(t, "organizer")
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	signInAs(t, c, d.url, organizer.Email, organizer.Password)
	b := &browse{t: t, c: c, base: d.url}

	counts, err := db.MeetingCounts(ctx, demo.PastID)
	must(t, err)
	outs, err := db.EventOutcomes(ctx, demo.PastID)
	must(t, err)
	confirmed := 0
	for _, o := range outs {
		if o.Status == outcome.Confirmed {
			confirmed++
		}
	}
	resp, page := b.get(fmt.Sprintf("/console/events/%d/report", demo.PastID))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("report: %d", resp.StatusCode)
	}
	row := func(table, label string) string {
		_, rest, ok := strings.Cut(page, `id="`+table+`"`)
		rest, _, _ = strings.Cut(rest, "</table>")
		m := regexp.MustCompile(`<th scope="row">` + regexp.QuoteMeta(label) + `</th><td class="num">([^<]*)</td>`).FindStringSubmatch(rest)
		if !ok || m == nil {
			t.Fatalf("the report has no row %q in %s", label, table)
		}
		return m[1]
	}
	if got := row("report-meetings", "Đã gặp"); got != fmt.Sprint(counts["held"]) {
		t.Errorf("meetings held: %s, the database counts %d", got, counts["held"])
	}
	waiting := pending(outs)
	if got := row("report-outcomes", fmt.Sprintf("Tổng đã xác nhận (%d chờ xác nhận, %d bị phản đối)", waiting, len(outs)-confirmed-waiting)); got != fmt.Sprint(confirmed) {
		t.Errorf("confirmed outcomes: %s, the database counts %d", got, confirmed)
	}
	for _, id := range []string{"report-impact-houses", "report-impact-reach"} {
		if !strings.Contains(page, `id="`+id+`"`) {
			t.Errorf("the report lacks %s", id)
		}
	}
	// Its sections head their columns; amounts are written to the đồng
	// (a report travels), and a value withheld says why.
	if !strings.Contains(page, `<th scope="col" class="num">Số lượng</th>`) || strings.Contains(page, "tỷ ₫") {
		t.Error("the report's columns have no headings, or an amount is rounded to words")
	}
	if strings.Contains(page, "không công bố") != strings.Contains(page, `id="report-hidden-note"`) {
		t.Error("a value is withheld without the reason, or the reason stands alone")
	}
	if strings.Contains(page, `id="report-floor"`) {
		t.Error("the matchmaking day's report shows a floor it does not have")
	}
	if k := catalogKeyIn([]byte(page)); k != "" {
		t.Errorf("the report shows the catalogue key %q", k)
	}
	_, fair := b.get(fmt.Sprintf("/console/events/%d/report", demo.FairID))
	for _, want := range []string{`id="report-floor"`, `id="report-registrations"`, `id="report-countries"`, "Gian hàng đã bán / tổng số"} {
		if !strings.Contains(fair, want) {
			t.Errorf("the fair's report lacks %s", want)
		}
	}

	bctx := webtest.MustBrowser(t)
	mustDo(t, bctx, chromedp.EmulateViewport(390, 844))
	mustNavigate(t, bctx, d.url+"/login")
	mustDo(t, bctx,
		chromedp.SendKeys(chromedp.CSS("#email"), organizer.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), organizer.Password),
	)
	mustClickNavigate(t, bctx, "#login-submit")
	mustNavigate(t, bctx, fmt.Sprintf("%s/console/events/%d", d.url, demo.PastID))
	mustClickNavigate(t, bctx, "#console-report")
	mustText(t, bctx, "h1", "Báo cáo kết quả sự kiện")
	mustNoOverflow(t, bctx, 390)
	_, err = chromedp.Call(bctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	must(t, err)
	type printed struct{ Header, Button, Tables bool }
	pr := mustRun(t, bctx, chromedp.Evaluate[printed](`({
		header: getComputedStyle(document.querySelector("header.top")).display !== "none",
		button: getComputedStyle(document.querySelector("#report-print")).display !== "none" &&
			getComputedStyle(document.querySelector("#report-print").parentElement).display !== "none",
		tables: getComputedStyle(document.querySelector("#report-meetings")).display !== "none"})`))
	if pr.Header || pr.Button || !pr.Tables {
		t.Errorf("printed: %+v, want the tables without the header or the print button", pr)
	}
}

// pending counts the outcomes still waiting for the partner.
func pending(outs []outcome.View) int {
	n := 0
	for _, o := range outs {
		if o.Status == outcome.Reported {
			n++
		}
	}
	return n
}
