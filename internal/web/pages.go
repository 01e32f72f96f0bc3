package web

import (
	"net/http"
	"strconv"

	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

// HomePage lists the events.
type HomePage struct {
	Page
	Events []EventCard
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
		p.Events = append(p.Events, EventCard{Event: e, Venue: v})
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
}

func (s *Server) loadEvent(r *http.Request) (event.Event, event.Venue, error) {
	id, err := pathID(r, "event")
	if err != nil {
		return event.Event{}, event.Venue{}, err
	}
	e, err := s.db.Event(r.Context(), id)
	if err != nil {
		return e, event.Venue{}, err
	}
	v, err := s.db.Venue(r.Context(), e.VenueID)
	return e, v, err
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p := EventPage{Page: s.page(r, ""), Event: e, Venue: v, CanRun: viewerOf(r).organizer(e.ID)}
	p.Title = p.Tx(e.Name)
	if p.Stats, err = s.db.Stats(r.Context(), e.ID); err != nil {
		return err
	}
	if p.Halls, err = s.db.Halls(r.Context(), e.ID); err != nil {
		return err
	}
	if p.Sessions, _, err = s.db.Sessions(r.Context(), e.ID, store.SessionFilter{Limit: 200}); err != nil {
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
	Halls      []event.Hall
	Countries  []string
	Sectors    []string
	Base       string
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
	if p.Exhibitors, p.Total, err = s.db.Exhibitors(r.Context(), e.ID, f); err != nil {
		return err
	}
	for i := range p.Exhibitors {
		publicExhibitor(&p.Exhibitors[i])
	}
	p.Pages = (p.Total + directoryPageSize - 1) / directoryPageSize
	if p.Halls, err = s.db.Halls(r.Context(), e.ID); err != nil {
		return err
	}
	if p.Countries, err = s.db.ExhibitorCountries(r.Context(), e.ID); err != nil {
		return err
	}
	if p.Sectors, err = s.db.ExhibitorSectors(r.Context(), e.ID); err != nil {
		return err
	}
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "results" {
		p.OOB = true
		return s.renderBlock(w, http.StatusOK, "directory", "results", p)
	}
	return s.render(w, http.StatusOK, "directory", p)
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
	return s.render(w, http.StatusOK, "exhibitor", p)
}
