package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
)

const appCols = `a.id, a.event_id, a.org_id, a.exhibitor_id, a.status, a.booth_type, a.area_m2, a.sector, a.preferred, a.preferred_zone,
	a.pavilion, a.competitors, a.products, a.contact_email, a.lang, a.created_at, a.updated_at, o.name_vi, o.name_en, o.name_ko`

func scanApp(row interface{ Scan(...any) error }) (exhibit.Application, error) {
	var a exhibit.Application
	var status, pref, comp, lang string
	err := row.Scan(&a.ID, &a.EventID, &a.OrgID, &a.ExhibitorID, &status, &a.BoothType, &a.Area, &a.Sector, &pref, &a.Zone,
		&a.Pavilion, &comp, &a.Products, &a.Email, &lang, &a.CreatedAt, &a.UpdatedAt, &a.OrgName.VI, &a.OrgName.EN, &a.OrgName.KO)
	a.Status, a.Lang = exhibit.Status(status), i18n.Lang(lang)
	a.Preferred, a.Competitors = splitLines(pref), splitLines(comp)
	return a, err
}

// Lists are stored one entry per line: names may hold commas.
func joinLines(s []string) string { return strings.Join(s, "\n") }

func splitLines(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}

// CreateApplication records an organization's application and its
// exhibitor (status applied) with the first line of its history, in one
// transaction. An organization applies once per event.
func (db *DB) CreateApplication(ctx context.Context, a *exhibit.Application, by exhibit.Change) error {
	now := db.Now()
	a.CreatedAt, a.UpdatedAt, a.Status = now, now, exhibit.Submitted
	return db.inTx(ctx, func(tx *Tx) error {
		err := tx.queryRow(ctx, `INSERT INTO exhibitors (event_id, org_id, status, pavilion, badge_quota, notes, created_at)
			VALUES (?, ?, ?, ?, 5, '', ?) RETURNING id`, a.EventID, a.OrgID, string(event.Applied), a.Pavilion, now).Scan(&a.ExhibitorID)
		if err != nil {
			err = db.dialect.translate(err)
			if apperr.Is(err, apperr.Conflict) {
				return apperr.Errorf(apperr.Conflict, "This organization is already an exhibitor or applicant at this event.")
			}
			return fmt.Errorf("create exhibitor: %w", err)
		}
		err = tx.queryRow(ctx, `INSERT INTO applications (event_id, org_id, exhibitor_id, status, booth_type, area_m2, sector, preferred, preferred_zone,
			pavilion, competitors, products, contact_email, lang, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.EventID, a.OrgID, a.ExhibitorID, string(a.Status), a.BoothType, a.Area, a.Sector, joinLines(a.Preferred), a.Zone,
			a.Pavilion, joinLines(a.Competitors), a.Products, a.Email, string(a.Lang), now, now).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("create application: %w", db.dialect.translate(err))
		}
		by.Status = a.Status
		return addChange(ctx, tx, a.ID, by, now)
	})
}

func addChange(ctx context.Context, tx *Tx, appID int64, c exhibit.Change, at time.Time) error {
	var person any
	if c.PersonID != 0 {
		person = c.PersonID
	}
	_, err := tx.exec(ctx, "INSERT INTO application_history (application_id, status, note, person_id, person_name, at) VALUES (?, ?, ?, ?, ?, ?)",
		appID, string(c.Status), c.Note, person, c.PersonName, at)
	if err != nil {
		return fmt.Errorf("record status change: %w", tx.db.dialect.translate(err))
	}
	return nil
}

// UpdateApplication replaces what an application asks for (the applicant
// editing it while changes are requested).
func (db *DB) UpdateApplication(ctx context.Context, a *exhibit.Application) error {
	a.UpdatedAt = db.Now()
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `UPDATE applications SET booth_type = ?, area_m2 = ?, sector = ?, preferred = ?, preferred_zone = ?, pavilion = ?,
			competitors = ?, products = ?, contact_email = ?, updated_at = ? WHERE event_id = ? AND id = ?`,
			a.BoothType, a.Area, a.Sector, joinLines(a.Preferred), a.Zone, a.Pavilion, joinLines(a.Competitors), a.Products, a.Email, a.UpdatedAt, a.EventID, a.ID)
		if err != nil {
			return fmt.Errorf("update application: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound("Application")
		}
		_, err = tx.exec(ctx, "UPDATE exhibitors SET pavilion = ? WHERE id = ?", a.Pavilion, a.ExhibitorID)
		return err
	})
}

// ChangeApplicationStatus moves an application from one status to another,
// sets its exhibitor's status to match and records who did it, in one
// transaction. It fails with a conflict when the application is no longer
// in status from (somebody else acted first).
func (db *DB) ChangeApplicationStatus(ctx context.Context, eventID, id int64, from, to exhibit.Status, by exhibit.Change) error {
	now := db.Now()
	return db.inTx(ctx, func(tx *Tx) error {
		var xid int64
		err := tx.queryRow(ctx, "UPDATE applications SET status = ?, updated_at = ? WHERE event_id = ? AND id = ? AND status = ? RETURNING exhibitor_id",
			string(to), now, eventID, id, string(from)).Scan(&xid)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.Errorf(apperr.Conflict, "The application changed meanwhile; reload it.")
		}
		if err != nil {
			return fmt.Errorf("change application: %w", err)
		}
		if _, err := tx.exec(ctx, "UPDATE exhibitors SET status = ? WHERE id = ?", string(to.Exhibitor()), xid); err != nil {
			return fmt.Errorf("change exhibitor status: %w", err)
		}
		if to != exhibit.Approved {
			// An exhibitor no longer approved gives its booths back.
			if _, err := tx.exec(ctx, "UPDATE booths SET exhibitor_id = NULL, status = 'free' WHERE exhibitor_id = ?", xid); err != nil {
				return fmt.Errorf("free booths: %w", err)
			}
		}
		by.Status = to
		return addChange(ctx, tx, id, by, now)
	})
}

// Application reads one application of an event with its history.
func (db *DB) Application(ctx context.Context, eventID, id int64) (exhibit.Application, error) {
	return db.oneApp(ctx, "a.event_id = ? AND a.id = ?", eventID, id)
}

// ApplicationOfExhibitor reads the application behind an exhibitor, if any.
func (db *DB) ApplicationOfExhibitor(ctx context.Context, eventID, exhibitorID int64) (exhibit.Application, error) {
	return db.oneApp(ctx, "a.event_id = ? AND a.exhibitor_id = ?", eventID, exhibitorID)
}

// ApplicationOfOrg reads an organization's application to an event, if any.
func (db *DB) ApplicationOfOrg(ctx context.Context, eventID, orgID int64) (exhibit.Application, error) {
	return db.oneApp(ctx, "a.event_id = ? AND a.org_id = ?", eventID, orgID)
}

func (db *DB) oneApp(ctx context.Context, where string, args ...any) (exhibit.Application, error) {
	a, err := scanApp(db.queryRow(ctx, "SELECT "+appCols+" FROM applications a JOIN organizations o ON o.id = a.org_id WHERE "+where, args...))
	if err != nil {
		return a, notFound(err, "Application")
	}
	a.History, err = db.history(ctx, a.ID)
	return a, err
}

func (db *DB) history(ctx context.Context, appID int64) ([]exhibit.Change, error) {
	rows, err := db.query(ctx, "SELECT status, note, COALESCE(person_id, 0), person_name, at FROM application_history WHERE application_id = ? ORDER BY id", appID)
	if err != nil {
		return nil, fmt.Errorf("application history: %w", err)
	}
	defer rows.Close()
	var out []exhibit.Change
	for rows.Next() {
		var c exhibit.Change
		var st string
		if err := rows.Scan(&st, &c.Note, &c.PersonID, &c.PersonName, &c.At); err != nil {
			return nil, err
		}
		c.Status = exhibit.Status(st)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Applications lists an event's applications, newest first, optionally of
// one status.
func (db *DB) Applications(ctx context.Context, eventID int64, status string) ([]exhibit.Application, error) {
	q, args := "SELECT "+appCols+" FROM applications a JOIN organizations o ON o.id = a.org_id WHERE a.event_id = ?", []any{eventID}
	if status != "" {
		q, args = q+" AND a.status = ?", append(args, status)
	}
	rows, err := db.query(ctx, q+" ORDER BY a.updated_at DESC, a.id DESC", args...)
	if err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	defer rows.Close()
	var out []exhibit.Application
	for rows.Next() {
		a, err := scanApp(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ApplicationsByExhibitor returns the applications of an event keyed by
// exhibitor, for building the allocation problem.
func (db *DB) ApplicationsByExhibitor(ctx context.Context, eventID int64) (map[int64]exhibit.Application, error) {
	apps, err := db.Applications(ctx, eventID, "")
	if err != nil {
		return nil, err
	}
	out := make(map[int64]exhibit.Application, len(apps))
	for _, a := range apps {
		out[a.ExhibitorID] = a
	}
	return out, nil
}

// ApplicationCounts counts an event's applications by status.
func (db *DB) ApplicationCounts(ctx context.Context, eventID int64) (map[string]int, error) {
	out := map[string]int{}
	if err := db.countBy(ctx, "SELECT status, COUNT(*) FROM applications WHERE event_id = ? GROUP BY status", eventID, out, nil); err != nil {
		return nil, fmt.Errorf("count applications: %w", err)
	}
	return out, nil
}

// Applications loads applications with their ids already set and their
// history (the demo); their exhibitors must be loaded first.
func (b *Bulk) Applications(as []exhibit.Application) error {
	rows := make([][]any, len(as))
	var hist [][]any
	for i, a := range as {
		rows[i] = []any{a.ID, a.EventID, a.OrgID, a.ExhibitorID, string(a.Status), a.BoothType, a.Area, a.Sector, joinLines(a.Preferred), a.Zone,
			a.Pavilion, joinLines(a.Competitors), a.Products, a.Email, string(a.Lang), a.CreatedAt.UTC(), a.UpdatedAt.UTC()}
		for _, c := range a.History {
			hist = append(hist, []any{int64(len(hist) + 1), a.ID, string(c.Status), c.Note, nullID(c.PersonID), c.PersonName, c.At.UTC()})
		}
	}
	err := b.insert("applications", []string{"id", "event_id", "org_id", "exhibitor_id", "status", "booth_type", "area_m2", "sector", "preferred",
		"preferred_zone", "pavilion", "competitors", "products", "contact_email", "lang", "created_at", "updated_at"}, rows)
	if err != nil {
		return err
	}
	if err := b.insert("application_history", []string{"id", "application_id", "status", "note", "person_id", "person_name", "at"}, hist); err != nil {
		return err
	}
	return b.tx.db.dialect.resetSequences(b.tx, "applications", "application_history")
}
