package market_test

import (
	"context"
	"strconv"
	"testing"

	"ketnoi/internal/demo"
	"ketnoi/internal/i18n"
	"ketnoi/internal/recommend"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/taxonomy"
)

// BenchmarkInterestEditRefresh measures a change of declared interests as
// the server does it — the store's transaction, then every recommender
// holding the organization updated (ProfileChanged) — and reads its new
// list. Baselines in the same run: the store write alone, and the pure
// recommender's UpdateParticipant of the same profile.
func BenchmarkInterestEditRefresh(b *testing.B) {
	for _, d := range storetest.Dialects(b) {
		b.Run(d, func(b *testing.B) {
			ctx := context.Background()
			db, svc, ds := mustDemo(b, d)
			need, offer := needAndOffer(b, ds)
			o, err := db.Organization(ctx, need.OrgID)
			if err != nil {
				b.Fatal(err)
			}
			other := ""
			for _, c := range taxonomy.Codes() {
				if c != offer.Sectors[0] {
					other = c
					break
				}
			}
			alt := [2][]string{{offer.Sectors[0]}, {other}}
			b.Run("service", func(b *testing.B) {
				i := 0
				for b.Loop() {
					o.Interests = alt[i%2]
					if err := db.UpdateOrganization(ctx, &o); err != nil {
						b.Fatal(err)
					}
					if err := svc.ProfileChanged(ctx, o.ID); err != nil {
						b.Fatal(err)
					}
					if _, err := svc.Recommend(ctx, demo.FairID, o.ID, 20, i18n.VI); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
			b.Run("store-only", func(b *testing.B) {
				i := 0
				for b.Loop() {
					o.Interests = alt[i%2]
					if err := db.UpdateOrganization(ctx, &o); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
			b.Run("index-only", func(b *testing.B) {
				ix := pureIndex(b, ctx, db)
				p := recommend.Participant{ID: strconv.FormatInt(o.ID, 10), Kind: recommend.OrgKind(o.Kind), Country: o.Country, Sectors: o.Sectors,
					Name: recommend.Text{VI: o.Name.VI, EN: o.Name.EN, KO: o.Name.KO}}
				i := 0
				for b.Loop() {
					p.Interests = alt[i%2]
					if err := ix.UpdateParticipant(p); err != nil {
						b.Fatal(err)
					}
					if _, err := ix.Top(p.ID, 20, recommend.VI); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		})
	}
}
