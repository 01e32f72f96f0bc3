package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
)

func (s *Server) apiLogin(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	email, _ := account.NormalizeEmail(in.Email)
	if err := s.rateLimit(r.Context(), "login-ip:"+clientIP(r)); err != nil {
		return err
	}
	if email != "" {
		if err := s.rateLimit(r.Context(), "login-email:"+email); err != nil {
			return err
		}
	}
	p, err := s.checkLogin(r, email, in.Password)
	if err != nil {
		return err
	}
	token, err := s.startSession(r.Context(), nil, p.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"token": token, "token_type": "Bearer",
		"expires_at": s.db.Now().Add(account.SessionLifetime).Format(time.RFC3339)})
}

func (s *Server) apiLogout(w http.ResponseWriter, r *http.Request) error {
	if err := s.endSession(r.Context(), w, viewerOf(r)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiSignUp(w http.ResponseWriter, r *http.Request) error {
	var in account.SignUp
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if err := s.rateLimit(r.Context(), "signup-ip:"+clientIP(r)); err != nil {
		return err
	}
	p, err := s.signUp(r, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, p)
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	ms, err := s.db.Memberships(r.Context(), v.person.ID)
	if err != nil {
		return err
	}
	evs, err := s.db.OrganizedEvents(r.Context(), v.person.ID)
	if err != nil {
		return err
	}
	if ms == nil {
		ms = []account.Membership{}
	}
	if evs == nil {
		evs = []int64{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"person": v.person, "memberships": ms, "organizes": evs})
}

// Events.

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	off, lim, err := paging(r)
	if err != nil {
		return err
	}
	evs, total, err := s.db.Events(r.Context(), off, lim)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(evs, total, off, lim))
}

func (s *Server) apiEvent(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, e)
}

// EventInput is what the API accepts for an event.
type EventInput struct {
	Slug        string     `json:"slug"`
	Kind        event.Kind `json:"kind"`
	Name        i18n.Text  `json:"name"`
	Description i18n.Text  `json:"description"`
	VenueID     int64      `json:"venue_id"`
	StartDate   string     `json:"start_date"`
	EndDate     string     `json:"end_date"`
	Partner     string     `json:"partner"`
	PartnerName i18n.Text  `json:"partner_name"`
}

func (in EventInput) apply(e *event.Event) {
	e.Slug, e.Kind, e.Name, e.Description, e.VenueID = in.Slug, in.Kind, in.Name, in.Description, in.VenueID
	e.StartDate, e.EndDate, e.Partner, e.PartnerName = in.StartDate, in.EndDate, in.Partner, in.PartnerName
}

func (s *Server) checkVenue(r *http.Request, id int64) error {
	if id <= 0 {
		return nil // Validate names the missing field
	}
	if _, err := s.db.Venue(r.Context(), id); apperr.Is(err, apperr.NotFound) {
		return &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"venue_id": "names no venue"}}
	} else if err != nil {
		return err
	}
	return nil
}

func (s *Server) apiCreateEvent(w http.ResponseWriter, r *http.Request) error {
	var in EventInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	var e event.Event
	in.apply(&e)
	if err := e.Validate(); err != nil {
		return err
	}
	if err := s.checkVenue(r, e.VenueID); err != nil {
		return err
	}
	if err := s.db.CreateEvent(r.Context(), &e); err != nil {
		return err
	}
	if err := s.db.AddOrganizer(r.Context(), e.ID, viewerOf(r).person.ID); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, e)
}

