package recommend

import (
	"math"
	"math/bits"
)

// pairRule says how well a partner's card of one kind answers a reader's card
// of another. The table is symmetric in which pairs exist (if a need meets an
// offer, the offer meets the need), which lets the index find the readers a
// changed card can reach with the same postings it uses to find partners.
type pairRule struct {
	weight float64
	code   string // reason template, see reasons.go
}

var pairRules = func() [6][6]pairRule {
	var t [6][6]pairRule
	set := func(mine, theirs CardKind, w float64, code string) {
		t[mine.index()][theirs.index()] = pairRule{w, code}
	}
	set(Need, Offer, 1.0, "answers")
	set(Need, ResearchResult, 0.85, "answers")
	set(Need, Partnership, 0.3, "matches")
	set(Need, Investment, 0.6, "could_fund_yours")
	set(Offer, Need, 1.0, "you_answer")
	set(Offer, PilotSite, 0.7, "can_test_yours")
	set(Offer, Investment, 0.6, "could_fund_yours")
	set(Offer, Partnership, 0.6, "matches")
	set(ResearchResult, Need, 0.85, "you_answer")
	set(ResearchResult, PilotSite, 0.7, "can_test_yours")
	set(ResearchResult, Investment, 0.7, "could_fund_yours")
	set(ResearchResult, Partnership, 0.6, "matches")
	set(PilotSite, Offer, 0.7, "yours_can_test")
	set(PilotSite, ResearchResult, 0.7, "yours_can_test")
	set(Investment, Offer, 0.6, "you_could_fund")
	set(Investment, ResearchResult, 0.7, "you_could_fund")
	set(Investment, Need, 0.6, "you_could_fund")
	set(PilotSite, Partnership, 0.6, "matches")
	set(Partnership, Partnership, 0.6, "matches")
	set(Partnership, Offer, 0.6, "matches")
	set(Partnership, ResearchResult, 0.6, "matches")
	set(Partnership, Need, 0.3, "matches")
	set(Partnership, PilotSite, 0.6, "matches")
	return t
}()

// complements lists, for each card kind, the kinds it can be matched with.
var complements = func() [6][]int {
	var c [6][]int
	for i := range pairRules {
		for j := range pairRules[i] {
			if pairRules[i][j].weight > 0 {
				c[i] = append(c[i], j)
			}
		}
	}
	return c
}()

// Scoring constants. A good card match scores 0.3–0.8; declared interests
// alone stay below that, so a concrete answer to a need always ranks first.
const (
	minMatch       = 0.04 // card pairs below this are noise from one shared common word
	startupBoost   = 1.25 // an investment meets a startup's card
	interestWeight = 0.15 // the partner works in sectors the reader declared as interests
	mutualWeight   = 0.08 // the partner declared the reader's sectors as its interests
	academiaBonus  = 0.15 // institute ↔ enterprise: the pairing the programme exists for
	stateBonus     = 0.05 // a state body with an institute or an enterprise
	foreignBonus   = 0.10 // an international supplier for a local need, or the reverse
	affinityWeight = 0.2  // an investor and a startup working in the same sectors
	maxPairs       = 3    // card matches kept as evidence per partner
)

// cardPair is one card match between reader and partner.
type cardPair struct {
	mine, theirs int32 // card slots
	s            float64
}

// match is one partner in a reader's list, with the evidence for it.
type match struct {
	partner   int32
	score     float64
	pairs     [maxPairs]cardPair
	n         int8
	needOffer bool   // a need met an offer (either way): enables the foreign bonus
	interest  uint64 // reader's interests the partner works in
	mutual    uint64 // reader's sectors the partner is interested in
	affinity  uint64 // sectors an investor and a startup share
	house     bool
	foreign   bool
}

func round9(x float64) float64 { return math.Round(x*1e9) / 1e9 }

// kappa is the weight of matching the reader's card a with the partner's b.
func (ix *Index) kappa(a, b *cardState) float64 {
	w := pairRules[a.kind][b.kind].weight
	inv := Investment.index()
	switch {
	case a.kind == inv && ix.parts[b.owner].kind == Startup,
		b.kind == inv && ix.parts[a.owner].kind == Startup:
		w *= startupBoost
	}
	return w
}

