-- Both sides of a scheduled meeting are reminded by mail shortly before it
-- begins; reminded_at says the reminder went, so that it goes once however
-- many instances look. A meeting that moves is reminded again.
-- +goose Up
ALTER TABLE meetings ADD COLUMN reminded_at TIMESTAMP;

-- +goose Down
ALTER TABLE meetings DROP COLUMN reminded_at;
