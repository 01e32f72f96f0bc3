package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
)

// Rooms lists an event's rooms.
func (db *DB) Rooms(ctx context.Context, eventID int64) ([]event.Room, error) {
	rows, err := db.query(ctx, "SELECT id, event_id, name_vi, name_en, name_ko, capacity FROM rooms WHERE event_id = ? ORDER BY id", eventID)
	if err != nil {
		return nil, fmt.Errorf("list rooms: %w", err)
	}
	defer rows.Close()
	var out []event.Room
	for rows.Next() {
		var r event.Room
		if err := rows.Scan(&r.ID, &r.EventID, &r.Name.VI, &r.Name.EN, &r.Name.KO, &r.Capacity); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

const sessionCols = "id, event_id, room_id, title_vi, title_en, title_ko, abstract_vi, abstract_en, abstract_ko, track, language, starts_at, ends_at"

func scanSession(row interface{ Scan(...any) error }, extra ...any) (event.Session, error) {
	var s event.Session
	var lang string
	dest := append([]any{&s.ID, &s.EventID, &s.RoomID, &s.Title.VI, &s.Title.EN, &s.Title.KO, &s.Abstract.VI, &s.Abstract.EN, &s.Abstract.KO,
		&s.Track, &lang, &s.StartsAt, &s.EndsAt}, extra...)
	err := row.Scan(dest...)
	s.Language = i18n.Lang(lang)
	s.StartsAt, s.EndsAt = s.StartsAt.UTC(), s.EndsAt.UTC()
	return s, err
}

// SessionFilter selects forum sessions.
type SessionFilter struct {
	Track  string
	RoomID int64
	Offset int
	Limit  int
}

// Sessions lists an event's forum sessions in time order with speakers.
func (db *DB) Sessions(ctx context.Context, eventID int64, f SessionFilter) ([]event.Session, int, error) {
	q := "SELECT " + sessionCols + ", COUNT(*) OVER() FROM forum_sessions WHERE event_id = ?"
	args := []any{eventID}
	if f.Track != "" {
		q, args = q+" AND track = ?", append(args, f.Track)
	}
	if f.RoomID != 0 {
		q, args = q+" AND room_id = ?", append(args, f.RoomID)
	}
	q += " ORDER BY starts_at, room_id, id LIMIT ? OFFSET ?"
	args = append(args, f.Limit, f.Offset)
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list sessions: %w", err)
	}
	defer rows.Close()
	var out []event.Session
	total := 0
	for rows.Next() {
		s, err := scanSession(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	return out, total, db.fillSessions(ctx, out)
}

// Session reads one forum session with its speakers.
func (db *DB) Session(ctx context.Context, eventID, id int64) (event.Session, error) {
	s, err := scanSession(db.queryRow(ctx, "SELECT "+sessionCols+" FROM forum_sessions WHERE event_id = ? AND id = ?", eventID, id))
	if err != nil {
		return s, notFound(err, "Session")
	}
	out := []event.Session{s}
	err = db.fillSessions(ctx, out)
	return out[0], err
}

// fillSessions adds to sessions read from forum_sessions their speakers
// and their tracks' names.
func (db *DB) fillSessions(ctx context.Context, sessions []event.Session) error {
	if err := db.fillSpeakers(ctx, sessions); err != nil {
		return err
	}
	return db.fillTrackNames(ctx, sessions)
}

// fillTrackNames names each session's track from its event's tracks; the
// sessions of a personal agenda may come from several events.
func (db *DB) fillTrackNames(ctx context.Context, sessions []event.Session) error {
	names := map[int64]map[string]i18n.Text{}
	for _, s := range sessions {
		if _, ok := names[s.EventID]; ok || s.Track == "" {
			continue
		}
		ts, err := db.Tracks(ctx, s.EventID)
		if err != nil {
			return err
		}
		names[s.EventID] = map[string]i18n.Text{}
		for _, t := range ts {
			names[s.EventID][t.Key] = t.Name
		}
	}
	for i := range sessions {
		event.NameTrack(&sessions[i], names[sessions[i].EventID])
	}
	return nil
}

// Tracks lists an event's named tracks by key.
func (db *DB) Tracks(ctx context.Context, eventID int64) ([]event.Track, error) {
	rows, err := db.query(ctx, "SELECT event_id, track, name_vi, name_en, name_ko FROM forum_tracks WHERE event_id = ? ORDER BY track", eventID)
	if err != nil {
		return nil, fmt.Errorf("list tracks: %w", err)
	}
	defer rows.Close()
	out := []event.Track{}
	for rows.Next() {
		var t event.Track
		if err := rows.Scan(&t.EventID, &t.Key, &t.Name.VI, &t.Name.EN, &t.Name.KO); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// SaveTrack names a track of an event, or renames it: sessions keep the
// key, so renaming changes every session's track at once.
func (db *DB) SaveTrack(ctx context.Context, t *event.Track) error {
	_, err := db.exec(ctx, `INSERT INTO forum_tracks (event_id, track, name_vi, name_en, name_ko) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (event_id, track) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, name_ko = excluded.name_ko`,
		t.EventID, t.Key, t.Name.VI, t.Name.EN, t.Name.KO)
	if err != nil {
		return fmt.Errorf("save track: %w", db.dialect.translate(err))
	}
	return nil
}

func (db *DB) fillSpeakers(ctx context.Context, sessions []event.Session) error {
	if len(sessions) == 0 {
		return nil
	}
	ids := make([]int64, len(sessions))
	idx := map[int64]int{}
	for i, s := range sessions {
		ids[i], idx[s.ID] = s.ID, i
		sessions[i].Speakers = []event.Speaker{}
	}
	rows, err := db.query(ctx, `SELECT ss.session_id, sp.id, sp.event_id, sp.name, sp.title_vi, sp.title_en, sp.title_ko, COALESCE(sp.org_id, 0), COALESCE(sp.person_id, 0)
		FROM session_speakers ss JOIN speakers sp ON sp.id = ss.speaker_id WHERE ss.session_id IN (`+placeholders(len(ids))+`) ORDER BY sp.name`, int64Args(ids)...)
	if err != nil {
		return fmt.Errorf("session speakers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sid int64
		var sp event.Speaker
		if err := rows.Scan(&sid, &sp.ID, &sp.EventID, &sp.Name, &sp.Title.VI, &sp.Title.EN, &sp.Title.KO, &sp.OrgID, &sp.PersonID); err != nil {
			return err
		}
		s := &sessions[idx[sid]]
		s.Speakers = append(s.Speakers, sp)
	}
	return rows.Err()
}

// CreateSession adds a forum session in a room of the same event, on one
// of the event's days and at a time the room is free.
func (db *DB) CreateSession(ctx context.Context, s *event.Session) error {
	return db.inTx(ctx, func(tx *Tx) error {
		if err := tx.checkPlacement(ctx, s); err != nil {
			return err
		}
		err := tx.queryRow(ctx, `INSERT INTO forum_sessions (event_id, room_id, title_vi, title_en, title_ko, abstract_vi, abstract_en, abstract_ko, track, language, starts_at, ends_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			s.EventID, s.RoomID, s.Title.VI, s.Title.EN, s.Title.KO, s.Abstract.VI, s.Abstract.EN, s.Abstract.KO, s.Track, string(s.Language),
			s.StartsAt.UTC(), s.EndsAt.UTC()).Scan(&s.ID)
		if err != nil {
			return fmt.Errorf("create session: %w", db.dialect.translate(err))
		}
		return tx.setSpeakers(ctx, s)
	})
}

// UpdateSession replaces a forum session's fields and speakers, under the
// same rules as CreateSession.
func (db *DB) UpdateSession(ctx context.Context, s *event.Session) error {
	return db.inTx(ctx, func(tx *Tx) error {
		if err := tx.checkPlacement(ctx, s); err != nil {
			return err
		}
		res, err := tx.exec(ctx, `UPDATE forum_sessions SET room_id = ?, title_vi = ?, title_en = ?, title_ko = ?, abstract_vi = ?, abstract_en = ?, abstract_ko = ?,
			track = ?, language = ?, starts_at = ?, ends_at = ? WHERE event_id = ? AND id = ?`,
			s.RoomID, s.Title.VI, s.Title.EN, s.Title.KO, s.Abstract.VI, s.Abstract.EN, s.Abstract.KO, s.Track, string(s.Language),
			s.StartsAt.UTC(), s.EndsAt.UTC(), s.EventID, s.ID)
		if err != nil {
			return fmt.Errorf("update session: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound("Session")
		}
		return tx.setSpeakers(ctx, s)
	})
}

// checkPlacement applies event.CheckPlacement with what the database
// holds: the room must be the event's, and on PostgreSQL its row is locked
// so that two writers placing sessions in one room take turns and cannot
// both see it free.
func (tx *Tx) checkPlacement(ctx context.Context, s *event.Session) error {
	q := "SELECT id FROM rooms WHERE id = ? AND event_id = ?"
	if tx.db.dialect.name == "postgres" {
		q += " FOR UPDATE"
	}
	var id int64
	if err := tx.queryRow(ctx, q, s.RoomID, s.EventID).Scan(&id); err != nil {
		return notFound(err, "Room")
	}
	var e event.Event
	var tz string
	err := tx.queryRow(ctx, "SELECT e.start_date, e.end_date, v.time_zone FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.id = ?", s.EventID).
		Scan(&e.StartDate, &e.EndDate, &tz)
	if err != nil {
		return notFound(err, "Event")
	}
	// A room holds a few sessions a day: reading them all is cheaper to
	// get right than comparing timestamps in two dialects' SQL.
	rows, err := tx.query(ctx, "SELECT "+sessionCols+" FROM forum_sessions WHERE event_id = ? AND room_id = ? ORDER BY starts_at, id", s.EventID, s.RoomID)
	if err != nil {
		return fmt.Errorf("sessions in room: %w", err)
	}
	defer rows.Close()
	var same []event.Session
	for rows.Next() {
		o, err := scanSession(rows)
		if err != nil {
			return err
		}
		same = append(same, o)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return event.CheckPlacement(s, &e, event.Zone(tz), same)
}

// Deleted is what DeleteSession removed: the session as it was, in how
// many agendas it was saved, and the id that RestoreSession takes.
type Deleted struct {
	Session event.Session
	People  []int64 // whose agendas held it
	Saved   int     // len(People)
	ID      int64
}

// DeleteSession removes a forum session, its speakers' places in it and
// every personal agenda's mention of it. What it removed is kept for a
// day, for RestoreSession.
func (db *DB) DeleteSession(ctx context.Context, eventID, id int64) (Deleted, error) {
	s, err := db.Session(ctx, eventID, id)
	if err != nil {
		return Deleted{}, err
	}
	d := Deleted{Session: s}
	err = db.inTx(ctx, func(tx *Tx) error {
		people, err := tx.ids(ctx, "SELECT person_id FROM personal_agenda WHERE session_id = ? ORDER BY person_id", id)
		if err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		d.People, d.Saved = people, len(people)
		if d.ID, err = tx.keepDeleted(ctx, s, people); err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		for _, q := range []string{"DELETE FROM personal_agenda WHERE session_id = ?", "DELETE FROM session_speakers WHERE session_id = ?"} {
			if _, err := tx.exec(ctx, q, id); err != nil {
				return fmt.Errorf("delete session: %w", err)
			}
		}
		res, err := tx.exec(ctx, "DELETE FROM forum_sessions WHERE event_id = ? AND id = ?", eventID, id)
		if err != nil {
			return fmt.Errorf("delete session: %w", db.dialect.translate(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound("Session")
		}
		return nil
	})
	return d, err
}

// keptDeleted is how long a deleted session can be restored.
const keptDeleted = 24 * time.Hour

// keepDeleted records a session about to be deleted and who had it in
// their agenda, and forgets the records older than keptDeleted.
func (tx *Tx) keepDeleted(ctx context.Context, s event.Session, people []int64) (int64, error) {
	now := tx.db.Now().UTC()
	if _, err := tx.exec(ctx, "DELETE FROM deleted_sessions WHERE deleted_at < ?", now.Add(-keptDeleted)); err != nil {
		return 0, err
	}
	js, err := json.Marshal(s)
	if err != nil {
		return 0, err
	}
	ja, err := json.Marshal(people)
	if err != nil {
		return 0, err
	}
	var id int64
	err = tx.queryRow(ctx, "INSERT INTO deleted_sessions (event_id, session, agenda, deleted_at) VALUES (?, ?, ?, ?) RETURNING id",
		s.EventID, string(js), string(ja), now).Scan(&id)
	return id, err
}

// RestoreSession undoes a deletion (Deleted.ID): the session comes back,
// under a new id, with the speakers who still exist and in the agendas of
// the people who still do, if its room is still free at its time (else
// the clash, as for CreateSession). It returns the session and the number
// of agendas it is back in.
func (db *DB) RestoreSession(ctx context.Context, eventID, deletedID int64) (event.Session, int, error) {
	var s event.Session
	restored := 0
	err := db.inTx(ctx, func(tx *Tx) error {
		var js, ja string
		err := tx.queryRow(ctx, "SELECT session, agenda FROM deleted_sessions WHERE event_id = ? AND id = ?", eventID, deletedID).Scan(&js, &ja)
		if err != nil {
			return notFound(err, "Deleted session")
		}
		var people []int64
		if err := json.Unmarshal([]byte(js), &s); err != nil {
			return fmt.Errorf("restore session: %w", err)
		}
		if err := json.Unmarshal([]byte(ja), &people); err != nil {
			return fmt.Errorf("restore session: %w", err)
		}
		s.ID = 0
		if err := tx.checkPlacement(ctx, &s); err != nil {
			return err
		}
		err = tx.queryRow(ctx, `INSERT INTO forum_sessions (event_id, room_id, title_vi, title_en, title_ko, abstract_vi, abstract_en, abstract_ko, track, language, starts_at, ends_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			s.EventID, s.RoomID, s.Title.VI, s.Title.EN, s.Title.KO, s.Abstract.VI, s.Abstract.EN, s.Abstract.KO, s.Track, string(s.Language),
			s.StartsAt.UTC(), s.EndsAt.UTC()).Scan(&s.ID)
		if err != nil {
			return fmt.Errorf("restore session: %w", db.dialect.translate(err))
		}
		// Speakers and people removed since are left out, not an error:
		// the undo brings back what can come back.
		for _, sp := range s.Speakers {
			if _, err := tx.exec(ctx, "INSERT INTO session_speakers (session_id, speaker_id) SELECT ?, id FROM speakers WHERE id = ? AND event_id = ?", s.ID, sp.ID, s.EventID); err != nil {
				return fmt.Errorf("restore session: %w", err)
			}
		}
		for _, p := range people {
			res, err := tx.exec(ctx, "INSERT INTO personal_agenda (person_id, session_id) SELECT id, ? FROM people WHERE id = ?", s.ID, p)
			if err != nil {
				return fmt.Errorf("restore session: %w", err)
			}
			n, _ := res.RowsAffected()
			restored += int(n)
		}
		_, err = tx.exec(ctx, "DELETE FROM deleted_sessions WHERE id = ?", deletedID)
		return err
	})
	return s, restored, err
}

// SavedCounts counts, for each session of the event, the personal agendas
// it is in.
func (db *DB) SavedCounts(ctx context.Context, eventID int64) (map[int64]int, error) {
	out, err := db.countsByID(ctx, `SELECT pa.session_id, COUNT(*) FROM personal_agenda pa JOIN forum_sessions fs ON fs.id = pa.session_id
		WHERE fs.event_id = ? GROUP BY pa.session_id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("saved counts: %w", err)
	}
	return out, nil
}

// CreateRoom adds a room to an event.
func (db *DB) CreateRoom(ctx context.Context, r *event.Room) error {
	err := db.queryRow(ctx, "INSERT INTO rooms (event_id, name_vi, name_en, name_ko, capacity) VALUES (?, ?, ?, ?, ?) RETURNING id",
		r.EventID, r.Name.VI, r.Name.EN, r.Name.KO, r.Capacity).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("create room: %w", db.dialect.translate(err))
	}
	return nil
}

// Speakers lists an event's speakers by name.
func (db *DB) Speakers(ctx context.Context, eventID int64) ([]event.Speaker, error) {
	rows, err := db.query(ctx, `SELECT id, event_id, name, title_vi, title_en, title_ko, COALESCE(org_id, 0), COALESCE(person_id, 0)
		FROM speakers WHERE event_id = ? ORDER BY name, id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("list speakers: %w", err)
	}
	defer rows.Close()
	var out []event.Speaker
	for rows.Next() {
		var sp event.Speaker
		if err := rows.Scan(&sp.ID, &sp.EventID, &sp.Name, &sp.Title.VI, &sp.Title.EN, &sp.Title.KO, &sp.OrgID, &sp.PersonID); err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// CreateSpeaker adds a speaker to an event, with an organization when
// OrgID names one.
func (db *DB) CreateSpeaker(ctx context.Context, sp *event.Speaker) error {
	var orgID, personID any
	if sp.OrgID > 0 {
		orgID = sp.OrgID
	}
	if sp.PersonID > 0 {
		personID = sp.PersonID
	}
	err := db.queryRow(ctx, "INSERT INTO speakers (event_id, name, title_vi, title_en, title_ko, org_id, person_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		sp.EventID, sp.Name, sp.Title.VI, sp.Title.EN, sp.Title.KO, orgID, personID).Scan(&sp.ID)
	if err != nil {
		return fmt.Errorf("create speaker: %w", db.dialect.translate(err))
	}
	return nil
}

func (tx *Tx) setSpeakers(ctx context.Context, s *event.Session) error {
	if _, err := tx.exec(ctx, "DELETE FROM session_speakers WHERE session_id = ?", s.ID); err != nil {
		return err
	}
	for _, sp := range s.Speakers {
		res, err := tx.exec(ctx, "INSERT INTO session_speakers (session_id, speaker_id) SELECT ?, id FROM speakers WHERE id = ? AND event_id = ?", s.ID, sp.ID, s.EventID)
		if err != nil {
			return tx.db.dialect.translate(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound(fmt.Sprintf("Speaker %d", sp.ID))
		}
	}
	return nil
}

// ErrTrackInUse refuses deleting a track that sessions still carry: they
// would lose their track's names (rename it instead, or move them first).
var ErrTrackInUse = apperr.Errorf(apperr.Conflict, "Sessions still carry this track: move them to another track first, or rename it.")

// DeleteTrack removes an event's track names, when no session carries the
// track; a track that is not there is not found.
func (db *DB) DeleteTrack(ctx context.Context, eventID int64, key string) error {
	return db.inTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM forum_sessions WHERE event_id = ? AND track = ?", eventID, key).Scan(&n); err != nil {
			return fmt.Errorf("delete track: %w", err)
		}
		if n > 0 {
			return ErrTrackInUse
		}
		res, err := tx.exec(ctx, "DELETE FROM forum_tracks WHERE event_id = ? AND track = ?", eventID, key)
		if err != nil {
			return fmt.Errorf("delete track: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound("Track")
		}
		return nil
	})
}
