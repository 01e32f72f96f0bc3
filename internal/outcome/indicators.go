package outcome

import (
	"cmp"
	"slices"
	"strconv"

	"ketnoi/internal/org"
)

// Fact is one confirmed outcome as the public indicators see it: what it
// was and which kinds of organizations from which countries it joined,
// never who they were.
type Fact struct {
	Kind            Kind
	Value           int64
	Year            int
	ReporterHouse   org.House
	PartnerHouse    org.House
	ReporterCountry string
	PartnerCountry  string
	// EventID is the event whose meeting it came of; 0 for a card's.
	EventID int64
	// FromResearch: it came of a research result's card, or of a meeting
	// about one: research put to use.
	FromResearch bool
}

// MinGroup is the fewest outcomes with a value that a published value
// sums: the value of a smaller group could be one deal's, which its
// parties did not publish.
const MinGroup = 3

// Group is the indicators of one group of confirmed outcomes. Value is 0
// and Hidden true when it would sum fewer than MinGroup outcomes' values,
// or give such a sum away (suppress).
type Group struct {
	Key    string `json:"key"`
	Count  int    `json:"count"`
	Value  int64  `json:"value_vnd"`
	Hidden bool   `json:"value_hidden,omitempty"`
	valued int    // outcomes with a value
}

// Indicators are the ecosystem's confirmed outcomes in aggregate: by kind,
// by the pair of houses they join (academia–enterprise is research put to
// use), domestic or international, by year and by where it came from.
type Indicators struct {
	Total    Group   `json:"total"`
	ByKind   []Group `json:"by_kind"`   // in the order of Kinds, zeros included
	ByHouses []Group `json:"by_houses"` // "academia-enterprise", …: the two houses in alphabetical order, largest first
	ByReach  []Group `json:"by_reach"`  // "domestic", "international"
	ByYear   []Group `json:"by_year"`   // oldest first
	// BySource is where it came from: "event:ID" for an event's meetings,
	// "marketplace" for cards; most first.
	BySource []Group `json:"by_source"`
	// ByCountries is the international outcomes by the pair of countries
	// they join ("KR-VN", codes in alphabetical order), most first.
	ByCountries []Group `json:"by_countries"`
	// Research is what came of research results (see Fact.FromResearch):
	// its total and, in the order of Kinds, the kinds there are.
	Research       Group   `json:"research"`
	ResearchByKind []Group `json:"research_by_kind"`
}

// Filter picks the facts of one year (0: every year) and one source (see
// Source; "": every source), so that indicators can be read for a year or
// an event.
func Filter(facts []Fact, year int, source string) []Fact {
	if year == 0 && source == "" {
		return facts
	}
	var out []Fact
	for _, f := range facts {
		if (year == 0 || f.Year == year) && (source == "" || Source(f.EventID) == source) {
			out = append(out, f)
		}
	}
	return out
}

// CountryPair names the pair of countries an outcome joins, the same
// whichever side reported it.
func CountryPair(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "-" + b
}

// HousePair names the pair of houses an outcome joins, the same whichever
// side reported it.
func HousePair(a, b org.House) string {
	if b < a {
		a, b = b, a
	}
	return string(a) + "-" + string(b)
}

// Source names where an outcome came from: an event's meetings
// ("event:3") or the marketplace (eventID 0).
func Source(eventID int64) string {
	if eventID == 0 {
		return "marketplace"
	}
	return "event:" + strconv.FormatInt(eventID, 10)
}

// Reach says whether an outcome crossed a border.
func Reach(a, b string) string {
	if a == b {
		return "domestic"
	}
	return "international"
}

// Aggregate computes the indicators of confirmed outcomes.
func Aggregate(facts []Fact) Indicators {
	var in Indicators
	kinds := map[string]*Group{}
	for _, k := range Kinds {
		kinds[string(k)] = &Group{Key: string(k)}
	}
	houses, reach, years, sources := map[string]*Group{}, map[string]*Group{}, map[string]*Group{}, map[string]*Group{}
	countries, research := map[string]*Group{}, map[string]*Group{}
	add := func(m map[string]*Group, key string, f Fact) {
		g := m[key]
		if g == nil {
			g = &Group{Key: key}
			m[key] = g
		}
		g.add(f)
	}
	for _, f := range facts {
		in.Total.add(f)
		if g := kinds[string(f.Kind)]; g != nil {
			g.add(f)
		}
		add(houses, HousePair(f.ReporterHouse, f.PartnerHouse), f)
		add(reach, Reach(f.ReporterCountry, f.PartnerCountry), f)
		add(years, strconv.Itoa(f.Year), f)
		add(sources, Source(f.EventID), f)
		if Reach(f.ReporterCountry, f.PartnerCountry) == "international" {
			add(countries, CountryPair(f.ReporterCountry, f.PartnerCountry), f)
		}
		if f.FromResearch {
			in.Research.add(f)
			add(research, string(f.Kind), f)
		}
	}
	in.Total.Key, in.Research.Key = "total", "research"
	hide(&in.Total)
	hide(&in.Research)
	for _, k := range Kinds {
		g := *kinds[string(k)]
		hide(&g)
		in.ByKind = append(in.ByKind, g)
	}
	suppress(in.ByKind)
	mostFirst := func(a, b Group) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return cmp.Compare(a.Key, b.Key)
	}
	in.ByHouses = sorted(houses, mostFirst)
	in.BySource = sorted(sources, mostFirst)
	in.ByReach = sorted(reach, func(a, b Group) int { return cmp.Compare(a.Key, b.Key) })
	in.ByYear = sorted(years, func(a, b Group) int { return cmp.Compare(a.Key, b.Key) })
	in.ByCountries = sorted(countries, mostFirst)
	in.ResearchByKind = sorted(research, func(a, b Group) int { return cmp.Compare(kindIndex(a.Key), kindIndex(b.Key)) })
	for _, gs := range [][]Group{in.ByHouses, in.ByReach, in.ByYear, in.BySource, in.ByCountries, in.ResearchByKind} {
		suppress(gs)
	}
	return in
}

// suppress hides more values of a breakdown while the hidden ones sum
// fewer than MinGroup outcomes' values: otherwise the total less the
// values shown would give away what hide withheld. It hides the shown
// group with the fewest values first (a group without any hides nothing).
func suppress(gs []Group) {
	for {
		hidden, next := 0, -1
		for i, g := range gs {
			switch {
			case g.Hidden:
				hidden += g.valued
			case g.valued > 0 && (next < 0 || g.valued < gs[next].valued):
				next = i
			}
		}
		if hidden == 0 || hidden >= MinGroup || next < 0 {
			return
		}
		gs[next].Value, gs[next].Hidden = 0, true
	}
}

// kindIndex is a kind's place in Kinds.
func kindIndex(k string) int { return slices.Index(Kinds, Kind(k)) }

func (g *Group) add(f Fact) {
	g.Count++
	g.Value += f.Value
	if f.Value > 0 {
		g.valued++
	}
}

func hide(g *Group) {
	if g.valued > 0 && g.valued < MinGroup {
		g.Value, g.Hidden = 0, true
	}
}

func sorted(m map[string]*Group, order func(a, b Group) int) []Group {
	out := make([]Group, 0, len(m))
	for _, g := range m {
		hide(g)
		out = append(out, *g)
	}
	slices.SortFunc(out, order)
	return out
}
