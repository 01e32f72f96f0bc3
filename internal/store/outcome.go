package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
)

const outcomeCols = "o.id, o.event_id, o.meeting_id, o.card_id, o.reporter_org, o.partner_org, o.kind, o.value_vnd, o.note, o.status, o.answer, " +
	"o.reported_by, o.answered_by, o.created_at, o.updated_at, " +
	"r.name_vi, r.name_en, r.name_ko, r.country, p.name_vi, p.name_en, p.name_ko, p.country"

const outcomeFrom = " FROM outcomes o JOIN organizations r ON r.id = o.reporter_org JOIN organizations p ON p.id = o.partner_org"

func scanOutcome(row interface{ Scan(...any) error }) (outcome.View, error) {
	var v outcome.View
	o := &v.Outcome
	var ev, mt, card, by, ans sql.NullInt64
	var kind, status string
	err := row.Scan(&o.ID, &ev, &mt, &card, &o.Reporter, &o.Partner, &kind, &o.Value, &o.Note, &status, &o.Answer,
		&by, &ans, &o.CreatedAt, &o.UpdatedAt,
		&v.ReporterOrg.Name.VI, &v.ReporterOrg.Name.EN, &v.ReporterOrg.Name.KO, &v.ReporterOrg.Country,
		&v.PartnerOrg.Name.VI, &v.PartnerOrg.Name.EN, &v.PartnerOrg.Name.KO, &v.PartnerOrg.Country)
	o.EventID, o.MeetingID, o.CardID, o.ReportedBy, o.AnsweredBy = ev.Int64, mt.Int64, card.Int64, by.Int64, ans.Int64
	o.Kind, o.Status = outcome.Kind(kind), outcome.Status(status)
	v.ReporterOrg.ID, v.PartnerOrg.ID = o.Reporter, o.Partner
	return v, err
}

