package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
)

// floorFixture is an event with halls A and B and one organization.
func floorFixture(t *testing.T, db *store.DB) (event.Event, event.Hall, event.Hall, org.Organization) {
	t.Helper()
	ctx := context.Background()
	v := &event.Venue{Name: i18n.Text{EN: "WTC"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	mustDo(t, db.CreateVenue(ctx, v))
	e := &event.Event{Slug: "fair", Kind: event.TradeFair, Name: i18n.Text{EN: "Fair"}, VenueID: v.ID, StartDate: "2027-03-10", EndDate: "2027-03-12"}
	mustDo(t, db.CreateEvent(ctx, e))
	a := &event.Hall{EventID: e.ID, Code: "A", Name: i18n.Text{EN: "Hall A"}, Width: 30, Depth: 20}
	b := &event.Hall{EventID: e.ID, Code: "B", Name: i18n.Text{EN: "Hall B"}, Width: 30, Depth: 20}
	mustDo(t, db.CreateHall(ctx, a))
	mustDo(t, db.CreateHall(ctx, b))
	o := &org.Organization{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty Rô-bốt", EN: "Robot Co"}, Country: "KR", Sectors: []string{"robotics"}}
	mustDo(t, db.CreateOrganization(ctx, o))
	return *e, *a, *b, *o
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func layout(t *testing.T, h event.Hall, csv string) exhibit.Layout {
	t.Helper()
	rows, err := exhibit.ParseCSV(strings.NewReader(csv))
	mustDo(t, err)
	l, err := exhibit.Validate(h, rows, nil)
	mustDo(t, err)
	return l
}

func TestImportHall(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, a, b, o := floorFixture(t, db)
		res, err := db.ImportHall(ctx, a, layout(t, a, "code,x,y,w,h,type\nA-1,0,0,3,3,shell\nA-2,3,0,3,3,shell\nA-3,6,0,3,3,shell\nP,20,10,1,1,pillar\n"))
		mustDo(t, err)
		if res.Added != 3 || res.Features != 1 {
			t.Fatalf("first import: %+v", res)
		}
		codes, err := db.BoothCodesElsewhere(ctx, e.ID, b.ID)
		mustDo(t, err)
		if codes["A-2"] != "A" || len(codes) != 3 {
			t.Fatalf("codes elsewhere = %v", codes)
		}
		x := &event.Exhibitor{EventID: e.ID, OrgID: o.ID, Status: event.Approved, BadgeQuota: 2}
		mustDo(t, db.CreateExhibitor(ctx, x))
		booths, err := db.EventBooths(ctx, e.ID, a.ID)
		mustDo(t, err)
		mustDo(t, db.AssignBooth(ctx, e.ID, booths[0].ID, x.ID))

		// A file without the assigned booth fails whole: nothing changes.
		_, err = db.ImportHall(ctx, a, layout(t, a, "code,x,y,w,h,type\nA-2,0,5,3,3,shell\n"))
		var ie *exhibit.ImportError
		if !errors.As(err, &ie) || !strings.Contains(ie.Rows[0].Message, "A-1") {
			t.Fatalf("removing an assigned booth: %v", err)
		}
		after, _ := db.EventBooths(ctx, e.ID, a.ID)
		if len(after) != 3 || after[1].Y != 0 {
			t.Fatalf("a failed import changed booths: %+v", after)
		}
		// A file that keeps it updates, adds and removes by code, and the
		// assigned booth keeps its exhibitor and status.
		res, err = db.ImportHall(ctx, a, layout(t, a, "code,x,y,w,h,type,zone\nA-1,0,0,3,3,corner,KR\nA-2,0,5,3,3,shell,\nA-9,9,9,2,2,raw,\n"))
		mustDo(t, err)
		if res.Added != 1 || res.Updated != 2 || res.Removed != 1 || res.Features != 0 {
			t.Fatalf("second import: %+v", res)
		}
		after, _ = db.EventBooths(ctx, e.ID, a.ID)
		if len(after) != 3 || after[0].ExhibitorID != x.ID || after[0].Status != event.Sold || after[0].Type != event.Corner || after[0].Zone != "KR" {
			t.Fatalf("after update: %+v", after)
		}
		fs, _ := db.HallFeatures(ctx, a.ID)
		if len(fs) != 0 {
			t.Fatalf("features not replaced: %+v", fs)
		}
	})
}

func TestApplicationWorkflow(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _, _, o := floorFixture(t, db)
		a := &exhibit.Application{EventID: e.ID, OrgID: o.ID, BoothType: "shell", Area: 18, Sector: "robotics",
			Preferred: []string{"A-1", "A-2"}, Pavilion: "korea", Competitors: []string{"Daesung, Ltd", "Other"}, Email: "x@robot.kr", Lang: i18n.KO}
		mustDo(t, a.Validate())
		mustDo(t, db.CreateApplication(ctx, a, exhibit.Change{PersonName: "Kim"}))
		if a.ID == 0 || a.ExhibitorID == 0 || a.Status != exhibit.Submitted {
			t.Fatalf("created %+v", a)
		}
		again := *a
		if err := db.CreateApplication(ctx, &again, exhibit.Change{}); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("second application: %v, want conflict", err)
		}
		mustDo(t, db.ChangeApplicationStatus(ctx, e.ID, a.ID, exhibit.Submitted, exhibit.ChangesRequested, exhibit.Change{PersonName: "Org", Note: "bigger?"}))
		if err := db.ChangeApplicationStatus(ctx, e.ID, a.ID, exhibit.Submitted, exhibit.Approved, exhibit.Change{}); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("stale transition: %v, want conflict", err)
		}
		mustDo(t, db.ChangeApplicationStatus(ctx, e.ID, a.ID, exhibit.ChangesRequested, exhibit.Submitted, exhibit.Change{PersonName: "Kim"}))
		mustDo(t, db.ChangeApplicationStatus(ctx, e.ID, a.ID, exhibit.Submitted, exhibit.Approved, exhibit.Change{PersonName: "Org"}))
		got, err := db.Application(ctx, e.ID, a.ID)
		mustDo(t, err)
		if got.Status != exhibit.Approved || len(got.History) != 4 || got.History[1].Note != "bigger?" || got.History[1].Status != exhibit.ChangesRequested {
			t.Fatalf("application = %+v", got)
		}
		if len(got.Competitors) != 2 || got.Competitors[0] != "Daesung, Ltd" || got.OrgName.EN != "Robot Co" || got.Lang != i18n.KO {
			t.Fatalf("fields = %+v", got)
		}
		x, err := db.Exhibitor(ctx, e.ID, a.ExhibitorID)
		mustDo(t, err)
		if x.Status != event.Approved || x.Pavilion != "korea" {
			t.Fatalf("exhibitor = %+v", x.Exhibitor)
		}
		list, _ := db.Applications(ctx, e.ID, "approved")
		if len(list) != 1 {
			t.Fatalf("approved list = %d", len(list))
		}
	})
}

