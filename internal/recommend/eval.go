package recommend

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Ranking is, for each participant id, its partners best first.
type Ranking map[string][]string

// Metrics are the mean quality of a ranking over the judged participants.
type Metrics struct {
	Queries      int
	PrecisionAt5 float64 // share of the first five that the expert graded 1 or 2
	NDCGAt10     float64 // graded gain 2^g−1, log2 discount, over the first ten
}

// Rank runs the recommender on in and returns the top n of every participant.
func Rank(in *Input, n int, opt Options) (Ranking, error) {
	opt.TopN = n
	ix, err := NewIndex(in.Participants, in.Cards, opt)
	if err != nil {
		return nil, err
	}
	r := Ranking{}
	for _, p := range in.Participants {
		recs, err := ix.Top(p.ID, n, EN)
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			r[p.ID] = append(r[p.ID], rec.Partner)
		}
	}
	return r, nil
}

// KeywordBaseline ranks partners by the best Jaccard overlap between the raw
// lowercase words of one's card and one of theirs: no folding, no lexicon,
// no card kinds, no houses. It applies the same exclusions (self,
// competitors) so that the comparison measures the matching alone.
func KeywordBaseline(in *Input, n int) Ranking {
	words := map[string][]map[string]bool{} // owner → each card's word set
	for _, c := range in.Cards {
		words[c.Owner] = append(words[c.Owner], rawWords(c))
	}
	comp := map[string]map[string]bool{}
	for _, p := range in.Participants {
		comp[p.ID] = map[string]bool{}
		for _, c := range p.Competitors {
			comp[p.ID][c] = true
		}
	}
	r := Ranking{}
	for _, a := range in.Participants {
		type scored struct {
			id string
			s  float64
		}
		var all []scored
		for _, b := range in.Participants {
			if a.ID == b.ID || comp[a.ID][b.ID] || comp[b.ID][a.ID] {
				continue
			}
			best := 0.0
			for _, x := range words[a.ID] {
				for _, y := range words[b.ID] {
					best = math.Max(best, jaccard(x, y))
				}
			}
			if best > 0 {
				all = append(all, scored{b.ID, best})
			}
		}
		sort.Slice(all, func(i, j int) bool {
			if all[i].s != all[j].s {
				return all[i].s > all[j].s
			}
			return all[i].id < all[j].id
		})
		for i := 0; i < len(all) && i < n; i++ {
			r[a.ID] = append(r[a.ID], all[i].id)
		}
	}
	return r
}

func rawWords(c Card) map[string]bool {
	set := map[string]bool{}
	for _, t := range []string{c.Title.VI, c.Title.EN, c.Title.KO, c.Body.VI, c.Body.EN, c.Body.KO} {
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			set[w] = true
		}
	}
	return set
}

func jaccard(x, y map[string]bool) float64 {
	inter := 0
	for w := range x {
		if y[w] {
			inter++
		}
	}
	union := len(x) + len(y) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// Evaluate scores a ranking against the judgments of in.
func Evaluate(in *Input, r Ranking) Metrics {
	var m Metrics
	for _, j := range in.Judgments {
		ranked := r[j.Participant]
		hits := 0
		for i := 0; i < 5 && i < len(ranked); i++ {
			if j.Relevant[ranked[i]] > 0 {
				hits++
			}
		}
		m.PrecisionAt5 += float64(hits) / 5
		m.NDCGAt10 += ndcg(ranked, j.Relevant, 10)
		m.Queries++
	}
	if m.Queries > 0 {
		m.PrecisionAt5 /= float64(m.Queries)
		m.NDCGAt10 /= float64(m.Queries)
	}
	return m
}

func ndcg(ranked []string, grades map[string]int, k int) float64 {
	dcg := 0.0
	for i := 0; i < k && i < len(ranked); i++ {
		dcg += gain(grades[ranked[i]]) / math.Log2(float64(i+2))
	}
	ideal := make([]int, 0, len(grades))
	for _, g := range grades {
		ideal = append(ideal, g)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ideal)))
	idcg := 0.0
	for i := 0; i < k && i < len(ideal); i++ {
		idcg += gain(ideal[i]) / math.Log2(float64(i+2))
	}
	if idcg == 0 {
		return 0
	}
	return dcg / idcg
}

func gain(g int) float64 { return math.Exp2(float64(g)) - 1 }
