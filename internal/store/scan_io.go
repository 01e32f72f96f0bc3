package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// scanIO is how a scan transaction reaches the database. A group of scans
// is decided with a few reads and stored with a few writes whatever its
// size; on PostgreSQL each statement would otherwise cost a round trip to
// the server, and the round trips, not the work, made most of a group's
// time (and of the latency of every scan queued behind it). So:
//
//   - SQLite (sqlScanIO) runs each statement in turn on a database/sql
//     transaction: the database is in the process, a statement costs no
//     round trip;
//   - PostgreSQL (pipeIO) sends BEGIN with the first reads in one round
//     trip (pgx pipelining) and the writes with the COMMIT in another.
type scanIO interface {
	// read runs the queries in order, calling each one's row function
	// for every row it returns.
	read(ctx context.Context, qs ...scanRead) error
	// write runs the statements in order and commits the transaction.
	write(ctx context.Context, ws []scanWrite) error
}

// scanRead is a query of a scan transaction (placeholders "?").
type scanRead struct {
	q    string
	args []any
	row  func(rowScanner) error
}

// scanWrite is a statement of a scan transaction; rows >= 0 is how many
// rows it must write, else the batch lost a race (errScanRaced).
type scanWrite struct {
	q    string
	args []any
	rows int64
}

type rowScanner interface{ Scan(...any) error }

// inScanTx runs fn in one scan transaction, committed by fn's last write.
func (db *DB) inScanTx(ctx context.Context, fn func(io scanIO) error) error {
	if db.dialect.name == "postgres" {
		return db.inPipeTx(ctx, fn)
	}
	io := &sqlScanIO{}
	err := db.inTx(ctx, func(tx *Tx) error {
		io.tx = tx
		return fn(io)
	})
	for q := range io.local {
		db.prepared(ctx, q) // for the next groups; an error shows there
	}
	return err
}

// sqlScanIO runs a scan transaction's statements one after the other.
type sqlScanIO struct {
	tx *Tx
	// local holds the statements prepared on the transaction's own
	// connection because the pool had none yet; inScanTx prepares them
	// for the pool once the transaction is over.
	local map[string]*sql.Stmt
}

// stmt is q prepared once for the pool and bound to the transaction. A
// text not prepared yet is prepared on the transaction's own connection
// this time, and for the pool after the transaction (see inScanTx):
// preparing for the pool takes a second connection, which a transaction
// must never wait for while it holds one (with every pooled connection
// held by a transaction waiting for SQLite's write lock, it would wait
// for ever).
func (s *sqlScanIO) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := s.tx.db.stmts.Load(q); ok {
		return s.tx.tx.StmtContext(ctx, st.(*sql.Stmt)), nil
	}
	if st, ok := s.local[q]; ok {
		return st, nil
	}
	st, err := s.tx.tx.PrepareContext(ctx, s.tx.db.q(q))
	if err != nil {
		return nil, err
	}
	if s.local == nil {
		s.local = map[string]*sql.Stmt{}
	}
	s.local[q] = st
	return st, nil
}

func (s *sqlScanIO) read(ctx context.Context, qs ...scanRead) error {
	for _, r := range qs {
		if err := s.readOne(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

func (s *sqlScanIO) readOne(ctx context.Context, r scanRead) error {
	st, err := s.stmt(ctx, r.q)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, r.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := r.row(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *sqlScanIO) write(ctx context.Context, ws []scanWrite) error {
	for _, w := range ws {
		st, err := s.stmt(ctx, w.q)
		if err != nil {
			return err
		}
		res, err := st.ExecContext(ctx, w.args...)
		if err != nil {
			return s.tx.db.dialect.translate(err)
		}
		if w.rows >= 0 {
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			if n != w.rows {
				return errScanRaced
			}
		}
	}
	return nil // inTx commits
}

// pipeIO runs a scan transaction on one PostgreSQL connection with pgx's
// pipelining: each call is one round trip, the first one beginning the
// transaction, the write committing it.
type pipeIO struct {
	conn  *pgx.Conn
	db    *DB
	begun bool
}

// inPipeTx runs fn on a connection of the check-in writers' pool, used
// through pgx directly.
// Whatever fn leaves open is rolled back; a connection that cannot be
// rolled back is closed, so the pool drops it.
func (db *DB) inPipeTx(ctx context.Context, fn func(io scanIO) error) error {
	c, err := db.scanSQL.Conn(ctx)
	if err != nil {
		return fmt.Errorf("scan transaction: %w", err)
	}
	defer c.Close()
	return c.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("scan transaction: unexpected driver connection %T", dc)
		}
		io := &pipeIO{conn: sc.Conn(), db: db}
		err := fn(io)
		if io.conn.PgConn().TxStatus() != 'I' {
			if _, rerr := io.conn.Exec(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
				io.conn.Close(context.WithoutCancel(ctx))
			}
		}
		return err
	})
}

func (p *pipeIO) batch() *pgx.Batch {
	b := &pgx.Batch{}
	if !p.begun {
		b.Queue("BEGIN")
		p.begun = true
	}
	return b
}

func (p *pipeIO) read(ctx context.Context, qs ...scanRead) error {
	b := p.batch()
	for _, r := range qs {
		b.Queue(p.db.q(r.q), r.args...).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				if err := r.row(rows); err != nil {
					return err
				}
			}
			return rows.Err()
		})
	}
	return p.send(ctx, b)
}

func (p *pipeIO) write(ctx context.Context, ws []scanWrite) error {
	b := p.batch()
	for _, w := range ws {
		b.Queue(p.db.q(w.q), w.args...).Exec(func(ct pgconn.CommandTag) error {
			if w.rows >= 0 && ct.RowsAffected() != w.rows {
				return errScanRaced
			}
			return nil
		})
	}
	b.Queue("COMMIT").Exec(func(ct pgconn.CommandTag) error {
		if ct.String() != "COMMIT" {
			return errors.New("commit: the transaction was rolled back")
		}
		return nil
	})
	return p.send(ctx, b)
}

func (p *pipeIO) send(ctx context.Context, b *pgx.Batch) error {
	err := p.conn.SendBatch(ctx, b).Close()
	if isScanIDConflict(err) {
		return errScanRaced
	}
	return p.db.dialect.translate(err)
}

// isScanIDConflict reports a scan id stored meanwhile by a concurrent
// transaction: the pipelined insert of the scans has no ON CONFLICT
// clause, so that the conflict aborts the transaction before the COMMIT
// that follows it in the pipeline.
func isScanIDConflict(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "23505" && pg.ConstraintName == "scans_pkey"
}
