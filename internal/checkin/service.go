package checkin

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/event"
)

// Store is what the service needs from the database.
type Store interface {
	BadgeKeys(ctx context.Context, eventID int64) (badge.KeySet, error)
	RecordScans(ctx context.Context, items []Item) ([]Outcome, error)
	// EventZone is the time zone of the event's venue.
	EventZone(ctx context.Context, eventID int64) (*time.Location, error)
	// BadgeCodeKey and Registrant find the registration a scan entered
	// by hand names (a typed code, a search result).
	BadgeCodeKey(ctx context.Context, eventID int64) (badge.Key, error)
	Registrant(ctx context.Context, eventID, id int64) (Registrant, error)
}

// Service verifies scans and records them. Concurrent submissions are
// grouped into one transaction (group commit): with hundreds of scanners
// posting at once, the database commits a few large transactions instead
// of many small ones, and every answer still waits for its commit.
type Service struct {
	st    Store
	now   func() time.Time
	jobs  chan *job
	keyMu sync.Mutex
	keys  map[int64]cachedKeys
	zones map[int64]cachedZone // under keyMu
	// MaxBatch bounds the scans in one transaction.
	MaxBatch int
	// Linger is how long a writer waits for more scans after the first
	// before it commits: a transaction's cost is mostly per page written
	// (one write call each), not per scan, so a millisecond's wait makes
	// busy moments about a third cheaper per scan (CPU per scan 210–223 µs
	// against 313–321 µs, docs/benchmarks.md) for 1 ms more latency.
	Linger time.Duration
}

type cachedKeys struct {
	set    badge.KeySet
	loaded time.Time
	// verified holds the claims of tokens already checked against set:
	// an Ed25519 verification costs about 50 µs, and a badge is scanned
	// again at every entry and exit. It goes with the key set, so a
	// retired key stops admitting its badges when the keys are reread.
	verified *sync.Map // token → badge.Claims
	size     *atomic.Int64
}

// maxVerified bounds the verified tokens remembered per event.
const maxVerified = 200_000

type cachedZone struct {
	zone   *time.Location
	loaded time.Time
}

type job struct {
	ctx   context.Context
	items []Item
	out   []Outcome
	err   error
	done  chan struct{}
}

// keyTTL is how long public keys are trusted from memory: a retired key
// stops working on every instance within it; a new key is read at once.
const keyTTL = 30 * time.Second

// NewService starts workers writers (1 for SQLite, a few for PostgreSQL);
// they stop when ctx ends.
func NewService(ctx context.Context, st Store, now func() time.Time, workers int) *Service {
	if workers < 1 {
		workers = 1
	}
	s := &Service{st: st, now: now, jobs: make(chan *job, 1024), keys: map[int64]cachedKeys{}, zones: map[int64]cachedZone{}, MaxBatch: 512, Linger: time.Millisecond}
	for i := 0; i < workers; i++ {
		go s.run(ctx)
	}
	return s
}

// DayAt is the civil date of the instant t at a venue in zone: the day a
// scan counts for, which a badge's and a list's valid days (civil dates,
// not instants) are compared with. The same rule holds in every zone.
func DayAt(t time.Time, zone *time.Location) string { return t.In(zone).Format(event.DateLayout) }

// Zone is the time zone of the event's venue, kept in memory for keyTTL.
func (s *Service) Zone(ctx context.Context, eventID int64) (*time.Location, error) {
	s.keyMu.Lock()
	c, ok := s.zones[eventID]
	s.keyMu.Unlock()
	if ok && s.now().Sub(c.loaded) < keyTTL {
		return c.zone, nil
	}
	zone, err := s.st.EventZone(ctx, eventID)
	if err != nil {
		return nil, err
	}
	s.keyMu.Lock()
	s.zones[eventID] = cachedZone{zone: zone, loaded: s.now()}
	s.keyMu.Unlock()
	return zone, nil
}

// Today is the civil date now at the event's venue.
func (s *Service) Today(ctx context.Context, eventID int64) (string, error) {
	zone, err := s.Zone(ctx, eventID)
	if err != nil {
		return "", err
	}
	return DayAt(s.now(), zone), nil
}

// Prepare checks each scan and verifies its badge; refused lets the caller
// refuse a scan it may not make (a lead for another exhibitor).
func (s *Service) Prepare(ctx context.Context, eventID, scannerID int64, scans []Scan, refused func(Scan) Reason) ([]Item, error) {
	items := make([]Item, len(scans))
	now := s.now()
	zone, err := s.Zone(ctx, eventID)
	if err != nil {
		return nil, err
	}
	for i, sc := range scans {
		it := Item{EventID: eventID, ScannerID: scannerID, Scan: sc}
		if it.Scan.ByHand() && !it.Scan.Offline {
			// Entered by hand, the scan reaches the server as it is made
			// (never queued): the server's clock dates it, not the phone's,
			// which may be wrong and would put the entry on another day.
			it.Scan.ScannedAt = now
		}
		it.Refused = it.Scan.Check(now)
		it.Day = DayAt(it.Scan.ScannedAt, zone)
		if it.Refused == "" && refused != nil {
			it.Refused = refused(it.Scan)
		}
		if it.Refused == "" {
			c, why, err := s.identify(ctx, eventID, it.Scan)
			if err != nil {
				return nil, err
			}
			it.Claims, it.Refused = c, why
		}
		items[i] = it
	}
	return items, nil
}

// identify reads who a scan names: a badge's signed token, or a
// registration entered by hand.
func (s *Service) identify(ctx context.Context, eventID int64, sc Scan) (badge.Claims, Reason, error) {
	if sc.ByHand() {
		return s.byHand(ctx, eventID, sc)
	}
	return s.verify(ctx, eventID, sc.Token)
}

