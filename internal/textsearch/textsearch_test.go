package textsearch

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// mustIndex indexes one document per name, IDs from 1, in a "name" field.
func mustIndex(tb testing.TB, names ...string) *Index {
	tb.Helper()
	ix := New()
	for i, n := range names {
		if err := ix.Put(Document{ID: int64(i + 1), Fields: []Field{{Name: "name", Text: n}}}); err != nil {
			tb.Fatal(err)
		}
	}
	return ix
}

func ids(r Result) []int64 {
	var out []int64
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Nhà Máy Thông Minh":       "nha may thong minh",
		"điện":                     "dien",
		"ĐIỆN":                     "dien",
		"Đồng Nai":                 "dong nai",
		"Trường Đại học Bách khoa": "truong dai hoc bach khoa",
		"ưu đãi":                   "uu dai",
		"로봇을":                      "로봇을",
		"Smart Factory 4.0":        "smart factory 4.0",
		"Müller":                   "muller",
		"":                         "",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	// The same word typed decomposed (NFD, as some keyboards send it) folds
	// and matches like the composed one.
	nfd := "đi\u0065\u0323\u0302n" // e + dot below + circumflex
	if Fold(nfd) != "dien" {
		t.Errorf("Fold(NFD) = %q", Fold(nfd))
	}
	ix := mustIndex(t, "thiết bị "+nfd)
	if r := ix.Search(Query{Text: "điện"}); r.Total != 1 || r.Hits[0].Highlights["name"][0] != (Span{len("thiết bị "), len("thiết bị " + nfd)}) {
		t.Errorf("NFD document: %+v", r)
	}
}

func TestDiacriticsFoldedButExactFirst(t *testing.T) {
	ix := mustIndex(t,
		"dien tu co ban",                // 1: typed without marks
		"Diễn đàn doanh nghiệp",         // 2
		"Thiết bị điện",                 // 3
		"nhà máy thông minh Bình Dương", // 4
	)
	r := ix.Search(Query{Text: "nha may thong minh"})
	if !slices.Equal(ids(r), []int64{4}) {
		t.Errorf("nha may thong minh: %v", ids(r))
	}
	r = ix.Search(Query{Text: "dien "}) // finished word: no prefix
	if got := ids(r); len(got) != 3 || !slices.Contains(got, 1) || !slices.Contains(got, 2) || !slices.Contains(got, 3) {
		t.Errorf("dien should find all three spellings: %v", got)
	}
	r = ix.Search(Query{Text: "điện"})
	if got := ids(r); len(got) != 3 || got[0] != 3 {
		t.Errorf("điện should rank the exact spelling first: %v", got)
	}
	r = ix.Search(Query{Text: "diễn"})
	if got := ids(r); len(got) != 3 || got[0] != 2 {
		t.Errorf("diễn should rank the exact spelling first: %v", got)
	}
}

func TestExactDiacriticsBeatFieldWeight(t *testing.T) {
	ix := New()
	put(t, ix, Document{ID: 1, Fields: []Field{{Name: "name", Text: "Dien Co", Weight: 3}}})
	put(t, ix, Document{ID: 2, Fields: []Field{{Name: "name", Text: "Công ty ABC", Weight: 3}, {Name: "description", Text: "thiết bị điện công nghiệp"}}})
	if got := ids(ix.Search(Query{Text: "điện"})); !slices.Equal(got, []int64{2, 1}) {
		t.Errorf("điện: %v, want the exact spelling (in a description) before the unmarked one (in a name)", got)
	}
	if got := ids(ix.Search(Query{Text: "dien"})); !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("dien: %v, want the name match first", got)
	}
}

func put(tb testing.TB, ix *Index, d Document) {
	tb.Helper()
	if err := ix.Put(d); err != nil {
		tb.Fatal(err)
	}
}

