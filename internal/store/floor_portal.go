package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/exhibit"
)

const productCols = "id, event_id, exhibitor_id, name_vi, name_en, name_ko, desc_vi, desc_en, desc_ko, category, created_at"

func scanProduct(row interface{ Scan(...any) error }) (exhibit.Product, error) {
	var p exhibit.Product
	err := row.Scan(&p.ID, &p.EventID, &p.ExhibitorID, &p.Name.VI, &p.Name.EN, &p.Name.KO,
		&p.Description.VI, &p.Description.EN, &p.Description.KO, &p.Category, &p.CreatedAt)
	return p, err
}

// CreateProduct adds a product to an exhibitor's catalogue, within the
// catalogue's limit.
func (db *DB) CreateProduct(ctx context.Context, p *exhibit.Product) error {
	p.CreatedAt = db.Now()
	return db.inTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM products WHERE exhibitor_id = ?", p.ExhibitorID).Scan(&n); err != nil {
			return fmt.Errorf("count products: %w", err)
		}
		if n >= exhibit.MaxProducts {
			return apperr.Errorf(apperr.Conflict, "An exhibitor shows at most %d products.", exhibit.MaxProducts)
		}
		err := tx.queryRow(ctx, `INSERT INTO products (event_id, exhibitor_id, name_vi, name_en, name_ko, desc_vi, desc_en, desc_ko, category, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, p.EventID, p.ExhibitorID, p.Name.VI, p.Name.EN, p.Name.KO,
			p.Description.VI, p.Description.EN, p.Description.KO, p.Category, p.CreatedAt).Scan(&p.ID)
		if err != nil {
			return fmt.Errorf("create product: %w", db.dialect.translate(err))
		}
		return nil
	})
}

// DeleteProduct removes one of an exhibitor's products.
func (db *DB) DeleteProduct(ctx context.Context, exhibitorID, id int64) error {
	res, err := db.exec(ctx, "DELETE FROM products WHERE exhibitor_id = ? AND id = ?", exhibitorID, id)
	if err != nil {
		return fmt.Errorf("delete product: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Product")
	}
	return nil
}

// Products lists an exhibitor's products.
func (db *DB) Products(ctx context.Context, exhibitorID int64) ([]exhibit.Product, error) {
	return db.products(ctx, "SELECT "+productCols+" FROM products WHERE exhibitor_id = ? ORDER BY id", exhibitorID)
}

// EventProducts lists every product of an event, for the search index.
func (db *DB) EventProducts(ctx context.Context, eventID int64) ([]exhibit.Product, error) {
	return db.products(ctx, "SELECT "+productCols+" FROM products WHERE event_id = ? ORDER BY id", eventID)
}

func (db *DB) products(ctx context.Context, q string, args ...any) ([]exhibit.Product, error) {
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list products: %w", err)
	}
	defer rows.Close()
	var out []exhibit.Product
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Products loads products with their ids assigned (the demo).
func (b *Bulk) Products(ps []exhibit.Product) error {
	rows := make([][]any, len(ps))
	now := b.tx.db.Now()
	for i, p := range ps {
		if p.CreatedAt.IsZero() {
			p.CreatedAt = now
		}
		rows[i] = []any{p.ID, p.EventID, p.ExhibitorID, p.Name.VI, p.Name.EN, p.Name.KO, p.Description.VI, p.Description.EN, p.Description.KO,
			p.Category, p.CreatedAt.UTC()}
	}
	err := b.insert("products", []string{"id", "event_id", "exhibitor_id", "name_vi", "name_en", "name_ko", "desc_vi", "desc_en", "desc_ko",
		"category", "created_at"}, rows)
	if err != nil {
		return err
	}
	return b.tx.db.dialect.resetSequences(b.tx, "products")
}

// SetLogo stores an exhibitor's logo (a PNG the web layer re-encoded).
func (db *DB) SetLogo(ctx context.Context, exhibitorID int64, png []byte) error {
	return db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "DELETE FROM exhibitor_logos WHERE exhibitor_id = ?", exhibitorID); err != nil {
			return fmt.Errorf("set logo: %w", err)
		}
		_, err := tx.exec(ctx, "INSERT INTO exhibitor_logos (exhibitor_id, png, updated_at) VALUES (?, ?, ?)", exhibitorID, png, db.Now())
		if err != nil {
			return fmt.Errorf("set logo: %w", db.dialect.translate(err))
		}
		return nil
	})
}

// Logo reads an exhibitor's logo.
func (db *DB) Logo(ctx context.Context, exhibitorID int64) ([]byte, error) {
	var png []byte
	err := db.queryRow(ctx, "SELECT png FROM exhibitor_logos WHERE exhibitor_id = ?", exhibitorID).Scan(&png)
	return png, notFound(err, "Logo")
}

// StaffInvitation is an email invited to join an exhibitor's staff.
type StaffInvitation struct {
	ID    int64
	Email string
}

// InviteStaff records an invitation, refusing it when the exhibitor's badge
// quota is used up by invitations already sent.
func (db *DB) InviteStaff(ctx context.Context, exhibitorID int64, email string, by int64) error {
	email = strings.ToLower(strings.TrimSpace(email))
	return db.inTx(ctx, func(tx *Tx) error {
		var used, quota int
		err := tx.queryRow(ctx, "SELECT (SELECT COUNT(*) FROM staff_invitations WHERE exhibitor_id = ?), badge_quota FROM exhibitors WHERE id = ?",
			exhibitorID, exhibitorID).Scan(&used, &quota)
		if errors.Is(err, sql.ErrNoRows) {
			return errNotFound("Exhibitor")
		}
		if err != nil {
			return fmt.Errorf("badge quota: %w", err)
		}
		if used >= quota {
			return apperr.Errorf(apperr.Conflict, "The badge quota of %d is used up.", quota)
		}
		var inviter any
		if by != 0 {
			inviter = by
		}
		_, err = tx.exec(ctx, "INSERT INTO staff_invitations (exhibitor_id, email, invited_by, created_at) VALUES (?, ?, ?, ?)",
			exhibitorID, email, inviter, db.Now())
		if err != nil {
			err = db.dialect.translate(err)
			if apperr.Is(err, apperr.Conflict) {
				return apperr.Errorf(apperr.Conflict, "%s is already invited.", email)
			}
			return fmt.Errorf("invite: %w", err)
		}
		return nil
	})
}

// StaffInvitations lists an exhibitor's invitations.
func (db *DB) StaffInvitations(ctx context.Context, exhibitorID int64) ([]StaffInvitation, error) {
	rows, err := db.query(ctx, "SELECT id, email FROM staff_invitations WHERE exhibitor_id = ? ORDER BY id", exhibitorID)
	if err != nil {
		return nil, fmt.Errorf("invitations: %w", err)
	}
	defer rows.Close()
	var out []StaffInvitation
	for rows.Next() {
		var s StaffInvitation
		if err := rows.Scan(&s.ID, &s.Email); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// CatalogueLike is the baseline of the catalogue search: a plain SQL LIKE
// scan of exhibitor and product names and descriptions (lower-cased, no
// folding of diacritics), returning the matching ids, capped at limit.
func (db *DB) CatalogueLike(ctx context.Context, eventID int64, q string, limit int) ([]int64, error) {
	pat := "%" + strings.ToLower(strings.TrimSpace(q)) + "%"
	rows, err := db.query(ctx, `SELECT x.id FROM exhibitors x JOIN organizations o ON o.id = x.org_id WHERE x.event_id = ? AND
		(LOWER(o.name_vi) LIKE ? OR LOWER(o.name_en) LIKE ? OR LOWER(o.name_ko) LIKE ? OR LOWER(o.desc_vi) LIKE ? OR LOWER(o.desc_en) LIKE ? OR LOWER(o.desc_ko) LIKE ?)
		UNION ALL SELECT 1000000 + p.id FROM products p WHERE p.event_id = ? AND
		(LOWER(p.name_vi) LIKE ? OR LOWER(p.name_en) LIKE ? OR LOWER(p.name_ko) LIKE ? OR LOWER(p.desc_vi) LIKE ? OR LOWER(p.desc_en) LIKE ? OR LOWER(p.desc_ko) LIKE ?)
		LIMIT ?`, eventID, pat, pat, pat, pat, pat, pat, eventID, pat, pat, pat, pat, pat, pat, limit)
	if err != nil {
		return nil, fmt.Errorf("like search: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
