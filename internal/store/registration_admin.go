package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"ketnoi/internal/romanize"
	"ketnoi/internal/textsearch"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"

	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/outbox"
)

// ErrCategoryFull is the answer when a category's quota is used up.
var ErrCategoryFull = &apperr.Error{Code: apperr.Conflict, Message: "This category is full.", Fields: map[string]string{"category": "is full"}}

// quotaStripes is how many rows a category's quota is spread over: enough
// that concurrent registrations on PostgreSQL seldom wait for the same row
// lock (held until their commit), few enough that a nearly full category
// is found full in a handful of reads.
const quotaStripes = 8

// SetQuota limits how many active registrations a category may have. The
// counter starts from the registrations already there.
func (db *DB) SetQuota(ctx context.Context, eventID int64, cat event.Category, quota int) error {
	return db.inTx(ctx, func(tx *Tx) error {
		var used int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM registrations WHERE event_id = ? AND category = ? AND status = 'active'", eventID, string(cat)).Scan(&used); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "DELETE FROM registration_quota_stripes WHERE event_id = ? AND category = ?", eventID, string(cat)); err != nil {
			return err
		}
		stripes := quotaStripes
		if db.dialect.name == "sqlite" {
			stripes = 1 // one writer at a time: nothing to spread
		}
		shares, counts := splitQuota(quota, used, stripes)
		for i := range shares {
			_, err := tx.exec(ctx, "INSERT INTO registration_quota_stripes (event_id, category, stripe, quota, used) VALUES (?, ?, ?, ?, ?)",
				eventID, string(cat), i, shares[i], counts[i])
			if err != nil {
				return db.dialect.translate(err)
			}
		}
		return nil
	})
}

// splitQuota spreads quota and the seats already used over n stripes:
// shares differ by one at most and add up to quota; used fills stripes in
// order, and what exceeds the quota (a quota lowered below the
// registrations already made) stays on the first stripe, so it is full.
func splitQuota(quota, used, n int) (shares, counts []int) {
	shares, counts = make([]int, n), make([]int, n)
	left := used
	for i := range shares {
		shares[i] = quota / n
		if i < quota%n {
			shares[i]++
		}
		counts[i] = min(shares[i], left)
		left -= counts[i]
	}
	counts[0] += left
	return shares, counts
}

// Quotas returns each limited category's quota and use.
func (db *DB) Quotas(ctx context.Context, eventID int64) (map[string][2]int, error) {
	rows, err := db.query(ctx, "SELECT category, SUM(quota), SUM(used) FROM registration_quota_stripes WHERE event_id = ? GROUP BY category", eventID)
	if err != nil {
		return nil, fmt.Errorf("quotas: %w", err)
	}
	defer rows.Close()
	out := map[string][2]int{}
	for rows.Next() {
		var c string
		var q, u int
		if err := rows.Scan(&c, &q, &u); err != nil {
			return nil, err
		}
		out[c] = [2]int{q, u}
	}
	return out, rows.Err()
}

// takeSeat counts one more registration of a category against its quota.
// It takes a seat from a stripe that has one left, starting at a random
// stripe so that concurrent registrations spread over the rows. The
// conditional update is atomic on both databases (a row lock on
// PostgreSQL, the one writer on SQLite) and no stripe exceeds its share,
// so a quota is never oversold.
func (tx *Tx) takeSeat(ctx context.Context, eventID int64, cat event.Category) error {
	for range 2 * quotaStripes {
		res, err := tx.exec(ctx, `UPDATE registration_quota_stripes SET used = used + 1
			WHERE event_id = ? AND category = ? AND used < quota AND stripe = (SELECT stripe FROM registration_quota_stripes
				WHERE event_id = ? AND category = ? AND used < quota ORDER BY (stripe + ?) % ? LIMIT 1)`,
			eventID, string(cat), eventID, string(cat), rand.IntN(quotaStripes), quotaStripes)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
		// None taken: no quota, a full category, or another registration
		// took the last seat of the stripe chosen between read and update.
		var stripes, free int
		err = tx.queryRow(ctx, stripesFree, eventID, string(cat)).Scan(&stripes, &free)
		if err != nil {
			return err
		}
		if stripes == 0 {
			return nil // not limited
		}
		if free == 0 {
			return ErrCategoryFull
		}
	}
	return ErrCategoryFull // seats kept being taken under us: refuse, never oversell
}

