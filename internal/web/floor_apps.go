package web

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/org"
	"ketnoi/internal/outbox"
)

// ApplyPage is an organization's application to exhibit: the form, or
// where the application stands with its history.
type ApplyPage struct {
	Page
	Event     event.Event
	Org       org.Organization
	Orgs      []org.Organization // when the viewer must choose one
	App       *exhibit.Application
	Form      exhibit.Application
	Exhibitor bool // already an exhibitor, added by the organizers
	Editable  bool
	Actions   []exhibit.Action
	Fields    map[string]string
	Message   string
	Done      string
	Over      bool // the event is over: no new application
	// AreaText is the area as typed, shown again when the form is refused.
	AreaText string
	Sectors  []string
	Types    []event.BoothType
}

// handleApplyStart sends the viewer to the application of the
// organization they administer, or lets them choose.
func (s *Server) handleApplyStart(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	p := ApplyPage{Page: s.page(r, ""), Event: e}
	p.Title = p.T("floor.apply.title") + " · " + p.Tx(e.Name)
	for id, role := range v.orgs {
		if role != account.MemberAdmin {
			continue
		}
		o, err := s.db.Organization(r.Context(), id)
		if err != nil {
			return err
		}
		p.Orgs = append(p.Orgs, o)
	}
	if len(p.Orgs) == 1 {
		target := fmt.Sprintf("/orgs/%d/events/%d/apply", p.Orgs[0].ID, e.ID)
		if r.URL.Query().Get(createdParam) == "org" {
			// Just created from this page's link: the form confirms it.
			target = createdTarget(target, p.Orgs[0].ID)
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
		return nil
	}
	return s.render(w, http.StatusOK, "floor_apply", p)
}

func (s *Server) applyPage(r *http.Request) (ApplyPage, error) {
	e, venue, err := s.loadEvent(r)
	if err != nil {
		return ApplyPage{}, err
	}
	oid, err := pathID(r, "org")
	if err != nil {
		return ApplyPage{}, err
	}
	o, err := s.db.Organization(r.Context(), oid)
	if err != nil {
		return ApplyPage{}, err
	}
	p := ApplyPage{Page: s.page(r, ""), Event: e, Org: o,
		Types: []event.BoothType{event.Shell, event.Raw, event.Corner, event.Island}}
	p.Sectors = p.sectorsByName()
	p.Title = p.T("floor.apply.title") + " · " + p.Tx(e.Name)
	a, err := s.db.ApplicationOfOrg(r.Context(), e.ID, o.ID)
	switch {
	case err == nil:
		p.App, p.Form = &a, a
		p.Editable = a.Status == exhibit.ChangesRequested
		p.Actions = exhibit.Actions(a.Status, false)
	case apperr.Is(err, apperr.NotFound):
		p.Editable = true
		p.Form = exhibit.Application{BoothType: "shell", Area: 9, Email: o.Email}
		if len(o.Sectors) > 0 {
			p.Form.Sector = o.Sectors[0]
		}
		xs, err := s.db.ExhibitorsOfOrgs(r.Context(), []int64{o.ID})
		if err != nil {
			return p, err
		}
		p.Exhibitor = len(xs[e.ID]) > 0
		p.Over = s.over(e, venue)
		p.Editable = !p.Exhibitor && !p.Over
	default:
		return p, err
	}
	return p, nil
}

func (s *Server) handleApplyForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.applyPage(r)
	if err != nil {
		return err
	}
	p.Done = r.URL.Query().Get("done")
	return s.render(w, http.StatusOK, "floor_apply", p)
}

// validateApplication checks an application's own fields, then that the
// booths it prefers are booths of the event's floor (a mistyped code would
// reach the allocation as a wish it cannot grant).
func (s *Server) validateApplication(r *http.Request, a *exhibit.Application) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if len(a.Preferred) == 0 {
		return nil
	}
	booths, err := s.db.EventBooths(r.Context(), a.EventID, 0)
	if err != nil {
		return err
	}
	for _, code := range a.Preferred {
		if !slices.ContainsFunc(booths, func(b event.Booth) bool { return strings.EqualFold(b.Code, code) }) {
			return apperr.Fields{"preferred_booths": "names a booth that does not exist: " + code}.Err()
		}
	}
	return nil
}

