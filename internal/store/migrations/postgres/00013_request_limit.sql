-- The most meeting requests one organization may have open at an event
-- (0: no limit), so that a few cannot flood the others.
-- +goose Up
ALTER TABLE match_settings ADD COLUMN max_requests INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE match_settings DROP COLUMN max_requests;
