package market_test

import (
	"context"
	"testing"

	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/org"
	"ketnoi/internal/store/storetest"
)

// TestDeclaredInterestsAndCompetitors feeds an organization's declared
// interests and excluded competitors from the database to the
// recommender, on both databases: an interest moves a partner up the
// reader's list, a competitor leaves both lists, and the change reaches
// the other side's list without a rebuild.
func TestDeclaredInterestsAndCompetitors(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.MustOpen(t, dialect)
			mk := func(name string, secs ...string) org.Organization {
				o := org.Organization{Kind: org.Enterprise, Name: i18n.Text{EN: name}, Country: "VN", Sectors: secs}
				if err := db.CreateOrganization(ctx, &o); err != nil {
					t.Fatal(err)
				}
				return o
			}
			reader := mk("Binh Duong Furniture", "furniture")
			near := mk("Thu Dau Mot Welding", "robotics")
			far := mk("Di An Automation", "robotics", "warehouse_automation")
			svc := market.NewService(db, nil)
			svc.MaxAge = 1 << 62 // no background rebuild: changes must arrive one by one
			card := func(o org.Organization, kind market.Kind, title string) {
				c := market.Card{OrgID: o.ID, Kind: kind, Status: market.Published, Title: i18n.Text{EN: title}, Sectors: []string{"robotics"}}
				if err := svc.Create(ctx, &c); err != nil {
					t.Fatal(err)
				}
			}
			card(reader, market.Need, "We need welding robots for our furniture workshop")
			card(near, market.Offer, "Welding robots for furniture workshops")
			card(far, market.Offer, "Welding robots for furniture workshops")
			rank := func(of int64) map[int64]int {
				t.Helper()
				ps, err := svc.Recommend(ctx, 0, of, 20, i18n.EN)
				if err != nil {
					t.Fatal(err)
				}
				out := map[int64]int{}
				for i, p := range ps {
					out[p.OrgID] = i + 1
				}
				return out
			}
			before := rank(reader.ID)
			// The two offers answer the need equally; the older leads.
			if before[near.ID] != 1 || before[far.ID] != 2 {
				t.Fatalf("before any declaration: %v", before)
			}

			reader.Interests = []string{"warehouse_automation"}
			if err := db.UpdateOrganization(ctx, &reader); err != nil {
				t.Fatal(err)
			}
			if err := svc.ProfileChanged(ctx, reader.ID); err != nil {
				t.Fatal(err)
			}
			after := rank(reader.ID)
			if after[far.ID] != 1 || after[near.ID] != 2 {
				t.Fatalf("an interest in warehouse automation did not move Di An up: before %v, after %v", before, after)
			}

			if r := rank(near.ID); r[reader.ID] == 0 {
				t.Fatalf("the reader is not among its supplier's partners before the exclusion: %v", r)
			}
			reader.Competitors = []int64{near.ID}
			if err := db.UpdateOrganization(ctx, &reader); err != nil {
				t.Fatal(err)
			}
			if err := svc.ProfileChanged(ctx, reader.ID); err != nil {
				t.Fatal(err)
			}
			// The other side's list first: only the incremental update can
			// have taken the reader out of it.
			if r := rank(near.ID); r[reader.ID] != 0 {
				t.Fatalf("an excluded competitor's list still holds the reader: %v", r)
			}
			if r := rank(reader.ID); r[near.ID] != 0 || r[far.ID] == 0 {
				t.Fatalf("an excluded competitor is still recommended: %v", r)
			}
			// A new card of the competitor does not bring it back.
			card(near, market.Offer, "Welding robots for furniture, second line")
			if r := rank(reader.ID); r[near.ID] != 0 {
				t.Fatalf("a new card brought the excluded competitor back: %v", r)
			}
		})
	}
}
