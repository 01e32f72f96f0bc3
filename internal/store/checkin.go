package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

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

// RecordScans stores a batch of scans in one transaction and answers each:
// a scan whose id is already stored is a duplicate and changes nothing.
// The registration rows of the batch are locked (in id order) before any
// scan is decided, so two scans of one badge are decided one after the
// other on every database, whichever transactions they arrive in.
//
// The batch costs a fixed number of statements however many scans it
// holds: one read of the registrations, one of the scan ids already
// stored, one of the badges' states (keys passed as one JSON parameter),
// then multi-row inserts of the scans and of the states (dialect.insertRows);
// the rules run in memory between the reads and the writes, scan after
// scan, in the order of the batch.
func (db *DB) RecordScans(ctx context.Context, items []checkin.Item) ([]checkin.Outcome, error) {
	for attempt := 1; ; attempt++ {
		out := make([]checkin.Outcome, len(items))
		var sc *scanTx
		err := db.inTx(ctx, func(tx *Tx) error {
			sc = &scanTx{tx: tx, lists: map[int64]map[string]scanPoint{}, exhibitors: map[[2]int64]bool{},
				inside: map[listDay]int{}, insideRead: map[listDay]bool{}}
			return sc.recordAll(ctx, items, out)
		})
		if sc != nil {
			for q := range sc.local {
				db.prepared(ctx, q) // for the next batches; an error shows there
			}
		}
		// A scan id stored by a concurrent transaction since it was looked
		// up (PostgreSQL: the same scan sent twice at once with different
		// badges): decide the batch again, now seeing it.
		if errors.Is(err, errScanRaced) && attempt < 5 {
			continue
		}
		return out, err
	}
}

var errScanRaced = errors.New("a scan id was stored by a concurrent transaction")

type scanPoint struct {
	list checkin.List
	gate checkin.Gate
}

type listDay struct {
	list int64
	day  string
}

type stateKey struct{ list, reg int64 }

type scanTx struct {
	tx         *Tx
	lists      map[int64]map[string]scanPoint // event → gate code → point
	exhibitors map[[2]int64]bool
	// inside is the change to the count of badges inside per list and
	// day made by this batch; insideRead marks the counts read from the
	// database (the count before the batch) and added in.
	inside     map[listDay]int
	insideRead map[listDay]bool
	// local holds the statements prepared on the transaction's connection
	// because the pool had none yet; RecordScans prepares them for the
	// pool once the transaction is over.
	local map[string]*sql.Stmt
}

// stmt is q prepared once for the pool and bound to the transaction. A
// text not prepared yet is prepared on the transaction's own connection
// this time, and for the pool after the transaction (see RecordScans):
// preparing for the pool takes a second connection, which a transaction
// must never wait for while it holds one (with every pooled connection
// held by a transaction waiting for SQLite's write lock, it would wait
// for ever).
func (sc *scanTx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := sc.tx.db.stmts.Load(q); ok {
		return sc.tx.tx.StmtContext(ctx, st.(*sql.Stmt)), nil
	}
	if st, ok := sc.local[q]; ok {
		return st, nil
	}
	st, err := sc.tx.tx.PrepareContext(ctx, sc.tx.db.q(q))
	if err != nil {
		return nil, err
	}
	if sc.local == nil {
		sc.local = map[string]*sql.Stmt{}
	}
	sc.local[q] = st
	return st, nil
}

