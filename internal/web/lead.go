package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
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
	note, err := lead.Edit(in.Rating, in.Note)
	if err != nil {
		return err
	}
	if err := s.db.UpdateLead(r.Context(), ev, x, id, in.Rating, note); err != nil {
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

// LeadsPage lists an exhibitor's leads with a count per day; each lead's
// rating and note can be edited there.
type LeadsPage struct {
	Page
	EventID, ExhibitorID int64
	Leads                []lead.Lead
	PerDay               map[string]int
	Notice               string
	// Editing is the lead whose edit was refused, with why (Fields) and
	// what was typed (Rating, Note), so that nothing typed is lost.
	Editing int64
	Fields  map[string]string
	Rating  int
	Note    string
}

// Stars are the ratings a lead can be given besides "not rated".
func (LeadsPage) Stars() []int { return []int{1, 2, 3, 4, 5} }

func (s *Server) leadsPage(r *http.Request) (LeadsPage, error) {
	ev, x, ls, err := s.loadLeads(r)
	if err != nil {
		return LeadsPage{}, err
	}
	p := LeadsPage{Page: s.page(r, ""), EventID: ev, ExhibitorID: x, Leads: ls, PerDay: lead.PerDay(ls)}
	p.Title = p.T("checkin.leads.title")
	return p, nil
}

func (s *Server) handleLeads(w http.ResponseWriter, r *http.Request) error {
	p, err := s.leadsPage(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("done") == "saved" {
		p.Notice = p.T("checkin.leads.saved")
	}
	return s.render(w, http.StatusOK, "lead_list", p)
}

// handleEditLead saves a lead's rating and note from the leads page, then
// returns to that lead in the list; a refused edit shows the list again
// with the lead's form as typed.
func (s *Server) handleEditLead(w http.ResponseWriter, r *http.Request) error {
	p, err := s.leadsPage(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "lead")
	if err != nil {
		return err
	}
	rating, rerr := strconv.Atoi(strings.TrimSpace(r.PostFormValue("rating")))
	if r.PostFormValue("rating") == "" {
		rating, rerr = 0, nil // "not rated"
	}
	note, err := lead.Edit(rating, r.PostFormValue("note"))
	if rerr != nil {
		err = apperr.Fields{"rating": "must be 0 to 5"}.Err()
	}
	if err == nil {
		err = s.db.UpdateLead(r.Context(), p.EventID, p.ExhibitorID, id, rating, note)
	}
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code == apperr.Invalid {
		p.Editing, p.Fields = id, translateFields(p.Page, ae.Fields)
		p.Rating, p.Note = rating, r.PostFormValue("note")
		return s.render(w, http.StatusUnprocessableEntity, "lead_list", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/portal/events/%d/exhibitors/%d/leads?done=saved#lead-%d", p.EventID, p.ExhibitorID, id), http.StatusSeeOther)
	return nil
}
