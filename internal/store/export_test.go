package store

import "context"

// ExecForTest runs a statement the store has no method for (tests only).
func (db *DB) ExecForTest(ctx context.Context, q string, args ...any) error {
	_, err := db.exec(ctx, q, args...)
	return err
}
