package recommend

import (
	"fmt"
	"math/bits"
	"sync"
)

// scratch is one worker's reusable memory for computing lists.
type scratch struct {
	acc     []float64 // card slot → dot product with the current reader card
	touched []int32
	evIdx   []int32 // participant slot → index in evs, or -1
	evs     []match
}

func (ix *Index) newScratch() *scratch {
	sc := &scratch{acc: make([]float64, len(ix.cards)), evIdx: make([]int32, len(ix.parts))}
	for i := range sc.evIdx {
		sc.evIdx[i] = -1
	}
	return sc
}

func (sc *scratch) evidence(partner int32) *match {
	if i := sc.evIdx[partner]; i >= 0 {
		return &sc.evs[i]
	}
	sc.evIdx[partner] = int32(len(sc.evs))
	sc.evs = append(sc.evs, match{partner: partner})
	return &sc.evs[len(sc.evs)-1]
}

// list is a reader's ranking as the index keeps it: an exact prefix of the
// full ranking, up to ix.depth entries. When truncated, partners left out all
// rank below the last entry.
type list struct {
	top       []match
	truncated bool
}

// computeTop computes reader a's list from scratch: candidates come from the
// postings of a's card terms (only the kinds that complement each card) and
// from the sector lists of its interests and sectors; everything else scores
// zero and is never looked at.
func (ix *Index) computeTop(a int32, sc *scratch) list {
	pa := ix.parts[a]
	for _, ca := range pa.cards {
		ix.accumulate(a, ca, sc)
	}
	for m := pa.interests; m != 0; m &= m - 1 {
		for _, b := range ix.holders[bits.TrailingZeros64(m)] {
			sc.evidence(b)
		}
	}
	for m := pa.all; m != 0; m &= m - 1 {
		for _, b := range ix.interested[bits.TrailingZeros64(m)] {
			sc.evidence(b)
		}
	}
	ix.affinityPeers(a, affinityMask(pa), func(b int32) { sc.evidence(b) })
	l := list{top: make([]match, 0, ix.depth)}
	for i := range sc.evs {
		m := &sc.evs[i]
		sc.evIdx[m.partner] = -1
		pb := ix.parts[m.partner]
		if !ix.finish(pa, pb, m) {
			continue
		}
		if len(l.top) == ix.depth && !ix.better(m, &l.top[len(l.top)-1]) {
			// Left out, perhaps excluded too: the flag may be set for nothing,
			// which costs at worst one early rebuild.
			l.truncated = true
			continue
		}
		if !excluded(pa, pb) {
			if len(l.top) == ix.depth {
				l.truncated = true
			}
			l.top = ix.insertTop(l.top, *m, ix.depth)
		}
	}
	sc.evs = sc.evs[:0]
	return l
}

// accumulate adds the matches of reader card ca (of participant a) to the
// evidence, summing term products through the postings.
func (ix *Index) accumulate(a, ca int32, sc *scratch) {
	x := ix.cards[ca]
	for i, t := range x.terms {
		w := float64(x.ws[i])
		for _, k := range complements[x.kind] {
			for _, p := range ix.post[t][k] {
				if sc.acc[p.card] == 0 {
					sc.touched = append(sc.touched, p.card)
				}
				sc.acc[p.card] += w * float64(p.w)
			}
		}
	}
	for _, cb := range sc.touched {
		d := sc.acc[cb]
		sc.acc[cb] = 0
		y := ix.cards[cb]
		if y.owner == a {
			continue
		}
		if s := round9(ix.kappa(x, y) * d); s >= minMatch {
			sc.evidence(y.owner).addPair(ix, cardPair{ca, cb, s})
		}
	}
	sc.touched = sc.touched[:0]
}

// recomputeAll computes every list, spreading readers over the workers.
func (ix *Index) recomputeAll() {
	readers := make([]int32, len(ix.parts))
	for i := range readers {
		readers[i] = int32(i)
	}
	lists, _ := ix.parallel(readers, func(a int32, sc *scratch) (list, bool) {
		return ix.computeTop(a, sc), true
	})
	for _, p := range ix.parts {
		p.inTopOf = map[int32]struct{}{}
	}
	for i, a := range readers {
		ix.setTop(a, lists[i])
	}
}

