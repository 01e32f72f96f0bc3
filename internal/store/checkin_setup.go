package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
)

// UpdateCheckinList changes a list's name, categories, days, rule, room
// and capacity; a list of another event is not found.
func (db *DB) UpdateCheckinList(ctx context.Context, l *checkin.List) error {
	res, err := db.exec(ctx, `UPDATE checkin_lists SET name = ?, categories = ?, days = ?, rule = ?, room_id = ?, capacity = ?
		WHERE id = ? AND event_id = ?`,
		l.Name, strings.Join(l.Categories, ","), strings.Join(l.Days, ","), string(l.Rule), nullID(l.RoomID), l.Capacity, l.ID, l.EventID)
	if err != nil {
		return fmt.Errorf("update check-in list: %w", db.dialect.translate(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Check-in list")
	}
	return nil
}

// CheckinList reads one list of an event.
func (db *DB) CheckinList(ctx context.Context, eventID, id int64) (checkin.List, error) {
	ls, err := db.CheckinLists(ctx, eventID)
	if err != nil {
		return checkin.List{}, err
	}
	for _, l := range ls {
		if l.ID == id {
			return l, nil
		}
	}
	return checkin.List{}, errNotFound("Check-in list")
}

// CreateGates adds the scan points of one gate, all or none: a taken code
// leaves nothing written.
func (db *DB) CreateGates(ctx context.Context, gs []checkin.Gate) error {
	return db.inTx(ctx, func(tx *Tx) error {
		for i := range gs {
			g := &gs[i]
			err := tx.queryRow(ctx, `INSERT INTO gates (event_id, code, name, hall, list_id)
				SELECT ?, ?, ?, ?, id FROM checkin_lists WHERE id = ? AND event_id = ? RETURNING id`,
				g.EventID, g.Code, g.Name, g.Hall, g.ListID, g.EventID).Scan(&g.ID)
			if err = notFound(db.dialect.translate(err), "Check-in list"); apperr.Is(err, apperr.Conflict) {
				return &apperr.Error{Code: apperr.Conflict, Message: "The scan point code " + g.Code + " is taken.",
					Fields: map[string]string{"codes": "is taken: " + g.Code}, Err: err}
			} else if err != nil {
				return fmt.Errorf("create gate: %w", err)
			}
		}
		return nil
	})
}

// DeleteGate removes one scan point of an event; scans it recorded keep
// its code.
func (db *DB) DeleteGate(ctx context.Context, eventID, id int64) error {
	res, err := db.exec(ctx, "DELETE FROM gates WHERE id = ? AND event_id = ?", id, eventID)
	if err != nil {
		return fmt.Errorf("delete gate: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Scan point")
	}
	return nil
}

// StaffMember is a person who may scan at an event's gates.
type StaffMember struct {
	PersonID int64
	Name     string
	Email    string
}

// ScannerStaff lists the event's gate staff by name.
func (db *DB) ScannerStaff(ctx context.Context, eventID int64) ([]StaffMember, error) {
	rows, err := db.query(ctx, `SELECT p.id, p.name, p.email FROM event_roles r JOIN people p ON p.id = r.person_id
		WHERE r.event_id = ? AND r.role = 'scanner' ORDER BY p.name, p.id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("scanner staff: %w", err)
	}
	defer rows.Close()
	out := []StaffMember{}
	for rows.Next() {
		var m StaffMember
		if err := rows.Scan(&m.PersonID, &m.Name, &m.Email); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// RemoveScannerStaff takes a person's scanner role at the event away; an
// organizer stays an organizer.
func (db *DB) RemoveScannerStaff(ctx context.Context, eventID, personID int64) error {
	_, err := db.exec(ctx, "DELETE FROM event_roles WHERE event_id = ? AND person_id = ? AND role = 'scanner'", eventID, personID)
	return err
}

// BadgeCodeKey returns the event's first badge key, which registration
// codes are derived from: unlike the signing key it never changes, so a
// code mailed before a key rotation still works. It is made on first use.
func (db *DB) BadgeCodeKey(ctx context.Context, eventID int64) (badge.Key, error) {
	var id uint32
	var seed string
	err := db.queryRow(ctx, "SELECT kid, private_key FROM badge_keys WHERE event_id = ? ORDER BY kid LIMIT 1", eventID).Scan(&id, &seed)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := db.SigningKey(ctx, eventID); err != nil {
			return badge.Key{}, err
		}
		return db.BadgeCodeKey(ctx, eventID)
	}
	if err != nil {
		return badge.Key{}, fmt.Errorf("badge code key: %w", err)
	}
	return db.keyFrom(eventID, id, seed)
}
