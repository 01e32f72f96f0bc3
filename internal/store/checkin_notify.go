package store

import (
	"context"
	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5/stdlib"
)

var channelRE = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// CanNotify reports whether Notify reaches other instances (PostgreSQL);
// on SQLite one process serves, and callers signal in memory.
func (db *DB) CanNotify() bool { return db.dialect.name == "postgres" }

// Notify sends payload on a PostgreSQL channel to every instance listening.
func (db *DB) Notify(ctx context.Context, channel, payload string) error {
	if !db.CanNotify() {
		return nil
	}
	_, err := db.exec(ctx, "SELECT pg_notify(?, ?)", channel, payload)
	return err
}

// Listen calls fn with each payload sent on channel until ctx ends. It
// holds one connection of its own for as long as it listens.
func (db *DB) Listen(ctx context.Context, channel string, fn func(payload string)) error {
	if !db.CanNotify() {
		<-ctx.Done()
		return nil
	}
	if !channelRE.MatchString(channel) {
		return fmt.Errorf("listen: bad channel name %q", channel)
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pg := dc.(*stdlib.Conn).Conn()
		if _, err := pg.Exec(ctx, "LISTEN "+channel); err != nil {
			return fmt.Errorf("listen: %w", err)
		}
		for {
			n, err := pg.WaitForNotification(ctx)
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return fmt.Errorf("listen: %w", err)
			}
			fn(n.Payload)
		}
	})
}
