package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
)

// OutcomeFormPage reports what came of a meeting or a card.
type OutcomeFormPage struct {
	Page
	Action string
	Back   string // the page it was opened from
	// Subject says what it came of; Partner is the other organization
	// (empty when the viewer still chooses its side of a meeting).
	Subject string
	Partner string
	Orgs    []org.Organization // the organizations the viewer may report for
	OrgID   int64
	Kinds   []outcome.Kind
	Kind    string
	Value   string
	Note    string
	Fields  map[string]string
	Message string
	// Known lists what is already reported of it, so that nobody reports
	// twice what the other side only needs to confirm; Mine marks the
	// viewer's organizations, which confirm from here what waits for them.
	Known []outcome.View
	Mine  map[int64]bool
	// Closed says why nothing can be reported (no organization, a meeting
	// that did not take place); the form is then not shown.
	Closed string
	// NoOrg: the viewer belongs to no organization at all, so the page
	// links to creating one.
	NoOrg bool
}

// subject is what an outcome is reported of: a meeting or a card, with the
// two organizations the viewer may report for and the partner of each.
type subject struct {
	event   event.Event
	meeting *meeting.View
	card    *market.CardView
	sides   []org.Organization
	partner map[int64]int64 // reporting organization → partner
}

func (o *outcomeWeb) meetingSubject(r *http.Request) (subject, error) {
	e, _, err := o.s.loadEvent(r)
	if err != nil {
		return subject{}, err
	}
	mv, err := inEvent(r, "meeting", o.s.db.Meeting)
	if err != nil {
		return subject{}, err
	}
	sj := subject{event: e, meeting: &mv, partner: map[int64]int64{mv.FromOrg: mv.ToOrg, mv.ToOrg: mv.FromOrg}}
	v := viewerOf(r)
	for _, id := range []int64{mv.FromOrg, mv.ToOrg} {
		if _, member := v.orgs[id]; !member && !v.admin() {
			continue
		}
		og, err := o.s.db.Organization(r.Context(), id)
		if err != nil {
			return sj, err
		}
		sj.sides = append(sj.sides, og)
	}
	return sj, nil
}

func (o *outcomeWeb) cardSubject(r *http.Request) (subject, error) {
	c, err := (&matchWeb{s: o.s}).loadCard(r)
	if err != nil {
		return subject{}, err
	}
	sj := subject{card: &c, partner: map[int64]int64{}}
	orgs, err := (&matchWeb{s: o.s}).viewerOrgs(r)
	if err != nil {
		return sj, err
	}
	for _, og := range orgs {
		if og.ID != c.OrgID {
			sj.sides = append(sj.sides, og)
			sj.partner[og.ID] = c.OrgID
		}
	}
	return sj, nil
}

// form fills the page for a subject; the known reports come from the
// meeting or, for a card, from the viewer's organizations.
func (o *outcomeWeb) form(r *http.Request, sj subject) (OutcomeFormPage, error) {
	p := OutcomeFormPage{Page: o.s.page(r, ""), Kinds: outcome.Kinds, Orgs: sj.sides, Kind: string(outcome.FollowUp), Mine: map[int64]bool{}}
	for _, side := range sj.sides {
		p.Mine[side.ID] = true
	}
	p.Title = p.T("outcome.report")
	if len(sj.sides) > 0 {
		p.OrgID = sj.sides[0].ID
	}
	var known []outcome.View
	var err error
	switch {
	case sj.meeting != nil:
		mv := sj.meeting
		p.Action = "/events/" + itoa(sj.event.ID) + "/meetings/" + itoa(mv.ID) + "/outcomes"
		p.Back = "/events/" + itoa(sj.event.ID) + "/meetings"
		p.Subject = p.T("outcome.of_meeting", p.Tx(mv.From.Name), p.Tx(mv.To.Name), p.Tx(sj.event.Name))
		if len(sj.sides) == 1 {
			p.Partner = p.Tx(mv.Other(sj.sides[0].ID).Name)
		}
		if mv.Status != meeting.Scheduled && mv.Status != meeting.Held {
			p.Closed = p.T("outcome.not_held")
		}
		var by map[int64][]outcome.View
		by, err = o.s.db.MeetingOutcomes(r.Context(), []int64{mv.ID})
		known = by[mv.ID]
	case sj.card != nil:
		c := sj.card
		p.Action = "/market/cards/" + itoa(c.ID) + "/outcomes"
		p.Back = "/market/cards/" + itoa(c.ID)
		p.Subject = p.T("outcome.of_card", p.Tx(c.Title))
		p.Partner = p.Tx(c.Owner.Name)
		if len(sj.sides) == 0 {
			p.Closed = p.T("outcome.no_org")
			p.NoOrg = len(viewerOf(r).orgs) == 0
		}
		for _, side := range sj.sides {
			vs, err := o.s.db.OrgOutcomes(r.Context(), side.ID)
			if err != nil {
				return p, err
			}
			for _, v := range vs {
				if v.CardID == c.ID && v.MeetingID == 0 {
					known = append(known, v)
				}
			}
		}
	}
	p.Known = known
	return p, err
}

