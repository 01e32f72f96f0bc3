package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
)

// deskCategories are those the help desk may give a walk-in: the public
// form's and those an organizer hands out at the venue (a speaker who never
// registered, a VIP). Exhibitor staff come through their exhibitor's quota,
// organizers through the console.
var deskCategories = []event.Category{event.CatVisitor, event.CatDelegate, event.CatPress, event.CatSpeaker, event.CatVIP}

// WalkInForm is the help desk's form to register a visitor on the spot:
// what was typed (kept when refused) and what is wrong with it.
type WalkInForm struct {
	Name, Email, Phone, Organization string
	Category                         event.Category
	Lang                             i18n.Lang
	Once                             string // the form's key: sent twice, it registers once
	Categories                       []DeskCategory
	Fields                           map[string]string
	Message                          string
	Open                             bool // shown unfolded: refused, nobody found, or just after a walk-in
}

// DeskCategory is a category offered at the desk, and whether its quota is
// used up.
type DeskCategory struct {
	Category event.Category
	Full     bool
}

// walkInForm is an empty form, with the categories' quotas read now.
func (s *Server) walkInForm(ctx context.Context, p Page, eventID int64) (WalkInForm, error) {
	f := WalkInForm{Category: event.CatVisitor, Lang: p.Lang, Once: account.NewToken(), Fields: map[string]string{}}
	quotas, err := s.db.Quotas(ctx, eventID)
	if err != nil {
		return f, err
	}
	for _, c := range deskCategories {
		q, limited := quotas[string(c)]
		f.Categories = append(f.Categories, DeskCategory{Category: c, Full: limited && q[1] >= q[0]})
	}
	return f, nil
}

// readWalkIn reads the posted form into f (to show again) and the
// registration it asks for.
func readWalkIn(r *http.Request, f *WalkInForm) checkin.Registrant {
	f.Name, f.Email = r.PostFormValue("name"), strings.TrimSpace(r.PostFormValue("email"))
	f.Phone, f.Organization = strings.TrimSpace(r.PostFormValue("phone")), r.PostFormValue("organization")
	f.Category, f.Once = event.Category(r.PostFormValue("category")), r.PostFormValue("once")
	if l, ok := i18n.Parse(r.PostFormValue("lang")); ok {
		f.Lang = l
	}
	in := checkin.Registrant{Name: f.Name, Email: f.Email, Phone: f.Phone, OrgName: f.Organization, Lang: f.Lang}
	in.Category = f.Category
	return in
}

// handleWalkIn registers, at the help desk, a visitor who did not register
// online, through the public registration's path (same checks, quotas and
// confirmation mail), then shows the desk that registration with its
// badge to print. An email is optional: many walk-ins give a phone or
// nothing, and the printed badge is all they need to enter.
func (s *Server) handleWalkIn(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p, err := s.helpDeskPage(r, e)
	if err != nil {
		return err
	}
	in := readWalkIn(r, &p.Walkin)
	if s.over(e, v) {
		return s.walkInRefused(w, r, p, errEventOver)
	}
	reg, err := s.registerWalkIn(r, e, in, p.Walkin.Once)
	if err != nil {
		return s.walkInRefused(w, r, p, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/helpdesk?added=%d#reg-%d", e.ID, reg.ID, reg.ID), http.StatusSeeOther)
	return nil
}

// registerWalkIn checks what only the desk asks (its categories, a phone
// that looks like one) and saves the registration the way every form does.
func (s *Server) registerWalkIn(r *http.Request, e event.Event, in checkin.Registrant, key string) (checkin.Registrant, error) {
	f := apperr.Fields{}
	if !slices.Contains(deskCategories, in.Category) {
		f.Add("category", "is not a registration category")
	}
	if in.Phone != "" && !checkin.PhoneLike(in.Phone) {
		f.Add("phone", "is not a phone number")
	}
	if len(key) > 128 {
		f.Add("once", "is too long") // no form of ours sends one
	}
	if err := f.Err(); err != nil {
		return in, err
	}
	if in.Email == "" {
		in.Email = checkin.WalkInEmail()
	}
	in.Source = checkin.SourceDesk
	once := store.Once{PersonID: viewerOf(r).person.ID}
	if key != "" {
		once.Key = fmt.Sprintf("%d %s %s", once.PersonID, r.URL.Path, key)
	}
	return s.saveRegistration(r.Context(), e, in, once)
}

// walkInRefused shows the desk again with the form as typed and, in the
// staff's language, why it was refused; an email already registered
// brings up that registration, whose badge the desk can print instead.
func (s *Server) walkInRefused(w http.ResponseWriter, r *http.Request, p HelpDeskPage, err error) error {
	var ae *apperr.Error
	if !errors.As(err, &ae) || (ae.Code != apperr.Invalid && ae.Code != apperr.Conflict) {
		return err
	}
	f := &p.Walkin
	f.Open, f.Message, f.Fields = true, p.T("checkin.register.fix"), translateFields(p.Page, ae.Fields)
	status := http.StatusUnprocessableEntity
	switch {
	case ae == errEventOver:
		f.Message, status = p.T("event.over_closed"), http.StatusConflict
	case ae.Fields["category"] == store.ErrCategoryFull.Fields["category"]:
		f.Message, status = p.T("gates.walkin.full", p.T("checkin.category."+string(f.Category))), http.StatusConflict
	case ae.Code == apperr.Conflict && ae.Fields["email"] != "":
		f.Message, f.Fields["email"], status = p.T("gates.walkin.already"), p.T("gates.walkin.already_field"), http.StatusConflict
		if err := s.offerExisting(r.Context(), &p, f.Email); err != nil {
			return err
		}
	}
	return s.render(w, status, "checkin_helpdesk", p)
}

// offerExisting lists the event's registration of an email, for the desk
// to print its badge rather than register the person twice. One gone in
// the meantime (anonymised) is no error: the message still stands.
func (s *Server) offerExisting(ctx context.Context, p *HelpDeskPage, email string) error {
	reg, err := s.registrantByEmail(ctx, p.EventID, email)
	if apperr.Is(err, apperr.NotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return s.listOnDesk(ctx, p, []checkin.Registrant{reg}, 1, reg.ID)
}

// registrantByEmail is an event's registration of the person with an
// email.
func (s *Server) registrantByEmail(ctx context.Context, eventID int64, email string) (checkin.Registrant, error) {
	email, err := account.NormalizeEmail(email)
	if err != nil {
		return checkin.Registrant{}, apperr.Errorf(apperr.NotFound, "No registration has this email.")
	}
	person, err := s.db.PersonByEmail(ctx, email)
	if err != nil {
		return checkin.Registrant{}, fmt.Errorf("registrant by email: %w", err)
	}
	reg, err := s.db.RegistrationOf(ctx, eventID, person.ID)
	if err != nil {
		return checkin.Registrant{}, fmt.Errorf("registrant by email: %w", err)
	}
	return s.db.Registrant(ctx, eventID, reg.ID)
}
