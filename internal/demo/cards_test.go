package demo

import (
	"reflect"
	"testing"

	"ketnoi/internal/market"
)

func TestCards(t *testing.T) {
	ds := Generate(1)
	cards := Cards(ds)
	if !reflect.DeepEqual(cards, Cards(Generate(1))) {
		t.Fatal("cards differ for the same seed")
	}
	if len(cards) < 300 || len(cards) > 2000 {
		t.Fatalf("%d cards, want several hundred", len(cards))
	}
	kinds := map[market.Kind]int{}
	langs := map[string]int{}
	for i, c := range cards {
		if c.ID != int64(i+1) || c.OrgID < 1 || c.OrgID > int64(len(ds.Orgs)) {
			t.Fatalf("card %d: id %d owner %d", i, c.ID, c.OrgID)
		}
		cc := c
		if err := cc.Validate(); err != nil {
			t.Fatalf("card %d (%s): %v", c.ID, c.Title.EN, err)
		}
		kinds[c.Kind]++
		if c.Title.KO != "" {
			langs["ko"]++
		}
		if c.Title.VI != "" && c.Title.EN != "" {
			langs["vi+en"]++
		}
	}
	for _, k := range market.Kinds {
		if kinds[k] == 0 {
			t.Errorf("no %s card", k)
		}
	}
	if langs["ko"] < 20 || langs["vi+en"] != len(cards) {
		t.Errorf("languages: %v", langs)
	}
	t.Logf("%d cards: %v", len(cards), kinds)
}
