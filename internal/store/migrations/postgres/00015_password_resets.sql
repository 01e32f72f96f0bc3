-- Password reset links: the hash of each link's token (never the token),
-- whose password it sets, until when, and when it was used. A person has
-- at most one row: asking again replaces it, so the table stays as small
-- as the people table and needs no sweeping.
-- +goose Up
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX password_resets_person ON password_resets(person_id);

-- +goose Down
DROP TABLE password_resets;
