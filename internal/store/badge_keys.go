package store

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"ketnoi/internal/badge"
)

// SigningKey returns the event's active badge signing key, making the first
// one when the event has none. The private half never leaves the server:
// only this method reads it, for signing, and it is stored sealed under
// the server's master key (a key from before sealing is read in the clear
// until UseSecretKey seals it).
func (db *DB) SigningKey(ctx context.Context, eventID int64) (badge.Key, error) {
	var k badge.Key
	var priv string
	err := db.queryRow(ctx, "SELECT kid, private_key FROM badge_keys WHERE event_id = ? AND active = TRUE", eventID).Scan(&k.ID, &priv)
	if err == nil {
		return db.keyFrom(eventID, k.ID, priv)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return k, fmt.Errorf("signing key: %w", err)
	}
	return db.RotateBadgeKey(ctx, eventID)
}

func (db *DB) keyFrom(eventID int64, id uint32, stored string) (badge.Key, error) {
	var seed []byte
	var err error
	if strings.HasPrefix(stored, sealedPrefix) {
		if seed, err = db.open(stored, badgeKeyLabel(eventID, id)); err != nil {
			return badge.Key{}, fmt.Errorf("badge key %d of event %d: %w", id, eventID, err)
		}
	} else if seed, err = base64.StdEncoding.DecodeString(stored); err != nil {
		seed = nil
	}
	if len(seed) != ed25519.SeedSize {
		return badge.Key{}, fmt.Errorf("badge key %d is damaged", id)
	}
	return badge.Key{ID: id, Private: ed25519.NewKeyFromSeed(seed)}, nil
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
		sealed, err := db.seal(k.Private.Seed(), badgeKeyLabel(eventID, next))
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE badge_keys SET active = FALSE WHERE event_id = ?", eventID); err != nil {
			return err
		}
		_, err = tx.exec(ctx, "INSERT INTO badge_keys (event_id, kid, private_key, public_key, active, created_at) VALUES (?, ?, ?, ?, TRUE, ?)",
			eventID, next, sealed, base64.StdEncoding.EncodeToString(k.Public()), db.Now())
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
