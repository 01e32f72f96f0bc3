package recommend

import (
	"errors"
	"strings"
	"testing"
)

// smallWorld is a Binh Duong furniture maker needing warehouse automation,
// a Korean AGV supplier, a Vietnamese institute, a textile supplier that has
// nothing to do with it, and a competitor of the AGV supplier.
func smallWorld() ([]Participant, []Card) {
	ps := []Participant{
		{ID: "bd-furniture", Kind: Enterprise, Country: "VN", Sectors: []string{"furniture"}, Interests: []string{"warehouse_automation"}, Lang: EN},
		{ID: "kr-agv", Kind: Enterprise, Country: "KR", Sectors: []string{"agv_amr", "warehouse_automation"}, Competitors: []string{"de-agv"}},
		{ID: "de-agv", Kind: Enterprise, Country: "DE", Sectors: []string{"agv_amr"}},
		{ID: "vn-institute", Kind: Institute, Country: "VN", Sectors: []string{"robotics"}},
		{ID: "jp-textile", Kind: Enterprise, Country: "JP", Sectors: []string{"textiles"}},
	}
	cs := []Card{
		{ID: "need-wh", Owner: "bd-furniture", Kind: Need, Sectors: []string{"warehouse_automation"},
			Title: Text{VI: "Tự động hóa kho hàng"}, Body: Text{VI: "Nhà máy đồ gỗ cần xe tự hành để vận chuyển pallet trong kho thành phẩm."}},
		{ID: "offer-agv", Owner: "kr-agv", Kind: Offer, Sectors: []string{"agv_amr"},
			Title: Text{EN: "AGV for warehouses", KO: "창고용 AGV"}, Body: Text{KO: "팔레트 운반용 자율주행로봇과 창고관리시스템 연동."}},
		{ID: "offer-de", Owner: "de-agv", Kind: Offer, Sectors: []string{"agv_amr"},
			Title: Text{EN: "Autonomous mobile robots for pallet transport"}},
		{ID: "rr-robot", Owner: "vn-institute", Kind: ResearchResult, TRL: 6, Sectors: []string{"robotics"},
			Title: Text{VI: "Robot tự hành dẫn đường bằng laser cho nhà kho"}},
		{ID: "offer-fabric", Owner: "jp-textile", Kind: Offer, Sectors: []string{"textiles"},
			Title: Text{EN: "Technical fabrics for sportswear"}},
	}
	return ps, cs
}

func mustIndex(t testing.TB, ps []Participant, cs []Card, n int) *Index {
	t.Helper()
	ix, err := NewIndex(ps, cs, Options{TopN: n})
	if err != nil {
		t.Fatalf("NewIndex: %v", err)
	}
	return ix
}

func partners(recs []Recommendation) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.Partner
	}
	return out
}

func TestCrossLanguageNeedFindsOffers(t *testing.T) {
	ps, cs := smallWorld()
	ix := mustIndex(t, ps, cs, 5)
	recs, err := ix.Top("bd-furniture", 5, EN)
	if err != nil {
		t.Fatal(err)
	}
	got := partners(recs)
	if len(got) < 3 {
		t.Fatalf("want the two AGV suppliers and the institute, got %v", got)
	}
	for _, id := range got {
		if id == "jp-textile" || id == "bd-furniture" {
			t.Errorf("%s recommended to the furniture maker: %v", id, got)
		}
	}
	if got[0] != "kr-agv" {
		t.Errorf("first partner %s, want kr-agv (its offer answers the need in two languages): %v", got[0], got)
	}
	want := `their offer "AGV for warehouses" answers your need "Tự động hóa kho hàng"`
	if recs[0].Reasons[0].Text != want {
		t.Errorf("reason %q, want %q", recs[0].Reasons[0].Text, want)
	}
}

func TestReasonsInEachLanguage(t *testing.T) {
	ps, cs := smallWorld()
	ix := mustIndex(t, ps, cs, 5)
	for lang, want := range map[Lang]string{
		VI: `giải pháp "AGV for warehouses" của họ đáp ứng nhu cầu "Tự động hóa kho hàng" của bạn`,
		KO: `상대의 기술 제안 "창고용 AGV"이(가) 귀사의 수요 "Tự động hóa kho hàng"에 부합합니다`,
	} {
		recs, err := ix.Top("bd-furniture", 1, lang)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1 || recs[0].Reasons[0].Text != want {
			t.Errorf("%s: got %+v, want first reason %q", lang, recs, want)
		}
	}
}

func TestCompetitorsAndSelfNeverRecommended(t *testing.T) {
	ps, cs := smallWorld()
	ps[2].Kind = Enterprise
	// de-agv has a need that kr-agv's offer answers, but kr-agv named it a competitor.
	cs = append(cs, Card{ID: "need-de", Owner: "de-agv", Kind: Need, Sectors: []string{"agv_amr"}, Title: Text{EN: "AGV navigation for warehouses"}})
	ix := mustIndex(t, ps, cs, 10)
	for _, pair := range [][2]string{{"kr-agv", "de-agv"}, {"de-agv", "kr-agv"}} {
		recs, _ := ix.Top(pair[0], 10, EN)
		for _, r := range recs {
			if r.Partner == pair[1] || r.Partner == pair[0] {
				t.Errorf("%s sees %s: %v", pair[0], r.Partner, partners(recs))
			}
		}
	}
}

func TestTopUnknownParticipant(t *testing.T) {
	ps, cs := smallWorld()
	ix := mustIndex(t, ps, cs, 5)
	if _, err := ix.Top("nobody", 5, EN); !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func TestFoldAndConcepts(t *testing.T) {
	if got := Fold("Tự động hóa KHO HÀNG, Đồng Nai"); got != "tu dong hoa kho hang, dong nai" {
		t.Errorf("Fold = %q", got)
	}
	ids := func(s string) string {
		var out []string
		for _, c := range matcher.concepts(words(s)) {
			out = append(out, lexicon[c].id)
		}
		return strings.Join(out, " ")
	}
	for text, want := range map[string]string{
		"Tự động hóa kho hàng":     "automation warehouse",
		"warehouse automation":     "warehouse automation",
		"창고자동화를 위한 로봇":             "warehouse automation robot",
		"rô-bốt hàn":               "robot welding",
		"gặp khó khăn khi sấy khô": "x_difficulty x_drying",
		"Hàn Quốc":                 "x_korea",
	} {
		if got := ids(text); got != want {
			t.Errorf("concepts(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestLexiconForms(t *testing.T) {
	if len(lexicon) < 150 {
		t.Errorf("lexicon has %d concepts, want at least 150", len(lexicon))
	}
	seen := map[string]bool{}
	for _, c := range lexicon {
		if seen[c.id] {
			t.Errorf("concept %q twice", c.id)
		}
		seen[c.id] = true
		for _, f := range split(c.ko) {
			if isHangulString(f) && len([]rune(f)) < 2 {
				t.Errorf("concept %q: Korean form %q is one syllable and would match inside unrelated words", c.id, f)
			}
		}
		if c.en == "" || c.vi == "" || c.ko == "" {
			t.Errorf("concept %q lacks a language", c.id)
		}
	}
}
