package textsearch

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Query is a search request. Empty Text lists every document that passes
// the filters, in ID order (browsing the catalogue) or, with NewestFirst,
// the latest first.
type Query struct {
	Text string
	// Filters: a document must have, for every facet named here, at least
	// one of the listed values (AND across facets, OR within one facet).
	Filters map[string][]string
	Offset  int
	Limit   int // 0 means DefaultLimit; capped at MaxLimit
	// NewestFirst lists, when there is no text to rank by, the latest
	// documents first (by Document.Time, then the highest ID) instead of
	// the lowest IDs first.
	NewestFirst bool
}

// Paging defaults.
const (
	DefaultLimit = 20
	MaxLimit     = 1000
	// maxQueryWords bounds the work one query can ask for.
	maxQueryWords = 16
	// maxExpansions bounds how many index terms one prefix or typo expands to.
	maxExpansions = 256
	// rerankPool is how many of the best hits (by word scores) get the
	// proximity bonus; a deeper page than this is ordered by word scores.
	rerankPool = 128
	// qAdjacent is the bonus, times the field weight, for two query words
	// found side by side and in order: "dien tu" prefers "điện tử" to
	// "tủ điện", and Vietnamese words are mostly two syllables.
	qAdjacent = 1.0
)

// Result is one page of hits plus the size of the whole result set.
type Result struct {
	Total int
	// Partial is true when no document matched every query word, so the
	// hits are the documents matching the most words (best-partial
	// fallback); the UI can say "showing results for some of your words".
	Partial bool
	Hits    []Hit
	// Facets counts facet values over the whole result set (after filters):
	// facet name → value → documents.
	Facets map[string]map[string]int
}

// Hit is one matching document.
type Hit struct {
	ID      int64
	Score   float64
	Matched int // query words this document matched
	// Highlights gives, per field name, the byte spans of the field's
	// original text that matched, sorted and non-overlapping. Use Mark to
	// render them.
	Highlights map[string][]Span
}

// Span is a byte range [Start, End) of a field's text.
type Span struct{ Start, End int }

// How good a match is, before field weight and term rarity. Exact beats a
// diacritic mismatch, which beats completing a prefix, which beats a typo.
const (
	qExact      = 1.0
	qWrongMarks = 0.6 // query typed with diacritics, document spells the word differently
	qPrefixMin  = 0.5 // a prefix that is a small part of the word
	qPrefixMax  = 0.85
	qTypo       = 0.4
	qCross      = 0.8 // Hangul bigram over a space: 물류자동화 vs 물류 자동화
	qHangulNext = 0.7 // last Hangul syllable still being typed: 로보 → 로봇
)

// BM25 parameters: b is mild because names are short on purpose.
const (
	bm25K1 = 1.2
	bm25B  = 0.5
)

type expansion struct {
	term    uint32
	quality float32
	// exact, when set, is the query's spelling with diacritics: index
	// variants that differ get qWrongMarks instead (prefix: variants that do
	// not start with it).
	exact  string
	prefix bool
	// minDF, for a completion of a word that is itself a term, is that
	// term's document frequency: a completion is scored as if at least as
	// common as the word typed, so that a rarer completion ("hàng" in 10
	// cards) does not outrank the word itself ("hàn" in 45) on rarity.
	minDF int
}

// qword is one query word, as groups of expansions that must each match.
// Latin words have one group; a Hangul word has one group per bigram.
type qword struct {
	groups   [][]expansion
	required int // groups[required:] only add to the score
}

// Search runs a query. It never fails: a query that matches nothing gives an
// empty Result.
func (ix *Index) Search(q Query) Result {
	ix.sortPending()
	ix.mu.RLock()
	defer ix.mu.RUnlock()

	offset, limit := max(q.Offset, 0), q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	pass, ok := ix.filter(q.Filters)
	if !ok {
		return Result{Facets: map[string]map[string]int{}}
	}
	words := ix.parse(q.Text)
	var cands []candidate
	partial := false
	if len(words) == 0 {
		cands = ix.browse(pass)
	} else {
		accs := ix.score(words)
		defer func() {
			for _, a := range accs {
				releaseAcc(a)
			}
		}()
		cands = ix.all(accs, pass)
		if len(cands) == 0 && len(accs) > 1 {
			cands, partial = ix.any(accs, pass), true
		}
	}
	res := Result{Total: len(cands), Partial: partial, Facets: ix.facetCounts(cands)}
	hl := highlightTerms(words, len(ix.terms))
	page := ix.page
	if len(words) == 0 && q.NewestFirst {
		page = ix.newestPage
	}
	for _, c := range page(cands, words, offset, limit) {
		rec := &ix.slots[c.slot]
		res.Hits = append(res.Hits, Hit{
			ID:         rec.id,
			Score:      float64(c.score),
			Matched:    int(c.matched),
			Highlights: ix.highlights(rec, hl),
		})
	}
	return res
}

