package web

import (
	"fmt"
	"net/http"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/lead"
)

// loadLeads reads the exhibitor's leads as the exhibitor may see them.
// Leads belong to the exhibitor alone: the route's policy admits the
// event's organizers too, so membership is required here as well.
func (s *Server) loadLeads(r *http.Request) (int64, int64, []lead.Lead, error) {
	ev, err := pathID(r, "event")
	if err != nil {
		return 0, 0, nil, err
	}
	x, err := pathID(r, "exhibitor")
	if err != nil {
		return 0, 0, nil, err
	}
	orgID, err := s.db.ExhibitorOrg(r.Context(), ev, x)
	if err != nil {
		return 0, 0, nil, err
	}
	if _, member := viewerOf(r).orgs[orgID]; !member {
		return 0, 0, nil, errForbidden
	}
	recs, err := s.db.Leads(r.Context(), ev, x)
	if err != nil {
		return 0, 0, nil, err
	}
	return ev, x, lead.VisibleAll(recs), nil
}

// LeadList is the API's answer: the leads and a count per day.
type LeadList struct {
	Items  []lead.Lead    `json:"items"`
	PerDay map[string]int `json:"per_day"`
}

func (s *Server) apiLeads(w http.ResponseWriter, r *http.Request) error {
	_, _, ls, err := s.loadLeads(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, LeadList{Items: ls, PerDay: lead.PerDay(ls)})
}

// LeadInput is a lead's rating (0 to 5) and note.
type LeadInput struct {
	Rating int    `json:"rating"`
	Note   string `json:"note"`
}

func (s *Server) apiUpdateLead(w http.ResponseWriter, r *http.Request) error {
	ev, x, _, err := s.loadLeads(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "lead")
	if err != nil {
		return err
	}
	var in LeadInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	in.Note = strings.TrimSpace(in.Note)
	if in.Rating < 0 || in.Rating > 5 || len(in.Note) > 2000 {
		return &apperr.Error{Code: apperr.Invalid, Message: "Rating is 0 to 5 and the note at most 2000 characters.", Fields: map[string]string{"rating": "must be 0 to 5"}}
	}
	if err := s.db.UpdateLead(r.Context(), ev, x, id, in.Rating, in.Note); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) handleLeadsCSV(w http.ResponseWriter, r *http.Request) error {
	_, x, ls, err := s.loadLeads(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="leads-%d.csv"`, x))
	return lead.WriteCSV(w, ls)
}

func (s *Server) handleLeadsXLSX(w http.ResponseWriter, r *http.Request) error {
	_, x, ls, err := s.loadLeads(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="leads-%d.xlsx"`, x))
	return lead.WriteXLSX(w, ls)
}

// LeadsPage lists an exhibitor's leads with a count per day.
type LeadsPage struct {
	Page
	EventID, ExhibitorID int64
	Leads                []lead.Lead
	PerDay               map[string]int
}

func (s *Server) handleLeads(w http.ResponseWriter, r *http.Request) error {
	ev, x, ls, err := s.loadLeads(r)
	if err != nil {
		return err
	}
	p := LeadsPage{Page: s.page(r, ""), EventID: ev, ExhibitorID: x, Leads: ls, PerDay: lead.PerDay(ls)}
	p.Title = p.T("checkin.leads.title")
	return s.render(w, http.StatusOK, "lead_list", p)
}
