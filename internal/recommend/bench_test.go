package recommend

import "testing"

// The benchmark marketplace: 10,000 participants, 5,000 cards, top 20.
const (
	benchParticipants = 10000
	benchCards        = 5000
	benchTop          = 20
)

var benchData = struct {
	ps []Participant
	cs []Card
}{}

func benchWorld() ([]Participant, []Card) {
	if benchData.ps == nil {
		benchData.ps, benchData.cs = Generate(benchParticipants, benchCards, 42)
	}
	return benchData.ps, benchData.cs
}

// BenchmarkBuild computes every participant's top 20 through the inverted
// index, from raw cards (vectorising included).
func BenchmarkBuild(b *testing.B) {
	ps, cs := benchWorld()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := NewIndex(ps, cs, Options{TopN: benchTop}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildBruteForce is the baseline: the same vectors, the same
// scores, but every reader scored against every participant with no
// candidate generation, on the same number of workers.
func BenchmarkBuildBruteForce(b *testing.B) {
	ps, cs := benchWorld()
	ix, err := NewIndex(ps, cs, Options{TopN: benchTop})
	if err != nil {
		b.Fatal(err)
	}
	readers := make([]int32, len(ix.parts))
	for i := range readers {
		readers[i] = int32(i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.parallel(readers, func(a int32, _ *scratch) (list, bool) { return list{top: bruteTop(ix, a)}, true })
	}
}

// BenchmarkUpdateCard replaces one card's text and sectors (alternating
// between two cards' contents) and updates the lists it reaches.
func BenchmarkUpdateCard(b *testing.B) {
	ps, cs := benchWorld()
	ix, err := NewIndex(ps, cs, Options{TopN: benchTop})
	if err != nil {
		b.Fatal(err)
	}
	versions := updateVersions(cs)
	var visited, rebuilt int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ix.Update(versions[i%len(versions)]); err != nil {
			b.Fatal(err)
		}
		visited += ix.visited.Load()
		rebuilt += ix.rebuilt.Load()
	}
	b.ReportMetric(float64(visited)/float64(b.N), "readers/op")
	b.ReportMetric(float64(rebuilt)/float64(b.N), "rebuilt/op")
}

// BenchmarkUpdateCardFullRecompute is the baseline for one change: rebuild
// every list (statistics kept) after the same card edit.
func BenchmarkUpdateCardFullRecompute(b *testing.B) {
	ps, cs := benchWorld()
	ix, err := NewIndex(ps, cs, Options{TopN: benchTop})
	if err != nil {
		b.Fatal(err)
	}
	versions := updateVersions(cs)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := versions[i%len(versions)]
		ix.mu.Lock()
		ix.detachCard(ix.cardByID[c.ID])
		ix.attachCard(c)
		ix.recomputeAll()
		ix.mu.Unlock()
	}
}

// updateVersions returns edits of 16 cards spread over the marketplace:
// each card takes the text, kind and sectors of another one.
func updateVersions(cs []Card) []Card {
	var out []Card
	for k := 0; k < 16; k++ {
		target := cs[(k*311)%len(cs)]
		donor := cs[(k*577+123)%len(cs)]
		edit := donor
		edit.ID, edit.Owner = target.ID, target.Owner
		out = append(out, edit, target)
	}
	return out
}

func TestBenchWorldIsBusy(t *testing.T) {
	ps, cs := Generate(benchParticipants/10, benchCards/10, 42)
	ix := mustIndex(t, ps, cs, benchTop)
	full, empty := 0, 0
	for _, p := range ix.parts {
		switch len(ix.visible(p)) {
		case benchTop:
			full++
		case 0:
			empty++
		}
	}
	// The benchmark means something only if most lists are full.
	if full < len(ps)/2 || empty > len(ps)/10 {
		t.Fatalf("%d full lists and %d empty of %d: the generator is too sparse", full, empty, len(ps))
	}
}