// stripesFree counts a category's quota stripes and those with a seat left.
const stripesFree = `SELECT COUNT(*), COALESCE(SUM(CASE WHEN used < quota THEN 1 ELSE 0 END), 0)
	FROM registration_quota_stripes WHERE event_id = ? AND category = ?`

// categoryFull reports whether the category has a quota and no seat left.
func (db *DB) categoryFull(ctx context.Context, eventID int64, cat event.Category) (bool, error) {
	var stripes, free int
	err := db.queryRowPrepared(ctx, stripesFree, eventID, string(cat)).Scan(&stripes, &free)
	if err != nil {
		return false, fmt.Errorf("category quota: %w", err)
	}
	return stripes > 0 && free == 0, nil
}

func (tx *Tx) freeSeat(ctx context.Context, eventID int64, cat event.Category) error {
	for range quotaStripes {
		res, err := tx.exec(ctx, `UPDATE registration_quota_stripes SET used = used - 1
			WHERE event_id = ? AND category = ? AND used > 0 AND stripe = (SELECT stripe FROM registration_quota_stripes
				WHERE event_id = ? AND category = ? AND used > 0 ORDER BY stripe LIMIT 1)`,
			eventID, string(cat), eventID, string(cat))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
		var taken int
		err = tx.queryRow(ctx, "SELECT COUNT(*) FROM registration_quota_stripes WHERE event_id = ? AND category = ? AND used > 0", eventID, string(cat)).Scan(&taken)
		if err != nil || taken == 0 {
			return err // not limited, or nothing to free
		}
	}
	return nil
}

// Register records a registration, making an account (without a password)
// for an email not seen before. The mails given (a confirmation) are
// queued in the same transaction, for this registration: a registration
// is never stored without its mail, nor a mail without its registration.
func (db *DB) Register(ctx context.Context, r *checkin.Registrant, mails ...outbox.Mail) error {
	_, err := db.RegisterOnce(ctx, Once{}, r, mails...)
	return err
}

// Once names a form sent by a person that must have its effect once: a
// double click or a resent form brings back the first registration.
type Once struct {
	Key      string // the form's own key, with what tells forms apart; "" for none
	PersonID int64  // who sent it
}

// RegisterOnce is Register for a form that may arrive twice. The key is
// claimed in the transaction that stores the registration, so that two
// copies sent at once cannot both register (the second waits for the
// first's commit on PostgreSQL; SQLite has one writer), and a refused
// registration leaves the key free for the corrected form. A copy of a
// form already saved fills r with the registration it made and reports
// true.
func (db *DB) RegisterOnce(ctx context.Context, once Once, r *checkin.Registrant, mails ...outbox.Mail) (bool, error) {
	defer db.writer()()
	if once.Key != "" {
		id, done, err := db.onceDone(ctx, once.Key)
		if err != nil || done {
			return done, db.replayRegistrant(ctx, r, id, err)
		}
	}
	var first int64
	err := db.register(ctx, r, mails, func(tx *Tx) (bool, error) {
		if once.Key == "" {
			return true, nil
		}
		var err error
		first, err = tx.claimOnce(ctx, once)
		return first == 0, err
	}, func(tx *Tx) error {
		if once.Key == "" {
			return nil
		}
		_, err := tx.exec(ctx, "UPDATE idempotency SET status = ?, body = ? WHERE key = ?", onceDoneStatus, strconv.FormatInt(r.ID, 10), once.Key)
		return err
	})
	if err != nil && once.Key != "" && first == 0 {
		// Refused before its claim (a category found full on PostgreSQL)
		// while a first copy, saved meanwhile, took the last seat.
		if id, done, e := db.onceDone(ctx, once.Key); e == nil && done {
			first, err = id, nil
		}
	}
	if first != 0 {
		return true, db.replayRegistrant(ctx, r, first, err)
	}
	return false, err
}

