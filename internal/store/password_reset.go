package store

import (
	"context"
	"database/sql"
	"fmt"

	"ketnoi/internal/account"
	"ketnoi/internal/outbox"
)

// CreatePasswordReset stores a reset link for a person and queues the mail
// that carries it, in one transaction: a link is never stored without its
// mail, nor a mail sent with a link that does not work. The person's
// earlier links are deleted, so that only the newest mail works.
func (db *DB) CreatePasswordReset(ctx context.Context, r account.PasswordReset, m *outbox.Mail) error {
	defer db.writer()()
	err := db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "DELETE FROM password_resets WHERE person_id = ?", r.PersonID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "INSERT INTO password_resets (token_hash, person_id, expires_at, created_at) VALUES (?, ?, ?, ?)",
			r.TokenHash, r.PersonID, r.ExpiresAt.UTC(), r.CreatedAt.UTC()); err != nil {
			return db.dialect.translate(err)
		}
		return tx.enqueueMail(ctx, m)
	})
	if err != nil {
		return fmt.Errorf("create password reset: %w", err)
	}
	return nil
}

// PasswordReset finds a reset link by its token's hash, used or not.
func (db *DB) PasswordReset(ctx context.Context, hash string) (account.PasswordReset, error) {
	return scanReset(db.queryRow(ctx, resetQuery, hash))
}

const resetQuery = "SELECT token_hash, person_id, expires_at, used_at, created_at FROM password_resets WHERE token_hash = ?"

func scanReset(row *sql.Row) (account.PasswordReset, error) {
	var r account.PasswordReset
	var used sql.NullTime
	err := row.Scan(&r.TokenHash, &r.PersonID, &r.ExpiresAt, &used, &r.CreatedAt)
	if used.Valid {
		r.UsedAt = &used.Time
	}
	if err != nil {
		return r, fmt.Errorf("password reset: %w", notFound(err, "Password reset"))
	}
	return r, nil
}

// ResetPassword uses a reset link: it sets the person's password hash,
// marks the link used, deletes the person's other links and ends every
// session of the person (whoever knew the old password is signed out).
// A link that is unknown, expired or used — by a concurrent request too —
// changes nothing and says why. It returns whose password was set.
func (db *DB) ResetPassword(ctx context.Context, tokenHash, passwordHash string) (int64, error) {
	defer db.writer()()
	var personID int64
	err := db.inTx(ctx, func(tx *Tx) error {
		r, err := scanReset(tx.queryRow(ctx, resetQuery, tokenHash))
		if err != nil {
			return err
		}
		now := db.Now().UTC()
		if err := r.Check(now); err != nil {
			return err
		}
		// The condition on used_at makes the link single-use when two
		// requests read it unused at once: the second updates nothing.
		res, err := tx.exec(ctx, "UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", now, tokenHash)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return account.ErrResetUsed
		}
		personID = r.PersonID
		return tx.setPasswordEverywhere(ctx, r, passwordHash)
	})
	if err != nil {
		return 0, fmt.Errorf("reset password: %w", err)
	}
	return personID, nil
}

// setPasswordEverywhere sets the password and removes what the old one
// opened: sessions and the person's other reset links.
func (tx *Tx) setPasswordEverywhere(ctx context.Context, r account.PasswordReset, passwordHash string) error {
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE people SET password_hash = ? WHERE id = ?", []any{passwordHash, r.PersonID}},
		{"DELETE FROM web_sessions WHERE person_id = ?", []any{r.PersonID}},
		{"DELETE FROM password_resets WHERE person_id = ? AND token_hash <> ?", []any{r.PersonID, r.TokenHash}},
	} {
		if _, err := tx.exec(ctx, q.sql, q.args...); err != nil {
			return err
		}
	}
	return nil
}
