package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

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

// TestOldKeysAreForgotten: a client key older than a week is forgotten
// when a new one is remembered; a recent one stays.
func TestOldKeysAreForgotten(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2027, 3, 1, 2, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		mustDo(t, db.Remember(ctx, "old-key", 1, store.Replay{Status: 201, Body: "{}"}))
		now = now.Add(6 * 24 * time.Hour)
		mustDo(t, db.Remember(ctx, "recent-key", 1, store.Replay{Status: 201, Body: "{}"}))
		now = now.Add(2 * 24 * time.Hour) // the old key is 8 days old, the recent one 2
		mustDo(t, db.Remember(ctx, "new-key", 1, store.Replay{Status: 201, Body: "{}"}))
		for key, want := range map[string]bool{"old-key": false, "recent-key": true, "new-key": true} {
			if _, ok, err := db.Replayed(ctx, key); err != nil || ok != want {
				t.Errorf("%s remembered %v (%v), want %v", key, ok, err, want)
			}
		}
	})
}
