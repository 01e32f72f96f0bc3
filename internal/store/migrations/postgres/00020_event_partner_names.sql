-- An event's co-organizer named in the three languages (KOTRA is
-- 대한무역투자진흥공사 to a Korean reader); partner keeps the name as typed,
-- shown where no translation is given.
-- +goose Up
ALTER TABLE events ADD COLUMN partner_vi TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN partner_en TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN partner_ko TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE events DROP COLUMN partner_ko;
ALTER TABLE events DROP COLUMN partner_en;
ALTER TABLE events DROP COLUMN partner_vi;
