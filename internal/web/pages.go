package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/store"
)

// HomePage lists the events.
type HomePage struct {
	Page
	Events []EventCard // under way or to come, soonest first
	Past   []EventCard // over, the latest first
}

// EventCard is an event in a list.
type EventCard struct {
	Event event.Event
	Venue event.Venue
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	evs, _, err := s.db.Events(r.Context(), 0, 100)
	if err != nil {
		return err
	}
	p := HomePage{Page: s.page(r, "")}
	p.Title = p.T("home.title")
	venues := map[int64]event.Venue{}
	for _, e := range evs {
		v, ok := venues[e.VenueID]
		if !ok {
			if v, err = s.db.Venue(r.Context(), e.VenueID); err != nil {
				return err
			}
			venues[e.VenueID] = v
		}
		// An event is over once its last day has passed where it is held.
		card := EventCard{Event: e, Venue: v}
		if today := s.db.Now().In(event.Zone(v.TimeZone)).Format(event.DateLayout); e.EndDate < today {
			p.Past = append([]EventCard{card}, p.Past...)
		} else {
			p.Events = append(p.Events, card)
		}
	}
	return s.render(w, http.StatusOK, "home", p)
}

// EventPage shows an event with its dates, venue and figures.
type EventPage struct {
	Page
	Event    event.Event
	Venue    event.Venue
	Stats    event.Stats
	Halls    []event.Hall
	Sessions []event.Session
	CanRun   bool
	Over     bool // its last day has passed: no registration
	// Match counts its B2B meetings that took place, their confirmed
	// outcomes and the organizations that meet there.
	Match store.MatchFigures
	// Registered is the viewer's active registration, if any: the page
	// offers its badge rather than registering again.
	Registered *event.Registration
}

// eventAndVenue is an event with its venue, as most pages need both.
type eventAndVenue struct {
	event event.Event
	venue event.Venue
}

func (s *Server) loadEvent(r *http.Request) (event.Event, event.Venue, error) {
	id, err := pathID(r, "event")
	if err != nil {
		return event.Event{}, event.Venue{}, err
	}
	ev, err := cached(r.Context(), s, "event:"+itoa(id), func() (eventAndVenue, error) {
		e, err := s.db.Event(r.Context(), id)
		if err != nil {
			return eventAndVenue{}, err
		}
		v, err := s.db.Venue(r.Context(), e.VenueID)
		return eventAndVenue{e, v}, err
	})
	return ev.event, ev.venue, err
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p := EventPage{Page: s.page(r, "").inZone(v), Event: e, Venue: v, CanRun: viewerOf(r).organizer(e.ID), Over: s.over(e, v)}
	p.Title = p.Tx(e.Name)
	// The floor's figures follow the directory version; registrations and
	// sessions do not move it, so they are counted on every view.
	if p.Stats, err = cached(r.Context(), s, "floorstats:"+itoa(e.ID), func() (event.Stats, error) {
		return s.db.FloorStats(r.Context(), e.ID)
	}); err != nil {
		return err
	}
	if err = s.db.AttendanceStats(r.Context(), e.ID, &p.Stats); err != nil {
		return err
	}
	if p.Halls, err = s.db.Halls(r.Context(), e.ID); err != nil {
		return err
	}
	if p.Sessions, _, err = s.db.Sessions(r.Context(), e.ID, store.SessionFilter{Limit: 200}); err != nil {
		return err
	}
	if p.Match, err = s.db.MatchFigures(r.Context(), e.ID); err != nil {
		return err
	}
	if p.Registered, err = s.viewerRegistration(r, e.ID); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "event", p)
}

// DirectoryPage is the exhibitor directory with its filters and paging.
type DirectoryPage struct {
	Page
	Event      event.Event
	Exhibitors []event.ExhibitorView
	Total      int
	Filter     store.ExhibitorFilter
	PageNo     int
	Pages      int
	Halls      []Option
	Countries  []Option
	Sectors    []Option
	Base       string
	Results    template.HTML // the rendered results block, cached
}

// Option is a choice in a select, labelled in the page's language: built in
// Go so that the template only copies fields, which keeps the directory
// page cheap to render.
type Option struct {
	Value, Label string
	Selected     bool
}

func options(values []string, selected string, label func(string) string) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{Value: v, Label: label(v), Selected: v == selected}
	}
	return out
}

const directoryPageSize = 24