func (o *outcomeWeb) handleNewFromMeeting(w http.ResponseWriter, r *http.Request) error {
	return o.showForm(w, r, o.meetingSubject)
}

func (o *outcomeWeb) handleNewFromCard(w http.ResponseWriter, r *http.Request) error {
	return o.showForm(w, r, o.cardSubject)
}

func (o *outcomeWeb) handleReportMeeting(w http.ResponseWriter, r *http.Request) error {
	return o.reportForm(w, r, o.meetingSubject)
}

func (o *outcomeWeb) handleReportCard(w http.ResponseWriter, r *http.Request) error {
	return o.reportForm(w, r, o.cardSubject)
}

// showForm shows the report form for the subject load finds.
func (o *outcomeWeb) showForm(w http.ResponseWriter, r *http.Request, load func(*http.Request) (subject, error)) error {
	sj, err := load(r)
	if err != nil {
		return err
	}
	p, err := o.form(r, sj)
	if err != nil {
		return err
	}
	return o.s.render(w, http.StatusOK, "outcome_form", p)
}

// report checks and stores a report of a subject for one of the
// viewer's sides.
func (o *outcomeWeb) report(r *http.Request, sj subject, reporter int64, kind outcome.Kind, value int64, note string) (outcome.Outcome, error) {
	partner, mine := sj.partner[reporter], false
	for _, side := range sj.sides {
		mine = mine || side.ID == reporter
	}
	if !mine {
		return outcome.Outcome{}, apperr.Fields{"org": "must be your side"}.Err()
	}
	out, err := outcome.New(reporter, partner, kind, value, note)
	if err != nil {
		return out, err
	}
	out.ReportedBy = viewerOf(r).person.ID
	if mv := sj.meeting; mv != nil {
		if mv.Status != meeting.Scheduled && mv.Status != meeting.Held {
			return out, outcome.ErrNotHeld
		}
		out.EventID, out.MeetingID, out.CardID = mv.EventID, mv.ID, mv.CardID
	} else {
		out.CardID = sj.card.ID
	}
	if err := o.s.db.CreateOutcome(r.Context(), &out); err != nil {
		return out, err
	}
	o.mailOutcome(r.Context(), out.ID, mailOutcomeReported, viewerOf(r))
	return out, nil
}

// reportForm stores a report sent from the form for the subject load
// finds, or shows the form again saying what is wrong.
func (o *outcomeWeb) reportForm(w http.ResponseWriter, r *http.Request, load func(*http.Request) (subject, error)) error {
	sj, err := load(r)
	if err != nil {
		return err
	}
	reporter := formID(r, "org")
	if reporter == 0 && len(sj.sides) == 1 {
		reporter = sj.sides[0].ID
	}
	kind, note := outcome.Kind(r.PostFormValue("kind")), r.PostFormValue("note")
	value, verr := outcome.ParseValue(r.PostFormValue("value"))
	if verr != nil {
		err = apperr.Fields{"value": "must be whole đồng from 0 to 10^15"}.Err()
	} else {
		_, err = o.report(r, sj, reporter, kind, value, note)
	}
	if err == nil {
		http.Redirect(w, r, "/outcomes/orgs/"+itoa(reporter)+"?done=reported", http.StatusSeeOther)
		return nil
	}
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != apperr.Invalid && e.Code != apperr.Conflict {
		return err
	}
	p, ferr := o.form(r, sj)
	if ferr != nil {
		return ferr
	}
	p.OrgID, p.Kind, p.Value, p.Note = reporter, string(kind), r.PostFormValue("value"), note
	p.Fields = translateFields(p.Page, e.Fields)
	status := http.StatusUnprocessableEntity
	switch {
	case errors.Is(err, outcome.ErrDuplicate):
		p.Message, status = p.T("outcome.duplicate"), http.StatusConflict
	case errors.Is(err, outcome.ErrNotHeld):
		p.Message, status = p.T("outcome.not_held"), http.StatusConflict
	default:
		p.Message = p.T("form.fix")
	}
	return o.s.render(w, status, "outcome_form", p)
}

