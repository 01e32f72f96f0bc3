package catalog_test

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"ketnoi/internal/catalog"
	"ketnoi/internal/demo"
)

// judged is a query with the results that must come first (any of First).
type judged struct {
	Query   string  `json:"query"`
	Lang    string  `json:"lang"`
	Hall    string  `json:"hall,omitempty"`
	Country string  `json:"country,omitempty"`
	First   []int64 `json:"first"`
	Why     string  `json:"why"`
}

// TestRelevance runs the committed judged queries against the demo data
// (seed 1, with its 10,000 products): each must return one of its
// expected results first.
func TestRelevance(t *testing.T) {
	b, err := os.ReadFile("testdata/relevance.json")
	if err != nil {
		t.Fatal(err)
	}
	var qs []judged
	if err := json.Unmarshal(b, &qs); err != nil {
		t.Fatal(err)
	}
	if len(qs) < 50 {
		t.Fatalf("%d judged queries, want at least 50", len(qs))
	}
	c, _ := demoCatalog()
	langs := map[string]int{}
	for _, q := range qs {
		langs[q.Lang]++
		r, err := c.Search(context.Background(), demo.FairID, catalog.Query{Text: q.Query, Hall: q.Hall, Country: q.Country, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 {
			t.Errorf("%q (%s): no result", q.Query, q.Why)
			continue
		}
		if !slices.Contains(q.First, r.Hits[0].ID) {
			t.Errorf("%q (%s): first is %d %q, want one of %v", q.Query, q.Why, r.Hits[0].ID, r.Hits[0].Name, q.First)
		}
	}
	for _, l := range []string{"vi", "en", "ko"} {
		if langs[l] < 8 {
			t.Errorf("only %d %s queries", langs[l], l)
		}
	}
}