func (s *Server) handleDirectory(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	pageNo, _ := strconv.Atoi(q.Get("page"))
	pageNo = max(pageNo, 1)
	f := store.ExhibitorFilter{Hall: q.Get("hall"), Country: q.Get("country"), Sector: q.Get("sector"),
		Status: string(event.Approved), Lang: string(viewerOf(r).lang), Offset: (pageNo - 1) * directoryPageSize, Limit: directoryPageSize}
	p := DirectoryPage{Page: s.page(r, ""), Event: e, Filter: f, PageNo: pageNo, Base: r.URL.RequestURI()}
	p.Title = p.T("directory.title") + " · " + p.Tx(e.Name)
	page, err := s.directory(r.Context(), e.ID, f)
	if err != nil {
		return err
	}
	p.Exhibitors, p.Total = page.Items, page.Total
	p.Pages = (p.Total + directoryPageSize - 1) / directoryPageSize
	if pageNo > p.Pages && p.Pages > 0 {
		// An old or edited address past the end: the last page.
		http.Redirect(w, r, setQuery(r.URL, "page", strconv.Itoa(p.Pages)), http.StatusSeeOther)
		return nil
	}
	facets, err := cached(r.Context(), s, "facets:"+itoa(e.ID), func() (directoryFacets, error) {
		var d directoryFacets
		var err error
		if d.halls, err = s.db.Halls(r.Context(), e.ID); err != nil {
			return d, err
		}
		if d.countries, err = s.db.ExhibitorCountries(r.Context(), e.ID); err != nil {
			return d, err
		}
		d.sectors, err = s.db.ExhibitorSectors(r.Context(), e.ID)
		return d, err
	})
	if err != nil {
		return err
	}
	hallNames := map[string]string{}
	hallCodes := make([]string, len(facets.halls))
	for i, h := range facets.halls {
		hallCodes[i], hallNames[h.Code] = h.Code, p.Tx(h.Name)
	}
	p.Halls = options(hallCodes, f.Hall, func(c string) string { return hallNames[c] })
	p.Countries = p.sortOptions(options(facets.countries, f.Country, p.Country))
	p.Sectors = p.sortOptions(options(facets.sectors, f.Sector, p.Sector))
	// The results block depends only on the data, the language and the
	// address: rendered once per directory version, it is reused by every
	// visitor, whoever is signed in.
	p.Results, err = cached(r.Context(), s, fmt.Sprintf("dirhtml:%s:%s", p.Lang, p.Base), func() (template.HTML, error) {
		var buf bytes.Buffer
		if err := s.pages["directory"].ExecuteTemplate(&buf, "results", p); err != nil {
			return "", fmt.Errorf("render directory results: %w", err)
		}
		return template.HTML(buf.String()), nil
	})
	if err != nil {
		return err
	}
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "results" {
		p.OOB = true
		return s.renderBlock(w, http.StatusOK, "directory", "partial", p)
	}
	return s.render(w, http.StatusOK, "directory", p)
}

// directoryFacets are the choices of the directory's filters.
type directoryFacets struct {
	halls     []event.Hall
	countries []string
	sectors   []string
}

// directory is a page of the public directory, private fields cleared,
// kept in the read cache.
func (s *Server) directory(ctx context.Context, eventID int64, f store.ExhibitorFilter) (List[event.ExhibitorView], error) {
	key := fmt.Sprintf("dir:%d:%+v", eventID, f)
	return cached(ctx, s, key, func() (List[event.ExhibitorView], error) {
		xs, total, err := s.db.Exhibitors(ctx, eventID, f)
		for i := range xs {
			publicExhibitor(&xs[i])
		}
		return list(xs, total, f.Offset, f.Limit), err
	})
}

// publicExhibitor clears what only the exhibitor and the organizers see.
func publicExhibitor(x *event.ExhibitorView) {
	x.Notes = ""
	x.Org.Email, x.Org.Phone = "", ""
}

// ExhibitorPage is an exhibitor's public profile.
type ExhibitorPage struct {
	Page
	Event     event.Event
	Exhibitor event.ExhibitorView
	IsMember  bool
	// Products are what it shows at the fair; a product found by the
	// catalogue search is one of them (#product-ID).
	Products []exhibit.Product
}

func (s *Server) handleExhibitor(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	xid, err := pathID(r, "exhibitor")
	if err != nil {
		return err
	}
	x, err := s.db.Exhibitor(r.Context(), e.ID, xid)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	_, member := v.orgs[x.OrgID]
	if x.Status != event.Approved && !member && !v.organizer(e.ID) {
		return errPageNotFound // applications are not public
	}
	publicExhibitor(&x)
	p := ExhibitorPage{Page: s.page(r, ""), Event: e, Exhibitor: x, IsMember: member || v.organizer(e.ID)}
	p.Title = p.Tx(x.Org.Name)
	if p.Products, err = s.db.Products(r.Context(), x.ID); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "exhibitor", p)
}

// setQuery is the address u with one query parameter set.
func setQuery(u *url.URL, key, value string) string {
	q := u.Query()
	q.Set(key, value)
	v := *u
	v.RawQuery = q.Encode()
	return v.RequestURI()
}
