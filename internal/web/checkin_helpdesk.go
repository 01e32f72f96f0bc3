package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

// HelpDeskPage is the organizers' help desk: find a registration by name,
// email, phone or organization, print its badge, or replace a lost badge (which
// revokes the old one at every gate); register a walk-in on the spot.
type HelpDeskPage struct {
	Page
	EventID    int64
	EventName  string
	Query      string
	Results    []HelpDeskRow
	Total      int
	Searched   bool
	Reprinted  int64 // the registration whose badge was just replaced
	NewVersion int
	Added      *HelpDeskRow // the walk-in just registered
	Focus      int64        // the registration whose badge is to print now
	Walkin     WalkInForm
}

// HelpDeskRow is one registration found.
type HelpDeskRow struct {
	checkin.Registrant
	Code      string
	Reachable bool // its email can receive mail (a walk-in may have none)
}

// helpDeskPage is the desk with nothing searched yet.
func (s *Server) helpDeskPage(r *http.Request, e event.Event) (HelpDeskPage, error) {
	p := HelpDeskPage{Page: s.page(r, ""), EventID: e.ID}
	p.EventName = p.Tx(e.Name)
	p.Title = p.T("gates.desk.title") + " · " + p.EventName
	var err error
	p.Walkin, err = s.walkInForm(r.Context(), p.Page, e.ID)
	return p, err
}

func (s *Server) handleHelpDesk(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p, err := s.helpDeskPage(r, e)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p.Query = strings.TrimSpace(q.Get("q"))
	p.Reprinted, _ = strconv.ParseInt(q.Get("reprinted"), 10, 64)
	added, _ := strconv.ParseInt(q.Get("added"), 10, 64)
	if focus := max(p.Reprinted, added); p.Query != "" || focus > 0 {
		rs, total, err := s.helpDeskFind(r.Context(), e.ID, p.Query, focus)
		if err != nil {
			return err
		}
		if err := s.listOnDesk(r.Context(), &p, rs, total, focus); err != nil {
			return err
		}
		p.Added = p.row(added)
	}
	// After a walk-in the next in the queue is likely one too.
	p.Walkin.Open = p.Added != nil
	if p.Searched && len(p.Results) == 0 {
		p.Walkin.Open = true // nobody found: the visitor is likely a walk-in
		p.prefill(p.Query)
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.render(w, http.StatusOK, "checkin_helpdesk", p)
}

// helpDeskFind is what the desk searched for or, just after a reprint or
// a walk-in, that registration alone.
func (s *Server) helpDeskFind(ctx context.Context, eventID int64, query string, focus int64) ([]checkin.Registrant, int, error) {
	if query != "" {
		return s.db.Registrants(ctx, eventID, store.RegistrantFilter{Query: query, Limit: 30})
	}
	reg, err := s.db.Registrant(ctx, eventID, focus)
	if err != nil {
		return nil, 0, err
	}
	return []checkin.Registrant{reg}, 1, nil
}

// listOnDesk lists registrations with their kiosk codes; focus is the one
// whose badge is to print now.
func (s *Server) listOnDesk(ctx context.Context, p *HelpDeskPage, rs []checkin.Registrant, total int, focus int64) error {
	p.Searched, p.Total, p.Focus = true, total, focus
	for _, reg := range rs {
		code, err := s.registrationCode(ctx, reg)
		if err != nil {
			return err
		}
		if reg.ID == p.Reprinted {
			p.NewVersion = reg.BadgeVersion
		}
		p.Results = append(p.Results, HelpDeskRow{Registrant: reg, Code: code, Reachable: checkin.Reachable(reg.Email)})
	}
	return nil
}

// row is the listed registration with an id, nil when none is.
func (p *HelpDeskPage) row(id int64) *HelpDeskRow {
	for i := range p.Results {
		if p.Results[i].ID == id {
			return &p.Results[i]
		}
	}
	return nil
}

// prefill starts the walk-in form with what the desk searched for in
// vain: most often the visitor's name, or their email or phone.
func (p *HelpDeskPage) prefill(query string) {
	switch {
	case strings.Contains(query, "@"):
		p.Walkin.Email = query
	case checkin.PhoneLike(query):
		p.Walkin.Phone = query
	default:
		p.Walkin.Name = query
	}
}

// handleReprint replaces a lost or damaged badge: the version goes up, so
// the old badge is refused at once at the server and at offline scanners
// after their next sync; then the help desk prints the new one.
func (s *Server) handleReprint(w http.ResponseWriter, r *http.Request) error {
	reg, err := s.loadRegistrant(r)
	if err != nil {
		return err
	}
	if _, err := s.db.ReissueBadge(r.Context(), reg.EventID, reg.ID); err != nil {
		return err
	}
	s.checkin().live.changed(reg.EventID)
	q := url.Values{"reprinted": {strconv.FormatInt(reg.ID, 10)}}
	if v := strings.TrimSpace(r.PostFormValue("q")); v != "" && len(v) <= 200 {
		q.Set("q", v) // the search to come back to; a longer one is no search typed at a desk
	}
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/helpdesk?%s", reg.EventID, q.Encode()), http.StatusSeeOther)
	return nil
}
