package store

import (
	"context"
	"fmt"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/org"
)

const orgCols = "o.id, o.kind, o.name_vi, o.name_en, o.name_ko, o.desc_vi, o.desc_en, o.desc_ko, o.country, o.city, o.website, o.email, o.phone, o.created_at"

func scanOrg(row interface{ Scan(...any) error }, extra ...any) (org.Organization, error) {
	var o org.Organization
	var kind string
	dest := append([]any{&o.ID, &kind, &o.Name.VI, &o.Name.EN, &o.Name.KO, &o.Description.VI, &o.Description.EN, &o.Description.KO,
		&o.Country, &o.City, &o.Website, &o.Email, &o.Phone, &o.CreatedAt}, extra...)
	err := row.Scan(dest...)
	o.Kind = org.Kind(kind)
	return o, err
}

// Organization reads one organization with its sectors.
func (db *DB) Organization(ctx context.Context, id int64) (org.Organization, error) {
	o, err := scanOrg(db.queryRow(ctx, "SELECT "+orgCols+" FROM organizations o WHERE o.id = ?", id))
	if err != nil {
		return o, notFound(err, "Organization")
	}
	secs, err := db.sectorsOf(ctx, []int64{id})
	if err != nil {
		return o, err
	}
	o.Sectors = secs[id]
	one := []org.Organization{o}
	err = db.fillMatchPrefs(ctx, one, []int64{id})
	return one[0], err
}

// fillMatchPrefs adds declared interests and excluded competitors to
// organizations: those of ids, or of all when ids is nil.
func (db *DB) fillMatchPrefs(ctx context.Context, orgs []org.Organization, ids []int64) error {
	if ids != nil && len(ids) == 0 {
		return nil
	}
	qi, qc := "SELECT org_id, sector FROM org_interests", "SELECT org_id, competitor_id FROM org_competitors"
	var args []any
	if ids != nil {
		in := " WHERE org_id IN (" + placeholders(len(ids)) + ")"
		qi, qc, args = qi+in, qc+in, int64Args(ids)
	}
	ints, err := db.stringsByID(ctx, qi+" ORDER BY org_id, sector", args...)
	if err != nil {
		return fmt.Errorf("interests: %w", err)
	}
	rows, err := db.query(ctx, qc+" ORDER BY org_id, competitor_id", args...)
	if err != nil {
		return fmt.Errorf("competitors: %w", err)
	}
	defer rows.Close()
	comps := map[int64][]int64{}
	for rows.Next() {
		var id, c int64
		if err := rows.Scan(&id, &c); err != nil {
			return err
		}
		comps[id] = append(comps[id], c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range orgs {
		orgs[i].Interests, orgs[i].Competitors = ints[orgs[i].ID], comps[orgs[i].ID]
	}
	return nil
}

// setMatchPrefs replaces an organization's interests and competitors; a
// competitor that does not exist is a field error and nothing is written.
func (tx *Tx) setMatchPrefs(ctx context.Context, o *org.Organization) error {
	if _, err := tx.exec(ctx, "DELETE FROM org_interests WHERE org_id = ?", o.ID); err != nil {
		return fmt.Errorf("interests: %w", err)
	}
	if _, err := tx.exec(ctx, "DELETE FROM org_competitors WHERE org_id = ?", o.ID); err != nil {
		return fmt.Errorf("competitors: %w", err)
	}
	seen := map[string]bool{}
	for _, s := range o.Interests {
		if seen[s] {
			continue
		}
		seen[s] = true
		if _, err := tx.exec(ctx, "INSERT INTO org_interests (org_id, sector) VALUES (?, ?)", o.ID, s); err != nil {
			return fmt.Errorf("interests: %w", err)
		}
	}
	comps := map[int64]bool{}
	for _, c := range o.Competitors {
		comps[c] = true
	}
	if len(comps) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(comps))
	for c := range comps {
		ids = append(ids, c)
	}
	var n int
	if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM organizations WHERE id IN ("+placeholders(len(ids))+")", int64Args(ids)...).Scan(&n); err != nil {
		return fmt.Errorf("competitors: %w", err)
	}
	if n != len(ids) {
		return apperr.Fields{"competitors": "names an organization that does not exist"}.Err()
	}
	for _, c := range ids {
		if _, err := tx.exec(ctx, "INSERT INTO org_competitors (org_id, competitor_id) VALUES (?, ?)", o.ID, c); err != nil {
			return fmt.Errorf("competitors: %w", err)
		}
	}
	return nil
}

// OrgFilter selects organizations.
type OrgFilter struct {
	Kind    string
	Country string
	Sector  string
	Offset  int
	Limit   int
}

