package store

import (
	"context"
	"fmt"
	"strings"

	"ketnoi/internal/event"
	"ketnoi/internal/org"
)

// ExhibitorFilter selects exhibitors of an event for the directory.
type ExhibitorFilter struct {
	Hall    string // hall code
	Country string
	Sector  string
	Status  string // empty: any
	Lang    string // orders by the name in this language first
	Offset  int
	Limit   int
}

const exhibitorCols = "x.id, x.event_id, x.org_id, x.status, x.pavilion, x.badge_quota, x.notes, x.created_at, "

// Exhibitors lists the directory: exhibitors with their organization and
// booths, and the total that match the filter. It pages over narrow rows
// (ids and the sort key) and reads the wide rows only for the page: sorting
// every match with its descriptions was most of the cost of a request.
func (db *DB) Exhibitors(ctx context.Context, eventID int64, f ExhibitorFilter) ([]event.ExhibitorView, int, error) {
	where := []string{"x.event_id = ?"}
	args := []any{eventID}
	if f.Status != "" {
		where, args = append(where, "x.status = ?"), append(args, f.Status)
	}
	if f.Country != "" {
		where, args = append(where, "o.country = ?"), append(args, f.Country)
	}
	if f.Sector != "" {
		where, args = append(where, "EXISTS (SELECT 1 FROM org_sectors s WHERE s.org_id = o.id AND s.sector = ?)"), append(args, f.Sector)
	}
	if f.Hall != "" {
		where, args = append(where, "EXISTS (SELECT 1 FROM booths b JOIN halls h ON h.id = b.hall_id WHERE b.exhibitor_id = x.id AND h.code = ?)"), append(args, f.Hall)
	}
	from := " FROM exhibitors x JOIN organizations o ON o.id = x.org_id WHERE " + strings.Join(where, " AND ")
	var total int
	if err := db.queryRow(ctx, "SELECT COUNT(*)"+from, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count exhibitors: %w", err)
	}
	if total == 0 || f.Offset >= total {
		return []event.ExhibitorView{}, total, nil
	}
	ids, err := db.ids(ctx, "SELECT x.id"+from+" ORDER BY "+nameOrder(f.Lang)+", x.id LIMIT ? OFFSET ?", append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("list exhibitors: %w", err)
	}
	out, err := db.exhibitorsByID(ctx, ids)
	return out, total, err
}

