package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/meeting"
	"ketnoi/internal/outcome"
)

const meetingCols = "m.id, m.event_id, m.from_org, m.to_org, m.requested_by, m.answered_by, m.card_id, m.origin, m.message, m.place, m.status, m.reason, " +
	"m.proposed_slot, m.proposed_by, m.wanted_slot, m.slot, m.location, m.checked_in_at, m.absent, m.created_at, m.updated_at, " +
	"f.name_vi, f.name_en, f.name_ko, f.country, t.name_vi, t.name_en, t.name_ko, t.country"

const meetingFrom = " FROM meetings m JOIN organizations f ON f.id = m.from_org JOIN organizations t ON t.id = m.to_org"

func scanMeeting(row interface{ Scan(...any) error }) (meeting.View, error) {
	var v meeting.View
	m := &v.Meeting
	var by, ans, card, propBy sql.NullInt64
	var checked sql.NullTime
	var origin, place, status, absent string
	err := row.Scan(&m.ID, &m.EventID, &m.FromOrg, &m.ToOrg, &by, &ans, &card, &origin, &m.Message, &place, &status, &m.Reason,
		&m.ProposedSlot, &propBy, &m.WantedSlot, &m.Slot, &m.Location, &checked, &absent, &m.CreatedAt, &m.UpdatedAt,
		&v.From.Name.VI, &v.From.Name.EN, &v.From.Name.KO, &v.From.Country, &v.To.Name.VI, &v.To.Name.EN, &v.To.Name.KO, &v.To.Country)
	m.RequestedBy, m.AnsweredBy, m.CardID, m.ProposedBy = by.Int64, ans.Int64, card.Int64, propBy.Int64
	m.Origin, m.Place, m.Status = meeting.Origin(origin), meeting.Place(place), meeting.Status(status)
	if checked.Valid {
		t := checked.Time.UTC()
		m.CheckedInAt = &t
	}
	m.Absent = absentOrgs(m, absent)
	v.From.ID, v.To.ID = m.FromOrg, m.ToOrg
	return v, err
}

// absentCode is how a meeting's absent sides are stored (the absent
// column): "from" for the requester, "to" for the organization asked,
// "both", or "" when the meeting is not a no-show. A no-show that names
// nobody counts both sides absent, as no-shows did before the sides were
// told apart.
func absentCode(m *meeting.Meeting) string {
	if m.Status != meeting.NoShow {
		return ""
	}
	from, to := slices.Contains(m.Absent, m.FromOrg), slices.Contains(m.Absent, m.ToOrg)
	switch {
	case from && !to:
		return "from"
	case to && !from:
		return "to"
	}
	return "both"
}

// absentOrgs reads the absent column back as the organizations absent.
func absentOrgs(m *meeting.Meeting, code string) []int64 {
	switch code {
	case "from":
		return []int64{m.FromOrg}
	case "to":
		return []int64{m.ToOrg}
	case "both":
		return []int64{m.FromOrg, m.ToOrg}
	}
	return nil
}

