-- +goose Up
-- What an organization declares for matchmaking: the sectors it wants
-- partners in, and the organizations it never wants recommended.
CREATE TABLE org_interests (
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  sector TEXT NOT NULL,
  PRIMARY KEY (org_id, sector)
);
CREATE TABLE org_competitors (
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  competitor_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  PRIMARY KEY (org_id, competitor_id)
);
CREATE INDEX org_competitors_competitor ON org_competitors(competitor_id);

-- +goose Down
DROP TABLE org_competitors; DROP TABLE org_interests;
