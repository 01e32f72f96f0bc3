package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"ketnoi/internal/store/storetest"
)

// TestPanicIsAnswered: a handler that panics gets the internal error's
// answer (the error page, or problem+json from the API) instead of a
// closed connection, and the server goes on.
func TestPanicIsAnswered(t *testing.T) {
	s, err := New(storetest.MustOpen(t, "sqlite"), Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NoMailWorker: true})
	if err != nil {
		t.Fatal(err)
	}
	h := s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("index out of range") }))
	for path, want := range map[string]string{"/events/1/schedule.pdf": "text/html", "/api/v1/events/1/stats": "application/problem+json"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != http.StatusInternalServerError || !strings.HasPrefix(w.Header().Get("Content-Type"), want) || strings.Contains(w.Body.String(), "index out of range") {
			t.Errorf("%s: %d %s, want 500 %s without the panic's words", path, w.Code, w.Header().Get("Content-Type"), want)
		}
	}
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/healthz", nil))
	if w.Code != http.StatusOK {
		t.Errorf("after the panics /healthz answers %d", w.Code)
	}
}