// CreateMeeting stores a new request. A second open request between the
// same two organizations at the same event is a conflict (ErrPairOpen), and
// so is a request beyond the event's limit of open requests sent by one
// organization (ErrRequestLimit).
func (db *DB) CreateMeeting(ctx context.Context, m *meeting.Meeting) error {
	now := db.Now()
	m.CreatedAt, m.UpdatedAt = now, now
	return db.inTx(ctx, func(tx *Tx) error {
		// The event's settings row, locked on PostgreSQL, makes concurrent
		// requests at an event with a limit take turns, so that two cannot
		// both pass the counts below.
		q := "SELECT max_requests FROM match_settings WHERE event_id = ?"
		if tx.db.dialect.name == "postgres" {
			q += " FOR UPDATE"
		}
		var limit int
		if err := tx.queryRow(ctx, q, m.EventID).Scan(&limit); err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("create meeting: %w", err)
		}
		var pair int
		err := tx.queryRow(ctx, `SELECT COUNT(*) FROM meetings WHERE event_id = ? AND status IN ('requested', 'proposed', 'accepted', 'scheduled')
			AND ((from_org = ? AND to_org = ?) OR (from_org = ? AND to_org = ?))`, m.EventID, m.FromOrg, m.ToOrg, m.ToOrg, m.FromOrg).Scan(&pair)
		if err != nil {
			return fmt.Errorf("create meeting: %w", err)
		}
		if pair > 0 {
			return meeting.ErrPairOpen
		}
		if limit > 0 {
			var sent int
			if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM meetings WHERE from_org = ? AND event_id = ?
				AND status IN ('requested', 'proposed', 'accepted', 'scheduled')`, m.FromOrg, m.EventID).Scan(&sent); err != nil {
				return fmt.Errorf("create meeting: %w", err)
			}
			if sent >= limit {
				return meeting.ErrRequestLimit
			}
		}
		err = tx.queryRow(ctx, `INSERT INTO meetings (event_id, from_org, to_org, requested_by, card_id, origin, message, place, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			m.EventID, m.FromOrg, m.ToOrg, nullID(m.RequestedBy), nullID(m.CardID), string(m.Origin), m.Message, string(m.Place), string(m.Status), now, now).Scan(&m.ID)
		if err != nil {
			return fmt.Errorf("create meeting: %w", db.dialect.translate(err))
		}
		return nil
	})
}

// Meeting reads one meeting of an event.
func (db *DB) Meeting(ctx context.Context, eventID, id int64) (meeting.View, error) {
	v, err := scanMeeting(db.queryRow(ctx, "SELECT "+meetingCols+meetingFrom+" WHERE m.event_id = ? AND m.id = ?", eventID, id))
	return v, notFound(err, "Meeting")
}

// MeetingOrgs returns the two organizations of a meeting of an event.
func (db *DB) MeetingOrgs(ctx context.Context, eventID, id int64) (from, to int64, err error) {
	err = db.queryRow(ctx, "SELECT from_org, to_org FROM meetings WHERE event_id = ? AND id = ?", eventID, id).Scan(&from, &to)
	return from, to, notFound(err, "Meeting")
}

// SaveMeeting writes a meeting's new state if it still is in the state
// was; otherwise someone acted first and it is a conflict. A meeting
// cancelled takes with it the outcomes reported for it that its partner
// has not confirmed: reported ahead of a meeting that then did not take
// place, they would count as coming from a B2B meeting.
func (db *DB) SaveMeeting(ctx context.Context, m *meeting.Meeting, was meeting.Status) error {
	m.UpdatedAt = db.Now()
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `UPDATE meetings SET status = ?, reason = ?, proposed_slot = ?, proposed_by = ?, wanted_slot = ?, slot = ?, location = ?,
		answered_by = ?, checked_in_at = ?, absent = ?, updated_at = ? WHERE event_id = ? AND id = ? AND status = ?`,
			string(m.Status), m.Reason, m.ProposedSlot, nullID(m.ProposedBy), m.WantedSlot, m.Slot, m.Location, nullID(m.AnsweredBy),
			m.CheckedInAt, absentCode(m), m.UpdatedAt, m.EventID, m.ID, string(was))
		if err != nil {
			return fmt.Errorf("save meeting: %w", db.dialect.translate(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Errorf(apperr.Conflict, "This meeting was changed meanwhile; please reload.")
		}
		if m.Status != meeting.Cancelled {
			return nil
		}
		if _, err := tx.exec(ctx, "DELETE FROM outcomes WHERE meeting_id = ? AND status <> ?", m.ID, string(outcome.Confirmed)); err != nil {
			return fmt.Errorf("withdraw the outcomes of a cancelled meeting: %w", err)
		}
		return nil
	})
}

