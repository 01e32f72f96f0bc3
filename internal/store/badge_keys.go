package store

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"

	"ketnoi/internal/badge"
)

// SigningKey returns the event's active badge signing key, making the first
// one when the event has none. The private half never leaves the server:
// only this method reads it, for signing.
func (db *DB) SigningKey(ctx context.Context, eventID int64) (badge.Key, error) {
	var k badge.Key
	var priv string
	err := db.queryRow(ctx, "SELECT kid, private_key FROM badge_keys WHERE event_id = ? AND active = TRUE", eventID).Scan(&k.ID, &priv)
	if err == nil {
		return keyFrom(k.ID, priv)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return k, fmt.Errorf("signing key: %w", err)
	}
	return db.RotateBadgeKey(ctx, eventID)
}

func keyFrom(id uint32, seed string) (badge.Key, error) {
	b, err := base64.StdEncoding.DecodeString(seed)
	if err != nil || len(b) != ed25519.SeedSize {
		return badge.Key{}, fmt.Errorf("badge key %d is damaged", id)
	}
	return badge.Key{ID: id, Private: ed25519.NewKeyFromSeed(b)}, nil
}

// RotateBadgeKey makes a new active key; the previous keys stay trusted for
// verification (badges already printed keep working) until retired.
func (db *DB) RotateBadgeKey(ctx context.Context, eventID int64) (badge.Key, error) {
	var k badge.Key
	err := db.inTx(ctx, func(tx *Tx) error {
		var next uint32
		if err := tx.queryRow(ctx, "SELECT COALESCE(MAX(kid), 0) + 1 FROM badge_keys WHERE event_id = ?", eventID).Scan(&next); err != nil {
			return err
		}
		var err error
		if k, err = badge.NewKey(next); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE badge_keys SET active = FALSE WHERE event_id = ?", eventID); err != nil {
			return err
		}
		_, err = tx.exec(ctx, "INSERT INTO badge_keys (event_id, kid, private_key, public_key, active, created_at) VALUES (?, ?, ?, ?, TRUE, ?)",
			eventID, next, base64.StdEncoding.EncodeToString(k.Private.Seed()), base64.StdEncoding.EncodeToString(k.Public()), db.Now())
		return db.dialect.translate(err)
	})
	if err != nil {
		return k, fmt.Errorf("rotate badge key: %w", err)
	}
	return k, nil
}

// RetireBadgeKey stops trusting a key: badges signed with it stop working
// at every scanner that has synced since.
func (db *DB) RetireBadgeKey(ctx context.Context, eventID int64, kid uint32) error {
	res, err := db.exec(ctx, "UPDATE badge_keys SET retired = TRUE WHERE event_id = ? AND kid = ? AND active = FALSE", eventID, kid)
	if err != nil {
		return fmt.Errorf("retire badge key: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Inactive badge key")
	}
	return nil
}

// BadgeKeys returns the public keys scanners trust for the event.
func (db *DB) BadgeKeys(ctx context.Context, eventID int64) (badge.KeySet, error) {
	rows, err := db.query(ctx, "SELECT kid, public_key FROM badge_keys WHERE event_id = ? AND retired = FALSE", eventID)
	if err != nil {
		return nil, fmt.Errorf("badge keys: %w", err)
	}
	defer rows.Close()
	out := badge.KeySet{}
	for rows.Next() {
		var id uint32
		var pub string
		if err := rows.Scan(&id, &pub); err != nil {
			return nil, err
		}
		b, err := base64.StdEncoding.DecodeString(pub)
		if err != nil || len(b) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("badge key %d is damaged", id)
		}
		out[id] = b
	}
	return out, rows.Err()
}
