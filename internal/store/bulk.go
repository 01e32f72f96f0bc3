package store

import (
	"context"
	"fmt"
	"strings"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/org"
)

// Bulk loads many records with their ids already assigned, in one
// transaction and multi-row inserts: the demo and large imports use it.
type Bulk struct {
	ctx context.Context
	tx  *Tx
}

// BulkLoad runs fn in one transaction; all of it lands or none.
func (db *DB) BulkLoad(ctx context.Context, fn func(b *Bulk) error) error {
	err := db.inTx(ctx, func(tx *Tx) error {
		if err := fn(&Bulk{ctx: ctx, tx: tx}); err != nil {
			return err
		}
		return db.dialect.resetSequences(tx, "people", "organizations", "venues", "events", "halls", "exhibitors",
			"booths", "registrations", "rooms", "speakers", "forum_sessions")
	})
	if err != nil {
		return err
	}
	// Fresh statistics, so that the planner knows the tables are no longer
	// empty without waiting for autovacuum.
	if _, err := db.exec(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("analyze after load: %w", err)
	}
	return nil
}

// insert writes rows in chunks that stay under both engines' limits on
// bound parameters.
func (b *Bulk) insert(table string, cols []string, rows [][]any) error {
	per := 30000 / len(cols)
	if per > 500 {
		per = 500
	}
	one := "(" + placeholders(len(cols)) + ")"
	for start := 0; start < len(rows); start += per {
		end := min(start+per, len(rows))
		var sb strings.Builder
		sb.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
		args := make([]any, 0, (end-start)*len(cols))
		for i := start; i < end; i++ {
			if i > start {
				sb.WriteByte(',')
			}
			sb.WriteString(one)
			args = append(args, rows[i]...)
		}
		if _, err := b.tx.exec(b.ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("load %s: %w", table, b.tx.db.dialect.translate(err))
		}
	}
	return nil
}

// People loads accounts.
func (b *Bulk) People(ps []account.Person) error {
	rows := make([][]any, len(ps))
	now := b.tx.db.Now()
	for i, p := range ps {
		if p.CreatedAt.IsZero() {
			p.CreatedAt = now
		}
		rows[i] = []any{p.ID, p.Email, p.Name, string(p.Lang), p.IsAdmin, p.PasswordHash, p.CreatedAt.UTC()}
	}
	return b.insert("people", []string{"id", "email", "name", "lang", "is_admin", "password_hash", "created_at"}, rows)
}

// Organizations loads organizations and their sectors.
func (b *Bulk) Organizations(os []org.Organization) error {
	rows := make([][]any, len(os))
	var secs, interests, competitors [][]any
	now := b.tx.db.Now()
	for i, o := range os {
		if o.CreatedAt.IsZero() {
			o.CreatedAt = now
		}
		rows[i] = []any{o.ID, string(o.Kind), o.Name.VI, o.Name.EN, o.Name.KO, o.Description.VI, o.Description.EN, o.Description.KO,
			o.Country, o.City, o.Website, o.Email, o.Phone, o.CreatedAt.UTC()}
		seen := map[string]bool{}
		for _, s := range o.Sectors {
			if !seen[s] {
				seen[s] = true
				secs = append(secs, []any{o.ID, s})
			}
		}
		for _, s := range o.Interests {
			interests = append(interests, []any{o.ID, s})
		}
		for _, c := range o.Competitors {
			competitors = append(competitors, []any{o.ID, c})
		}
	}
	err := b.insert("organizations", []string{"id", "kind", "name_vi", "name_en", "name_ko", "desc_vi", "desc_en", "desc_ko",
		"country", "city", "website", "email", "phone", "created_at"}, rows)
	if err != nil {
		return err
	}
	if err := b.insert("org_sectors", []string{"org_id", "sector"}, secs); err != nil {
		return err
	}
	if err := b.insert("org_interests", []string{"org_id", "sector"}, interests); err != nil {
		return err
	}
	return b.insert("org_competitors", []string{"org_id", "competitor_id"}, competitors)
}

// Memberships loads people's memberships in organizations.
func (b *Bulk) Memberships(ms []account.Membership) error {
	rows := make([][]any, len(ms))
	for i, m := range ms {
		rows[i] = []any{m.PersonID, m.OrgID, string(m.Role)}
	}
	return b.insert("memberships", []string{"person_id", "org_id", "role"}, rows)
}

// Organizers loads who organizes which event.
func (b *Bulk) Organizers(pairs [][2]int64) error {
	rows := make([][]any, len(pairs))
	for i, p := range pairs {
		rows[i] = []any{p[0], p[1], "organizer"}
	}
	return b.insert("event_roles", []string{"event_id", "person_id", "role"}, rows)
}

// Venues loads venues.
func (b *Bulk) Venues(vs []event.Venue) error {
	rows := make([][]any, len(vs))
	for i, v := range vs {
		rows[i] = []any{v.ID, v.Name.VI, v.Name.EN, v.Name.KO, v.Address, v.AddressName.VI, v.AddressName.EN, v.AddressName.KO, v.City, v.Country, v.TimeZone}
	}
	return b.insert("venues", []string{"id", "name_vi", "name_en", "name_ko", "address", "address_vi", "address_en", "address_ko", "city", "country", "time_zone"}, rows)
}