func TestKorean(t *testing.T) {
	ix := mustIndex(t,
		"로봇을 이용한 물류 자동화", // 1
		"협동 로봇은 안전합니다",   // 2
		"물류자동화 패키지",      // 3
		"자동차 부품",         // 4
		"스마트 팩토리",        // 5
	)
	cases := []struct {
		q    string
		want []int64 // as a set
	}{
		{"로봇", []int64{1, 2}},
		{"로봇을", []int64{1, 2}}, // particle not required
		{"물류자동화", []int64{1, 3}},
		{"물류 자동화", []int64{1, 3}},
		{"자동차", []int64{4}},
		{"스마트팩토리", []int64{5}},
		{"로보", []int64{1, 2}}, // last syllable being typed: 보 → 봇
		{"팩토", []int64{5}},
		{"로봇ㅇ", []int64{1, 2}}, // next syllable being composed
		{"물류 ㅈ", []int64{1, 3}},
	}
	for _, c := range cases {
		got := ids(ix.Search(Query{Text: c.q}))
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.q, got, c.want)
		}
	}
	r := ix.Search(Query{Text: "로봇"})
	for _, h := range r.Hits {
		for _, s := range h.Highlights["name"] {
			text := []string{"", "로봇을 이용한 물류 자동화", "협동 로봇은 안전합니다"}[h.ID]
			if text[s.Start:s.End] != "로봇" {
				t.Errorf("doc %d highlights %q, want 로봇", h.ID, text[s.Start:s.End])
			}
		}
	}
}

func TestPrefixAsYouType(t *testing.T) {
	ix := mustIndex(t, "Industrial robotics", "Robot arm", "Roller conveyor")
	if got := ids(ix.Search(Query{Text: "robo"})); len(got) != 2 || slices.Contains(got, 3) {
		t.Errorf("robo: %v", got)
	}
	if got := ids(ix.Search(Query{Text: "robot"})); len(got) == 0 || got[0] != 2 {
		t.Errorf("robot: exact word should beat the completion: %v", got)
	}
	// A finished word (followed by a space) is not a prefix any more.
	if got := ids(ix.Search(Query{Text: "robo "})); len(got) != 0 {
		t.Errorf("'robo ': %v", got)
	}
	// Only the last word is a prefix: "robo arm" matches no document fully,
	// so the fallback lists the documents with "arm".
	if r := ix.Search(Query{Text: "robo arm"}); !r.Partial || !slices.Equal(ids(r), []int64{2}) || r.Hits[0].Matched != 1 {
		t.Errorf("robo arm: %+v", r)
	}
}

// TestWordBeatsRarerCompletion: a word typed whole ranks above the
// completions of it, even when a completion is the rarer word ("hàn", weld,
// is in every "Hàn Quốc"; "hàng", goods, in a few titles): rarity must not
// lift a completion over the word itself.
func TestWordBeatsRarerCompletion(t *testing.T) {
	var names []string
	for i := range 40 {
		names = append(names, fmt.Sprintf("Nhà cung cấp Hàn Quốc %d", i))
	}
	for i := range 5 {
		names = append(names, fmt.Sprintf("Hệ thống phân loại hàng %d", i))
	}
	names = append(names, "Phát hiện lỗi mối hàn bằng thị giác máy")
	ix := mustIndex(t, names...)
	got := ids(ix.Search(Query{Text: "hàn", Limit: 50}))
	weld, goods := slices.Index(got, int64(len(names))), slices.Index(got, 41)
	if weld < 0 || goods < 0 || weld > goods {
		t.Errorf("hàn: the weld card is at %d, the first goods card at %d: %v", weld, goods, got)
	}
}