// applicationForm reads the application fields of a form.
func applicationForm(r *http.Request, a *exhibit.Application) {
	a.BoothType, a.Sector = r.PostFormValue("booth_type"), r.PostFormValue("sector")
	area, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(r.PostFormValue("area")), ",", "."), 64)
	if err != nil {
		area = -1 // reported by Validate; the form shows what was typed (AreaText)
	}
	a.Area = area
	a.Preferred = nil
	for _, k := range []string{"pref1", "pref2", "pref3"} {
		if v := strings.TrimSpace(r.PostFormValue(k)); v != "" {
			a.Preferred = append(a.Preferred, v)
		}
	}
	a.Zone, a.Pavilion = r.PostFormValue("zone"), r.PostFormValue("pavilion")
	a.Competitors = []string{r.PostFormValue("competitors")}
	a.Products, a.Email = r.PostFormValue("products"), r.PostFormValue("email")
}

func (s *Server) handleApplySave(w http.ResponseWriter, r *http.Request) error {
	p, err := s.applyPage(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	by := exhibit.Change{PersonID: v.person.ID, PersonName: v.person.Name}
	op := r.PostFormValue("op")
	var done string
	switch {
	case op == "withdraw" && p.App != nil:
		err, done = s.moveApplication(r, *p.App, exhibit.Withdraw, by, ""), "withdrawn"
	case op == "submit" && p.App == nil && !p.Exhibitor && !p.Over:
		a := exhibit.Application{EventID: p.Event.ID, OrgID: p.Org.ID, Lang: v.lang, OrgName: p.Org.Name}
		applicationForm(r, &a)
		p.Form = a
		if err = s.validateApplication(r, &a); err == nil {
			err = s.db.CreateApplication(r.Context(), &a, by)
		}
		if err == nil {
			s.mailApplicant(r.Context(), a, p.Event, exhibit.Submitted, "")
		}
		done = "submitted"
	case op == "resubmit" && p.App != nil && p.App.Status == exhibit.ChangesRequested:
		a := *p.App
		applicationForm(r, &a)
		p.Form = a
		if err = s.validateApplication(r, &a); err == nil {
			err = s.db.UpdateApplication(r.Context(), &a)
		}
		if err == nil {
			err = s.moveApplication(r, a, exhibit.Resubmit, by, "")
		}
		done = "submitted"
	default:
		err = apperr.Errorf(apperr.Conflict, "This application cannot be changed that way now.")
	}
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code == apperr.Invalid {
		p.AreaText = r.PostFormValue("area")
		p.Fields, p.Message = translateFields(p.Page, ae.Fields), p.T("form.fix")
		return s.render(w, http.StatusUnprocessableEntity, "floor_apply", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/orgs/%d/events/%d/apply?done=%s", p.Org.ID, p.Event.ID, done), http.StatusSeeOther)
	return nil
}

// moveApplication applies a workflow action: the status changes with its
// history line, the exhibitor follows, the catalogue is refreshed and the
// applicant is mailed.
func (s *Server) moveApplication(r *http.Request, a exhibit.Application, act exhibit.Action, by exhibit.Change, note string) error {
	to, err := exhibit.Next(a.Status, act)
	if err != nil {
		return err
	}
	by.Note = strings.TrimSpace(note)
	if len(by.Note) > 2000 {
		return apperr.Fields{"note": "is longer than 2000 characters"}.Err()
	}
	if act == exhibit.RequestChanges && by.Note == "" {
		// The note is all the applicant reads of what to change.
		return apperr.Errorf(apperr.Invalid, "Say what should change: the applicant reads the note.")
	}
	if err := s.db.ChangeApplicationStatus(r.Context(), a.EventID, a.ID, a.Status, to, by); err != nil {
		return err
	}
	s.refreshCatalogue(r.Context(), a.EventID, a.ExhibitorID)
	e, err := s.db.Event(r.Context(), a.EventID)
	if err != nil {
		return err
	}
	s.mailApplicant(r.Context(), a, e, to, by.Note)
	return nil
}

// mailApplicant tells the applicant, in the language they applied in,
// where the application stands. The change is already stored: a mail that
// cannot be sent is logged, not shown as a failure.
func (s *Server) mailApplicant(ctx context.Context, a exhibit.Application, e event.Event, st exhibit.Status, note string) {
	lang := a.Lang
	if _, ok := i18n.Parse(string(lang)); !ok {
		lang = i18n.VI
	}
	name := e.Name.In(lang)
	text := s.cat.T(lang, "floor.mail.body."+string(st), a.OrgName.In(lang), name)
	if note != "" {
		text += "\n\n" + s.cat.T(lang, "floor.mail.note") + "\n" + note
	}
	text += "\n\n" + s.cat.T(lang, "floor.mail.link") + " " + s.absolute(fmt.Sprintf("/orgs/%d/events/%d/apply", a.OrgID, a.EventID)) + "\n"
	m := mail.Message{To: []string{a.Email}, Subject: s.cat.T(lang, "floor.mail.subject."+string(st), name), Text: text}
	if err := s.mail.Send(outbox.ForEvent(ctx, a.EventID), m); err != nil {
		s.log.Error("application mail", "application", a.ID, "status", st, "err", err)
	}
}

// ApplicationsPage lists an event's applications for the organizers.
type ApplicationsPage struct {
	Page
	Event    event.Event
	Apps     []exhibit.Application
	Status   string
	Statuses []exhibit.Status
}

func (s *Server) handleApplications(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p := ApplicationsPage{Page: s.page(r, "").inZone(v), Event: e, Status: r.URL.Query().Get("status"), Statuses: exhibit.Statuses}
	p.Title = p.T("floor.apps.title") + " · " + p.Tx(e.Name)
	if p.Apps, err = s.db.Applications(r.Context(), e.ID, p.Status); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "floor_apps", p)
}

func (s *Server) apiApplications(w http.ResponseWriter, r *http.Request) error {
	e, err := s.eventOnly(r)
	if err != nil {
		return err
	}
	apps, err := s.db.Applications(r.Context(), e.ID, r.URL.Query().Get("status"))
	if err != nil {
		return err
	}
	for i := range apps {
		if apps[i].History, err = s.historyOf(r, e.ID, apps[i].ID); err != nil {
			return err
		}
	}
	return writeJSON(w, http.StatusOK, list(apps, len(apps), 0, len(apps)))
}

func (s *Server) historyOf(r *http.Request, eventID, id int64) ([]exhibit.Change, error) {
	a, err := s.db.Application(r.Context(), eventID, id)
	return a.History, err
}

// ApplicationPage is one application for the organizers, with its history
// and the actions that apply.
type ApplicationPage struct {
	Page
	Event   event.Event
	App     exhibit.Application
	Actions []exhibit.Action
	Message string
	Done    bool
}

func (s *Server) loadApplication(r *http.Request) (event.Event, exhibit.Application, error) {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return e, exhibit.Application{}, err
	}
	id, err := pathID(r, "application")
	if err != nil {
		return e, exhibit.Application{}, err
	}
	a, err := s.db.Application(r.Context(), e.ID, id)
	return e, a, err
}

func (s *Server) handleApplication(w http.ResponseWriter, r *http.Request) error {
	e, a, err := s.loadApplication(r)
	if err != nil {
		return err
	}
	p := ApplicationPage{Page: s.page(r, ""), Event: e, App: a, Actions: exhibit.Actions(a.Status, true), Done: r.URL.Query().Get("done") == "1"}
	p.Title = p.T("floor.apps.one") + " · " + p.Tx(a.OrgName)
	return s.render(w, http.StatusOK, "floor_app", p)
}

func (s *Server) handleApplicationAction(w http.ResponseWriter, r *http.Request) error {
	e, a, err := s.loadApplication(r)
	if err != nil {
		return err
	}
	act := exhibit.Action(r.PostFormValue("action"))
	if !act.ByOrganizer() {
		return apperr.Fields{"action": "must be approve, request_changes or reject"}.Err()
	}
	v := viewerOf(r)
	err = s.moveApplication(r, a, act, exhibit.Change{PersonID: v.person.ID, PersonName: v.person.Name}, r.PostFormValue("note"))
	if apperr.Is(err, apperr.Conflict) || apperr.Is(err, apperr.Invalid) {
		p := ApplicationPage{Page: s.page(r, ""), Event: e, App: a, Actions: exhibit.Actions(a.Status, true)}
		p.Title = p.T("floor.apps.one") + " · " + p.Tx(a.OrgName)
		var ae *apperr.Error
		errors.As(err, &ae)
		p.Message, _ = p.reason(ae.Message)
		if len(ae.Fields) > 0 {
			p.Message = p.T("form.fix") + " " + strings.Join(slices.Collect(maps.Values(translateFields(p.Page, ae.Fields))), " ")
		}
		return s.render(w, statusOf(err), "floor_app", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/applications/%d?done=1", e.ID, a.ID), http.StatusSeeOther)
	return nil
}

// Pref is the i-th preferred booth of the form, or "".
func (p ApplyPage) Pref(i int) string {
	if i < len(p.Form.Preferred) {
		return p.Form.Preferred[i]
	}
	return ""
}