func (s *Server) apiUpdateEvent(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	in := EventInput{Slug: e.Slug, Kind: e.Kind, Name: e.Name, Description: e.Description, VenueID: e.VenueID,
		StartDate: e.StartDate, EndDate: e.EndDate, Partner: e.Partner, PartnerName: e.PartnerName}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	in.apply(&e)
	if err := e.Validate(); err != nil {
		return err
	}
	if err := s.checkVenue(r, e.VenueID); err != nil {
		return err
	}
	if err := s.db.UpdateEvent(r.Context(), &e); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, e)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	if _, err := s.db.Event(r.Context(), id); err != nil {
		return err
	}
	st, err := s.db.Stats(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

// Halls.

func (s *Server) apiHalls(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	hs, err := s.db.Halls(r.Context(), e.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(hs, len(hs), 0, len(hs)))
}

func (s *Server) apiHall(w http.ResponseWriter, r *http.Request) error {
	h, err := s.loadHall(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, h)
}

// HallInput is what the API accepts for a hall.
type HallInput struct {
	Code  string    `json:"code"`
	Name  i18n.Text `json:"name"`
	Width float64   `json:"width_m"`
	Depth float64   `json:"depth_m"`
}

func (s *Server) apiCreateHall(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	var in HallInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	f := apperr.Fields{}
	in.Code = strings.TrimSpace(in.Code)
	if in.Code == "" || len(in.Code) > 10 {
		f.Add("code", "is required, at most 10 characters")
	}
	if in.Width <= 0 || in.Depth <= 0 || in.Width > 2000 || in.Depth > 2000 {
		f.Add("size", "width_m and depth_m must be between 0 and 2000")
	}
	if in.Name.Longest() > org.MaxName {
		f.Add("name", "is longer than 200 characters")
	}
	if err := f.Err(); err != nil {
		return err
	}
	h := event.Hall{EventID: e.ID, Code: in.Code, Name: in.Name, Width: in.Width, Depth: in.Depth}
	if err := s.db.CreateHall(r.Context(), &h); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, h)
}

// Booths.

func (s *Server) apiBooths(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	off, lim, err := paging(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	hall, _ := strconv.ParseInt(q.Get("hall_id"), 10, 64)
	bs, total, err := s.db.Booths(r.Context(), e.ID, store.BoothFilter{HallID: hall, Status: q.Get("status"), Type: q.Get("type"), Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(bs, total, off, lim))
}

func (s *Server) apiBooth(w http.ResponseWriter, r *http.Request) error {
	b, err := s.loadBooth(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, b)
}

func (s *Server) loadBooth(r *http.Request) (event.Booth, error) {
	return inEvent(r, "booth", s.db.Booth)
}

// BoothInput is what the API accepts for a booth.
type BoothInput struct {
	HallID   int64             `json:"hall_id"`
	Code     string            `json:"code"`
	X        float64           `json:"x_m"`
	Y        float64           `json:"y_m"`
	W        float64           `json:"w_m"`
	H        float64           `json:"h_m"`
	Type     event.BoothType   `json:"type"`
	Zone     string            `json:"zone"`
	PriceVND int64             `json:"price_vnd"`
	Status   event.BoothStatus `json:"status"`
}

func (in BoothInput) apply(b *event.Booth) {
	b.Code, b.X, b.Y, b.W, b.H, b.Type, b.Zone, b.PriceVND, b.Status = in.Code, in.X, in.Y, in.W, in.H, in.Type, in.Zone, in.PriceVND, in.Status
}

// checkInHall refuses a booth that does not lie inside its hall.
func (s *Server) checkInHall(r *http.Request, b *event.Booth) error {
	h, err := s.db.Hall(r.Context(), b.EventID, b.HallID)
	if apperr.Is(err, apperr.NotFound) {
		return &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"hall_id": "names no hall of this event"}}
	}
	if err != nil {
		return err
	}
	if b.X+b.W > h.Width || b.Y+b.H > h.Depth {
		return &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"position": "the booth lies outside the hall"}}
	}
	return nil
}

func (s *Server) apiCreateBooth(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	in := BoothInput{Type: event.Shell, Status: event.Free}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	b := event.Booth{EventID: e.ID, HallID: in.HallID}
	in.apply(&b)
	if err := b.Validate(); err != nil {
		return err
	}
	if err := s.checkInHall(r, &b); err != nil {
		return err
	}
	if err := s.checkNoOverlap(r, b); err != nil {
		return err
	}
	if err := s.db.CreateBooth(r.Context(), &b); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, b)
}

