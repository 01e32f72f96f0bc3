-- +goose Up
-- Issue 3: the marketplace (cards) and B2B meetings.
CREATE TABLE cards (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  title_vi TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '', title_ko TEXT NOT NULL DEFAULT '',
  body_vi TEXT NOT NULL DEFAULT '', body_en TEXT NOT NULL DEFAULT '', body_ko TEXT NOT NULL DEFAULT '',
  trl INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX cards_org ON cards(org_id);
CREATE INDEX cards_updated ON cards(updated_at);
CREATE TABLE card_sectors (
  card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
  sector TEXT NOT NULL,
  pos INTEGER NOT NULL,
  PRIMARY KEY (card_id, sector)
);
CREATE TABLE card_events (
  card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  PRIMARY KEY (card_id, event_id)
);
CREATE INDEX card_events_event ON card_events(event_id);
CREATE TABLE match_settings (
  event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  tables INTEGER NOT NULL,
  last_run_at TIMESTAMP
);
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  from_org INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  to_org INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  requested_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  answered_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  card_id INTEGER REFERENCES cards(id) ON DELETE SET NULL,
  origin TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT 'table',
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  proposed_slot TEXT NOT NULL DEFAULT '',
  proposed_by INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  wanted_slot TEXT NOT NULL DEFAULT '',
  slot TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  checked_in_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE INDEX meetings_event ON meetings(event_id, status);
CREATE INDEX meetings_from ON meetings(from_org, event_id);
CREATE INDEX meetings_to ON meetings(to_org, event_id);
CREATE TABLE meeting_unavailable (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  slot TEXT NOT NULL,
  PRIMARY KEY (event_id, org_id, slot)
);

-- +goose Down
DROP TABLE meeting_unavailable; DROP TABLE meetings; DROP TABLE match_settings;
DROP TABLE card_events; DROP TABLE card_sectors; DROP TABLE cards;
