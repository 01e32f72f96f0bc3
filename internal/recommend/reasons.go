package recommend

import (
	"errors"
	"fmt"
	"math/bits"
	"strings"

	"ketnoi/internal/taxonomy"
)

// ErrNotFound is returned for an unknown participant or card id.
var ErrNotFound = errors.New("not found")

// Recommendation is one partner for a reader, with the reasons written in
// the reader's language.
type Recommendation struct {
	Partner string   `json:"partner"`
	Name    Text     `json:"name,omitempty"`
	Kind    OrgKind  `json:"kind"`
	Country string   `json:"country"`
	Score   float64  `json:"score"`
	Reasons []Reason `json:"reasons"`
}

// Reason explains one part of a score.
type Reason struct {
	Code      string  `json:"code"` // card code (answers, you_answer …), interest, mutual_interest, house, international
	Text      string  `json:"text"`
	YourCard  string  `json:"your_card,omitempty"`
	TheirCard string  `json:"their_card,omitempty"`
	Strength  float64 `json:"strength,omitempty"` // the card match's score
}

// Top returns participant id's best n partners (at most the index's TopN),
// with reasons in lang.
func (ix *Index) Top(id string, n int, lang Lang) ([]Recommendation, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	a, ok := ix.partByID[id]
	if !ok {
		return nil, fmt.Errorf("participant %q: %w", id, ErrNotFound)
	}
	top := ix.parts[a].list.top
	if n <= 0 || n > ix.opt.TopN {
		n = ix.opt.TopN
	}
	top = top[:min(n, len(top))]
	out := make([]Recommendation, len(top))
	for i := range top {
		out[i] = ix.render(a, &top[i], lang)
	}
	return out, nil
}

func (ix *Index) render(a int32, m *match, lang Lang) Recommendation {
	pa, pb := ix.parts[a], ix.parts[m.partner]
	r := Recommendation{Partner: pb.p.ID, Name: pb.p.Name, Kind: pb.kind, Country: pb.p.Country, Score: m.score}
	for i := 0; i < int(m.n); i++ {
		r.Reasons = append(r.Reasons, ix.cardReason(m.pairs[i], lang))
	}
	if m.interest != 0 {
		r.Reasons = append(r.Reasons, Reason{Code: "interest", Text: fill(phrases[lang]["interest"], "", "", sectorNames(m.interest, lang))})
	}
	if m.mutual != 0 {
		r.Reasons = append(r.Reasons, Reason{Code: "mutual_interest", Text: fill(phrases[lang]["mutual_interest"], "", "", sectorNames(m.mutual, lang))})
	}
	if m.affinity != 0 {
		r.Reasons = append(r.Reasons, Reason{Code: "investor_startup", Text: fill(phrases[lang]["affinity_"+string(pb.kind)], "", "", sectorNames(m.affinity, lang))})
	}
	if m.house {
		r.Reasons = append(r.Reasons, Reason{Code: "house", Text: phrases[lang]["house_"+string(pa.house)+"_"+string(pb.house)]})
	}
	if m.foreign {
		r.Reasons = append(r.Reasons, Reason{Code: "international", Text: fill(phrases[lang]["international"], "", "", pb.p.Country)})
	}
	return r
}

func (ix *Index) cardReason(p cardPair, lang Lang) Reason {
	mine, theirs := ix.cards[p.mine], ix.cards[p.theirs]
	code := pairRules[mine.kind][theirs.kind].code
	return Reason{
		Code:      code,
		Text:      fill(phrases[lang][code], cardLabel(theirs, lang), cardLabel(mine, lang), ""),
		YourCard:  mine.c.ID,
		TheirCard: theirs.c.ID,
		Strength:  p.s,
	}
}

// cardLabel is `offer "AGV for warehouses"` in the reader's language, the
// title taken in that language when the card has it.
func cardLabel(c *cardState, lang Lang) string {
	l := fmt.Sprintf("%s %q", kindNames[lang][c.c.Kind], c.c.Title.In(lang))
	if c.c.Kind == ResearchResult && c.c.TRL > 0 {
		l += fmt.Sprintf(" (TRL %d)", c.c.TRL)
	}
	return l
}

func sectorNames(mask uint64, lang Lang) string {
	var names []string
	for m := mask; m != 0; m &= m - 1 {
		names = append(names, taxonomy.Sectors[bits.TrailingZeros64(m)].Name(string(lang)))
	}
	return strings.Join(names, ", ")
}

func fill(tmpl, their, yours, x string) string {
	return strings.NewReplacer("{their}", their, "{yours}", yours, "{x}", x).Replace(tmpl)
}

var kindNames = map[Lang]map[CardKind]string{
	EN: {Offer: "offer", Need: "need", Partnership: "partnership call", ResearchResult: "research result", PilotSite: "pilot site", Investment: "investment offer"},
	VI: {Offer: "giải pháp", Need: "nhu cầu", Partnership: "đề xuất hợp tác", ResearchResult: "kết quả nghiên cứu", PilotSite: "địa điểm thử nghiệm", Investment: "chương trình đầu tư"},
	KO: {Offer: "기술 제안", Need: "수요", Partnership: "협력 제안", ResearchResult: "연구 성과", PilotSite: "실증 현장", Investment: "투자 제안"},
}

