package store

import (
	"context"
	"fmt"

	"ketnoi/internal/event"
)

// SetInAgenda adds a session of the event to a person's agenda, or
// removes it.
func (db *DB) SetInAgenda(ctx context.Context, personID, eventID, sessionID int64, in bool) error {
	if !in {
		_, err := db.exec(ctx, "DELETE FROM personal_agenda WHERE person_id = ? AND session_id = ?", personID, sessionID)
		return err
	}
	res, err := db.exec(ctx, `INSERT INTO personal_agenda (person_id, session_id) SELECT ?, id FROM forum_sessions WHERE id = ? AND event_id = ?
		ON CONFLICT (person_id, session_id) DO NOTHING`, personID, sessionID, eventID)
	if err != nil {
		return fmt.Errorf("agenda: %w", db.dialect.translate(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := db.Session(ctx, eventID, sessionID); err != nil {
			return err
		}
	}
	return nil
}

// Agenda lists the sessions in a person's agenda, at every event, in time
// order.
func (db *DB) Agenda(ctx context.Context, personID int64) ([]event.Session, error) {
	rows, err := db.query(ctx, "SELECT "+sessionCols+" FROM forum_sessions WHERE id IN (SELECT session_id FROM personal_agenda WHERE person_id = ?) ORDER BY starts_at, id", personID)
	if err != nil {
		return nil, fmt.Errorf("agenda: %w", err)
	}
	defer rows.Close()
	out := []event.Session{}
	for rows.Next() {
		s, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, db.fillSessions(ctx, out)
}

// AgendaHolders lists the people who have a session in their agenda.
func (db *DB) AgendaHolders(ctx context.Context, sessionID int64) ([]int64, error) {
	out, err := db.ids(ctx, "SELECT person_id FROM personal_agenda WHERE session_id = ? ORDER BY person_id", sessionID)
	if err != nil {
		return nil, fmt.Errorf("agenda holders: %w", err)
	}
	return out, nil
}