// Events loads events.
func (b *Bulk) Events(es []event.Event) error {
	rows := make([][]any, len(es))
	now := b.tx.db.Now()
	for i, e := range es {
		if e.CreatedAt.IsZero() {
			e.CreatedAt = now
		}
		rows[i] = []any{e.ID, e.Slug, string(e.Kind), e.Name.VI, e.Name.EN, e.Name.KO, e.Description.VI, e.Description.EN, e.Description.KO,
			e.VenueID, e.StartDate, e.EndDate, e.Partner, e.CreatedAt.UTC()}
	}
	return b.insert("events", []string{"id", "slug", "kind", "name_vi", "name_en", "name_ko", "desc_vi", "desc_en", "desc_ko",
		"venue_id", "start_date", "end_date", "partner", "created_at"}, rows)
}

// Halls loads halls.
func (b *Bulk) Halls(hs []event.Hall) error {
	rows := make([][]any, len(hs))
	for i, h := range hs {
		rows[i] = []any{h.ID, h.EventID, h.Code, h.Name.VI, h.Name.EN, h.Name.KO, h.Width, h.Depth}
	}
	return b.insert("halls", []string{"id", "event_id", "code", "name_vi", "name_en", "name_ko", "width_m", "depth_m"}, rows)
}

// Exhibitors loads exhibitors.
func (b *Bulk) Exhibitors(xs []event.Exhibitor) error {
	rows := make([][]any, len(xs))
	now := b.tx.db.Now()
	for i, x := range xs {
		if x.CreatedAt.IsZero() {
			x.CreatedAt = now
		}
		rows[i] = []any{x.ID, x.EventID, x.OrgID, string(x.Status), x.Pavilion, x.BadgeQuota, x.Notes, x.CreatedAt.UTC()}
	}
	return b.insert("exhibitors", []string{"id", "event_id", "org_id", "status", "pavilion", "badge_quota", "notes", "created_at"}, rows)
}

// Booths loads booths; exhibitors must be loaded first.
func (b *Bulk) Booths(bs []event.Booth) error {
	rows := make([][]any, len(bs))
	for i, x := range bs {
		rows[i] = []any{x.ID, x.EventID, x.HallID, x.Code, x.X, x.Y, x.W, x.H, string(x.Type), x.Zone, x.PriceVND, string(x.Status), nullID(x.ExhibitorID)}
	}
	return b.insert("booths", []string{"id", "event_id", "hall_id", "code", "x_m", "y_m", "w_m", "h_m", "type", "zone", "price_vnd", "status", "exhibitor_id"}, rows)
}

// Registrations loads registrations.
func (b *Bulk) Registrations(rs []event.Registration) error {
	rows := make([][]any, len(rs))
	now := b.tx.db.Now()
	for i, r := range rs {
		if r.CreatedAt.IsZero() {
			r.CreatedAt = now
		}
		if r.Status == "" {
			r.Status = "active"
		}
		rows[i] = []any{r.ID, r.EventID, r.PersonID, nullID(r.OrgID), string(r.Category), r.JobTitle, r.Status, r.CreatedAt.UTC()}
	}
	return b.insert("registrations", []string{"id", "event_id", "person_id", "org_id", "category", "job_title", "status", "created_at"}, rows)
}

// Forum loads rooms, speakers and sessions with their speakers.
func (b *Bulk) Forum(rooms []event.Room, speakers []event.Speaker, sessions []event.Session) error {
	rr := make([][]any, len(rooms))
	for i, r := range rooms {
		rr[i] = []any{r.ID, r.EventID, r.Name.VI, r.Name.EN, r.Name.KO, r.Capacity}
	}
	if err := b.insert("rooms", []string{"id", "event_id", "name_vi", "name_en", "name_ko", "capacity"}, rr); err != nil {
		return err
	}
	sp := make([][]any, len(speakers))
	for i, s := range speakers {
		sp[i] = []any{s.ID, s.EventID, s.Name, s.Title.VI, s.Title.EN, s.Title.KO, nullID(s.OrgID), nullID(s.PersonID)}
	}
	if err := b.insert("speakers", []string{"id", "event_id", "name", "title_vi", "title_en", "title_ko", "org_id", "person_id"}, sp); err != nil {
		return err
	}
	ss := make([][]any, len(sessions))
	var links [][]any
	for i, s := range sessions {
		ss[i] = []any{s.ID, s.EventID, s.RoomID, s.Title.VI, s.Title.EN, s.Title.KO, s.Abstract.VI, s.Abstract.EN, s.Abstract.KO,
			s.Track, string(s.Language), s.StartsAt.UTC(), s.EndsAt.UTC()}
		for _, x := range s.Speakers {
			links = append(links, []any{s.ID, x.ID})
		}
	}
	if err := b.insert("forum_sessions", []string{"id", "event_id", "room_id", "title_vi", "title_en", "title_ko", "abstract_vi", "abstract_en", "abstract_ko",
		"track", "language", "starts_at", "ends_at"}, ss); err != nil {
		return err
	}
	return b.insert("session_speakers", []string{"session_id", "speaker_id"}, links)
}

// Tracks loads the names of forum tracks.
func (b *Bulk) Tracks(ts []event.Track) error {
	rows := make([][]any, len(ts))
	for i, t := range ts {
		rows[i] = []any{t.EventID, t.Key, t.Name.VI, t.Name.EN, t.Name.KO}
	}
	return b.insert("forum_tracks", []string{"event_id", "track", "name_vi", "name_en", "name_ko"}, rows)
}

// IsEmpty reports whether the database holds no event yet.
func (db *DB) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := db.queryRow(ctx, "SELECT COUNT(*) FROM events").Scan(&n)
	return n == 0, err
}
