package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

// A scanner's session and rights are kept in memory between scans; a
// right revoked or a session ended — by any instance — takes effect on
// the very next request.
func TestAccessCacheFollowsRevocations(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			f := mustFixture(t, d)
			// The writes below come from another instance: its own pool.
			other, err := store.Open(ctx, f.dsn)
			must(t, err)
			t.Cleanup(func() { other.Close() })

			staff := account.Person{Email: "cache-gate@example.vn", Name: "Gate staff"}
			must(t, f.db.CreatePerson(ctx, &staff))
			must(t, f.db.AddScannerStaff(ctx, f.eventID, staff.ID))
			token := account.NewToken()
			must(t, f.db.CreateWebSession(ctx, account.Session{TokenHash: account.HashToken(token),
				PersonID: staff.ID, CSRF: account.NewToken(), ExpiresAt: time.Now().Add(time.Hour)}))

			scan := func() (int, string) {
				body := fmt.Sprintf(`{"id":%q,"token":%q,"point":"gate-9","kind":"checkin","scanned_at":%q}`,
					newUUID(), badgeTokens[f], time.Now().UTC().Format(time.RFC3339))
				req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/events/%d/scans", f.srv.URL, f.eventID), strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("Content-Type", "application/json")
				resp, err := http.DefaultClient.Do(req)
				must(t, err)
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				return resp.StatusCode, string(b)
			}
			// Twice, so that the second answer comes from the cache.
			for i := range 2 {
				if code, body := scan(); code != 200 || strings.Contains(body, "forbidden") {
					t.Fatalf("scan %d by gate staff: %d %s", i, code, body)
				}
			}
			// The scan route takes a cached viewer without reading the
			// access version; its transaction reads it, finds it moved, and
			// the rights are checked again before anything is stored.
			stored, err := f.db.CountScans(ctx, f.eventID, "")
			must(t, err)
			must(t, other.RemoveScannerStaff(ctx, f.eventID, staff.ID))
			if code, body := scan(); code != http.StatusForbidden {
				t.Fatalf("scan after the scanner role was removed elsewhere: %d %s, want 403", code, body)
			}
			if n, err := f.db.CountScans(ctx, f.eventID, ""); err != nil || n != stored {
				t.Fatalf("scans stored after a refused scan: %d (%v), want %d", n, err, stored)
			}
			must(t, other.AddScannerStaff(ctx, f.eventID, staff.ID))
			if code, body := scan(); code != 200 {
				t.Fatalf("scan after the role came back: %d %s", code, body)
			}
			must(t, other.DeleteWebSession(ctx, account.HashToken(token)))
			if code, body := scan(); code != http.StatusUnauthorized && code != http.StatusForbidden {
				t.Fatalf("scan after sign-out elsewhere: %d %s, want 401", code, body)
			}
		})
	}
}

// A second server on the same database sees the first one's sign-in
// state the same way: nothing is cached across a change of person.
func TestAccessCacheFollowsPersonChanges(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	token, _ := f.session(visitor)
	get := func(srv *httptest.Server) int {
		req, _ := http.NewRequest("GET", srv.URL+"/console/mail", nil)
		req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
		resp, err := client().Do(req)
		must(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	second, err := web.New(f.db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NoMailWorker: true})
	must(t, err)
	srv2 := httptest.NewServer(second.Handler())
	t.Cleanup(srv2.Close)
	before := get(f.srv)
	if before == http.StatusOK {
		t.Fatalf("a visitor opened the admin console: %d", before)
	}
	if got := get(srv2); got != before {
		t.Fatalf("second instance: %d, first: %d", got, before)
	}
	must(t, f.db.SetPersonAdmin(ctx, f.people[visitor].ID, true))
	for i, srv := range []*httptest.Server{f.srv, srv2} {
		if got := get(srv); got != http.StatusOK {
			t.Fatalf("instance %d after the person became an admin: %d, want 200", i+1, got)
		}
	}
}
