package outcome

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
)

func TestNew(t *testing.T) {
	o, err := New(1, 2, Pilot, 250_000_000, "  pilot line at the Binh Duong plant ")
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != Reported || o.Note != "pilot line at the Binh Duong plant" || o.Value != 250_000_000 {
		t.Errorf("got %+v", o)
	}
	var e *apperr.Error
	_, err = New(1, 1, "deal", -1, strings.Repeat("x", MaxNote+1))
	if !errors.As(err, &e) || e.Code != apperr.Invalid {
		t.Fatalf("want field errors, got %v", err)
	}
	for _, f := range []string{"kind", "value", "note", "org"} {
		if e.Fields[f] == "" {
			t.Errorf("no message for %s: %v", f, e.Fields)
		}
	}
	if _, err := New(0, 2, NDA, 0, ""); err == nil {
		t.Error("a report without a reporter was accepted")
	}
	if _, err := New(1, 2, Investment, MaxValue+1, ""); err == nil {
		t.Error("a value above the limit was accepted")
	}
}

func TestAnswers(t *testing.T) {
	o, _ := New(1, 2, Contract, 0, "")
	if err := o.Confirm(1, 10); !errors.Is(err, ErrNotPartner) {
		t.Errorf("the reporter confirmed its own report: %v", err)
	}
	if err := o.Dispute(2, 20, "  not signed yet "); err != nil || o.Status != Disputed || o.Answer != "not signed yet" || o.AnsweredBy != 20 {
		t.Fatalf("dispute: %v %+v", err, o)
	}
	if err := o.Dispute(2, 20, "again"); !errors.Is(err, ErrAnswered) {
		t.Errorf("disputed twice: %v", err)
	}
	if err := o.CanWithdraw(); err != nil {
		t.Errorf("a disputed report cannot be withdrawn: %v", err)
	}
	if err := o.Confirm(2, 21); err != nil || o.Status != Confirmed || o.Answer != "" {
		t.Fatalf("confirm after dispute: %v %+v", err, o)
	}
	if err := o.Confirm(2, 21); !errors.Is(err, ErrAnswered) {
		t.Errorf("confirmed twice: %v", err)
	}
	if err := o.CanWithdraw(); !errors.Is(err, ErrConfirmed) {
		t.Errorf("a confirmed report could be withdrawn: %v", err)
	}
	if err := o.Dispute(2, 21, strings.Repeat("x", MaxNote+1)); !apperr.Is(err, apperr.Invalid) || o.Status != Confirmed {
		t.Errorf("an overlong reason: %v, status %s", err, o.Status)
	}
}

func TestSummarize(t *testing.T) {
	os := []Outcome{
		{Reporter: 1, Partner: 2, Kind: Contract, Value: 100, Status: Confirmed},
		{Reporter: 3, Partner: 2, Kind: Contract, Value: 50, Status: Confirmed},
		{Reporter: 1, Partner: 4, Kind: Contract, Value: 1000, Status: Reported},
		{Reporter: 5, Partner: 6, Kind: Pilot, Status: Disputed},
		{Reporter: 5, Partner: 6, Kind: "unknown", Status: Confirmed, Value: 7},
	}
	s := Summarize(os)
	if len(s.Kinds) != len(Kinds) {
		t.Fatalf("%d kinds, want %d", len(s.Kinds), len(Kinds))
	}
	var contract, pilot Tally
	for _, k := range s.Kinds {
		switch k.Kind {
		case Contract:
			contract = k
		case Pilot:
			pilot = k
		}
	}
	if contract != (Tally{Kind: Contract, Reported: 1, Confirmed: 2, Value: 150}) {
		t.Errorf("contracts %+v", contract)
	}
	if pilot.Disputed != 1 || pilot.Value != 0 {
		t.Errorf("pilots %+v", pilot)
	}
	if s.Total.Confirmed != 2 || s.Total.Reported != 1 || s.Total.Disputed != 1 || s.Total.Value != 150 || s.Orgs != 3 {
		t.Errorf("total %+v, orgs %d", s.Total, s.Orgs)
	}
}

func TestParseValue(t *testing.T) {
	good := map[string]int64{
		"": 0, "0": 0, "1500000000": 1_500_000_000, "1.500.000.000": 1_500_000_000,
		"1,500,000,000 ₫": 1_500_000_000, "1 500 000 000 VND": 1_500_000_000, "250.000đ": 250_000,
		" 12 VNĐ ": 12, "999": 999, "1\u00a0000": 1000, "1000000000000000": MaxValue,
	}
	for in, want := range good {
		if got, err := ParseValue(in); err != nil || got != want {
			t.Errorf("ParseValue(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"1.5", "1,50", "1.500,000", "-5", "1e9", "abc", ".500", "1..000", "1.000.", "1500.000",
		"1000000000000001", "99999999999999999999", "₫", "1 000.000", "12.34.567"} {
		if got, err := ParseValue(in); err == nil {
			t.Errorf("ParseValue(%q) = %d, want a refusal", in, got)
		}
	}
}

// FuzzParseValue: never panics, never returns a value out of range, and
// reads back what it accepted when it is written plainly.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"1.500.000.000 ₫", "1,5", "12 000", "VND", "9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseValue(s)
		if err != nil {
			return
		}
		if n < 0 || n > MaxValue {
			t.Fatalf("ParseValue(%q) = %d, out of range", s, n)
		}
		if back, err := ParseValue(strconv.FormatInt(n, 10)); err != nil || back != n {
			t.Fatalf("%d does not read back: %d, %v", n, back, err)
		}
	})
}

