package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
)

// eventSlots returns an event with its venue zone's meeting slots.
func (m *matchWeb) eventSlots(r *http.Request) (event.Event, []meeting.Slot, error) {
	e, v, err := m.s.loadEvent(r)
	if err != nil {
		return e, nil, err
	}
	return e, meeting.Slots(e.Days(), event.Zone(v.TimeZone)), nil
}

// doneNotice says what an action on a meeting did, from the ?done= its
// redirect carries; "" for none or an unknown one.
func doneNotice(p Page, r *http.Request) string {
	if k := r.URL.Query().Get("done"); k != "" && p.T("meeting.done."+k) != "meeting.done."+k {
		return p.T("meeting.done." + k)
	}
	return ""
}

// slotLabel writes a slot as "10/03/2027 09:00" in the page's language.
func slotLabel(p Page, slots []meeting.Slot, id string) string {
	s, ok := meeting.FindSlot(slots, id)
	if !ok {
		return id
	}
	return p.Date(s.Day) + " " + s.Start + "–" + s.End
}

// whereLabel writes a location: "Bàn T03", "Gian hàng A-101".
func whereLabel(p Page, loc string) string {
	if loc == "" {
		return ""
	}
	if code, ok := meeting.IsBooth(loc); ok {
		return p.T("meeting.at_booth", code)
	}
	return p.T("meeting.at_table", loc)
}

// MeetingRow is a meeting as one of its sides sees it.
type MeetingRow struct {
	meeting.View
	Other     meeting.Party
	Outgoing  bool // this side asked
	CanAnswer bool
	// CanCheckIn: scheduled (or a no-show) and its time has come.
	CanCheckIn bool
	When       string
	Where      string
	Proposed   string
	Wanted     string
	// Outcomes is what either side reported of it.
	Outcomes []outcome.View
	// Card is the title of the published card the request was made from
	// ("" when none), what the meeting is about.
	Card string
	// StatusLabel is the status as this side reads it: of a no-show, that
	// the partner did not come, or that this side did not.
	StatusLabel string
	// Absence says who did not come to a no-show, as the organizer reads
	// it ("" for any other status); FromAbsent and ToAbsent are the sides.
	Absence              string
	FromAbsent, ToAbsent bool
}

// OrgMeetings is one of the viewer's organizations with its meetings.
type OrgMeetings struct {
	Org     org.Organization
	Rows    []MeetingRow
	Unavail map[string]bool
	// Met holds the slots of its scheduled meetings, which the availability
	// form marks: a meeting's time saved busy moves at the next run.
	Met      map[string]bool
	HasBooth bool
	// Sent counts its open requests, shown against the event's limit
	// (Limit, 0 when there is none).
	Sent, Limit int
}

// MeetingsPage is the viewer's meetings at an event: requests to answer,
// requests sent, the schedule, availability.
type MeetingsPage struct {
	Page
	Event event.Event
	Orgs  []OrgMeetings
	Slots []meeting.Slot
	Days  []SlotDay // the slots by day, for the availability form
	// Ahead are the slots not begun yet: the times another may be proposed
	// at (meeting.Propose refuses the others).
	Ahead  []meeting.Slot
	Notice string
	// HasSchedule: a meeting has a time, so the .ics has something in it.
	HasSchedule bool
}

// SlotDay is one day's meeting slots.
type SlotDay struct {
	Day   string
	Slots []meeting.Slot
}

func slotDays(slots []meeting.Slot) []SlotDay {
	var out []SlotDay
	for _, s := range slots {
		if n := len(out); n == 0 || out[n-1].Day != s.Day {
			out = append(out, SlotDay{Day: s.Day})
		}
		out[len(out)-1].Slots = append(out[len(out)-1].Slots, s)
	}
	return out
}

