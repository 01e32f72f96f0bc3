package store_test

import (
	"context"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
)

func TestCardsRoundTripAndFollow(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		c := &market.Card{OrgID: xs[0].OrgID, Kind: market.ResearchResult, Status: market.Draft, TRL: 6,
			Title:   i18n.Text{VI: "Rô-bốt hàn tự động", EN: "Automatic welding robot"},
			Body:    i18n.Text{VI: "Kết quả nghiên cứu sẵn sàng thương mại hóa"},
			Sectors: []string{"robotics", "metalworking"}, Events: []int64{e.ID}}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		start := db.Now()
		if err := db.CreateCard(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, err := db.Card(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title.VI != c.Title.VI || got.TRL != 6 || len(got.Sectors) != 2 || got.Sectors[1] != "metalworking" ||
			len(got.Events) != 1 || got.Events[0] != e.ID || got.Owner.Country != xs[0].Org.Country || got.Owner.House != org.EnterpriseHouse {
			t.Fatalf("card read back = %+v", got)
		}
		if owner, err := db.CardOrg(ctx, c.ID); err != nil || owner != xs[0].OrgID {
			t.Fatalf("CardOrg = %d, %v", owner, err)
		}
		// The indexes follow the table by updated_at.
		db.Now = func() time.Time { return start.Add(time.Minute) }
		c.Status, c.Sectors, c.Events = market.Published, []string{"robotics"}, nil
		if err := db.UpdateCard(ctx, c); err != nil {
			t.Fatal(err)
		}
		since, err := db.CardsUpdatedSince(ctx, start.Add(30*time.Second))
		if err != nil || len(since) != 1 || since[0].Status != market.Published || len(since[0].Sectors) != 1 || len(since[0].Events) != 0 {
			t.Fatalf("CardsUpdatedSince = %+v, %v", since, err)
		}
		if later, _ := db.CardsUpdatedSince(ctx, start.Add(2*time.Minute)); len(later) != 0 {
			t.Fatalf("nothing changed later, got %d", len(later))
		}
		// Another organization cannot update it by changing the owner.
		stolen := *c
		stolen.OrgID = xs[1].OrgID
		if err := db.UpdateCard(ctx, &stolen); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("update under another owner: %v", err)
		}
		// An unknown event is refused and nothing is half-written.
		bad := *c
		bad.Events = []int64{e.ID, 9999}
		bad.Title.EN = "changed"
		if err := db.UpdateCard(ctx, &bad); !apperr.Is(err, apperr.Invalid) {
			t.Fatalf("unknown event: %v, want invalid", err)
		}
		if again, _ := db.Card(ctx, c.ID); again.Title.EN != "Automatic welding robot" {
			t.Fatalf("half-written update: %q", again.Title.EN)
		}
		mine, err := db.CardsOfOrgs(ctx, []int64{xs[0].OrgID})
		if err != nil || len(mine) != 1 {
			t.Fatalf("CardsOfOrgs = %d, %v", len(mine), err)
		}
		byIDs, err := db.CardsByIDs(ctx, []int64{9999, c.ID})
		if err != nil || len(byIDs) != 1 || byIDs[0].ID != c.ID {
			t.Fatalf("CardsByIDs = %+v, %v", byIDs, err)
		}
		parts, err := db.MatchParticipants(ctx, e.ID)
		if err != nil || len(parts) != 2 || len(parts[0].Sectors) == 0 {
			t.Fatalf("MatchParticipants = %+v, %v", parts, err)
		}
		if _, err := db.Card(ctx, 9999); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("missing card: %v", err)
		}
	})
}

func TestBulkCards(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		_, xs := mustFair(t, db)
		cs := []market.Card{
			{ID: 1, OrgID: xs[0].OrgID, Kind: market.Offer, Status: market.Published, Title: i18n.Text{EN: "AGV"}, Sectors: []string{"agv_amr"}},
			{ID: 2, OrgID: xs[1].OrgID, Kind: market.Need, Status: market.Published, Title: i18n.Text{KO: "물류 자동화"}, Sectors: []string{"logistics", "warehouse_automation"}},
		}
		if err := db.BulkLoad(ctx, func(b *store.Bulk) error { return b.Cards(cs) }); err != nil {
			t.Fatal(err)
		}
		// The id sequence continues after bulk-loaded ids.
		c := &market.Card{OrgID: xs[0].OrgID, Kind: market.Offer, Status: market.Draft, Title: i18n.Text{EN: "New"}}
		if err := db.CreateCard(ctx, c); err != nil || c.ID != 3 {
			t.Fatalf("CreateCard after bulk: id %d, %v", c.ID, err)
		}
		all, err := db.CardsUpdatedSince(ctx, time.Time{})
		if err != nil || len(all) != 3 || len(all[1].Sectors) != 2 {
			t.Fatalf("all cards = %+v, %v", all, err)
		}
	})
}

// TestTakesPart: an approved exhibitor and an organization a registration
// names take part in an event; another organization does not.
func TestTakesPart(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		other := &org.Organization{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty vắng"}, Country: "VN"}
		mustDo(t, db.CreateOrganization(ctx, other))
		got, err := db.TakesPart(ctx, e.ID, []int64{xs[0].OrgID, xs[1].OrgID, other.ID})
		if err != nil || !got[xs[0].OrgID] || !got[xs[1].OrgID] || got[other.ID] {
			t.Fatalf("TakesPart = %v, %v", got, err)
		}
		p := &account.Person{Email: "vang@example.vn", Name: "Khách", Lang: i18n.VI}
		mustDo(t, db.CreatePerson(ctx, p))
		mustDo(t, db.CreateRegistration(ctx, &event.Registration{EventID: e.ID, PersonID: p.ID, OrgID: other.ID, Category: event.CatVisitor}))
		if got, err := db.TakesPart(ctx, e.ID, []int64{other.ID}); err != nil || !got[other.ID] {
			t.Fatalf("a registered organization: %v, %v", got, err)
		}
		if got, err := db.TakesPart(ctx, e.ID, nil); err != nil || len(got) != 0 {
			t.Fatalf("no organizations: %v, %v", got, err)
		}
	})
}