// MeetingsOfOrgs lists an event's meetings of some organizations, by slot
// then newest request.
func (db *DB) MeetingsOfOrgs(ctx context.Context, eventID int64, orgIDs []int64) ([]meeting.View, error) {
	if len(orgIDs) == 0 {
		return []meeting.View{}, nil
	}
	ph := placeholders(len(orgIDs))
	args := append([]any{eventID}, int64Args(orgIDs)...)
	args = append(args, int64Args(orgIDs)...)
	return db.meetings(ctx, " WHERE m.event_id = ? AND (m.from_org IN ("+ph+") OR m.to_org IN ("+ph+")) ORDER BY m.slot, m.id DESC", args...)
}

// MeetingsTookPlace lists an organization's meetings at every event that
// are held or scheduled (some of them may still be to come), by event and
// slot.
func (db *DB) MeetingsTookPlace(ctx context.Context, orgID int64) ([]meeting.View, error) {
	return db.meetings(ctx, " WHERE (m.from_org = ? OR m.to_org = ?) AND m.status IN ('held', 'scheduled') ORDER BY m.event_id, m.slot, m.id", orgID, orgID)
}

// EventMeetings lists an event's meetings with one of the statuses (all
// when none), by slot and location.
func (db *DB) EventMeetings(ctx context.Context, eventID int64, statuses ...meeting.Status) ([]meeting.View, error) {
	where, args := " WHERE m.event_id = ?", []any{eventID}
	if len(statuses) > 0 {
		where += " AND m.status IN (" + placeholders(len(statuses)) + ")"
		for _, s := range statuses {
			args = append(args, string(s))
		}
	}
	return db.meetings(ctx, where+" ORDER BY m.slot, m.location, m.id", args...)
}

