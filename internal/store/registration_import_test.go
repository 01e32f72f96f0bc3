package store_test

import (
	"context"
	"testing"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

func TestImportAllOrNothingAndIdempotent(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, _ := checkinEvent(t, db, event.CatVisitor) // p0@example.vn is registered
		ckMust(t, db.SetQuota(ctx, ev, event.CatVIP, 1))
		mk := func(name, email string, cat event.Category) checkin.Registrant {
			r := checkin.Registrant{Name: name, Email: email}
			r.Category = cat
			return r
		}
		// Two VIPs against a quota of one: nothing is written.
		bad := []checkin.Registrant{mk("A", "a@example.vn", event.CatDelegate), mk("B", "b@example.vn", event.CatVIP), mk("C", "c@example.vn", event.CatVIP)}
		res, err := db.ImportRegistrants(ctx, ev, "hash-bad", bad, []int{2, 3, 4})
		ckMust(t, err)
		if len(res.Errors) != 1 || res.Errors[0].Row != 4 || res.Created != 0 {
			t.Fatalf("over quota: %+v", res)
		}
		if _, n, _ := db.Registrants(ctx, ev, store.RegistrantFilter{}); n != 1 {
			t.Fatalf("a failed import left %d registrations, want the 1 there before", n)
		}
		good := []checkin.Registrant{mk("A", "a@example.vn", event.CatDelegate), mk("B", "b@example.vn", event.CatVIP), mk("Old", "p0@example.vn", event.CatDelegate)}
		res, err = db.ImportRegistrants(ctx, ev, "hash-good", good, []int{2, 3, 4})
		ckMust(t, err)
		if res.Created != 2 || res.Existing != 1 || len(res.Errors) != 0 {
			t.Fatalf("import: %+v", res)
		}
		again, err := db.ImportRegistrants(ctx, ev, "hash-good", good, []int{2, 3, 4})
		ckMust(t, err)
		if !again.Unchanged || again.Created != 0 {
			t.Fatalf("re-import of the same file: %+v", again)
		}
		if _, n, _ := db.Registrants(ctx, ev, store.RegistrantFilter{}); n != 3 {
			t.Fatalf("%d registrations after import and re-import, want 3", n)
		}
	})
}