// parallel runs f for each reader on the workers and returns the results in
// reader order, with whether each changed.
func (ix *Index) parallel(readers []int32, f func(int32, *scratch) (list, bool)) ([]list, []bool) {
	out := make([]list, len(readers))
	changed := make([]bool, len(readers))
	workers := min(ix.opt.Workers, max(1, len(readers)/8))
	var wg sync.WaitGroup
	var next int64
	var mu sync.Mutex
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := ix.newScratch()
			for {
				mu.Lock()
				i := next
				next += 16
				mu.Unlock()
				if i >= int64(len(readers)) {
					return
				}
				for j := i; j < min(i+16, int64(len(readers))); j++ {
					out[j], changed[j] = f(readers[j], sc)
				}
			}
		}()
	}
	wg.Wait()
	return out, changed
}

// setTop installs reader a's new list and keeps the reverse links in step.
func (ix *Index) setTop(a int32, l list) {
	pa := ix.parts[a]
	for _, m := range pa.list.top {
		delete(ix.parts[m.partner].inTopOf, a)
	}
	pa.list = l
	for _, m := range l.top {
		ix.parts[m.partner].inTopOf[a] = struct{}{}
	}
}

// refresh brings reader a's list up to date after partner o changed. Only o
// moves: it enters, moves, or drops out of the list (becoming one of those
// left out when it falls below the last entry). Lists are kept deeper than
// TopN so that drops are absorbed; a full recomputation happens only when a
// truncated list has become shorter than TopN.
func (ix *Index) refresh(a, o int32, sc *scratch) (list, bool) {
	old := ix.parts[a].list
	pos := -1
	for i := range old.top {
		if old.top[i].partner == o {
			pos = i
			break
		}
	}
	m, ok := ix.scorePair(a, o)
	if pos < 0 && (!ok || (old.truncated && !ix.better(&m, &old.top[len(old.top)-1]))) {
		return old, false // o was and stays out of the list
	}
	l := list{top: make([]match, 0, ix.depth), truncated: old.truncated}
	if pos < 0 {
		l.top = append(l.top, old.top...)
	} else {
		last := old.top[len(old.top)-1] // everything left out ranks below it
		l.top = append(l.top, old.top[:pos]...)
		l.top = append(l.top, old.top[pos+1:]...)
		if ok && old.truncated && !ix.better(&m, &last) {
			ok = false // o joins those left out
		}
	}
	if ok {
		if len(l.top) == ix.depth {
			l.truncated = true
		}
		l.top = ix.insertTop(l.top, m, ix.depth)
	}
	if l.truncated && len(l.top) < ix.opt.TopN {
		ix.rebuilt.Add(1)
		return ix.computeTop(a, sc), true
	}
	return l, true
}

// propagate updates the lists touched by a change of participant o: o's own
// list in full, and for every reader in affected, the place of o.
func (ix *Index) propagate(o int32, affected map[int32]struct{}) {
	readers := make([]int32, 0, len(affected)+1)
	readers = append(readers, o)
	for a := range affected {
		if a != o {
			readers = append(readers, a)
		}
	}
	ix.visited.Store(int64(len(readers)))
	ix.rebuilt.Store(0)
	lists, changed := ix.parallel(readers, func(a int32, sc *scratch) (list, bool) {
		if a == o {
			ix.rebuilt.Add(1)
			return ix.computeTop(a, sc), true
		}
		return ix.refresh(a, o, sc)
	})
	for i, a := range readers {
		if changed[i] {
			ix.setTop(a, lists[i])
		}
	}
}

// readersOfCard adds to set the participants that may score the owner of
// card slot for this card: owners of complementary cards sharing a term, and
// those interested in its sectors.
func (ix *Index) readersOfCard(slot int32, set map[int32]struct{}) {
	x := ix.cards[slot]
	for _, t := range x.terms {
		for _, k := range complements[x.kind] {
			for _, p := range ix.post[t][k] {
				set[ix.cards[p.card].owner] = struct{}{}
			}
		}
	}
	for m := x.sectors; m != 0; m &= m - 1 {
		for _, a := range ix.interested[bits.TrailingZeros64(m)] {
			set[a] = struct{}{}
		}
	}
	ix.affinityPeers(x.owner, x.sectors, func(a int32) { set[a] = struct{}{} })
}