func (m *matchWeb) row(p Page, slots []meeting.Slot, orgID int64, v meeting.View) MeetingRow {
	side, _ := v.SideOf(orgID)
	row := MeetingRow{View: v, Other: v.Other(orgID), Outgoing: side == meeting.Requester,
		When: slotLabel(p, slots, v.Slot), Where: whereLabel(p, v.Location)}
	if v.Slot == "" {
		row.When = ""
	}
	if v.ProposedSlot != "" {
		row.Proposed = slotLabel(p, slots, v.ProposedSlot)
	}
	if v.WantedSlot != "" {
		row.Wanted = slotLabel(p, slots, v.WantedSlot)
	}
	row.StatusLabel = statusLabel(p, v.Meeting, orgID)
	row.Absence = absence(p, v)
	row.FromAbsent, row.ToAbsent = v.AbsentSide(v.FromOrg), v.AbsentSide(v.ToOrg)
	mm := v.Meeting
	row.CanAnswer = mm.CanAnswer(side)
	if s, ok := meeting.FindSlot(slots, v.Slot); ok && (v.Status == meeting.Scheduled || v.Status == meeting.NoShow) {
		now := m.s.db.Now()
		// A side corrects a no-show only while the slot runs (CheckInBySide).
		row.CanCheckIn = meeting.CheckInOpen(s, now) && (v.Status == meeting.Scheduled || now.Before(s.Ends))
	}
	return row
}

// statusLabel is a meeting's status as org's side reads it: a no-show
// where only one side was absent says which, so that the side that came
// does not read that it missed the meeting.
func statusLabel(p Page, m meeting.Meeting, org int64) string {
	if m.Status == meeting.NoShow && !m.BothAbsent() {
		if m.AbsentSide(org) {
			return p.T("meeting.status.no_show_self")
		}
		return p.T("meeting.status.no_show_other")
	}
	return p.T("meeting.status." + string(m.Status))
}

// absence says who did not come to a no-show ("" for any other status),
// naming the side when only one was absent.
func absence(p Page, v meeting.View) string {
	switch {
	case v.Status != meeting.NoShow:
		return ""
	case v.BothAbsent():
		return p.T("meeting.absence.both")
	case v.AbsentSide(v.FromOrg):
		return p.T("meeting.absence.one", p.Tx(v.From.Name))
	}
	return p.T("meeting.absence.one", p.Tx(v.To.Name))
}

func (m *matchWeb) handleMeetings(w http.ResponseWriter, r *http.Request) error {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return err
	}
	p := MeetingsPage{Page: m.s.page(r, ""), Event: e, Slots: slots, Days: slotDays(slots)}
	now := m.s.db.Now()
	for _, s := range slots {
		if s.Starts.After(now) {
			p.Ahead = append(p.Ahead, s)
		}
	}
	p.Title = p.T("meeting.title") + " · " + p.Tx(e.Name)
	p.Notice = doneNotice(p.Page, r)
	orgs, err := m.viewerOrgs(r)
	if err != nil {
		return err
	}
	un, err := m.s.db.Unavailable(r.Context(), e.ID)
	if err != nil {
		return err
	}
	booths, err := m.s.db.MeetingBooths(r.Context(), e.ID)
	if err != nil {
		return err
	}
	set, err := m.s.db.MatchSettings(r.Context(), e.ID)
	if err != nil {
		return err
	}
	cards := map[int64]string{}
	for _, o := range orgs {
		vs, err := m.s.db.MeetingsOfOrgs(r.Context(), e.ID, []int64{o.ID})
		if err != nil {
			return err
		}
		om := OrgMeetings{Org: o, Unavail: map[string]bool{}, Met: map[string]bool{}, HasBooth: len(booths[o.ID]) > 0, Limit: set.MaxRequests}
		for _, s := range un[o.ID] {
			om.Unavail[s] = true
		}
		ids := make([]int64, len(vs))
		for i, v := range vs {
			ids[i] = v.ID
		}
		outs, err := m.s.db.MeetingOutcomes(r.Context(), ids)
		if err != nil {
			return err
		}
		for _, v := range vs {
			row := m.row(p.Page, slots, o.ID, v)
			row.Outcomes = outs[v.ID]
			if row.Card, err = m.cardTitle(r, p.Page, v.CardID, cards); err != nil {
				return err
			}
			om.Rows = append(om.Rows, row)
			switch v.Status {
			case meeting.Scheduled, meeting.Held, meeting.NoShow:
				p.HasSchedule = true
			}
			if v.Status == meeting.Scheduled {
				om.Met[v.Slot] = true
			}
			if v.FromOrg == o.ID && v.Status.Open() {
				om.Sent++
			}
		}
		p.Orgs = append(p.Orgs, om)
	}
	return m.s.render(w, http.StatusOK, "meetings", p)
}

