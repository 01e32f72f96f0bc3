-- +goose Up
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  lang TEXT NOT NULL DEFAULT 'vi',
  is_admin BOOLEAN NOT NULL DEFAULT FALSE,
  password_hash TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMP NOT NULL
);
CREATE TABLE web_sessions (
  token_hash TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  created_at TIMESTAMP NOT NULL
);
CREATE INDEX web_sessions_person ON web_sessions(person_id);
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start TIMESTAMP NOT NULL,
  count INTEGER NOT NULL
);
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name_vi TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '', name_ko TEXT NOT NULL DEFAULT '',
  desc_vi TEXT NOT NULL DEFAULT '', desc_en TEXT NOT NULL DEFAULT '', desc_ko TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL,
  city TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMP NOT NULL
);
CREATE INDEX organizations_country ON organizations(country);
CREATE TABLE org_sectors (
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  sector TEXT NOT NULL,
  PRIMARY KEY (org_id, sector)
);
CREATE INDEX org_sectors_sector ON org_sectors(sector, org_id);
CREATE TABLE memberships (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (person_id, org_id)
);
CREATE INDEX memberships_org ON memberships(org_id);
CREATE TABLE venues (
  id INTEGER PRIMARY KEY,
  name_vi TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '', name_ko TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL,
  time_zone TEXT NOT NULL
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name_vi TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '', name_ko TEXT NOT NULL DEFAULT '',
  desc_vi TEXT NOT NULL DEFAULT '', desc_en TEXT NOT NULL DEFAULT '', desc_ko TEXT NOT NULL DEFAULT '',
  venue_id INTEGER NOT NULL REFERENCES venues(id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  partner TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMP NOT NULL
);
CREATE TABLE event_roles (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (event_id, person_id)
);
CREATE INDEX event_roles_person ON event_roles(person_id);
CREATE TABLE halls (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name_vi TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '', name_ko TEXT NOT NULL DEFAULT '',
  width_m REAL NOT NULL,
  depth_m REAL NOT NULL,
  UNIQUE (event_id, code)
);
CREATE TABLE exhibitors (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  status TEXT NOT NULL,
  pavilion TEXT NOT NULL DEFAULT '',
  badge_quota INTEGER NOT NULL DEFAULT 5,
  notes TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMP NOT NULL,
  UNIQUE (event_id, org_id)
);
CREATE INDEX exhibitors_org ON exhibitors(org_id);
CREATE TABLE booths (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  hall_id INTEGER NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  x_m REAL NOT NULL, y_m REAL NOT NULL, w_m REAL NOT NULL, h_m REAL NOT NULL,
  type TEXT NOT NULL,
  zone TEXT NOT NULL DEFAULT '',
  price_vnd BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  exhibitor_id INTEGER REFERENCES exhibitors(id) ON DELETE SET NULL,
  UNIQUE (event_id, code)
);
CREATE INDEX booths_hall ON booths(hall_id);
CREATE INDEX booths_exhibitor ON booths(exhibitor_id);
CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  org_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  category TEXT NOT NULL,
  job_title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  created_at TIMESTAMP NOT NULL,
  UNIQUE (event_id, person_id)
);
CREATE INDEX registrations_person ON registrations(person_id);
CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name_vi TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '', name_ko TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE speakers (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title_vi TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '', title_ko TEXT NOT NULL DEFAULT '',
  org_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  person_id INTEGER REFERENCES people(id) ON DELETE SET NULL
);
CREATE TABLE forum_sessions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  title_vi TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '', title_ko TEXT NOT NULL DEFAULT '',
  abstract_vi TEXT NOT NULL DEFAULT '', abstract_en TEXT NOT NULL DEFAULT '', abstract_ko TEXT NOT NULL DEFAULT '',
  track TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'vi',
  starts_at TIMESTAMP NOT NULL,
  ends_at TIMESTAMP NOT NULL
);
CREATE INDEX forum_sessions_event ON forum_sessions(event_id, starts_at);
CREATE TABLE session_speakers (
  session_id INTEGER NOT NULL REFERENCES forum_sessions(id) ON DELETE CASCADE,
  speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, speaker_id)
);
CREATE TABLE idempotency (
  key TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE idempotency; DROP TABLE session_speakers; DROP TABLE forum_sessions; DROP TABLE speakers;
DROP TABLE rooms; DROP TABLE registrations; DROP TABLE booths; DROP TABLE exhibitors; DROP TABLE halls;
DROP TABLE event_roles; DROP TABLE events; DROP TABLE venues; DROP TABLE memberships; DROP TABLE org_sectors;
DROP TABLE organizations; DROP TABLE rate_limits; DROP TABLE web_sessions; DROP TABLE people;
