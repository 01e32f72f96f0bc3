package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// keepKeys is how long a client key (an API Idempotency-Key, a form's
// once key) is remembered: a retry comes within minutes; a week is ample.
const keepKeys = 7 * 24 * time.Hour

// Replay is a stored answer to a write sent with a client key.
type Replay struct {
	Status int
	Body   string
}

// Replayed returns the answer first given for key, if any.
func (db *DB) Replayed(ctx context.Context, key string) (Replay, bool, error) {
	var r Replay
	err := db.queryRow(ctx, "SELECT status, body FROM idempotency WHERE key = ?", key).Scan(&r.Status, &r.Body)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("idempotency: %w", err)
	}
	return r, true, nil
}

// Remember stores the answer to a write sent with a client key; a second
// writer with the same key keeps the first answer.
func (db *DB) Remember(ctx context.Context, key string, personID int64, r Replay) error {
	_, err := db.exec(ctx, "INSERT INTO idempotency (key, person_id, status, body, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
		key, personID, r.Status, r.Body, db.Now())
	if err == nil {
		err = db.forgetOldKeys(ctx)
	}
	return err
}

// forgetOldKeys deletes client keys older than keepKeys, at most once an
// hour per process, so that the table does not grow for ever.
func (db *DB) forgetOldKeys(ctx context.Context) error {
	now := db.Now()
	last := db.idemPruned.Load()
	if now.Unix()-last < int64(time.Hour/time.Second) || !db.idemPruned.CompareAndSwap(last, now.Unix()) {
		return nil
	}
	if _, err := db.exec(ctx, "DELETE FROM idempotency WHERE created_at < ?", now.Add(-keepKeys)); err != nil {
		return fmt.Errorf("forget old keys: %w", err)
	}
	return nil
}
