package store

import (
	"context"
	"fmt"
	"time"

	"ketnoi/internal/event"
)

const eventCols = "id, slug, kind, name_vi, name_en, name_ko, desc_vi, desc_en, desc_ko, venue_id, start_date, end_date, partner, partner_vi, partner_en, partner_ko, created_at"

// scanEvent reads eventCols, then extra (a window count).
func scanEvent(row interface{ Scan(...any) error }, extra ...any) (event.Event, error) {
	var e event.Event
	var kind string
	dest := append([]any{&e.ID, &e.Slug, &kind, &e.Name.VI, &e.Name.EN, &e.Name.KO, &e.Description.VI, &e.Description.EN, &e.Description.KO,
		&e.VenueID, &e.StartDate, &e.EndDate, &e.Partner, &e.PartnerName.VI, &e.PartnerName.EN, &e.PartnerName.KO, &e.CreatedAt}, extra...)
	err := row.Scan(dest...)
	e.Kind = event.Kind(kind)
	return e, err
}

// Events lists every event, the soonest first.
func (db *DB) Events(ctx context.Context, offset, limit int) ([]event.Event, int, error) {
	rows, err := db.query(ctx, "SELECT "+eventCols+", COUNT(*) OVER() FROM events ORDER BY start_date, id LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []event.Event
	total := 0
	for rows.Next() {
		e, err := scanEvent(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}

// Event reads one event.
func (db *DB) Event(ctx context.Context, id int64) (event.Event, error) {
	e, err := scanEvent(db.queryRow(ctx, "SELECT "+eventCols+" FROM events WHERE id = ?", id))
	return e, notFound(err, "Event")
}

// CreateEvent adds an event.
func (db *DB) CreateEvent(ctx context.Context, e *event.Event) error {
	e.CreatedAt = db.Now()
	err := db.queryRow(ctx, `INSERT INTO events (slug, kind, name_vi, name_en, name_ko, desc_vi, desc_en, desc_ko, venue_id, start_date, end_date,
		partner, partner_vi, partner_en, partner_ko, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		e.Slug, string(e.Kind), e.Name.VI, e.Name.EN, e.Name.KO, e.Description.VI, e.Description.EN, e.Description.KO,
		e.VenueID, e.StartDate, e.EndDate, e.Partner, e.PartnerName.VI, e.PartnerName.EN, e.PartnerName.KO, e.CreatedAt).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("create event: %w", db.dialect.translate(err))
	}
	return nil
}

// UpdateEvent replaces an event's fields.
func (db *DB) UpdateEvent(ctx context.Context, e *event.Event) error {
	res, err := db.exec(ctx, `UPDATE events SET slug = ?, kind = ?, name_vi = ?, name_en = ?, name_ko = ?, desc_vi = ?, desc_en = ?, desc_ko = ?,
		venue_id = ?, start_date = ?, end_date = ?, partner = ?, partner_vi = ?, partner_en = ?, partner_ko = ? WHERE id = ?`,
		e.Slug, string(e.Kind), e.Name.VI, e.Name.EN, e.Name.KO, e.Description.VI, e.Description.EN, e.Description.KO,
		e.VenueID, e.StartDate, e.EndDate, e.Partner, e.PartnerName.VI, e.PartnerName.EN, e.PartnerName.KO, e.ID)
	if err != nil {
		return fmt.Errorf("update event: %w", db.dialect.translate(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Event")
	}
	return nil
}

// Venue reads one venue.
func (db *DB) Venue(ctx context.Context, id int64) (event.Venue, error) {
	var v event.Venue
	err := db.queryRow(ctx, "SELECT id, name_vi, name_en, name_ko, address, address_vi, address_en, address_ko, city, country, time_zone FROM venues WHERE id = ?", id).
		Scan(&v.ID, &v.Name.VI, &v.Name.EN, &v.Name.KO, &v.Address, &v.AddressName.VI, &v.AddressName.EN, &v.AddressName.KO, &v.City, &v.Country, &v.TimeZone)
	return v, notFound(err, "Venue")
}

// EventZone is the time zone of the event's venue (Asia/Ho_Chi_Minh when
// the venue names none or an unknown one).
func (db *DB) EventZone(ctx context.Context, eventID int64) (*time.Location, error) {
	var name string
	err := db.queryRow(ctx, "SELECT v.time_zone FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.id = ?", eventID).Scan(&name)
	if err != nil {
		return nil, notFound(err, "Event")
	}
	return event.Zone(name), nil
}

// CreateVenue adds a venue.
func (db *DB) CreateVenue(ctx context.Context, v *event.Venue) error {
	err := db.queryRow(ctx, `INSERT INTO venues (name_vi, name_en, name_ko, address, address_vi, address_en, address_ko, city, country, time_zone)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		v.Name.VI, v.Name.EN, v.Name.KO, v.Address, v.AddressName.VI, v.AddressName.EN, v.AddressName.KO, v.City, v.Country, v.TimeZone).Scan(&v.ID)
	return db.dialect.translate(err)
}

// Halls lists an event's halls by code.
func (db *DB) Halls(ctx context.Context, eventID int64) ([]event.Hall, error) {
	rows, err := db.query(ctx, "SELECT id, event_id, code, name_vi, name_en, name_ko, width_m, depth_m FROM halls WHERE event_id = ? ORDER BY code", eventID)
	if err != nil {
		return nil, fmt.Errorf("list halls: %w", err)
	}
	defer rows.Close()
	var out []event.Hall
	for rows.Next() {
		var h event.Hall
		if err := rows.Scan(&h.ID, &h.EventID, &h.Code, &h.Name.VI, &h.Name.EN, &h.Name.KO, &h.Width, &h.Depth); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Hall reads one hall of an event.
func (db *DB) Hall(ctx context.Context, eventID, id int64) (event.Hall, error) {
	var h event.Hall
	err := db.queryRow(ctx, "SELECT id, event_id, code, name_vi, name_en, name_ko, width_m, depth_m FROM halls WHERE event_id = ? AND id = ?", eventID, id).
		Scan(&h.ID, &h.EventID, &h.Code, &h.Name.VI, &h.Name.EN, &h.Name.KO, &h.Width, &h.Depth)
	return h, notFound(err, "Hall")
}

// CreateHall adds a hall to an event.
func (db *DB) CreateHall(ctx context.Context, h *event.Hall) error {
	err := db.queryRow(ctx, "INSERT INTO halls (event_id, code, name_vi, name_en, name_ko, width_m, depth_m) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		h.EventID, h.Code, h.Name.VI, h.Name.EN, h.Name.KO, h.Width, h.Depth).Scan(&h.ID)
	if err != nil {
		return fmt.Errorf("create hall: %w", db.dialect.translate(err))
	}
	return nil
}

const boothCols = "id, event_id, hall_id, code, x_m, y_m, w_m, h_m, type, zone, price_vnd, status, COALESCE(exhibitor_id, 0)"

func scanBooth(row interface{ Scan(...any) error }, extra ...any) (event.Booth, error) {
	var b event.Booth
	var typ, status string
	dest := append([]any{&b.ID, &b.EventID, &b.HallID, &b.Code, &b.X, &b.Y, &b.W, &b.H, &typ, &b.Zone, &b.PriceVND, &status, &b.ExhibitorID}, extra...)
	err := row.Scan(dest...)
	b.Type, b.Status = event.BoothType(typ), event.BoothStatus(status)
	return b, err
}

// BoothFilter selects booths of an event.
type BoothFilter struct {
	HallID int64
	Status string
	Type   string
	Offset int
	Limit  int
}

// Booths lists an event's booths and the total that match.
func (db *DB) Booths(ctx context.Context, eventID int64, f BoothFilter) ([]event.Booth, int, error) {
	q := "SELECT " + boothCols + ", COUNT(*) OVER() FROM booths WHERE event_id = ?"
	args := []any{eventID}
	if f.HallID != 0 {
		q, args = q+" AND hall_id = ?", append(args, f.HallID)
	}
	if f.Status != "" {
		q, args = q+" AND status = ?", append(args, f.Status)
	}
	if f.Type != "" {
		q, args = q+" AND type = ?", append(args, f.Type)
	}
	q += " ORDER BY code LIMIT ? OFFSET ?"
	args = append(args, f.Limit, f.Offset)
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list booths: %w", err)
	}
	defer rows.Close()
	var out []event.Booth
	total := 0
	for rows.Next() {
		b, err := scanBooth(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, b)
	}
	return out, total, rows.Err()
}

// Booth reads one booth of an event.
func (db *DB) Booth(ctx context.Context, eventID, id int64) (event.Booth, error) {
	b, err := scanBooth(db.queryRow(ctx, "SELECT "+boothCols+" FROM booths WHERE event_id = ? AND id = ?", eventID, id))
	return b, notFound(err, "Booth")
}

// CreateBooth adds a booth to a hall of the event.
func (db *DB) CreateBooth(ctx context.Context, b *event.Booth) error {
	err := db.queryRow(ctx, `INSERT INTO booths (event_id, hall_id, code, x_m, y_m, w_m, h_m, type, zone, price_vnd, status, exhibitor_id)
		SELECT ?, h.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL FROM halls h WHERE h.id = ? AND h.event_id = ? RETURNING id`,
		b.EventID, b.Code, b.X, b.Y, b.W, b.H, string(b.Type), b.Zone, b.PriceVND, string(b.Status), b.HallID, b.EventID).Scan(&b.ID)
	if err != nil {
		return fmt.Errorf("create booth: %w", notFound(db.dialect.translate(err), "Hall"))
	}
	return nil
}

// UpdateBooth changes a booth's code, geometry, type, zone, price and status.
func (db *DB) UpdateBooth(ctx context.Context, b *event.Booth) error {
	res, err := db.exec(ctx, `UPDATE booths SET code = ?, x_m = ?, y_m = ?, w_m = ?, h_m = ?, type = ?, zone = ?, price_vnd = ?, status = ?
		WHERE event_id = ? AND id = ?`,
		b.Code, b.X, b.Y, b.W, b.H, string(b.Type), b.Zone, b.PriceVND, string(b.Status), b.EventID, b.ID)
	if err != nil {
		return fmt.Errorf("update booth: %w", db.dialect.translate(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Booth")
	}
	return nil
}

// IsOrganizer reports whether a person organizes an event.
func (db *DB) IsOrganizer(ctx context.Context, eventID, personID int64) (bool, error) {
	var n int
	err := db.queryRow(ctx, "SELECT COUNT(*) FROM event_roles WHERE event_id = ? AND person_id = ? AND role = 'organizer'", eventID, personID).Scan(&n)
	return n > 0, err
}

// AssignBooth puts an exhibitor of the event on a booth and marks it sold.
func (db *DB) AssignBooth(ctx context.Context, eventID, boothID, exhibitorID int64) error {
	res, err := db.exec(ctx, `UPDATE booths SET exhibitor_id = ?, status = 'sold'
		WHERE event_id = ? AND id = ? AND status <> 'blocked' AND EXISTS (SELECT 1 FROM exhibitors x WHERE x.id = ? AND x.event_id = ?)`,
		exhibitorID, eventID, boothID, exhibitorID, eventID)
	if err != nil {
		return fmt.Errorf("assign booth: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound("Free booth or exhibitor")
	}
	return nil
}