// TestNewestFirst: browsing with NewestFirst pages from the highest ID
// down; a text query still ranks by relevance.
func TestNewestFirst(t *testing.T) {
	ix := mustIndex(t, "AGV", "Robot arm", "Conveyor", "Robot cell")
	if got := ids(ix.Search(Query{NewestFirst: true, Limit: 2})); !slices.Equal(got, []int64{4, 3}) {
		t.Errorf("first page: %v", got)
	}
	if got := ids(ix.Search(Query{NewestFirst: true, Offset: 2, Limit: 2})); !slices.Equal(got, []int64{2, 1}) {
		t.Errorf("second page: %v", got)
	}
	if got := ids(ix.Search(Query{NewestFirst: true, Offset: 9})); len(got) != 0 {
		t.Errorf("past the end: %v", got)
	}
	if got := ids(ix.Search(Query{Text: "robot arm", NewestFirst: true})); len(got) == 0 || got[0] != 2 {
		t.Errorf("robot arm: %v", got)
	}
	// With times, the latest first whatever the IDs; ties by ID.
	for id, at := range map[int64]int64{1: 300, 2: 100, 3: 300, 4: 200} {
		if err := ix.Put(Document{ID: id, Time: at, Fields: []Field{{Name: "name", Text: fmt.Sprint("doc ", id)}}}); err != nil {
			t.Fatal(err)
		}
	}
	if got := ids(ix.Search(Query{NewestFirst: true})); !slices.Equal(got, []int64{3, 1, 4, 2}) {
		t.Errorf("by time: %v", got)
	}
}

func TestTypo(t *testing.T) {
	ix := mustIndex(t, "Vibration sensor", "Warehouse automation", "Pallet wrapper", "vibrator")
	cases := map[string]int64{
		"vibratin":   1, // deletion
		"vibrattion": 1, // insertion
		"vibrasion":  1, // substitution
		"virbation":  1, // transposition
		"warehuose":  2,
		"palet":      3, // five letters: one edit allowed
	}
	for q, want := range cases {
		if got := ids(ix.Search(Query{Text: q + " "})); len(got) == 0 || got[0] != want {
			t.Errorf("%q: %v, want %d first", q, got, want)
		}
	}
	// Two edits: no match. Four letters: no tolerance.
	for _, q := range []string{"vbraton ", "plet ", "snsr "} {
		if got := ids(ix.Search(Query{Text: q})); len(got) != 0 {
			t.Errorf("%q should not match: %v", q, got)
		}
	}
	// Exact beats typo: "vibrator" is exact for doc 4, a typo for doc 1.
	if got := ids(ix.Search(Query{Text: "vibrator "})); len(got) != 1 || got[0] != 4 {
		// "vibrator" vs "vibration": two edits, so only doc 4.
		t.Errorf("vibrator: %v", got)
	}
	ix = mustIndex(t, "sensor array", "sensors")
	if got := ids(ix.Search(Query{Text: "sensor "})); !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("sensor: %v, want exact before one-edit", got)
	}
}

func TestWithinOneEdit(t *testing.T) {
	yes := [][2]string{{"robot", "robt"}, {"robot", "rboot"}, {"robot", "robots"}, {"robot", "rabot"}, {"điện", "điẹn"}}
	no := [][2]string{{"robot", "robot"}, {"robot", "rbto"}, {"robot", "ro"}, {"abc", "xyz"}}
	for _, p := range yes {
		if !withinOneEdit(p[0], p[1]) || !withinOneEdit(p[1], p[0]) {
			t.Errorf("%q ~ %q should be one edit", p[0], p[1])
		}
	}
	for _, p := range no {
		if withinOneEdit(p[0], p[1]) {
			t.Errorf("%q ~ %q should not be one edit", p[0], p[1])
		}
	}
}

func TestAllWordsThenPartialFallback(t *testing.T) {
	ix := mustIndex(t, "solar panel", "solar inverter", "panel saw")
	r := ix.Search(Query{Text: "solar panel "})
	if r.Partial || !slices.Equal(ids(r), []int64{1}) {
		t.Errorf("solar panel: %+v", r)
	}
	r = ix.Search(Query{Text: "solar panel battery "})
	if !r.Partial || r.Total != 3 || r.Hits[0].ID != 1 || r.Hits[0].Matched != 2 {
		t.Errorf("partial fallback: %+v", r)
	}
	if r := ix.Search(Query{Text: "zzz qqq"}); r.Total != 0 || len(r.Hits) != 0 {
		t.Errorf("nothing: %+v", r)
	}
}

func TestProximity(t *testing.T) {
	ix := mustIndex(t, "tủ điện công nghiệp", "thiết bị điện tử")
	if got := ids(ix.Search(Query{Text: "dien tu "})); !slices.Equal(got, []int64{2, 1}) {
		t.Errorf("dien tu: %v, want the adjacent pair first", got)
	}
}

