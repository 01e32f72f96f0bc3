package textsearch_test

import (
	"fmt"

	"ketnoi/internal/textsearch"
)

func ExampleIndex_Search() {
	idx := textsearch.New()
	products := map[int64]string{
		1: "Thiết bị điện công nghiệp",
		2: "Diễn đàn nhà máy thông minh",
		3: "협동 로봇을 위한 그리퍼",
	}
	for id, name := range products {
		_ = idx.Put(textsearch.Document{
			ID:     id,
			Kind:   "product",
			Facets: map[string][]string{"hall": {"A"}},
			Fields: []textsearch.Field{{Name: "name", Text: name, Weight: 3}},
		})
	}
	for _, q := range []string{"dien", "nha may thong minh", "로봇"} {
		res := idx.Search(textsearch.Query{Text: q, Filters: map[string][]string{"hall": {"A"}}, Limit: 10})
		for _, h := range res.Hits {
			fmt.Printf("%s → %d %s\n", q, h.ID, textsearch.Mark(products[h.ID], h.Highlights["name"]))
		}
	}
	// Output:
	// dien → 1 Thiết bị <mark>điện</mark> công nghiệp
	// dien → 2 <mark>Diễn</mark> đàn nhà máy thông minh
	// nha may thong minh → 2 Diễn đàn <mark>nhà</mark> <mark>máy</mark> <mark>thông</mark> <mark>minh</mark>
	// 로봇 → 3 협동 <mark>로봇</mark>을 위한 그리퍼
}
