package account

import (
	"time"

	"ketnoi/internal/apperr"
)

// ResetLifetime is how long a password reset link works: long enough to
// find the mail, short enough that an old mailbox is no key to the account.
const ResetLifetime = time.Hour

// PasswordReset is a link, sent by mail, that sets a person's password
// once. Only the hash of its token is stored, as for sessions, so that a
// copy of the database holds no working link.
type PasswordReset struct {
	TokenHash string
	PersonID  int64
	ExpiresAt time.Time
	UsedAt    *time.Time
	CreatedAt time.Time
}

// Why a reset link no longer works. An unknown link is the store's
// not-found error.
var (
	ErrResetUsed    = apperr.Errorf(apperr.Conflict, "This link has already been used.")
	ErrResetExpired = apperr.Errorf(apperr.Conflict, "This link has expired.")
)

// NewPasswordReset makes a reset link for a person at now: the token to
// mail, and the record to store.
func NewPasswordReset(personID int64, now time.Time) (token string, r PasswordReset) {
	token = NewToken()
	now = now.UTC()
	return token, PasswordReset{TokenHash: HashToken(token), PersonID: personID, ExpiresAt: now.Add(ResetLifetime), CreatedAt: now}
}

// Check says whether the link may still be used at now.
func (r PasswordReset) Check(now time.Time) error {
	switch {
	case r.UsedAt != nil:
		return ErrResetUsed
	case !now.Before(r.ExpiresAt):
		return ErrResetExpired
	}
	return nil
}
