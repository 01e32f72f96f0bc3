package demo

import (
	"reflect"
	"testing"

	"ketnoi/internal/taxonomy"
)

func TestProducts(t *testing.T) {
	ds := Generate(1)
	ps := Products(ds)
	if len(ps) != TotalProducts {
		t.Fatalf("%d products, want %d", len(ps), TotalProducts)
	}
	if again := Products(Generate(1)); !reflect.DeepEqual(ps, again) {
		t.Fatal("products differ for the same seed")
	}
	perX := map[int64]int{}
	for i, p := range ps {
		if p.ID != int64(i+1) {
			t.Fatalf("product %d has id %d", i, p.ID)
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("product %d: %v", p.ID, err)
		}
		if p.Name.VI == "" || p.Name.EN == "" || p.Name.KO == "" {
			t.Fatalf("product %d lacks a language: %+v", p.ID, p.Name)
		}
		if _, ok := taxonomy.Lookup(p.Category); !ok {
			t.Fatalf("product %d: unknown category %s", p.ID, p.Category)
		}
		perX[p.ExhibitorID]++
	}
	if len(perX) != TotalExhibitors {
		t.Fatalf("products for %d exhibitors, want %d", len(perX), TotalExhibitors)
	}
}