// phrases are the reason templates: {their} and {yours} are card labels,
// {x} a list of sectors or a country code.
var phrases = map[Lang]map[string]string{
	EN: {
		"answers":                   "their {their} answers your {yours}",
		"you_answer":                "your {yours} answers their {their}",
		"can_test_yours":            "their {their} can test your {yours}",
		"yours_can_test":            "your {yours} can test their {their}",
		"could_fund_yours":          "their {their} could fund your {yours}",
		"you_could_fund":            "your {yours} could fund their {their}",
		"matches":                   "their {their} matches your {yours}",
		"interest":                  "they work in {x}, which you are looking for",
		"mutual_interest":           "they are looking for partners in {x}, your field",
		"house_enterprise_academia": "a research institute or university: academia–enterprise cooperation",
		"house_academia_enterprise": "an enterprise that can take research to market",
		"house_state_enterprise":    "an enterprise the state programme can support",
		"house_state_academia":      "a research institute the state programme can support",
		"house_enterprise_state":    "a state body that can support the project",
		"house_academia_state":      "a state body that can support the project",
		"international":             "a partner abroad ({x}): international cooperation",
		"affinity_startup":          "a startup in {x}, a field you invest in",
		"affinity_investor":         "an investor in {x}, your field",
	},
	VI: {
		"answers":                   "{their} của họ đáp ứng {yours} của bạn",
		"you_answer":                "{yours} của bạn đáp ứng {their} của họ",
		"can_test_yours":            "{their} của họ có thể thử nghiệm {yours} của bạn",
		"yours_can_test":            "{yours} của bạn có thể thử nghiệm {their} của họ",
		"could_fund_yours":          "{their} của họ có thể tài trợ cho {yours} của bạn",
		"you_could_fund":            "{yours} của bạn có thể tài trợ cho {their} của họ",
		"matches":                   "{their} của họ phù hợp với {yours} của bạn",
		"interest":                  "họ hoạt động trong lĩnh vực {x} mà bạn đang tìm",
		"mutual_interest":           "họ đang tìm đối tác trong lĩnh vực {x} của bạn",
		"house_enterprise_academia": "viện nghiên cứu hoặc trường đại học: hợp tác viện – doanh nghiệp",
		"house_academia_enterprise": "doanh nghiệp có thể đưa kết quả nghiên cứu ra thị trường",
		"house_state_enterprise":    "doanh nghiệp mà chương trình của nhà nước có thể hỗ trợ",
		"house_state_academia":      "viện nghiên cứu mà chương trình của nhà nước có thể hỗ trợ",
		"house_enterprise_state":    "cơ quan nhà nước có thể hỗ trợ dự án",
		"house_academia_state":      "cơ quan nhà nước có thể hỗ trợ dự án",
		"international":             "đối tác nước ngoài ({x}): hợp tác quốc tế",
		"affinity_startup":          "công ty khởi nghiệp trong lĩnh vực {x} mà bạn đầu tư",
		"affinity_investor":         "nhà đầu tư vào lĩnh vực {x} của bạn",
	},
	KO: {
		"answers":                   "상대의 {their}이(가) 귀사의 {yours}에 부합합니다",
		"you_answer":                "귀사의 {yours}이(가) 상대의 {their}에 부합합니다",
		"can_test_yours":            "상대의 {their}에서 귀사의 {yours}을(를) 실증할 수 있습니다",
		"yours_can_test":            "귀사의 {yours}에서 상대의 {their}을(를) 실증할 수 있습니다",
		"could_fund_yours":          "상대의 {their}이(가) 귀사의 {yours}에 투자할 수 있습니다",
		"you_could_fund":            "귀사의 {yours}이(가) 상대의 {their}에 투자할 수 있습니다",
		"matches":                   "상대의 {their}이(가) 귀사의 {yours}와(과) 맞습니다",
		"interest":                  "귀사가 찾는 {x} 분야에서 활동합니다",
		"mutual_interest":           "귀사의 분야인 {x}에서 파트너를 찾고 있습니다",
		"house_enterprise_academia": "연구기관·대학: 산학 협력",
		"house_academia_enterprise": "연구 성과를 사업화할 수 있는 기업",
		"house_state_enterprise":    "정부 사업으로 지원할 수 있는 기업",
		"house_state_academia":      "정부 사업으로 지원할 수 있는 연구기관",
		"house_enterprise_state":    "프로젝트를 지원할 수 있는 공공기관",
		"house_academia_state":      "프로젝트를 지원할 수 있는 공공기관",
		"international":             "해외 파트너 ({x}): 국제 협력",
		"affinity_startup":          "귀사의 투자 분야인 {x}의 스타트업",
		"affinity_investor":         "귀사의 분야인 {x}에 투자하는 투자자",
	},
}
