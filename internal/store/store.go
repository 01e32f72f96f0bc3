// Package store is the database: migrations for each dialect and every
// query. It is the only package that writes SQL. SQLite (embedded, pure Go)
// is the default; PostgreSQL serves installations that run several
// instances. Both run the same queries; the few differences live in
// dialect.go.
package store

import (
	"context"
	"crypto/cipher"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers "sqlite"
)

//go:embed migrations
var migrations embed.FS

// DB is the database handle shared by all services.
type DB struct {
	sql     *sql.DB
	dialect dialect
	// scanSQL is a small pool of its own for the check-in writers on
	// PostgreSQL (see inPipeTx), nil on SQLite.
	scanSQL *sql.DB
	// Now is the clock; tests replace it.
	Now func() time.Time

	versionOnce sync.Once
	versionStmt *sql.Stmt
	versionErr  error

	stmts sync.Map // query → *sql.Stmt, see prepared

	closeOnce sync.Once
	closed    chan struct{}

	aead cipher.AEAD // the master key, set by UseSecretKey

	// idemPruned is when this process last forgot old client keys (see
	// forgetOldKeys), as Unix seconds.
	idemPruned atomic.Int64
}

// IsPostgres reports whether DSN names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database named by dsn: a postgres:// URL or a file
// path for SQLite. It does not migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	d := sqliteDialect
	driver, source := "sqlite", sqliteDSN(dsn)
	if IsPostgres(dsn) {
		d, driver, source = postgresDialect, "pgx", dsn
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", d.name, err)
	}
	d.configure(db)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s: %w", d.name, err)
	}
	st := &DB{sql: db, dialect: d, Now: func() time.Time { return time.Now().UTC() }, closed: make(chan struct{})}
	if d.name == "sqlite" {
		go st.checkpointLoop(checkpointEvery)
		return st, nil
	}
	// The check-in writers never wait behind requests for a connection:
	// with every pooled connection taken by requests at a rush, a group of
	// scans waited up to a third of a second for one.
	if st.scanSQL, err = sql.Open(driver, source); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", d.name, err)
	}
	st.scanSQL.SetMaxOpenConns(scanConns)
	st.scanSQL.SetMaxIdleConns(scanConns)
	return st, nil
}

// sqliteDSN turns a file path into a modernc DSN with WAL, foreign keys and
// a busy timeout, so that concurrent writers wait instead of failing.
func sqliteDSN(path string) string {
	if path == "" {
		path = "ketnoi.db"
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return "file:" + path + sep + "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(0)&_txlock=immediate"
}

// checkpointEvery is how often the WAL is copied back into the database.
const checkpointEvery = 500 * time.Millisecond

// checkpointLoop copies the WAL into the database file in the background.
// SQLite's automatic checkpoint would run inside whichever commit crosses
// 1,000 pages, and its fsyncs would stall that commit and every request
// queued behind the single writer (the p99 of check-in scans); a PASSIVE
// checkpoint on its own connection never blocks the writer. The last
// connection to close checkpoints whatever is left.
func (db *DB) checkpointLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-db.closed:
			return
		case <-t.C:
			// Errors (busy, closing) are harmless: the next tick retries.
			_, _ = db.sql.Exec("PRAGMA wal_checkpoint(PASSIVE)")
		}
	}
}

// Close closes the connection pool.
func (db *DB) Close() error {
	db.closeOnce.Do(func() { close(db.closed) })
	if db.scanSQL != nil {
		db.scanSQL.Close()
	}
	return db.sql.Close()
}

// scanConns bounds the check-in writers' own connections (two writers,
// and room for a second instance of the service in tests).
const scanConns = 4

// Closed is closed when the database is, so that background workers stop.
func (db *DB) Closed() <-chan struct{} { return db.closed }

// Dialect names the database engine: "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect.name }

// Ping reports whether the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.sql.PingContext(ctx) }

// Migrate applies every migration not yet applied.
func (db *DB) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations/"+db.dialect.name)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	p, err := goose.NewProvider(db.dialect.goose, db.sql, sub)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// q rewrites a query written with ? placeholders for the dialect.
func (db *DB) q(query string) string { return db.dialect.rebind(query) }

func (db *DB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.sql.QueryContext(ctx, db.q(query), args...)
}

func (db *DB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return db.sql.QueryRowContext(ctx, db.q(query), args...)
}

func (db *DB) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.sql.ExecContext(ctx, db.q(query), args...)
}

// prepared returns query prepared once for the pool. The few reads that
// every request makes (session, person, memberships) and the statements of
// the scan transaction use it: SQLite spends more time parsing such small
// statements than running them. Only fixed query texts belong here.
func (db *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := db.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := db.sql.PrepareContext(ctx, db.q(query))
	if err != nil {
		return nil, err
	}
	if prev, loaded := db.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// queryRowPrepared is queryRow through a prepared statement.
func (db *DB) queryRowPrepared(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := db.prepared(ctx, query)
	if err != nil {
		return db.queryRow(ctx, query, args...) // answers with the same error
	}
	return st.QueryRowContext(ctx, args...)
}

// queryPrepared is query through a prepared statement.
func (db *DB) queryPrepared(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// Tx is a transaction with the dialect's placeholders.
type Tx struct {
	tx *sql.Tx
	db *DB
}

func (tx *Tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(ctx, tx.db.q(query), args...)
}

func (tx *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(ctx, tx.db.q(query), args...)
}

func (tx *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.tx.ExecContext(ctx, tx.db.q(query), args...)
}

// inTx runs fn in a transaction: committed when fn returns nil, rolled back
// otherwise, so that nothing is ever half-written.
func (db *DB) inTx(ctx context.Context, fn func(tx *Tx) error) error {
	t, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", db.dialect.translate(err))
	}
	if err := fn(&Tx{tx: t, db: db}); err != nil {
		t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("commit: %w", db.dialect.translate(err))
	}
	return nil
}

// notFound turns sql.ErrNoRows into a not-found error naming what was sought.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errNotFound(what)
	}
	return err
}
