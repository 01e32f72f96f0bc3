package recommend

import (
	"os"
	"testing"
)

func loadEval(t testing.TB) *Input {
	t.Helper()
	f, err := os.Open("testdata/eval.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := Parse(f)
	if err != nil {
		t.Fatalf("testdata/eval.json: %v", err)
	}
	return in
}

// Floors and margin for the committed evaluation set. The run is
// deterministic, so these are checks of quality, not of timing.
const (
	floorP5     = 0.55
	floorNDCG10 = 0.75
	minMargin   = 0.15 // over the keyword baseline, on both measures
)

func TestQualityBeatsKeywordBaseline(t *testing.T) {
	in := loadEval(t)
	if len(in.Cards) < 60 {
		t.Fatalf("evaluation set has %d cards, want at least 60", len(in.Cards))
	}
	langs := map[string]bool{}
	for _, c := range in.Cards {
		for l, s := range map[string]string{"vi": c.Title.VI, "en": c.Title.EN, "ko": c.Title.KO} {
			if s != "" {
				langs[l] = true
			}
		}
	}
	if len(langs) != 3 {
		t.Fatalf("evaluation set covers languages %v, want vi, en and ko", langs)
	}
	ours, err := Rank(in, 10, Options{})
	if err != nil {
		t.Fatal(err)
	}
	noLex, err := Rank(in, 10, Options{NoLexicon: true})
	if err != nil {
		t.Fatal(err)
	}
	m := Evaluate(in, ours)
	b := Evaluate(in, KeywordBaseline(in, 10))
	nl := Evaluate(in, noLex)
	t.Logf("queries=%d  ketnoi: P@5=%.3f nDCG@10=%.3f  without lexicon: P@5=%.3f nDCG@10=%.3f  keyword baseline: P@5=%.3f nDCG@10=%.3f",
		m.Queries, m.PrecisionAt5, m.NDCGAt10, nl.PrecisionAt5, nl.NDCGAt10, b.PrecisionAt5, b.NDCGAt10)
	if nl.NDCGAt10 >= m.NDCGAt10 {
		t.Errorf("the lexicon does not help: nDCG@10 %.3f without it, %.3f with it", nl.NDCGAt10, m.NDCGAt10)
	}
	if m.PrecisionAt5 < floorP5 || m.NDCGAt10 < floorNDCG10 {
		t.Errorf("quality below floor: P@5=%.3f (floor %.2f), nDCG@10=%.3f (floor %.2f)", m.PrecisionAt5, floorP5, m.NDCGAt10, floorNDCG10)
	}
	if m.PrecisionAt5-b.PrecisionAt5 < minMargin || m.NDCGAt10-b.NDCGAt10 < minMargin {
		t.Errorf("margin over the keyword baseline too small: P@5 %+.3f, nDCG@10 %+.3f (want ≥ %.2f)",
			m.PrecisionAt5-b.PrecisionAt5, m.NDCGAt10-b.NDCGAt10, minMargin)
	}
}

func TestEvaluateMetrics(t *testing.T) {
	in := &Input{Judgments: []Judgment{{Participant: "a", Relevant: map[string]int{"x": 2, "y": 1}}}}
	perfect := Evaluate(in, Ranking{"a": {"x", "y", "z"}})
	if perfect.NDCGAt10 != 1 || perfect.PrecisionAt5 != 0.4 {
		t.Errorf("perfect ranking: %+v, want nDCG 1 and P@5 0.4", perfect)
	}
	swapped := Evaluate(in, Ranking{"a": {"y", "x"}})
	if !(swapped.NDCGAt10 < 1 && swapped.NDCGAt10 > 0.5) {
		t.Errorf("swapped ranking nDCG %.3f, want between 0.5 and 1", swapped.NDCGAt10)
	}
	if none := Evaluate(in, Ranking{}); none.NDCGAt10 != 0 || none.PrecisionAt5 != 0 {
		t.Errorf("empty ranking: %+v", none)
	}
}