// byHand finds the registration a scan entered by hand names and stands
// in for its badge with the claims its current badge carries (category,
// days, version), so that the store decides it as it decides a scan. A
// badge number names a version too: an old badge, replaced at the help
// desk, is refused as revoked, just as its QR would be.
func (s *Service) byHand(ctx context.Context, eventID int64, sc Scan) (badge.Claims, Reason, error) {
	id, version := sc.Registration, 0
	if sc.Code != "" {
		var why Reason
		var err error
		if id, version, why, err = s.readCode(ctx, eventID, sc.Code); err != nil || why != "" {
			return badge.Claims{}, why, err
		}
	}
	reg, err := s.st.Registrant(ctx, eventID, id)
	if apperr.Is(err, apperr.NotFound) {
		return badge.Claims{}, ReasonUnknown, nil
	}
	if err != nil {
		return badge.Claims{}, "", fmt.Errorf("registration entered by hand: %w", err)
	}
	if version > reg.BadgeVersion {
		return badge.Claims{}, ReasonBadCode, nil // a badge never printed
	}
	c := badge.Claims{EventID: eventID, RegistrationID: reg.ID, Version: reg.BadgeVersion, Category: string(reg.Category), Days: reg.Days}
	if version > 0 {
		c.Version = version
	}
	return c, "", nil
}

// readCode reads a typed registration code ("1042-K7QX9M", checked
// against the event's code key, so another event's code is refused) or
// a badge number ("#1042-3"). version is 0 for a registration code,
// which names no badge.
func (s *Service) readCode(ctx context.Context, eventID int64, typed string) (id int64, version int, why Reason, err error) {
	if id, letters, ok := badge.ParseCode(typed); ok {
		k, err := s.st.BadgeCodeKey(ctx, eventID)
		if err != nil {
			return 0, 0, "", fmt.Errorf("registration code: %w", err)
		}
		if !badge.CheckCode(k, eventID, id, letters) {
			return 0, 0, ReasonBadCode, nil
		}
		return id, 0, "", nil
	}
	if id, version, ok := badge.ParseNumber(typed); ok {
		return id, version, "", nil
	}
	return 0, 0, ReasonBadCode, nil
}

func (s *Service) verify(ctx context.Context, eventID int64, token string) (badge.Claims, Reason, error) {
	for attempt := 0; ; attempt++ {
		keys, err := s.keySet(ctx, eventID, attempt > 0)
		if err != nil {
			return badge.Claims{}, "", err
		}
		if c, ok := keys.verified.Load(token); ok {
			return c.(badge.Claims), "", nil
		}
		c, err := badge.Verify(keys.set, token)
		switch {
		case err == nil && c.EventID != eventID:
			return badge.Claims{}, ReasonWrongEvent, nil
		case err == nil:
			if keys.size.Add(1) > maxVerified {
				keys.verified.Clear()
				keys.size.Store(1)
			}
			keys.verified.Store(token, c)
			return c, "", nil
		case errors.Is(err, badge.ErrUnknownKey) && attempt == 0:
			continue // a key made since the cache was filled
		case errors.Is(err, badge.ErrMalformed):
			return badge.Claims{}, ReasonMalformed, nil
		}
		return badge.Claims{}, ReasonSignature, nil
	}
}

func (s *Service) keySet(ctx context.Context, eventID int64, fresh bool) (cachedKeys, error) {
	s.keyMu.Lock()
	c, ok := s.keys[eventID]
	s.keyMu.Unlock()
	age := s.now().Sub(c.loaded)
	if ok && age < keyTTL && (!fresh || age < time.Second) {
		return c, nil
	}
	set, err := s.st.BadgeKeys(ctx, eventID)
	if err != nil {
		return cachedKeys{}, err
	}
	c = cachedKeys{set: set, loaded: s.now(), verified: &sync.Map{}, size: &atomic.Int64{}}
	s.keyMu.Lock()
	s.keys[eventID] = c
	s.keyMu.Unlock()
	return c, nil
}

// Record stores items and returns their outcomes once committed.
func (s *Service) Record(ctx context.Context, items []Item) ([]Outcome, error) {
	j := &job{ctx: ctx, items: items, done: make(chan struct{})}
	select {
	case s.jobs <- j:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case <-j.done:
		return j.out, j.err
	case <-ctx.Done():
		// The batch may still commit; the client resends with the same ids.
		return nil, ctx.Err()
	}
}

func (s *Service) run(ctx context.Context) {
	for {
		var first *job
		select {
		case first = <-s.jobs:
		case <-ctx.Done():
			return
		}
		batch, n := []*job{first}, len(first.items)
		linger := time.NewTimer(s.Linger)
	fill:
		for n < s.MaxBatch {
			select {
			case j := <-s.jobs:
				batch, n = append(batch, j), n+len(j.items)
			case <-linger.C:
				break fill
			}
		}
		linger.Stop()
		s.commit(batch)
	}
}

// commit writes a batch in one transaction; if it fails, each job is
// retried alone so that one bad job cannot fail the others.
func (s *Service) commit(batch []*job) {
	var all []Item
	for _, j := range batch {
		all = append(all, j.items...)
	}
	out, err := s.st.RecordScans(context.WithoutCancel(batch[0].ctx), all)
	if err != nil && len(batch) > 1 {
		for _, j := range batch {
			s.commit([]*job{j})
		}
		return
	}
	for _, j := range batch {
		if err != nil {
			j.err = err
		} else {
			j.out, out = out[:len(j.items)], out[len(j.items):]
			for _, o := range j.out {
				if o.Status == StatusStale {
					j.out, j.err = nil, ErrStaleAccess
					break
				}
			}
		}
		close(j.done)
	}
}
