package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
)

func (s *Server) apiRegistrations(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	off, lim, err := paging(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	rs, total, err := s.db.Registrants(r.Context(), ev, store.RegistrantFilter{Query: q.Get("q"), Category: q.Get("category"), Status: q.Get("status"), Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(rs, total, off, lim))
}

func (s *Server) loadRegistrant(r *http.Request) (checkin.Registrant, error) {
	return inEvent(r, "registration", s.db.Registrant)
}

func (s *Server) apiRegistration(w http.ResponseWriter, r *http.Request) error {
	reg, err := s.loadRegistrant(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, reg)
}

// RegistrationPatch is what organizers may change; absent fields stay.
type RegistrationPatch struct {
	Category     *event.Category `json:"category"`
	Organization *string         `json:"organization"`
	JobTitle     *string         `json:"job_title"`
	Phone        *string         `json:"phone"`
	Interests    *[]string       `json:"interests"`
	Days         *[]string       `json:"days"`
	Consent      *bool           `json:"consent_contact"`
}

func (s *Server) apiUpdateRegistration(w http.ResponseWriter, r *http.Request) error {
	reg, err := s.loadRegistrant(r)
	if err != nil {
		return err
	}
	var in RegistrationPatch
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.Category != nil {
		reg.Category = *in.Category
	}
	if in.Organization != nil {
		reg.OrgName = *in.Organization
	}
	if in.JobTitle != nil {
		reg.JobTitle = *in.JobTitle
	}
	if in.Phone != nil {
		reg.Phone = *in.Phone
	}
	if in.Interests != nil {
		reg.Interests = *in.Interests
	}
	if in.Days != nil {
		reg.Days = *in.Days
	}
	if in.Consent != nil {
		reg.Consent = *in.Consent
	}
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	if err := reg.Validate(&e); err != nil {
		return err
	}
	if err := s.db.UpdateRegistrant(r.Context(), &reg); err != nil {
		return err
	}
	return s.apiRegistration(w, r)
}

func (s *Server) apiCancelRegistration(w http.ResponseWriter, r *http.Request) error {
	reg, err := s.loadRegistrant(r)
	if err != nil {
		return err
	}
	if err := s.db.CancelRegistration(r.Context(), reg.EventID, reg.ID); err != nil {
		return err
	}
	s.checkin().live.changed(reg.EventID)
	return s.apiRegistration(w, r)
}

// apiReissueBadge revokes the current badge and returns the registration
// with its new badge version; the old badge is refused at the server at
// once and by offline scanners after their next sync (revocation list).
func (s *Server) apiReissueBadge(w http.ResponseWriter, r *http.Request) error {
	reg, err := s.loadRegistrant(r)
	if err != nil {
		return err
	}
	if _, err := s.db.ReissueBadge(r.Context(), reg.EventID, reg.ID); err != nil {
		return err
	}
	return s.apiRegistration(w, r)
}

// handleBadgePDF prints badges for the help desk or a kiosk: one
// registration ({registration}), in A6 or CR80 (?format=).
func (s *Server) handleBadgePDF(w http.ResponseWriter, r *http.Request) error {
	reg, err := s.loadRegistrant(r)
	if err != nil {
		return err
	}
	if reg.Status != "active" {
		return apperr.Errorf(apperr.Conflict, "This registration is cancelled.")
	}
	return s.writeBadge(w, r, reg)
}

// handleMyBadge gives a signed-in person their own badge again (the one the
// confirmation mail carried), from their console.
func (s *Server) handleMyBadge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "registration")
	if err != nil {
		return err
	}
	regs, err := s.db.RegistrantsOf(r.Context(), viewerOf(r).person.ID)
	if err != nil {
		return err
	}
	for _, reg := range regs {
		if reg.ID == id {
			if reg.Status != "active" {
				return apperr.Errorf(apperr.Conflict, "This registration is cancelled.")
			}
			return s.writeBadge(w, r, reg)
		}
	}
	return errForbidden // someone else's, or none: the same answer
}

// writeBadge sends reg's badge as a PDF, A6 or (?format=cr80) card size.
func (s *Server) writeBadge(w http.ResponseWriter, r *http.Request, reg checkin.Registrant) error {
	f := badge.Format(r.URL.Query().Get("format"))
	if f == "" {
		f = badge.A6
	}
	if f != badge.A6 && f != badge.CR80 {
		return &apperr.Error{Code: apperr.Invalid, Message: "format must be a6 or cr80.", Fields: map[string]string{"format": "must be a6 or cr80"}}
	}
	// The help desk asks for the badge in its holder's language, the
	// one their confirmation mail carries; else the reader's.
	lang, ok := i18n.Parse(r.URL.Query().Get("lang"))
	if !ok {
		lang = viewerOf(r).lang
	}
	card, err := s.badgeCard(r.Context(), reg, lang)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := badge.PDF(&b, f, []badge.Card{card}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="badge-%d-%s.pdf"`, reg.ID, strconv.Itoa(reg.BadgeVersion)))
	_, err = w.Write(b.Bytes())
	return err
}