func (s *Server) apiUpdateBooth(w http.ResponseWriter, r *http.Request) error {
	b, err := s.loadBooth(r)
	if err != nil {
		return err
	}
	in := BoothInput{HallID: b.HallID, Code: b.Code, X: b.X, Y: b.Y, W: b.W, H: b.H, Type: b.Type, Zone: b.Zone, PriceVND: b.PriceVND, Status: b.Status}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.HallID != b.HallID {
		return &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"hall_id": "a booth cannot move to another hall"}}
	}
	in.apply(&b)
	if err := b.Validate(); err != nil {
		return err
	}
	if err := s.checkInHall(r, &b); err != nil {
		return err
	}
	if err := s.checkNoOverlap(r, b); err != nil {
		return err
	}
	if err := s.db.UpdateBooth(r.Context(), &b); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, b)
}

// Exhibitors.

func (s *Server) apiExhibitors(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	off, lim, err := paging(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := store.ExhibitorFilter{Hall: q.Get("hall"), Country: strings.ToUpper(q.Get("country")), Sector: q.Get("sector"),
		Status: string(event.Approved), Offset: off, Limit: lim}
	if st := q.Get("status"); st != "" && viewerOf(r).organizer(e.ID) {
		f.Status = st // organizers also list applications
	}
	// The encoded page is cached too: encoding fifty profiles in three
	// languages costs more than finding them.
	body, err := cached(r.Context(), s, fmt.Sprintf("api:dir:%d:%+v", e.ID, f), func() ([]byte, error) {
		page, err := s.directory(r.Context(), e.ID, f)
		if err != nil {
			return nil, err
		}
		b, err := json.Marshal(page)
		return append(b, '\n'), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	_, err = w.Write(body)
	return err
}

func (s *Server) loadExhibitor(r *http.Request) (event.ExhibitorView, error) {
	return inEvent(r, "exhibitor", s.db.Exhibitor)
}

func (s *Server) apiExhibitor(w http.ResponseWriter, r *http.Request) error {
	x, err := s.loadExhibitor(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	if _, member := v.orgs[x.OrgID]; x.Status != event.Approved && !member && !v.organizer(x.EventID) {
		return errNotFoundExhibitor
	}
	publicExhibitor(&x)
	return writeJSON(w, http.StatusOK, x)
}

var errNotFoundExhibitor = apperr.Errorf(apperr.NotFound, "Exhibitor not found.")

func (s *Server) apiExhibitorPrivate(w http.ResponseWriter, r *http.Request) error {
	x, err := s.loadExhibitor(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, x)
}

// ExhibitorInput is what organizers set on an exhibitor.
type ExhibitorInput struct {
	OrgID      int64                 `json:"org_id"`
	Status     event.ExhibitorStatus `json:"status"`
	Pavilion   string                `json:"pavilion"`
	BadgeQuota int                   `json:"badge_quota"`
	Notes      string                `json:"notes"`
}

func (in ExhibitorInput) validate() error {
	f := apperr.Fields{}
	switch in.Status {
	case event.Applied, event.Approved, event.Rejected, event.Withdrawn:
	default:
		f.Add("status", "must be applied, approved, rejected or withdrawn")
	}
	if len(in.Pavilion) > 40 {
		f.Add("pavilion", "is longer than 40 characters")
	}
	if in.BadgeQuota < 0 || in.BadgeQuota > 500 {
		f.Add("badge_quota", "must be between 0 and 500")
	}
	if len(in.Notes) > org.MaxDescription {
		f.Add("notes", "is longer than 5000 characters")
	}
	return f.Err()
}

func (s *Server) apiCreateExhibitor(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	in := ExhibitorInput{Status: event.Applied, BadgeQuota: 5}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	if _, err := s.db.Organization(r.Context(), in.OrgID); apperr.Is(err, apperr.NotFound) {
		return &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"org_id": "names no organization"}}
	} else if err != nil {
		return err
	}
	x := event.Exhibitor{EventID: e.ID, OrgID: in.OrgID, Status: in.Status, Pavilion: in.Pavilion, BadgeQuota: in.BadgeQuota, Notes: in.Notes}
	if err := s.db.CreateExhibitor(r.Context(), &x); err != nil {
		return err
	}
	view, err := s.db.Exhibitor(r.Context(), e.ID, x.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, view)
}

func (s *Server) apiUpdateExhibitor(w http.ResponseWriter, r *http.Request) error {
	x, err := s.loadExhibitor(r)
	if err != nil {
		return err
	}
	in := ExhibitorInput{OrgID: x.OrgID, Status: x.Status, Pavilion: x.Pavilion, BadgeQuota: x.BadgeQuota, Notes: x.Notes}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.OrgID != x.OrgID {
		return &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"org_id": "cannot change"}}
	}
	if err := in.validate(); err != nil {
		return err
	}
	x.Status, x.Pavilion, x.BadgeQuota, x.Notes = in.Status, in.Pavilion, in.BadgeQuota, in.Notes
	if err := s.db.UpdateExhibitor(r.Context(), &x.Exhibitor); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, x)
}

