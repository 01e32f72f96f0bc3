package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

func postScans(t *testing.T, f *fixture, role, body string) (int, string) {
	t.Helper()
	resp := f.do(role, "POST", fmt.Sprintf("/api/v1/events/%d/scans", f.eventID), "application/json", body)
	return resp.StatusCode, readAll(t, resp)
}

func TestScansAPI(t *testing.T) {
	f := mustFixture(t, "sqlite")
	tok := badgeTokens[f]
	now := f.db.Now().Format(time.RFC3339) // the fixture's clock, not the wall's
	one := fmt.Sprintf(`{"id":"20000000-0000-4000-8000-000000000001","token":%q,"point":"gate-1","kind":"checkin","scanned_at":%q}`, tok, now)
	code, body := postScans(t, f, organizer, one)
	if code != 200 || !strings.Contains(body, `"status":"accepted"`) {
		t.Fatalf("first scan: %d %s", code, body)
	}
	code, body = postScans(t, f, organizer, one)
	if code != 200 || !strings.Contains(body, `"status":"duplicate"`) {
		t.Fatalf("resent scan: %d %s", code, body)
	}
	batch := fmt.Sprintf(`{"scans":[%s,
		{"id":"20000000-0000-4000-8000-000000000002","token":%q,"point":"gate-1","kind":"checkin","scanned_at":%q},
		{"id":"20000000-0000-4000-8000-000000000003","token":"KN1.forged","point":"gate-1","kind":"checkin","scanned_at":%q},
		{"id":"20000000-0000-4000-8000-000000000004","token":%q,"point":"gate-1","kind":"checkout","scanned_at":%q}]}`, one, tok, now, now, tok, now)
	code, body = postScans(t, f, organizer, batch)
	var res struct {
		Results []struct{ ID, Status, Reason string }
	}
	if code != 200 || json.Unmarshal([]byte(body), &res) != nil || len(res.Results) != 4 {
		t.Fatalf("batch: %d %s", code, body)
	}
	want := []string{"duplicate/", "rejected/already_inside", "rejected/malformed_badge", "accepted/"}
	for i, r := range res.Results {
		if got := r.Status + "/" + r.Reason; got != want[i] {
			t.Errorf("batch scan %d: %s, want %s", i, got, want[i])
		}
	}
	// Exhibitor staff may post leads for their own exhibitor only, never
	// gate scans.
	lead := func(x int64, id string) string {
		return fmt.Sprintf(`{"id":"%s","token":%q,"kind":"lead","exhibitor":%d,"rating":4,"note":"robot arms","scanned_at":%q}`, id, tok, x, now)
	}
	if _, body = postScans(t, f, xstaff, lead(f.x1.ID, "20000000-0000-4000-8000-000000000005")); !strings.Contains(body, `"status":"accepted"`) {
		t.Fatalf("own lead: %s", body)
	}
	if _, body = postScans(t, f, xstaff, lead(f.x2.ID, "20000000-0000-4000-8000-000000000006")); !strings.Contains(body, `"reason":"forbidden"`) {
		t.Fatalf("lead for another exhibitor: %s", body)
	}
	gate := strings.Replace(one, "000000000001", "000000000007", 1)
	if _, body = postScans(t, f, xstaff, gate); !strings.Contains(body, `"reason":"forbidden"`) {
		t.Fatalf("exhibitor staff posting a gate scan: %s", body)
	}
	// Bad input: problem+json, never a 500.
	for _, bad := range []string{`{"scans":[]}`, `[1,2]`, `{"id":1}`, `{"scans":[{"bogus":1}]}`, `not json`,
		`{"scans":[` + one + `],"id":"20000000-0000-4000-8000-000000000009"}`} {
		if code, body := postScans(t, f, organizer, bad); code < 400 || code >= 500 {
			t.Errorf("%s: %d %s", bad, code, body)
		}
	}
	st := f.do(organizer, "GET", fmt.Sprintf("/api/v1/events/%d/checkin/stats?day=%s", f.eventID, f.db.Now().In(time.FixedZone("ICT", 7*3600)).Format("2006-01-02")), "", "")
	stats := readAll(t, st)
	if !strings.Contains(stats, `"admitted":1`) || !strings.Contains(stats, `"exits":1`) || !strings.Contains(stats, `"gate-1":1`) {
		t.Fatalf("stats: %s", stats)
	}
	cfg := readAll(t, f.do(xstaff, "GET", fmt.Sprintf("/api/v1/events/%d/scanner", f.eventID), "", ""))
	if !strings.Contains(cfg, `"gatekeeper":false`) || !strings.Contains(cfg, fmt.Sprintf(`"exhibitors":[%d]`, f.x1.ID)) || strings.Contains(cfg, "private") {
		t.Fatalf("scanner config for exhibitor staff: %s", cfg)
	}
	// The lead mode names the exhibitor, not its number.
	if !strings.Contains(cfg, fmt.Sprintf(`"exhibitor_names":{"%d":"Công ty exhibitor-admin"}`, f.x1.ID)) {
		t.Errorf("scanner config does not name the exhibitor: %s", cfg)
	}
	// Re-issue at the help desk: the old badge is refused at once, and the
	// revocation list offline scanners download names it.
	rid := f.ids["registration"]
	if r := f.do(organizer, "POST", fmt.Sprintf("/api/v1/events/%d/registrations/%d/reissue", f.eventID, rid), "application/json", "{}"); r.StatusCode != 200 || !strings.Contains(readAll(t, r), `"badge_version":2`) {
		t.Fatal("re-issue did not raise the badge version")
	}
	again := strings.Replace(one, "000000000001", "000000000009", 1)
	if _, body = postScans(t, f, organizer, again); !strings.Contains(body, `"reason":"revoked"`) {
		t.Fatalf("old badge after re-issue: %s", body)
	}
	cfg = readAll(t, f.do(organizer, "GET", fmt.Sprintf("/api/v1/events/%d/scanner", f.eventID), "", ""))
	if !strings.Contains(cfg, fmt.Sprintf(`{"registration_id":%d,"min_version":2,"cancelled":false}`, rid)) {
		t.Fatalf("revocation list: %s", cfg)
	}
	pdf := f.do(organizer, "GET", fmt.Sprintf("/console/events/%d/registrations/%d/badge.pdf?format=cr80", f.eventID, rid), "", "")
	if b := readAll(t, pdf); pdf.StatusCode != 200 || !strings.HasPrefix(b, "%PDF") {
		t.Fatalf("badge PDF: %d", pdf.StatusCode)
	}
	doc := readAll(t, f.do(anon, "GET", "/api/v1/openapi.json", "", ""))
	if !strings.Contains(doc, `"/api/v1/events/{event}/scans"`) || !strings.Contains(doc, "duplicate") {
		t.Fatal("the scans API is not in the OpenAPI document")
	}
}
