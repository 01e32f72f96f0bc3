package store

import (
	"context"
	"database/sql"
	"errors"
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
	err := db.queryRow(ctx, "SELECT COUNT(*) FROM event_roles WHERE event_id = ? AND person_id = ? AND role = 'scanner'", eventID, personID).Scan(&n)
	return n > 0, err
}

// ExhibitorsOfMember lists the exhibitors at an event whose organization
// the person belongs to.
func (db *DB) ExhibitorsOfMember(ctx context.Context, eventID, personID int64) ([]int64, error) {
	return db.ids(ctx, `SELECT x.id FROM exhibitors x JOIN memberships m ON m.org_id = x.org_id
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

// RecordScans stores a batch of scans in one transaction and answers each:
// a scan whose id is already stored is a duplicate and changes nothing.
// The registration row is locked while its scan is decided, so two scans
// of one badge are decided one after the other on every database.
func (db *DB) RecordScans(ctx context.Context, items []checkin.Item) ([]checkin.Outcome, error) {
	out := make([]checkin.Outcome, len(items))
	err := db.inTx(ctx, func(tx *Tx) error {
		sc := &scanTx{tx: tx, lists: map[int64]map[string]scanPoint{}, exhibitors: map[[2]int64]bool{}, stmts: map[string]*sql.Stmt{}}
		defer func() {
			for _, st := range sc.stmts {
				st.Close()
			}
		}()
		for i := range items {
			o, err := sc.record(ctx, &items[i])
			if err != nil {
				return fmt.Errorf("scan %s: %w", items[i].Scan.ID, err)
			}
			out[i] = o
		}
		return nil
	})
	return out, err
}

type scanPoint struct {
	list checkin.List
	gate checkin.Gate
}

type scanTx struct {
	tx         *Tx
	lists      map[int64]map[string]scanPoint // event → gate code → point
	exhibitors map[[2]int64]bool
	stmts      map[string]*sql.Stmt
}

// stmt prepares a query once per batch: parsing SQL costs more than
// running these small statements, and a batch runs each of them per scan.
func (sc *scanTx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := sc.stmts[q]; ok {
		return st, nil
	}
	st, err := sc.tx.tx.PrepareContext(ctx, sc.tx.db.q(q))
	if err != nil {
		return nil, err
	}
	sc.stmts[q] = st
	return st, nil
}

func (sc *scanTx) queryRow(ctx context.Context, q string, args ...any) rowScanner {
	st, err := sc.stmt(ctx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

func (sc *scanTx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := sc.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

type rowScanner interface{ Scan(...any) error }

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

func (sc *scanTx) point(ctx context.Context, eventID int64, code string) (scanPoint, bool, error) {
	pts, ok := sc.lists[eventID]
	if !ok {
		pts = map[string]scanPoint{}
		lists, err := sc.tx.db.checkinListsTx(ctx, sc.tx, eventID)
		if err != nil {
			return scanPoint{}, false, err
		}
		rows, err := sc.tx.query(ctx, "SELECT id, code, name, hall, list_id FROM gates WHERE event_id = ?", eventID)
		if err != nil {
			return scanPoint{}, false, err
		}
		for rows.Next() {
			g := checkin.Gate{EventID: eventID}
			if err := rows.Scan(&g.ID, &g.Code, &g.Name, &g.Hall, &g.ListID); err != nil {
				rows.Close()
				return scanPoint{}, false, err
			}
			pts[g.Code] = scanPoint{list: lists[g.ListID], gate: g}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return scanPoint{}, false, err
		}
		sc.lists[eventID] = pts
	}
	p, ok := pts[code]
	return p, ok, nil
}

func (db *DB) checkinListsTx(ctx context.Context, tx *Tx, eventID int64) (map[int64]checkin.List, error) {
	rows, err := tx.query(ctx, "SELECT id, name, categories, days, rule, COALESCE(room_id, 0), capacity FROM checkin_lists WHERE event_id = ?", eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]checkin.List{}
	for rows.Next() {
		l := checkin.List{EventID: eventID}
		var cats, days, rule string
		if err := rows.Scan(&l.ID, &l.Name, &cats, &days, &rule, &l.RoomID, &l.Capacity); err != nil {
			return nil, err
		}
		l.Categories, l.Days, l.Rule = splitList(cats), splitList(days), checkin.Rule(rule)
		out[l.ID] = l
	}
	return out, rows.Err()
}

type regRow struct {
	status   string
	version  int
	category string
}

// lockSuffix locks the rows a query reads until the transaction ends; a
// SQLite transaction already holds the one write lock.
func (db *DB) lockSuffix() string {
	if db.dialect.name == "postgres" {
		return " FOR UPDATE"
	}
	return ""
}

func (sc *scanTx) record(ctx context.Context, it *checkin.Item) (checkin.Outcome, error) {
	s := it.Scan
	o := checkin.Outcome{ID: s.ID, RegistrationID: it.Claims.RegistrationID, Category: it.Claims.Category}
	if !checkin.ValidID(s.ID) {
		o.Status, o.Result, o.Reason = checkin.StatusRejected, checkin.Rejected, checkin.ReasonInvalid
		return o, nil
	}
	reason := it.Refused
	var pt scanPoint
	if reason == "" && s.Kind != checkin.KindLead {
		var ok bool
		var err error
		if pt, ok, err = sc.point(ctx, it.EventID, s.Point); err != nil {
			return o, err
		} else if !ok {
			reason = checkin.ReasonPoint
		}
	}
	var st checkin.State
	if reason == "" {
		var err error
		if reason, st, err = sc.check(ctx, it, &pt); err != nil {
			return o, err
		}
	}
	result := checkin.Accepted
	if reason != "" {
		result = checkin.Rejected
		if s.Offline {
			result = checkin.Offline(reason)
		}
	}
	inserted, err := sc.insertScan(ctx, it, &pt, result, reason)
	if err != nil {
		return o, err
	}
	if !inserted {
		return sc.duplicate(ctx, o)
	}
	o.Result, o.Reason, o.Status = result, reason, checkin.StatusAccepted
	if result == checkin.Rejected {
		o.Status = checkin.StatusRejected
		return o, nil
	}
	if s.Kind == checkin.KindLead {
		return o, sc.saveLead(ctx, it)
	}
	next := checkin.Apply(st, s.Kind, it.Day)
	_, err = sc.exec(ctx, `INSERT INTO checkin_state (list_id, registration_id, inside, day, day_count, total, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (list_id, registration_id) DO UPDATE SET inside = excluded.inside, day = excluded.day, day_count = excluded.day_count,
		total = excluded.total, last_at = excluded.last_at`,
		pt.list.ID, it.Claims.RegistrationID, next.Inside, next.Day, next.DayCount, next.Total, s.ScannedAt.UTC())
	return o, err
}

// check applies the badge's registration and the list's rule to a scan.
func (sc *scanTx) check(ctx context.Context, it *checkin.Item, pt *scanPoint) (checkin.Reason, checkin.State, error) {
	var st checkin.State
	var reg regRow
	err := sc.queryRow(ctx, "SELECT status, badge_version, category FROM registrations WHERE id = ? AND event_id = ?"+sc.tx.db.lockSuffix(),
		it.Claims.RegistrationID, it.EventID).Scan(&reg.status, &reg.version, &reg.category)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return checkin.ReasonUnknown, st, nil
	case err != nil:
		return "", st, err
	case reg.status != "active":
		return checkin.ReasonCancelled, st, nil
	case it.Claims.Version < reg.version:
		return checkin.ReasonRevoked, st, nil
	}
	if it.Scan.Kind == checkin.KindLead {
		ok, err := sc.exhibitorAt(ctx, it.EventID, it.Scan.Exhibitor)
		if err != nil || !ok {
			return checkin.ReasonForbidden, st, err
		}
		return "", st, nil
	}
	if !it.Claims.ValidOn(it.Day) {
		return checkin.ReasonWrongDay, st, nil
	}
	if ok, why := pt.list.Covers(reg.category, it.Day); !ok && it.Scan.Kind == checkin.KindCheckin {
		return why, st, nil
	}
	err = sc.queryRow(ctx, "SELECT inside, day, day_count, total FROM checkin_state WHERE list_id = ? AND registration_id = ?",
		pt.list.ID, it.Claims.RegistrationID).Scan(&st.Inside, &st.Day, &st.DayCount, &st.Total)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", st, err
	}
	inside := 0
	if pt.list.Capacity > 0 {
		if err := sc.queryRow(ctx, "SELECT COUNT(*) FROM checkin_state WHERE list_id = ? AND inside = TRUE AND day = ?",
			pt.list.ID, it.Day).Scan(&inside); err != nil {
			return "", st, err
		}
	}
	return checkin.Decide(&pt.list, st, it.Scan.Kind, it.Day, inside), st, nil
}

func (sc *scanTx) exhibitorAt(ctx context.Context, eventID, exhibitorID int64) (bool, error) {
	k := [2]int64{eventID, exhibitorID}
	if ok, seen := sc.exhibitors[k]; seen {
		return ok, nil
	}
	var n int
	err := sc.queryRow(ctx, "SELECT COUNT(*) FROM exhibitors WHERE id = ? AND event_id = ?", exhibitorID, eventID).Scan(&n)
	sc.exhibitors[k] = n > 0
	return n > 0, err
}

func (sc *scanTx) insertScan(ctx context.Context, it *checkin.Item, pt *scanPoint, result checkin.Result, reason checkin.Reason) (bool, error) {
	s := it.Scan
	res, err := sc.exec(ctx, `INSERT INTO scans (id, event_id, registration_id, kind, point, list_id, exhibitor_id, category, result, reason, offline, day, scanned_at, received_at, scanner_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		s.ID, it.EventID, nullID(it.Claims.RegistrationID), string(s.Kind), s.Point, nullID(pt.list.ID), nullID(s.Exhibitor), it.Claims.Category,
		string(result), string(reason), s.Offline, it.Day, s.ScannedAt.UTC(), sc.tx.db.Now(), nullID(it.ScannerID))
	if err != nil {
		return false, sc.tx.db.dialect.translate(err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func (sc *scanTx) duplicate(ctx context.Context, o checkin.Outcome) (checkin.Outcome, error) {
	var result, reason string
	err := sc.queryRow(ctx, "SELECT result, reason FROM scans WHERE id = ?", o.ID).Scan(&result, &reason)
	o.Status, o.Result, o.Reason = checkin.StatusDuplicate, checkin.Result(result), checkin.Reason(reason)
	return o, err
}

func (sc *scanTx) saveLead(ctx context.Context, it *checkin.Item) error {
	s := it.Scan
	_, err := sc.exec(ctx, `INSERT INTO leads (event_id, exhibitor_id, registration_id, scan_id, rating, note, day, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (exhibitor_id, registration_id) DO UPDATE SET
		rating = CASE WHEN excluded.rating > 0 THEN excluded.rating ELSE leads.rating END,
		note = CASE WHEN excluded.note <> '' THEN excluded.note ELSE leads.note END`,
		it.EventID, s.Exhibitor, it.Claims.RegistrationID, s.ID, s.Rating, s.Note, it.Day, s.ScannedAt.UTC())
	return sc.tx.db.dialect.translate(err)
}
