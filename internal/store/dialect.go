package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

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

// inList is the condition "col is one of the values of a list passed as
// one parameter" (see listArg), the values typed as typ: one statement
// text serves any number of keys, so it is prepared once. PostgreSQL gets
// an array: "= ANY" on an indexed column is planned as index lookups,
// even in the plan it caches while the table is still empty; a join with
// a set-returning function (estimated at 100 rows whatever it holds) was
// planned as a scan of the whole table, and that cached plan then read
// every row of it for every group of scans.
func (d dialect) inList(col, typ string) string {
	if d.name == "postgres" {
		return col + " = ANY(CAST(? AS " + typ + "[]))"
	}
	return col + " IN (SELECT value FROM json_each(?))"
}

// listArg is the parameter of inList: the values themselves for
// PostgreSQL (an array), a JSON array for SQLite.
func listArg[T int64 | string](d dialect, vs []T) (any, error) {
	if d.name == "postgres" {
		return vs, nil
	}
	b, err := json.Marshal(vs)
	return string(b), err
}

// insertRows splits a multi-row INSERT INTO head (…) … tail into the
// statements that run it; types are the columns' PostgreSQL types, and
// rows hold driver values (nil for NULL). SQLite binds the values of up
// to 128 rows of VALUES per statement, in chunks of powers of two so that
// a few statement texts serve every batch. PostgreSQL gets one statement
// and one array parameter per column, unnested into rows: one text for
// any number of rows, and the cheapest way to hand rows to the server
// short of COPY (reading them from one JSON parameter instead cost about
// twice the server's time per row). Its parameters must go through pgx
// itself (see pipeIO), which encodes a []any as an array.
func (d dialect) insertRows(head string, types []string, rows [][]any, tail string) ([]string, [][]any, error) {
	if d.name == "postgres" {
		cols := make([]string, len(types))
		args := make([]any, len(types))
		for i, t := range types {
			cols[i] = "CAST(? AS " + t + "[])"
			col := make([]any, len(rows))
			for j, r := range rows {
				col[j] = r[i]
			}
			args[i] = col
		}
		q := head + " SELECT * FROM unnest(" + strings.Join(cols, ", ") + ") WHERE TRUE " + tail
		return []string{q}, [][]any{args}, nil
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(types)), ", ") + ")"
	var qs []string
	var args [][]any
	for len(rows) > 0 {
		n := 128
		for n > len(rows) {
			n /= 2
		}
		a := make([]any, 0, n*len(types))
		for _, r := range rows[:n] {
			a = append(a, r...)
		}
		qs = append(qs, head+" VALUES "+strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")+" "+tail)
		args = append(args, a)
		rows = rows[n:]
	}
	return qs, args, nil
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