func TestAggregate(t *testing.T) {
	vn, kr := "VN", "KR"
	f := func(k Kind, v int64, year int, rh, ph org.House, rc, pc string) Fact {
		return Fact{Kind: k, Value: v, Year: year, ReporterHouse: rh, PartnerHouse: ph, ReporterCountry: rc, PartnerCountry: pc}
	}
	facts := []Fact{
		f(TechTransfer, 100, 2026, org.EnterpriseHouse, org.Academia, vn, vn),
		f(TechTransfer, 200, 2026, org.Academia, org.EnterpriseHouse, vn, vn),
		f(TechTransfer, 300, 2025, org.EnterpriseHouse, org.Academia, vn, kr),
		f(Contract, 5000, 2026, org.EnterpriseHouse, org.EnterpriseHouse, kr, vn),
		f(MoU, 0, 2026, org.State, org.Academia, vn, vn),
	}
	byKey := func(gs []Group) map[string]Group {
		m := map[string]Group{}
		for _, g := range gs {
			m[g.Key] = g
		}
		return m
	}
	in := Aggregate(facts)
	if in.Total.Count != 5 || in.Total.Value != 5600 || in.Total.Hidden {
		t.Errorf("total %+v", in.Total)
	}
	kinds := byKey(in.ByKind)
	if len(in.ByKind) != len(Kinds) || kinds["tech_transfer"].Count != 3 || kinds["pilot"] != (Group{Key: "pilot"}) {
		t.Errorf("by kind %+v", in.ByKind)
	}
	// One contract: its value is its parties' own, so it is not shown; nor
	// is the tech transfers', or the total less theirs would give the
	// contract's away. The MoU has no value: nothing to hide.
	for k, hidden := range map[string]bool{"contract": true, "tech_transfer": true, "mou": false} {
		if g := kinds[k]; g.Hidden != hidden || hidden && g.Value != 0 {
			t.Errorf("%s: %+v, want hidden %v", k, g, hidden)
		}
	}
	houses := byKey(in.ByHouses)
	if in.ByHouses[0].Key != "academia-enterprise" || in.ByHouses[0].Count != 3 || len(in.ByHouses) != 3 ||
		!houses["enterprise-enterprise"].Hidden || !houses["academia-enterprise"].Hidden || houses["academia-state"].Hidden {
		t.Errorf("by houses %+v", in.ByHouses)
	}
	if reach := byKey(in.ByReach); reach["domestic"].Count != 3 || reach["international"].Count != 2 || !reach["international"].Hidden || !reach["domestic"].Hidden {
		t.Errorf("by reach %+v", in.ByReach)
	}
	// 2025 has one value, so 2026, the only other year, is hidden too.
	if len(in.ByYear) != 2 || in.ByYear[0].Key != "2025" || !in.ByYear[0].Hidden || in.ByYear[1].Count != 4 || !in.ByYear[1].Hidden {
		t.Errorf("by year %+v", in.ByYear)
	}
	// Two more contracts: three values, shown, and nothing else hidden.
	in = Aggregate(append(facts, f(Contract, 10, 2026, org.EnterpriseHouse, org.EnterpriseHouse, vn, vn), f(Contract, 20, 2026, org.EnterpriseHouse, org.EnterpriseHouse, vn, vn)))
	kinds = byKey(in.ByKind)
	if c, tt := kinds["contract"], kinds["tech_transfer"]; c.Hidden || c.Value != 5030 || tt.Hidden || tt.Value != 600 {
		t.Errorf("by kind with three contracts %+v", in.ByKind)
	}
	// By source: an event's meetings apart from the marketplace.
	ev := f(FollowUp, 0, 2026, org.State, org.State, vn, vn)
	ev.EventID = 7
	in = Aggregate(append(facts, ev))
	if len(in.BySource) != 2 || in.BySource[0].Key != "marketplace" || in.BySource[0].Count != 5 || in.BySource[1].Key != Source(7) || in.BySource[1].Count != 1 || in.BySource[1].Hidden {
		t.Errorf("by source %+v", in.BySource)
	}
	if HousePair(org.EnterpriseHouse, org.Academia) != HousePair(org.Academia, org.EnterpriseHouse) {
		t.Error("a pair of houses depends on who reported")
	}
}

