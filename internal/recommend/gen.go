package recommend

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"ketnoi/internal/taxonomy"
)

// Generate returns a deterministic synthetic marketplace of np participants
// and nc cards for benchmarks and property tests. Cards are written from the
// lexicon's own surface forms in one or two of the three languages, around a
// topic sector, so that matches cross languages as in real data.
func Generate(np, nc int, seed uint64) ([]Participant, []Card) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	ps := make([]Participant, np)
	for i := range ps {
		ps[i] = genParticipant(r, i, np)
	}
	cs := make([]Card, nc)
	owners := max(1, np*2/5) // four in ten participants publish cards
	for i := range cs {
		cs[i] = genCard(r, i, ps[r.IntN(owners)].ID)
	}
	return ps, cs
}

var (
	genKinds     = []OrgKind{Enterprise, Enterprise, Enterprise, Startup, Startup, Institute, Agency, Association, Investor}
	genCountries = []string{"VN", "VN", "VN", "VN", "VN", "KR", "KR", "JP", "DE", "SG", "US"}
	genCardKinds = []CardKind{Offer, Offer, Offer, Need, Need, Need, Partnership, ResearchResult, PilotSite, Investment}
	genFiller    = []string{"for", "with", "and", "cho", "và", "với", "위한", "및"}
)

func genParticipant(r *rand.Rand, i, np int) Participant {
	p := Participant{
		ID:      fmt.Sprintf("p%05d", i),
		Name:    Text{EN: fmt.Sprintf("Organization %d", i)},
		Kind:    genKinds[r.IntN(len(genKinds))],
		Country: genCountries[r.IntN(len(genCountries))],
		Sectors: genSectors(r, 1+r.IntN(3)),
		Lang:    []Lang{VI, EN, KO}[r.IntN(3)],
	}
	if r.IntN(2) == 0 {
		p.Interests = genSectors(r, 1+r.IntN(3))
	}
	for k := r.IntN(3); k > 0; k-- {
		p.Competitors = append(p.Competitors, fmt.Sprintf("p%05d", r.IntN(np)))
	}
	return p
}

// genSectors draws n sectors, favouring the first ones of the taxonomy (the
// fair's own sectors) as real data does.
func genSectors(r *rand.Rand, n int) []string {
	var out []string
	seen := map[string]bool{}
	for len(out) < n {
		i := min(r.IntN(len(taxonomy.Sectors)), r.IntN(len(taxonomy.Sectors)))
		if s := taxonomy.Sectors[i].Code; !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func genCard(r *rand.Rand, i int, owner string) Card {
	c := Card{
		ID:      fmt.Sprintf("c%05d", i),
		Owner:   owner,
		Kind:    genCardKinds[r.IntN(len(genCardKinds))],
		Sectors: genSectors(r, 1+r.IntN(2)),
	}
	if c.Kind == ResearchResult {
		c.TRL = 1 + r.IntN(9)
	}
	// A topic: a run of neighbouring concepts, as related ideas sit together
	// in the lexicon.
	base := r.IntN(len(lexicon) - 12)
	langs := []Lang{VI, EN, KO}
	first := langs[r.IntN(3)]
	setText(&c.Title, first, genText(r, base, 2+r.IntN(2), first))
	setText(&c.Body, first, genText(r, base, 6+r.IntN(6), first))
	if r.IntN(3) == 0 {
		second := langs[r.IntN(3)]
		setText(&c.Title, second, genText(r, base, 2+r.IntN(2), second))
	}
	return c
}

func genText(r *rand.Rand, base, n int, lang Lang) string {
	var parts []string
	for k := 0; k < n; k++ {
		c := lexicon[base+r.IntN(12)]
		forms := split(map[Lang]string{VI: c.vi, EN: c.en, KO: c.ko}[lang])
		parts = append(parts, forms[r.IntN(len(forms))])
		if r.IntN(3) == 0 {
			parts = append(parts, genFiller[r.IntN(len(genFiller))])
		}
	}
	return strings.Join(parts, " ")
}

func setText(t *Text, lang Lang, s string) {
	switch lang {
	case VI:
		t.VI = s
	case EN:
		t.EN = s
	case KO:
		t.KO = s
	}
}