func TestProductsLogoInvitations(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _, _, o := floorFixture(t, db)
		x := &event.Exhibitor{EventID: e.ID, OrgID: o.ID, Status: event.Approved, BadgeQuota: 2}
		mustDo(t, db.CreateExhibitor(ctx, x))
		p := &exhibit.Product{EventID: e.ID, ExhibitorID: x.ID, Name: i18n.Text{VI: "Rô-bốt hàn", KO: "용접 로봇"}, Category: "robotics"}
		mustDo(t, p.Validate())
		mustDo(t, db.CreateProduct(ctx, p))
		ps, _ := db.EventProducts(ctx, e.ID)
		if len(ps) != 1 || ps[0].Name.KO != "용접 로봇" {
			t.Fatalf("products = %+v", ps)
		}
		ids, err := db.CatalogueLike(ctx, e.ID, "hàn", 10)
		mustDo(t, err)
		if len(ids) != 1 || ids[0] != 1_000_000+p.ID {
			t.Fatalf("like = %v", ids)
		}
		mustDo(t, db.DeleteProduct(ctx, x.ID, p.ID))
		if err := db.DeleteProduct(ctx, x.ID, p.ID); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("second delete: %v", err)
		}
		png := []byte{0x89, 'P', 'N', 'G', 0, 1, 2}
		mustDo(t, db.SetLogo(ctx, x.ID, png))
		mustDo(t, db.SetLogo(ctx, x.ID, png[:5]))
		got, err := db.Logo(ctx, x.ID)
		if err != nil || len(got) != 5 {
			t.Fatalf("logo = %v, %v", got, err)
		}
		mustDo(t, db.InviteStaff(ctx, x.ID, "A@x.vn", 0))
		if err := db.InviteStaff(ctx, x.ID, "a@x.vn", 0); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("duplicate invitation: %v", err)
		}
		mustDo(t, db.InviteStaff(ctx, x.ID, "b@x.vn", 0))
		if err := db.InviteStaff(ctx, x.ID, "c@x.vn", 0); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("over quota: %v", err)
		}
		inv, _ := db.StaffInvitations(ctx, x.ID)
		if len(inv) != 2 || inv[0].Email != "a@x.vn" {
			t.Fatalf("invitations = %+v", inv)
		}
	})
}

func TestConfirmAllocation(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, a, _, o := floorFixture(t, db)
		_, err := db.ImportHall(ctx, a, layout(t, a, "code,x,y,w,h,type,status\nA-1,0,0,3,3,shell,\nA-2,3,0,3,3,shell,\nA-3,6,0,3,3,shell,blocked\n"))
		mustDo(t, err)
		x := &event.Exhibitor{EventID: e.ID, OrgID: o.ID, Status: event.Approved}
		mustDo(t, db.CreateExhibitor(ctx, x))
		mustDo(t, db.SaveProposal(ctx, e.ID, `{"placements":[]}`))
		mustDo(t, db.SaveProposal(ctx, e.ID, `{"placements":[1]}`))
		body, _, ok, err := db.Proposal(ctx, e.ID)
		if err != nil || !ok || body != `{"placements":[1]}` {
			t.Fatalf("proposal = %q %v %v", body, ok, err)
		}
		n, err := db.ConfirmAllocation(ctx, e.ID, map[string]int64{"A-1": x.ID}, []int64{x.ID})
		if err != nil || n != 1 {
			t.Fatalf("confirm = %d, %v", n, err)
		}
		// Moving to A-2 frees A-1; the blocked booth refuses and nothing changes.
		if _, err := db.ConfirmAllocation(ctx, e.ID, map[string]int64{"A-2": x.ID, "A-3": x.ID}, []int64{x.ID}); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("blocked booth: %v", err)
		}
		bs, _ := db.EventBooths(ctx, e.ID, 0)
		if bs[0].ExhibitorID != x.ID || bs[1].ExhibitorID != 0 {
			t.Fatalf("failed confirm changed booths: %+v", bs)
		}
		_, err = db.ConfirmAllocation(ctx, e.ID, map[string]int64{"A-2": x.ID}, []int64{x.ID})
		mustDo(t, err)
		bs, _ = db.EventBooths(ctx, e.ID, 0)
		if bs[0].ExhibitorID != 0 || bs[0].Status != event.Free || bs[1].ExhibitorID != x.ID || bs[1].Status != event.Sold {
			t.Fatalf("after move: %+v", bs)
		}
		if _, _, ok, _ := db.Proposal(ctx, e.ID); ok {
			t.Fatal("proposal kept after confirming")
		}
	})
}
