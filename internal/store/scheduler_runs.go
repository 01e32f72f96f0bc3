package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"ketnoi/internal/meeting"
)

// keptRuns is how many of an event's scheduler runs are kept: enough to
// show the last one to every organizer, not a history to grow for ever.
const keptRuns = 20

// SaveSchedulerRun stores what a run did and sets run.ID; older runs of the
// event beyond the last keptRuns are dropped.
func (db *DB) SaveSchedulerRun(ctx context.Context, run *meeting.Run) error {
	left, err := json.Marshal(run.Left)
	if err != nil {
		return fmt.Errorf("save scheduler run: %w", err)
	}
	return db.inTx(ctx, func(tx *Tx) error {
		err := tx.queryRow(ctx, `INSERT INTO scheduler_runs (event_id, ran_at, scheduled, moved, unplaced, kept, weight, idle, breaks, took_ms, left_ids)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			run.EventID, run.At.UTC(), run.Scheduled, run.Moved, run.Unplaced, run.Kept,
			run.Objective.Weight, run.Objective.Idle, run.Objective.Breaks, run.Took.Milliseconds(), string(left)).Scan(&run.ID)
		if err != nil {
			return fmt.Errorf("save scheduler run: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM scheduler_runs WHERE event_id = ? AND id < (SELECT MIN(id) FROM
			(SELECT id FROM scheduler_runs WHERE event_id = ? ORDER BY id DESC LIMIT ?) AS last)`, run.EventID, run.EventID, keptRuns); err != nil {
			return fmt.Errorf("save scheduler run: %w", err)
		}
		return nil
	})
}

// SchedulerRun reads one of an event's kept runs.
func (db *DB) SchedulerRun(ctx context.Context, eventID, id int64) (meeting.Run, error) {
	run := meeting.Run{ID: id, EventID: eventID}
	var tookMS int64
	var left string
	err := db.queryRow(ctx, `SELECT ran_at, scheduled, moved, unplaced, kept, weight, idle, breaks, took_ms, left_ids
		FROM scheduler_runs WHERE event_id = ? AND id = ?`, eventID, id).
		Scan(&run.At, &run.Scheduled, &run.Moved, &run.Unplaced, &run.Kept,
			&run.Objective.Weight, &run.Objective.Idle, &run.Objective.Breaks, &tookMS, &left)
	if errors.Is(err, sql.ErrNoRows) {
		return run, errNotFound("Scheduler run")
	}
	if err != nil {
		return run, fmt.Errorf("scheduler run: %w", err)
	}
	run.At, run.Took = run.At.UTC(), time.Duration(tookMS)*time.Millisecond
	if err := json.Unmarshal([]byte(left), &run.Left); err != nil {
		return run, fmt.Errorf("scheduler run %d: %w", id, err)
	}
	return run, nil
}