// NewMeetingPage is the form that requests a meeting.
type NewMeetingPage struct {
	Page
	Event   event.Event
	To      org.Organization
	From    []org.Organization
	FromID  int64
	CardID  int64
	Origin  string
	Booth   bool // one side has a booth at the event
	Place   string
	Text    string
	Fields  map[string]string
	Message string
	NoOrgs  bool
	Over    bool // the event is over: no form
	// About is the title of the card the request comes from.
	About string
	// OpenWith names the viewer's organization that already has an open
	// request with this one at the event: a second would be refused.
	OpenWith string
	// Absent: the organization asked does not take part in the event (no
	// stand, nobody registered): the request may go, but it is said.
	Absent bool
}

func (m *matchWeb) newMeetingPage(r *http.Request, e event.Event, toID int64) (NewMeetingPage, error) {
	p := NewMeetingPage{Page: m.s.page(r, ""), Event: e}
	p.Title = p.T("meeting.request")
	to, err := m.s.db.Organization(r.Context(), toID)
	if apperr.Is(err, apperr.NotFound) {
		return p, apperr.Fields{"to": "names no organization"}.Err()
	}
	if err != nil {
		return p, err
	}
	to.Email, to.Phone = "", ""
	p.To = to
	if p.From, err = m.viewerOrgs(r); err != nil {
		return p, err
	}
	p.NoOrgs = len(p.From) == 0
	booths, err := m.s.db.MeetingBooths(r.Context(), e.ID)
	if err != nil {
		return p, err
	}
	p.Booth = len(booths[toID]) > 0
	for _, o := range p.From {
		p.Booth = p.Booth || len(booths[o.ID]) > 0
	}
	p.Place = string(meeting.Table)
	if len(booths[toID]) > 0 {
		p.Place = string(meeting.Booth)
	}
	return p, nil
}

func formID(r *http.Request, name string) int64 {
	v := r.FormValue(name)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

func (m *matchWeb) handleNewMeeting(w http.ResponseWriter, r *http.Request) error {
	e, venue, err := m.s.loadEvent(r)
	if err != nil {
		return err
	}
	p, err := m.newMeetingPage(r, e, formID(r, "to"))
	if err != nil {
		return err
	}
	if p.Over = m.s.over(e, venue); p.Over {
		p.Message = p.T("event.over_meetings")
	}
	p.CardID, p.Origin = formID(r, "card"), r.FormValue("origin")
	p.FromID = formID(r, "from")
	if err := m.aboutCard(r, &p); err != nil {
		return err
	}
	if err := m.openWith(r, &p); err != nil {
		return err
	}
	there, err := m.s.db.TakesPart(r.Context(), e.ID, []int64{p.To.ID})
	if err != nil {
		return err
	}
	p.Absent = !there[p.To.ID]
	return m.s.render(w, http.StatusOK, "meeting_new", p)
}

// cardTitle is the title of a published card a request was made from, in
// the page's language, "" for none; seen holds the titles read so far.
func (m *matchWeb) cardTitle(r *http.Request, p Page, id int64, seen map[int64]string) (string, error) {
	if id == 0 {
		return "", nil
	}
	if t, ok := seen[id]; ok {
		return t, nil
	}
	c, err := m.s.db.Card(r.Context(), id)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		return "", err
	}
	if err == nil && c.Status == market.Published {
		seen[id] = p.Tx(c.Title)
	}
	return seen[id], nil
}

