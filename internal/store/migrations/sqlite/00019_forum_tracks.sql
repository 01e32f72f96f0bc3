-- Forum tracks named in the three languages, and deleted sessions kept
-- for an undo.
--
-- A session keeps its track as the text it always had, the track's key
-- (the English name in the demo); forum_tracks names each key for
-- Vietnamese and Korean pages. A key without a row is shown as written,
-- so older data and API clients keep working.
-- +goose Up
CREATE TABLE forum_tracks (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  track TEXT NOT NULL,
  name_vi TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '', name_ko TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (event_id, track)
);

-- A deleted forum session as it was (JSON of the session with its
-- speakers) and the people whose agendas held it (a JSON array of ids), so
-- that the organizer can undo the deletion; the undo makes a new session,
-- since SQLite may give the old id to the next one. Ids are never reused
-- (AUTOINCREMENT on SQLite), so an old undo link cannot restore another
-- deletion. Rows older than a day go at the next deletion.
CREATE TABLE deleted_sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  session TEXT NOT NULL,
  agenda TEXT NOT NULL,
  deleted_at TIMESTAMP NOT NULL
);
CREATE INDEX deleted_sessions_event ON deleted_sessions(event_id);

-- +goose Down
DROP TABLE deleted_sessions;
DROP TABLE forum_tracks;
