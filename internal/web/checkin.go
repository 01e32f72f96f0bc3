package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
)

// checkinDeps is the check-in feature's long-lived state for one server:
// the scan service (group commit) and the live dashboard's broadcaster.
// It lives here, beside its feature, keyed by server, so that the feature
// needs no field in server.go.
type checkinDeps struct {
	scans *checkin.Service
	live  *liveHub
}

var checkinByServer sync.Map // *Server → *checkinDeps

func (s *Server) checkin() *checkinDeps {
	if d, ok := checkinByServer.Load(s); ok {
		return d.(*checkinDeps)
	}
	// SQLite has one writer. On PostgreSQL two writers keep one
	// transaction filling while the other commits; with four, each
	// transaction was smaller and the server busier (scan p99 at 5,000
	// scans/s in batches: 59–88 ms with two against 146–396 ms with four,
	// docs/benchmarks.md).
	workers := 1
	if s.db.Dialect() == "postgres" {
		workers = 2
	}
	d := &checkinDeps{scans: checkin.NewService(context.Background(), s.db, s.db.Now, workers), live: newLiveHub(s)}
	actual, loaded := checkinByServer.LoadOrStore(s, d)
	if !loaded {
		go s.exportWorker()
	}
	return actual.(*checkinDeps)
}

// allowScanner admits gate staff, organizers and members of an exhibitor
// at the event; which kinds of scan each may post is checked per scan.
func (s *Server) allowScanner(r *http.Request, v *viewer) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	if v.organizer(ev) {
		return nil
	}
	staff, err := s.scannerStaff(r.Context(), v, ev)
	if err != nil || staff {
		return err
	}
	xs, err := s.exhibitorsOfMember(r.Context(), v, ev)
	if err != nil {
		return err
	}
	return allowIf(len(xs) > 0)
}

// scannerStaff reports whether v is scanner staff of the event, through
// the access cache (a scanner asks at every scan).
func (s *Server) scannerStaff(ctx context.Context, v *viewer, eventID int64) (bool, error) {
	k := eventPerson{eventID, v.person.ID}
	if staff, ok := s.access.scanner(v.access, k); ok {
		return staff, nil
	}
	staff, err := s.db.IsScannerStaff(ctx, eventID, v.person.ID)
	if err == nil {
		s.access.putScanner(v.access, k, staff)
	}
	return staff, err
}

// exhibitorsOfMember lists the event's exhibitors whose organization v
// belongs to, through the access cache.
func (s *Server) exhibitorsOfMember(ctx context.Context, v *viewer, eventID int64) ([]int64, error) {
	k := eventPerson{eventID, v.person.ID}
	if xs, ok := s.access.exhibitorsOf(v.access, k); ok {
		return xs, nil
	}
	xs, err := s.db.ExhibitorsOfMember(ctx, eventID, v.person.ID)
	if err == nil {
		s.access.putExhibitorsOf(v.access, k, xs)
	}
	return xs, err
}

// scanRights is what a viewer may scan at an event.
type scanRights struct {
	gates      bool           // check-in and exit scans
	exhibitors map[int64]bool // lead scans for these exhibitors
}

func (s *Server) scanRightsOf(r *http.Request, eventID int64) (scanRights, error) {
	return s.scanRightsFor(r, eventID, true, true)
}

// scanRightsFor reads only the rights a request needs: gates for check-in
// and exit scans, exhibitors for lead scans.
func (s *Server) scanRightsFor(r *http.Request, eventID int64, gates, leads bool) (scanRights, error) {
	v := viewerOf(r)
	rights := scanRights{gates: v.organizer(eventID), exhibitors: map[int64]bool{}}
	if gates && !rights.gates {
		staff, err := s.scannerStaff(r.Context(), v, eventID)
		if err != nil {
			return rights, err
		}
		rights.gates = staff
	}
	if !leads {
		return rights, nil
	}
	xs, err := s.exhibitorsOfMember(r.Context(), v, eventID)
	if err != nil {
		return rights, err
	}
	for _, x := range xs {
		rights.exhibitors[x] = true
	}
	return rights, nil
}

func (rt scanRights) refuse(sc checkin.Scan) checkin.Reason {
	if sc.Kind == checkin.KindLead && !rt.exhibitors[sc.Exhibitor] {
		return checkin.ReasonForbidden
	}
	if sc.Kind != checkin.KindLead && !rt.gates {
		return checkin.ReasonForbidden
	}
	return ""
}

// ScanResults answers a batch, one outcome per scan in order.
type ScanResults struct {
	Results []checkin.Outcome `json:"results"`
}

