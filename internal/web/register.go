package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store"
	"ketnoi/internal/taxonomy"
)

// publicCategories are those a person may choose on the public form; the
// others are given by organizers.
var publicCategories = []event.Category{event.CatVisitor, event.CatDelegate, event.CatPress}

// RegisterPage is the public registration form and its confirmation.
type RegisterPage struct {
	Page
	EventID    int64
	EventName  string
	Categories []event.Category
	Sectors    []taxonomy.Sector
	Form       checkin.Registrant
	Chosen     map[string]bool
	Fields     map[string]string
	Message    string
	Done       bool
	QR         template.URL // the badge QR as a data: URL
	Code       string       // the registration code, for the badge kiosk
	Over       bool         // the event is over: no form
	// Registered is the signed-in viewer's active registration at the
	// event: the page leads to its badge instead of a second form.
	Registered *event.Registration
	// Leads: exhibitors scan badges at this event (a trade fair), so the
	// form asks whether they may have the visitor's contact.
	Leads bool
	// Agenda: the event has a programme of sessions to lead to.
	Agenda bool
	// Mine: the registration just made is the signed-in viewer's own, so
	// its badge can be downloaded at once.
	Mine bool
}

// viewerRegistration is the signed-in viewer's active registration at an
// event, nil when there is none (or nobody is signed in).
func (s *Server) viewerRegistration(r *http.Request, eventID int64) (*event.Registration, error) {
	v := viewerOf(r)
	if !v.signedIn() {
		return nil, nil
	}
	reg, err := s.db.RegistrationOf(r.Context(), eventID, v.person.ID)
	if apperr.Is(err, apperr.NotFound) || (err == nil && reg.Status != "active") {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &reg, nil
}

func (s *Server) registerPage(r *http.Request, e event.Event) RegisterPage {
	p := RegisterPage{Page: s.page(r, ""), EventID: e.ID, Categories: publicCategories, Sectors: taxonomy.Sectors, Chosen: map[string]bool{}}
	p.Title, p.EventName = p.T("checkin.register.title"), p.Tx(e.Name)
	p.Form.Category = event.CatVisitor
	p.Leads, p.Agenda = e.Kind == event.TradeFair, e.Kind == event.Forum
	return p
}

func (s *Server) handleRegisterForm(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p := s.registerPage(r, e)
	p.Over = s.over(e, v)
	if p.Registered, err = s.viewerRegistration(r, e.ID); err != nil {
		return err
	}
	if vw := viewerOf(r); vw.signedIn() {
		p.Form.Name, p.Form.Email = vw.person.Name, vw.person.Email
		if p.Form.OrgName, err = s.viewerOrgName(r); err != nil {
			return err
		}
	}
	return s.render(w, http.StatusOK, "register", p)
}

// viewerOrgName is the name, in the page's language, of the signed-in
// viewer's organization (the lowest id when several), "" when none.
func (s *Server) viewerOrgName(r *http.Request) (string, error) {
	v := viewerOf(r)
	var first int64
	for id := range v.orgs {
		if first == 0 || id < first {
			first = id
		}
	}
	if first == 0 {
		return "", nil
	}
	o, err := s.db.Organization(r.Context(), first)
	if err != nil {
		return "", err
	}
	return o.Name.In(v.lang), nil
}

// over reports whether an event's last day has passed where it is held.
func (s *Server) over(e event.Event, v event.Venue) bool {
	return e.EndDate < s.db.Now().In(event.Zone(v.TimeZone)).Format(event.DateLayout)
}

// errEventOver refuses a registration once the event is over.
var errEventOver = apperr.Errorf(apperr.Conflict, "This event is over: registration is closed.")

func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p := s.registerPage(r, e)
	if s.over(e, v) {
		p.Over = true
		return s.render(w, http.StatusConflict, "register", p)
	}
	f := &p.Form
	f.Name, f.Email, f.Phone = r.PostFormValue("name"), r.PostFormValue("email"), r.PostFormValue("phone")
	f.OrgName, f.JobTitle = r.PostFormValue("organization"), r.PostFormValue("job_title")
	f.Category, f.Consent, f.Lang = event.Category(r.PostFormValue("category")), r.PostFormValue("consent") == "yes", p.Lang
	f.Interests = r.PostForm["interests"]
	for _, c := range f.Interests {
		p.Chosen[c] = true
	}
	reg, err := s.registerPublic(r, e, *f)
	if err != nil {
		var ae *apperr.Error
		if errors.As(err, &ae) && (ae.Code == apperr.Invalid || ae.Code == apperr.Conflict) {
			p.Message, p.Fields = p.T("checkin.register.fix"), translateFields(p.Page, ae.Fields)
			return s.render(w, http.StatusUnprocessableEntity, "register", p)
		}
		return err
	}
	tok, err := s.badgeToken(r.Context(), reg)
	if err != nil {
		return err
	}
	png, err := badge.PNG(tok, 6)
	if err != nil {
		return err
	}
	if p.Code, err = s.registrationCode(r.Context(), reg); err != nil {
		return err
	}
	p.Done, p.Form = true, reg
	vw := viewerOf(r)
	p.Mine = vw.signedIn() && strings.EqualFold(vw.person.Email, reg.Email)
	p.QR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	return s.render(w, http.StatusCreated, "register", p)
}