// page returns the candidates of one page, in order.
func (ix *Index) page(cands []candidate, words []qword, offset, limit int) []candidate {
	offset = min(offset, len(cands)) // a page past the end is empty; no overflow
	var best []candidate
	if len(words) >= 2 && len(cands) > 0 {
		best = ix.rerankByProximity(cands, words, max(offset+limit, rerankPool))
		best = best[:min(len(best), offset+limit)]
	} else {
		best = topK(cands, offset+limit, ix.slots)
	}
	if offset >= len(best) {
		return nil
	}
	return best[offset:]
}

// newestPage returns one page of unranked candidates, the latest first
// (Document.Time, then the highest ID).
func (ix *Index) newestPage(cands []candidate, _ []qword, offset, limit int) []candidate {
	slices.SortFunc(cands, func(a, b candidate) int {
		ra, rb := &ix.slots[a.slot], &ix.slots[b.slot]
		return cmp.Or(cmp.Compare(rb.time, ra.time), cmp.Compare(rb.id, ra.id))
	})
	offset = min(offset, len(cands))
	return cands[offset:min(len(cands), offset+limit)]
}

// parse turns the query text into words and their expansions. The last word
// is a prefix unless the text ends with a space (the user finished it).
func (ix *Index) parse(text string) []qword {
	toks := tokenize(text)
	if len(toks) > maxQueryWords {
		toks = toks[:maxQueryWords]
	}
	typing := text != "" && strings.TrimRight(text, " \t\n") == text
	var words []qword
	for i, t := range toks {
		last := typing && i == len(toks)-1
		w := text[t.start:t.end]
		if last && isJamoOnly(w) {
			continue // a Korean IME shows "로봇ㅇ" while the next syllable is typed
		}
		if t.hangul {
			words = append(words, ix.hangulWord(w, last))
		} else {
			words = append(words, ix.latinWord(w, last))
		}
	}
	return words
}

func (ix *Index) latinWord(w string, last bool) qword {
	folded, exact := Fold(w), exactForm(w)
	if Fold(exact) == exact {
		exact = "" // typed without diacritics: every spelling is as good
	}
	var exps []expansion
	seen := map[uint32]bool{}
	add := func(e expansion) {
		if !seen[e.term] && len(exps) < maxExpansions && ix.terms[e.term].df > 0 {
			seen[e.term] = true
			exps = append(exps, e)
		}
	}
	minDF := 0
	if id, ok := ix.termIDs[folded]; ok {
		add(expansion{term: id, quality: qExact, exact: exact})
		minDF = ix.terms[id].df
	}
	n := utf8.RuneCountInString(folded)
	if last && n >= 2 {
		ix.forEachPrefixed(folded, func(id uint32) bool {
			ratio := float32(n) / float32(utf8.RuneCountInString(ix.terms[id].text))
			add(expansion{term: id, quality: qPrefixMin + (qPrefixMax-qPrefixMin)*ratio, exact: exact, prefix: true, minDF: minDF})
			return len(exps) < maxExpansions
		})
	}
	if n >= typoMinRunes && n <= typoMaxRunes {
		for _, id := range ix.typoCandidates(folded) {
			add(expansion{term: id, quality: qTypo})
		}
	}
	return qword{groups: [][]expansion{exps}, required: 1}
}

// hangulParticles are case particles and endings that stick to the last
// syllable of a Korean word; a query word ending with one does not require
// it in the document ("로봇을" still finds "로봇").
const hangulParticles = "을를은는이가의에로와과도만"

func (ix *Index) hangulWord(w string, last bool) qword {
	rs := []rune(w)
	lookup := func(s string, q float32) []expansion {
		if id, ok := ix.termIDs[s]; ok && ix.terms[id].df > 0 {
			return []expansion{{term: id, quality: q}}
		}
		return nil
	}
	if len(rs) == 1 {
		exps := lookup(w, qExact)
		ix.forEachPrefixed(w, func(id uint32) bool {
			if ix.terms[id].df > 0 && ix.terms[id].text != w {
				exps = append(exps, expansion{term: id, quality: qHangulNext, prefix: true})
			}
			return len(exps) < maxExpansions
		})
		return qword{groups: [][]expansion{exps}, required: 1}
	}
	var groups [][]expansion
	for k := 0; k+1 < len(rs); k++ {
		exps := lookup(string(rs[k:k+2]), qExact)
		if last && k+2 == len(rs) {
			for _, r := range hangulExtensions(rs[k+1]) {
				exps = append(exps, lookup(string(rs[k])+string(r), qHangulNext)...)
			}
		}
		groups = append(groups, exps)
	}
	required := len(groups)
	if len(rs) >= 3 && strings.ContainsRune(hangulParticles, rs[len(rs)-1]) {
		required--
	}
	return qword{groups: groups, required: required}
}

