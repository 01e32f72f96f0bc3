-- A category's quota is split over several rows (stripes), each with its
-- own share and count: a registration takes a seat from any stripe that
-- has one left. On PostgreSQL concurrent registrations then lock different
-- rows instead of queueing on one; a stripe never exceeds its share, so
-- the category is never oversold. Existing quotas move to one stripe each;
-- setting a quota again spreads it.
-- +goose Up
CREATE TABLE registration_quota_stripes (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  stripe INTEGER NOT NULL,
  quota INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, category, stripe)
);
INSERT INTO registration_quota_stripes (event_id, category, stripe, quota, used)
  SELECT event_id, category, 0, quota, used FROM registration_quotas;
DROP TABLE registration_quotas;

-- +goose Down
CREATE TABLE registration_quotas (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  quota INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, category)
);
INSERT INTO registration_quotas (event_id, category, quota, used)
  SELECT event_id, category, SUM(quota), SUM(used) FROM registration_quota_stripes GROUP BY event_id, category;
DROP TABLE registration_quota_stripes;
