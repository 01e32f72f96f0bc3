package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"ketnoi/internal/demo"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

// BenchmarkDirectory serves the directory from the demo data in process,
// next to /healthz as the baseline: the ratio is what a directory request
// costs over a bare handler, without a load generator competing for the
// cores. Run: go test -run '^$' -bench Directory -cpu 2 ./internal/web/
func BenchmarkDirectory(b *testing.B) {
	benchPaths(b, "/healthz", "/api/v1/events/1/exhibitors", "/api/v1/events/1/exhibitors?hall=A&sector=robotics",
		"/events/1/exhibitors", "/events/1/exhibitors?page=15")
}

// BenchmarkPlan serves the demo's hall plans (500 booths each) and the event
// home of the fair and of the past matchmaking day, with /healthz as the
// baseline. Run: go test -run '^$' -bench Plan
// -cpu 2 ./internal/web/
func BenchmarkPlan(b *testing.B) {
	benchPaths(b, "/healthz", "/events/1/plan", "/events/1/plan?hall=C&color=sector", "/events/1", "/events/3")
}

// benchPaths seeds the demo and serves each path in parallel in process.
func benchPaths(b *testing.B, paths ...string) {
	db := storetest.MustOpen(b, "sqlite")
	if err := demo.Seed(context.Background(), db, demo.Generate(1)); err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	for _, path := range paths {
		b.Run(path, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					w := httptest.NewRecorder()
					h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
					if w.Code != http.StatusOK {
						b.Fatalf("%s: %d", path, w.Code)
					}
				}
			})
		})
	}
}

// BenchmarkImpact serves the public indicators of the demo's confirmed
// outcomes (page, CSV, JSON), computed from the database on each request,
// with /healthz as the baseline. Run: go test -run '^$' -bench Impact -cpu
// 2 ./internal/web/
func BenchmarkImpact(b *testing.B) {
	benchPaths(b, "/healthz", "/impact", "/impact.csv", "/api/v1/impact")
}