// affinityMask is the set of sectors through which participant p can meet
// its investor or startup counterparts.
func affinityMask(p *part) uint64 {
	if p.kind == Investor {
		return p.all | p.interests
	}
	return p.all
}

// affinityPeers visits the startups an investor o can meet through the
// sectors in mask, or the investors a startup o can meet. The relation is
// symmetric, so the same call finds o's candidates and the readers that a
// change of o can reach.
func (ix *Index) affinityPeers(o int32, mask uint64, visit func(int32)) {
	var want OrgKind
	switch ix.parts[o].kind {
	case Investor:
		want = Startup
	case Startup:
		want = Investor
	default:
		return
	}
	for m := mask; m != 0; m &= m - 1 {
		s := bits.TrailingZeros64(m)
		for _, b := range ix.holders[s] {
			if ix.parts[b].kind == want {
				visit(b)
			}
		}
		if want == Investor {
			for _, b := range ix.interested[s] {
				if ix.parts[b].kind == want {
					visit(b)
				}
			}
		}
	}
}

// readersOf returns every participant that may score o above zero, plus
// those that hold o in their lists now.
func (ix *Index) readersOf(o int32) map[int32]struct{} {
	set := map[int32]struct{}{}
	for a := range ix.parts[o].inTopOf {
		set[a] = struct{}{}
	}
	po := ix.parts[o]
	for _, c := range po.cards {
		ix.readersOfCard(c, set)
	}
	for m := po.all; m != 0; m &= m - 1 {
		for _, a := range ix.interested[bits.TrailingZeros64(m)] {
			set[a] = struct{}{}
		}
	}
	for m := po.interests; m != 0; m &= m - 1 {
		for _, a := range ix.holders[bits.TrailingZeros64(m)] {
			set[a] = struct{}{}
		}
	}
	ix.affinityPeers(o, affinityMask(po), func(a int32) { set[a] = struct{}{} })
	return set
}

// Update adds card c or replaces the card with the same id, and updates the
// lists it can change.
func (ix *Index) Update(c Card) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.checkCard(&c); err != nil {
		return fmt.Errorf("card %q: %w", c.ID, err)
	}
	if slot, ok := ix.cardByID[c.ID]; ok {
		if oldOwner := ix.cards[slot].owner; ix.parts[oldOwner].p.ID != c.Owner {
			ix.removeCard(slot)
		} else {
			ix.detachCard(slot)
		}
	}
	slot := ix.attachCard(c)
	o := ix.cards[slot].owner
	affected := map[int32]struct{}{}
	for a := range ix.parts[o].inTopOf {
		affected[a] = struct{}{}
	}
	ix.readersOfCard(slot, affected)
	ix.propagate(o, affected)
	return nil
}

// Remove deletes the card with this id and updates the lists it was in.
func (ix *Index) Remove(cardID string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	slot, ok := ix.cardByID[cardID]
	if !ok {
		return fmt.Errorf("card %q: %w", cardID, ErrNotFound)
	}
	ix.removeCard(slot)
	return nil
}

// removeCard detaches a card; scores of its owner can only fall, so only
// the readers that list the owner need a look.
func (ix *Index) removeCard(slot int32) {
	o := ix.cards[slot].owner
	ix.detachCard(slot)
	affected := map[int32]struct{}{}
	for a := range ix.parts[o].inTopOf {
		affected[a] = struct{}{}
	}
	ix.propagate(o, affected)
}

// UpdateParticipant adds p or replaces the profile with the same id, and
// updates the lists it can change.
func (ix *Index) UpdateParticipant(p Participant) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := p.Validate(); err != nil {
		return fmt.Errorf("participant %q: %w", p.ID, err)
	}
	o, ok := ix.partByID[p.ID]
	if !ok {
		o = ix.addPart(p)
	} else {
		ix.setProfile(o, p)
	}
	ix.propagate(o, ix.readersOf(o))
	return nil
}
