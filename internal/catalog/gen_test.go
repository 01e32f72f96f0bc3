package catalog_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"ketnoi/internal/demo"
	"ketnoi/internal/event"
	"ketnoi/internal/textsearch"
)

// TestGenerateRelevance writes candidate judged queries by rule (a full
// name, folded or not, must find its owner first; a model code its
// product) when GEN_RELEVANCE is set. The committed file is then reviewed
// and completed by hand; the test itself never reads the engine's answers.
func TestGenerateRelevance(t *testing.T) {
	if os.Getenv("GEN_RELEVANCE") == "" {
		return
	}
	ds := demo.Generate(1)
	var out []judged
	count := map[string]int{}
	for _, o := range ds.Orgs {
		count[textsearch.Fold(o.Name.EN)]++
	}
	orgOf := map[int64]int64{}
	for _, x := range ds.Exhibitors {
		if x.EventID == demo.FairID && x.Status == event.Approved {
			orgOf[x.OrgID] = x.ID
		}
	}
	nEN, nVI, nKO := 0, 0, 0
	for i, o := range ds.Orgs {
		xid, ok := orgOf[o.ID]
		if !ok || count[textsearch.Fold(o.Name.EN)] > 1 || i%7 != 0 {
			continue
		}
		switch {
		case o.Name.KO != "" && nKO < 10:
			out = append(out, judged{Query: o.Name.KO, Lang: "ko", First: []int64{xid}, Why: "Korean full name"})
			nKO++
		case o.Name.VI != "" && nVI < 12 && strings.ContainsAny(o.Name.VI, "ăâđêôơưáàảãạ"):
			out = append(out, judged{Query: textsearch.Fold(o.Name.VI), Lang: "vi", First: []int64{xid}, Why: "Vietnamese name typed without diacritics"})
			nVI++
		case nEN < 12:
			out = append(out, judged{Query: o.Name.EN, Lang: "en", First: []int64{xid}, Why: "English full name"})
			nEN++
		}
	}
	for i, p := range demo.Products(ds) {
		if i%997 != 0 {
			continue
		}
		code := p.Name.EN[strings.LastIndex(p.Name.EN, " ")+1:]
		out = append(out, judged{Query: code, Lang: "en", First: []int64{textsearch.ProductIDBase + p.ID}, Why: "model code"})
	}
	out = append(out, phraseQueries(ds)...)
	b, _ := json.MarshalIndent(out, "", " ")
	os.WriteFile("testdata/relevance.json", b, 0o644)
}

// phraseQueries: a product phrase must find an exhibitor or product whose
// name holds that phrase in the query's language (diacritics folded for
// the Vietnamese typed without them); "robot han quoc" a Korean robotics
// exhibitor or one of its robotics products.
func phraseQueries(ds *demo.Dataset) []judged {
	d := demoData(ds)
	type item struct {
		id      int64
		name    [3]string // vi, en, ko
		country string
		sector  bool // robotics
	}
	var items []item
	for _, x := range d.Exhibitors {
		rob := slices.Contains(x.Org.Sectors, "robotics")
		items = append(items, item{x.ID, [3]string{x.Org.Name.VI, x.Org.Name.EN, x.Org.Name.KO}, x.Org.Country, rob})
	}
	country := map[int64]string{}
	for _, x := range d.Exhibitors {
		country[x.ID] = x.Org.Country
	}
	for _, p := range d.Products {
		items = append(items, item{textsearch.ProductIDBase + p.ID, [3]string{p.Name.VI, p.Name.EN, p.Name.KO}, country[p.ExhibitorID], p.Category == "robotics"})
	}
	var out []judged
	for _, ph := range []struct {
		q, lang, phrase string
		li              int
	}{
		{"용접 로봇", "ko", "용접 로봇", 2}, {"xe tu hanh", "vi", "xe tu hanh", 0}, {"welding robot", "en", "welding robot", 1},
		{"solar panel", "en", "solar panel", 1}, {"máy cắt laser", "vi", "máy cắt laser", 0}, {"창고 관리 소프트웨어", "ko", "창고 관리 소프트웨어", 2},
		{"camera cong nghiep", "vi", "camera cong nghiep", 0}, {"kho lạnh", "vi", "kho lạnh", 0}, {"협동 로봇", "ko", "협동 로봇", 2},
		{"laser cutter", "en", "laser cutter", 1}, {"may dong goi", "vi", "may dong goi", 0}, {"태양광 패널", "ko", "태양광 패널", 2},
	} {
		j := judged{Query: ph.q, Lang: ph.lang, Why: "phrase in a name"}
		for _, it := range items {
			n := strings.ToLower(it.name[ph.li])
			if ph.li == 0 && textsearch.Fold(ph.q) == ph.q {
				n = textsearch.Fold(n)
			}
			if strings.Contains(n, ph.phrase) {
				j.First = append(j.First, it.id)
			}
		}
		out = append(out, j)
	}
	j := judged{Query: "robot han quoc", Lang: "vi", Why: "a Korean robotics exhibitor or its robotics product"}
	for _, it := range items {
		if it.country == "KR" && it.sector {
			j.First = append(j.First, it.id)
		}
	}
	return append(out, j, judged{Query: "hanbit robotics", Lang: "en", First: []int64{2}, Why: "the demo's Korean exhibitor"},
		judged{Query: "한빛로보틱스", Lang: "ko", First: []int64{2}, Why: "the demo's Korean exhibitor, in Korean"})
}
