package recommend

import (
	"math"
	"sort"
	"sync"
)

// Term weighting. Concepts are the cross-language signal and weigh most;
// raw tokens still reward a shared exact word; sectors tie cards to the
// taxonomy even when their text says little.
const (
	conceptBoost = 1.6
	tokenBoost   = 0.8
	sectorBoost  = 1.0
	titleWeight  = 2.0 // a word in the title counts twice
	bm25K        = 1.2 // term-frequency saturation
)

// stats are the document frequencies the weights are computed from. They are
// frozen when an index is built (or refreshed) so that adding one card does
// not change every other card's vector: that is what lets an update touch
// only the lists it can reach.
type stats struct {
	n  int
	df map[string]int
}

func newStats(tfs []map[string]float64) stats {
	s := stats{df: map[string]int{}, n: len(tfs)}
	for _, tf := range tfs {
		for t := range tf {
			s.df[t]++
		}
	}
	return s
}

// analyzeAll analyses cards on the given number of goroutines.
func analyzeAll(cards []Card, workers int, noLexicon bool) []map[string]float64 {
	out := make([]map[string]float64, len(cards))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(cards); i += workers {
				out[i] = analyze(&cards[i], noLexicon)
			}
		}()
	}
	wg.Wait()
	return out
}

// idf is the BM25 inverse document frequency; a term never seen gets the
// weight of a term in one card of n.
func (s stats) idf(term string) float64 {
	df := float64(s.df[term])
	n := float64(max(s.n, 1))
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// analyze returns the raw term frequencies of a card: concepts ("c:"),
// folded tokens ("t:") and sectors ("s:"), over every language it is
// written in.
func analyze(c *Card, noLexicon bool) map[string]float64 {
	tf := map[string]float64{}
	add := func(text string, w float64) {
		if text == "" {
			return
		}
		ws := words(text)
		for _, ci := range matcher.concepts(ws) {
			if lexicon[ci].weight > 0 && !noLexicon {
				tf["c:"+lexicon[ci].id] += w
			}
		}
		for _, t := range textTokens(ws) {
			tf["t:"+t] += w
		}
	}
	for _, t := range []string{c.Title.VI, c.Title.EN, c.Title.KO} {
		add(t, titleWeight)
	}
	for _, t := range []string{c.Body.VI, c.Body.EN, c.Body.KO} {
		add(t, 1)
	}
	for _, s := range c.Sectors {
		tf["s:"+s] = 1
	}
	return tf
}

var conceptWeight = func() map[string]float64 {
	m := make(map[string]float64, len(lexicon))
	for _, c := range lexicon {
		m["c:"+c.id] = c.weight
	}
	return m
}()

// weigh turns raw frequencies into a unit-length vector over term ids
// (sorted by id, so that two vectors meet in one merge pass).
func (s stats) weigh(tf map[string]float64, id func(string) int32) ([]int32, []float32) {
	type tw struct {
		t int32
		w float64
	}
	v := make([]tw, 0, len(tf))
	var norm float64
	for term, f := range tf {
		w := s.idf(term) * f * (bm25K + 1) / (f + bm25K)
		switch term[0] {
		case 'c':
			w *= conceptBoost * conceptWeight[term]
		case 't':
			w *= tokenBoost
		case 's':
			w *= sectorBoost
		}
		if w <= 0 {
			continue
		}
		v = append(v, tw{id(term), w})
		norm += w * w
	}
	sort.Slice(v, func(i, j int) bool { return v[i].t < v[j].t })
	norm = math.Sqrt(norm)
	terms := make([]int32, len(v))
	ws := make([]float32, len(v))
	for i, x := range v {
		terms[i] = x.t
		ws[i] = float32(x.w / norm)
	}
	return terms, ws
}

// dot is the cosine of two unit vectors. It adds the products in term order,
// exactly as the inverted-index accumulation does, so both give the same bits.
func dot(at []int32, aw []float32, bt []int32, bw []float32) float64 {
	var s float64
	i, j := 0, 0
	for i < len(at) && j < len(bt) {
		switch {
		case at[i] < bt[j]:
			i++
		case at[i] > bt[j]:
			j++
		default:
			s += float64(aw[i]) * float64(bw[j])
			i++
			j++
		}
	}
	return s
}
