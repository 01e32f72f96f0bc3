package store_test

import (
	"context"
	"errors"
	"testing"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store"
)

// TestRegisterOnceKeepsTheFirst: a form key registers once; a copy brings
// back the first registration without a second mail; a copy of a refused
// form (a full category) finds the key free for the corrected form.
func TestRegisterOnceKeepsTheFirst(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, _ := checkinEvent(t, db, event.CatVisitor)
		ckMust(t, db.SetQuota(ctx, ev, event.CatVIP, 0))
		mk := func(cat event.Category) *checkin.Registrant {
			r := &checkin.Registrant{Name: "Walk-in", Email: checkin.WalkInEmail()}
			r.EventID, r.Category = ev, cat
			return r
		}
		once := store.Once{Key: "1 /desk k", PersonID: 1}
		full := mk(event.CatVIP)
		if _, err := db.RegisterOnce(ctx, once, full, outbox.Mail{Kind: outbox.KindBadge}); !errors.Is(err, store.ErrCategoryFull) {
			t.Fatalf("a full category: %v", err)
		}
		first := mk(event.CatDelegate)
		replayed, err := db.RegisterOnce(ctx, once, first, outbox.Mail{Kind: outbox.KindBadge})
		ckMust(t, err)
		if replayed || first.ID == 0 {
			t.Fatalf("the corrected form: replayed %v, id %d", replayed, first.ID)
		}
		again := mk(event.CatVisitor)
		replayed, err = db.RegisterOnce(ctx, once, again, outbox.Mail{Kind: outbox.KindBadge})
		ckMust(t, err)
		if !replayed || again.ID != first.ID || again.Category != event.CatDelegate || again.Email != first.Email {
			t.Fatalf("the copy: replayed %v, %+v; want registration %d", replayed, again, first.ID)
		}
		if _, n, _ := db.Registrants(ctx, ev, store.RegistrantFilter{}); n != 2 {
			t.Fatalf("%d registrations, want the fixture's and the walk-in", n)
		}
		if ms, _ := db.Mails(ctx, ev, outbox.Pending, 10); len(ms) != 1 {
			t.Fatalf("%d mails queued, want 1", len(ms))
		}
	})
}
