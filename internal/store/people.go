package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
)

const personCols = "id, email, name, lang, is_admin, password_hash, created_at"

func scanPerson(row interface{ Scan(...any) error }) (account.Person, error) {
	var p account.Person
	var lang string
	err := row.Scan(&p.ID, &p.Email, &p.Name, &lang, &p.IsAdmin, &p.PasswordHash, &p.CreatedAt)
	p.Lang = i18n.Lang(lang)
	return p, err
}

// CreatePerson adds an account; a taken email is a conflict.
func (db *DB) CreatePerson(ctx context.Context, p *account.Person) error {
	p.CreatedAt = db.Now()
	err := db.queryRow(ctx, `INSERT INTO people (email, name, lang, is_admin, password_hash, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		p.Email, p.Name, string(p.Lang), p.IsAdmin, p.PasswordHash, p.CreatedAt).Scan(&p.ID)
	if err = db.dialect.translate(err); apperr.Is(err, apperr.Conflict) {
		return &apperr.Error{Code: apperr.Conflict, Message: "An account with this email already exists.",
			Fields: map[string]string{"email": "is already registered"}, Err: err}
	}
	if err != nil {
		return fmt.Errorf("create person: %w", err)
	}
	return nil
}

// PersonByEmail finds an account by its normalised email.
func (db *DB) PersonByEmail(ctx context.Context, email string) (account.Person, error) {
	p, err := scanPerson(db.queryRow(ctx, "SELECT "+personCols+" FROM people WHERE email = ?", email))
	return p, notFound(err, "Person")
}

// Person finds an account by id.
func (db *DB) Person(ctx context.Context, id int64) (account.Person, error) {
	p, err := scanPerson(db.queryRowPrepared(ctx, "SELECT "+personCols+" FROM people WHERE id = ?", id))
	return p, notFound(err, "Person")
}

// SetPersonAdmin grants or removes platform administration.
func (db *DB) SetPersonAdmin(ctx context.Context, id int64, admin bool) error {
	_, err := db.exec(ctx, "UPDATE people SET is_admin = ? WHERE id = ?", admin, id)
	return err
}

// SetPersonLang remembers a person's language.
func (db *DB) SetPersonLang(ctx context.Context, id int64, lang i18n.Lang) error {
	_, err := db.exec(ctx, "UPDATE people SET lang = ? WHERE id = ?", string(lang), id)
	return err
}

// SetPassword replaces a person's password hash.
func (db *DB) SetPassword(ctx context.Context, id int64, hash string) error {
	_, err := db.exec(ctx, "UPDATE people SET password_hash = ? WHERE id = ?", hash, id)
	return err
}

// Memberships lists the organizations a person belongs to.
func (db *DB) Memberships(ctx context.Context, personID int64) ([]account.Membership, error) {
	rows, err := db.queryPrepared(ctx, "SELECT person_id, org_id, role FROM memberships WHERE person_id = ? ORDER BY org_id", personID)
	if err != nil {
		return nil, fmt.Errorf("memberships: %w", err)
	}
	defer rows.Close()
	var out []account.Membership
	for rows.Next() {
		var m account.Membership
		var role string
		if err := rows.Scan(&m.PersonID, &m.OrgID, &role); err != nil {
			return nil, err
		}
		m.Role = account.MemberRole(role)
		out = append(out, m)
	}
	return out, rows.Err()
}

// AddMembership puts a person in an organization.
func (db *DB) AddMembership(ctx context.Context, m account.Membership) error {
	_, err := db.exec(ctx, "INSERT INTO memberships (person_id, org_id, role) VALUES (?, ?, ?)", m.PersonID, m.OrgID, string(m.Role))
	return db.dialect.translate(err)
}

// OrganizedEvents lists the ids of the events a person organizes.
func (db *DB) OrganizedEvents(ctx context.Context, personID int64) ([]int64, error) {
	return db.preparedIDs(ctx, "SELECT event_id FROM event_roles WHERE person_id = ? AND role = 'organizer' ORDER BY event_id", personID)
}

// AddOrganizer makes a person an organizer of an event.
func (db *DB) AddOrganizer(ctx context.Context, eventID, personID int64) error {
	_, err := db.exec(ctx, "INSERT INTO event_roles (event_id, person_id, role) VALUES (?, ?, 'organizer')", eventID, personID)
	return db.dialect.translate(err)
}

func (db *DB) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return readIDs(rows)
}

// preparedIDs is ids through a prepared statement, for the reads of every request.
func (db *DB) preparedIDs(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := db.queryPrepared(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return readIDs(rows)
}

func readIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// CreateWebSession stores a login session.
func (db *DB) CreateWebSession(ctx context.Context, s account.Session) error {
	_, err := db.exec(ctx, "INSERT INTO web_sessions (token_hash, person_id, csrf, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
		s.TokenHash, s.PersonID, s.CSRF, s.ExpiresAt.UTC(), db.Now())
	return err
}

// WebSession finds a live session.
func (db *DB) WebSession(ctx context.Context, hash string) (account.Session, error) {
	var s account.Session
	err := db.queryRowPrepared(ctx, "SELECT token_hash, person_id, csrf, expires_at FROM web_sessions WHERE token_hash = ? AND expires_at > ?",
		hash, db.Now()).Scan(&s.TokenHash, &s.PersonID, &s.CSRF, &s.ExpiresAt)
	return s, notFound(err, "Session")
}

// DeleteWebSession ends a session.
func (db *DB) DeleteWebSession(ctx context.Context, hash string) error {
	_, err := db.exec(ctx, "DELETE FROM web_sessions WHERE token_hash = ?", hash)
	return err
}

// DeleteExpiredWebSessions removes sessions past their end.
func (db *DB) DeleteExpiredWebSessions(ctx context.Context) error {
	_, err := db.exec(ctx, "DELETE FROM web_sessions WHERE expires_at <= ?", db.Now())
	return err
}

// Hit counts one attempt under key and returns the count so far in the
// window that began with the first attempt after the last window ended.
// (Windows aligned to the clock would let a burst across the boundary
// count twice the limit.) Counters live in the database so that every
// instance sees the same count.
func (db *DB) Hit(ctx context.Context, key string, window time.Duration) (int, error) {
	now := db.Now()
	start := now
	var n int
	err := db.inTx(ctx, func(tx *Tx) error {
		var ws time.Time
		err := tx.queryRow(ctx, "SELECT window_start, count FROM rate_limits WHERE key = ?", key).Scan(&ws, &n)
		switch {
		case err == sql.ErrNoRows:
			n = 1
			_, err = tx.exec(ctx, "INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, count = 1", key, start)
		case err != nil:
		case !now.Before(ws.Add(window)):
			n = 1
			_, err = tx.exec(ctx, "UPDATE rate_limits SET window_start = ?, count = 1 WHERE key = ?", start, key)
		default:
			n++
			_, err = tx.exec(ctx, "UPDATE rate_limits SET count = count + 1 WHERE key = ?", key)
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("rate limit: %w", err)
	}
	return n, nil
}

// OrgMembers returns the people who are members of an organization (admins
// and staff), by id.
func (db *DB) OrgMembers(ctx context.Context, orgID int64) ([]account.Person, error) {
	rows, err := db.query(ctx, "SELECT p."+strings.ReplaceAll(personCols, ", ", ", p.")+
		" FROM people p JOIN memberships m ON m.person_id = p.id WHERE m.org_id = ? ORDER BY p.id", orgID)
	if err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	defer rows.Close()
	var out []account.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
