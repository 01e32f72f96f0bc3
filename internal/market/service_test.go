package market_test

import (
	"context"
	"testing"
	"time"

	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/org"
	"ketnoi/internal/store/storetest"
)

// TestServiceFollowsTheDatabase changes cards and a profile behind the
// service's back (as another instance or another page would) and checks
// that search and recommendations catch up: cards at the next request,
// profiles at the background rebuild.
func TestServiceFollowsTheDatabase(t *testing.T) {
	ctx := context.Background()
	db := storetest.MustOpen(t, "sqlite")
	mk := func(kind org.Kind, name, country string, secs ...string) org.Organization {
		o := org.Organization{Kind: kind, Name: i18n.Text{EN: name}, Country: country, Sectors: secs}
		if err := db.CreateOrganization(ctx, &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	maker := mk(org.Enterprise, "Binh Duong Furniture", "VN", "furniture")
	supplier := mk(org.Enterprise, "Busan Robotics", "KR", "robotics")
	svc := market.NewService(db, nil)
	need := market.Card{OrgID: maker.ID, Kind: market.Need, Status: market.Published, Title: i18n.Text{VI: "Cần robot hàn cho xưởng", EN: "We need welding robots"}, Sectors: []string{"robotics"}}
	if err := svc.Create(ctx, &need); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Recommend(ctx, 0, maker.ID, 10, i18n.EN); err != nil {
		t.Fatal(err)
	}
	// Another instance publishes an offer: straight into the database.
	offer := market.Card{OrgID: supplier.ID, Kind: market.Offer, Status: market.Published, Title: i18n.Text{EN: "Welding robots", KO: "용접 로봇"}, Sectors: []string{"robotics"}}
	if err := offer.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateCard(ctx, &offer); err != nil {
		t.Fatal(err)
	}
	res, err := svc.Search(ctx, market.Query{Text: "용접"}, i18n.KO)
	if err != nil || res.Total != 1 || res.Hits[0].ID != offer.ID || res.Marked[offer.ID] != "<mark>용접</mark> 로봇" {
		t.Fatalf("search after a change elsewhere: %+v, %v", res, err)
	}
	ps, err := svc.Recommend(ctx, 0, maker.ID, 10, i18n.EN)
	if err != nil || len(ps) == 0 || ps[0].OrgID != supplier.ID {
		t.Fatalf("recommendations after a change elsewhere: %+v, %v", ps, err)
	}
	// The supplier renames itself in its portal; a rebuild picks it up.
	supplier.Name = i18n.Text{EN: "Busan Robotics Vietnam"}
	if err := db.UpdateOrganization(ctx, &supplier); err != nil {
		t.Fatal(err)
	}
	svc.MaxAge = 0
	deadline := time.Now().Add(10 * time.Second)
	for {
		ps, err := svc.Recommend(ctx, 0, maker.ID, 10, i18n.EN)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) > 0 && ps[0].Name.EN == "Busan Robotics Vietnam" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the profile change never reached the recommendations: %+v", ps)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Closing the card takes the supplier's reason away at once.
	offer.Status = market.Closed
	if err := svc.Update(ctx, &offer); err != nil {
		t.Fatal(err)
	}
	if res, _ := svc.Search(ctx, market.Query{Text: "welding"}, i18n.EN); res.Total != 1 || res.Hits[0].ID != need.ID {
		t.Fatalf("a closed card is still found: %+v", res.Hits)
	}
}
