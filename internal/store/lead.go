package store

import (
	"context"
	"fmt"

	"ketnoi/internal/lead"
)

// Leads lists an exhibitor's leads with the registrations' details; the
// lead package decides which of them the exhibitor may see.
func (db *DB) Leads(ctx context.Context, eventID, exhibitorID int64) ([]lead.Record, error) {
	rows, err := db.query(ctx, `SELECT l.id, l.exhibitor_id, l.registration_id, p.name, `+registrantOrg+`, r.job_title, r.category, p.email, r.phone,
		r.consent_contact, l.rating, l.note, l.day, l.created_at
		FROM leads l JOIN registrations r ON r.id = l.registration_id JOIN people p ON p.id = r.person_id
		WHERE l.event_id = ? AND l.exhibitor_id = ? ORDER BY l.created_at, l.id`, eventID, exhibitorID)
	if err != nil {
		return nil, fmt.Errorf("leads: %w", err)
	}
	defer rows.Close()
	out := []lead.Record{}
	for rows.Next() {
		var r lead.Record
		if err := rows.Scan(&r.ID, &r.ExhibitorID, &r.RegistrationID, &r.Name, &r.Organization, &r.JobTitle, &r.Category, &r.Email, &r.Phone,
			&r.Consent, &r.Rating, &r.Note, &r.Day, &r.ScannedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// UpdateLead sets a lead's rating and note, for its exhibitor only.
func (db *DB) UpdateLead(ctx context.Context, eventID, exhibitorID, id int64, rating int, note string) error {
	res, err := db.exec(ctx, "UPDATE leads SET rating = ?, note = ? WHERE event_id = ? AND exhibitor_id = ? AND id = ?", rating, note, eventID, exhibitorID, id)
	if err != nil {
		return fmt.Errorf("update lead: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Lead")
	}
	return nil
}
