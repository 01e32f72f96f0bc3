package recommend

import (
	"fmt"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
)

// Options configure an Index.
type Options struct {
	TopN    int // partners kept per participant; 20 when zero
	Workers int // goroutines for bulk recomputation; GOMAXPROCS when zero
	// NoLexicon turns the concept lexicon off, leaving folded tokens and
	// sectors: only the evaluation uses it, to show what the lexicon adds.
	NoLexicon bool
}

// Index holds participants and cards and keeps every participant's top
// partners up to date. It is safe for concurrent use.
type Index struct {
	mu    sync.RWMutex
	opt   Options
	depth int // entries kept per list: TopN plus as many spare
	stats stats

	vocab map[string]int32
	post  [][6][]posting // term id → card kind → cards carrying the term

	parts    []*part
	partByID map[string]int32
	cards    []*cardState
	cardByID map[string]int32
	freeCard []int32

	// last update's work, for benchmarks: readers visited, lists rebuilt
	visited, rebuilt atomic.Int64

	holders    [64][]int32 // sector → participants working in it (own or card sectors)
	interested [64][]int32 // sector → participants that declared it as an interest
}

type posting struct {
	card int32
	w    float32
}

// part is a participant as the index keeps it. The fields every candidate
// reads come first, so that scoring one touches one cache line.
type part struct {
	all         uint64 // declared sectors and those of its cards
	interests   uint64
	kind        OrgKind
	house       House
	competitors []string // short lists: a scan beats hashing
	sectors     uint64   // declared sectors
	p           Participant
	cardSecRef  [64]uint16
	cards       []int32
	list        list
	inTopOf     map[int32]struct{} // readers whose list holds this participant
}

type cardState struct {
	c       Card
	owner   int32
	kind    int
	sectors uint64
	terms   []int32
	ws      []float32
}

// NewIndex builds an index over participants and cards and computes every
// participant's list. Term statistics are taken from these cards and kept
// until Refresh.
func NewIndex(participants []Participant, cards []Card, opt Options) (*Index, error) {
	if opt.TopN <= 0 {
		opt.TopN = 20
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	ix := &Index{opt: opt, depth: 2 * opt.TopN, vocab: map[string]int32{}, partByID: map[string]int32{}, cardByID: map[string]int32{}}
	for i := range participants {
		p := participants[i]
		if err := p.Validate(); err != nil {
			return nil, fmt.Errorf("participant %d (%q): %w", i+1, p.ID, err)
		}
		if _, dup := ix.partByID[p.ID]; dup {
			return nil, fmt.Errorf("participant %d: id %q appears twice", i+1, p.ID)
		}
		ix.addPart(p)
	}
	seen := map[string]bool{}
	for i := range cards {
		if err := ix.checkCard(&cards[i]); err != nil {
			return nil, fmt.Errorf("card %d (%q): %w", i+1, cards[i].ID, err)
		}
		if seen[cards[i].ID] {
			return nil, fmt.Errorf("card %d: id %q appears twice", i+1, cards[i].ID)
		}
		seen[cards[i].ID] = true
	}
	tfs := analyzeAll(cards, opt.Workers, opt.NoLexicon)
	ix.stats = newStats(tfs)
	for i := range cards {
		ix.attachAnalyzed(cards[i], tfs[i])
	}
	ix.recomputeAll()
	return ix, nil
}

func (ix *Index) checkCard(c *Card) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if _, ok := ix.partByID[c.Owner]; !ok {
		return fmt.Errorf("owner %q is not a participant", c.Owner)
	}
	return nil
}

// Refresh recomputes term statistics from the current cards and every list.
// Run it when the marketplace has grown or changed a lot since the index was
// built; between refreshes updates use the frozen statistics.
func (ix *Index) Refresh() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var cards []Card
	for _, c := range ix.cards {
		if c != nil {
			cards = append(cards, c.c)
		}
	}
	tfs := analyzeAll(cards, ix.opt.Workers, ix.opt.NoLexicon)
	ix.stats = newStats(tfs)
	for _, c := range cards {
		ix.detachCard(ix.cardByID[c.ID])
	}
	for i, c := range cards {
		ix.attachAnalyzed(c, tfs[i])
	}
	ix.recomputeAll()
}

func (ix *Index) termID(t string) int32 {
	if id, ok := ix.vocab[t]; ok {
		return id
	}
	id := int32(len(ix.post))
	ix.vocab[t] = id
	ix.post = append(ix.post, [6][]posting{})
	return id
}

