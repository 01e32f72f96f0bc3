package store_test

import (
	"context"
	"testing"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

func TestAnonymizeKeepsCountsAndDropsPeople(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, regs := checkinEvent(t, db, event.CatVisitor, event.CatDelegate, event.CatDelegate)
		l := &checkin.List{EventID: ev, Name: "Halls", Rule: checkin.OncePerDay}
		ckMust(t, db.CreateCheckinList(ctx, l))
		ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "g", ListID: l.ID, Hall: "A"}))
		day := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
		record(t, db, scanItem(ev, regs[0], "g", checkin.KindCheckin, day, false), scanItem(ev, regs[1], "g", checkin.KindCheckin, day, false))
		before, _ := db.CheckinStats(ctx, ev, "2027-03-10")

		dry, err := db.AnonymizeEvent(ctx, ev, true)
		ckMust(t, err)
		if dry.Registrations != 3 || !dry.DryRun {
			t.Fatalf("dry run: %+v", dry)
		}
		if r, _ := db.Registrant(ctx, ev, regs[0].ID); r.Email != regs[0].Email {
			t.Fatal("the dry run changed a registration")
		}
		if _, err := db.AnonymizeEvent(ctx, ev, false); err != nil {
			t.Fatal(err)
		}
		all, n, err := db.Registrants(ctx, ev, store.RegistrantFilter{})
		ckMust(t, err)
		if n != 3 {
			t.Fatalf("%d registrations after anonymising, want 3 (counts stay)", n)
		}
		for _, r := range all {
			if r.Name != "" || r.Phone != "" || r.OrgName != "" || !r.Anonymized || r.Email == regs[0].Email {
				t.Fatalf("personal data left: %+v", r)
			}
		}
		after, _ := db.CheckinStats(ctx, ev, "2027-03-10")
		if after.Admitted != before.Admitted || after.ByCategory["delegate"] != 1 {
			t.Fatalf("aggregates changed: %+v vs %+v", after, before)
		}
		if again, _ := db.AnonymizeEvent(ctx, ev, true); again.Registrations != 0 {
			t.Fatalf("nothing is left to anonymise: %+v", again)
		}
	})
}

func TestVisitorDeletesData(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, regs := checkinEvent(t, db, event.CatVisitor)
		d, err := db.PersonalDataOf(ctx, regs[0].PersonID)
		ckMust(t, err)
		if len(d.Registrations) != 1 || d.Registrations[0].Email != regs[0].Email {
			t.Fatalf("download: %+v", d)
		}
		ckMust(t, db.DeletePersonalData(ctx, regs[0].PersonID))
		if _, err := db.Person(ctx, regs[0].PersonID); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("account still there: %v", err)
		}
		if _, n, _ := db.Registrants(ctx, ev, store.RegistrantFilter{}); n != 1 {
			t.Fatal("the registration count changed")
		}
	})
}
