package store_test

import (
	"context"
	"testing"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store/storetest"
)

// TestCheckinSetup edits a list, adds a gate's scan points all or none,
// and adds and removes gate staff, on both databases.
func TestCheckinSetup(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.MustOpen(t, dialect)
			ev, _ := checkinEvent(t, db, event.CatVisitor)
			l := &checkin.List{EventID: ev, Name: "Halls", Rule: checkin.OnceTotal}
			ckMust(t, db.CreateCheckinList(ctx, l))
			l.Name, l.Rule, l.Categories, l.Days = "Halls A–C", checkin.Reentry, []string{"visitor", "vip"}, []string{"2027-03-11"}
			ckMust(t, db.UpdateCheckinList(ctx, l))
			got, err := db.CheckinList(ctx, ev, l.ID)
			ckMust(t, err)
			if got.Name != "Halls A–C" || got.Rule != checkin.Reentry || len(got.Categories) != 2 || got.Days[0] != "2027-03-11" {
				t.Fatalf("after update: %+v", got)
			}
			other := checkin.List{ID: l.ID, EventID: ev + 1, Name: "x", Rule: checkin.OnceTotal}
			if err := db.UpdateCheckinList(ctx, &other); !apperr.Is(err, apperr.NotFound) {
				t.Fatalf("update through another event: %v", err)
			}

			ckMust(t, db.CreateGates(ctx, []checkin.Gate{{EventID: ev, Code: "N1", Name: "North", ListID: l.ID}, {EventID: ev, Code: "N2", Name: "North", ListID: l.ID}}))
			err = db.CreateGates(ctx, []checkin.Gate{{EventID: ev, Code: "S1", Name: "South", ListID: l.ID}, {EventID: ev, Code: "N2", Name: "South", ListID: l.ID}})
			if !apperr.Is(err, apperr.Conflict) {
				t.Fatalf("a taken code: %v, want a conflict", err)
			}
			gs, err := db.Gates(ctx, ev)
			ckMust(t, err)
			if len(gs) != 2 {
				t.Fatalf("%d scan points after a refused gate, want 2 (nothing half-written)", len(gs))
			}
			ckMust(t, db.DeleteGate(ctx, ev, gs[0].ID))
			if err := db.DeleteGate(ctx, ev, gs[0].ID); !apperr.Is(err, apperr.NotFound) {
				t.Fatalf("deleting twice: %v", err)
			}

			p := account.Person{Email: "desk@example.vn", Name: "Desk", Lang: i18n.VI}
			ckMust(t, db.CreatePerson(ctx, &p))
			ckMust(t, db.AddScannerStaff(ctx, ev, p.ID))
			staff, err := db.ScannerStaff(ctx, ev)
			ckMust(t, err)
			if len(staff) != 1 || staff[0].Email != "desk@example.vn" {
				t.Fatalf("staff: %+v", staff)
			}
			ckMust(t, db.RemoveScannerStaff(ctx, ev, p.ID))
			if ok, _ := db.IsScannerStaff(ctx, ev, p.ID); ok {
				t.Fatal("still staff after removal")
			}

			k1, err := db.BadgeCodeKey(ctx, ev)
			ckMust(t, err)
			_, err = db.RotateBadgeKey(ctx, ev)
			ckMust(t, err)
			k2, err := db.BadgeCodeKey(ctx, ev)
			ckMust(t, err)
			if badge.Code(k1, ev, 5) != badge.Code(k2, ev, 5) {
				t.Fatal("a key rotation changed the registration codes")
			}
		})
	}
}
