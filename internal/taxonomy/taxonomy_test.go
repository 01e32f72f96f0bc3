package taxonomy

import "testing"

func TestSectorsFitAMaskAndAreComplete(t *testing.T) {
	if len(Sectors) > 64 {
		t.Fatalf("%d sectors: the recommender keeps sector sets in a uint64", len(Sectors))
	}
	seen := map[string]bool{}
	for _, s := range Sectors {
		if s.Code == "" || s.VI == "" || s.EN == "" || s.KO == "" {
			t.Errorf("sector %+v lacks a code or a name", s)
		}
		if seen[s.Code] {
			t.Errorf("duplicate code %q", s.Code)
		}
		seen[s.Code] = true
	}
	for _, want := range []string{"smart_factory", "robotics", "agv_amr", "machine_vision", "mes_erp", "iiot",
		"warehouse_automation", "clean_energy", "logistics", "ai", "semiconductors", "textiles", "food_processing", "electronics"} {
		if _, ok := Lookup(want); !ok {
			t.Errorf("sector %q is missing", want)
		}
	}
}

func TestNameFallsBackToEnglish(t *testing.T) {
	s, _ := Lookup("robotics")
	if s.Name("ko") != "산업용 로봇" || s.Name("vi") != "Rô-bốt công nghiệp" || s.Name("fr") != "Industrial robotics" {
		t.Errorf("names: %q %q %q", s.Name("ko"), s.Name("vi"), s.Name("fr"))
	}
	if i, ok := Index("agv_amr"); !ok || Sectors[i].Code != "agv_amr" {
		t.Errorf("Index(agv_amr) = %d, %v", i, ok)
	}
	if _, ok := Index("nope"); ok {
		t.Error("unknown code found")
	}
}
