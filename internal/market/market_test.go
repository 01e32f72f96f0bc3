package market_test

import (
	"testing"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
)

var zeroTime time.Time

func TestCardValidate(t *testing.T) {
	ok := market.Card{OrgID: 1, Kind: market.ResearchResult, TRL: 5, Title: i18n.Text{VI: "  Vật liệu mới  "}, Sectors: []string{"advanced_materials", "advanced_materials", " "},
		Events: []int64{2, 2, 0}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if ok.Status != market.Draft || ok.Title.VI != "Vật liệu mới" || len(ok.Sectors) != 1 || len(ok.Events) != 1 {
		t.Fatalf("not normalised: %+v", ok)
	}
	for name, c := range map[string]market.Card{
		"kind":    {OrgID: 1, Kind: "gift", Title: i18n.Text{EN: "x"}},
		"title":   {OrgID: 1, Kind: market.Offer},
		"trl":     {OrgID: 1, Kind: market.Offer, TRL: 3, Title: i18n.Text{EN: "x"}},
		"sectors": {OrgID: 1, Kind: market.Offer, Title: i18n.Text{EN: "x"}, Sectors: []string{"teleportation"}},
		"status":  {OrgID: 1, Kind: market.Offer, Title: i18n.Text{EN: "x"}, Status: "sold"},
		"org_id":  {Kind: market.Offer, Title: i18n.Text{EN: "x"}},
	} {
		err := c.Validate()
		var e *apperr.Error
		if !apperr.Is(err, apperr.Invalid) || !asErr(err, &e) || e.Fields[name] == "" {
			t.Errorf("%s: got %v", name, err)
		}
	}
	rr := market.Card{OrgID: 1, Kind: market.ResearchResult, Title: i18n.Text{EN: "x"}}
	if err := rr.Validate(); err == nil {
		t.Error("a research result without TRL passed")
	}
}

func asErr(err error, target **apperr.Error) bool {
	e, ok := err.(*apperr.Error)
	if ok {
		*target = e
	}
	return ok
}
