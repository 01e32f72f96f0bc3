package web

import (
	"net/http"

	"ketnoi/internal/apperr"
)

// handleMyData lets a person download what check-in keeps about them.
func (s *Server) handleMyData(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	d, err := s.db.PersonalDataOf(r.Context(), v.person.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", `attachment; filename="ketnoi-my-data.json"`)
	return writeJSON(w, http.StatusOK, map[string]any{"person": v.person, "checkin": d})
}

// handleDeleteMyData anonymises the person's registrations (the events'
// counts stay) and deletes the account, then signs out.
func (s *Server) handleDeleteMyData(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if r.PostFormValue("confirm") != "yes" {
		return &apperr.Error{Code: apperr.Invalid, Message: "Tick the box to confirm the deletion.", Fields: map[string]string{"confirm": "is required"}}
	}
	if err := s.db.DeletePersonalData(r.Context(), v.person.ID); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.cfg.Secure})
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// AnonymizeInput asks for a dry run (what would change) or the real thing.
type AnonymizeInput struct {
	DryRun bool `json:"dry_run"`
}

func (s *Server) apiAnonymize(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	var in AnonymizeInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	rep, err := s.db.AnonymizeEvent(r.Context(), ev, in.DryRun)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rep)
}