const maxScanBatch = 500

// apiScans records one scan or a batch and answers each: accepted,
// duplicate (the id was stored before) or rejected with the reason.
func (s *Server) apiScans(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	scans, single, err := readScans(r)
	if err != nil {
		return err
	}
	out, err := s.recordScans(r, ev, scans)
	if errors.Is(err, checkin.ErrStaleAccess) {
		// The viewer came from memory under an access version that has
		// moved: check the rights again from the database, then record.
		if r, err = s.reauthorize(w, r, eventScannerInTx); err != nil {
			return err
		}
		out, err = s.recordScans(r, ev, scans)
	}
	if err != nil {
		return err
	}
	s.checkin().live.changed(ev)
	if single {
		return writeJSON(w, http.StatusOK, out[0])
	}
	return writeJSON(w, http.StatusOK, ScanResults{Results: out})
}

// recordScans checks each scan against the viewer's rights and records
// them; with a viewer from memory (eventScannerInTx) the store compares
// its access version inside the transaction.
func (s *Server) recordScans(r *http.Request, ev int64, scans []checkin.Scan) ([]checkin.Outcome, error) {
	gates, leads := false, false
	for _, sc := range scans {
		leads = leads || sc.Kind == checkin.KindLead
		gates = gates || sc.Kind != checkin.KindLead
	}
	rights, err := s.scanRightsFor(r, ev, gates, leads)
	if err != nil {
		return nil, err
	}
	v := viewerOf(r)
	d := s.checkin()
	items, err := d.scans.Prepare(r.Context(), ev, v.person.ID, scans, rights.refuse)
	if err != nil {
		return nil, err
	}
	if v.fromMemory {
		for i := range items {
			items[i].Access = v.access
		}
	}
	return d.scans.Record(r.Context(), items)
}

// readScans reads {"scans": [...]} or a single scan object.
func readScans(r *http.Request) ([]checkin.Scan, bool, error) {
	if err := decodeJSONHeader(r); err != nil {
		return nil, false, err
	}
	// One pass over the body reads either shape: a batch fills Scans, a
	// single scan the embedded fields (decoding was a tenth of the
	// server's time per scan; a first pass to tell the shapes apart made
	// it half as much again).
	var body struct {
		Scans *[]checkin.Scan `json:"scans"`
		checkin.Scan
	}
	if err := DecodeJSON(r.Body, &body); err != nil {
		return nil, false, err
	}
	if body.Scans == nil {
		return []checkin.Scan{body.Scan}, true, nil
	}
	if body.Scan != (checkin.Scan{}) {
		return nil, false, &apperr.Error{Code: apperr.Invalid, Message: "A body holds one scan or a batch, not both.", Fields: map[string]string{"scans": "must be alone in a batch"}}
	}
	if n := len(*body.Scans); n == 0 || n > maxScanBatch {
		return nil, false, &apperr.Error{Code: apperr.Invalid, Message: "A batch holds 1 to 500 scans.", Fields: map[string]string{"scans": "must hold 1 to 500 scans"}}
	}
	return *body.Scans, false, nil
}

func decodeJSONHeader(r *http.Request) error {
	if ct := r.Header.Get("Content-Type"); ct != "application/json" && !bytes.HasPrefix([]byte(ct), []byte("application/json;")) {
		return &apperr.Error{Code: apperr.Invalid, Message: "The body must be JSON, sent with Content-Type: application/json."}
	}
	return nil
}

// ScannerConfig is what a scanner downloads to work offline: the public
// keys, the gates and their lists, the revoked badges, and the exhibitors
// the person may scan leads for. It holds no personal data.
type ScannerConfig struct {
	EventID     int64             `json:"event_id"`
	Keys        map[string]string `json:"keys"` // key id → base64 Ed25519 public key
	Lists       []checkin.List    `json:"lists"`
	Gates       []checkin.Gate    `json:"gates"`
	Revocations []revocationOut   `json:"revocations"`
	Exhibitors  []int64           `json:"exhibitors"`
	// ExhibitorNames names those exhibitors (their organization, in the
	// reader's language) for the scanner's choice of whom a lead is for.
	ExhibitorNames map[string]string `json:"exhibitor_names"`
	Gatekeeper     bool              `json:"gatekeeper"` // may post check-in and exit scans
	Inside         map[string]int    `json:"inside"`
	Today          string            `json:"today"`
	// TimeZone is the venue's (IANA): the scanner finds today's date in
	// it, offline too, wherever the phone's clock is set.
	TimeZone string `json:"time_zone"`
}

