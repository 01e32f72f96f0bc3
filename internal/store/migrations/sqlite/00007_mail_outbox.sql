-- The mail outbox: every message waits here until the SMTP server took it,
-- so that a mail survives a restart. A row is written in the transaction
-- of what causes it (a registration), claimed by one worker at a time
-- (next_at moves past a lease, so a worker that dies lets go), and kept
-- after the last failed attempt with its error. Times to compare are unix
-- milliseconds, the same on both databases.
-- +goose Up
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  registration_id INTEGER,
  recipient TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMP NOT NULL,
  sent_at TIMESTAMP
);
CREATE INDEX mail_outbox_due ON mail_outbox(status, next_at);
CREATE INDEX mail_outbox_event ON mail_outbox(event_id, status);
-- A value sealed under the server's master key, to know at start whether
-- the key given is the one that sealed the badge keys.
CREATE TABLE secret_key_check (id INTEGER PRIMARY KEY CHECK (id = 1), sealed TEXT NOT NULL);

-- +goose Down
DROP TABLE secret_key_check;
DROP TABLE mail_outbox;
