package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"ketnoi/internal/apperr"
)

// dialect holds every difference between SQLite and PostgreSQL that the
// queries have to know about.
type dialect struct {
	name  string
	goose goose.Dialect
	// positional is true when placeholders are $1, $2 … instead of ?.
	positional bool
	cache      *sync.Map
}

var (
	sqliteDialect   = dialect{name: "sqlite", goose: goose.DialectSQLite3, cache: &sync.Map{}}
	postgresDialect = dialect{name: "postgres", goose: goose.DialectPostgres, positional: true, cache: &sync.Map{}}
)

// configure sizes the connection pool. SQLite has one writer: a few
// connections serve concurrent readers under WAL.
func (d dialect) configure(db *sql.DB) {
	if d.name == "sqlite" {
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(8)
		return
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
}

// rebind rewrites ? placeholders as $n for PostgreSQL. Queries never hold a
// literal question mark.
func (d dialect) rebind(q string) string {
	if !d.positional {
		return q
	}
	if v, ok := d.cache.Load(q); ok {
		return v.(string)
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	out := b.String()
	d.cache.Store(q, out)
	return out
}

// jsonRows is a FROM source, named x, of the rows of a JSON array of
// objects passed as one parameter; cols are "name type" with PostgreSQL
// type names. One statement text then reads or writes any number of rows,
// so it is prepared once, whatever the size of the batch.
func (d dialect) jsonRows(cols ...string) string {
	if d.name == "postgres" {
		return "json_to_recordset(CAST(? AS json)) AS x(" + strings.Join(cols, ", ") + ")"
	}
	sel := make([]string, len(cols))
	for i, c := range cols {
		name, _, _ := strings.Cut(c, " ")
		sel[i] = "value->>'" + name + "' AS " + name
	}
	return "(SELECT " + strings.Join(sel, ", ") + " FROM json_each(?)) AS x"
}

// jsonTime writes a time for a jsonRows column as the driver would write
// it as a parameter: SQLite keeps the text (modernc writes time.String()),
// PostgreSQL parses RFC 3339.
func (d dialect) jsonTime(t time.Time) string {
	if d.name == "postgres" {
		return t.UTC().Format(time.RFC3339Nano)
	}
	return t.UTC().Round(0).String()
}

// translate turns a driver's constraint errors into sentinel errors, by
// error code and never by message text.
func (d dialect) translate(err error) error {
	if err == nil {
		return nil
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505":
			return &apperr.Error{Code: apperr.Conflict, Message: "This already exists.", Err: err}
		case "23503":
			return &apperr.Error{Code: apperr.Invalid, Message: "A referenced record does not exist.", Err: err}
		}
		return err
	}
	var sq *sqlite.Error
	if errors.As(err, &sq) {
		switch sq.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return &apperr.Error{Code: apperr.Conflict, Message: "This already exists.", Err: err}
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return &apperr.Error{Code: apperr.Invalid, Message: "A referenced record does not exist.", Err: err}
		}
	}
	return err
}

// resetSequences moves PostgreSQL identity sequences past rows inserted with
// explicit ids (bulk loads); SQLite needs nothing.
func (d dialect) resetSequences(tx *Tx, tables ...string) error {
	if d.name != "postgres" {
		return nil
	}
	for _, t := range tables {
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE((SELECT MAX(id) FROM %s), 0) + 1, false)", t, t)
		if _, err := tx.tx.Exec(q); err != nil {
			return fmt.Errorf("reset sequence of %s: %w", t, err)
		}
	}
	return nil
}

func errNotFound(what string) error {
	return &apperr.Error{Code: apperr.NotFound, Message: what + " not found."}
}
