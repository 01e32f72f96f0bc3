package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ExportJob is a large export running in the background.
type ExportJob struct {
	ID         int64      `json:"id"`
	EventID    int64      `json:"event_id"`
	PersonID   int64      `json:"-"`
	Kind       string     `json:"kind"`
	Status     string     `json:"status"` // queued, running, done, failed
	Done       int        `json:"done"`
	Total      int        `json:"total"`
	FileName   string     `json:"file_name,omitempty"`
	Error      string     `json:"error,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
	Download   string     `json:"download,omitempty"`
}

// CreateExportJob queues an export.
func (db *DB) CreateExportJob(ctx context.Context, j *ExportJob) error {
	j.Status, j.CreatedAt = "queued", db.Now()
	err := db.queryRow(ctx, "INSERT INTO export_jobs (event_id, person_id, kind, status, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
		j.EventID, j.PersonID, j.Kind, j.Status, j.CreatedAt).Scan(&j.ID)
	return db.dialect.translate(err)
}

// ClaimExportJob takes the oldest queued job for this worker. On
// PostgreSQL the row is locked with FOR UPDATE SKIP LOCKED, so that each
// job runs once however many instances look for work; SQLite has one
// writer, and the claim is one transaction.
func (db *DB) ClaimExportJob(ctx context.Context) (ExportJob, bool, error) {
	var j ExportJob
	skip := ""
	if db.dialect.name == "postgres" {
		skip = " FOR UPDATE SKIP LOCKED"
	}
	err := db.inTx(ctx, func(tx *Tx) error {
		err := tx.queryRow(ctx, "SELECT id, event_id, person_id, kind FROM export_jobs WHERE status = 'queued' ORDER BY id LIMIT 1"+skip).
			Scan(&j.ID, &j.EventID, &j.PersonID, &j.Kind)
		if err != nil {
			return err
		}
		_, err = tx.exec(ctx, "UPDATE export_jobs SET status = 'running' WHERE id = ?", j.ID)
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return j, false, nil
	}
	if err != nil {
		return j, false, fmt.Errorf("claim export: %w", err)
	}
	j.Status = "running"
	return j, true, nil
}

// ExportProgress records how far a job is.
func (db *DB) ExportProgress(ctx context.Context, id int64, done, total int) error {
	_, err := db.exec(ctx, "UPDATE export_jobs SET done = ?, total = ? WHERE id = ?", done, total, id)
	return err
}

// FinishExport stores a job's file, or its failure.
func (db *DB) FinishExport(ctx context.Context, id int64, fileName, content, failure string) error {
	status := "done"
	if failure != "" {
		status = "failed"
	}
	_, err := db.exec(ctx, "UPDATE export_jobs SET status = ?, file_name = ?, content = ?, error = ?, finished_at = ? WHERE id = ?",
		status, fileName, content, failure, db.Now(), id)
	return err
}

// ExportJobOf reads a job of an event, without its file.
func (db *DB) ExportJobOf(ctx context.Context, eventID, id int64) (ExportJob, error) {
	var j ExportJob
	var fin sql.NullTime
	err := db.queryRow(ctx, "SELECT id, event_id, person_id, kind, status, done, total, file_name, error, created_at, finished_at FROM export_jobs WHERE event_id = ? AND id = ?", eventID, id).
		Scan(&j.ID, &j.EventID, &j.PersonID, &j.Kind, &j.Status, &j.Done, &j.Total, &j.FileName, &j.Error, &j.CreatedAt, &fin)
	if fin.Valid {
		t := fin.Time.UTC()
		j.FinishedAt = &t
	}
	return j, notFound(err, "Export")
}

// ExportFile returns a finished job's file.
func (db *DB) ExportFile(ctx context.Context, eventID, id int64) (name, content string, err error) {
	err = db.queryRow(ctx, "SELECT file_name, content FROM export_jobs WHERE event_id = ? AND id = ? AND status = 'done'", eventID, id).Scan(&name, &content)
	return name, content, notFound(err, "Finished export")
}