func (ix *Index) addPart(p Participant) int32 {
	id := int32(len(ix.parts))
	ix.parts = append(ix.parts, &part{inTopOf: map[int32]struct{}{}})
	ix.partByID[p.ID] = id
	ix.setProfile(id, p)
	return id
}

// setProfile installs p's profile and keeps the sector postings in step.
func (ix *Index) setProfile(id int32, p Participant) {
	pt := ix.parts[id]
	oldAll, oldInt := pt.all, pt.interests
	pt.p = p
	pt.kind = p.Kind
	pt.house = p.Kind.House()
	pt.sectors = sectorMask(p.Sectors)
	pt.interests = sectorMask(p.Interests)
	pt.competitors = append([]string(nil), p.Competitors...)
	pt.all = pt.sectors | cardSectors(pt)
	updatePostings(&ix.holders, id, oldAll, pt.all)
	updatePostings(&ix.interested, id, oldInt, pt.interests)
}

func cardSectors(pt *part) uint64 {
	var m uint64
	for s, n := range pt.cardSecRef {
		if n > 0 {
			m |= 1 << uint(s)
		}
	}
	return m
}

// updatePostings moves participant id between sector lists as its mask
// changes from old to new.
func updatePostings(lists *[64][]int32, id int32, old, new uint64) {
	for m := old &^ new; m != 0; m &= m - 1 {
		s := bits.TrailingZeros64(m)
		lists[s] = removeID(lists[s], id)
	}
	for m := new &^ old; m != 0; m &= m - 1 {
		s := bits.TrailingZeros64(m)
		lists[s] = append(lists[s], id)
	}
}

func removeID(l []int32, id int32) []int32 {
	for i, x := range l {
		if x == id {
			l[i] = l[len(l)-1]
			return l[:len(l)-1]
		}
	}
	return l
}

// attachCard vectorises c and adds it to the postings and its owner.
func (ix *Index) attachCard(c Card) int32 {
	return ix.attachAnalyzed(c, analyze(&c, ix.opt.NoLexicon))
}

// attachAnalyzed is attachCard for a card already analysed.
func (ix *Index) attachAnalyzed(c Card, tf map[string]float64) int32 {
	owner := ix.partByID[c.Owner]
	cs := &cardState{c: c, owner: owner, kind: c.Kind.index(), sectors: sectorMask(c.Sectors)}
	cs.terms, cs.ws = ix.stats.weigh(tf, ix.termID)
	var slot int32
	if n := len(ix.freeCard); n > 0 {
		slot = ix.freeCard[n-1]
		ix.freeCard = ix.freeCard[:n-1]
		ix.cards[slot] = cs
	} else {
		slot = int32(len(ix.cards))
		ix.cards = append(ix.cards, cs)
	}
	ix.cardByID[c.ID] = slot
	for i, t := range cs.terms {
		ix.post[t][cs.kind] = append(ix.post[t][cs.kind], posting{slot, cs.ws[i]})
	}
	pt := ix.parts[owner]
	pt.cards = append(pt.cards, slot)
	ix.changeCardSectors(owner, cs.sectors, +1)
	return slot
}

// detachCard removes the card in slot from the postings and its owner.
func (ix *Index) detachCard(slot int32) {
	cs := ix.cards[slot]
	for _, t := range cs.terms {
		l := ix.post[t][cs.kind]
		for i := range l {
			if l[i].card == slot {
				// Postings order never changes a result: each card's sum follows
				// the reader's term order, and every selection uses a total order.
				l[i] = l[len(l)-1]
				ix.post[t][cs.kind] = l[:len(l)-1]
				break
			}
		}
	}
	pt := ix.parts[cs.owner]
	pt.cards = removeID(pt.cards, slot)
	ix.changeCardSectors(cs.owner, cs.sectors, -1)
	delete(ix.cardByID, cs.c.ID)
	ix.cards[slot] = nil
	ix.freeCard = append(ix.freeCard, slot)
}

func (ix *Index) changeCardSectors(owner int32, sectors uint64, delta int) {
	pt := ix.parts[owner]
	for m := sectors; m != 0; m &= m - 1 {
		s := bits.TrailingZeros64(m)
		pt.cardSecRef[s] = uint16(int(pt.cardSecRef[s]) + delta)
	}
	old := pt.all
	pt.all = pt.sectors | cardSectors(pt)
	updatePostings(&ix.holders, owner, old, pt.all)
}
