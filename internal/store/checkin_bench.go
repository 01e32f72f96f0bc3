package store

import (
	"context"
	"time"
)

// InsertPlainScan writes one scan row with no checks, in its own
// transaction: the baseline `ketnoi bench checkin` compares recorded scans
// with (the cost of a durable write, and nothing else).
func (db *DB) InsertPlainScan(ctx context.Context, id string, eventID int64, at time.Time) error {
	_, err := db.exec(ctx, `INSERT INTO scans (id, event_id, kind, point, result, day, scanned_at, received_at)
		VALUES (?, ?, 'plain', 'bench', 'accepted', '', ?, ?)`, id, eventID, at, at)
	return err
}

// CountScans counts an event's stored scans of a result ("" for all).
func (db *DB) CountScans(ctx context.Context, eventID int64, result string) (int, error) {
	var n int
	err := db.queryRow(ctx, "SELECT COUNT(*) FROM scans WHERE event_id = ? AND (? = '' OR result = ?)", eventID, result, result).Scan(&n)
	return n, err
}

// ScanIDs returns the ids of an event's stored scans.
func (db *DB) ScanIDs(ctx context.Context, eventID int64) (map[string]int, error) {
	rows, err := db.query(ctx, "SELECT id FROM scans WHERE event_id = ?", eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id]++
	}
	return out, rows.Err()
}
