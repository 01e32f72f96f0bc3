package store_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/badge"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
)

// rawKeys reads the badge_keys rows as stored, beside the store.
func rawKeys(t *testing.T, dsn string) map[uint32]string {
	t.Helper()
	driver, src := "sqlite", "file:"+dsn
	if store.IsPostgres(dsn) {
		driver, src = "pgx", dsn
	}
	conn, err := sql.Open(driver, src)
	ckMust(t, err)
	defer conn.Close()
	rows, err := conn.Query("SELECT kid, private_key FROM badge_keys")
	ckMust(t, err)
	defer rows.Close()
	out := map[uint32]string{}
	for rows.Next() {
		var kid uint32
		var priv string
		ckMust(t, rows.Scan(&kid, &priv))
		out[kid] = priv
	}
	return out
}

// containsKey reports whether stored holds the private key in any plain
// form: raw bytes, base64 or hex of the seed or of the whole key.
func containsKey(stored string, k badge.Key) bool {
	for _, secret := range [][]byte{k.Private.Seed(), k.Private} {
		if strings.Contains(stored, base64.StdEncoding.EncodeToString(secret)) || strings.Contains(stored, hex.EncodeToString(secret)) ||
			bytes.Contains([]byte(stored), secret) {
			return true
		}
		if raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(stored, "enc1:")); err == nil && bytes.Contains(raw, secret) {
			return true
		}
	}
	return false
}

// TestBadgeKeysEncryptedAtRest: what the database holds is sealed and
// does not contain the private key; rotation keeps working and signs with
// keys that verify; a wrong master key is refused with a clear error at
// start and at signing, never a panic.
func TestBadgeKeysEncryptedAtRest(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.MustDSN(t, d)
			db := storetest.MustOpenDSN(t, dsn)
			ev, _ := checkinEvent(t, db)
			k1, err := db.SigningKey(ctx, ev)
			ckMust(t, err)
			k2, err := db.RotateBadgeKey(ctx, ev)
			ckMust(t, err)
			stored := rawKeys(t, dsn)
			if len(stored) != 2 {
				t.Fatalf("%d keys stored", len(stored))
			}
			for kid, k := range map[uint32]badge.Key{k1.ID: k1, k2.ID: k2} {
				if !strings.HasPrefix(stored[kid], "enc1:") || containsKey(stored[kid], k) {
					t.Fatalf("key %d stored as %q: not sealed", kid, stored[kid])
				}
			}
			// The active key signs badges that the public keys verify.
			cur, err := db.SigningKey(ctx, ev)
			ckMust(t, err)
			tok, err := badge.Sign(cur, badge.Claims{EventID: ev, RegistrationID: 1, Version: 1, Category: "visitor"})
			ckMust(t, err)
			keys, _ := db.BadgeKeys(ctx, ev)
			if c, err := badge.Verify(keys, tok); err != nil || cur.ID != k2.ID || c.EventID != ev {
				t.Fatalf("signed with key %d: %+v, %v", cur.ID, c, err)
			}

			// Another master key: refused at start, and signing fails
			// cleanly even when the check is skipped.
			db.Close()
			other, err := store.Open(ctx, dsn)
			ckMust(t, err)
			defer other.Close()
			wrong := make([]byte, 32)
			rand.Read(wrong)
			err = other.UseSecretKey(ctx, wrong)
			if !errors.Is(err, store.ErrWrongSecretKey) || !strings.Contains(err.Error(), "secret key") {
				t.Fatalf("wrong master key: %v", err)
			}
			if _, err := other.SigningKey(ctx, ev); err == nil || !strings.Contains(err.Error(), "secret key") {
				t.Fatalf("signing with a wrong or missing master key: %v", err)
			}
			// The right key opens them again.
			ckMust(t, other.UseSecretKey(ctx, storetest.SecretKey(t, dsn)))
			again, err := other.SigningKey(ctx, ev)
			ckMust(t, err)
			if !again.Private.Equal(k2.Private) {
				t.Fatal("the reopened key differs")
			}
		})
	}
}

// TestClearBadgeKeysSealedOnStart: a database from before sealing, whose
// keys are stored in the clear, keeps its keys: the first start with a
// master key seals them, and they sign as before.
func TestClearBadgeKeysSealedOnStart(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.MustDSN(t, d)
			db, err := store.Open(ctx, dsn)
			ckMust(t, err)
			defer db.Close()
			ckMust(t, db.Migrate(ctx))
			ev, _ := checkinEvent(t, db)
			// Written as the earlier version did: base64 of the seed.
			pub, priv, _ := ed25519.GenerateKey(rand.Reader)
			driver, src := "sqlite", "file:"+dsn
			if store.IsPostgres(dsn) {
				driver, src = "pgx", dsn
			}
			conn, err := sql.Open(driver, src)
			ckMust(t, err)
			q := "INSERT INTO badge_keys (event_id, kid, private_key, public_key, active, created_at) VALUES (?, 1, ?, ?, TRUE, ?)"
			if store.IsPostgres(dsn) {
				q = "INSERT INTO badge_keys (event_id, kid, private_key, public_key, active, created_at) VALUES ($1, 1, $2, $3, TRUE, $4)"
			}
			_, err = conn.Exec(q, ev, base64.StdEncoding.EncodeToString(priv.Seed()), base64.StdEncoding.EncodeToString(pub), time.Now().UTC())
			conn.Close()
			ckMust(t, err)
			if k, err := db.SigningKey(ctx, ev); err != nil || !k.Private.Equal(priv) {
				t.Fatalf("a clear key before sealing: %v", err)
			}

			ckMust(t, db.UseSecretKey(ctx, storetest.SecretKey(t, dsn)))
			k := badge.Key{ID: 1, Private: priv}
			if s := rawKeys(t, dsn)[1]; !strings.HasPrefix(s, "enc1:") || containsKey(s, k) {
				t.Fatalf("the clear key was not sealed: %q", s)
			}
			got, err := db.SigningKey(ctx, ev)
			if err != nil || !got.Private.Equal(priv) || got.ID != 1 {
				t.Fatalf("the sealed key: %v", err)
			}
			// A second start seals nothing more and still opens it.
			ckMust(t, db.UseSecretKey(ctx, storetest.SecretKey(t, dsn)))
			if got, err := db.SigningKey(ctx, ev); err != nil || !got.Private.Equal(priv) {
				t.Fatalf("after a second start: %v", err)
			}
		})
	}
}
