package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store"
)

// resetMail is the mail a reset link goes out with.
func resetMail(to string) *outbox.Mail {
	return &outbox.Mail{Kind: outbox.KindMessage, To: to, Subject: "Đặt mật khẩu",
		Message: &mail.Message{To: []string{to}, Subject: "Đặt mật khẩu", Text: "link"}}
}

// TestPasswordResetLifecycle: a link is stored with its mail; a second
// request replaces the first; the link sets the password once, ends the
// person's sessions and then says it was used; an hour on, a link has
// expired; an unknown link is not found. Nothing is written by a refusal.
func TestPasswordResetLifecycle(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		p := &account.Person{Email: "hoa@example.vn", Name: "Võ Thị Hoa", Lang: i18n.VI}
		mustDo(t, db.CreatePerson(ctx, p)) // registered at an event: no password
		mustDo(t, db.CreateWebSession(ctx, account.Session{TokenHash: "s1", PersonID: p.ID, CSRF: "c", ExpiresAt: now.Add(time.Hour)}))

		first, r1 := account.NewPasswordReset(p.ID, now)
		mustDo(t, db.CreatePasswordReset(ctx, r1, resetMail(p.Email)))
		if got, err := db.PasswordReset(ctx, account.HashToken(first)); err != nil || got.PersonID != p.ID || got.UsedAt != nil || !got.ExpiresAt.Equal(now.Add(time.Hour)) {
			t.Fatalf("stored reset %+v, %v", got, err)
		}
		if ms, err := db.ClaimMail(ctx, 10, time.Minute); err != nil || len(ms) != 1 || ms[0].To != p.Email {
			t.Fatalf("the link's mail: %+v, %v", ms, err)
		}
		second, r2 := account.NewPasswordReset(p.ID, now.Add(time.Minute))
		mustDo(t, db.CreatePasswordReset(ctx, r2, resetMail(p.Email)))
		if _, err := db.ResetPassword(ctx, account.HashToken(first), "hash-1"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("the replaced link: %v, want not found", err)
		}

		id, err := db.ResetPassword(ctx, account.HashToken(second), "hash-2")
		if err != nil || id != p.ID {
			t.Fatalf("reset: %d, %v", id, err)
		}
		if got, _ := db.Person(ctx, p.ID); got.PasswordHash != "hash-2" {
			t.Fatalf("password hash %q after the reset", got.PasswordHash)
		}
		if _, err := db.WebSession(ctx, "s1"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("a session of before the reset still works: %v", err)
		}
		if _, err := db.ResetPassword(ctx, account.HashToken(second), "hash-3"); !errors.Is(err, account.ErrResetUsed) {
			t.Fatalf("second use: %v, want used", err)
		}
		if got, _ := db.PasswordReset(ctx, account.HashToken(second)); got.UsedAt == nil || !got.UsedAt.Equal(now) {
			t.Fatalf("used link %+v", got)
		}

		late, r3 := account.NewPasswordReset(p.ID, now)
		mustDo(t, db.CreatePasswordReset(ctx, r3, resetMail(p.Email)))
		now = now.Add(time.Hour)
		if _, err := db.ResetPassword(ctx, account.HashToken(late), "hash-4"); !errors.Is(err, account.ErrResetExpired) {
			t.Fatalf("after an hour: %v, want expired", err)
		}
		if _, err := db.ResetPassword(ctx, account.HashToken("no such token"), "hash-5"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("unknown link: %v, want not found", err)
		}
		if got, _ := db.Person(ctx, p.ID); got.PasswordHash != "hash-2" {
			t.Fatalf("a refused link changed the password to %q", got.PasswordHash)
		}
	})
}

// TestPasswordResetIsUsedOnce: two requests with one link at once set the
// password once; the other is told the link was used.
func TestPasswordResetIsUsedOnce(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := &account.Person{Email: "duc@example.vn", Name: "Phạm Văn Đức", Lang: i18n.VI}
		mustDo(t, db.CreatePerson(ctx, p))
		token, r := account.NewPasswordReset(p.ID, db.Now())
		mustDo(t, db.CreatePasswordReset(ctx, r, resetMail(p.Email)))
		errs := make(chan error, 4)
		for range 4 {
			go func() {
				_, err := db.ResetPassword(ctx, account.HashToken(token), "hash")
				errs <- err
			}()
		}
		ok, used := 0, 0
		for range 4 {
			switch err := <-errs; {
			case err == nil:
				ok++
			case errors.Is(err, account.ErrResetUsed):
				used++
			default:
				t.Errorf("concurrent use: %v", err)
			}
		}
		if ok != 1 || used != 3 {
			t.Fatalf("%d uses succeeded and %d were refused as used, want 1 and 3", ok, used)
		}
	})
}
