package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
)

// RegistrationImport says what an import did.
type RegistrationImport struct {
	Created   int                `json:"created"`
	Existing  int                `json:"existing"`  // already registered: left as they are
	Unchanged bool               `json:"unchanged"` // this very file was imported before
	Errors    []checkin.RowError `json:"errors,omitempty"`
}

// ImportRegistrants registers every row of a file in one transaction: all
// or nothing. People already registered are left alone, and a file already
// imported (same hash) changes nothing, so importing twice is harmless.
// rowOf maps each registrant to its file row for the error report.
func (db *DB) ImportRegistrants(ctx context.Context, eventID int64, fileHash string, rs []checkin.Registrant, rowOf []int) (RegistrationImport, error) {
	var res RegistrationImport
	defer db.writer()()
	err := db.inTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM registration_imports WHERE event_id = ? AND file_hash = ?", eventID, fileHash).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			res.Unchanged = true
			return nil
		}
		for i := range rs {
			r := &rs[i]
			r.EventID = eventID
			var id int64
			err := tx.queryRow(ctx, "SELECT r.id FROM registrations r JOIN people p ON p.id = r.person_id WHERE r.event_id = ? AND p.email = ?", eventID, r.Email).Scan(&id)
			if err == nil {
				res.Existing++
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if err := tx.register(ctx, r); err != nil {
				var ae *apperr.Error
				if errors.As(err, &ae) && (ae.Code == apperr.Conflict || ae.Code == apperr.Invalid) {
					res.Errors = append(res.Errors, checkin.RowError{Row: rowOf[i], Field: "category", Message: ae.Message})
					continue
				}
				return fmt.Errorf("row %d: %w", rowOf[i], err)
			}
			res.Created++
		}
		if len(res.Errors) > 0 {
			return errImportFailed
		}
		_, err := tx.exec(ctx, "INSERT INTO registration_imports (event_id, file_hash, rows_imported, created_at) VALUES (?, ?, ?, ?)", eventID, fileHash, res.Created, db.Now())
		return err
	})
	if errors.Is(err, errImportFailed) {
		res.Created, res.Existing = 0, 0
		return res, nil
	}
	return res, err
}

var errImportFailed = errors.New("import failed")