func (db *DB) meetings(ctx context.Context, where string, args ...any) ([]meeting.View, error) {
	rows, err := db.query(ctx, "SELECT "+meetingCols+meetingFrom+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list meetings: %w", err)
	}
	defer rows.Close()
	out := []meeting.View{}
	for rows.Next() {
		v, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// MeetingCounts counts an event's meetings by status.
func (db *DB) MeetingCounts(ctx context.Context, eventID int64) (map[string]int, error) {
	out := map[string]int{}
	if err := db.countBy(ctx, "SELECT status, COUNT(*) FROM meetings WHERE event_id = ? GROUP BY status", eventID, out, nil); err != nil {
		return nil, fmt.Errorf("meeting counts: %w", err)
	}
	return out, nil
}

// Absentees lists the organizations recorded absent from an event's
// no-shows, with how many each missed, the most first.
func (db *DB) Absentees(ctx context.Context, eventID int64) ([]meeting.Absentee, error) {
	rows, err := db.query(ctx, `SELECT o.id, o.name_vi, o.name_en, o.name_ko, o.country, COUNT(*) FROM (
			SELECT from_org AS org_id FROM meetings WHERE event_id = ? AND status = 'no_show' AND absent IN ('from', 'both')
			UNION ALL SELECT to_org FROM meetings WHERE event_id = ? AND status = 'no_show' AND absent IN ('to', 'both')
		) a JOIN organizations o ON o.id = a.org_id
		GROUP BY o.id, o.name_vi, o.name_en, o.name_ko, o.country ORDER BY COUNT(*) DESC, o.id`, eventID, eventID)
	if err != nil {
		return nil, fmt.Errorf("absentees: %w", err)
	}
	defer rows.Close()
	out := []meeting.Absentee{}
	for rows.Next() {
		var a meeting.Absentee
		if err := rows.Scan(&a.ID, &a.Name.VI, &a.Name.EN, &a.Name.KO, &a.Country, &a.Missed); err != nil {
			return nil, fmt.Errorf("absentees: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// MeetingsToSchedule returns an event's accepted and scheduled meetings.
func (db *DB) MeetingsToSchedule(ctx context.Context, eventID int64) ([]meeting.Meeting, error) {
	vs, err := db.EventMeetings(ctx, eventID, meeting.Accepted, meeting.Scheduled)
	if err != nil {
		return nil, err
	}
	out := make([]meeting.Meeting, len(vs))
	for i, v := range vs {
		out[i] = v.Meeting
	}
	slices.SortFunc(out, func(a, b meeting.Meeting) int { return int(a.ID - b.ID) })
	return out, nil
}

// ApplySchedule stores a scheduler run in one transaction. A change is
// applied only if its meeting is still accepted or scheduled (a side may
// have cancelled meanwhile) and where the run found it (the organizer may
// have moved it by hand); the applied changes are returned. If the
// placements then collide with a meeting moved by hand meanwhile, nothing
// is written and the error is meeting.ErrPlanChanged.
func (db *DB) ApplySchedule(ctx context.Context, eventID int64, changes []meeting.Change, at time.Time) ([]meeting.Change, error) {
	var applied []meeting.Change
	err := db.inTx(ctx, func(tx *Tx) error {
		// Runs and the organizer's moves of one event are taken one at a
		// time, so the check below sees every move.
		if err := tx.lockPlan(ctx, eventID); err != nil {
			return err
		}
		write := tx.placeEach
		if db.roundTrips() {
			write = tx.placeBatched
		}
		done, err := write(ctx, eventID, changes, at)
		if err != nil {
			return fmt.Errorf("apply schedule: %w", err)
		}
		applied = applied[:0]
		for _, c := range changes {
			if done[c.Meeting.ID] {
				applied = append(applied, c)
			}
		}
		if err := tx.planHolds(ctx, eventID); err != nil {
			return err
		}
		// An event whose settings were never saved runs on the defaults and
		// has no row yet: the run's time is kept all the same.
		if _, err := tx.exec(ctx, `INSERT INTO match_settings (event_id, tables, remind_minutes, last_run_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (event_id) DO UPDATE SET last_run_at = excluded.last_run_at`,
			eventID, meeting.DefaultTables, meeting.DefaultRemindMinutes, at); err != nil {
			return fmt.Errorf("apply schedule: %w", err)
		}
		return nil
	})
	return applied, err
}

// lockPlan takes an event's table plan until the transaction ends: on
// PostgreSQL a lock on the event's row that other runs and moves wait
// for, but not the rows that refer to the event (NO KEY: scans and
// registrations go on meanwhile); a SQLite transaction already holds the
// one write lock.
func (tx *Tx) lockPlan(ctx context.Context, eventID int64) error {
	q := "SELECT id FROM events WHERE id = ?"
	if tx.db.dialect.name == "postgres" {
		q += " FOR NO KEY UPDATE"
	}
	var id int64
	return notFound(tx.queryRow(ctx, q, eventID).Scan(&id), "Event")
}

// planHolds checks that no two scheduled meetings of the event share a
// table or booth, or a side, in a slot.
func (tx *Tx) planHolds(ctx context.Context, eventID int64) error {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT slot, location FROM meetings WHERE event_id = ? AND status = 'scheduled'
		GROUP BY slot, location HAVING COUNT(*) > 1) x`, eventID).Scan(&n)
	if err != nil {
		return fmt.Errorf("check plan: %w", err)
	}
	if n == 0 {
		err = tx.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT org, slot FROM (
			SELECT from_org AS org, slot FROM meetings WHERE event_id = ? AND status = 'scheduled'
			UNION ALL SELECT to_org AS org, slot FROM meetings WHERE event_id = ? AND status = 'scheduled') y
			GROUP BY org, slot HAVING COUNT(*) > 1) x`, eventID, eventID).Scan(&n)
		if err != nil {
			return fmt.Errorf("check plan: %w", err)
		}
	}
	if n > 0 {
		return meeting.ErrPlanChanged
	}
	return nil
}

// roundTrips reports whether each statement crosses the network: then
// many small writes are worth batching (PostgreSQL, 2.6–3.2× faster for a
// demo-scale run), while in-process SQLite is faster one row at a time
// (docs/benchmarks.md, issue 3).
func (db *DB) roundTrips() bool { return db.dialect.name == "postgres" }

// placeEach writes placements one UPDATE per meeting.
func (tx *Tx) placeEach(ctx context.Context, eventID int64, changes []meeting.Change, at time.Time) (map[int64]bool, error) {
	done := map[int64]bool{}
	for _, c := range changes {
		m := c.Meeting
		res, err := tx.exec(ctx, `UPDATE meetings SET status = ?, slot = ?, location = ?, reminded_at = NULL, updated_at = ?
			WHERE event_id = ? AND id = ? AND status IN ('accepted', 'scheduled') AND slot = ? AND location = ?`,
			string(m.Status), m.Slot, m.Location, at, eventID, m.ID, c.OldSlot, c.OldLocation)
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			done[m.ID] = true
		}
	}
	return done, nil
}

// placeBatched writes placements 500 at a time, one UPDATE … FROM (VALUES
// …) RETURNING each.
func (tx *Tx) placeBatched(ctx context.Context, eventID int64, changes []meeting.Change, at time.Time) (map[int64]bool, error) {
	done := map[int64]bool{}
	const chunk = 500
	for start := 0; start < len(changes); start += chunk {
		part := changes[start:min(start+chunk, len(changes))]
		var sb strings.Builder
		args := []any{at}
		sb.WriteString(`UPDATE meetings SET status = v.column2, slot = v.column3, location = v.column4, reminded_at = NULL, updated_at = ? FROM (VALUES `)
		for i, c := range part {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString("(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT))")
			args = append(args, c.Meeting.ID, string(c.Meeting.Status), c.Meeting.Slot, c.Meeting.Location, c.OldSlot, c.OldLocation)
		}
		sb.WriteString(`) AS v WHERE meetings.id = v.column1 AND meetings.event_id = ? AND meetings.status IN ('accepted', 'scheduled')
			AND meetings.slot = v.column5 AND meetings.location = v.column6 RETURNING meetings.id`)
		args = append(args, eventID)
		rows, err := tx.query(ctx, sb.String(), args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			done[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return done, nil
}

// MatchSettings reads an event's matchmaking settings, with defaults when
// the organizer has set none.
func (db *DB) MatchSettings(ctx context.Context, eventID int64) (meeting.Settings, error) {
	s := meeting.Settings{EventID: eventID, Tables: meeting.DefaultTables, RemindMinutes: meeting.DefaultRemindMinutes}
	var last sql.NullTime
	err := db.queryRow(ctx, "SELECT tables, remind_minutes, max_requests, last_run_at FROM match_settings WHERE event_id = ?", eventID).
		Scan(&s.Tables, &s.RemindMinutes, &s.MaxRequests, &last)
	if err == sql.ErrNoRows {
		return s, nil
	}
	if last.Valid {
		t := last.Time.UTC()
		s.LastRun = &t
	}
	if err != nil {
		return s, fmt.Errorf("match settings: %w", err)
	}
	return s, nil
}

// SaveMatchSettings sets an event's number of tables, its reminder and its
// limit of open requests per organization.
func (db *DB) SaveMatchSettings(ctx context.Context, s meeting.Settings) error {
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, "UPDATE match_settings SET tables = ?, remind_minutes = ?, max_requests = ? WHERE event_id = ?",
			s.Tables, s.RemindMinutes, s.MaxRequests, s.EventID)
		if err != nil {
			return fmt.Errorf("match settings: %w", err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return nil
		}
		if _, err := tx.exec(ctx, "INSERT INTO match_settings (event_id, tables, remind_minutes, max_requests) VALUES (?, ?, ?, ?)",
			s.EventID, s.Tables, s.RemindMinutes, s.MaxRequests); err != nil {
			return fmt.Errorf("match settings: %w", db.dialect.translate(err))
		}
		return nil
	})
}

// Unavailable returns, per organization, the slots it cannot meet in at an
// event.
func (db *DB) Unavailable(ctx context.Context, eventID int64) (map[int64][]string, error) {
	out, err := db.stringsByID(ctx, "SELECT org_id, slot FROM meeting_unavailable WHERE event_id = ? ORDER BY org_id, slot", eventID)
	if err != nil {
		return nil, fmt.Errorf("availability: %w", err)
	}
	return out, nil
}

// SetUnavailable replaces the slots an organization cannot meet in.
func (db *DB) SetUnavailable(ctx context.Context, eventID, orgID int64, slots []string) error {
	return db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "DELETE FROM meeting_unavailable WHERE event_id = ? AND org_id = ?", eventID, orgID); err != nil {
			return fmt.Errorf("availability: %w", err)
		}
		for _, s := range slots {
			if _, err := tx.exec(ctx, "INSERT INTO meeting_unavailable (event_id, org_id, slot) VALUES (?, ?, ?)", eventID, orgID, s); err != nil {
				return fmt.Errorf("availability: %w", db.dialect.translate(err))
			}
		}
		return nil
	})
}

