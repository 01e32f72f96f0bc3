package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
)

// ImportResult says what a hall import changed.
type ImportResult struct {
	Added    int `json:"added"`
	Updated  int `json:"updated"`
	Removed  int `json:"removed"`
	Features int `json:"features"`
}

// BoothCodesElsewhere maps the booth codes (upper-cased) of the event's
// other halls to their hall's code, for the import's duplicate check.
func (db *DB) BoothCodesElsewhere(ctx context.Context, eventID, hallID int64) (map[string]string, error) {
	rows, err := db.query(ctx, "SELECT b.code, h.code FROM booths b JOIN halls h ON h.id = b.hall_id WHERE b.event_id = ? AND b.hall_id <> ?", eventID, hallID)
	if err != nil {
		return nil, fmt.Errorf("booth codes: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var code, hall string
		if err := rows.Scan(&code, &hall); err != nil {
			return nil, err
		}
		out[strings.ToUpper(code)] = hall
	}
	return out, rows.Err()
}

// ImportHall replaces a hall's floor plan in one transaction: booths of the
// file are added or updated by code (keeping their exhibitor), booths of the
// hall missing from the file are removed, and features are replaced. A
// booth that has an exhibitor cannot be removed: the whole import fails.
func (db *DB) ImportHall(ctx context.Context, h event.Hall, l exhibit.Layout) (ImportResult, error) {
	var res ImportResult
	err := db.inTx(ctx, func(tx *Tx) error {
		existing, err := hallBooths(ctx, tx, h.ID)
		if err != nil {
			return err
		}
		inFile := map[string]bool{}
		for _, b := range l.Booths {
			inFile[b.Code] = true
		}
		var stuck []string
		for code, b := range existing {
			if inFile[code] {
				continue
			}
			if b.ExhibitorID != 0 {
				stuck = append(stuck, code)
				continue
			}
			if _, err := tx.exec(ctx, "DELETE FROM booths WHERE id = ?", b.ID); err != nil {
				return fmt.Errorf("remove booth %s: %w", code, err)
			}
			res.Removed++
		}
		if len(stuck) > 0 {
			sort.Strings(stuck)
			return &exhibit.ImportError{Rows: []exhibit.RowError{{Where: "file", Message: "booths with an exhibitor are missing from the file: " + strings.Join(stuck, ", ")}}}
		}
		for _, b := range l.Booths {
			if err := upsertBooth(ctx, tx, h, b, existing, &res); err != nil {
				return err
			}
		}
		return replaceFeatures(ctx, tx, h.ID, l.Features, &res)
	})
	return res, err
}

func hallBooths(ctx context.Context, tx *Tx, hallID int64) (map[string]event.Booth, error) {
	rows, err := tx.query(ctx, "SELECT "+boothCols+" FROM booths WHERE hall_id = ?", hallID)
	if err != nil {
		return nil, fmt.Errorf("hall booths: %w", err)
	}
	defer rows.Close()
	out := map[string]event.Booth{}
	for rows.Next() {
		b, err := scanBooth(rows)
		if err != nil {
			return nil, err
		}
		out[b.Code] = b
	}
	return out, rows.Err()
}

func upsertBooth(ctx context.Context, tx *Tx, h event.Hall, b event.Booth, existing map[string]event.Booth, res *ImportResult) error {
	old, ok := existing[b.Code]
	if !ok {
		_, err := tx.exec(ctx, `INSERT INTO booths (event_id, hall_id, code, x_m, y_m, w_m, h_m, type, zone, price_vnd, status, exhibitor_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`, h.EventID, h.ID, b.Code, b.X, b.Y, b.W, b.H, string(b.Type), b.Zone, b.PriceVND, string(b.Status))
		if err != nil {
			return fmt.Errorf("add booth %s: %w", b.Code, tx.db.dialect.translate(err))
		}
		res.Added++
		return nil
	}
	status := b.Status
	if old.ExhibitorID != 0 {
		status = old.Status // an assigned booth stays sold or held
	}
	_, err := tx.exec(ctx, "UPDATE booths SET x_m = ?, y_m = ?, w_m = ?, h_m = ?, type = ?, zone = ?, price_vnd = ?, status = ? WHERE id = ?",
		b.X, b.Y, b.W, b.H, string(b.Type), b.Zone, b.PriceVND, string(status), old.ID)
	if err != nil {
		return fmt.Errorf("update booth %s: %w", b.Code, err)
	}
	res.Updated++
	return nil
}

func replaceFeatures(ctx context.Context, tx *Tx, hallID int64, fs []exhibit.Feature, res *ImportResult) error {
	if _, err := tx.exec(ctx, "DELETE FROM hall_features WHERE hall_id = ?", hallID); err != nil {
		return fmt.Errorf("clear features: %w", err)
	}
	for _, f := range fs {
		if _, err := tx.exec(ctx, "INSERT INTO hall_features (hall_id, kind, label, x_m, y_m, w_m, h_m) VALUES (?, ?, ?, ?, ?, ?, ?)",
			hallID, f.Kind, f.Label, f.X, f.Y, f.W, f.H); err != nil {
			return fmt.Errorf("add feature: %w", err)
		}
		res.Features++
	}
	return nil
}

// HallFeatures lists a hall's pillars, entrances and aisles.
func (db *DB) HallFeatures(ctx context.Context, hallID int64) ([]exhibit.Feature, error) {
	rows, err := db.query(ctx, "SELECT id, hall_id, kind, label, x_m, y_m, w_m, h_m FROM hall_features WHERE hall_id = ? ORDER BY id", hallID)
	if err != nil {
		return nil, fmt.Errorf("hall features: %w", err)
	}
	defer rows.Close()
	var out []exhibit.Feature
	for rows.Next() {
		var f exhibit.Feature
		if err := rows.Scan(&f.ID, &f.HallID, &f.Kind, &f.Label, &f.X, &f.Y, &f.W, &f.H); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// EventBooths lists every booth of an event (the plan and the allocation
// need them all).
func (db *DB) EventBooths(ctx context.Context, eventID, hallID int64) ([]event.Booth, error) {
	q, args := "SELECT "+boothCols+" FROM booths WHERE event_id = ?", []any{eventID}
	if hallID != 0 {
		q, args = q+" AND hall_id = ?", append(args, hallID)
	}
	rows, err := db.query(ctx, q+" ORDER BY code", args...)
	if err != nil {
		return nil, fmt.Errorf("event booths: %w", err)
	}
	defer rows.Close()
	var out []event.Booth
	for rows.Next() {
		b, err := scanBooth(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// ExhibitorNames maps the event's exhibitor ids to their organization's
// names and countries, for labelling the plan.
func (db *DB) ExhibitorNames(ctx context.Context, eventID int64) (map[int64]ExhibitorName, error) {
	rows, err := db.query(ctx, `SELECT x.id, o.name_vi, o.name_en, o.name_ko, o.country, x.status,
		COALESCE((SELECT MIN(s.sector) FROM org_sectors s WHERE s.org_id = o.id), '')
		FROM exhibitors x JOIN organizations o ON o.id = x.org_id WHERE x.event_id = ?`, eventID)
	if err != nil {
		return nil, fmt.Errorf("exhibitor names: %w", err)
	}
	defer rows.Close()
	out := map[int64]ExhibitorName{}
	for rows.Next() {
		var n ExhibitorName
		if err := rows.Scan(&n.ID, &n.Name.VI, &n.Name.EN, &n.Name.KO, &n.Country, &n.Status, &n.Sector); err != nil {
			return nil, err
		}
		out[n.ID] = n
	}
	return out, rows.Err()
}

// ExhibitorName is what the plan shows of an exhibitor.
type ExhibitorName struct {
	ID      int64
	Name    i18n.Text
	Country string
	Status  string
	Sector  string // the first sector, for colouring by sector
}

// SaveProposal stores the allocation proposal being edited for an event.
func (db *DB) SaveProposal(ctx context.Context, eventID int64, body string) error {
	return db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "DELETE FROM allocation_proposals WHERE event_id = ?", eventID); err != nil {
			return fmt.Errorf("save proposal: %w", err)
		}
		_, err := tx.exec(ctx, "INSERT INTO allocation_proposals (event_id, body, updated_at) VALUES (?, ?, ?)", eventID, body, db.Now())
		if err != nil {
			return fmt.Errorf("save proposal: %w", db.dialect.translate(err))
		}
		return nil
	})
}

// Proposal reads the stored proposal; ok is false when there is none.
func (db *DB) Proposal(ctx context.Context, eventID int64) (body string, at time.Time, ok bool, err error) {
	err = db.queryRow(ctx, "SELECT body, updated_at FROM allocation_proposals WHERE event_id = ?", eventID).Scan(&body, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", at, false, nil
	}
	return body, at, err == nil, err
}

// DeleteProposal drops the stored proposal.
func (db *DB) DeleteProposal(ctx context.Context, eventID int64) error {
	_, err := db.exec(ctx, "DELETE FROM allocation_proposals WHERE event_id = ?", eventID)
	return err
}

// ConfirmAllocation writes a proposal's booth assignments in one
// transaction: every booth of owners goes to its exhibitor (sold); booths
// that the placed exhibitors (ids) held before and no longer get are freed.
// Blocked booths and booths of other exhibitors are never touched. The
// stored proposal is dropped.
func (db *DB) ConfirmAllocation(ctx context.Context, eventID int64, owners map[string]int64, ids []int64) (int, error) {
	n := 0
	err := db.inTx(ctx, func(tx *Tx) error {
		if len(ids) > 0 {
			if _, err := tx.exec(ctx, "UPDATE booths SET exhibitor_id = NULL, status = 'free' WHERE event_id = ? AND exhibitor_id IN ("+
				placeholders(len(ids))+")", append([]any{eventID}, int64Args(ids)...)...); err != nil {
				return fmt.Errorf("free booths: %w", err)
			}
		}
		codes := make([]string, 0, len(owners))
		for c := range owners {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, code := range codes {
			res, err := tx.exec(ctx, `UPDATE booths SET exhibitor_id = ?, status = 'sold' WHERE event_id = ? AND code = ? AND status <> 'blocked'
				AND (exhibitor_id IS NULL OR exhibitor_id = ?)`, owners[code], eventID, code, owners[code])
			if err != nil {
				return fmt.Errorf("assign booth %s: %w", code, tx.db.dialect.translate(err))
			}
			if k, _ := res.RowsAffected(); k == 0 {
				return apperr.Errorf(apperr.Conflict, "Booth %s is blocked, gone or taken by another exhibitor; run the allocation again.", code)
			}
			n++
		}
		_, err := tx.exec(ctx, "DELETE FROM allocation_proposals WHERE event_id = ?", eventID)
		return err
	})
	return n, err
}