func TestFiltersPagingFacets(t *testing.T) {
	ix := New()
	halls := []string{"A", "B", "C"}
	for i := 1; i <= 30; i++ {
		put(t, ix, Document{
			ID: int64(i), Kind: []string{"exhibitor", "product"}[i%2],
			Facets: map[string][]string{"hall": {halls[i%3]}, "country": {[]string{"VN", "KR"}[i%2]}},
			Fields: []Field{{Name: "name", Text: fmt.Sprintf("robot model %d", i)}},
		})
	}
	r := ix.Search(Query{Text: "robot", Filters: map[string][]string{"hall": {"A", "B"}, "country": {"KR"}}, Limit: 4})
	want := 0
	for i := 1; i <= 30; i++ {
		if i%3 != 2 && i%2 == 1 {
			want++
		}
	}
	if r.Total != want || len(r.Hits) != 4 {
		t.Fatalf("total %d hits %d, want %d and 4", r.Total, len(r.Hits), want)
	}
	if r.Facets["country"]["KR"] != want || r.Facets["country"]["VN"] != 0 || r.Facets["hall"]["A"]+r.Facets["hall"]["B"] != want {
		t.Errorf("facets: %v", r.Facets)
	}
	if r.Facets[KindFacet]["product"] != want {
		t.Errorf("kind facet: %v", r.Facets[KindFacet])
	}
	// Pages do not overlap and cover the result set.
	var all []int64
	for off := 0; off < want+4; off += 4 {
		all = append(all, ids(ix.Search(Query{Text: "robot", Filters: map[string][]string{"hall": {"A", "B"}, "country": {"KR"}}, Offset: off, Limit: 4}))...)
	}
	slices.Sort(all)
	if len(all) != want || len(slices.Compact(all)) != want {
		t.Errorf("paging gave %v", all)
	}
	if r := ix.Search(Query{Text: "robot", Offset: math.MaxInt, Limit: math.MaxInt}); r.Total != 30 || len(r.Hits) != 0 {
		t.Errorf("page past the end: total %d, %d hits", r.Total, len(r.Hits))
	}
	if r := ix.Search(Query{Text: "robot", Offset: -3, Limit: -1}); len(r.Hits) != DefaultLimit || r.Hits[0].ID != 1 {
		t.Errorf("negative paging: %d hits", len(r.Hits))
	}
	if r := ix.Search(Query{Text: "robot", Filters: map[string][]string{"hall": {"Z"}}}); r.Total != 0 {
		t.Errorf("unknown facet value: %d hits", r.Total)
	}
	// Empty text browses in ID order.
	r = ix.Search(Query{Filters: map[string][]string{KindFacet: {"exhibitor"}}, Limit: 3})
	if r.Total != 15 || !slices.Equal(ids(r), []int64{2, 4, 6}) {
		t.Errorf("browse: %d %v", r.Total, ids(r))
	}
}

func TestHighlightAndMark(t *testing.T) {
	text := "Nhà máy <thông minh> & Điện"
	ix := mustIndex(t, text)
	r := ix.Search(Query{Text: "thong minh dien"})
	if len(r.Hits) != 1 {
		t.Fatalf("hits: %+v", r)
	}
	got := Mark(text, r.Hits[0].Highlights["name"])
	want := "Nhà máy &lt;<mark>thông</mark> <mark>minh</mark>&gt; &amp; <mark>Điện</mark>"
	if got != want {
		t.Errorf("Mark:\n got %s\nwant %s", got, want)
	}
	// Bad spans are clipped, never a panic.
	if got := Mark("abc", []Span{{-5, 1}, {2, 99}, {1, 0}}); got != "<mark>a</mark>b<mark>c</mark>" {
		t.Errorf("clipped Mark: %s", got)
	}
}

