package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"ketnoi/internal/mail"
	"ketnoi/internal/outbox"
)

// EnqueueMail writes a mail to the outbox, due now.
func (db *DB) EnqueueMail(ctx context.Context, m *outbox.Mail) error {
	defer db.writer()()
	return db.inTx(ctx, func(tx *Tx) error { return tx.enqueueMail(ctx, m) })
}

func (tx *Tx) enqueueMail(ctx context.Context, m *outbox.Mail) error {
	body := ""
	if m.Message != nil {
		b, err := json.Marshal(m.Message)
		if err != nil {
			return fmt.Errorf("queue mail: %w", err)
		}
		body = string(b)
	}
	now := tx.db.Now()
	m.Status, m.CreatedAt = outbox.Pending, now
	err := tx.queryRow(ctx, `INSERT INTO mail_outbox (kind, event_id, registration_id, recipient, subject, message, status, next_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.Kind, nullID(m.EventID), nullID(m.RegistrationID), m.To, m.Subject, body, m.Status, now.UnixMilli(), now).Scan(&m.ID)
	return tx.db.dialect.translate(err)
}

// ClaimMail takes up to limit due mails for one worker: each gets an
// attempt counted and is hidden from other workers until lease has passed
// (so that a worker that dies lets go of it). On PostgreSQL the rows are
// locked with FOR UPDATE SKIP LOCKED, so that concurrent workers on
// several instances never take the same mail; SQLite has one writer.
func (db *DB) ClaimMail(ctx context.Context, limit int, lease time.Duration) ([]outbox.Mail, error) {
	now := db.Now()
	// A cheap read first: an idle worker polls, and on SQLite a claim is a
	// write that would queue behind registrations.
	var due int
	if err := db.queryRow(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM mail_outbox WHERE status = 'pending' AND next_at <= ? LIMIT 1) d", now.UnixMilli()).Scan(&due); err != nil {
		return nil, fmt.Errorf("claim mail: %w", err)
	}
	if due == 0 {
		return nil, nil
	}
	skip := ""
	if db.dialect.name == "postgres" {
		skip = " FOR UPDATE SKIP LOCKED"
	}
	defer db.writer()()
	rows, err := db.query(ctx, `UPDATE mail_outbox SET next_at = ?, attempts = attempts + 1
		WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT ?`+skip+`)
		RETURNING `+mailCols, now.Add(lease).UnixMilli(), now.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("claim mail: %w", err)
	}
	defer rows.Close()
	var out []outbox.Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

const mailCols = "id, kind, COALESCE(event_id, 0), COALESCE(registration_id, 0), recipient, subject, message, status, attempts, last_error, created_at, sent_at"

func scanMail(row interface{ Scan(...any) error }) (outbox.Mail, error) {
	var m outbox.Mail
	var body string
	var sent sql.NullTime
	if err := row.Scan(&m.ID, &m.Kind, &m.EventID, &m.RegistrationID, &m.To, &m.Subject, &body, &m.Status, &m.Attempts, &m.LastError, &m.CreatedAt, &sent); err != nil {
		return m, err
	}
	m.CreatedAt = m.CreatedAt.UTC()
	if sent.Valid {
		t := sent.Time.UTC()
		m.SentAt = &t
	}
	if body != "" {
		m.Message = new(mail.Message)
		if err := json.Unmarshal([]byte(body), m.Message); err != nil {
			return m, fmt.Errorf("mail %d is damaged: %w", m.ID, err)
		}
	}
	return m, nil
}

// MailSent marks a mail delivered.
func (db *DB) MailSent(ctx context.Context, id int64) error {
	defer db.writer()()
	_, err := db.exec(ctx, "UPDATE mail_outbox SET status = 'sent', sent_at = ?, last_error = '' WHERE id = ?", db.Now(), id)
	return err
}

// MailFailed records a failed attempt: the mail is due again at retryAt,
// or failed for good with its error kept.
func (db *DB) MailFailed(ctx context.Context, id int64, why string, retryAt time.Time, giveUp bool) error {
	status := outbox.Pending
	if giveUp {
		status = outbox.Failed
	}
	if len(why) > 2000 {
		why = why[:2000]
	}
	defer db.writer()()
	_, err := db.exec(ctx, "UPDATE mail_outbox SET status = ?, last_error = ?, next_at = ? WHERE id = ?", status, why, retryAt.UnixMilli(), id)
	return err
}

// ReleaseMail hands back a claimed mail that was not attempted.
func (db *DB) ReleaseMail(ctx context.Context, id int64) error {
	defer db.writer()()
	_, err := db.exec(ctx, "UPDATE mail_outbox SET next_at = ?, attempts = attempts - 1 WHERE id = ? AND status = 'pending' AND attempts > 0", db.Now().UnixMilli(), id)
	return err
}

// PruneSentMail deletes mail sent before a time.
func (db *DB) PruneSentMail(ctx context.Context, before time.Time) (int, error) {
	defer db.writer()()
	res, err := db.exec(ctx, "DELETE FROM mail_outbox WHERE status = 'sent' AND sent_at < ?", before)
	if err != nil {
		return 0, fmt.Errorf("prune mail: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// MailCounts counts the outbox by status; eventID 0 counts every mail.
func (db *DB) MailCounts(ctx context.Context, eventID int64) (outbox.Counts, error) {
	q, args := "SELECT status, COUNT(*) FROM mail_outbox", []any{}
	if eventID != 0 {
		q, args = q+" WHERE event_id = ?", append(args, eventID)
	}
	rows, err := db.query(ctx, q+" GROUP BY status", args...)
	if err != nil {
		return outbox.Counts{}, fmt.Errorf("mail counts: %w", err)
	}
	defer rows.Close()
	var c outbox.Counts
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return c, err
		}
		switch status {
		case outbox.Pending:
			c.Pending = n
		case outbox.Failed:
			c.Failed = n
		case outbox.Sent:
			c.Sent = n
		}
	}
	return c, rows.Err()
}

// Mails lists the newest mails of a status (all events when eventID is 0).
func (db *DB) Mails(ctx context.Context, eventID int64, status string, limit int) ([]outbox.Mail, error) {
	q, args := "SELECT "+mailCols+" FROM mail_outbox WHERE status = ?", []any{status}
	if eventID != 0 {
		q, args = q+" AND event_id = ?", append(args, eventID)
	}
	rows, err := db.query(ctx, q+" ORDER BY id DESC LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("mails: %w", err)
	}
	defer rows.Close()
	out := []outbox.Mail{}
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, err
		}
		m.Message = nil // the console shows the envelope, not the content
		out = append(out, m)
	}
	return out, rows.Err()
}

// RetryFailedMail makes failed mails pending again with fresh attempts
// (of one event, or all when eventID is 0) and returns how many.
func (db *DB) RetryFailedMail(ctx context.Context, eventID int64) (int, error) {
	q, args := "UPDATE mail_outbox SET status = 'pending', attempts = 0, next_at = ? WHERE status = 'failed'", []any{db.Now().UnixMilli()}
	if eventID != 0 {
		q, args = q+" AND event_id = ?", append(args, eventID)
	}
	defer db.writer()()
	res, err := db.exec(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("retry mail: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
