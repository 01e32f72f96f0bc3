package store

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The server's master key (32 bytes) encrypts secrets at rest with
// AES-256-GCM: today the badge signing keys. A sealed value is written
// "enc1:" + base64(nonce ‖ ciphertext), and the row it belongs to is
// bound in as additional data, so that a sealed key copied to another row
// does not open.

const sealedPrefix = "enc1:"

// ErrWrongSecretKey is the answer when the database's secrets were sealed
// under another master key.
var ErrWrongSecretKey = errors.New("the secret key does not open this database's secrets: start with the key it was first given (--secret-key-file or KETNOI_SECRET_KEY)")

// ErrNoSecretKey is the answer when a secret is needed and the server was
// given no master key.
var ErrNoSecretKey = errors.New("no secret key: give the server one with --secret-key-file or KETNOI_SECRET_KEY")

// keyCheckText is sealed once under the master key, so that a wrong key is
// found at start, before any badge is signed.
const keyCheckText = "ketnoi secret key check"

// ParseSecretKey reads a master key written as 64 hex digits or as base64
// of 32 bytes.
func ParseSecretKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) == 32 {
		return b, nil
	}
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && len(b) == 32 {
		return b, nil
	}
	return nil, errors.New("a secret key is 32 bytes written as 64 hex digits or in base64")
}

// SecretKeyFile reads the master key in path, writing a new random one
// there first (readable by its owner only) when the file does not exist.
// It reports whether it made the key.
func SecretKeyFile(path string) (key []byte, made bool, err error) {
	b, err := os.ReadFile(path)
	if err == nil {
		key, err = ParseSecretKey(string(b))
		if err != nil {
			return nil, false, fmt.Errorf("secret key file %s: %w", path, err)
		}
		return key, false, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, false, fmt.Errorf("secret key file: %w", err)
	}
	key = make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, fmt.Errorf("secret key file: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, false, fmt.Errorf("secret key file: %w", err)
	}
	if _, err := f.WriteString(hex.EncodeToString(key) + "\n"); err != nil {
		f.Close()
		return nil, false, fmt.Errorf("secret key file: %w", err)
	}
	return key, true, f.Close()
}

// DefaultSecretKeyPath is where a key is kept when none is given: next to
// a SQLite database, or in the working directory for PostgreSQL.
func DefaultSecretKeyPath(dsn string) string {
	if IsPostgres(dsn) {
		return "ketnoi-secret.key"
	}
	if dsn == "" {
		dsn = "ketnoi.db"
	}
	path, _, _ := strings.Cut(dsn, "?")
	return strings.TrimPrefix(path, "file:") + ".key"
}

// UseSecretKey sets the master key. The first time, it seals a check value
// and every badge key still stored in the clear (databases made before
// keys were encrypted); later, it checks that the key is the same one and
// answers ErrWrongSecretKey when it is not.
func (db *DB) UseSecretKey(ctx context.Context, key []byte) error {
	if len(key) != 32 {
		return errors.New("a secret key is 32 bytes")
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return err
	}
	db.aead = aead
	defer db.writer()()
	return db.inTx(ctx, func(tx *Tx) error {
		var check string
		err := tx.queryRow(ctx, "SELECT sealed FROM secret_key_check WHERE id = 1").Scan(&check)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			sealed, err := db.seal([]byte(keyCheckText), "check")
			if err != nil {
				return err
			}
			if _, err := tx.exec(ctx, "INSERT INTO secret_key_check (id, sealed) VALUES (1, ?)", sealed); err != nil {
				return fmt.Errorf("secret key: %w", err)
			}
		case err != nil:
			return fmt.Errorf("secret key: %w", err)
		default:
			if plain, err := db.open(check, "check"); err != nil || string(plain) != keyCheckText {
				db.aead = nil
				return ErrWrongSecretKey
			}
		}
		return tx.sealClearBadgeKeys(ctx)
	})
}

// sealClearBadgeKeys encrypts the badge keys written in the clear.
func (tx *Tx) sealClearBadgeKeys(ctx context.Context) error {
	rows, err := tx.query(ctx, "SELECT event_id, kid, private_key FROM badge_keys WHERE private_key NOT LIKE 'enc1:%'")
	if err != nil {
		return fmt.Errorf("seal badge keys: %w", err)
	}
	type clear struct {
		event int64
		kid   uint32
		seed  string
	}
	var todo []clear
	for rows.Next() {
		var c clear
		if err := rows.Scan(&c.event, &c.kid, &c.seed); err != nil {
			rows.Close()
			return err
		}
		todo = append(todo, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range todo {
		seed, err := base64.StdEncoding.DecodeString(c.seed)
		if err != nil {
			return fmt.Errorf("badge key %d of event %d is damaged", c.kid, c.event)
		}
		sealed, err := tx.db.seal(seed, badgeKeyLabel(c.event, c.kid))
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE badge_keys SET private_key = ? WHERE event_id = ? AND kid = ?", sealed, c.event, c.kid); err != nil {
			return fmt.Errorf("seal badge keys: %w", err)
		}
	}
	return nil
}

func badgeKeyLabel(eventID int64, kid uint32) string {
	return fmt.Sprintf("badge-key:%d:%d", eventID, kid)
}

func (db *DB) seal(plain []byte, label string) (string, error) {
	if db.aead == nil {
		return "", ErrNoSecretKey
	}
	nonce := make([]byte, db.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	return sealedPrefix + base64.StdEncoding.EncodeToString(db.aead.Seal(nonce, nonce, plain, []byte(label))), nil
}

func (db *DB) open(sealed, label string) ([]byte, error) {
	if db.aead == nil {
		return nil, ErrNoSecretKey
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(sealed, sealedPrefix))
	n := db.aead.NonceSize()
	if err != nil || !strings.HasPrefix(sealed, sealedPrefix) || len(raw) < n+db.aead.Overhead() {
		return nil, errors.New("a sealed secret is damaged")
	}
	plain, err := db.aead.Open(nil, raw[:n], raw[n:], []byte(label))
	if err != nil {
		return nil, ErrWrongSecretKey
	}
	return plain, nil
}
