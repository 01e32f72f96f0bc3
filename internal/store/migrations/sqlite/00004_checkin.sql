-- +goose Up
ALTER TABLE registrations ADD COLUMN badge_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE registrations ADD COLUMN consent_contact BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE registrations ADD COLUMN org_name TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN interests TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN days TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN anonymized BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX registrations_event_category ON registrations(event_id, category, status);
CREATE TABLE badge_keys (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  kid INTEGER NOT NULL,
  private_key TEXT NOT NULL,
  public_key TEXT NOT NULL,
  active BOOLEAN NOT NULL,
  retired BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMP NOT NULL,
  PRIMARY KEY (event_id, kid)
);
CREATE TABLE registration_quotas (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  quota INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, category)
);
CREATE TABLE registration_imports (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  file_hash TEXT NOT NULL,
  rows_imported INTEGER NOT NULL,
  created_at TIMESTAMP NOT NULL,
  PRIMARY KEY (event_id, file_hash)
);
CREATE TABLE checkin_lists (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  categories TEXT NOT NULL DEFAULT '',
  days TEXT NOT NULL DEFAULT '',
  rule TEXT NOT NULL,
  room_id INTEGER REFERENCES rooms(id) ON DELETE SET NULL,
  capacity INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE gates (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  hall TEXT NOT NULL DEFAULT '',
  list_id INTEGER NOT NULL REFERENCES checkin_lists(id) ON DELETE CASCADE,
  UNIQUE (event_id, code)
);
CREATE TABLE scans (
  id TEXT PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  registration_id INTEGER,
  kind TEXT NOT NULL,
  point TEXT NOT NULL DEFAULT '',
  list_id INTEGER,
  exhibitor_id INTEGER,
  category TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  offline BOOLEAN NOT NULL DEFAULT FALSE,
  day TEXT NOT NULL DEFAULT '',
  scanned_at TIMESTAMP NOT NULL,
  received_at TIMESTAMP NOT NULL,
  scanner_id INTEGER
);
CREATE INDEX scans_event_day ON scans(event_id, day);
CREATE INDEX scans_registration ON scans(registration_id);
CREATE TABLE checkin_state (
  list_id INTEGER NOT NULL REFERENCES checkin_lists(id) ON DELETE CASCADE,
  registration_id INTEGER NOT NULL,
  inside BOOLEAN NOT NULL,
  day TEXT NOT NULL,
  day_count INTEGER NOT NULL,
  total INTEGER NOT NULL,
  last_at TIMESTAMP NOT NULL,
  PRIMARY KEY (list_id, registration_id)
);
CREATE INDEX checkin_state_inside ON checkin_state(list_id, inside, day);
CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  exhibitor_id INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
  registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  scan_id TEXT NOT NULL,
  rating INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  day TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL,
  UNIQUE (exhibitor_id, registration_id)
);
CREATE TABLE export_jobs (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  file_name TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP
);
CREATE INDEX export_jobs_status ON export_jobs(status, id);
CREATE TABLE personal_agenda (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES forum_sessions(id) ON DELETE CASCADE,
  PRIMARY KEY (person_id, session_id)
);

-- +goose Down
DROP TABLE personal_agenda; DROP TABLE export_jobs; DROP TABLE leads; DROP TABLE checkin_state; DROP TABLE scans;
DROP TABLE gates; DROP TABLE checkin_lists; DROP TABLE registration_imports; DROP TABLE registration_quotas; DROP TABLE badge_keys;
DROP INDEX registrations_event_category;
ALTER TABLE registrations DROP COLUMN anonymized; ALTER TABLE registrations DROP COLUMN days;
ALTER TABLE registrations DROP COLUMN interests; ALTER TABLE registrations DROP COLUMN phone;
ALTER TABLE registrations DROP COLUMN org_name; ALTER TABLE registrations DROP COLUMN consent_contact;
ALTER TABLE registrations DROP COLUMN badge_version;