// registerPublic validates and stores a registration from the public form
// or the API, with its confirmation mail queued in the same transaction
// (saveRegistration): the outbox worker draws the badge and sends it after
// the answer, and a registration is never kept without its mail.
func (s *Server) registerPublic(r *http.Request, e event.Event, in checkin.Registrant) (checkin.Registrant, error) {
	allowed := false
	for _, c := range publicCategories {
		allowed = allowed || in.Category == c
	}
	if !allowed {
		return in, &apperr.Error{Code: apperr.Invalid, Message: "Choose visitor, delegate or press.", Fields: map[string]string{"category": "must be visitor, delegate or press"}}
	}
	if p := strings.TrimSpace(in.Phone); p != "" && !checkin.PhoneLike(p) {
		return in, apperr.Fields{"phone": "is not a phone number"}.Err()
	}
	in.Source = checkin.SourceOnline
	return s.saveRegistration(r.Context(), e, in, store.Once{})
}

// saveRegistration is where a registration from a form (public, API or
// the help desk) is checked and stored, taking its seat in the category;
// a form key (once) makes a form sent twice register once.
func (s *Server) saveRegistration(ctx context.Context, e event.Event, in checkin.Registrant, once store.Once) (checkin.Registrant, error) {
	in.EventID, in.ID, in.Days, in.OrgID = e.ID, 0, nil, 0
	if err := in.Validate(&e); err != nil {
		return in, err
	}
	var mails []outbox.Mail
	if checkin.Reachable(in.Email) { // a walk-in may have given no email
		mails = append(mails, outbox.Mail{Kind: outbox.KindBadge})
	}
	if _, err := s.db.RegisterOnce(ctx, once, &in, mails...); err != nil {
		return in, err
	}
	if len(mails) > 0 {
		s.mailer.Wake()
	}
	return in, nil
}

// renderMail builds, at send time, a mail the outbox keeps only as a
// reference: a registration's confirmation with its current badge.
func (s *Server) renderMail(ctx context.Context, m outbox.Mail) (mail.Message, error) {
	if m.Kind != outbox.KindBadge {
		return mail.Message{}, outbox.Permanent(fmt.Errorf("unknown mail kind %q", m.Kind))
	}
	r, err := s.db.Registrant(ctx, m.EventID, m.RegistrationID)
	if apperr.Is(err, apperr.NotFound) {
		return mail.Message{}, outbox.Permanent(err)
	}
	if err != nil {
		return mail.Message{}, err
	}
	e, err := s.db.Event(ctx, m.EventID)
	if err != nil {
		return mail.Message{}, err
	}
	return s.badgeMessage(ctx, e, r)
}

// badgeToken signs the current badge of a registration.
func (s *Server) badgeToken(ctx context.Context, r checkin.Registrant) (string, error) {
	k, err := s.db.SigningKey(ctx, r.EventID)
	if err != nil {
		return "", err
	}
	return badge.Sign(k, badge.Claims{EventID: r.EventID, RegistrationID: r.ID, Version: r.BadgeVersion, Category: string(r.Category), Days: r.Days})
}

// badgeCard is what a registration's printed badge shows, in lang.
func (s *Server) badgeCard(ctx context.Context, r checkin.Registrant, lang i18n.Lang) (badge.Card, error) {
	tok, err := s.badgeToken(ctx, r)
	if err != nil {
		return badge.Card{}, err
	}
	return badge.Card{Name: r.Name, Organization: r.OrgName, JobTitle: r.JobTitle, Token: tok,
		CategoryLabel: strings.ToUpper(s.cat.T(lang, "checkin.category."+string(r.Category))),
		Color:         badge.CategoryColors[string(r.Category)], Number: badge.Number(r.ID, r.BadgeVersion)}, nil
}

// badgeMessage is the confirmation with the badge as PDF and PNG, in the
// person's language.
func (s *Server) badgeMessage(ctx context.Context, e event.Event, r checkin.Registrant) (mail.Message, error) {
	card, err := s.badgeCard(ctx, r, r.Lang)
	if err != nil {
		return mail.Message{}, err
	}
	var pdf bytes.Buffer
	if err := badge.PDF(&pdf, badge.A6, []badge.Card{card}); err != nil {
		return mail.Message{}, err
	}
	png, err := badge.PNG(card.Token, 8)
	if err != nil {
		return mail.Message{}, err
	}
	code, err := s.registrationCode(ctx, r)
	if err != nil {
		return mail.Message{}, err
	}
	name := e.Name.In(r.Lang)
	// The event's page (programme, exhibitors, floor plan) is where a
	// registrant without an account goes next.
	text := s.withLink(s.mailPage(r.Lang), s.cat.T(r.Lang, "checkin.mail.body", r.Name, name)+"\n\n"+s.cat.T(r.Lang, "gates.mail.code", code),
		"/events/"+itoa(e.ID))
	return mail.Message{To: []string{r.Email},
		Subject: s.cat.T(r.Lang, "checkin.mail.subject", name),
		Text:    text,
		Attachments: []mail.Attachment{{Name: "badge.pdf", ContentType: "application/pdf", Data: pdf.Bytes()},
			{Name: "badge.png", ContentType: "image/png", Data: png}}}, nil
}

// RegistrationInput is what the public registration API accepts.
type RegistrationInput struct {
	Name         string         `json:"name"`
	Email        string         `json:"email"`
	Phone        string         `json:"phone"`
	Organization string         `json:"organization"`
	JobTitle     string         `json:"job_title"`
	Category     event.Category `json:"category"`
	Interests    []string       `json:"interests"`
	Consent      bool           `json:"consent_contact"`
	Lang         i18n.Lang      `json:"lang"`
}

func (s *Server) apiRegister(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	if s.over(e, v) {
		return errEventOver
	}
	var in RegistrationInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	reg := checkin.Registrant{Name: in.Name, Email: in.Email, Phone: in.Phone, OrgName: in.Organization, Interests: in.Interests, Consent: in.Consent, Lang: in.Lang}
	reg.JobTitle, reg.Category = in.JobTitle, in.Category
	if reg.Category == "" {
		reg.Category = event.CatVisitor
	}
	out, err := s.registerPublic(r, e, reg)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, out)
}
