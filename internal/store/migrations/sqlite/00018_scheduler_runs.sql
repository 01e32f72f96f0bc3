-- What each scheduler run did, so that the console shows a run's summary
-- after its answer (reloading that answer does not run it again) and to
-- the event's other organizers. left_ids is a JSON array of the accepted
-- meetings the run could not place. The store keeps an event's last 20.
-- +goose Up
CREATE TABLE scheduler_runs (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ran_at TIMESTAMP NOT NULL,
  scheduled INTEGER NOT NULL,
  moved INTEGER NOT NULL,
  unplaced INTEGER NOT NULL,
  kept INTEGER NOT NULL,
  weight INTEGER NOT NULL,
  idle INTEGER NOT NULL,
  breaks INTEGER NOT NULL,
  took_ms INTEGER NOT NULL,
  left_ids TEXT NOT NULL
);
CREATE INDEX scheduler_runs_event ON scheduler_runs(event_id, id);

-- +goose Down
DROP TABLE scheduler_runs;
