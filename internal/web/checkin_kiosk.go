package web

import (
	"context"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
)

// allowStaff admits the people working at an event: organizers, admins
// and its scanner staff.
func (s *Server) allowStaff(r *http.Request, v *viewer) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	if v.organizer(ev) {
		return nil
	}
	staff, err := s.db.IsScannerStaff(r.Context(), ev, v.person.ID)
	if err != nil {
		return err
	}
	return allowIf(staff)
}

// KioskPage is the self-service badge kiosk: a visitor types their
// registration code (or holds their confirmation QR to the camera or a
// USB reader) and prints their badge. Printing admits no one and revokes
// nothing: the badge printed is the current one, the one already valid.
type KioskPage struct {
	Page
	EventID   int64
	EventName string
	Message   string
	Badge     *KioskBadge
}

// KioskBadge is the badge as the kiosk shows and prints it.
type KioskBadge struct {
	Name, Organization, JobTitle string
	Category, Color, Number      string
	QR                           template.URL
}

// kioskLimit bounds the lookups of one kiosk per minute: far above a
// queue of people typing codes, far below what guessing 30-bit codes needs.
const kioskLimit = 30

func (s *Server) kioskPage(r *http.Request) (KioskPage, error) {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return KioskPage{}, err
	}
	p := KioskPage{Page: s.page(r, ""), EventID: e.ID}
	p.EventName = p.Tx(e.Name)
	p.Title = p.T("gates.kiosk.title") + " · " + p.EventName
	return p, nil
}

func (s *Server) handleKiosk(w http.ResponseWriter, r *http.Request) error {
	p, err := s.kioskPage(r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.render(w, http.StatusOK, "checkin_kiosk", p)
}

// handleKioskLookup finds the registration a code or a confirmation QR
// names and shows its badge for printing. Every failure reads the same to
// the kiosk, so that it tells nobody who is registered.
func (s *Server) handleKioskLookup(w http.ResponseWriter, r *http.Request) error {
	p, err := s.kioskPage(r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	ctx := r.Context()
	n, err := s.db.Hit(ctx, fmt.Sprintf("kiosk:%d:%d", p.EventID, viewerOf(r).person.ID), time.Minute)
	if err != nil {
		return err
	}
	if n > kioskLimit {
		p.Message = p.T("gates.kiosk.toomany")
		return s.render(w, http.StatusTooManyRequests, "checkin_kiosk", p)
	}
	reg, why, err := s.kioskFind(r, p.EventID, r.PostFormValue("code"))
	if err != nil {
		return err
	}
	if why != "" {
		p.Message = p.T("gates.kiosk." + why)
		return s.render(w, http.StatusUnprocessableEntity, "checkin_kiosk", p)
	}
	card, err := s.badgeCard(ctx, reg, p.Lang)
	if err != nil {
		return err
	}
	png, err := badge.PNG(card.Token, 6)
	if err != nil {
		return err
	}
	p.Badge = &KioskBadge{Name: card.Name, Organization: card.Organization, JobTitle: card.JobTitle, Category: card.CategoryLabel,
		Color: card.Color, Number: card.Number, QR: template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))}
	return s.render(w, http.StatusOK, "checkin_kiosk", p)
}

// kioskFind reads a typed code or a scanned badge token; why is the
// catalogue key of the refusal: notfound, replaced or cancelled.
func (s *Server) kioskFind(r *http.Request, eventID int64, input string) (reg checkin.Registrant, why string, err error) {
	ctx := r.Context()
	input = strings.TrimSpace(input)
	version := 0
	if strings.HasPrefix(input, badge.Prefix) {
		keys, err := s.db.BadgeKeys(ctx, eventID)
		if err != nil {
			return reg, "", err
		}
		c, err := badge.Verify(keys, input)
		if err != nil || c.EventID != eventID {
			return reg, "notfound", nil
		}
		reg.ID, version = c.RegistrationID, c.Version
	} else {
		id, letters, ok := badge.ParseCode(input)
		if !ok {
			return reg, "notfound", nil
		}
		k, err := s.db.BadgeCodeKey(ctx, eventID)
		if err != nil {
			return reg, "", err
		}
		if !badge.CheckCode(k, eventID, id, letters) {
			return reg, "notfound", nil
		}
		reg.ID = id
	}
	reg, err = s.db.Registrant(ctx, eventID, reg.ID)
	switch {
	case apperr.Is(err, apperr.NotFound):
		return reg, "notfound", nil
	case err != nil:
		return reg, "", err
	case reg.Status != "active":
		return reg, "cancelled", nil
	case version > 0 && version < reg.BadgeVersion:
		// A badge re-issued at the help desk: its old QR prints nothing.
		return reg, "replaced", nil
	}
	return reg, "", nil
}

// registrationCode is the code a person types at the kiosk.
func (s *Server) registrationCode(ctx context.Context, reg checkin.Registrant) (string, error) {
	k, err := s.db.BadgeCodeKey(ctx, reg.EventID)
	if err != nil {
		return "", err
	}
	return badge.Code(k, reg.EventID, reg.ID), nil
}