// exhibitorsByID reads full directory entries in the order of ids.
func (db *DB) exhibitorsByID(ctx context.Context, ids []int64) ([]event.ExhibitorView, error) {
	if len(ids) == 0 {
		return []event.ExhibitorView{}, nil
	}
	rows, err := db.query(ctx, "SELECT "+exhibitorCols+orgCols+" FROM exhibitors x JOIN organizations o ON o.id = x.org_id WHERE x.id IN ("+
		placeholders(len(ids))+")", int64Args(ids)...)
	if err != nil {
		return nil, fmt.Errorf("read exhibitors: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]event.ExhibitorView, len(ids))
	for rows.Next() {
		v, err := scanExhibitorView(rows)
		if err != nil {
			return nil, err
		}
		byID[v.ID] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]event.ExhibitorView, 0, len(ids))
	for _, id := range ids {
		if v, ok := byID[id]; ok {
			out = append(out, v)
		}
	}
	return out, db.fillExhibitorViews(ctx, out)
}

func scanExhibitorView(row interface{ Scan(...any) error }, extra ...any) (event.ExhibitorView, error) {
	var v event.ExhibitorView
	var status string
	var kind string
	o := &v.Org
	dest := append([]any{&v.ID, &v.EventID, &v.OrgID, &status, &v.Pavilion, &v.BadgeQuota, &v.Notes, &v.CreatedAt,
		&o.ID, &kind, &o.Name.VI, &o.Name.EN, &o.Name.KO, &o.Description.VI, &o.Description.EN, &o.Description.KO,
		&o.Country, &o.City, &o.Website, &o.Email, &o.Phone, &o.CreatedAt}, extra...)
	err := row.Scan(dest...)
	v.Status = event.ExhibitorStatus(status)
	o.Kind = org.Kind(kind)
	return v, err
}

// fillExhibitorViews adds sectors and booths to a page of exhibitors in two
// queries, whatever the page size.
func (db *DB) fillExhibitorViews(ctx context.Context, views []event.ExhibitorView) error {
	if len(views) == 0 {
		return nil
	}
	orgIDs := make([]int64, len(views))
	xIDs := make([]int64, len(views))
	for i, v := range views {
		orgIDs[i], xIDs[i] = v.OrgID, v.ID
	}
	secs, err := db.sectorsOf(ctx, orgIDs)
	if err != nil {
		return err
	}
	rows, err := db.query(ctx, "SELECT b.exhibitor_id, b.code, h.code FROM booths b JOIN halls h ON h.id = b.hall_id WHERE b.exhibitor_id IN ("+
		placeholders(len(xIDs))+") ORDER BY b.code", int64Args(xIDs)...)
	if err != nil {
		return fmt.Errorf("exhibitor booths: %w", err)
	}
	defer rows.Close()
	booths, halls := map[int64][]string{}, map[int64][]string{}
	for rows.Next() {
		var id int64
		var booth, hall string
		if err := rows.Scan(&id, &booth, &hall); err != nil {
			return err
		}
		booths[id] = append(booths[id], booth)
		if hs := halls[id]; len(hs) == 0 || hs[len(hs)-1] != hall {
			halls[id] = append(hs, hall)
		}
	}
	for i := range views {
		views[i].Org.Sectors = secs[views[i].OrgID]
		views[i].Booths = booths[views[i].ID]
		views[i].Halls = halls[views[i].ID]
		if views[i].Org.Sectors == nil {
			views[i].Org.Sectors = []string{}
		}
		if views[i].Booths == nil {
			views[i].Booths, views[i].Halls = []string{}, []string{}
		}
	}
	return rows.Err()
}

// Exhibitor reads one exhibitor of an event with its organization and booths.
func (db *DB) Exhibitor(ctx context.Context, eventID, id int64) (event.ExhibitorView, error) {
	v, err := scanExhibitorView(db.queryRow(ctx, "SELECT "+exhibitorCols+orgCols+
		" FROM exhibitors x JOIN organizations o ON o.id = x.org_id WHERE x.event_id = ? AND x.id = ?", eventID, id))
	if err != nil {
		return v, notFound(err, "Exhibitor")
	}
	views := []event.ExhibitorView{v}
	err = db.fillExhibitorViews(ctx, views)
	return views[0], err
}

// CreateExhibitor puts an organization at an event.
func (db *DB) CreateExhibitor(ctx context.Context, x *event.Exhibitor) error {
	x.CreatedAt = db.Now()
	err := db.queryRow(ctx, `INSERT INTO exhibitors (event_id, org_id, status, pavilion, badge_quota, notes, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		x.EventID, x.OrgID, string(x.Status), x.Pavilion, x.BadgeQuota, x.Notes, x.CreatedAt).Scan(&x.ID)
	if err != nil {
		return fmt.Errorf("create exhibitor: %w", db.dialect.translate(err))
	}
	return nil
}

// UpdateExhibitor changes an exhibitor's status, pavilion, quota and notes.
func (db *DB) UpdateExhibitor(ctx context.Context, x *event.Exhibitor) error {
	res, err := db.exec(ctx, "UPDATE exhibitors SET status = ?, pavilion = ?, badge_quota = ?, notes = ? WHERE event_id = ? AND id = ?",
		string(x.Status), x.Pavilion, x.BadgeQuota, x.Notes, x.EventID, x.ID)
	if err != nil {
		return fmt.Errorf("update exhibitor: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Exhibitor")
	}
	return nil
}

// ExhibitorsOfOrgs returns the ids of the exhibitors, at any event, of the
// given organizations, keyed by event.
func (db *DB) ExhibitorsOfOrgs(ctx context.Context, orgIDs []int64) (map[int64][]int64, error) {
	out := map[int64][]int64{}
	if len(orgIDs) == 0 {
		return out, nil
	}
	rows, err := db.query(ctx, "SELECT event_id, id FROM exhibitors WHERE org_id IN ("+placeholders(len(orgIDs))+")", int64Args(orgIDs)...)
	if err != nil {
		return nil, fmt.Errorf("exhibitors of organizations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ev, id int64
		if err := rows.Scan(&ev, &id); err != nil {
			return nil, err
		}
		out[ev] = append(out[ev], id)
	}
	return out, rows.Err()
}

// ExhibitorOrg returns the organization id of an exhibitor at an event.
func (db *DB) ExhibitorOrg(ctx context.Context, eventID, exhibitorID int64) (int64, error) {
	var id int64
	err := db.queryRow(ctx, "SELECT org_id FROM exhibitors WHERE event_id = ? AND id = ?", eventID, exhibitorID).Scan(&id)
	return id, notFound(err, "Exhibitor")
}

// Countries lists the countries of an event's exhibitors, for filters.
func (db *DB) ExhibitorCountries(ctx context.Context, eventID int64) ([]string, error) {
	return db.strings(ctx, "SELECT DISTINCT o.country FROM exhibitors x JOIN organizations o ON o.id = x.org_id WHERE x.event_id = ? ORDER BY 1", eventID)
}

// ExhibitorSectors lists the sectors of an event's exhibitors, for filters.
func (db *DB) ExhibitorSectors(ctx context.Context, eventID int64) ([]string, error) {
	return db.strings(ctx, "SELECT DISTINCT s.sector FROM exhibitors x JOIN org_sectors s ON s.org_id = x.org_id WHERE x.event_id = ? ORDER BY 1", eventID)
}

func (db *DB) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// nameOrder sorts organizations by their name in lang, falling back to the
// other languages; lang is checked against a fixed list, never interpolated.
func nameOrder(lang string) string {
	switch lang {
	case "vi":
		return "COALESCE(NULLIF(o.name_vi, ''), NULLIF(o.name_en, ''), o.name_ko)"
	case "ko":
		return "COALESCE(NULLIF(o.name_ko, ''), NULLIF(o.name_en, ''), o.name_vi)"
	}
	return "COALESCE(NULLIF(o.name_en, ''), NULLIF(o.name_vi, ''), o.name_ko)"
}

// DirectoryVersion is a number that changes whenever events, venues, halls,
// booths, exhibitors or organizations change (database triggers bump it),
// so that caches of the public directory know when to let go.
func (db *DB) DirectoryVersion(ctx context.Context) (int64, error) {
	// Every cached read asks this, so the statement is prepared once.
	db.versionOnce.Do(func() {
		db.versionStmt, db.versionErr = db.sql.PrepareContext(context.Background(), "SELECT version FROM directory_version WHERE id = 1")
	})
	if db.versionErr != nil {
		return 0, db.versionErr
	}
	var v int64
	err := db.versionStmt.QueryRowContext(ctx).Scan(&v)
	return v, err
}