// TestAggregateCountriesResearchAndFilter: international outcomes by the
// pair of countries whichever side reported; what came of research results
// by kind, its values withheld like the others; a year's or a source's
// facts alone.
func TestAggregateCountriesResearchAndFilter(t *testing.T) {
	f := func(k Kind, v int64, year int, rc, pc string, research bool, ev int64) Fact {
		return Fact{Kind: k, Value: v, Year: year, ReporterHouse: org.EnterpriseHouse, PartnerHouse: org.Academia,
			ReporterCountry: rc, PartnerCountry: pc, FromResearch: research, EventID: ev}
	}
	facts := []Fact{
		f(TechTransfer, 100, 2026, "VN", "KR", true, 0),
		f(TechTransfer, 200, 2026, "KR", "VN", true, 3),
		f(TechTransfer, 300, 2025, "VN", "VN", true, 3),
		f(Pilot, 50, 2026, "JP", "VN", true, 3),
		f(Contract, 5000, 2026, "VN", "VN", false, 3),
	}
	in := Aggregate(facts)
	if len(in.ByCountries) != 2 || in.ByCountries[0].Key != "KR-VN" || in.ByCountries[0].Count != 2 || in.ByCountries[1].Key != "JP-VN" {
		t.Errorf("by countries %+v", in.ByCountries)
	}
	if in.Research.Count != 4 || in.Research.Value != 650 || in.Research.Hidden {
		t.Errorf("research %+v", in.Research)
	}
	// The one pilot's value is withheld, and so is the tech transfers':
	// the research total less theirs would give the pilot's away.
	if len(in.ResearchByKind) != 2 || in.ResearchByKind[0].Key != string(Pilot) || !in.ResearchByKind[0].Hidden ||
		in.ResearchByKind[1].Key != string(TechTransfer) || in.ResearchByKind[1].Count != 3 || !in.ResearchByKind[1].Hidden {
		t.Errorf("research by kind %+v", in.ResearchByKind)
	}
	if got := Filter(facts, 2026, ""); len(got) != 4 {
		t.Errorf("2026: %d facts", len(got))
	}
	if got := Filter(facts, 2026, Source(3)); len(got) != 3 {
		t.Errorf("2026 at event 3: %d facts", len(got))
	}
	if got := Filter(facts, 0, "marketplace"); len(got) != 1 || got[0].Value != 100 {
		t.Errorf("the marketplace's: %+v", got)
	}
	if got := Filter(facts, 0, ""); len(got) != len(facts) {
		t.Errorf("no filter: %d facts", len(got))
	}
}

func TestPending(t *testing.T) {
	now := time.Date(2027, 3, 11, 10, 0, 0, 0, time.UTC)
	ends := func(m meeting.View) (time.Time, bool) {
		switch m.Slot {
		case "past":
			return now.Add(-time.Minute), true
		case "later":
			return now.Add(time.Hour), true
		}
		return time.Time{}, false
	}
	mv := func(id, from, to int64, st meeting.Status, slot string) meeting.View {
		return meeting.View{Meeting: meeting.Meeting{ID: id, FromOrg: from, ToOrg: to, Status: st, Slot: slot}}
	}
	ms := []meeting.View{
		mv(1, 10, 20, meeting.Held, "later"),      // checked in early: took place
		mv(2, 10, 30, meeting.Scheduled, "past"),  // over, never checked in
		mv(3, 20, 30, meeting.Scheduled, "later"), // still to come
		mv(4, 20, 40, meeting.NoShow, "past"),
		mv(5, 30, 40, meeting.Cancelled, "past"),
		mv(6, 40, 50, meeting.Scheduled, "gone"), // a slot the event no longer has
		mv(7, 60, 70, meeting.Held, "past"),      // 60 reported, 70 confirmed it
		mv(8, 80, 90, meeting.Held, "past"),      // 80 reported, 90 has not answered
	}
	reported := map[int64][]View{
		1: {{Outcome: Outcome{Reporter: 20, Partner: 10, Status: Reported}}},
		7: {{Outcome: Outcome{Reporter: 60, Partner: 70, Status: Confirmed}}},
		8: {{Outcome: Outcome{Reporter: 80, Partner: 90, Status: Reported}}},
	}
	got := Pending(ms, reported, ends, now)
	ids := func(vs []meeting.View) []int64 {
		var out []int64
		for _, v := range vs {
			out = append(out, v.ID)
		}
		return out
	}
	want := map[int64][]int64{10: {1, 2}, 30: {2}, 90: {8}}
	if len(got) != len(want) {
		t.Fatalf("pending for %d organizations: %v", len(got), got)
	}
	for org, w := range want {
		if !slices.Equal(ids(got[org]), w) {
			t.Errorf("organization %d: %v, want %v", org, ids(got[org]), w)
		}
	}
}