// OutcomeRow is an outcome as one organization reads it.
type OutcomeRow struct {
	outcome.View
	Other       outcome.Party
	Ours        bool // this organization reported it
	CanConfirm  bool
	CanDispute  bool
	CanWithdraw bool
}

func outcomeRow(orgID int64, v outcome.View) OutcomeRow {
	row := OutcomeRow{View: v, Other: v.Other(orgID), Ours: v.Reporter == orgID}
	partner := v.Partner == orgID
	row.CanConfirm = partner && v.Status != outcome.Confirmed
	row.CanDispute = partner && v.Status != outcome.Disputed
	row.CanWithdraw = row.Ours && v.CanWithdraw() == nil
	return row
}

// OrgOutcomesPage is an organization's outcomes: what waits for its
// answer first, then the rest, newest first.
type OrgOutcomesPage struct {
	Page
	Org     org.Organization
	Notice  string
	Waiting []OutcomeRow // reported by partners, not yet confirmed
	Rows    []OutcomeRow
	Summary outcome.Summary
	// ToReport are its meetings that took place and that it has said
	// nothing of yet, with the event each was at.
	ToReport []PendingMeeting
}

// PendingMeeting is a meeting that took place with nothing said of it.
type PendingMeeting struct {
	Meeting meeting.View
	Event   event.Event
	With    meeting.Party
	When    string
}

func (o *outcomeWeb) handleOrgOutcomes(w http.ResponseWriter, r *http.Request) error {
	id, vs, err := o.orgOutcomes(r)
	if err != nil {
		return err
	}
	og, err := o.s.db.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	p := OrgOutcomesPage{Page: o.s.page(r, ""), Org: og, Summary: outcome.Summarize(plainOutcomes(vs))}
	p.Title = p.T("outcome.title") + " · " + p.Tx(og.Name)
	if k := r.URL.Query().Get("done"); k != "" && p.T("outcome.done."+k) != "outcome.done."+k {
		p.Notice = p.T("outcome.done." + k)
	}
	if p.ToReport, err = o.toReport(r, p.Page, id); err != nil {
		return err
	}
	for _, v := range vs {
		if row := outcomeRow(id, v); row.CanConfirm && v.Status == outcome.Reported {
			p.Waiting = append(p.Waiting, row)
		} else {
			p.Rows = append(p.Rows, row)
		}
	}
	return o.s.render(w, http.StatusOK, "outcomes", p)
}