// addPair records a card match, keeping the best maxPairs.
func (m *match) addPair(ix *Index, p cardPair) {
	na, ne := Need.index(), Offer.index()
	ka, kb := ix.cards[p.mine].kind, ix.cards[p.theirs].kind
	if (ka == na && kb == ne) || (ka == ne && kb == na) {
		m.needOffer = true
	}
	i := int(m.n)
	if i == maxPairs {
		if !ix.betterPair(p, m.pairs[maxPairs-1]) {
			return
		}
		i--
	} else {
		m.n++
	}
	for i > 0 && ix.betterPair(p, m.pairs[i-1]) {
		m.pairs[i] = m.pairs[i-1]
		i--
	}
	m.pairs[i] = p
}

func (ix *Index) betterPair(x, y cardPair) bool {
	if x.s != y.s {
		return x.s > y.s
	}
	if x.mine != y.mine {
		return ix.cards[x.mine].c.ID < ix.cards[y.mine].c.ID
	}
	return ix.cards[x.theirs].c.ID < ix.cards[y.theirs].c.ID
}

// excluded reports whether b may never be recommended to a: itself, or a
// competitor named by either side.
func excluded(a, b *part) bool {
	return a == b || contains(a.competitors, b.p.ID) || contains(b.competitors, a.p.ID)
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// finish turns the evidence for partner b into a score for reader a; it
// returns false when there is nothing to recommend. Exclusions are checked
// apart (see excluded), only for partners that would enter a list.
func (ix *Index) finish(a, b *part, m *match) bool {
	var base float64
	for i := 0; i < int(m.n); i++ {
		base += m.pairs[i].s / float64(int(1)<<i) // 1, ½, ¼: many cards help, but less and less
	}
	if a.interests != 0 {
		m.interest = a.interests & b.all
		base += interestWeight * float64(bits.OnesCount64(m.interest)) / float64(bits.OnesCount64(a.interests))
	}
	if b.interests != 0 {
		m.mutual = b.interests & a.all
		base += mutualWeight * float64(bits.OnesCount64(m.mutual)) / float64(bits.OnesCount64(b.interests))
	}
	if m.affinity = affinity(a, b); m.affinity != 0 {
		base += affinityWeight
	}
	if base <= 0 {
		return false
	}
	bonus := 1.0
	if hb := houseBonus(a.house, b.house); hb > 0 {
		bonus += hb
		m.house = true
	}
	if m.needOffer && a.p.Country != b.p.Country {
		bonus += foreignBonus
		m.foreign = true
	}
	m.score = round9(base * bonus)
	return true
}

// affinity returns the sectors shared by an investor (its sectors and
// interests) and a startup (its sectors and cards' sectors), whichever of a
// and b is which; zero for any other pair of kinds.
func affinity(a, b *part) uint64 {
	switch {
	case a.kind == Investor && b.kind == Startup:
		return (a.all | a.interests) & b.all
	case a.kind == Startup && b.kind == Investor:
		return (b.all | b.interests) & a.all
	}
	return 0
}

func houseBonus(a, b House) float64 {
	switch {
	case a == b:
		return 0
	case a == State || b == State:
		return stateBonus
	}
	return academiaBonus // academia and enterprise
}

// better orders matches: higher score first, then partner id, so that every
// list has one right answer.
func (ix *Index) better(x, y *match) bool {
	if x.score != y.score {
		return x.score > y.score
	}
	return ix.parts[x.partner].p.ID < ix.parts[y.partner].p.ID
}

// scorePair scores partner b for reader a directly from their cards, without
// the inverted index. The incremental path uses it for one pair; tests use it
// as the brute-force reference.
func (ix *Index) scorePair(a, b int32) (match, bool) {
	pa, pb := ix.parts[a], ix.parts[b]
	m := match{partner: b}
	for _, ca := range pa.cards {
		x := ix.cards[ca]
		for _, cb := range pb.cards {
			y := ix.cards[cb]
			k := pairRules[x.kind][y.kind].weight
			if k == 0 {
				continue
			}
			s := round9(ix.kappa(x, y) * dot(x.terms, x.ws, y.terms, y.ws))
			if s >= minMatch {
				m.addPair(ix, cardPair{ca, cb, s})
			}
		}
	}
	return m, !excluded(pa, pb) && ix.finish(pa, pb, &m)
}

// insertTop inserts m into the sorted list top, keeping at most n entries.
func (ix *Index) insertTop(top []match, m match, n int) []match {
	if len(top) == n && !ix.better(&m, &top[n-1]) {
		return top
	}
	if len(top) < n {
		top = append(top, m)
	} else {
		top[n-1] = m
	}
	for i := len(top) - 1; i > 0 && ix.better(&top[i], &top[i-1]); i-- {
		top[i], top[i-1] = top[i-1], top[i]
	}
	return top
}