type revocationOut struct {
	RegistrationID int64 `json:"registration_id"`
	MinVersion     int   `json:"min_version"`
	Cancelled      bool  `json:"cancelled"`
}

func (s *Server) apiScannerConfig(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := s.db.SigningKey(ctx, ev); err != nil { // an event's first key is made on first use
		return err
	}
	keys, err := s.db.BadgeKeys(ctx, ev)
	if err != nil {
		return err
	}
	zone, err := s.checkin().scans.Zone(ctx, ev)
	if err != nil {
		return err
	}
	cfg := ScannerConfig{EventID: ev, Keys: map[string]string{}, Exhibitors: []int64{}, Revocations: []revocationOut{},
		Today: checkin.DayAt(s.db.Now(), zone), TimeZone: zone.String()}
	for id, k := range keys {
		cfg.Keys[strconv.FormatUint(uint64(id), 10)] = base64.StdEncoding.EncodeToString(k)
	}
	if cfg.Lists, err = s.db.CheckinLists(ctx, ev); err != nil {
		return err
	}
	if cfg.Gates, err = s.db.Gates(ctx, ev); err != nil {
		return err
	}
	revs, err := s.db.Revocations(ctx, ev)
	if err != nil {
		return err
	}
	for _, rv := range revs {
		cfg.Revocations = append(cfg.Revocations, revocationOut(rv))
	}
	rights, err := s.scanRightsOf(r, ev)
	if err != nil {
		return err
	}
	cfg.Gatekeeper = rights.gates
	for x := range rights.exhibitors {
		cfg.Exhibitors = append(cfg.Exhibitors, x)
	}
	sort.Slice(cfg.Exhibitors, func(i, j int) bool { return cfg.Exhibitors[i] < cfg.Exhibitors[j] })
	cfg.ExhibitorNames = map[string]string{}
	for _, x := range cfg.Exhibitors {
		xv, err := s.db.Exhibitor(ctx, ev, x)
		if err != nil {
			return err
		}
		cfg.ExhibitorNames[strconv.FormatInt(x, 10)] = xv.Org.Name.In(viewerOf(r).lang)
	}
	inside, err := s.db.InsideNow(ctx, ev, cfg.Today)
	if err != nil {
		return err
	}
	cfg.Inside = map[string]int{}
	for _, l := range cfg.Lists {
		cfg.Inside[strconv.FormatInt(l.ID, 10)] = inside[l.ID]
	}
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusOK, cfg)
}

func (s *Server) apiCheckinStats(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	day := r.URL.Query().Get("day")
	if day == "" {
		if day, err = s.checkin().scans.Today(r.Context(), ev); err != nil {
			return err
		}
	} else if _, err := time.Parse(event.DateLayout, day); err != nil {
		return &apperr.Error{Code: apperr.Invalid, Message: "day must be a date written YYYY-MM-DD.", Fields: map[string]string{"day": "must be YYYY-MM-DD"}}
	}
	st, err := s.db.CheckinStats(r.Context(), ev, day)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

func (s *Server) apiCreateList(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	var l checkin.List
	if err := decodeJSON(r, &l); err != nil {
		return err
	}
	l.EventID, l.ID = ev, 0
	if err := l.Validate(); err != nil {
		return err
	}
	if err := s.db.CreateCheckinList(r.Context(), &l); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, l)
}

func (s *Server) apiLists(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	ls, err := s.db.CheckinLists(r.Context(), ev)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(ls, len(ls), 0, len(ls)))
}

func (s *Server) apiCreateGate(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	var g checkin.Gate
	if err := decodeJSON(r, &g); err != nil {
		return err
	}
	g.EventID, g.ID = ev, 0
	if err := g.Validate(); err != nil {
		return err
	}
	if err := s.db.CreateGate(r.Context(), &g); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, g)
}

// StaffInput names a person to make scanner staff.
type StaffInput struct {
	Email string `json:"email"`
}

func (s *Server) apiAddScannerStaff(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	var in StaffInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	p, err := s.db.PersonByEmail(r.Context(), strings.ToLower(strings.TrimSpace(in.Email)))
	if apperr.Is(err, apperr.NotFound) {
		return &apperr.Error{Code: apperr.Invalid, Message: "No account has this email.", Fields: map[string]string{"email": "has no account"}}
	}
	if err != nil {
		return err
	}
	if err := s.db.AddScannerStaff(r.Context(), ev, p.ID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiRotateKey(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	k, err := s.db.RotateBadgeKey(r.Context(), ev)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, map[string]any{"kid": k.ID, "public_key": base64.StdEncoding.EncodeToString(k.Public())})
}