// toReport finds an organization's meetings, at any event, that took
// place and that it has said nothing of.
func (o *outcomeWeb) toReport(r *http.Request, p Page, orgID int64) ([]PendingMeeting, error) {
	ms, err := o.s.db.MeetingsTookPlace(r.Context(), orgID)
	if err != nil || len(ms) == 0 {
		return nil, err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	reported, err := o.s.db.MeetingOutcomes(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	events := map[int64]event.Event{}
	slots := map[int64][]meeting.Slot{}
	for _, m := range ms {
		if _, ok := events[m.EventID]; ok {
			continue
		}
		e, err := o.s.db.Event(r.Context(), m.EventID)
		if err != nil {
			return nil, err
		}
		v, err := o.s.db.Venue(r.Context(), e.VenueID)
		if err != nil {
			return nil, err
		}
		events[e.ID], slots[e.ID] = e, meeting.Slots(e.Days(), event.Zone(v.TimeZone))
	}
	ends := func(m meeting.View) (time.Time, bool) {
		s, ok := meeting.FindSlot(slots[m.EventID], m.Slot)
		return s.Ends, ok
	}
	var out []PendingMeeting
	for _, m := range outcome.Pending(ms, reported, ends, o.s.db.Now())[orgID] {
		out = append(out, PendingMeeting{Meeting: m, Event: events[m.EventID], With: m.Other(orgID), When: slotLabel(p, slots[m.EventID], m.Slot)})
	}
	return out, nil
}

func plainOutcomes(vs []outcome.View) []outcome.Outcome {
	out := make([]outcome.Outcome, len(vs))
	for i, v := range vs {
		out[i] = v.Outcome
	}
	return out
}

// answer loads the outcome of the path, lets fn change it and stores it if
// nobody answered meanwhile. The route's policy has made sure the viewer
// answers for the partner (a member, or an admin acting for it), so fn
// answers as the partner.
func (o *outcomeWeb) answer(r *http.Request, fn func(out *outcome.Outcome, person int64) error) (outcome.View, error) {
	v, err := o.pathOutcome(r)
	if err != nil {
		return v, err
	}
	out, was := v.Outcome, v.Status
	if err := fn(&out, viewerOf(r).person.ID); err != nil {
		return v, err
	}
	if err := o.s.db.SaveOutcome(r.Context(), &out, was); err != nil {
		return v, err
	}
	v.Outcome = out
	o.mailOutcome(r.Context(), v.ID, string(out.Status), viewerOf(r))
	return v, nil
}

func (o *outcomeWeb) handleConfirm(w http.ResponseWriter, r *http.Request) error {
	v, err := o.answer(r, func(out *outcome.Outcome, person int64) error { return out.Confirm(out.Partner, person) })
	if err != nil {
		return err
	}
	return o.back(w, r, v.Partner, "confirmed")
}

func (o *outcomeWeb) handleDispute(w http.ResponseWriter, r *http.Request) error {
	v, err := o.answer(r, func(out *outcome.Outcome, person int64) error {
		return out.Dispute(out.Partner, person, r.PostFormValue("reason"))
	})
	if err != nil {
		return err
	}
	return o.back(w, r, v.Partner, "disputed")
}

// pathOutcome reads the outcome the path names.
func (o *outcomeWeb) pathOutcome(r *http.Request) (outcome.View, error) {
	id, err := pathID(r, "outcome")
	if err != nil {
		return outcome.View{}, err
	}
	return o.s.db.Outcome(r.Context(), id)
}

func (o *outcomeWeb) withdraw(r *http.Request) (outcome.View, error) {
	v, err := o.pathOutcome(r)
	if err != nil {
		return v, err
	}
	if err := v.CanWithdraw(); err != nil {
		return v, err
	}
	return v, o.s.db.DeleteOutcome(r.Context(), v.ID, v.Status)
}

func (o *outcomeWeb) handleWithdraw(w http.ResponseWriter, r *http.Request) error {
	v, err := o.withdraw(r)
	if err != nil {
		return err
	}
	return o.back(w, r, v.Reporter, "withdrawn")
}

// back returns to the organization's outcomes with a notice.
func (o *outcomeWeb) back(w http.ResponseWriter, r *http.Request, orgID int64, done string) error {
	http.Redirect(w, r, "/outcomes/orgs/"+itoa(orgID)+"?done="+done, http.StatusSeeOther)
	return nil
}

// OutcomeConsolePage counts an event's outcomes for its organizers.
type OutcomeConsolePage struct {
	Page
	Event   event.Event
	Summary outcome.Summary
	Rows    []outcome.View
	Notice  string // how many were asked what came of their meetings
}

func (o *outcomeWeb) handleConsole(w http.ResponseWriter, r *http.Request) error {
	e, _, err := o.s.loadEvent(r)
	if err != nil {
		return err
	}
	vs, err := o.s.db.EventOutcomes(r.Context(), e.ID)
	if err != nil {
		return err
	}
	p := OutcomeConsolePage{Page: o.s.page(r, ""), Event: e, Summary: outcome.Summarize(plainOutcomes(vs)), Rows: vs}
	p.Title = p.T("outcome.title") + " · " + p.Tx(e.Name)
	q := r.URL.Query()
	if orgs, err := strconv.Atoi(q.Get("asked")); err == nil {
		people, _ := strconv.Atoi(q.Get("people"))
		p.Notice = p.T("outcome.asked", orgs, people)
	}
	return o.s.render(w, http.StatusOK, "outcomes_console", p)
}
