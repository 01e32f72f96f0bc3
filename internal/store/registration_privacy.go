package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"ketnoi/internal/checkin"
)

// PersonalData is everything ketnoi's check-in keeps about a person.
type PersonalData struct {
	Registrations []checkin.Registrant `json:"registrations"`
	Scans         []ScanRecord         `json:"scans"`
}

// ScanRecord is one scan of a person's badge.
type ScanRecord struct {
	EventID   int64  `json:"event_id"`
	Kind      string `json:"kind"`
	Point     string `json:"point"`
	Result    string `json:"result"`
	ScannedAt string `json:"scanned_at"`
}

// PersonalDataOf gathers a person's registrations and the scans of their
// badges, for them to download.
func (db *DB) PersonalDataOf(ctx context.Context, personID int64) (PersonalData, error) {
	var d PersonalData
	var err error
	if d.Registrations, err = db.RegistrantsOf(ctx, personID); err != nil {
		return d, err
	}
	rows, err := db.query(ctx, `SELECT s.event_id, s.kind, s.point, s.result, s.scanned_at FROM scans s JOIN registrations r ON r.id = s.registration_id
		WHERE r.person_id = ? ORDER BY s.scanned_at`, personID)
	if err != nil {
		return d, fmt.Errorf("personal data: %w", err)
	}
	defer rows.Close()
	d.Scans = []ScanRecord{}
	for rows.Next() {
		var s ScanRecord
		var at any
		if err := rows.Scan(&s.EventID, &s.Kind, &s.Point, &s.Result, &at); err != nil {
			return d, err
		}
		s.ScannedAt = fmt.Sprint(at)
		d.Scans = append(d.Scans, s)
	}
	return d, rows.Err()
}

// AnonymizeReport says what anonymising changes (or changed).
type AnonymizeReport struct {
	Registrations int  `json:"registrations"` // registrations whose personal data goes
	LeadNotes     int  `json:"lead_notes"`    // exhibitors' notes on them, cleared
	DryRun        bool `json:"dry_run"`
}

// AnonymizeEvent detaches an event's registrations from the people: each
// is moved to a fresh anonymous account with no name or email, and its
// phone, organization, job, interests and the exhibitors' notes are
// cleared. Categories, days, scans and leads stay, so every count and
// aggregate is unchanged. With dryRun nothing is written.
func (db *DB) AnonymizeEvent(ctx context.Context, eventID int64, dryRun bool) (AnonymizeReport, error) {
	rep := AnonymizeReport{DryRun: dryRun}
	err := db.inTx(ctx, func(tx *Tx) error {
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM registrations WHERE event_id = ? AND anonymized = FALSE", eventID).Scan(&rep.Registrations); err != nil {
			return err
		}
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM leads l JOIN registrations r ON r.id = l.registration_id
			WHERE l.event_id = ? AND r.anonymized = FALSE AND l.note <> ''`, eventID).Scan(&rep.LeadNotes); err != nil {
			return err
		}
		if dryRun {
			return nil
		}
		ids, err := tx.ids(ctx, "SELECT id FROM registrations WHERE event_id = ? AND anonymized = FALSE ORDER BY id", eventID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := tx.anonymize(ctx, id); err != nil {
				return err
			}
		}
		return nil
	})
	return rep, err
}

func (tx *Tx) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return readIDs(rows)
}

// anonymize moves one registration to a new anonymous account.
func (tx *Tx) anonymize(ctx context.Context, regID int64) error {
	b := make([]byte, 8)
	rand.Read(b)
	var anon int64
	if err := tx.queryRow(ctx, "INSERT INTO people (email, name, lang, created_at) VALUES (?, '', 'vi', ?) RETURNING id",
		"anonymous-"+hex.EncodeToString(b)+"@anonymous.invalid", tx.db.Now()).Scan(&anon); err != nil {
		return fmt.Errorf("anonymize: %w", err)
	}
	if _, err := tx.exec(ctx, `UPDATE registrations SET person_id = ?, org_id = NULL, org_name = '', phone = '', job_title = '', interests = '',
		consent_contact = FALSE, anonymized = TRUE WHERE id = ?`, anon, regID); err != nil {
		return fmt.Errorf("anonymize: %w", err)
	}
	_, err := tx.exec(ctx, "UPDATE leads SET note = '' WHERE registration_id = ?", regID)
	return err
}

// DeletePersonalData anonymises every registration of a person (counts
// stay) and deletes the account with its sessions and memberships.
func (db *DB) DeletePersonalData(ctx context.Context, personID int64) error {
	return db.inTx(ctx, func(tx *Tx) error {
		ids, err := tx.ids(ctx, "SELECT id FROM registrations WHERE person_id = ?", personID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := tx.anonymize(ctx, id); err != nil {
				return err
			}
		}
		if _, err := tx.exec(ctx, "DELETE FROM people WHERE id = ?", personID); err != nil {
			return fmt.Errorf("delete account: %w", tx.db.dialect.translate(err))
		}
		return nil
	})
}