func TestUpdateAndRemove(t *testing.T) {
	ix := mustIndex(t, "solar panel", "wind turbine")
	put(t, ix, Document{ID: 1, Fields: []Field{{Name: "name", Text: "battery storage"}}})
	if r := ix.Search(Query{Text: "solar"}); r.Total != 0 {
		t.Errorf("old text still found: %v", ids(r))
	}
	if r := ix.Search(Query{Text: "battery"}); !slices.Equal(ids(r), []int64{1}) {
		t.Errorf("new text: %v", ids(r))
	}
	if !ix.Remove(2) || ix.Remove(2) {
		t.Error("Remove should report whether the document existed")
	}
	if r := ix.Search(Query{Text: "turbine"}); r.Total != 0 || ix.Len() != 1 {
		t.Errorf("removed doc found: %v, len %d", ids(r), ix.Len())
	}
	put(t, ix, Document{ID: 3, Fields: []Field{{Name: "name", Text: "wind farm"}}}) // reuses the free slot
	if r := ix.Search(Query{Text: "wind"}); !slices.Equal(ids(r), []int64{3}) {
		t.Errorf("slot reuse: %v", ids(r))
	}
}

func TestInvalidDocument(t *testing.T) {
	ix := New()
	fields := make([]Field, maxFields+1)
	if err := ix.Put(Document{ID: 7, Fields: fields}); err == nil || !strings.Contains(err.Error(), "document 7") {
		t.Errorf("too many fields: %v", err)
	}
}

// TestConcurrent runs searches while documents change; run with -race.
func TestConcurrent(t *testing.T) {
	c := GenerateCorpus(1, 50, 400)
	ix := New()
	for _, d := range c.Exhibitors {
		put(t, ix, d)
	}
	queries := GenerateQueries(1, 50)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				r := ix.Search(Query{Text: queries[(i+w)%len(queries)], Limit: 5})
				if len(r.Hits) > 5 || r.Total < len(r.Hits) {
					t.Errorf("bad result %+v", r)
					return
				}
			}
		}()
	}
	for i, d := range c.Products {
		put(t, ix, d)
		if i%3 == 0 {
			ix.Remove(d.ID)
		}
	}
	wg.Wait()
	want := len(c.Exhibitors) + len(c.Products) - (len(c.Products)+2)/3
	if ix.Len() != want {
		t.Errorf("len %d, want %d", ix.Len(), want)
	}
}

func TestSyntheticCorpusIsDeterministic(t *testing.T) {
	a, b := GenerateCorpus(7, 20, 100), GenerateCorpus(7, 20, 100)
	if len(a.Products) != 100 || len(a.Exhibitors) != 20 {
		t.Fatalf("sizes %d %d", len(a.Exhibitors), len(a.Products))
	}
	for i := range a.Products {
		if a.Products[i].Fields[0].Text != b.Products[i].Fields[0].Text {
			t.Fatalf("product %d differs", i)
		}
	}
	if q := GenerateQueries(7, 30); len(q) != 30 || !slices.Equal(q, GenerateQueries(7, 30)) {
		t.Errorf("queries not deterministic")
	}
	// Every generated query finds something in a corpus of the same vocabulary.
	ix := New()
	for _, d := range GenerateCorpus(7, 100, 2000).All() {
		put(t, ix, d)
	}
	for _, q := range GenerateQueries(7, 100) {
		if r := ix.Search(Query{Text: q}); r.Total == 0 {
			t.Errorf("query %q finds nothing", q)
		}
	}
}

// checkResult asserts what must hold for any query on any index.
func checkResult(t *testing.T, r Result, texts map[int64][]string, limit int) {
	if len(r.Hits) > limit || r.Total < len(r.Hits) {
		t.Fatalf("hits %d total %d limit %d", len(r.Hits), r.Total, limit)
	}
	for _, h := range r.Hits {
		for field, spans := range h.Highlights {
			var text string
			for i, f := range []string{"name", "description"} {
				if f == field {
					text = texts[h.ID][i]
				}
			}
			prev := -1
			for _, s := range spans {
				if s.Start < 0 || s.End > len(text) || s.Start >= s.End || s.Start <= prev {
					t.Fatalf("doc %d field %s: span %+v out of bounds or order (len %d)", h.ID, field, s, len(text))
				}
				// A span that starts or ends inside a rune is not valid UTF-8.
				if !utf8.ValidString(text[s.Start:s.End]) {
					t.Fatalf("span %+v cuts a rune in %q", s, text)
				}
				prev = s.End
			}
		}
	}
}