// onceDoneStatus marks a claimed form key whose registration is stored;
// the key's body is then the registration's id.
const onceDoneStatus = 201

// onceDone returns the registration a form key already made, if any.
func (db *DB) onceDone(ctx context.Context, key string) (int64, bool, error) {
	rep, ok, err := db.Replayed(ctx, key)
	if err != nil || !ok || rep.Status != onceDoneStatus {
		return 0, false, err
	}
	id, err := strconv.ParseInt(rep.Body, 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("form key %q holds no registration: %w", key, err)
	}
	return id, true, nil
}

// claimOnce takes a form key for this transaction, or returns the
// registration that another one, committed first, made with it.
func (tx *Tx) claimOnce(ctx context.Context, once Once) (int64, error) {
	res, err := tx.exec(ctx, "INSERT INTO idempotency (key, person_id, status, body, created_at) VALUES (?, ?, 0, '', ?) ON CONFLICT (key) DO NOTHING",
		once.Key, once.PersonID, tx.db.Now())
	if err != nil {
		return 0, fmt.Errorf("claim form key: %w", tx.db.dialect.translate(err))
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return 0, nil
	}
	var body string
	if err := tx.queryRow(ctx, "SELECT body FROM idempotency WHERE key = ?", once.Key).Scan(&body); err != nil {
		return 0, fmt.Errorf("claim form key: %w", err)
	}
	id, err := strconv.ParseInt(body, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("form key %q holds no registration: %w", once.Key, err)
	}
	return id, nil
}

// replayRegistrant fills r with the registration a form key made.
func (db *DB) replayRegistrant(ctx context.Context, r *checkin.Registrant, id int64, err error) error {
	if err != nil {
		return err
	}
	got, err := db.Registrant(ctx, r.EventID, id)
	if err != nil {
		return fmt.Errorf("registration of a form sent twice: %w", err)
	}
	*r = got
	return nil
}

// register stores a registration with its mails; claim runs first in the
// transaction and may stop it (nothing written, no error), done runs last.
func (db *DB) register(ctx context.Context, r *checkin.Registrant, mails []outbox.Mail, claim func(*Tx) (bool, error), done func(*Tx) error) error {
	if db.dialect.name == "postgres" {
		// A full category is refused before any work, by a read that
		// locks nothing: seats are only ever taken back by a
		// cancellation, and one refused in that instant is no harm. The
		// seat itself is still taken, under its lock, in the transaction.
		full, err := db.categoryFull(ctx, r.EventID, r.Category)
		if err != nil {
			return err
		}
		if full {
			return ErrCategoryFull
		}
	}
	return db.inTx(ctx, func(tx *Tx) error {
		if ok, err := claim(tx); err != nil || !ok {
			return err
		}
		// On SQLite, with one writer at a time, a full category is best
		// found first, before any work. On PostgreSQL the seat comes last:
		// its row lock is what concurrent registrations of the stripe
		// queue on, so it is held from that update to the commit only.
		seatFirst := db.dialect.name == "sqlite"
		if seatFirst {
			if err := tx.takeSeat(ctx, r.EventID, r.Category); err != nil {
				return err
			}
		}
		if err := tx.insertRegistration(ctx, r); err != nil {
			return err
		}
		for i := range mails {
			m := &mails[i]
			m.EventID, m.RegistrationID = r.EventID, r.ID
			if m.To == "" {
				m.To = r.Email
			}
			if err := tx.enqueueMail(ctx, m); err != nil {
				return err
			}
		}
		if !seatFirst {
			if err := tx.takeSeat(ctx, r.EventID, r.Category); err != nil {
				return err
			}
		}
		return done(tx)
	})
}

var sqliteWriters sync.Map // *DB → *sync.Mutex

// writer queues a SQLite writer in memory and returns the unlock: SQLite
// has one writer, and waiting on a mutex is far cheaper than its busy
// handler's sleep-and-retry when hundreds of requests write at once. On
// PostgreSQL writers run in parallel and this does nothing.
func (db *DB) writer() func() {
	if db.dialect.name != "sqlite" {
		return func() {}
	}
	m, _ := sqliteWriters.LoadOrStore(db, &sync.Mutex{})
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}