// Organizations lists organizations and the total that match.
func (db *DB) Organizations(ctx context.Context, f OrgFilter) ([]org.Organization, int, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where, args = append(where, "o.kind = ?"), append(args, f.Kind)
	}
	if f.Country != "" {
		where, args = append(where, "o.country = ?"), append(args, f.Country)
	}
	if f.Sector != "" {
		where, args = append(where, "EXISTS (SELECT 1 FROM org_sectors s WHERE s.org_id = o.id AND s.sector = ?)"), append(args, f.Sector)
	}
	q := "SELECT " + orgCols + ", COUNT(*) OVER() FROM organizations o"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY o.id LIMIT ? OFFSET ?"
	args = append(args, f.Limit, f.Offset)
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list organizations: %w", err)
	}
	defer rows.Close()
	var out []org.Organization
	total := 0
	for rows.Next() {
		o, err := scanOrg(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if err := db.fillSectors(ctx, out); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// fillSectors adds sectors, interests and competitors to a page of
// organizations.
func (db *DB) fillSectors(ctx context.Context, orgs []org.Organization) error {
	ids := make([]int64, len(orgs))
	for i := range orgs {
		ids[i] = orgs[i].ID
	}
	secs, err := db.sectorsOf(ctx, ids)
	if err != nil {
		return err
	}
	for i := range orgs {
		orgs[i].Sectors = secs[orgs[i].ID]
	}
	return db.fillMatchPrefs(ctx, orgs, ids)
}

func (db *DB) sectorsOf(ctx context.Context, ids []int64) (map[int64][]string, error) {
	if len(ids) == 0 {
		return map[int64][]string{}, nil
	}
	out, err := db.stringsByID(ctx, "SELECT org_id, sector FROM org_sectors WHERE org_id IN ("+placeholders(len(ids))+") ORDER BY org_id, sector", int64Args(ids)...)
	if err != nil {
		return nil, fmt.Errorf("sectors: %w", err)
	}
	return out, nil
}

// stringsByID reads (id, text) rows into lists of texts by id, in the
// order of the query.
func (db *DB) stringsByID(ctx context.Context, q string, args ...any) (map[int64][]string, error) {
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var id int64
		var s string
		if err := rows.Scan(&id, &s); err != nil {
			return nil, err
		}
		out[id] = append(out[id], s)
	}
	return out, rows.Err()
}

// CreateOrganization adds an organization with its sectors.
func (db *DB) CreateOrganization(ctx context.Context, o *org.Organization) error {
	o.CreatedAt = db.Now()
	return db.inTx(ctx, func(tx *Tx) error {
		err := tx.queryRow(ctx, `INSERT INTO organizations (kind, name_vi, name_en, name_ko, desc_vi, desc_en, desc_ko, country, city, website, email, phone, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			string(o.Kind), o.Name.VI, o.Name.EN, o.Name.KO, o.Description.VI, o.Description.EN, o.Description.KO,
			o.Country, o.City, o.Website, o.Email, o.Phone, o.CreatedAt).Scan(&o.ID)
		if err != nil {
			return fmt.Errorf("create organization: %w", db.dialect.translate(err))
		}
		if err := tx.setSectors(ctx, o.ID, o.Sectors); err != nil {
			return err
		}
		return tx.setMatchPrefs(ctx, o)
	})
}

// UpdateOrganization replaces an organization's fields, sectors, interests
// and competitors.
func (db *DB) UpdateOrganization(ctx context.Context, o *org.Organization) error {
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `UPDATE organizations SET kind = ?, name_vi = ?, name_en = ?, name_ko = ?, desc_vi = ?, desc_en = ?, desc_ko = ?,
			country = ?, city = ?, website = ?, email = ?, phone = ? WHERE id = ?`,
			string(o.Kind), o.Name.VI, o.Name.EN, o.Name.KO, o.Description.VI, o.Description.EN, o.Description.KO,
			o.Country, o.City, o.Website, o.Email, o.Phone, o.ID)
		if err != nil {
			return fmt.Errorf("update organization: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound("Organization")
		}
		if err := tx.setSectors(ctx, o.ID, o.Sectors); err != nil {
			return err
		}
		return tx.setMatchPrefs(ctx, o)
	})
}

func (tx *Tx) setSectors(ctx context.Context, orgID int64, sectors []string) error {
	if _, err := tx.exec(ctx, "DELETE FROM org_sectors WHERE org_id = ?", orgID); err != nil {
		return fmt.Errorf("sectors: %w", err)
	}
	seen := map[string]bool{}
	for _, s := range sectors {
		if seen[s] {
			continue
		}
		seen[s] = true
		if _, err := tx.exec(ctx, "INSERT INTO org_sectors (org_id, sector) VALUES (?, ?)", orgID, s); err != nil {
			return fmt.Errorf("sectors: %w", err)
		}
	}
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// CreateOrganizationWithAdmin adds an organization and makes its creator
// its admin, both or neither.
func (db *DB) CreateOrganizationWithAdmin(ctx context.Context, o *org.Organization, personID int64) error {
	o.CreatedAt = db.Now()
	return db.inTx(ctx, func(tx *Tx) error {
		err := tx.queryRow(ctx, `INSERT INTO organizations (kind, name_vi, name_en, name_ko, desc_vi, desc_en, desc_ko, country, city, website, email, phone, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			string(o.Kind), o.Name.VI, o.Name.EN, o.Name.KO, o.Description.VI, o.Description.EN, o.Description.KO,
			o.Country, o.City, o.Website, o.Email, o.Phone, o.CreatedAt).Scan(&o.ID)
		if err != nil {
			return fmt.Errorf("create organization: %w", db.dialect.translate(err))
		}
		if _, err := tx.exec(ctx, "INSERT INTO memberships (person_id, org_id, role) VALUES (?, ?, 'admin')", personID, o.ID); err != nil {
			return fmt.Errorf("membership: %w", db.dialect.translate(err))
		}
		if err := tx.setSectors(ctx, o.ID, o.Sectors); err != nil {
			return err
		}
		return tx.setMatchPrefs(ctx, o)
	})
}
