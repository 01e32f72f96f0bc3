package store

import (
	"context"
	"fmt"
	"strings"

	"ketnoi/internal/checkin"
)

// CreateCheckinList adds a check-in list to an event.
func (db *DB) CreateCheckinList(ctx context.Context, l *checkin.List) error {
	err := db.queryRow(ctx, `INSERT INTO checkin_lists (event_id, name, categories, days, rule, room_id, capacity)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		l.EventID, l.Name, strings.Join(l.Categories, ","), strings.Join(l.Days, ","), string(l.Rule), nullID(l.RoomID), l.Capacity).Scan(&l.ID)
	if err != nil {
		return fmt.Errorf("create check-in list: %w", db.dialect.translate(err))
	}
	return nil
}

// CheckinLists lists an event's check-in lists.
func (db *DB) CheckinLists(ctx context.Context, eventID int64) ([]checkin.List, error) {
	rows, err := db.query(ctx, "SELECT id, event_id, name, categories, days, rule, COALESCE(room_id, 0), capacity FROM checkin_lists WHERE event_id = ? ORDER BY id", eventID)
	if err != nil {
		return nil, fmt.Errorf("check-in lists: %w", err)
	}
	defer rows.Close()
	out := []checkin.List{}
	for rows.Next() {
		var l checkin.List
		var cats, days, rule string
		if err := rows.Scan(&l.ID, &l.EventID, &l.Name, &cats, &days, &rule, &l.RoomID, &l.Capacity); err != nil {
			return nil, err
		}
		l.Categories, l.Days, l.Rule = splitList(cats), splitList(days), checkin.Rule(rule)
		out = append(out, l)
	}
	return out, rows.Err()
}

func splitList(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}

// CreateGate adds a gate on one of the event's lists.
func (db *DB) CreateGate(ctx context.Context, g *checkin.Gate) error {
	err := db.queryRow(ctx, `INSERT INTO gates (event_id, code, name, hall, list_id)
		SELECT ?, ?, ?, ?, id FROM checkin_lists WHERE id = ? AND event_id = ? RETURNING id`,
		g.EventID, g.Code, g.Name, g.Hall, g.ListID, g.EventID).Scan(&g.ID)
	if err != nil {
		return fmt.Errorf("create gate: %w", notFound(db.dialect.translate(err), "Check-in list"))
	}
	return nil
}

// Gates lists an event's gates.
func (db *DB) Gates(ctx context.Context, eventID int64) ([]checkin.Gate, error) {
	rows, err := db.query(ctx, "SELECT id, event_id, code, name, hall, list_id FROM gates WHERE event_id = ? ORDER BY code", eventID)
	if err != nil {
		return nil, fmt.Errorf("gates: %w", err)
	}
	defer rows.Close()
	out := []checkin.Gate{}
	for rows.Next() {
		var g checkin.Gate
		if err := rows.Scan(&g.ID, &g.EventID, &g.Code, &g.Name, &g.Hall, &g.ListID); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// AddScannerStaff lets a person scan badges at the event's gates.
func (db *DB) AddScannerStaff(ctx context.Context, eventID, personID int64) error {
	_, err := db.exec(ctx, "INSERT INTO event_roles (event_id, person_id, role) VALUES (?, ?, 'scanner')", eventID, personID)
	return db.dialect.translate(err)
}

// IsScannerStaff reports whether a person scans at the event's gates.
func (db *DB) IsScannerStaff(ctx context.Context, eventID, personID int64) (bool, error) {
	var n int
	err := db.queryRowPrepared(ctx, "SELECT COUNT(*) FROM event_roles WHERE event_id = ? AND person_id = ? AND role = 'scanner'", eventID, personID).Scan(&n)
	return n > 0, err
}

// ExhibitorsOfMember lists the exhibitors at an event whose organization
// the person belongs to.
func (db *DB) ExhibitorsOfMember(ctx context.Context, eventID, personID int64) ([]int64, error) {
	return db.preparedIDs(ctx, `SELECT x.id FROM exhibitors x JOIN memberships m ON m.org_id = x.org_id
		WHERE x.event_id = ? AND m.person_id = ? ORDER BY x.id`, eventID, personID)
}

// Revocation is a registration whose older badges no longer admit.
type Revocation struct {
	RegistrationID int64 `json:"registration_id"`
	MinVersion     int   `json:"min_version"` // badges below this version are revoked
	Cancelled      bool  `json:"cancelled"`   // every badge is revoked
}

// Revocations is the list offline scanners download.
func (db *DB) Revocations(ctx context.Context, eventID int64) ([]Revocation, error) {
	rows, err := db.query(ctx, `SELECT id, badge_version, status FROM registrations
		WHERE event_id = ? AND (badge_version > 1 OR status <> 'active') ORDER BY id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("revocations: %w", err)
	}
	defer rows.Close()
	out := []Revocation{}
	for rows.Next() {
		var r Revocation
		var status string
		if err := rows.Scan(&r.RegistrationID, &r.MinVersion, &status); err != nil {
			return nil, err
		}
		r.Cancelled = status != "active"
		out = append(out, r)
	}
	return out, rows.Err()
}