func (s *Server) apiUpdateExhibitorProfile(w http.ResponseWriter, r *http.Request) error {
	x, err := s.loadExhibitor(r)
	if err != nil {
		return err
	}
	o, err := s.patchOrg(r, x.Org)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

// OrgInput is what the API accepts for an organization.
type OrgInput struct {
	Kind        org.Kind  `json:"kind"`
	Name        i18n.Text `json:"name"`
	Description i18n.Text `json:"description"`
	Country     string    `json:"country"`
	City        string    `json:"city"`
	Website     string    `json:"website"`
	Email       string    `json:"email"`
	Phone       string    `json:"phone"`
	Sectors     []string  `json:"sectors"`
	// Interests are sector codes of the taxonomy in which the organization
	// looks for partners; Competitors are ids of organizations never to be
	// recommended to it (nor it to them).
	Interests   []string `json:"interests"`
	Competitors []int64  `json:"competitors"`
}

func orgInput(o org.Organization) OrgInput {
	return OrgInput{Kind: o.Kind, Name: o.Name, Description: o.Description, Country: o.Country, City: o.City,
		Website: o.Website, Email: o.Email, Phone: o.Phone, Sectors: o.Sectors, Interests: o.Interests, Competitors: o.Competitors}
}

func (in OrgInput) apply(o *org.Organization) {
	o.Kind, o.Name, o.Description, o.Country, o.City = in.Kind, in.Name, in.Description, in.Country, in.City
	o.Website, o.Email, o.Phone, o.Sectors = in.Website, in.Email, in.Phone, in.Sectors
	o.Interests, o.Competitors = in.Interests, in.Competitors
}

// patchOrg applies a JSON patch to an organization as stored (views such
// as the exhibitor directory's lack its private preferences) and saves it.
func (s *Server) patchOrg(r *http.Request, o org.Organization) (org.Organization, error) {
	o, err := s.db.Organization(r.Context(), o.ID)
	if err != nil {
		return o, err
	}
	in := orgInput(o)
	if err := decodeJSON(r, &in); err != nil {
		return o, err
	}
	in.apply(&o)
	if err := s.saveOrg(r, &o); err != nil {
		return o, err
	}
	return o, nil
}

// Sessions.

func (s *Server) apiSessions(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	off, lim, err := paging(r)
	if err != nil {
		return err
	}
	room, _ := strconv.ParseInt(r.URL.Query().Get("room_id"), 10, 64)
	ss, total, err := s.db.Sessions(r.Context(), e.ID, store.SessionFilter{Track: r.URL.Query().Get("track"), RoomID: room, Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(ss, total, off, lim))
}

func (s *Server) loadSession(r *http.Request) (event.Session, error) {
	return inEvent(r, "session", s.db.Session)
}

func (s *Server) apiSession(w http.ResponseWriter, r *http.Request) error {
	ss, err := s.loadSession(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ss)
}

// SessionInput is what the API accepts for a forum session.
type SessionInput struct {
	RoomID     int64     `json:"room_id"`
	Title      i18n.Text `json:"title"`
	Abstract   i18n.Text `json:"abstract"`
	Track      string    `json:"track"`
	Language   i18n.Lang `json:"language"`
	StartsAt   time.Time `json:"starts_at"`
	EndsAt     time.Time `json:"ends_at"`
	SpeakerIDs []int64   `json:"speaker_ids"`
}

func (in SessionInput) apply(ss *event.Session) {
	ss.RoomID, ss.Title, ss.Abstract, ss.Track, ss.Language, ss.StartsAt, ss.EndsAt = in.RoomID, in.Title, in.Abstract, in.Track, in.Language, in.StartsAt, in.EndsAt
	ss.Speakers = ss.Speakers[:0]
	for _, id := range in.SpeakerIDs {
		ss.Speakers = append(ss.Speakers, event.Speaker{ID: id})
	}
}

func (s *Server) saveSession(r *http.Request, ss *event.Session, create bool) error {
	if err := ss.Validate(); err != nil {
		return err
	}
	if len(ss.Speakers) > 30 {
		return &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"speaker_ids": "lists more than 30 speakers"}}
	}
	var err error
	if create {
		err = s.db.CreateSession(r.Context(), ss)
	} else {
		err = s.db.UpdateSession(r.Context(), ss)
	}
	if apperr.Is(err, apperr.NotFound) {
		return &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"room_id": "the room or a speaker is not part of this event"}, Err: err}
	}
	return err
}

