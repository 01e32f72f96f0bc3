-- Who did not come to a meeting recorded as a no-show: its requester
-- ('from'), the organization asked ('to') or 'both'; '' for a meeting
-- that is not a no-show. The no-shows recorded before the sides were told
-- apart keep counting both sides absent, as they were counted then.
-- +goose Up
ALTER TABLE meetings ADD COLUMN absent TEXT NOT NULL DEFAULT '' CHECK (absent IN ('', 'from', 'to', 'both'));
UPDATE meetings SET absent = 'both' WHERE status = 'no_show';

-- +goose Down
ALTER TABLE meetings DROP COLUMN absent;
