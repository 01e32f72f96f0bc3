package store

import (
	"context"
	"fmt"

	"ketnoi/internal/event"
)

// CreateRegistration registers a person at an event; a second registration
// of the same person is a conflict.
func (db *DB) CreateRegistration(ctx context.Context, r *event.Registration) error {
	r.CreatedAt = db.Now()
	if r.Status == "" {
		r.Status = "active"
	}
	err := db.queryRow(ctx, `INSERT INTO registrations (event_id, person_id, org_id, category, job_title, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.EventID, r.PersonID, nullID(r.OrgID), string(r.Category), r.JobTitle, r.Status, r.CreatedAt).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("create registration: %w", db.dialect.translate(err))
	}
	return nil
}

// RegistrationOf returns a person's registration at an event.
func (db *DB) RegistrationOf(ctx context.Context, eventID, personID int64) (event.Registration, error) {
	var r event.Registration
	var cat string
	err := db.queryRow(ctx, `SELECT id, event_id, person_id, COALESCE(org_id, 0), category, job_title, status, created_at
		FROM registrations WHERE event_id = ? AND person_id = ?`, eventID, personID).
		Scan(&r.ID, &r.EventID, &r.PersonID, &r.OrgID, &cat, &r.JobTitle, &r.Status, &r.CreatedAt)
	r.Category = event.Category(cat)
	return r, notFound(err, "Registration")
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Stats computes an event's figures: those of its floor and those of its
// attendance.
func (db *DB) Stats(ctx context.Context, eventID int64) (event.Stats, error) {
	s, err := db.FloorStats(ctx, eventID)
	if err != nil {
		return s, err
	}
	err = db.AttendanceStats(ctx, eventID, &s)
	return s, err
}

// FloorStats computes the figures of an event's floor: exhibitors, booths,
// halls, sold area and revenue. They change only with what moves the
// directory version, so a cache of them may follow that version.
func (db *DB) FloorStats(ctx context.Context, eventID int64) (event.Stats, error) {
	s := event.Stats{ExhibitorsByStat: map[string]int{}, BoothsByStatus: map[string]int{}, ByCategory: map[string]int{}, ByCountry: map[string]int{}}
	groups := []struct {
		q   string
		out map[string]int
		sum *int
	}{
		{"SELECT status, COUNT(*) FROM exhibitors WHERE event_id = ? GROUP BY status", s.ExhibitorsByStat, &s.Exhibitors},
		{"SELECT status, COUNT(*) FROM booths WHERE event_id = ? GROUP BY status", s.BoothsByStatus, &s.Booths},
		{"SELECT o.country, COUNT(*) FROM exhibitors x JOIN organizations o ON o.id = x.org_id WHERE x.event_id = ? AND x.status = 'approved' GROUP BY o.country", s.ByCountry, nil},
	}
	for _, g := range groups {
		if err := db.countBy(ctx, g.q, eventID, g.out, g.sum); err != nil {
			return s, fmt.Errorf("floor stats: %w", err)
		}
	}
	err := db.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM halls WHERE event_id = ?),
		COALESCE((SELECT SUM(w_m * h_m) FROM booths WHERE event_id = ? AND status = 'sold'), 0),
		COALESCE((SELECT SUM(price_vnd) FROM booths WHERE event_id = ? AND status = 'sold'), 0)`, eventID, eventID, eventID).
		Scan(&s.Halls, &s.SoldAreaM2, &s.RevenueVND)
	if err != nil {
		return s, fmt.Errorf("floor stats: %w", err)
	}
	return s, nil
}

// AttendanceStats fills in s the figures that change with every
// registration and session: active registrations by category, sessions.
// It replaces s.ByCategory rather than writing into it, so s may be a copy
// of a cached value.
func (db *DB) AttendanceStats(ctx context.Context, eventID int64, s *event.Stats) error {
	s.ByCategory, s.Registrations = map[string]int{}, 0
	if err := db.countBy(ctx, "SELECT category, COUNT(*) FROM registrations WHERE event_id = ? AND status = 'active' GROUP BY category", eventID, s.ByCategory, &s.Registrations); err != nil {
		return fmt.Errorf("attendance stats: %w", err)
	}
	if err := db.queryRow(ctx, "SELECT COUNT(*) FROM forum_sessions WHERE event_id = ?", eventID).Scan(&s.Sessions); err != nil {
		return fmt.Errorf("attendance stats: %w", err)
	}
	return nil
}

func (db *DB) countBy(ctx context.Context, q string, eventID int64, out map[string]int, sum *int) error {
	rows, err := db.query(ctx, q, eventID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		out[k] = n
		if sum != nil {
			*sum += n
		}
	}
	return rows.Err()
}
