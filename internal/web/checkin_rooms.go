package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

// RoomsPage shows the day's forum sessions with the live count inside
// each session's room, for room staff on a phone and for a big screen.
type RoomsPage struct {
	Page
	EventID   int64
	EventName string
	Day       string
	Sessions  []RoomSession
	// Uncounted: no room of the day's sessions has a check-in list, so
	// every count would read 0; the page says why instead.
	Uncounted bool
	Organizer bool // may set the rooms' check-in lists up
}

// RoomSession is a session with its room's count.
type RoomSession struct {
	ID         int64
	Title      string
	RoomID     int64
	RoomName   string
	Start, End string
	Now, Ended bool
	RoomCount
}

// RoomCount is who is inside a room against its capacity, and the colour
// it earns: ok, nearly (from 85 %) or full.
type RoomCount struct {
	Inside   int    `json:"inside"`
	Capacity int    `json:"capacity"`
	Pct      int    `json:"pct"`
	Level    string `json:"level"`
	// Counted: a check-in list names the room, so its entrance is
	// scanned; otherwise the room's count means nothing.
	Counted bool `json:"counted"`
}

// nearlyFull is the share of the capacity from which a room shows amber.
const nearlyFull = 85

func roomCount(inside, capacity int) RoomCount {
	c := RoomCount{Inside: inside, Capacity: capacity, Level: "ok"}
	if capacity <= 0 {
		return c
	}
	c.Pct = min(100, inside*100/capacity)
	switch {
	case inside >= capacity:
		c.Level = "full"
	case inside*100 >= nearlyFull*capacity:
		c.Level = "nearly"
	}
	return c
}

// roomCounts counts each room from the scans of the check-in lists that
// name it; a room's capacity is its own, else its lists' largest.
func (s *Server) roomCounts(ctx context.Context, eventID int64, rooms []event.Room, day string) (map[int64]RoomCount, error) {
	lists, err := s.db.CheckinLists(ctx, eventID)
	if err != nil {
		return nil, err
	}
	inside, err := s.db.InsideNow(ctx, eventID, day)
	if err != nil {
		return nil, err
	}
	n, capacity := map[int64]int{}, map[int64]int{}
	for _, rm := range rooms {
		capacity[rm.ID] = rm.Capacity
	}
	fromLists := map[int64]int{}
	for _, l := range lists {
		if l.RoomID == 0 {
			continue
		}
		n[l.RoomID] += inside[l.ID]
		fromLists[l.RoomID] = max(fromLists[l.RoomID], l.Capacity)
	}
	out := map[int64]RoomCount{}
	for _, rm := range rooms {
		c := capacity[rm.ID]
		if c == 0 {
			c = fromLists[rm.ID]
		}
		rc := roomCount(n[rm.ID], c)
		if _, rc.Counted = fromLists[rm.ID]; !rc.Counted {
			rc.Level = "uncounted"
		}
		out[rm.ID] = rc
	}
	return out, nil
}

func (s *Server) handleRoomsLive(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	today, err := s.checkin().scans.Today(ctx, e.ID)
	if err != nil {
		return err
	}
	p := RoomsPage{Page: s.page(r, ""), EventID: e.ID, Day: today}
	p.EventName = p.Tx(e.Name)
	p.Title = p.T("gates.rooms.title") + " · " + p.EventName
	if d := r.URL.Query().Get("day"); d != "" {
		if _, err := time.Parse(event.DateLayout, d); err != nil {
			return &apperr.Error{Code: apperr.Invalid, Message: "day must be a date written YYYY-MM-DD."}
		}
		p.Day = d
	}
	rooms, err := s.db.Rooms(ctx, e.ID)
	if err != nil {
		return err
	}
	counts, err := s.roomCounts(ctx, e.ID, rooms, p.Day)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, rm := range rooms {
		names[rm.ID] = p.Tx(rm.Name)
	}
	sessions, _, err := s.db.Sessions(ctx, e.ID, store.SessionFilter{Limit: 2000})
	if err != nil {
		return err
	}
	now := s.db.Now()
	zone, err := s.checkin().scans.Zone(ctx, e.ID)
	if err != nil {
		return err
	}
	p.zone = zone
	for _, ss := range sessions {
		if ss.StartsAt.In(zone).Format(event.DateLayout) != p.Day {
			continue
		}
		p.Sessions = append(p.Sessions, RoomSession{ID: ss.ID, Title: p.Tx(ss.Title), RoomID: ss.RoomID, RoomName: names[ss.RoomID],
			Start: p.Clock(ss.StartsAt), End: p.Clock(ss.EndsAt), Now: !now.Before(ss.StartsAt) && now.Before(ss.EndsAt),
			Ended: !now.Before(ss.EndsAt), RoomCount: counts[ss.RoomID]})
	}
	p.Uncounted = len(p.Sessions) > 0
	for _, rs := range p.Sessions {
		p.Uncounted = p.Uncounted && !rs.Counted
	}
	p.Organizer = viewerOf(r).organizer(e.ID)
	return s.render(w, http.StatusOK, "checkin_rooms", p)
}

// handleRoomsStream sends every room's count as server-sent events: once
// at the start, then after each change of the event's scans.
func (s *Server) handleRoomsStream(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	if _, ok := w.(http.Flusher); !ok {
		return fmt.Errorf("streaming unsupported")
	}
	rooms, err := s.db.Rooms(r.Context(), ev)
	if err != nil {
		return err
	}
	return s.streamLive(w, r, ev, "rooms", 300*time.Millisecond, func(ctx context.Context, today string) (any, error) {
		counts, err := s.roomCounts(ctx, ev, rooms, today)
		if err != nil {
			return nil, err
		}
		byID := make(map[string]RoomCount, len(counts))
		for id, n := range counts {
			byID[strconv.FormatInt(id, 10)] = n
		}
		return map[string]any{"rooms": byID}, nil
	})
}
