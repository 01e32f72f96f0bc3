-- What came of a meeting or a card: one side reports, the partner confirms
-- (verified) or disputes. A meeting has at most one report of each kind, a
-- card at most one per reporting organization and kind, so that the same
-- deal is not counted twice.
-- +goose Up
CREATE TABLE outcomes (
  id INTEGER PRIMARY KEY,
  event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
  card_id INTEGER REFERENCES cards(id) ON DELETE SET NULL,
  reporter_org INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  partner_org INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  value_vnd INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  answer TEXT NOT NULL DEFAULT '',
  reported_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  answered_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  CHECK (reporter_org <> partner_org),
  CHECK (value_vnd >= 0)
);
CREATE UNIQUE INDEX outcomes_meeting_kind ON outcomes(meeting_id, kind) WHERE meeting_id IS NOT NULL;
CREATE UNIQUE INDEX outcomes_card_kind ON outcomes(card_id, reporter_org, kind) WHERE meeting_id IS NULL AND card_id IS NOT NULL;
CREATE INDEX outcomes_event ON outcomes(event_id);
CREATE INDEX outcomes_reporter ON outcomes(reporter_org);
CREATE INDEX outcomes_partner ON outcomes(partner_org);

-- +goose Down
DROP TABLE outcomes;
