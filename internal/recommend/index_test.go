package recommend

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// bruteTop scores reader a against every participant with scorePair,
// without postings or pruning: the reference the index must agree with.
func bruteTop(ix *Index, a int32) []match {
	var top []match
	for b := range ix.parts {
		if m, ok := ix.scorePair(a, int32(b)); ok {
			top = ix.insertTop(top, m, ix.opt.TopN)
		}
	}
	return top
}

// visible is the part of p's list that Top shows.
func (ix *Index) visible(p *part) []match {
	return p.list.top[:min(ix.opt.TopN, len(p.list.top))]
}

func sameTop(ix *Index, got, want []match) error {
	if len(got) != len(want) {
		return fmt.Errorf("%d partners, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.partner != w.partner || g.score != w.score || g.n != w.n || g.pairs != w.pairs || g.interest != w.interest || g.mutual != w.mutual || g.affinity != w.affinity {
			return fmt.Errorf("position %d: got %s %.9f %v, want %s %.9f %v", i,
				ix.parts[g.partner].p.ID, g.score, g.pairs[:g.n], ix.parts[w.partner].p.ID, w.score, w.pairs[:w.n])
		}
	}
	return nil
}

func checkAgainstBrute(t *testing.T, ix *Index, step string) {
	t.Helper()
	for a := range ix.parts {
		if len(ix.parts[a].list.top) > ix.depth {
			t.Fatalf("%s: list of %d, deeper than %d", step, len(ix.parts[a].list.top), ix.depth)
		}
		if err := sameTop(ix, ix.visible(ix.parts[a]), bruteTop(ix, int32(a))); err != nil {
			t.Fatalf("%s: participant %s: %v", step, ix.parts[a].p.ID, err)
		}
		for _, m := range ix.parts[a].list.top {
			if _, ok := ix.parts[m.partner].inTopOf[int32(a)]; !ok {
				t.Fatalf("%s: reverse link %s→%s missing", step, ix.parts[m.partner].p.ID, ix.parts[a].p.ID)
			}
		}
	}
}

func TestIndexAgreesWithBruteForce(t *testing.T) {
	ps, cs := Generate(300, 250, 1)
	ix := mustIndex(t, ps, cs, 10)
	nonEmpty := 0
	for _, p := range ix.parts {
		if len(p.list.top) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 200 {
		t.Fatalf("only %d of 300 participants have recommendations: the generator or the scorer is broken", nonEmpty)
	}
	checkAgainstBrute(t, ix, "build")
}

// TestIncrementalUpdatesStayExact applies random card and profile changes
// and checks after each that every list equals a full recomputation.
func TestIncrementalUpdatesStayExact(t *testing.T) {
	ps, cs := Generate(200, 180, 2)
	// Short lists (3 shown, 6 kept) so that drops exhaust the spare entries
	// and the rebuild path runs too.
	ix := mustIndex(t, ps, cs, 3)
	extraPs, extraCs := Generate(260, 400, 3)
	r := rand.New(rand.NewPCG(4, 5))
	for step := 0; step < 200; step++ {
		var name string
		switch op := r.IntN(10); {
		case op < 4: // edit or add a card, possibly moving it to another owner
			c := extraCs[r.IntN(len(extraCs))]
			c.ID = fmt.Sprintf("c%05d", r.IntN(260))
			c.Owner = ps[r.IntN(len(ps))].ID
			name = "update " + c.ID
			if err := ix.Update(c); err != nil {
				t.Fatal(err)
			}
		case op < 7:
			id := fmt.Sprintf("c%05d", r.IntN(260))
			name = "remove " + id
			if _, ok := ix.cardByID[id]; ok {
				if err := ix.Remove(id); err != nil {
					t.Fatal(err)
				}
			}
		default: // change a profile, or add a newcomer
			p := extraPs[r.IntN(len(extraPs))]
			p.Competitors = append(p.Competitors, ps[r.IntN(len(ps))].ID)
			name = "participant " + p.ID
			if err := ix.UpdateParticipant(p); err != nil {
				t.Fatal(err)
			}
		}
		checkAgainstBrute(t, ix, fmt.Sprintf("step %d (%s)", step, name))
	}
}

func TestUpdateRejectsBadCards(t *testing.T) {
	ps, cs := smallWorld()
	ix := mustIndex(t, ps, cs, 5)
	for _, c := range []Card{
		{ID: "x", Owner: "nobody", Kind: Offer, Title: Text{EN: "x"}},
		{ID: "x", Owner: "kr-agv", Kind: "gift", Title: Text{EN: "x"}},
		{ID: "x", Owner: "kr-agv", Kind: Offer},
		{ID: "x", Owner: "kr-agv", Kind: Offer, Title: Text{EN: "x"}, Sectors: []string{"space_mining"}},
	} {
		if err := ix.Update(c); err == nil {
			t.Errorf("Update(%+v) accepted", c)
		}
	}
	if err := ix.Remove("nope"); err == nil {
		t.Error("Remove of an unknown card accepted")
	}
	if err := ix.UpdateParticipant(Participant{ID: "x", Kind: Enterprise, Country: "Vietnam"}); err == nil {
		t.Error("UpdateParticipant with a bad country accepted")
	}
}

func TestRefreshKeepsListsConsistent(t *testing.T) {
	ps, cs := Generate(120, 100, 6)
	ix := mustIndex(t, ps, cs, 10)
	extraPs, extraCs := Generate(120, 60, 7)
	_ = extraPs
	for _, c := range extraCs[:30] {
		c.ID = "new-" + c.ID
		if err := ix.Update(c); err != nil {
			t.Fatal(err)
		}
	}
	ix.Refresh()
	checkAgainstBrute(t, ix, "refresh")
	fresh := mustIndex(t, ps, append(append([]Card{}, cs...), renamed(extraCs[:30])...), 10)
	for a := range ix.parts {
		if err := sameTopByID(ix, fresh, int32(a)); err != nil {
			t.Fatalf("after Refresh, %s differs from a fresh index: %v", ix.parts[a].p.ID, err)
		}
	}
}

func renamed(cs []Card) []Card {
	out := make([]Card, len(cs))
	for i, c := range cs {
		c.ID = "new-" + c.ID
		out[i] = c
	}
	return out
}

func sameTopByID(x, y *Index, a int32) error {
	gx, gy := x.visible(x.parts[a]), y.visible(y.parts[y.partByID[x.parts[a].p.ID]])
	if len(gx) != len(gy) {
		return fmt.Errorf("%d partners vs %d", len(gx), len(gy))
	}
	for i := range gx {
		if x.parts[gx[i].partner].p.ID != y.parts[gy[i].partner].p.ID || gx[i].score != gy[i].score {
			return fmt.Errorf("position %d: %s %.9f vs %s %.9f", i, x.parts[gx[i].partner].p.ID, gx[i].score, y.parts[gy[i].partner].p.ID, gy[i].score)
		}
	}
	return nil
}
