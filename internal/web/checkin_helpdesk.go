package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"ketnoi/internal/checkin"
	"ketnoi/internal/store"
)

// HelpDeskPage is the organizers' help desk: find a registration by name,
// email, phone or organization, print its badge, or replace a lost badge (which
// revokes the old one at every gate).
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
}

// HelpDeskRow is one registration found.
type HelpDeskRow struct {
	checkin.Registrant
	Code string
}

func (s *Server) handleHelpDesk(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := HelpDeskPage{Page: s.page(r, ""), EventID: e.ID, Query: strings.TrimSpace(q.Get("q"))}
	p.EventName = p.Tx(e.Name)
	p.Title = p.T("gates.desk.title") + " · " + p.EventName
	p.Reprinted, _ = strconv.ParseInt(q.Get("reprinted"), 10, 64)
	if p.Query != "" || p.Reprinted > 0 {
		p.Searched = true
		f := store.RegistrantFilter{Query: p.Query, Limit: 30}
		rs, total, err := s.db.Registrants(r.Context(), e.ID, f)
		if err != nil {
			return err
		}
		if p.Query == "" { // just after a reprint: show that registration
			reg, err := s.db.Registrant(r.Context(), e.ID, p.Reprinted)
			if err != nil {
				return err
			}
			rs, total = []checkin.Registrant{reg}, 1
		}
		p.Total = total
		for _, reg := range rs {
			code, err := s.registrationCode(r.Context(), reg)
			if err != nil {
				return err
			}
			if reg.ID == p.Reprinted {
				p.NewVersion = reg.BadgeVersion
			}
			p.Results = append(p.Results, HelpDeskRow{Registrant: reg, Code: code})
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.render(w, http.StatusOK, "checkin_helpdesk", p)
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