// MeetingBooths returns, per organization, the codes of its booths at an
// event (approved exhibitors only).
func (db *DB) MeetingBooths(ctx context.Context, eventID int64) (map[int64][]string, error) {
	rows, err := db.query(ctx, `SELECT x.org_id, b.code FROM booths b JOIN exhibitors x ON x.id = b.exhibitor_id
		WHERE b.event_id = ? AND x.status = 'approved' ORDER BY x.org_id, b.code`, eventID)
	if err != nil {
		return nil, fmt.Errorf("event booths: %w", err)
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return nil, err
		}
		out[id] = append(out[id], code)
	}
	return out, rows.Err()
}

// OrgMemberIDs returns the people of an organization, for mail.
func (db *DB) OrgMemberIDs(ctx context.Context, orgID int64) ([]int64, error) {
	rows, err := db.query(ctx, "SELECT person_id FROM memberships WHERE org_id = ? ORDER BY person_id", orgID)
	if err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
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

// Meetings loads meeting requests with their ids already set (the demo and
// benchmarks).
func (b *Bulk) Meetings(ms []meeting.Meeting) error {
	rows := make([][]any, len(ms))
	now := b.tx.db.Now()
	for i, m := range ms {
		if m.CreatedAt.IsZero() {
			m.CreatedAt = now
		}
		if m.UpdatedAt.IsZero() {
			m.UpdatedAt = m.CreatedAt
		}
		var checked any
		if m.CheckedInAt != nil {
			checked = m.CheckedInAt.UTC()
		}
		rows[i] = []any{m.ID, m.EventID, m.FromOrg, m.ToOrg, nullID(m.RequestedBy), nullID(m.AnsweredBy), nullID(m.CardID), string(m.Origin),
			m.Message, string(m.Place), string(m.Status), m.Reason, m.WantedSlot, m.Slot, m.Location, checked, absentCode(&m), m.CreatedAt.UTC(), m.UpdatedAt.UTC()}
	}
	if err := b.insert("meetings", []string{"id", "event_id", "from_org", "to_org", "requested_by", "answered_by", "card_id", "origin",
		"message", "place", "status", "reason", "wanted_slot", "slot", "location", "checked_in_at", "absent", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	return b.tx.db.dialect.resetSequences(b.tx, "meetings")
}

// UnscheduleAll takes every scheduled meeting of an event back to accepted,
// so that the scheduler plans the event from scratch.
func (db *DB) UnscheduleAll(ctx context.Context, eventID int64) (int, error) {
	res, err := db.exec(ctx, "UPDATE meetings SET status = 'accepted', slot = '', location = '', updated_at = ? WHERE event_id = ? AND status = 'scheduled'",
		db.Now(), eventID)
	if err != nil {
		return 0, fmt.Errorf("unschedule: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// MoveMeeting stores an organizer's move of a meeting (meeting.MoveTo) if
// it still is where it was (status, slot and location) and both sides and
// the location are free in the new slot. Moves of one event are taken one
// at a time, so two moves cannot take the same table.
func (db *DB) MoveMeeting(ctx context.Context, m *meeting.Meeting, was meeting.Status, wasSlot, wasLoc string) error {
	m.UpdatedAt = db.Now()
	return db.inTx(ctx, func(tx *Tx) error {
		if err := tx.lockPlan(ctx, m.EventID); err != nil {
			return err
		}
		busy := `SELECT COUNT(*) FROM meetings WHERE event_id = ? AND id <> ? AND slot = ? AND status IN ('scheduled', 'held')`
		var n int
		err := tx.queryRow(ctx, busy+" AND (from_org IN (?, ?) OR to_org IN (?, ?))", m.EventID, m.ID, m.Slot, m.FromOrg, m.ToOrg, m.FromOrg, m.ToOrg).Scan(&n)
		if err != nil {
			return fmt.Errorf("move meeting: %w", err)
		}
		if n > 0 {
			return meeting.ErrSideBusy
		}
		if err := tx.queryRow(ctx, busy+" AND location = ?", m.EventID, m.ID, m.Slot, m.Location).Scan(&n); err != nil {
			return fmt.Errorf("move meeting: %w", err)
		}
		if n > 0 {
			return meeting.ErrPlaceTaken
		}
		err = tx.queryRow(ctx, "SELECT COUNT(*) FROM meeting_unavailable WHERE event_id = ? AND slot = ? AND org_id IN (?, ?)",
			m.EventID, m.Slot, m.FromOrg, m.ToOrg).Scan(&n)
		if err != nil {
			return fmt.Errorf("move meeting: %w", err)
		}
		if n > 0 {
			return meeting.ErrSideAway
		}
		res, err := tx.exec(ctx, `UPDATE meetings SET status = ?, slot = ?, location = ?, wanted_slot = ?, reminded_at = NULL, updated_at = ?
			WHERE event_id = ? AND id = ? AND status = ? AND slot = ? AND location = ?`,
			string(m.Status), m.Slot, m.Location, m.WantedSlot, m.UpdatedAt, m.EventID, m.ID, string(was), wasSlot, wasLoc)
		if err != nil {
			return fmt.Errorf("move meeting: %w", db.dialect.translate(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Errorf(apperr.Conflict, "This meeting was changed meanwhile; please reload.")
		}
		return nil
	})
}

// ClaimReminders takes the event's scheduled meetings in the given slots
// that have had no reminder yet, marks them reminded at at and returns
// them: each meeting is claimed once, whichever instance asks.
func (db *DB) ClaimReminders(ctx context.Context, eventID int64, slots []string, at time.Time) ([]meeting.View, error) {
	if len(slots) == 0 {
		return nil, nil
	}
	var ids []int64
	err := db.inTx(ctx, func(tx *Tx) error {
		ids = ids[:0]
		args := []any{at, eventID}
		for _, sl := range slots {
			args = append(args, sl)
		}
		rows, err := tx.query(ctx, `UPDATE meetings SET reminded_at = ? WHERE event_id = ? AND status = 'scheduled' AND reminded_at IS NULL
			AND slot IN (`+placeholders(len(slots))+`) RETURNING id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("claim reminders: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return db.meetings(ctx, " WHERE m.event_id = ? AND m.id IN ("+placeholders(len(ids))+") ORDER BY m.slot, m.id", append([]any{eventID}, int64Args(ids)...)...)
}

// EventsAround lists the events under way between two dates (YYYY-MM-DD),
// inclusive.
func (db *DB) EventsAround(ctx context.Context, from, to string) ([]event.Event, error) {
	rows, err := db.query(ctx, "SELECT "+eventCols+" FROM events WHERE start_date <= ? AND end_date >= ? ORDER BY id", to, from)
	if err != nil {
		return nil, fmt.Errorf("events under way: %w", err)
	}
	defer rows.Close()
	var out []event.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