func (sc *scanTx) queryRow(ctx context.Context, q string, args ...any) rowScanner {
	st, err := sc.stmt(ctx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

func (sc *scanTx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := sc.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
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
		var err error
		if pts, err = sc.points(ctx, eventID); err != nil {
			return scanPoint{}, false, err
		}
		sc.lists[eventID] = pts
	}
	p, ok := pts[code]
	return p, ok, nil
}

// points reads an event's scan points with their lists, in one query: a
// scan transaction pays a round trip per statement.
func (sc *scanTx) points(ctx context.Context, eventID int64) (map[string]scanPoint, error) {
	rows, err := sc.query(ctx, `SELECT g.id, g.code, g.name, g.hall, g.list_id, COALESCE(l.id, 0),
		COALESCE(l.name, ''), COALESCE(l.categories, ''), COALESCE(l.days, ''), COALESCE(l.rule, ''), COALESCE(l.room_id, 0), COALESCE(l.capacity, 0)
		FROM gates g LEFT JOIN checkin_lists l ON l.id = g.list_id WHERE g.event_id = ?`, eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	pts := map[string]scanPoint{}
	for rows.Next() {
		g := checkin.Gate{EventID: eventID}
		var l checkin.List
		var cats, days, rule string
		if err := rows.Scan(&g.ID, &g.Code, &g.Name, &g.Hall, &g.ListID, &l.ID, &l.Name, &cats, &days, &rule, &l.RoomID, &l.Capacity); err != nil {
			return nil, err
		}
		if l.ID != 0 { // a gate's list, when it has one
			l.EventID = eventID
			l.Categories, l.Days, l.Rule = splitList(cats), splitList(days), checkin.Rule(rule)
		}
		pts[g.Code] = scanPoint{list: l, gate: g}
	}
	return pts, rows.Err()
}

type regRow struct {
	eventID  int64
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

// scanStep is one scan of a batch on its way through recordAll.
type scanStep struct {
	reason checkin.Reason
	pt     scanPoint
	skip   bool // answered already, nothing to store
}

type storedScan struct {
	result checkin.Result
	reason checkin.Reason
}

func (sc *scanTx) recordAll(ctx context.Context, items []checkin.Item, out []checkin.Outcome) error {
	steps := make([]scanStep, len(items))
	var regIDs []int64
	var scanIDs []string
	for i := range items {
		it, p := &items[i], &steps[i]
		s := it.Scan
		out[i] = checkin.Outcome{ID: s.ID, RegistrationID: it.Claims.RegistrationID, Category: it.Claims.Category}
		if !checkin.ValidID(s.ID) {
			out[i].Status, out[i].Result, out[i].Reason = checkin.StatusRejected, checkin.Rejected, checkin.ReasonInvalid
			p.skip = true
			continue
		}
		scanIDs = append(scanIDs, s.ID)
		p.reason = it.Refused
		if p.reason == "" && s.Kind != checkin.KindLead {
			pt, ok, err := sc.point(ctx, it.EventID, s.Point)
			if err != nil {
				return err
			}
			if p.pt = pt; !ok {
				p.reason = checkin.ReasonPoint
			}
		}
		if p.reason == "" {
			regIDs = append(regIDs, it.Claims.RegistrationID)
		}
	}
	regs, err := sc.registrations(ctx, regIDs)
	if err != nil {
		return err
	}
	stored, err := sc.storedScans(ctx, scanIDs)
	if err != nil {
		return err
	}
	var keys []stateKey
	for i := range items {
		if p := &steps[i]; !p.skip && p.reason == "" && items[i].Scan.Kind != checkin.KindLead {
			keys = append(keys, stateKey{p.pt.list.ID, items[i].Claims.RegistrationID})
		}
	}
	states, err := sc.states(ctx, keys)
	if err != nil {
		return err
	}

	var rows [][]any
	var leads []*checkin.Item
	changed := map[stateKey]time.Time{}
	for i := range items {
		it, p := &items[i], &steps[i]
		if p.skip {
			continue
		}
		s := it.Scan
		if prev, ok := stored[s.ID]; ok {
			out[i].Status, out[i].Result, out[i].Reason = checkin.StatusDuplicate, prev.result, prev.reason
			continue
		}
		reason, key := p.reason, stateKey{p.pt.list.ID, it.Claims.RegistrationID}
		if reason == "" {
			if reason, err = sc.decide(ctx, it, &p.pt, regs[it.Claims.RegistrationID], states[key]); err != nil {
				return fmt.Errorf("scan %s: %w", s.ID, err)
			}
		}
		result := checkin.Accepted
		if reason != "" {
			result = checkin.Rejected
			if s.Offline {
				result = checkin.Offline(reason)
			}
		}
		stored[s.ID] = storedScan{result, reason}
		rows = append(rows, sc.scanRow(it, &p.pt, result, reason))
		out[i].Result, out[i].Reason, out[i].Status = result, reason, checkin.StatusAccepted
		switch {
		case result == checkin.Rejected:
			out[i].Status = checkin.StatusRejected
		case s.Kind == checkin.KindLead:
			leads = append(leads, it)
		default:
			before := states[key]
			next := checkin.Apply(before, s.Kind, it.Day)
			sc.moved(p.pt.list.ID, before, next)
			states[key], changed[key] = next, s.ScannedAt
		}
	}
	if err := sc.insertScans(ctx, rows); err != nil {
		return err
	}
	if err := sc.saveStates(ctx, states, changed); err != nil {
		return err
	}
	for _, it := range leads {
		if err := sc.saveLead(ctx, it); err != nil {
			return fmt.Errorf("scan %s: %w", it.Scan.ID, err)
		}
	}
	return nil
}

// decide applies the badge's registration and the list's rule to a scan.
func (sc *scanTx) decide(ctx context.Context, it *checkin.Item, pt *scanPoint, reg *regRow, st checkin.State) (checkin.Reason, error) {
	switch {
	case reg == nil || reg.eventID != it.EventID:
		return checkin.ReasonUnknown, nil
	case reg.status != "active":
		return checkin.ReasonCancelled, nil
	case it.Claims.Version < reg.version:
		return checkin.ReasonRevoked, nil
	}
	if it.Scan.Kind == checkin.KindLead {
		ok, err := sc.exhibitorAt(ctx, it.EventID, it.Scan.Exhibitor)
		if err != nil || !ok {
			return checkin.ReasonForbidden, err
		}
		return "", nil
	}
	if !it.Claims.ValidOn(it.Day) {
		return checkin.ReasonWrongDay, nil
	}
	if ok, why := pt.list.Covers(reg.category, it.Day); !ok && it.Scan.Kind == checkin.KindCheckin {
		return why, nil
	}
	inside := 0
	if pt.list.Capacity > 0 {
		var err error
		if inside, err = sc.insideNow(ctx, pt.list.ID, it.Day); err != nil {
			return "", err
		}
	}
	return checkin.Decide(&pt.list, st, it.Scan.Kind, it.Day, inside), nil
}

// registrations reads and locks the registrations of a batch, in id order
// so that concurrent batches never wait for each other in a circle.
func (sc *scanTx) registrations(ctx context.Context, ids []int64) (map[int64]*regRow, error) {
	out := map[int64]*regRow{}
	if len(ids) == 0 {
		return out, nil
	}
	arg, err := jsonList(ids)
	if err != nil {
		return nil, err
	}
	rows, err := sc.query(ctx, `SELECT id, event_id, status, badge_version, category FROM registrations
		WHERE id IN (`+sc.tx.db.dialect.valuesIn("bigint")+`) ORDER BY id`+sc.tx.db.lockSuffix(), arg)
	if err != nil {
		return nil, fmt.Errorf("registrations of scans: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		r := &regRow{}
		if err := rows.Scan(&id, &r.eventID, &r.status, &r.version, &r.category); err != nil {
			return nil, err
		}
		out[id] = r
	}
	return out, rows.Err()
}

// storedScans reads which of ids are stored already, with their results.
func (sc *scanTx) storedScans(ctx context.Context, ids []string) (map[string]storedScan, error) {
	out := map[string]storedScan{}
	if len(ids) == 0 {
		return out, nil
	}
	arg, err := jsonList(ids)
	if err != nil {
		return nil, err
	}
	rows, err := sc.query(ctx, `SELECT id, result, reason FROM scans WHERE id IN (`+sc.tx.db.dialect.valuesIn("text")+`)`, arg)
	if err != nil {
		return nil, fmt.Errorf("stored scans: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, result, reason string
		if err := rows.Scan(&id, &result, &reason); err != nil {
			return nil, err
		}
		out[id] = storedScan{checkin.Result(result), checkin.Reason(reason)}
	}
	return out, rows.Err()
}

// states reads the badges' standing on their lists (every pair of the
// lists and badges asked: a few more rows than needed at most).
func (sc *scanTx) states(ctx context.Context, keys []stateKey) (map[stateKey]checkin.State, error) {
	out := map[stateKey]checkin.State{}
	if len(keys) == 0 {
		return out, nil
	}
	var lists, regs []int64
	seen := map[int64]bool{}
	for _, k := range keys {
		if !seen[k.list] {
			seen[k.list] = true
			lists = append(lists, k.list)
		}
		regs = append(regs, k.reg)
	}
	la, err := jsonList(lists)
	if err != nil {
		return nil, err
	}
	ra, err := jsonList(regs)
	if err != nil {
		return nil, err
	}
	d := sc.tx.db.dialect
	rows, err := sc.query(ctx, `SELECT list_id, registration_id, inside, day, day_count, total FROM checkin_state
		WHERE list_id IN (`+d.valuesIn("bigint")+`) AND registration_id IN (`+d.valuesIn("bigint")+`)`, la, ra)
	if err != nil {
		return nil, fmt.Errorf("badge states: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k stateKey
		var st checkin.State
		if err := rows.Scan(&k.list, &k.reg, &st.Inside, &st.Day, &st.DayCount, &st.Total); err != nil {
			return nil, err
		}
		out[k] = st
	}
	return out, rows.Err()
}

// insideNow is how many badges are inside the list on day: the count
// before the batch, read once, plus the batch's own entries and exits.
func (sc *scanTx) insideNow(ctx context.Context, listID int64, day string) (int, error) {
	k := listDay{listID, day}
	if !sc.insideRead[k] {
		var n int
		if err := sc.queryRow(ctx, "SELECT COUNT(*) FROM checkin_state WHERE list_id = ? AND inside = TRUE AND day = ?", listID, day).Scan(&n); err != nil {
			return 0, err
		}
		sc.inside[k] += n
		sc.insideRead[k] = true
	}
	return sc.inside[k], nil
}

// moved counts a badge's change of state into the inside counts.
func (sc *scanTx) moved(listID int64, before, after checkin.State) {
	if before.InsideOn(before.Day) {
		sc.inside[listDay{listID, before.Day}]--
	}
	if after.InsideOn(after.Day) {
		sc.inside[listDay{listID, after.Day}]++
	}
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

func (sc *scanTx) scanRow(it *checkin.Item, pt *scanPoint, result checkin.Result, reason checkin.Reason) []any {
	s := it.Scan
	return []any{s.ID, it.EventID, nullID(it.Claims.RegistrationID), string(s.Kind), s.Point, nullID(pt.list.ID), nullID(s.Exhibitor),
		it.Claims.Category, string(result), string(reason), s.Offline, it.Day, s.ScannedAt.UTC(), sc.tx.db.Now(), nullID(it.ScannerID)}
}

// insertScans writes the batch's new scans in as few statements as the
// dialect allows. Each must be written: one that is not was stored
// meanwhile by another transaction, and the batch is decided again.
func (sc *scanTx) insertScans(ctx context.Context, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	qs, args, err := sc.tx.db.dialect.insertRows(`INSERT INTO scans (id, event_id, registration_id, kind, point, list_id, exhibitor_id,
		category, result, reason, offline, day, scanned_at, received_at, scanner_id)`,
		[]string{"text", "bigint", "bigint", "text", "text", "bigint", "bigint", "text", "text", "text", "boolean", "text", "timestamptz", "timestamptz", "bigint"},
		rows, "ON CONFLICT (id) DO NOTHING")
	if err != nil {
		return err
	}
	written := 0
	for i, q := range qs {
		res, err := sc.exec(ctx, q, args[i]...)
		if err != nil {
			return fmt.Errorf("insert scans: %w", sc.tx.db.dialect.translate(err))
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		written += int(n)
	}
	if written != len(rows) {
		return errScanRaced
	}
	return nil
}

// saveStates writes the changed states in as few statements as the
// dialect allows, in one order for every batch, so that concurrent
// upserts never wait for each other in a circle.
func (sc *scanTx) saveStates(ctx context.Context, states map[stateKey]checkin.State, changed map[stateKey]time.Time) error {
	if len(changed) == 0 {
		return nil
	}
	keys := make([]stateKey, 0, len(changed))
	for k := range changed {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].reg != keys[j].reg {
			return keys[i].reg < keys[j].reg
		}
		return keys[i].list < keys[j].list
	})
	rows := make([][]any, len(keys))
	for i, k := range keys {
		st := states[k]
		rows[i] = []any{k.list, k.reg, st.Inside, st.Day, st.DayCount, st.Total, changed[k].UTC()}
	}
	qs, args, err := sc.tx.db.dialect.insertRows(`INSERT INTO checkin_state (list_id, registration_id, inside, day, day_count, total, last_at)`,
		[]string{"bigint", "bigint", "boolean", "text", "integer", "integer", "timestamptz"}, rows,
		`ON CONFLICT (list_id, registration_id) DO UPDATE SET inside = excluded.inside, day = excluded.day,
		day_count = excluded.day_count, total = excluded.total, last_at = excluded.last_at`)
	if err != nil {
		return err
	}
	for i, q := range qs {
		if _, err := sc.exec(ctx, q, args[i]...); err != nil {
			return fmt.Errorf("save badge states: %w", err)
		}
	}
	return nil
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