func FuzzSearch(f *testing.F) {
	f.Add("Nhà máy thông minh", "Điện tử 로봇을 이용한", "dien tu", "A", 0, 10)
	f.Add("robotics", "물류 자동화", "물류자동화", "B", 1, 1)
	f.Add("\xff\xfe bad utf8 đ", "ǅ ß ﬁ İ", "İ ß", "", math.MaxInt, math.MaxInt)
	f.Add("", "", "   ", "A", -1, -1)
	f.Add("a\u0301\u0301\u0301", "x", "a\u0301", "A", 2, 0)
	f.Fuzz(func(t *testing.T, name, desc, query, hall string, offset, limit int) {
		ix := New()
		texts := map[int64][]string{}
		for i, d := range [][]string{{name, desc}, {desc, name}, {name + " " + query, desc}} {
			id := int64(i + 1)
			texts[id] = d
			put(t, ix, Document{ID: id, Kind: "product", Facets: map[string][]string{"hall": {hall}}, Fields: []Field{
				{Name: "name", Text: d[0], Weight: 3}, {Name: "description", Text: d[1]},
			}})
		}
		for _, q := range []Query{
			{Text: query, Limit: 2},
			{Text: query, Filters: map[string][]string{"hall": {hall}}, Offset: 1, Limit: 5},
			{Text: query, Offset: offset, Limit: limit},
			{Text: name},
		} {
			checkResult(t, ix.Search(q), texts, max(min(q.Limit, MaxLimit), DefaultLimit))
		}
		ix.Remove(2)
		checkResult(t, ix.Search(Query{Text: query}), texts, DefaultLimit)
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Nhà máy", "ĐIỆN", "로봇을", "\xff", "İstanbul", "ﬁ", "a\u0301b\u0323", "Ω"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if Fold(folded) != folded {
			t.Errorf("Fold is not idempotent on %q: %q then %q", s, folded, Fold(folded))
		}
		if strings.ContainsRune(folded, 'đ') || strings.ContainsRune(folded, 'Đ') {
			t.Errorf("Fold(%q) = %q keeps đ", s, folded)
		}
		for _, tok := range tokenize(s) {
			if tok.start < 0 || tok.end > len(s) || tok.start >= tok.end {
				t.Fatalf("token %+v out of bounds in %q", tok, s)
			}
		}
	})
}

// TestChurnMatchesFreshBuild replaces and removes documents at random, then
// checks that the index answers exactly like one built from the final
// documents, and that posting lists stayed sorted.
func TestChurnMatchesFreshBuild(t *testing.T) {
	c := GenerateCorpus(3, 40, 600)
	docs := c.All()
	ix := New()
	for _, d := range docs {
		put(t, ix, d)
	}
	final := map[int64]Document{}
	for _, d := range docs {
		final[d.ID] = d
	}
	for i := 0; i < 400; i++ {
		d := docs[(i*7919)%len(docs)]
		switch i % 3 {
		case 0:
			ix.Remove(d.ID)
			delete(final, d.ID)
		default: // re-add with another document's text
			d.Fields = docs[(i*104729)%len(docs)].Fields
			put(t, ix, d)
			final[d.ID] = d
		}
	}
	fresh := New()
	for _, d := range docs { // same insertion order as far as possible
		if f, ok := final[d.ID]; ok {
			put(t, fresh, f)
		}
	}
	for tid, ti := range ix.terms {
		if !slices.IsSortedFunc(ti.postings, func(a, b posting) int { return int(a.doc) - int(b.doc) }) {
			t.Fatalf("postings of %q not sorted", ix.terms[tid].text)
		}
	}
	for _, q := range GenerateQueries(3, 80) {
		a, b := ix.Search(Query{Text: q, Limit: 1000}), fresh.Search(Query{Text: q, Limit: 1000})
		if a.Total != b.Total || !slices.Equal(ids(a), ids(b)) {
			t.Errorf("%q: churned index finds %d, fresh %d", q, a.Total, b.Total)
		}
	}
}
