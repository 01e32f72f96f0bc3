package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"ketnoi/internal/market"
	"ketnoi/internal/org"
)

const cardCols = "c.id, c.org_id, c.kind, c.status, c.title_vi, c.title_en, c.title_ko, c.body_vi, c.body_en, c.body_ko, c.trl, c.created_by, c.created_at, c.updated_at, " +
	"o.id, o.name_vi, o.name_en, o.name_ko, o.kind, o.country"

const cardFrom = " FROM cards c JOIN organizations o ON o.id = c.org_id"

func scanCard(row interface{ Scan(...any) error }) (market.CardView, error) {
	var v market.CardView
	var kind, status, okind string
	var by sql.NullInt64
	c, o := &v.Card, &v.Owner
	err := row.Scan(&c.ID, &c.OrgID, &kind, &status, &c.Title.VI, &c.Title.EN, &c.Title.KO, &c.Body.VI, &c.Body.EN, &c.Body.KO,
		&c.TRL, &by, &c.CreatedAt, &c.UpdatedAt, &o.ID, &o.Name.VI, &o.Name.EN, &o.Name.KO, &okind, &o.Country)
	c.Kind, c.Status, c.CreatedBy = market.Kind(kind), market.Status(status), by.Int64
	o.Kind = org.Kind(okind)
	o.House = o.Kind.House()
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return v, err
}

// Card reads one card with its owner, sectors and events.
func (db *DB) Card(ctx context.Context, id int64) (market.CardView, error) {
	v, err := scanCard(db.queryRow(ctx, "SELECT "+cardCols+cardFrom+" WHERE c.id = ?", id))
	if err != nil {
		return v, notFound(err, "Card")
	}
	views := []market.CardView{v}
	err = db.fillCards(ctx, views)
	return views[0], err
}

// CardOrg returns the owner organization of a card.
func (db *DB) CardOrg(ctx context.Context, id int64) (int64, error) {
	var orgID int64
	err := db.queryRow(ctx, "SELECT org_id FROM cards WHERE id = ?", id).Scan(&orgID)
	return orgID, notFound(err, "Card")
}

