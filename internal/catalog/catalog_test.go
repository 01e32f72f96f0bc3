package catalog_test

import (
	"context"
	"testing"

	"ketnoi/internal/catalog"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestCatalogFromDatabase: the index is built from either database with
// the same results, filters by facet, and follows changes through Refresh.
func TestCatalogFromDatabase(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.MustOpen(t, d)
			ev, x1, x2 := catalogFixture(t, db)
			c := catalog.New(db, countries())
			r, err := c.Search(ctx, ev, catalog.Query{Text: "robot han quoc"})
			must(t, err)
			if len(r.Hits) == 0 || r.Hits[0].ExhibitorID != x1 {
				t.Fatalf("robot han quoc: %+v", r.Hits)
			}
			r, _ = c.Search(ctx, ev, catalog.Query{Text: "dien"})
			if len(r.Hits) != 1 || r.Hits[0].ID != x2 {
				t.Fatalf("dien: %+v", r.Hits)
			}
			r, _ = c.Search(ctx, ev, catalog.Query{Country: "KR"})
			if r.Total != 2 { // the exhibitor and its product
				t.Fatalf("KR filter: total %d", r.Total)
			}
			r, _ = c.Search(ctx, ev, catalog.Query{Text: "agv"})
			if r.Total != 0 {
				t.Fatalf("agv before the product exists: %d", r.Total)
			}
			p := &exhibit.Product{EventID: ev, ExhibitorID: x2, Name: i18n.Text{VI: "Xe tự hành AGV", EN: "AGV vehicle"}, Category: "agv_amr"}
			must(t, db.CreateProduct(ctx, p))
			must(t, c.Refresh(ctx, ev, x2))
			r, _ = c.Search(ctx, ev, catalog.Query{Text: "xe tu hanh"})
			if len(r.Hits) != 1 || r.Hits[0].Kind != catalog.KindProduct || r.Hits[0].ExhibitorID != x2 || len(r.Hits[0].Highlights) == 0 {
				t.Fatalf("new product not found: %+v", r.Hits)
			}
		})
	}
}

func catalogFixture(t *testing.T, db *store.DB) (int64, int64, int64) {
	ctx := context.Background()
	v := &event.Venue{Name: i18n.Text{EN: "WTC"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	must(t, db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "fair", Kind: event.TradeFair, Name: i18n.Text{EN: "Fair"}, VenueID: v.ID, StartDate: "2027-03-10", EndDate: "2027-03-12"}
	must(t, db.CreateEvent(ctx, e))
	var ids []int64
	for _, o := range []*org.Organization{
		{Kind: org.Enterprise, Name: i18n.Text{EN: "Daesung Robotics", KO: "대성로보틱스"}, Country: "KR", Sectors: []string{"robotics"}},
		{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty Điện Bình Dương", EN: "Binh Duong Power"}, Country: "VN", Sectors: []string{"clean_energy"}},
		{Kind: org.Enterprise, Name: i18n.Text{EN: "Pending Robot Co"}, Country: "KR", Sectors: []string{"robotics"}},
	} {
		must(t, db.CreateOrganization(ctx, o))
		status := event.Approved
		if len(ids) == 2 {
			status = event.Applied // not in the public catalogue
		}
		x := &event.Exhibitor{EventID: e.ID, OrgID: o.ID, Status: status}
		must(t, db.CreateExhibitor(ctx, x))
		ids = append(ids, x.ID)
	}
	p := &exhibit.Product{EventID: e.ID, ExhibitorID: ids[0], Name: i18n.Text{VI: "Rô-bốt hàn", EN: "Welding robot", KO: "용접 로봇"}, Category: "robotics"}
	must(t, db.CreateProduct(ctx, p))
	return e.ID, ids[0], ids[1]
}
