package store

import "context"

// AccessVersion is a number that changes whenever something that decides
// who may do what changes: a session ends, a person changes, memberships,
// event roles or exhibitors change (database triggers bump it, whoever
// writes). Instances keep signed-in viewers in memory and let go of them
// when it moves.
func (db *DB) AccessVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.queryRowPrepared(ctx, "SELECT version FROM access_version WHERE id = 1").Scan(&v)
	return v, err
}