// CardsByIDs reads cards in the order of ids, skipping ids that name none.
func (db *DB) CardsByIDs(ctx context.Context, ids []int64) ([]market.CardView, error) {
	if len(ids) == 0 {
		return []market.CardView{}, nil
	}
	got, err := db.cards(ctx, " WHERE c.id IN ("+placeholders(len(ids))+")", int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	byID := map[int64]market.CardView{}
	for _, v := range got {
		byID[v.ID] = v
	}
	out := make([]market.CardView, 0, len(ids))
	for _, id := range ids {
		if v, ok := byID[id]; ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// CardsOfOrgs lists the cards of organizations, any status, newest first.
func (db *DB) CardsOfOrgs(ctx context.Context, orgIDs []int64) ([]market.CardView, error) {
	if len(orgIDs) == 0 {
		return []market.CardView{}, nil
	}
	return db.cards(ctx, " WHERE c.org_id IN ("+placeholders(len(orgIDs))+") ORDER BY c.updated_at DESC, c.id DESC", int64Args(orgIDs)...)
}

// CardsUpdatedSince lists every card changed at or after t, oldest change
// first: the search and recommendation indexes follow the table with it.
func (db *DB) CardsUpdatedSince(ctx context.Context, t time.Time) ([]market.CardView, error) {
	return db.cards(ctx, " WHERE c.updated_at >= ? ORDER BY c.updated_at, c.id", t.UTC())
}

func (db *DB) cards(ctx context.Context, where string, args ...any) ([]market.CardView, error) {
	rows, err := db.query(ctx, "SELECT "+cardCols+cardFrom+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list cards: %w", err)
	}
	defer rows.Close()
	out := []market.CardView{}
	for rows.Next() {
		v, err := scanCard(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, db.fillCards(ctx, out)
}

// fillCards adds sectors and events to cards, in two queries.
func (db *DB) fillCards(ctx context.Context, views []market.CardView) error {
	if len(views) == 0 {
		return nil
	}
	at := map[int64]int{}
	ids := make([]int64, len(views))
	for i, v := range views {
		ids[i], at[v.ID] = v.ID, i
		views[i].Sectors, views[i].Events = []string{}, []int64{}
	}
	// Large sets are read whole rather than through a long IN list.
	cond, args := " WHERE card_id IN ("+placeholders(len(ids))+")", int64Args(ids)
	if len(ids) > 500 {
		cond, args = "", nil
	}
	rows, err := db.query(ctx, "SELECT card_id, sector FROM card_sectors"+cond+" ORDER BY card_id, pos", args...)
	if err != nil {
		return fmt.Errorf("card sectors: %w", err)
	}
	for rows.Next() {
		var id int64
		var s string
		if err := rows.Scan(&id, &s); err != nil {
			rows.Close()
			return err
		}
		if i, ok := at[id]; ok {
			views[i].Sectors = append(views[i].Sectors, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = db.query(ctx, "SELECT card_id, event_id FROM card_events"+cond+" ORDER BY card_id, event_id", args...)
	if err != nil {
		return fmt.Errorf("card events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, ev int64
		if err := rows.Scan(&id, &ev); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			views[i].Events = append(views[i].Events, ev)
		}
	}
	return rows.Err()
}

// CreateCard stores a new card with its sectors and events.
func (db *DB) CreateCard(ctx context.Context, c *market.Card) error {
	now := db.Now()
	c.CreatedAt, c.UpdatedAt = now, now
	return db.inTx(ctx, func(tx *Tx) error {
		err := tx.queryRow(ctx, `INSERT INTO cards (org_id, kind, status, title_vi, title_en, title_ko, body_vi, body_en, body_ko, trl, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.OrgID, string(c.Kind), string(c.Status), c.Title.VI, c.Title.EN, c.Title.KO, c.Body.VI, c.Body.EN, c.Body.KO,
			c.TRL, nullID(c.CreatedBy), now, now).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("create card: %w", db.dialect.translate(err))
		}
		return tx.setCardLinks(ctx, c)
	})
}

// UpdateCard replaces a card's fields, sectors and events; its owner does
// not change.
func (db *DB) UpdateCard(ctx context.Context, c *market.Card) error {
	c.UpdatedAt = db.Now()
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `UPDATE cards SET kind = ?, status = ?, title_vi = ?, title_en = ?, title_ko = ?, body_vi = ?, body_en = ?, body_ko = ?,
			trl = ?, updated_at = ? WHERE id = ? AND org_id = ?`,
			string(c.Kind), string(c.Status), c.Title.VI, c.Title.EN, c.Title.KO, c.Body.VI, c.Body.EN, c.Body.KO, c.TRL, c.UpdatedAt, c.ID, c.OrgID)
		if err != nil {
			return fmt.Errorf("update card: %w", db.dialect.translate(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound("Card")
		}
		return tx.setCardLinks(ctx, c)
	})
}

func (tx *Tx) setCardLinks(ctx context.Context, c *market.Card) error {
	if _, err := tx.exec(ctx, "DELETE FROM card_sectors WHERE card_id = ?", c.ID); err != nil {
		return fmt.Errorf("card sectors: %w", err)
	}
	for i, s := range c.Sectors {
		if _, err := tx.exec(ctx, "INSERT INTO card_sectors (card_id, sector, pos) VALUES (?, ?, ?)", c.ID, s, i); err != nil {
			return fmt.Errorf("card sectors: %w", tx.db.dialect.translate(err))
		}
	}
	if _, err := tx.exec(ctx, "DELETE FROM card_events WHERE card_id = ?", c.ID); err != nil {
		return fmt.Errorf("card events: %w", err)
	}
	for _, ev := range c.Events {
		if _, err := tx.exec(ctx, "INSERT INTO card_events (card_id, event_id) VALUES (?, ?)", c.ID, ev); err != nil {
			return fmt.Errorf("card events: %w", tx.db.dialect.translate(err))
		}
	}
	return nil
}

// MatchParticipants returns the organizations taking part in an event —
// its approved exhibitors and the organizations of its registrants — or,
// for eventID 0, every organization; each with its sectors.
func (db *DB) MatchParticipants(ctx context.Context, eventID int64) ([]org.Organization, error) {
	q := "SELECT " + orgCols + " FROM organizations o"
	var args []any
	if eventID > 0 {
		q += ` WHERE o.id IN (SELECT org_id FROM exhibitors WHERE event_id = ? AND status = 'approved')
			OR o.id IN (SELECT org_id FROM registrations WHERE event_id = ? AND org_id IS NOT NULL)`
		args = []any{eventID, eventID}
	}
	rows, err := db.query(ctx, q+" ORDER BY o.id", args...)
	if err != nil {
		return nil, fmt.Errorf("match participants: %w", err)
	}
	defer rows.Close()
	var out []org.Organization
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	secs, err := db.allSectors(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Sectors = secs[out[i].ID]
	}
	// Every organization's preferences in two queries: cheaper than a list
	// of ids as long as the participants of one event, or all, are read.
	if err := db.fillMatchPrefs(ctx, out, nil); err != nil {
		return nil, err
	}
	return out, nil
}

func (db *DB) allSectors(ctx context.Context) (map[int64][]string, error) {
	out, err := db.stringsByID(ctx, "SELECT org_id, sector FROM org_sectors ORDER BY org_id, sector")
	if err != nil {
		return nil, fmt.Errorf("sectors: %w", err)
	}
	return out, nil
}

// Cards loads marketplace cards with their ids already set (the demo).
func (b *Bulk) Cards(cs []market.Card) error {
	rows := make([][]any, len(cs))
	var secs, evs [][]any
	now := b.tx.db.Now()
	for i, c := range cs {
		if c.CreatedAt.IsZero() {
			c.CreatedAt = now
		}
		if c.UpdatedAt.IsZero() {
			c.UpdatedAt = c.CreatedAt
		}
		rows[i] = []any{c.ID, c.OrgID, string(c.Kind), string(c.Status), c.Title.VI, c.Title.EN, c.Title.KO, c.Body.VI, c.Body.EN, c.Body.KO,
			c.TRL, nullID(c.CreatedBy), c.CreatedAt.UTC(), c.UpdatedAt.UTC()}
		for k, s := range c.Sectors {
			secs = append(secs, []any{c.ID, s, k})
		}
		for _, e := range c.Events {
			evs = append(evs, []any{c.ID, e})
		}
	}
	if err := b.insert("cards", []string{"id", "org_id", "kind", "status", "title_vi", "title_en", "title_ko", "body_vi", "body_en", "body_ko",
		"trl", "created_by", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	if err := b.insert("card_sectors", []string{"card_id", "sector", "pos"}, secs); err != nil {
		return err
	}
	if err := b.insert("card_events", []string{"card_id", "event_id"}, evs); err != nil {
		return err
	}
	return b.tx.db.dialect.resetSequences(b.tx, "cards")
}

// TakesPart reports, for each of orgIDs, whether it takes part in an event:
// an approved exhibitor, or an organization one of its registrations names
// (as MatchParticipants).
func (db *DB) TakesPart(ctx context.Context, eventID int64, orgIDs []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(orgIDs) == 0 {
		return out, nil
	}
	in, ids := placeholders(len(orgIDs)), int64Args(orgIDs)
	args := append(append(append([]any{eventID}, ids...), eventID), ids...)
	there, err := db.ids(ctx, `SELECT org_id FROM exhibitors WHERE event_id = ? AND status = 'approved' AND org_id IN (`+in+`)
		UNION SELECT org_id FROM registrations WHERE event_id = ? AND org_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("takes part: %w", err)
	}
	for _, id := range there {
		out[id] = true
	}
	return out, nil
}
