-- Issue 4: floor plan features, applications with their history, products,
-- logos, staff invitations and the allocation proposal being edited.
-- +goose Up
CREATE TABLE hall_features (
  id INTEGER PRIMARY KEY,
  hall_id INTEGER NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  x_m REAL NOT NULL, y_m REAL NOT NULL, w_m REAL NOT NULL, h_m REAL NOT NULL
);
CREATE INDEX hall_features_hall ON hall_features(hall_id);
CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  exhibitor_id INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  booth_type TEXT NOT NULL,
  area_m2 REAL NOT NULL,
  sector TEXT NOT NULL DEFAULT '',
  preferred TEXT NOT NULL DEFAULT '',
  preferred_zone TEXT NOT NULL DEFAULT '',
  pavilion TEXT NOT NULL DEFAULT '',
  competitors TEXT NOT NULL DEFAULT '',
  products TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'vi',
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  UNIQUE (event_id, org_id),
  UNIQUE (exhibitor_id)
);
CREATE INDEX applications_event ON applications(event_id, status);
CREATE TABLE application_history (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  person_name TEXT NOT NULL DEFAULT '',
  at TIMESTAMP NOT NULL
);
CREATE INDEX application_history_app ON application_history(application_id, id);
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  exhibitor_id INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
  name_vi TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '', name_ko TEXT NOT NULL DEFAULT '',
  desc_vi TEXT NOT NULL DEFAULT '', desc_en TEXT NOT NULL DEFAULT '', desc_ko TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL
);
CREATE INDEX products_exhibitor ON products(exhibitor_id);
CREATE INDEX products_event ON products(event_id);
CREATE TABLE exhibitor_logos (
  exhibitor_id INTEGER PRIMARY KEY REFERENCES exhibitors(id) ON DELETE CASCADE,
  png BLOB NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE TABLE staff_invitations (
  id INTEGER PRIMARY KEY,
  exhibitor_id INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  invited_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL,
  UNIQUE (exhibitor_id, email)
);
CREATE TABLE allocation_proposals (
  event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  updated_at TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE allocation_proposals; DROP TABLE staff_invitations; DROP TABLE exhibitor_logos; DROP TABLE products;
DROP TABLE application_history; DROP TABLE applications; DROP TABLE hall_features;