func (s *Server) apiCreateSession(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	in := SessionInput{Language: i18n.VI}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	ss := event.Session{EventID: e.ID}
	in.apply(&ss)
	if err := s.saveSession(r, &ss, true); err != nil {
		return err
	}
	out, err := s.db.Session(r.Context(), e.ID, ss.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiUpdateSession(w http.ResponseWriter, r *http.Request) error {
	ss, err := s.loadSession(r)
	if err != nil {
		return err
	}
	in := SessionInput{RoomID: ss.RoomID, Title: ss.Title, Abstract: ss.Abstract, Track: ss.Track, Language: ss.Language, StartsAt: ss.StartsAt, EndsAt: ss.EndsAt}
	for _, sp := range ss.Speakers {
		in.SpeakerIDs = append(in.SpeakerIDs, sp.ID)
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	in.apply(&ss)
	if err := s.saveSession(r, &ss, false); err != nil {
		return err
	}
	out, err := s.db.Session(r.Context(), ss.EventID, ss.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

// apiTracks lists the event's tracks with their names in three languages;
// sessions name theirs in track_name already.
func (s *Server) apiTracks(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	ts, err := s.db.Tracks(r.Context(), e.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(ts, len(ts), 0, len(ts)))
}

// Organizations.

func (s *Server) apiOrganizations(w http.ResponseWriter, r *http.Request) error {
	off, lim, err := paging(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	os, total, err := s.db.Organizations(r.Context(), store.OrgFilter{Kind: q.Get("kind"), Country: strings.ToUpper(q.Get("country")),
		Sector: q.Get("sector"), Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	v := viewerOf(r)
	for i := range os {
		hideContact(v, &os[i])
	}
	return writeJSON(w, http.StatusOK, list(os, total, off, lim))
}

// hideContact clears an organization's contact and competitors unless the
// viewer is one of its members or a platform admin.
func hideContact(v *viewer, o *org.Organization) {
	if _, member := v.orgs[o.ID]; !member && !v.admin() {
		o.Email, o.Phone, o.Competitors = "", "", nil
	}
}

func (s *Server) apiOrganization(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "org")
	if err != nil {
		return err
	}
	o, err := s.db.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	hideContact(viewerOf(r), &o)
	return writeJSON(w, http.StatusOK, o)
}

func (s *Server) apiCreateOrganization(w http.ResponseWriter, r *http.Request) error {
	var in OrgInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	var o org.Organization
	in.apply(&o)
	if err := validateOrg(&o); err != nil {
		return err
	}
	if err := s.db.CreateOrganizationWithAdmin(r.Context(), &o, viewerOf(r).person.ID); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, o)
}

func (s *Server) apiUpdateOrganization(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "org")
	if err != nil {
		return err
	}
	o, err := s.db.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	if o, err = s.patchOrg(r, o); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}
