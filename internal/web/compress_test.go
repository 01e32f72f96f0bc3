package web_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestCompression checks that text answers go compressed to a client that
// asks for it and as they are to one that does not, and that PDFs, small
// answers and event streams are never compressed.
func TestCompression(t *testing.T) {
	f := mustFixture(t, "sqlite")
	plain := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(t *testing.T, path, accept string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest("GET", f.srv.URL+path, nil)
		must(t, err)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		resp, err := plain.Do(req)
		must(t, err)
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		must(t, err)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
		return resp, body
	}
	ev := "/events/" + itoa(f.eventID)

	for _, path := range []string{ev, ev + "/plan", "/market", "/api/v1/openapi.json"} {
		t.Run(path, func(t *testing.T) {
			_, want := get(t, path, "")
			resp, zipped := get(t, path, "gzip")
			if enc := resp.Header.Get("Content-Encoding"); enc != "gzip" {
				t.Fatalf("Content-Encoding = %q for %d bytes of %s, want gzip", enc, len(want), resp.Header.Get("Content-Type"))
			}
			if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary = %q: caches would hand the compressed answer to anyone", resp.Header.Get("Vary"))
			}
			zr, err := gzip.NewReader(strings.NewReader(string(zipped)))
			must(t, err)
			got, err := io.ReadAll(zr)
			must(t, err)
			// Pages differ by request only in their tokens: compare the
			// lengths and the start.
			if len(got) != len(want) || string(got[:200]) != string(want[:200]) {
				t.Errorf("decompressed %d bytes starting %q, want %d starting %q", len(got), got[:80], len(want), want[:80])
			}
			if len(zipped) >= len(want) {
				t.Errorf("compressed %d bytes, not fewer than %d", len(zipped), len(want))
			}
		})
	}

	for _, c := range []struct{ path, why string }{
		{ev + "/halls/" + itoa(f.hallID) + "/plan.pdf", "a PDF is compressed already"},
		{"/healthz", "under 1 kB"},
	} {
		if resp, _ := get(t, c.path, "gzip"); resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s went %s; want it as it is (%s)", c.path, resp.Header.Get("Content-Encoding"), c.why)
		}
	}
}

// TestEventStreamNotCompressed checks that a live stream reaches the client
// at once and as it is, whether or not the client says it reads a stream.
func TestEventStreamNotCompressed(t *testing.T) {
	f := mustFixture(t, "sqlite")
	token, _ := f.session(organizer)
	for _, accept := range []string{"text/event-stream", ""} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		req, err := http.NewRequestWithContext(ctx, "GET", f.srv.URL+"/events/"+itoa(f.eventID)+"/rooms/live/stream", nil)
		must(t, err)
		req.Header.Set("Accept-Encoding", "gzip")
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		req.AddCookie(&http.Cookie{Name: "ketnoi_session", Value: token})
		resp, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
		if err != nil {
			cancel()
			t.Fatalf("Accept %q: %v", accept, err)
		}
		line, err := bufio.NewReader(resp.Body).ReadString('\n')
		resp.Body.Close()
		cancel()
		if err != nil || resp.Header.Get("Content-Encoding") != "" || !strings.HasPrefix(line, "event: ") {
			t.Errorf("Accept %q: Content-Encoding %q, first line %q (%v); want the first event as it is",
				accept, resp.Header.Get("Content-Encoding"), line, err)
		}
	}
}