// CreateOutcome stores a new report. A second report of the same kind of
// the same meeting (or, without a meeting, of the same card by the same
// organization) is outcome.ErrDuplicate.
func (db *DB) CreateOutcome(ctx context.Context, o *outcome.Outcome) error {
	now := db.Now()
	o.CreatedAt, o.UpdatedAt = now, now
	err := db.queryRow(ctx, `INSERT INTO outcomes (event_id, meeting_id, card_id, reporter_org, partner_org, kind, value_vnd, note, status, reported_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		nullID(o.EventID), nullID(o.MeetingID), nullID(o.CardID), o.Reporter, o.Partner, string(o.Kind), o.Value, o.Note, string(o.Status),
		nullID(o.ReportedBy), now, now).Scan(&o.ID)
	if err = db.dialect.translate(err); apperr.Is(err, apperr.Conflict) {
		return outcome.ErrDuplicate
	} else if err != nil {
		return fmt.Errorf("create outcome: %w", err)
	}
	return nil
}

// Outcome reads one outcome.
func (db *DB) Outcome(ctx context.Context, id int64) (outcome.View, error) {
	v, err := scanOutcome(db.queryRow(ctx, "SELECT "+outcomeCols+outcomeFrom+" WHERE o.id = ?", id))
	return v, notFound(err, "Outcome")
}

// OutcomeOrgs returns the reporting and the partner organization of an
// outcome, for the authorization of the routes that answer it.
func (db *DB) OutcomeOrgs(ctx context.Context, id int64) (reporter, partner int64, err error) {
	err = db.queryRow(ctx, "SELECT reporter_org, partner_org FROM outcomes WHERE id = ?", id).Scan(&reporter, &partner)
	return reporter, partner, notFound(err, "Outcome")
}

// SaveOutcome writes the partner's answer if the outcome still is in the
// status was; otherwise someone answered first and it is a conflict.
func (db *DB) SaveOutcome(ctx context.Context, o *outcome.Outcome, was outcome.Status) error {
	o.UpdatedAt = db.Now()
	res, err := db.exec(ctx, "UPDATE outcomes SET status = ?, answer = ?, answered_by = ?, updated_at = ? WHERE id = ? AND status = ?",
		string(o.Status), o.Answer, nullID(o.AnsweredBy), o.UpdatedAt, o.ID, string(was))
	if err != nil {
		return fmt.Errorf("save outcome: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return apperr.Errorf(apperr.Conflict, "This report was changed meanwhile; please reload.")
	}
	return nil
}

// DeleteOutcome removes a report that is still in the status was and not
// confirmed: a confirmed outcome is never removed by one side alone, even
// if the partner confirms it between the reporter's read and this delete.
func (db *DB) DeleteOutcome(ctx context.Context, id int64, was outcome.Status) error {
	res, err := db.exec(ctx, "DELETE FROM outcomes WHERE id = ? AND status = ? AND status <> 'confirmed'", id, string(was))
	if err != nil {
		return fmt.Errorf("delete outcome: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return apperr.Errorf(apperr.Conflict, "This report was changed meanwhile; please reload.")
	}
	return nil
}

// OrgOutcomes lists the outcomes an organization reported or is the
// partner of, newest first.
func (db *DB) OrgOutcomes(ctx context.Context, orgID int64) ([]outcome.View, error) {
	return db.outcomes(ctx, " WHERE o.reporter_org = ? OR o.partner_org = ? ORDER BY o.created_at DESC, o.id DESC", orgID, orgID)
}

// EventOutcomes lists the outcomes of an event's meetings, newest first.
func (db *DB) EventOutcomes(ctx context.Context, eventID int64) ([]outcome.View, error) {
	return db.outcomes(ctx, " WHERE o.event_id = ? ORDER BY o.created_at DESC, o.id DESC", eventID)
}

// MeetingOutcomes lists the outcomes reported of some meetings, by meeting.
func (db *DB) MeetingOutcomes(ctx context.Context, meetingIDs []int64) (map[int64][]outcome.View, error) {
	out := map[int64][]outcome.View{}
	if len(meetingIDs) == 0 {
		return out, nil
	}
	vs, err := db.outcomes(ctx, " WHERE o.meeting_id IN ("+placeholders(len(meetingIDs))+") ORDER BY o.id", int64Args(meetingIDs)...)
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		out[v.MeetingID] = append(out[v.MeetingID], v)
	}
	return out, nil
}

func (db *DB) outcomes(ctx context.Context, where string, args ...any) ([]outcome.View, error) {
	rows, err := db.query(ctx, "SELECT "+outcomeCols+outcomeFrom+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list outcomes: %w", err)
	}
	defer rows.Close()
	out := []outcome.View{}
	for rows.Next() {
		v, err := scanOutcome(rows)
		if err != nil {
			return nil, fmt.Errorf("list outcomes: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Outcomes loads reports with their ids already set (the demo).
func (b *Bulk) Outcomes(os []outcome.Outcome) error {
	rows := make([][]any, len(os))
	for i, o := range os {
		rows[i] = []any{o.ID, nullID(o.EventID), nullID(o.MeetingID), nullID(o.CardID), o.Reporter, o.Partner, string(o.Kind), o.Value,
			o.Note, string(o.Status), o.Answer, nullID(o.ReportedBy), nullID(o.AnsweredBy), o.CreatedAt.UTC(), o.UpdatedAt.UTC()}
	}
	if err := b.insert("outcomes", []string{"id", "event_id", "meeting_id", "card_id", "reporter_org", "partner_org", "kind", "value_vnd",
		"note", "status", "answer", "reported_by", "answered_by", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	return b.tx.db.dialect.resetSequences(b.tx, "outcomes")
}

// ConfirmedFacts lists every confirmed outcome as the public indicators
// see it: its kind, value, year and event, and the kinds and countries of
// the two organizations, not their names.
func (db *DB) ConfirmedFacts(ctx context.Context) ([]outcome.Fact, error) {
	rows, err := db.query(ctx, `SELECT o.kind, o.value_vnd, o.created_at, r.kind, r.country, p.kind, p.country, o.event_id,
		COALESCE(c.kind, '') = 'research_result'
		FROM outcomes o JOIN organizations r ON r.id = o.reporter_org JOIN organizations p ON p.id = o.partner_org
		LEFT JOIN cards c ON c.id = o.card_id
		WHERE o.status = 'confirmed'`)
	if err != nil {
		return nil, fmt.Errorf("confirmed outcomes: %w", err)
	}
	defer rows.Close()
	out := []outcome.Fact{}
	for rows.Next() {
		var f outcome.Fact
		var kind, rk, pk string
		var at time.Time
		var ev sql.NullInt64
		if err := rows.Scan(&kind, &f.Value, &at, &rk, &f.ReporterCountry, &pk, &f.PartnerCountry, &ev, &f.FromResearch); err != nil {
			return nil, fmt.Errorf("confirmed outcomes: %w", err)
		}
		f.Kind, f.Year, f.EventID = outcome.Kind(kind), at.Year(), ev.Int64
		f.ReporterHouse, f.PartnerHouse = org.Kind(rk).House(), org.Kind(pk).House()
		out = append(out, f)
	}
	return out, rows.Err()
}

// MatchFigures are an event's B2B figures for its public page.
type MatchFigures struct {
	Held      int // meetings checked in as held
	Outcomes  int // confirmed outcomes of its meetings
	Orgs      int // organizations with a meeting scheduled or held
	Countries int // their countries
}

// MatchFigures counts an event's B2B meetings that were held, the confirmed
// outcomes of its meetings, and the organizations (and their countries)
// that meet there, for its public page.
func (db *DB) MatchFigures(ctx context.Context, eventID int64) (MatchFigures, error) {
	var f MatchFigures
	err := db.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM meetings WHERE event_id = ? AND status = 'held'),
		(SELECT COUNT(*) FROM outcomes WHERE event_id = ? AND status = 'confirmed'),
		COUNT(*), COUNT(DISTINCT country)
		FROM organizations WHERE id IN (
			SELECT from_org FROM meetings WHERE event_id = ? AND status IN ('scheduled', 'held')
			UNION SELECT to_org FROM meetings WHERE event_id = ? AND status IN ('scheduled', 'held'))`,
		eventID, eventID, eventID, eventID).Scan(&f.Held, &f.Outcomes, &f.Orgs, &f.Countries)
	if err != nil {
		return MatchFigures{}, fmt.Errorf("match figures: %w", err)
	}
	return f, nil
}