// forEachPrefixed calls fn for terms that start with prefix (and are longer)
// until fn returns false.
func (ix *Index) forEachPrefixed(prefix string, fn func(id uint32) bool) {
	i := sort.Search(len(ix.sorted), func(i int) bool { return ix.terms[ix.sorted[i]].text >= prefix })
	for ; i < len(ix.sorted); i++ {
		id := ix.sorted[i]
		t := ix.terms[id].text
		if !strings.HasPrefix(t, prefix) {
			break
		}
		if t != prefix && !fn(id) {
			return
		}
	}
	for _, id := range ix.pending { // added since the last sort
		t := ix.terms[id].text
		if t != prefix && strings.HasPrefix(t, prefix) && !fn(id) {
			return
		}
	}
}

// typoCandidates finds terms at one edit from a folded query word.
func (ix *Index) typoCandidates(w string) []uint32 {
	var out []uint32
	seen := map[uint32]bool{}
	try := func(ids ...uint32) {
		for _, id := range ids {
			if !seen[id] && ix.terms[id].df > 0 && withinOneEdit(w, ix.terms[id].text) {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	try(ix.deletes[w]...) // the term has one more letter
	forEachDelete(w, func(d string) {
		if id, ok := ix.termIDs[d]; ok { // the term has one letter less
			try(id)
		}
		try(ix.deletes[d]...) // substitution or transposition
	})
	return out
}

// acc accumulates, per document slot, the best score of one query word,
// and whether the word, typed with diacritics, matched them exactly.
type acc struct {
	score   []float32
	exact   []bool
	touched []uint32
}

var accPool sync.Pool

func newAcc(n int) *acc {
	a, _ := accPool.Get().(*acc)
	if a == nil || len(a.score) < n {
		return &acc{score: make([]float32, n), exact: make([]bool, n)}
	}
	return a
}

func releaseAcc(a *acc) {
	for _, s := range a.touched {
		a.score[s] = 0
		a.exact[s] = false
	}
	a.touched = a.touched[:0]
	accPool.Put(a)
}

func (a *acc) set(slot uint32, s float32, exact bool) {
	if a.score[slot] == 0 {
		a.touched = append(a.touched, slot)
	}
	if s > a.score[slot] {
		a.score[slot] = s
	}
	a.exact[slot] = a.exact[slot] || exact
}

// score computes one accumulator per query word.
func (ix *Index) score(words []qword) []*acc {
	accs := make([]*acc, 0, len(words))
	for _, w := range words {
		if len(w.groups) == 1 {
			a := newAcc(len(ix.slots))
			ix.addGroup(a, w.groups[0])
			accs = append(accs, a)
			continue
		}
		accs = append(accs, ix.combineGroups(w))
	}
	return accs
}

// combineGroups scores a Hangul word: every required bigram must be in the
// document; the word's score is the mean of its bigrams' scores.
func (ix *Index) combineGroups(w qword) *acc {
	parts := make([]*acc, len(w.groups))
	for i, g := range w.groups {
		parts[i] = newAcc(len(ix.slots))
		ix.addGroup(parts[i], g)
	}
	out := newAcc(len(ix.slots))
	driver := parts[0]
	for _, p := range parts[:w.required] {
		if len(p.touched) < len(driver.touched) {
			driver = p
		}
	}
	for _, slot := range driver.touched {
		var sum float32
		ok := true
		for i, p := range parts {
			s := p.score[slot]
			if s == 0 && i < w.required {
				ok = false
				break
			}
			sum += s
		}
		if ok {
			out.set(slot, sum/float32(w.required), false)
		}
	}
	for _, p := range parts {
		releaseAcc(p)
	}
	return out
}

func (ix *Index) addGroup(a *acc, exps []expansion) {
	n := float64(max(ix.live, 1))
	avg := ix.avgFieldLengths()
	var vq []float32 // reused: prefixes expand to hundreds of terms
	for _, e := range exps {
		ti := &ix.terms[e.term]
		df := float64(max(ti.df, e.minDF))
		idf := float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
		vq = variantQualities(vq[:0], ti.variants, e)
		for _, p := range ti.postings {
			q := e.quality // an unrecorded spelling (variant overflow)
			if e.exact != "" {
				q *= qWrongMarks
			}
			if int(p.variant) < len(vq) {
				q = vq[p.variant]
			}
			exact := e.exact != "" && q == e.quality
			a.set(p.doc, p.weight*q*idf*tfNorm(p, avg[p.fieldID]), exact)
		}
	}
}

// variantQualities gives the match quality of each spelling of a term.
func variantQualities(out []float32, variants []string, e expansion) []float32 {
	for _, v := range variants {
		q := e.quality
		switch {
		case v == crossVariant:
			q *= qCross
		case e.exact == "":
		case v == e.exact, e.prefix && strings.HasPrefix(v, e.exact):
		default:
			q *= qWrongMarks
		}
		out = append(out, q)
	}
	return out
}

// avgFieldLengths returns the mean length in tokens of each field name.
func (ix *Index) avgFieldLengths() []float32 {
	out := make([]float32, len(ix.fieldLen))
	for i, st := range ix.fieldLen {
		out[i] = 1
		if st.docs > 0 && st.tokens > 0 {
			out[i] = float32(st.tokens) / float32(st.docs)
		}
	}
	return out
}

// tfNorm is BM25's saturating term frequency with length normalisation.
func tfNorm(p posting, avg float32) float32 {
	t := float32(p.tf)
	return t * (bm25K1 + 1) / (t + bm25K1*(1-bm25B+bm25B*float32(p.length)/avg))
}

type candidate struct {
	slot    uint32
	score   float32
	matched uint16 // query words matched
	exact   uint16 // of those typed with diacritics, matched with the same ones
}

func (c *candidate) add(a *acc, slot uint32) {
	c.score += a.score[slot]
	if a.exact[slot] {
		c.exact++
	}
}

// all returns the documents that match every query word (AND).
func (ix *Index) all(accs []*acc, pass func(uint32) bool) []candidate {
	driver := accs[0]
	for _, a := range accs {
		if len(a.touched) < len(driver.touched) {
			driver = a
		}
	}
	var out []candidate
	for _, slot := range driver.touched {
		c := candidate{slot: slot, matched: uint16(len(accs))}
		ok := true
		for _, a := range accs {
			if a.score[slot] == 0 {
				ok = false
				break
			}
			c.add(a, slot)
		}
		if ok && pass(slot) {
			out = append(out, c)
		}
	}
	return out
}

// any returns the documents that match at least one query word: the
// best-partial fallback, ranked by how many words matched, then score.
func (ix *Index) any(accs []*acc, pass func(uint32) bool) []candidate {
	u := newAcc(len(ix.slots))
	defer releaseAcc(u)
	for _, a := range accs {
		for _, slot := range a.touched {
			u.set(slot, 1, false)
		}
	}
	var out []candidate
	for _, slot := range u.touched {
		if !pass(slot) {
			continue
		}
		c := candidate{slot: slot}
		for _, a := range accs {
			if a.score[slot] > 0 {
				c.add(a, slot)
				c.matched++
			}
		}
		out = append(out, c)
	}
	return out
}

func (ix *Index) browse(pass func(uint32) bool) []candidate {
	var out []candidate
	for slot := range ix.slots {
		if ix.slots[slot].alive && pass(uint32(slot)) {
			out = append(out, candidate{slot: uint32(slot)})
		}
	}
	return out
}

// filter compiles facet filters into a predicate over document slots. ok is
// false when a filtered facet has no known value, so nothing can match.
func (ix *Index) filter(filters map[string][]string) (pass func(uint32) bool, ok bool) {
	var groups [][]uint32
	for name, values := range filters {
		if len(values) == 0 {
			continue // an empty list does not restrict
		}
		var g []uint32
		for _, v := range values {
			if id, found := ix.facetIDs[name+"\x00"+v]; found {
				g = append(g, id)
			}
		}
		if len(g) == 0 {
			return nil, false
		}
		groups = append(groups, g)
	}
	return func(slot uint32) bool {
		have := ix.slots[slot].facets
		for _, g := range groups {
			if !containsAny(have, g) {
				return false
			}
		}
		return true
	}, true
}

func containsAny(have, want []uint32) bool {
	for _, w := range want {
		i := sort.Search(len(have), func(i int) bool { return have[i] >= w })
		if i < len(have) && have[i] == w {
			return true
		}
	}
	return false
}

func (ix *Index) facetCounts(cands []candidate) map[string]map[string]int {
	counts := make([]int32, len(ix.facets))
	for _, c := range cands {
		for _, id := range ix.slots[c.slot].facets {
			counts[id]++
		}
	}
	out := map[string]map[string]int{}
	for id, n := range counts {
		if n == 0 {
			continue
		}
		fv := ix.facets[id]
		if out[fv.name] == nil {
			out[fv.name] = map[string]int{}
		}
		out[fv.name][fv.value] = int(n)
	}
	return out
}

// before orders hits: more query words matched, then more words matched
// with the diacritics typed (a query "điện" lists every "điện" before any
// "diễn" or "dien"), then higher score, then lower ID.
func before(a, b candidate, slots []docRecord) bool {
	if a.matched != b.matched {
		return a.matched > b.matched
	}
	if a.exact != b.exact {
		return a.exact > b.exact
	}
	if a.score != b.score {
		return a.score > b.score
	}
	return slots[a.slot].id < slots[b.slot].id
}

// topK returns the k best candidates in order, without sorting all of them:
// a bounded heap whose root is the worst of the kept ones.
func topK(cands []candidate, k int, slots []docRecord) []candidate {
	worse := func(a, b candidate) bool { return before(b, a, slots) }
	h := make([]candidate, 0, min(k, len(cands)))
	for _, c := range cands {
		if len(h) < k {
			h = append(h, c)
			siftUp(h, len(h)-1, worse)
		} else if k > 0 && before(c, h[0], slots) {
			h[0] = c
			siftDown(h, 0, worse)
		}
	}
	sort.Slice(h, func(i, j int) bool { return before(h[i], h[j], slots) })
	return h
}

// The heap keeps the worst candidate at the root: parent is worse than children.
func siftUp(h []candidate, i int, worse func(a, b candidate) bool) {
	for i > 0 {
		p := (i - 1) / 2
		if !worse(h[i], h[p]) {
			return
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func siftDown(h []candidate, i int, worse func(a, b candidate) bool) {
	for {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && worse(h[l], h[w]) {
			w = l
		}
		if r < len(h) && worse(h[r], h[w]) {
			w = r
		}
		if w == i {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}

// rerankByProximity takes the best n candidates, adds the adjacency bonus
// and returns them in final order.
func (ix *Index) rerankByProximity(cands []candidate, words []qword, n int) []candidate {
	pool := topK(cands, n, ix.slots)
	sets := make([]termSet, len(words))
	for i, w := range words {
		if len(w.groups) == 1 { // Latin word (Hangul words are bigram groups)
			sets[i] = highlightTerms(words[i:i+1], len(ix.terms))
		}
	}
	anyWord := highlightTerms(words, len(ix.terms))
	var masks []uint32
	for i := range pool {
		pool[i].score += ix.proximity(&ix.slots[pool[i].slot], sets, anyWord, &masks)
	}
	sort.Slice(pool, func(i, j int) bool { return before(pool[i], pool[j], ix.slots) })
	return pool
}

// proximity sums, over each pair of consecutive query words, the weight of
// the best field where they appear side by side in query order. It marks
// each token with the query words it matches (a bit per word), then a pair
// i, i+1 is adjacent where token p has bit i and token p+1 has bit i+1.
func (ix *Index) proximity(rec *docRecord, sets []termSet, anyWord termSet, masks *[]uint32) float32 {
	toks := rec.tokens
	m := (*masks)[:0]
	for _, t := range toks {
		var bits uint32
		if anyWord.has(t.term) { // most tokens match no query word
			for i, s := range sets {
				if s != nil && s.has(t.term) {
					bits |= 1 << i
				}
			}
		}
		m = append(m, bits)
	}
	*masks = m
	best := make([]float32, len(sets)-1)
	for p := 0; p+1 < len(toks); p++ {
		pairs := m[p] & (m[p+1] >> 1)
		if pairs == 0 || toks[p].field != toks[p+1].field {
			continue
		}
		w := rec.fields[toks[p].field].weight
		for i := range best {
			if pairs&(1<<i) != 0 {
				best[i] = max(best[i], w)
			}
		}
	}
	var sum float32
	for _, w := range best {
		sum += w * qAdjacent
	}
	return sum
}

// isJamoOnly reports whether w is made of Hangul compatibility jamo only:
// a syllable still being composed.
func isJamoOnly(w string) bool {
	for _, r := range w {
		if r < 0x3131 || r > 0x318E {
			return false
		}
	}
	return w != ""
}