// aboutCard names the published card of the other side that a request
// comes from and starts the message with it.
func (m *matchWeb) aboutCard(r *http.Request, p *NewMeetingPage) error {
	if p.CardID == 0 {
		return nil
	}
	c, err := m.s.db.Card(r.Context(), p.CardID)
	if apperr.Is(err, apperr.NotFound) {
		return nil
	} else if err != nil {
		return err
	}
	if c.OrgID == p.To.ID && c.Status == market.Published {
		p.About = p.Tx(c.Title)
		p.Text = p.T("meeting.about_card", p.About)
	}
	return nil
}

// openWith finds a request of the viewer's organizations with the other
// side that is still open at the event, so that the form says so before
// anyone types a message the store would refuse (meeting.ErrPairOpen).
func (m *matchWeb) openWith(r *http.Request, p *NewMeetingPage) error {
	ids := make([]int64, 0, len(p.From))
	names := map[int64]string{}
	for _, o := range p.From {
		ids = append(ids, o.ID)
		names[o.ID] = p.Tx(o.Name)
	}
	ms, err := m.s.db.MeetingsOfOrgs(r.Context(), p.Event.ID, ids)
	if err != nil {
		return err
	}
	for _, v := range ms {
		if !v.Status.Open() {
			continue
		}
		switch p.To.ID {
		case v.ToOrg:
			p.OpenWith = names[v.FromOrg]
		case v.FromOrg:
			p.OpenWith = names[v.ToOrg]
		}
		if p.OpenWith != "" {
			return nil
		}
	}
	return nil
}

// errMeetingsOver refuses a meeting request once the event is over.
var errMeetingsOver = apperr.Errorf(apperr.Conflict, "This event is over: it takes no more meeting requests.")

// requestMeeting creates a request from one of the viewer's organizations,
// while the event is not over.
func (m *matchWeb) requestMeeting(r *http.Request, e event.Event, venue event.Venue, mt *meeting.Meeting) error {
	if m.s.over(e, venue) {
		return errMeetingsOver
	}
	eventID := e.ID
	v := viewerOf(r)
	if mt.FromOrg == 0 && len(v.orgs) == 1 {
		for id := range v.orgs {
			mt.FromOrg = id
		}
	}
	if mt.CardID > 0 && mt.ToOrg == 0 {
		// A request from a card goes to the card's organization.
		owner, err := m.s.db.CardOrg(r.Context(), mt.CardID)
		if apperr.Is(err, apperr.NotFound) {
			return apperr.Fields{"card_id": "names no card"}.Err()
		} else if err != nil {
			return err
		}
		mt.ToOrg = owner
		if mt.Origin == "" {
			mt.Origin = meeting.FromCard
		}
	}
	if _, member := v.orgs[mt.FromOrg]; !member && mt.FromOrg > 0 && !v.admin() {
		return apperr.Fields{"from_org": "must be one of your organizations"}.Err()
	}
	mt.EventID, mt.Status, mt.RequestedBy = eventID, meeting.Requested, v.person.ID
	if err := mt.Validate(); err != nil {
		return err
	}
	if _, err := m.s.db.Organization(r.Context(), mt.ToOrg); apperr.Is(err, apperr.NotFound) {
		return apperr.Fields{"to_org": "names no organization"}.Err()
	} else if err != nil {
		return err
	}
	if mt.CardID > 0 {
		if owner, err := m.s.db.CardOrg(r.Context(), mt.CardID); err != nil || owner != mt.ToOrg {
			mt.CardID = 0 // a stale or foreign card link is dropped, not an error
		}
	}
	if err := m.s.db.CreateMeeting(r.Context(), mt); err != nil {
		return err
	}
	m.mailRequest(r, mt.ID)
	return nil
}

