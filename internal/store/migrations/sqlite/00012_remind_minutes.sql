-- How long before a scheduled meeting both sides are reminded, per event
-- (0: no reminder).
-- +goose Up
ALTER TABLE match_settings ADD COLUMN remind_minutes INTEGER NOT NULL DEFAULT 15;

-- +goose Down
ALTER TABLE match_settings DROP COLUMN remind_minutes;
