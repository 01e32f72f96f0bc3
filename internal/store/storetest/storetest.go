// Package storetest opens fresh databases for tests: a temporary SQLite
// file, or a new PostgreSQL database on the server named by
// KETNOI_TEST_POSTGRES_URL, dropped when the test ends.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"ketnoi/internal/store"
)

// Dialects lists the engines a store test runs on. PostgreSQL is left out
// only outside CI when no server is configured.
func Dialects(tb testing.TB) []string {
	if os.Getenv("KETNOI_TEST_POSTGRES_URL") == "" {
		if os.Getenv("CI") != "" {
			tb.Fatal("KETNOI_TEST_POSTGRES_URL is not set in CI: the PostgreSQL tests must run")
		}
		return []string{"sqlite"}
	}
	return []string{"sqlite", "postgres"}
}

// MustOpen opens and migrates a fresh database of the dialect.
func MustOpen(tb testing.TB, dialect string) *store.DB {
	tb.Helper()
	return MustOpenDSN(tb, MustDSN(tb, dialect))
}

// MustOpenDSN opens and migrates the database at dsn (again, to test what
// survives a restart), closed when the test ends.
func MustOpenDSN(tb testing.TB, dsn string) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		tb.Fatal(err)
	}
	if err := db.UseSecretKey(context.Background(), SecretKey(tb, dsn)); err != nil {
		tb.Fatal(err)
	}
	return db
}

var secretKeys sync.Map // PostgreSQL DSN → master key

// SecretKey is the master key of a test database, the same each time it is
// opened: for SQLite in a file next to the database (where the server
// looks when given none), for PostgreSQL kept in memory.
func SecretKey(tb testing.TB, dsn string) []byte {
	tb.Helper()
	if store.IsPostgres(dsn) {
		k := make([]byte, 32)
		rand.Read(k)
		v, _ := secretKeys.LoadOrStore(dsn, k)
		return v.([]byte)
	}
	k, _, err := store.SecretKeyFile(store.DefaultSecretKeyPath(dsn))
	if err != nil {
		tb.Fatal(err)
	}
	return k
}

// MustDSN returns the address of a fresh, empty database of the dialect.
func MustDSN(tb testing.TB, dialect string) string {
	tb.Helper()
	if dialect == "sqlite" {
		return filepath.Join(tb.TempDir(), "ketnoi.db")
	}
	admin := os.Getenv("KETNOI_TEST_POSTGRES_URL")
	if admin == "" {
		tb.Fatal("KETNOI_TEST_POSTGRES_URL is not set")
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "ketnoi_test_" + hex.EncodeToString(b)
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := conn.Exec("CREATE DATABASE " + name); err != nil {
		conn.Close()
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		conn.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		conn.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