// register records a registration and takes its seat in the category.
func (tx *Tx) register(ctx context.Context, r *checkin.Registrant) error {
	if err := tx.insertRegistration(ctx, r); err != nil {
		return err
	}
	return tx.takeSeat(ctx, r.EventID, r.Category)
}

// insertRegistration records a registration without taking its seat.
func (tx *Tx) insertRegistration(ctx context.Context, r *checkin.Registrant) error {
	now := tx.db.Now()
	err := tx.queryRow(ctx, "SELECT id FROM people WHERE email = ?", r.Email).Scan(&r.PersonID)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.queryRow(ctx, "INSERT INTO people (email, name, lang, created_at) VALUES (?, ?, ?, ?) RETURNING id",
			r.Email, r.Name, string(r.Lang), now).Scan(&r.PersonID)
	}
	if err != nil {
		return fmt.Errorf("register: %w", tx.db.dialect.translate(err))
	}
	r.Status, r.CreatedAt, r.BadgeVersion = "active", now, 1
	err = tx.queryRow(ctx, `INSERT INTO registrations (event_id, person_id, org_id, category, job_title, status, created_at,
		badge_version, consent_contact, org_name, phone, interests, days, source) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.EventID, r.PersonID, nullID(r.OrgID), string(r.Category), r.JobTitle, r.Status, now,
		r.Consent, r.OrgName, r.Phone, strings.Join(r.Interests, ","), strings.Join(r.Days, ","), string(r.Source)).Scan(&r.ID)
	if err = tx.db.dialect.translate(err); apperr.Is(err, apperr.Conflict) {
		return &apperr.Error{Code: apperr.Conflict, Message: "This person is already registered for the event.",
			Fields: map[string]string{"email": "is already registered for this event"}, Err: err}
	}
	return err
}

// registrantCols reads a registration with its person. Its organization is
// the name typed at registration or, for a registration linked to an
// organization of the platform, that organization's name (in English,
// else Vietnamese, else Korean: the badge is read by everyone at the fair).
const registrantCols = `r.id, r.event_id, r.person_id, COALESCE(r.org_id, 0), r.category, r.job_title, r.status, r.created_at,
	r.badge_version, r.consent_contact, ` + registrantOrg + `, r.phone, r.interests, r.days, r.anonymized, r.source, p.name, p.email, p.lang`

// registrantOrg is a registration's organization as registrantCols reads it.
const registrantOrg = `COALESCE(NULLIF(r.org_name, ''),
	(SELECT COALESCE(NULLIF(o.name_en, ''), NULLIF(o.name_vi, ''), o.name_ko) FROM organizations o WHERE o.id = r.org_id), '')`

func scanRegistrant(row interface{ Scan(...any) error }, extra ...any) (checkin.Registrant, error) {
	var r checkin.Registrant
	var cat, interests, days, source, lang string
	err := row.Scan(append([]any{&r.ID, &r.EventID, &r.PersonID, &r.OrgID, &cat, &r.JobTitle, &r.Status, &r.CreatedAt,
		&r.BadgeVersion, &r.Consent, &r.OrgName, &r.Phone, &interests, &days, &r.Anonymized, &source, &r.Name, &r.Email, &lang}, extra...)...)
	r.Category, r.Interests, r.Days, r.Lang = event.Category(cat), splitList(interests), splitList(days), i18n.Lang(lang)
	r.Source = checkin.Source(source)
	r.CreatedAt = r.CreatedAt.UTC()
	return r, err
}

// Registrant reads one registration of an event.
func (db *DB) Registrant(ctx context.Context, eventID, id int64) (checkin.Registrant, error) {
	r, err := scanRegistrant(db.queryRow(ctx, "SELECT "+registrantCols+" FROM registrations r JOIN people p ON p.id = r.person_id WHERE r.event_id = ? AND r.id = ?", eventID, id))
	return r, notFound(err, "Registration")
}

// RegistrantsOf lists a person's registrations at every event.
func (db *DB) RegistrantsOf(ctx context.Context, personID int64) ([]checkin.Registrant, error) {
	rows, err := db.query(ctx, "SELECT "+registrantCols+" FROM registrations r JOIN people p ON p.id = r.person_id WHERE r.person_id = ? ORDER BY r.id", personID)
	if err != nil {
		return nil, fmt.Errorf("registrations of person: %w", err)
	}
	defer rows.Close()
	out := []checkin.Registrant{}
	for rows.Next() {
		r, err := scanRegistrant(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RegistrantFilter selects registrations.
type RegistrantFilter struct {
	Query    string // in name, email, organization or phone
	Category string
	Status   string
	AfterID  int64 // for exports that page by id
	Offset   int
	Limit    int
}

// Registrants searches an event's registrations. The query matches a
// name, email or organization the way the catalogue search does: without
// regard to case or diacritics ("vo thanh tung" finds "Võ Thanh Tùng", as
// typed at a help desk or a gate on any keyboard); a query that reads as
// a phone number matches the phone's digits (see phoneQuery).
func (db *DB) Registrants(ctx context.Context, eventID int64, f RegistrantFilter) ([]checkin.Registrant, int, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	q := "SELECT " + registrantCols + ", COUNT(*) OVER() FROM registrations r JOIN people p ON p.id = r.person_id WHERE r.event_id = ? AND r.id > ?"
	args := []any{eventID, f.AfterID}
	q, args = f.where(q, args)
	matched := -1
	if f.Query != "" {
		ids, err := db.registrantsMatching(ctx, eventID, f)
		if err != nil {
			return nil, 0, err
		}
		matched = len(ids)
		ids = ids[min(f.Offset, len(ids)):min(f.Offset+f.Limit, len(ids))]
		if len(ids) == 0 {
			return []checkin.Registrant{}, matched, nil
		}
		q += " AND r.id IN (" + placeholders(len(ids)) + ")"
		args = append(args, int64Args(ids)...)
		f.Offset = 0
	}
	q += " ORDER BY r.id LIMIT ? OFFSET ?"
	args = append(args, f.Limit, f.Offset)
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("search registrations: %w", err)
	}
	defer rows.Close()
	out := []checkin.Registrant{}
	total := 0
	for rows.Next() {
		r, err := scanRegistrant(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, r)
	}
	if matched >= 0 {
		total = matched
	}
	return out, total, rows.Err()
}

// where adds the filter's category and status to a query.
func (f RegistrantFilter) where(q string, args []any) (string, []any) {
	if f.Category != "" {
		q, args = q+" AND r.category = ?", append(args, f.Category)
	}
	if f.Status != "" {
		q, args = q+" AND r.status = ?", append(args, f.Status)
	}
	return q, args
}

// registrantsMatching returns, in id order, the registrations of the
// filter whose name, email, organization or phone holds its query once
// both are folded (textsearch.Fold). The folding is done here rather than
// in SQL, which has no portable way to drop Vietnamese diacritics; an
// event's registrations are read as four short columns.
func (db *DB) registrantsMatching(ctx context.Context, eventID int64, f RegistrantFilter) ([]int64, error) {
	q, args := f.where("SELECT r.id, p.name, p.email, "+registrantOrg+", r.phone FROM registrations r JOIN people p ON p.id = r.person_id WHERE r.event_id = ? AND r.id > ?",
		[]any{eventID, f.AfterID})
	rows, err := db.query(ctx, q+" ORDER BY r.id", args...)
	if err != nil {
		return nil, fmt.Errorf("search registrations: %w", err)
	}
	defer rows.Close()
	want := textsearch.Fold(strings.TrimSpace(f.Query))
	phone := phoneQuery(f.Query)
	// A Korean name typed in Latin letters ("han so yeong") is looked for
	// among the Korean names' spellings (romanize.Name).
	latin := romanize.Squash(f.Query)
	if len(latin) < 3 || strings.Trim(latin, "abcdefghijklmnopqrstuvwxyz") != "" {
		latin = "" // not a name in Latin letters (an email, a phone, Hangul, Vietnamese)
	}
	latin = romanize.Loose(latin)
	var ids []int64
	for rows.Next() {
		var id int64
		var name, email, orgName, tel string
		if err := rows.Scan(&id, &name, &email, &orgName, &tel); err != nil {
			return nil, fmt.Errorf("search registrations: %w", err)
		}
		if strings.Contains(textsearch.Fold(name), want) || strings.Contains(strings.ToLower(email), want) || strings.Contains(textsearch.Fold(orgName), want) ||
			phone != "" && strings.Contains(digitsOf(tel), phone) || latin != "" && spelledAs(name, latin) {
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

// spelledAs reports whether a Korean name, written in Latin letters as
// people type it, holds the squashed query.
func spelledAs(name, latin string) bool {
	for _, r := range romanize.LooseName(name) {
		if strings.Contains(r, latin) {
			return true
		}
	}
	return false
}

// phoneQuery is the digits of a query that reads as a phone number (at
// least four digits and nothing but spaces, dots, dashes, brackets or a
// leading +), without leading zeros, so that "0912 345 678" as said aloud
// finds "+84 912 345 678" as registered; "" for any other query.
func phoneQuery(q string) string {
	q = strings.TrimSpace(q)
	if strings.Trim(q, "0123456789 .-()+") != "" {
		return ""
	}
	d := strings.TrimLeft(digitsOf(q), "0")
	if len(d) < 4 {
		return ""
	}
	return d
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// UpdateRegistrant changes a registration's details and category; a new
// category takes a seat of its own quota.
func (db *DB) UpdateRegistrant(ctx context.Context, r *checkin.Registrant) error {
	return db.inTx(ctx, func(tx *Tx) error {
		var old, status string
		err := tx.queryRow(ctx, "SELECT category, status FROM registrations WHERE event_id = ? AND id = ?"+db.lockSuffix(), r.EventID, r.ID).Scan(&old, &status)
		if err != nil {
			return notFound(err, "Registration")
		}
		if old != string(r.Category) && status == "active" {
			if err := tx.takeSeat(ctx, r.EventID, r.Category); err != nil {
				return err
			}
			if err := tx.freeSeat(ctx, r.EventID, event.Category(old)); err != nil {
				return err
			}
		}
		_, err = tx.exec(ctx, `UPDATE registrations SET category = ?, job_title = ?, org_name = ?, phone = ?, interests = ?, days = ?, consent_contact = ?
			WHERE event_id = ? AND id = ?`, string(r.Category), r.JobTitle, r.OrgName, r.Phone, strings.Join(r.Interests, ","), strings.Join(r.Days, ","),
			r.Consent, r.EventID, r.ID)
		return err
	})
}

// CancelRegistration cancels a registration: its badges stop working and
// its seat is freed.
func (db *DB) CancelRegistration(ctx context.Context, eventID, id int64) error {
	return db.inTx(ctx, func(tx *Tx) error {
		var cat, status string
		err := tx.queryRow(ctx, "SELECT category, status FROM registrations WHERE event_id = ? AND id = ?"+db.lockSuffix(), eventID, id).Scan(&cat, &status)
		if err != nil {
			return notFound(err, "Registration")
		}
		if status != "active" {
			return nil
		}
		if _, err := tx.exec(ctx, "UPDATE registrations SET status = 'cancelled' WHERE id = ?", id); err != nil {
			return err
		}
		return tx.freeSeat(ctx, eventID, event.Category(cat))
	})
}

// ReissueBadge raises the badge version: the old badge is revoked at the
// server at once and at offline scanners when they next sync.
func (db *DB) ReissueBadge(ctx context.Context, eventID, id int64) (int, error) {
	var v int
	err := db.queryRow(ctx, "UPDATE registrations SET badge_version = badge_version + 1 WHERE event_id = ? AND id = ? AND status = 'active' RETURNING badge_version", eventID, id).Scan(&v)
	return v, notFound(err, "Active registration")
}
