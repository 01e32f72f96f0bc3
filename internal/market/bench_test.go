package market_test

import (
	"context"
	"strconv"
	"testing"

	"ketnoi/internal/demo"
	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/recommend"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
)

// mustDemo seeds the demo (864 cards, ~1,000 organizations) into a fresh
// database and returns it with a warmed service.
func mustDemo(tb testing.TB, dialect string) (*store.DB, *market.Service, *demo.Dataset) {
	tb.Helper()
	ctx := context.Background()
	db := storetest.MustOpen(tb, dialect)
	ds := demo.Generate(1)
	ds.Logins = nil // no password hashing: the benchmark does not sign in
	if err := demo.Seed(ctx, db, ds); err != nil {
		tb.Fatal(err)
	}
	svc := market.NewService(db, nil)
	if err := svc.Warm(ctx, []int64{demo.FairID}); err != nil {
		tb.Fatal(err)
	}
	return db, svc, ds
}

// needOf returns a published need of the demo and a published offer in
// one of its sectors: editing the offer changes the need owner's list.
func needAndOffer(tb testing.TB, ds *demo.Dataset) (need, offer market.Card) {
	for _, n := range demo.Cards(ds) {
		if n.Kind != market.Need || n.Status != market.Published || len(n.Events) == 0 {
			continue
		}
		for _, o := range demo.Cards(ds) {
			if o.Kind == market.Offer && o.Status == market.Published && len(o.Events) > 0 && o.Sectors[0] == n.Sectors[0] {
				return n, o
			}
		}
	}
	tb.Fatal("the demo has no need with a matching offer")
	return
}

// BenchmarkCardEditRefresh measures a card edit as the server does it —
// the store's transaction, then the search index and every recommender
// holding the card updated from the database — and reads the affected
// organization's new list. Baselines in the same run: the store write
// alone, and the pure recommender's Update of the same card.
func BenchmarkCardEditRefresh(b *testing.B) {
	for _, d := range storetest.Dialects(b) {
		b.Run(d, func(b *testing.B) {
			ctx := context.Background()
			db, svc, ds := mustDemo(b, d)
			need, offer := needAndOffer(b, ds)
			titles := []string{"AGV tự hành cho kho hàng", "Robot tự hành chở pallet cho kho"}
			edit := func(i int) market.Card {
				c := offer
				c.Title = i18n.Text{VI: titles[i%2], EN: offer.Title.EN}
				return c
			}
			b.Run("service", func(b *testing.B) {
				i := 0
				for b.Loop() {
					c := edit(i)
					if err := svc.Update(ctx, &c); err != nil {
						b.Fatal(err)
					}
					if _, err := svc.Recommend(ctx, demo.FairID, need.OrgID, 20, i18n.VI); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
			b.Run("store-only", func(b *testing.B) {
				i := 0
				for b.Loop() {
					c := edit(i)
					if err := db.UpdateCard(ctx, &c); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
			b.Run("index-only", func(b *testing.B) {
				ix := pureIndex(b, ctx, db)
				i := 0
				for b.Loop() {
					c := edit(i)
					rc := recommend.Card{ID: strconv.FormatInt(c.ID, 10), Owner: strconv.FormatInt(c.OrgID, 10), Kind: recommend.CardKind(c.Kind),
						Title: recommend.Text{VI: c.Title.VI, EN: c.Title.EN, KO: c.Title.KO}, Sectors: c.Sectors}
					if err := ix.Update(rc); err != nil {
						b.Fatal(err)
					}
					if _, err := ix.Top(strconv.FormatInt(need.OrgID, 10), 20, recommend.VI); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		})
	}
}

// pureIndex builds the fair's recommender straight from the database's
// rows, as the service does, for the baseline.
func pureIndex(tb testing.TB, ctx context.Context, db *store.DB) *recommend.Index {
	orgs, err := db.MatchParticipants(ctx, demo.FairID)
	if err != nil {
		tb.Fatal(err)
	}
	member := map[int64]bool{}
	var ps []recommend.Participant
	for _, o := range orgs {
		p := recommend.Participant{ID: strconv.FormatInt(o.ID, 10), Kind: recommend.OrgKind(o.Kind), Country: o.Country, Sectors: o.Sectors,
			Name: recommend.Text{VI: o.Name.VI, EN: o.Name.EN, KO: o.Name.KO}}
		if p.Validate() == nil {
			ps = append(ps, p)
			member[o.ID] = true
		}
	}
	all, err := db.CardsUpdatedSince(ctx, zeroTime)
	if err != nil {
		tb.Fatal(err)
	}
	var cs []recommend.Card
	for _, c := range all {
		if c.Status == market.Published && member[c.OrgID] {
			cs = append(cs, recommend.Card{ID: strconv.FormatInt(c.ID, 10), Owner: strconv.FormatInt(c.OrgID, 10), Kind: recommend.CardKind(c.Kind),
				Title: recommend.Text{VI: c.Title.VI, EN: c.Title.EN, KO: c.Title.KO}, Body: recommend.Text{VI: c.Body.VI, EN: c.Body.EN, KO: c.Body.KO},
				Sectors: c.Sectors, TRL: c.TRL})
		}
	}
	ix, err := recommend.NewIndex(ps, cs, recommend.Options{TopN: market.TopN})
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}
