package web

import (
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"

	"ketnoi/internal/store/storetest"
)

// TestOpenAPIDescribesEveryRoute keeps the document and the routes table in
// step: every API route has a summary, and the document names it.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	s, err := New(storetest.MustOpen(t, "sqlite"), Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	doc := s.openAPI()
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var parsed struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(b, &parsed); err != nil {
		t.Fatal(err)
	}
	if parsed.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q", parsed.OpenAPI)
	}
	n := 0
	for _, rt := range s.routes {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if !strings.HasPrefix(path, "/api/") {
			continue
		}
		n++
		if apiDocs[rt.pattern].summary == "" {
			t.Errorf("%s has no row in apiDocs", rt.pattern)
		}
		op := parsed.Paths[path][strings.ToLower(method)]
		if op == nil {
			t.Errorf("the document lacks %s", rt.pattern)
			continue
		}
		if _, ok := op["responses"]; !ok {
			t.Errorf("%s has no responses", rt.pattern)
		}
		if strings.Contains(path, "{") && op["parameters"] == nil {
			t.Errorf("%s does not describe its path parameters", rt.pattern)
		}
	}
	for pattern := range apiDocs {
		found := false
		for _, rt := range s.routes {
			found = found || rt.pattern == pattern
		}
		if !found {
			t.Errorf("apiDocs describes %s, which is not a route", pattern)
		}
	}
	if n < 30 {
		t.Fatalf("only %d API routes", n)
	}
}
