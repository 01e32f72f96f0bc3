-- Forum tracks named in the three languages. A session keeps its track as
-- the text it always had, the track's key (the English name in the demo);
-- this table names each key for Vietnamese and Korean pages. A key without
-- a row is shown as written, so older data and API clients keep working.
-- +goose Up
CREATE TABLE forum_tracks (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  track TEXT NOT NULL,
  name_vi TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '', name_ko TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (event_id, track)
);

-- +goose Down
DROP TABLE forum_tracks;
