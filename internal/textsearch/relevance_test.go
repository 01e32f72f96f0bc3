package textsearch

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"
)

// fixtureDoc is one document of testdata/fixture.json: a realistic
// trilingual catalogue of exhibitors, products and marketplace cards.
type fixtureDoc struct {
	ID          int64               `json:"id"`
	Kind        string              `json:"kind"`
	Facets      map[string][]string `json:"facets"`
	Name        string              `json:"name"`
	Description string              `json:"description"`
}

func (f fixtureDoc) document() Document {
	return Document{ID: f.ID, Kind: f.Kind, Facets: f.Facets, Fields: []Field{
		{Name: "name", Text: f.Name, Weight: 3},
		{Name: "description", Text: f.Description, Weight: 1},
	}}
}

// relevanceCase is one judged query of testdata/relevance.json.
type relevanceCase struct {
	Query   string              `json:"query"`
	Filters map[string][]string `json:"filters"`
	First   int64               `json:"first"`    // must rank first
	Top3    []int64             `json:"top3"`     // must all be in the top 3
	NotTop3 []int64             `json:"not_top3"` // must not be in the top 3
}

func loadJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

func mustFixture(tb testing.TB) (*Index, map[int64]fixtureDoc) {
	tb.Helper()
	var docs []fixtureDoc
	loadJSON(tb, "testdata/fixture.json", &docs)
	ix := New()
	byID := map[int64]fixtureDoc{}
	for _, d := range docs {
		if _, dup := byID[d.ID]; dup {
			tb.Fatalf("fixture: duplicate id %d", d.ID)
		}
		byID[d.ID] = d
		if err := ix.Put(d.document()); err != nil {
			tb.Fatal(err)
		}
	}
	return ix, byID
}

func TestRelevance(t *testing.T) {
	ix, docs := mustFixture(t)
	var cases []relevanceCase
	loadJSON(t, "testdata/relevance.json", &cases)
	if len(cases) < 50 {
		t.Fatalf("only %d judged queries, want at least 50", len(cases))
	}
	for i, c := range cases {
		t.Run(fmt.Sprintf("%02d_%s", i, c.Query), func(t *testing.T) {
			if c.First == 0 && len(c.Top3) == 0 && len(c.NotTop3) == 0 {
				t.Fatal("case judges nothing")
			}
			res := ix.Search(Query{Text: c.Query, Filters: c.Filters, Limit: 10})
			var got []int64
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			top3 := got[:min(3, len(got))]
			describe := func() string {
				s := ""
				for _, h := range res.Hits[:min(5, len(res.Hits))] {
					s += fmt.Sprintf("\n  %d %.3f %q", h.ID, h.Score, docs[h.ID].Name)
				}
				return s
			}
			if c.First != 0 && (len(got) == 0 || got[0] != c.First) {
				t.Errorf("want %d (%q) first, got:%s", c.First, docs[c.First].Name, describe())
			}
			for _, id := range c.Top3 {
				if !slices.Contains(top3, id) {
					t.Errorf("want %d (%q) in the top 3, got:%s", id, docs[id].Name, describe())
				}
			}
			for _, id := range c.NotTop3 {
				if slices.Contains(top3, id) {
					t.Errorf("want %d (%q) out of the top 3, got:%s", id, docs[id].Name, describe())
				}
			}
		})
	}
}