func (m *matchWeb) handleRequestMeeting(w http.ResponseWriter, r *http.Request) error {
	e, venue, err := m.s.loadEvent(r)
	if err != nil {
		return err
	}
	mt := meeting.Meeting{FromOrg: formID(r, "from"), ToOrg: formID(r, "to"), CardID: formID(r, "card"),
		Origin: meeting.Origin(r.PostFormValue("origin")), Message: r.PostFormValue("message"), Place: meeting.Place(r.PostFormValue("place"))}
	err = m.requestMeeting(r, e, venue, &mt)
	var ae *apperr.Error
	if errors.As(err, &ae) && (ae.Code == apperr.Invalid || ae.Code == apperr.Conflict) && mt.ToOrg > 0 {
		p, perr := m.newMeetingPage(r, e, mt.ToOrg)
		if perr != nil {
			return err
		}
		p.FromID, p.CardID, p.Origin, p.Text, p.Place = mt.FromOrg, mt.CardID, string(mt.Origin), mt.Message, string(mt.Place)
		p.Fields = translateFields(p.Page, ae.Fields)
		p.Message, _ = p.reason(ae.Message)
		switch {
		case ae.Code == apperr.Invalid:
			p.Message = p.T("form.fix")
		case errors.Is(err, meeting.ErrPairOpen):
			p.Message = p.T("meeting.pair_open")
		case errors.Is(err, errMeetingsOver):
			p.Message, p.Over = p.T("event.over_meetings"), true
		case errors.Is(err, meeting.ErrRequestLimit):
			set, serr := m.s.db.MatchSettings(r.Context(), e.ID)
			if serr != nil {
				return serr
			}
			p.Message = p.T("meeting.request_limit", set.MaxRequests)
		}
		status := http.StatusUnprocessableEntity
		if ae.Code == apperr.Conflict {
			status = http.StatusConflict
		}
		return m.s.render(w, status, "meeting_new", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/events/"+itoa(e.ID)+"/meetings?done=sent", http.StatusSeeOther)
	return nil
}

// change loads a meeting, finds the side the viewer acts for, stores what
// fn did to it and tells the people concerned by mail. Organizers and
// admins who are on neither side act for the side expected to answer.
// Nothing is stored when fn refuses, and a meeting changed meanwhile by
// someone else is a conflict.
func (m *matchWeb) change(r *http.Request, fn func(mt *meeting.Meeting, side meeting.Side, slots []meeting.Slot) error) (event.Event, meeting.View, error) {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return e, meeting.View{}, err
	}
	id, err := pathID(r, "meeting")
	if err != nil {
		return e, meeting.View{}, err
	}
	v0, err := m.s.db.Meeting(r.Context(), e.ID, id)
	if err != nil {
		return e, meeting.View{}, err
	}
	mt, was := v0.Meeting, v0.Status
	v := viewerOf(r)
	side := meeting.Recipient
	if _, ok := v.orgs[mt.FromOrg]; ok {
		side = meeting.Requester
	} else if _, ok := v.orgs[mt.ToOrg]; !ok && mt.Status == meeting.Proposed && mt.ProposedBy == mt.ToOrg {
		side = meeting.Requester
	}
	if err := fn(&mt, side, slots); err != nil {
		return e, v0, err
	}
	if err := m.s.db.SaveMeeting(r.Context(), &mt, was); err != nil {
		return e, v0, err
	}
	after := meeting.View{Meeting: mt, From: v0.From, To: v0.To}
	switch {
	case was == meeting.Scheduled && mt.Status == meeting.Cancelled:
		m.mailChange(r, e, slots, after, mailCancelled, "")
	case mt.Status != was:
		m.mailAnswer(r, e, slots, after)
	}
	return e, after, nil
}

// act is change for the pages: it answers with a redirect to the
// meetings page (or the form's next page) and a notice.
func (m *matchWeb) act(w http.ResponseWriter, r *http.Request, done string, fn func(mt *meeting.Meeting, side meeting.Side, slots []meeting.Slot) error) error {
	e, _, err := m.change(r, fn)
	if err != nil {
		return err
	}
	m.redirectDone(w, r, e, done)
	return nil
}

// redirectDone answers an action on a meeting with a redirect to the
// meetings page (or the form's next page) and the notice done names.
func (m *matchWeb) redirectDone(w http.ResponseWriter, r *http.Request, e event.Event, done string) {
	next := safeNext(r.PostFormValue("next"))
	if next == "/" {
		next = "/events/" + itoa(e.ID) + "/meetings"
	}
	if u, err := url.Parse(next); err == nil {
		next = setQuery(u, "done", done) // the notice, wherever the form came from
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (m *matchWeb) handleAccept(w http.ResponseWriter, r *http.Request) error {
	return m.act(w, r, "accepted", func(mt *meeting.Meeting, side meeting.Side, slots []meeting.Slot) error {
		return mt.Accept(side, viewerOf(r).person.ID, slots, m.s.db.Now())
	})
}

func (m *matchWeb) handleDecline(w http.ResponseWriter, r *http.Request) error {
	return m.act(w, r, "declined", func(mt *meeting.Meeting, side meeting.Side, _ []meeting.Slot) error {
		return mt.Decline(side, viewerOf(r).person.ID, r.PostFormValue("reason"))
	})
}

func (m *matchWeb) handlePropose(w http.ResponseWriter, r *http.Request) error {
	return m.act(w, r, "proposed", func(mt *meeting.Meeting, side meeting.Side, slots []meeting.Slot) error {
		return mt.Propose(side, viewerOf(r).person.ID, r.PostFormValue("slot"), slots, m.s.db.Now())
	})
}

func (m *matchWeb) handleCancel(w http.ResponseWriter, r *http.Request) error {
	return m.act(w, r, "cancelled", func(mt *meeting.Meeting, _ meeting.Side, _ []meeting.Slot) error {
		return mt.Cancel(r.PostFormValue("reason"))
	})
}

func (m *matchWeb) handleCheckIn(w http.ResponseWriter, r *http.Request) error {
	return m.act(w, r, "held", func(mt *meeting.Meeting, _ meeting.Side, slots []meeting.Slot) error {
		return m.checkIn(r, mt, slots)
	})
}

// checkIn checks a meeting in for the viewer: an organizer of its event
// may correct any no-show, one of its sides only while the slot runs.
func (m *matchWeb) checkIn(r *http.Request, mt *meeting.Meeting, slots []meeting.Slot) error {
	if viewerOf(r).organizer(mt.EventID) {
		return mt.CheckIn(m.s.db.Now(), slots)
	}
	return mt.CheckInBySide(m.s.db.Now(), slots)
}

// handleNoShow records a no-show from the table plan: each of its buttons
// names who did not come (absent: an organization's id, or "all"); a form
// without one counts both sides absent, as before the sides were told
// apart. The notice says whether the side that came was spared.
func (m *matchWeb) handleNoShow(w http.ResponseWriter, r *http.Request) error {
	e, v, err := m.change(r, func(mt *meeting.Meeting, _ meeting.Side, _ []meeting.Slot) error {
		return mt.MarkNoShow(absentNamed(mt, r.PostForm["absent"]))
	})
	if err != nil {
		return err
	}
	done := "noshow"
	if !v.BothAbsent() {
		done = "noshow_one"
	}
	m.redirectDone(w, r, e, done)
	return nil
}

// absentNamed reads the form's absent values against a meeting: "all" is
// both its sides; a value that is no number names nobody of the meeting
// (0), which MarkNoShow refuses as it refuses an organization of another.
func absentNamed(mt *meeting.Meeting, vals []string) []int64 {
	var out []int64
	for _, s := range vals {
		if s == "all" {
			out = append(out, mt.FromOrg, mt.ToOrg)
			continue
		}
		id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			id = 0
		}
		out = append(out, id)
	}
	return out
}

func (m *matchWeb) handleAvailability(w http.ResponseWriter, r *http.Request) error {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return err
	}
	orgID, err := pathID(r, "org")
	if err != nil {
		return err
	}
	if _, err := m.s.db.Organization(r.Context(), orgID); err != nil {
		return err
	}
	away, err := awaySlots(slots, r.PostForm["unavailable"])
	if err != nil {
		return err
	}
	if err := m.s.db.SetUnavailable(r.Context(), e.ID, orgID, away); err != nil {
		return err
	}
	done := "availability"
	if met, err := m.metWhenAway(r, e.ID, orgID, away); err != nil {
		return err
	} else if met {
		done = "availability_met"
	}
	http.Redirect(w, r, "/events/"+itoa(e.ID)+"/meetings?done="+done, http.StatusSeeOther)
	return nil
}

// metWhenAway reports whether an organization has a scheduled meeting in
// one of the slots it has just marked busy: the organizer's next run of
// the scheduler moves it (or, with no other time, unschedules it), which
// the organization should know as it saves.
func (m *matchWeb) metWhenAway(r *http.Request, eventID, orgID int64, away []string) (bool, error) {
	vs, err := m.s.db.MeetingsOfOrgs(r.Context(), eventID, []int64{orgID})
	if err != nil {
		return false, err
	}
	for _, v := range vs {
		if v.Status == meeting.Scheduled && slices.Contains(away, v.Slot) {
			return true, nil
		}
	}
	return false, nil
}

// API.

// MeetingInput is what the API accepts to request a meeting.
type MeetingInput struct {
	FromOrg int64          `json:"from_org"`
	ToOrg   int64          `json:"to_org"`
	CardID  int64          `json:"card_id"`
	Origin  meeting.Origin `json:"origin"`
	Message string         `json:"message"`
	Place   meeting.Place  `json:"place"`
}

func (m *matchWeb) apiMeetings(w http.ResponseWriter, r *http.Request) error {
	e, _, err := m.s.loadEvent(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	q := r.URL.Query()
	ids := make([]int64, 0, len(v.orgs))
	for id := range v.orgs {
		ids = append(ids, id)
	}
	if o := q.Get("org"); o != "" {
		id, err := strconv.ParseInt(o, 10, 64)
		if _, member := v.orgs[id]; err != nil || !member {
			return apperr.Fields{"org": "must be one of your organizations"}.Err()
		}
		ids = []int64{id}
	}
	status := meeting.Status(q.Get("status"))
	if status != "" && !slices.Contains(meeting.Statuses, status) {
		return apperr.Fields{"status": "must be one of requested, proposed, accepted, declined, cancelled, scheduled, held, no_show"}.Err()
	}
	vs, err := m.s.db.MeetingsOfOrgs(r.Context(), e.ID, ids)
	if err != nil {
		return err
	}
	if status != "" {
		vs = slices.DeleteFunc(vs, func(x meeting.View) bool { return x.Status != status })
	}
	return writeJSON(w, http.StatusOK, list(vs, len(vs), 0, len(vs)))
}

func (m *matchWeb) apiRequestMeeting(w http.ResponseWriter, r *http.Request) error {
	e, venue, err := m.s.loadEvent(r)
	if err != nil {
		return err
	}
	var in MeetingInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	mt := meeting.Meeting{FromOrg: in.FromOrg, ToOrg: in.ToOrg, CardID: in.CardID, Origin: in.Origin, Message: in.Message, Place: in.Place}
	if err := m.requestMeeting(r, e, venue, &mt); err != nil {
		return err
	}
	v, err := m.s.db.Meeting(r.Context(), e.ID, mt.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, v)
}
