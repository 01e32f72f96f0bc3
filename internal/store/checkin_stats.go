package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"ketnoi/internal/checkin"
)

// InsideNow counts, per list, the badges inside on day (the venue's
// today): a badge inside since an earlier day was checked out when that
// day ended.
func (db *DB) InsideNow(ctx context.Context, eventID int64, day string) (map[int64]int, error) {
	out, err := db.countsByID(ctx, `SELECT s.list_id, COUNT(*) FROM checkin_state s JOIN checkin_lists l ON l.id = s.list_id
		WHERE l.event_id = ? AND s.inside = TRUE AND s.day = ? GROUP BY s.list_id`, eventID, day)
	if err != nil {
		return nil, fmt.Errorf("inside now: %w", err)
	}
	return out, nil
}

// countsByID reads a query of (id, count) rows into a map.
func (db *DB) countsByID(ctx context.Context, query string, args ...any) (map[int64]int, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// CheckinStats computes a day's arrivals for the dashboard.
func (db *DB) CheckinStats(ctx context.Context, eventID int64, day string) (checkin.Stats, error) {
	st := checkin.Stats{Day: day, Quarters: []checkin.Bucket{}, ByGate: map[string]int{}, ByHall: map[string]int{}, ByCategory: map[string]int{}, Inside: map[string]int{}}
	zone, err := db.EventZone(ctx, eventID)
	if err != nil {
		return st, err
	}
	rows, err := db.query(ctx, `SELECT s.point, s.category, s.result, s.kind, s.scanned_at, COALESCE(g.hall, '') FROM scans s
		LEFT JOIN gates g ON g.event_id = s.event_id AND g.code = s.point
		WHERE s.event_id = ? AND s.day = ? AND s.kind <> 'lead'`, eventID, day)
	if err != nil {
		return st, fmt.Errorf("check-in stats: %w", err)
	}
	defer rows.Close()
	quarters := map[string]int{}
	for rows.Next() {
		var point, cat, result, kind, hall string
		var at time.Time
		if err := rows.Scan(&point, &cat, &result, &kind, &at, &hall); err != nil {
			return st, err
		}
		switch {
		case result == string(checkin.Rejected):
			st.Rejected++
			continue
		case kind == string(checkin.KindCheckout):
			st.Exits++
			continue
		}
		st.Admitted++
		if result == string(checkin.Conflict) {
			st.Conflicts++
		}
		if result == string(checkin.Forced) {
			st.Forced++
		}
		st.ByGate[point]++
		st.ByCategory[cat]++
		if hall != "" {
			st.ByHall[hall]++
		}
		t := at.In(zone)
		quarters[fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute()/15*15)]++
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	for k, n := range quarters {
		st.Quarters = append(st.Quarters, checkin.Bucket{Start: k, N: n})
	}
	sort.Slice(st.Quarters, func(i, j int) bool { return st.Quarters[i].Start < st.Quarters[j].Start })
	inside, err := db.InsideNow(ctx, eventID, day)
	if err != nil {
		return st, err
	}
	lists, err := db.CheckinLists(ctx, eventID)
	if err != nil {
		return st, err
	}
	for _, l := range lists {
		st.Inside[l.Name] = inside[l.ID]
	}
	return st, nil
}
