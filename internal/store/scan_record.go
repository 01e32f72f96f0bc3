package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"ketnoi/internal/checkin"
)

// RecordScans stores a batch of scans in one transaction and answers each:
// a scan whose id is already stored is a duplicate and changes nothing.
// The registration rows of the batch are locked (in id order) before any
// scan is decided, so two scans of one badge are decided one after the
// other on every database, whichever transactions they arrive in.
//
// The batch costs a fixed number of statements however many scans it
// holds, all reads before all writes (see scanIO): the scan points of its
// events, the registrations, the scan ids already stored and the badges'
// states (keys passed as one JSON parameter each); then multi-row inserts
// of the scans and of the states (dialect.insertRows). The rules run in
// memory between the reads and the writes, scan after scan, in the order
// of the batch. Only a list with a capacity (its count inside) and a lead
// (its exhibitor) read once more while deciding.
func (db *DB) RecordScans(ctx context.Context, items []checkin.Item) ([]checkin.Outcome, error) {
	for attempt := 1; ; attempt++ {
		out := make([]checkin.Outcome, len(items))
		err := db.inScanTx(ctx, func(io scanIO) error {
			sc := &scanTx{io: io, db: db, exhibitors: map[[2]int64]bool{},
				inside: map[listDay]int{}, insideRead: map[listDay]bool{}}
			return sc.recordAll(ctx, items, out)
		})
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
	io         scanIO
	db         *DB
	exhibitors map[[2]int64]bool
	// inside is the change to the count of badges inside per list and
	// day made by this batch; insideRead marks the counts read from the
	// database (the count before the batch) and added in.
	inside     map[listDay]int
	insideRead map[listDay]bool
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

// batchReads is what a batch reads before deciding.
type batchReads struct {
	points map[int64]map[string]scanPoint // event → gate code → point
	regs   map[int64]*regRow
	stored map[string]storedScan
	states map[stateKey]checkin.State
	// access is the access version, read when accessRead.
	access     int64
	accessRead bool
}

func (sc *scanTx) recordAll(ctx context.Context, items []checkin.Item, out []checkin.Outcome) error {
	steps := make([]scanStep, len(items))
	var regIDs, eventIDs []int64
	var scanIDs []string
	events := map[int64]bool{}
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
		if p.reason = it.Refused; p.reason == "" {
			regIDs = append(regIDs, it.Claims.RegistrationID)
			if !events[it.EventID] {
				events[it.EventID] = true
				eventIDs = append(eventIDs, it.EventID)
			}
		}
	}
	rd, err := sc.readAll(ctx, eventIDs, regIDs, scanIDs, checksAccess(items))
	if err != nil {
		return err
	}
	sc.markStale(items, steps, out, rd)
	for i := range items {
		if p := &steps[i]; !p.skip && p.reason == "" && items[i].Scan.Kind != checkin.KindLead {
			pt, ok := rd.points[items[i].EventID][items[i].Scan.Point]
			if p.pt = pt; !ok {
				p.reason = checkin.ReasonPoint
			}
		}
	}
	w, err := sc.decideAll(ctx, items, steps, out, rd)
	if err != nil {
		return err
	}
	return sc.io.write(ctx, w)
}

// checksAccess reports whether some item's rights were checked from
// memory and must be compared with the access version (Item.Access).
func checksAccess(items []checkin.Item) bool {
	for i := range items {
		if items[i].Access != 0 {
			return true
		}
	}
	return false
}

// markStale answers StatusStale, and leaves out of the batch, the items
// whose scanner's rights were checked under another access version than
// the transaction reads: a right removed or a session ended on any
// instance since then must be checked again before the scan is stored.
func (sc *scanTx) markStale(items []checkin.Item, steps []scanStep, out []checkin.Outcome, rd *batchReads) {
	if !rd.accessRead {
		return
	}
	for i := range items {
		if a := items[i].Access; a != 0 && a != rd.access {
			out[i] = checkin.Outcome{ID: items[i].Scan.ID, Status: checkin.StatusStale}
			steps[i].skip = true
		}
	}
}

// readAll reads, in one call of the transaction, the access version (when
// access), the scan points of the batch's events, its registrations
// (locked), the scan ids already stored and the badges' states on every
// list of those events.
func (sc *scanTx) readAll(ctx context.Context, eventIDs, regIDs []int64, scanIDs []string, access bool) (*batchReads, error) {
	rd := &batchReads{points: map[int64]map[string]scanPoint{}, regs: map[int64]*regRow{},
		stored: map[string]storedScan{}, states: map[stateKey]checkin.State{}}
	var qs []scanRead
	if access {
		rd.accessRead = true
		qs = append(qs, scanRead{q: "SELECT version FROM access_version WHERE id = 1",
			row: func(r rowScanner) error { return r.Scan(&rd.access) }})
	}
	if len(eventIDs) > 0 {
		ev, err := listArg(sc.db.dialect, eventIDs)
		if err != nil {
			return nil, err
		}
		reg, err := listArg(sc.db.dialect, regIDs)
		if err != nil {
			return nil, err
		}
		qs = append(qs, sc.readPoints(ev, rd.points), sc.readRegistrations(reg, rd.regs), sc.readStates(ev, reg, rd.states))
	}
	if len(scanIDs) > 0 {
		ids, err := listArg(sc.db.dialect, scanIDs)
		if err != nil {
			return nil, err
		}
		qs = append(qs, sc.readStored(ids, rd.stored))
	}
	if len(qs) == 0 {
		return rd, nil
	}
	// The registrations are locked before the states are read (the reads
	// run in order), so the states are those their last scan left.
	if err := sc.io.read(ctx, qs...); err != nil {
		return nil, fmt.Errorf("scan batch reads: %w", err)
	}
	return rd, nil
}

// readPoints reads the events' scan points with their lists.
func (sc *scanTx) readPoints(events any, into map[int64]map[string]scanPoint) scanRead {
	return scanRead{q: `SELECT g.event_id, g.id, g.code, g.name, g.hall, g.list_id, COALESCE(l.id, 0),
		COALESCE(l.name, ''), COALESCE(l.categories, ''), COALESCE(l.days, ''), COALESCE(l.rule, ''), COALESCE(l.room_id, 0), COALESCE(l.capacity, 0)
		FROM gates g LEFT JOIN checkin_lists l ON l.id = g.list_id WHERE ` + sc.db.dialect.inList("g.event_id", "bigint"),
		args: []any{events},
		row: func(r rowScanner) error {
			var g checkin.Gate
			var l checkin.List
			var cats, days, rule string
			if err := r.Scan(&g.EventID, &g.ID, &g.Code, &g.Name, &g.Hall, &g.ListID, &l.ID, &l.Name, &cats, &days, &rule, &l.RoomID, &l.Capacity); err != nil {
				return err
			}
			if l.ID != 0 { // a gate's list, when it has one
				l.EventID = g.EventID
				l.Categories, l.Days, l.Rule = splitList(cats), splitList(days), checkin.Rule(rule)
			}
			if into[g.EventID] == nil {
				into[g.EventID] = map[string]scanPoint{}
			}
			into[g.EventID][g.Code] = scanPoint{list: l, gate: g}
			return nil
		}}
}

// readRegistrations reads and locks the registrations of a batch, in id
// order so that concurrent batches never wait for each other in a circle.
func (sc *scanTx) readRegistrations(ids any, into map[int64]*regRow) scanRead {
	return scanRead{q: `SELECT id, event_id, status, badge_version, category FROM registrations
		WHERE ` + sc.db.dialect.inList("id", "bigint") + ` ORDER BY id` + sc.db.lockSuffix(),
		args: []any{ids},
		row: func(r rowScanner) error {
			var id int64
			reg := &regRow{}
			if err := r.Scan(&id, &reg.eventID, &reg.status, &reg.version, &reg.category); err != nil {
				return err
			}
			into[id] = reg
			return nil
		}}
}

// readStored reads which of the scan ids are stored already, with their
// results.
func (sc *scanTx) readStored(ids any, into map[string]storedScan) scanRead {
	return scanRead{q: `SELECT id, result, reason FROM scans WHERE ` + sc.db.dialect.inList("id", "text"),
		args: []any{ids},
		row: func(r rowScanner) error {
			var id, result, reason string
			if err := r.Scan(&id, &result, &reason); err != nil {
				return err
			}
			into[id] = storedScan{checkin.Result(result), checkin.Reason(reason)}
			return nil
		}}
}

// readStates reads the badges' standing on every list of the events (a
// few more rows than the batch needs at most; the lists are not known
// before the points are read, and reading them first would cost a round
// trip on PostgreSQL).
func (sc *scanTx) readStates(events, regs any, into map[stateKey]checkin.State) scanRead {
	d := sc.db.dialect
	return scanRead{q: `SELECT list_id, registration_id, inside, day, day_count, total FROM checkin_state
		WHERE list_id IN (SELECT id FROM checkin_lists WHERE ` + d.inList("event_id", "bigint") + `)
		AND ` + d.inList("registration_id", "bigint"),
		args: []any{events, regs},
		row: func(r rowScanner) error {
			var k stateKey
			var st checkin.State
			if err := r.Scan(&k.list, &k.reg, &st.Inside, &st.Day, &st.DayCount, &st.Total); err != nil {
				return err
			}
			into[k] = st
			return nil
		}}
}

// decideAll runs the rules over the batch, scan after scan, and returns
// the writes that store it.
func (sc *scanTx) decideAll(ctx context.Context, items []checkin.Item, steps []scanStep, out []checkin.Outcome, rd *batchReads) ([]scanWrite, error) {
	var rows [][]any
	var leads []*checkin.Item
	changed := map[stateKey]time.Time{}
	for i := range items {
		it, p := &items[i], &steps[i]
		if p.skip {
			continue
		}
		s := it.Scan
		if prev, ok := rd.stored[s.ID]; ok {
			out[i].Status, out[i].Result, out[i].Reason = checkin.StatusDuplicate, prev.result, prev.reason
			continue
		}
		reason, key := p.reason, stateKey{p.pt.list.ID, it.Claims.RegistrationID}
		if reason == "" {
			var err error
			if reason, err = sc.decide(ctx, it, &p.pt, rd.regs[it.Claims.RegistrationID], rd.states[key]); err != nil {
				return nil, fmt.Errorf("scan %s: %w", s.ID, err)
			}
		}
		result := checkin.Accepted
		if reason != "" {
			result = checkin.Rejected
			if s.Offline {
				result = checkin.Offline(reason)
			}
		}
		rd.stored[s.ID] = storedScan{result, reason}
		rows = append(rows, sc.scanRow(it, &p.pt, result, reason))
		out[i].Result, out[i].Reason, out[i].Status = result, reason, checkin.StatusAccepted
		switch {
		case result == checkin.Rejected:
			out[i].Status = checkin.StatusRejected
		case s.Kind == checkin.KindLead:
			leads = append(leads, it)
		default:
			before := rd.states[key]
			next := checkin.Apply(before, s.Kind, it.Day)
			sc.moved(p.pt.list.ID, before, next)
			rd.states[key], changed[key] = next, s.ScannedAt
		}
	}
	w, err := sc.insertScans(rows)
	if err != nil {
		return nil, err
	}
	states, err := sc.saveStates(rd.states, changed)
	if err != nil {
		return nil, err
	}
	w = append(w, states...)
	for _, it := range leads {
		w = append(w, sc.saveLead(it))
	}
	return w, nil
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

// insideNow is how many badges are inside the list on day: the count
// before the batch, read once, plus the batch's own entries and exits.
func (sc *scanTx) insideNow(ctx context.Context, listID int64, day string) (int, error) {
	k := listDay{listID, day}
	if !sc.insideRead[k] {
		var n int
		err := sc.io.read(ctx, scanRead{q: "SELECT COUNT(*) FROM checkin_state WHERE list_id = ? AND inside = TRUE AND day = ?",
			args: []any{listID, day}, row: func(r rowScanner) error { return r.Scan(&n) }})
		if err != nil {
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
	err := sc.io.read(ctx, scanRead{q: "SELECT COUNT(*) FROM exhibitors WHERE id = ? AND event_id = ?",
		args: []any{exhibitorID, eventID}, row: func(r rowScanner) error { return r.Scan(&n) }})
	sc.exhibitors[k] = n > 0
	return n > 0, err
}

func (sc *scanTx) scanRow(it *checkin.Item, pt *scanPoint, result checkin.Result, reason checkin.Reason) []any {
	s := it.Scan
	return []any{s.ID, it.EventID, nullID(it.Claims.RegistrationID), string(s.Kind), s.Point, nullID(pt.list.ID), nullID(s.Exhibitor),
		it.Claims.Category, string(result), string(reason), s.Offline, it.Day, s.ScannedAt.UTC(), sc.db.Now(), nullID(it.ScannerID)}
}

var scanColumns = []string{"text", "bigint", "bigint", "text", "text", "bigint", "bigint", "text", "text", "text", "boolean", "text", "timestamptz", "timestamptz", "bigint"}

// insertScans writes the batch's new scans in as few statements as the
// dialect allows. Each must be written: one that is not was stored
// meanwhile by another transaction, and the batch is decided again. On
// PostgreSQL that conflict is an error (no ON CONFLICT clause) because
// the COMMIT is already on its way behind the insert (see pipeIO); SQLite
// counts the rows written.
func (sc *scanTx) insertScans(rows [][]any) ([]scanWrite, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	tail := "ON CONFLICT (id) DO NOTHING"
	if sc.db.dialect.name == "postgres" {
		tail = ""
	}
	qs, args, err := sc.db.dialect.insertRows(`INSERT INTO scans (id, event_id, registration_id, kind, point, list_id, exhibitor_id,
		category, result, reason, offline, day, scanned_at, received_at, scanner_id)`, scanColumns, rows, tail)
	if err != nil {
		return nil, err
	}
	w := make([]scanWrite, len(qs))
	for i, q := range qs {
		n := int64(len(rows)) // PostgreSQL: one statement, rows in one parameter
		if sc.db.dialect.name != "postgres" {
			n = int64(len(args[i]) / len(scanColumns)) // SQLite binds each value
		}
		w[i] = scanWrite{q: q, args: args[i], rows: n}
	}
	return w, nil
}

// saveStates writes the changed states in as few statements as the
// dialect allows, in one order for every batch, so that concurrent
// upserts never wait for each other in a circle.
func (sc *scanTx) saveStates(states map[stateKey]checkin.State, changed map[stateKey]time.Time) ([]scanWrite, error) {
	if len(changed) == 0 {
		return nil, nil
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
	qs, args, err := sc.db.dialect.insertRows(`INSERT INTO checkin_state (list_id, registration_id, inside, day, day_count, total, last_at)`,
		[]string{"bigint", "bigint", "boolean", "text", "integer", "integer", "timestamptz"}, rows,
		`ON CONFLICT (list_id, registration_id) DO UPDATE SET inside = excluded.inside, day = excluded.day,
		day_count = excluded.day_count, total = excluded.total, last_at = excluded.last_at`)
	if err != nil {
		return nil, err
	}
	w := make([]scanWrite, len(qs))
	for i, q := range qs {
		w[i] = scanWrite{q: q, args: args[i], rows: -1}
	}
	return w, nil
}

func (sc *scanTx) saveLead(it *checkin.Item) scanWrite {
	s := it.Scan
	return scanWrite{q: `INSERT INTO leads (event_id, exhibitor_id, registration_id, scan_id, rating, note, day, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (exhibitor_id, registration_id) DO UPDATE SET
		rating = CASE WHEN excluded.rating > 0 THEN excluded.rating ELSE leads.rating END,
		note = CASE WHEN excluded.note <> '' THEN excluded.note ELSE leads.note END`,
		args: []any{it.EventID, s.Exhibitor, it.Claims.RegistrationID, s.ID, s.Rating, s.Note, it.Day, s.ScannedAt.UTC()}, rows: -1}
}
