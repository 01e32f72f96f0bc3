package store

import (
	"context"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// ExecForTest runs a statement the store has no method for (tests only).
func (db *DB) ExecForTest(ctx context.Context, q string, args ...any) error {
	_, err := db.exec(ctx, q, args...)
	return err
}

// MigrateDownToForTest rolls the schema back to a version (tests only), so
// that a test can write rows as an older release did and migrate them up.
func (db *DB) MigrateDownToForTest(ctx context.Context, version int64) error {
	sub, err := fs.Sub(migrations, "migrations/"+db.dialect.name)
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(db.dialect.goose, db.sql, sub)
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, version)
	return err
}
