package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// liveHub tells open dashboards that an event's scans changed. On
// PostgreSQL a change is announced with NOTIFY so that dashboards on every
// instance hear it; on SQLite one process serves and a signal in memory is
// enough.
type liveHub struct {
	s    *Server
	mu   sync.Mutex
	subs map[int64]map[chan struct{}]bool
	// last NOTIFY per event: at most a few per second cross the database.
	sent map[int64]time.Time
}

const liveChannel = "ketnoi_checkin"

func newLiveHub(s *Server) *liveHub {
	h := &liveHub{s: s, subs: map[int64]map[chan struct{}]bool{}, sent: map[int64]time.Time{}}
	if s.db.CanNotify() {
		go h.listen()
	}
	return h
}

func (h *liveHub) listen() {
	for {
		err := h.s.db.Listen(context.Background(), liveChannel, func(p string) {
			if ev, err := strconv.ParseInt(p, 10, 64); err == nil {
				h.signal(ev)
			}
		})
		if err != nil {
			h.s.log.Warn("check-in live updates: listen failed, retrying", "err", err)
		}
		time.Sleep(time.Second)
	}
}

// changed announces new scans at an event.
func (h *liveHub) changed(ev int64) {
	if !h.s.db.CanNotify() {
		h.signal(ev)
		return
	}
	h.mu.Lock()
	due := time.Since(h.sent[ev]) > 200*time.Millisecond
	if due {
		h.sent[ev] = time.Now()
	}
	h.mu.Unlock()
	if due {
		if err := h.s.db.Notify(context.Background(), liveChannel, strconv.FormatInt(ev, 10)); err != nil {
			h.s.log.Warn("check-in live updates: notify failed", "err", err)
			h.signal(ev)
		}
	}
}

func (h *liveHub) signal(ev int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs[ev] {
		select {
		case c <- struct{}{}:
		default: // an update is already pending for this dashboard
		}
	}
}

func (h *liveHub) subscribe(ev int64) (chan struct{}, func()) {
	c := make(chan struct{}, 1)
	h.mu.Lock()
	if h.subs[ev] == nil {
		h.subs[ev] = map[chan struct{}]bool{}
	}
	h.subs[ev][c] = true
	h.mu.Unlock()
	return c, func() {
		h.mu.Lock()
		delete(h.subs[ev], c)
		h.mu.Unlock()
	}
}

// handleCheckinStream sends the day's figures as server-sent events: once
// at the start, then after each change (at most twice a second).
func (s *Server) handleCheckinStream(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	return s.streamLive(w, r, ev, "stats", 500*time.Millisecond, func(ctx context.Context, today string) (any, error) {
		return s.db.CheckinStats(ctx, ev, today)
	})
}

// streamLive sends what read returns for the event's day as server-sent
// events named name: once at the start, then after each change of the
// event's scans, waiting gather after a change so that a burst makes one
// update, with a keep-alive comment every 20 s.
func (s *Server) streamLive(w http.ResponseWriter, r *http.Request, ev int64, name string, gather time.Duration,
	read func(ctx context.Context, today string) (any, error)) error {
	fl, ok := w.(http.Flusher)
	if !ok {
		return fmt.Errorf("streaming unsupported")
	}
	d := s.checkin()
	c, stop := d.live.subscribe(ev)
	defer stop()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		today, err := d.scans.Today(r.Context(), ev)
		if err != nil {
			return nil // the headers are gone; the browser reconnects
		}
		v, err := read(r.Context(), today)
		if err != nil {
			return nil // the headers are gone; the browser reconnects
		}
		b, _ := json.Marshal(v)
		fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, b)
		fl.Flush()
		select {
		case <-r.Context().Done():
			return nil
		case <-c:
			time.Sleep(gather)
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		}
	}
}
