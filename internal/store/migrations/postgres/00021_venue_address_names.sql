-- A venue's address in the three languages; address keeps it as typed,
-- shown where no translation is given.
-- +goose Up
ALTER TABLE venues ADD COLUMN address_vi TEXT NOT NULL DEFAULT '';
ALTER TABLE venues ADD COLUMN address_en TEXT NOT NULL DEFAULT '';
ALTER TABLE venues ADD COLUMN address_ko TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE venues DROP COLUMN address_ko;
ALTER TABLE venues DROP COLUMN address_en;
ALTER TABLE venues DROP COLUMN address_vi;
