-- Where a registration was made: online (the public form or the API),
-- import, desk (a walk-in registered at the help desk), or '' for those
-- made before this was kept and those an organizer adds in the console.
-- +goose Up
ALTER TABLE registrations ADD COLUMN source TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE registrations DROP COLUMN source;
