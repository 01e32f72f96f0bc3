package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"time"
	"unicode"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/meeting"
	"ketnoi/internal/outbox"
	"ketnoi/internal/schedule"
)

// SchedulePage is the viewer's personal schedule at an event.
type SchedulePage struct {
	Page
	Event   event.Event
	Entries []meeting.Entry
	Rows    []MeetingRow
	// Next is the first scheduled meeting whose time is not over: on the
	// day, the one to walk to; NextBegun says its time has come, so that
	// it can be checked in from here.
	Next      *MeetingRow
	NextBegun bool
	Notice    string
	// Waiting counts the viewer's accepted meetings the organizer has not
	// scheduled yet: not on the schedule, but not lost either.
	Waiting int
}

// nextMeeting is the first of rows (in time order) that is scheduled and
// whose slot has not ended at now, with that slot; nil when none is.
func nextMeeting(rows []MeetingRow, slots []meeting.Slot, now time.Time) (*MeetingRow, meeting.Slot) {
	for i, r := range rows {
		if s, ok := meeting.FindSlot(slots, r.Slot); ok && r.Status == meeting.Scheduled && s.Ends.After(now) {
			return &rows[i], s
		}
	}
	return nil, meeting.Slot{}
}

// viewerMeetings reads the meetings of the viewer's organizations at an
// event, once for everything a schedule page shows of them.
func (m *matchWeb) viewerMeetings(r *http.Request, eventID int64) ([]meeting.View, error) {
	v := viewerOf(r)
	ids := make([]int64, 0, len(v.orgs))
	for id := range v.orgs {
		ids = append(ids, id)
	}
	return m.s.db.MeetingsOfOrgs(r.Context(), eventID, ids)
}

// waitingToSchedule counts the accepted meetings of all that have no time
// yet.
func waitingToSchedule(all []meeting.View) int {
	n := 0
	for _, mv := range all {
		if mv.Status == meeting.Accepted {
			n++
		}
	}
	return n
}

// personalMeetings keeps the scheduled, held and missed meetings of all,
// in slot order.
func personalMeetings(all []meeting.View) []meeting.View {
	var out []meeting.View
	for _, mv := range all {
		switch mv.Status {
		case meeting.Scheduled, meeting.Held, meeting.NoShow:
			out = append(out, mv)
		}
	}
	slices.SortStableFunc(out, func(a, b meeting.View) int {
		return compareSlots(a.Slot, b.Slot)
	})
	return out
}

// compareSlots orders slot ids "d<day>-<hhmm>" by day number, then time.
func compareSlots(a, b string) int {
	da, ta := splitSlot(a)
	db, tb := splitSlot(b)
	if da != db {
		return da - db
	}
	switch {
	case ta < tb:
		return -1
	case ta > tb:
		return 1
	}
	return 0
}

func splitSlot(s string) (int, string) {
	var day int
	var hm string
	if _, err := fmt.Sscanf(s, "d%d-%s", &day, &hm); err != nil {
		return 0, s
	}
	return day, hm
}

// sheet writes the viewer's schedule in their language, from the meetings
// of their organizations at the event (viewerMeetings).
func (m *matchWeb) sheet(r *http.Request, e event.Event, slots []meeting.Slot, p Page, all []meeting.View) (meeting.Sheet, []MeetingRow) {
	vs := personalMeetings(all)
	v := viewerOf(r)
	sh := meeting.Sheet{Title: p.T("schedule.title") + " · " + p.Tx(e.Name), Subtitle: v.person.Name,
		Heads: [4]string{p.T("schedule.when"), p.T("schedule.where"), p.T("schedule.with"), p.T("schedule.status")},
		Zone:  slotZone(slots), Host: hostOnly(r.Host), DayLayout: pdfDayLayout[p.Lang]}
	var rows []MeetingRow
	for _, mv := range vs {
		s, ok := meeting.FindSlot(slots, mv.Slot)
		if !ok {
			continue
		}
		own := mv.FromOrg
		if _, member := v.orgs[own]; !member {
			own = mv.ToOrg
		}
		row := m.row(p, slots, own, mv)
		rows = append(rows, row)
		sh.Entries = append(sh.Entries, meeting.Entry{MeetingID: mv.ID, Starts: s.Starts, Ends: s.Ends, Where: row.Where,
			With: pdfText(p.Lang, row.Other.Name), Status: row.StatusLabel, Note: mv.Message})
	}
	return sh, rows
}

// pdfDayLayout writes a meeting's day on the schedule PDF as each language
// reads a short date (Korean month/day with Latin digits, which every
// font of the PDF has).
var pdfDayLayout = map[i18n.Lang]string{i18n.VI: "02/01", i18n.EN: "Jan 2", i18n.KO: "1/2"}

// pdfText picks a name for documents: Korean text needs a Hangul font,
// which a server may lack; another language's name stands in then.
func pdfText(lang i18n.Lang, t i18n.Text) string {
	s := t.In(lang)
	if meeting.HasHangulFont() || !hasHangul(s) {
		return s
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.VI} {
		if alt := t.In(l); !hasHangul(alt) {
			return alt
		}
	}
	return s
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// hostOnly drops the port of a Host header, for iCalendar UIDs.
func hostOnly(h string) string {
	if host, _, err := net.SplitHostPort(h); err == nil {
		return host
	}
	return h
}

func slotZone(slots []meeting.Slot) *time.Location {
	if len(slots) > 0 {
		return slots[0].Starts.Location()
	}
	return time.UTC
}

func (m *matchWeb) handleSchedule(w http.ResponseWriter, r *http.Request) error {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return err
	}
	p := SchedulePage{Page: m.s.page(r, ""), Event: e}
	p.Title = p.T("schedule.title") + " · " + p.Tx(e.Name)
	all, err := m.viewerMeetings(r, e.ID)
	if err != nil {
		return err
	}
	sh, rows := m.sheet(r, e, slots, p.Page, all)
	p.Entries, p.Rows, p.Waiting = sh.Entries, rows, waitingToSchedule(all)
	now := m.s.db.Now()
	var next meeting.Slot
	if p.Next, next = nextMeeting(rows, slots, now); p.Next != nil {
		p.NextBegun = meeting.CheckInOpen(next, now)
	}
	p.Notice = doneNotice(p.Page, r)
	return m.s.render(w, http.StatusOK, "schedule", p)
}

func (m *matchWeb) handleSchedulePDF(w http.ResponseWriter, r *http.Request) error {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return err
	}
	all, err := m.viewerMeetings(r, e.ID)
	if err != nil {
		return err
	}
	sh, _ := m.sheet(r, e, slots, m.s.page(r, ""), all)
	var b bytes.Buffer
	if err := meeting.WritePDF(&b, sh); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="schedule-`+e.Slug+`.pdf"`)
	_, err = w.Write(b.Bytes())
	return err
}

func (m *matchWeb) handleScheduleICS(w http.ResponseWriter, r *http.Request) error {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return err
	}
	all, err := m.viewerMeetings(r, e.ID)
	if err != nil {
		return err
	}
	sh, _ := m.sheet(r, e, slots, m.s.page(r, ""), all)
	if len(sh.Entries) == 0 {
		// iCalendar requires at least one component: an empty file would
		// not be valid.
		return apperr.Errorf(apperr.NotFound, "You have no scheduled meeting at this event yet.")
	}
	b, err := meeting.ICS(sh, m.s.db.Now())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="schedule-`+e.Slug+`.ics"`)
	_, err = w.Write(b)
	return err
}

// Mail.

type mailKind string

const (
	mailScheduled mailKind = "scheduled"
	mailMoved     mailKind = "moved"
	mailReminder  mailKind = "reminder"
	mailCancelled mailKind = "cancelled"
	// mailUnscheduled: a run could not keep the meeting (a side became
	// unavailable and no other time was free); it waits for the next run.
	mailUnscheduled mailKind = "unscheduled"
)

// mailChange tells the people of both sides who asked and who answered
// that a meeting was scheduled, moved or cancelled, each in their language.
// A mail that cannot be sent is logged; the change itself stands.
func (m *matchWeb) mailChange(r *http.Request, e event.Event, slots []meeting.Slot, v meeting.View, kind mailKind, oldSlot string) {
	m.mailTo(r.Context(), e, slots, v, kind, oldSlot, hostOnly(r.Host))
}

// meetingPeople is whom a meeting's mail goes to: the person who asked,
// and the one who answered for the other side — or, when nobody has
// answered for it (a meeting placed by the organizer), that side's
// members; each once.
func (m *matchWeb) meetingPeople(ctx context.Context, v meeting.View) []int64 {
	people := []int64{v.RequestedBy, v.AnsweredBy}
	if v.AnsweredBy == 0 {
		members, err := m.s.db.OrgMemberIDs(ctx, v.ToOrg)
		if err != nil {
			m.s.log.Warn("meeting mail: no members", "org", v.ToOrg, "err", err)
		}
		people = append(people, members...)
	}
	var out []int64
	for _, pid := range people {
		if pid != 0 && !slices.Contains(out, pid) {
			out = append(out, pid)
		}
	}
	return out
}

func (m *matchWeb) mailTo(ctx context.Context, e event.Event, slots []meeting.Slot, v meeting.View, kind mailKind, oldSlot, host string) {
	for _, pid := range m.meetingPeople(ctx, v) {
		person, err := m.s.db.Person(ctx, pid)
		if err != nil {
			m.s.log.Warn("meeting mail: no person", "person", pid, "err", err)
			continue
		}
		p := m.s.mailPage(person.Lang)
		other := v.From // the answering side meets the requesting one, and back
		if pid == v.RequestedBy {
			other = v.To
		}
		with := other.Name.In(p.Lang)
		msg := mail.Message{To: []string{person.Email}}
		if kind == mailReminder {
			msg.Subject = p.T("mail.meeting.reminder.subject", with, startOf(slots, v.Slot))
		} else {
			msg.Subject = p.T("mail.meeting."+string(kind)+".subject", with)
		}
		when, where := slotLabel(p, slots, v.Slot), whereLabel(p, v.Location)
		switch kind {
		case mailScheduled:
			msg.Text = p.T("mail.meeting.scheduled.body", person.Name, with, p.Tx(e.Name), when, where)
		case mailMoved:
			msg.Text = p.T("mail.meeting.moved.body", person.Name, with, p.Tx(e.Name), slotLabel(p, slots, oldSlot), when, where)
		case mailReminder:
			msg.Text = p.T("mail.meeting.reminder.body", person.Name, with, p.Tx(e.Name), when, where)
			if v.Message != "" {
				msg.Text += "\n\n" + p.T("mail.meeting.reminder.note", v.Message)
			}
			msg.Text += "\n\nketnoi"
		case mailCancelled:
			reason := "" // the other side's words, on a line of their own
			if v.Reason != "" {
				reason = "\n\n" + p.T("mail.meeting.cancelled.reason", v.Reason)
			}
			msg.Text = p.T("mail.meeting.cancelled.body", person.Name, with, p.Tx(e.Name), reason)
		case mailUnscheduled:
			msg.Text = p.T("mail.meeting.unscheduled.body", person.Name, with, p.Tx(e.Name), slotLabel(p, slots, oldSlot))
		}
		msg.Text = m.s.withLink(p, msg.Text, "/events/"+itoa(e.ID)+"/schedule")
		if kind == mailScheduled || kind == mailMoved {
			if s, ok := meeting.FindSlot(slots, v.Slot); ok {
				sh := meeting.Sheet{Title: p.Tx(e.Name), Host: host, Entries: []meeting.Entry{{MeetingID: v.ID, Starts: s.Starts, Ends: s.Ends,
					Where: where, With: with, Status: p.T("meeting.status.scheduled"), Note: v.Message}}}
				if ics, err := meeting.ICS(sh, m.s.db.Now()); err == nil {
					msg.Attachments = []mail.Attachment{{Name: "meeting-" + strconv.FormatInt(v.ID, 10) + ".ics", ContentType: "text/calendar", Data: ics}}
				}
			}
		}
		if err := m.s.mail.Send(outbox.ForEvent(ctx, e.ID), msg); err != nil {
			m.s.log.Warn("meeting mail not sent", "meeting", v.ID, "to", person.Email, "err", err)
		}
	}
}

// startOf is the time a slot begins, "09:00".
func startOf(slots []meeting.Slot, id string) string {
	if s, ok := meeting.FindSlot(slots, id); ok {
		return s.Start
	}
	return id
}

// Console.

// ConsoleMeetingsPage is the organizer's matchmaking console: settings,
// the scheduler, and the table plan of a day.
type ConsoleMeetingsPage struct {
	Page
	Event    event.Event
	Settings meeting.Settings
	Counts   []Count
	Run      *RunView
	Days     []string
	Day      string
	Slots    []meeting.Slot
	Plan     []PlanRow
	Slot     string
	Running  []MeetingRow
	Fields   map[string]string
	LastRun  string
	Notice   string
	Places   []Choice // the plan's tables and booths, suggested when moving
	// MoveError says why the organizer's move of a meeting was refused.
	MoveError map[int64]string
	// Alert says why an action wrote nothing when no form of the page can
	// say it: a scheduler run, a move of a meeting not in the list.
	Alert string
	// Ended holds the day's slots that are over: a move there would be
	// refused (meeting.ErrSlotOver), so the move form does not offer them.
	Ended map[string]bool
	// Absentees are the organizations recorded absent from meetings, the
	// most missed first.
	Absentees []meeting.Absentee
}

// NoShowChoice is what the table plan's no-show buttons of a meeting
// read: the page and the meeting.
type NoShowChoice struct {
	Console ConsoleMeetingsPage
	Row     MeetingRow
}

// NoShowChoices hands a meeting of the running list to the no-show
// buttons' template.
func (p ConsoleMeetingsPage) NoShowChoices(row MeetingRow) NoShowChoice {
	return NoShowChoice{Console: p, Row: row}
}

// Absence says who did not come to a meeting of the plan ("" unless it
// is a no-show).
func (p ConsoleMeetingsPage) Absence(v *meeting.View) string { return absence(p.Page, *v) }

// Choice is a value a form suggests, with its label.
type Choice struct{ Value, Label string }

// RunView is what a scheduler run did.
type RunView struct {
	Scheduled, Moved, Unplaced, Kept int
	Left                             []LeftView
	MoreLeft                         int // left meetings not listed (see the Excel list)
	Objective                        schedule.Objective
	Took                             string
	At                               string // when it ran, in the event's time
}

// LeftView is a meeting the run could not place.
type LeftView struct {
	Meeting meeting.View
	Reason  string
}

// PlanRow is one table or booth across a day's slots.
type PlanRow struct {
	Where string
	Cells []*meeting.View
}

func (m *matchWeb) consolePage(r *http.Request) (ConsoleMeetingsPage, []meeting.View, []meeting.Slot, error) {
	e, slots, err := m.eventSlots(r)
	if err != nil {
		return ConsoleMeetingsPage{}, nil, nil, err
	}
	p := ConsoleMeetingsPage{Page: m.s.page(r, ""), Event: e, Days: e.Days()}
	if len(slots) > 0 {
		p.zone = slotZone(slots)
	}
	p.Title = p.T("console.meetings") + " · " + p.Tx(e.Name)
	if p.Settings, err = m.s.db.MatchSettings(r.Context(), e.ID); err != nil {
		return p, nil, nil, err
	}
	if p.Settings.LastRun != nil {
		p.LastRun = p.Clock(*p.Settings.LastRun) + " " + p.Page.Day(*p.Settings.LastRun)
	}
	all, err := m.s.db.EventMeetings(r.Context(), e.ID)
	if err != nil {
		return p, nil, nil, err
	}
	tally := map[string]int{}
	for _, v := range all {
		tally[string(v.Status)]++
	}
	p.Counts = counts(tally, func(k string) string { return p.T("meeting.status." + k) }, 0)
	if p.Absentees, err = m.s.db.Absentees(r.Context(), e.ID); err != nil {
		return p, nil, nil, err
	}
	return p, all, slots, nil
}

func (m *matchWeb) handleConsole(w http.ResponseWriter, r *http.Request) error {
	p, all, slots, err := m.consolePage(r)
	if err != nil {
		return err
	}
	if k := r.URL.Query().Get("done"); k == "moved" {
		p.Notice = p.T("console.moved")
	} else {
		p.Notice = doneNotice(p.Page, r) // a check-in or a no-show from the plan
	}
	if err := m.showRun(r, p.Event, &p, all, slots); err != nil {
		return err
	}
	m.fillPlan(r, &p, all, slots)
	return m.s.render(w, http.StatusOK, "schedule_console", p)
}

// fillPlan lays the day's meetings out by location and slot, and lists the
// meetings of the chosen slot (by default the one running now) for
// check-in.
func (m *matchWeb) fillPlan(r *http.Request, p *ConsoleMeetingsPage, all []meeting.View, slots []meeting.Slot) {
	p.Day = r.URL.Query().Get("day")
	if !slices.Contains(p.Days, p.Day) {
		p.Day = ""
		today := m.s.db.Now().In(slotZone(slots)).Format(event.DateLayout)
		if slices.Contains(p.Days, today) {
			p.Day = today
		} else if len(p.Days) > 0 {
			p.Day = p.Days[0]
		}
	}
	now := m.s.db.Now()
	p.Ended = map[string]bool{}
	for _, s := range slots {
		if s.Day == p.Day {
			p.Slots = append(p.Slots, s)
			p.Ended[s.ID] = !s.Ends.After(now)
		}
	}
	p.Slot = r.URL.Query().Get("slot")
	if _, ok := meeting.FindSlot(p.Slots, p.Slot); !ok {
		p.Slot = ""
		now := m.s.db.Now()
		for _, s := range p.Slots {
			if !now.Before(s.Starts) && now.Before(s.Ends) {
				p.Slot = s.ID
			}
		}
		if p.Slot == "" && len(p.Slots) > 0 {
			p.Slot = p.Slots[0].ID
		}
	}
	col := map[string]int{}
	for i, s := range p.Slots {
		col[s.ID] = i
	}
	rowOf := map[string]int{}
	var locs []string
	for i := 1; i <= p.Settings.Tables; i++ {
		locs = append(locs, meeting.TableID(i))
	}
	for _, v := range all {
		if _, ok := col[v.Slot]; ok && v.Location != "" && !slices.Contains(locs, v.Location) {
			locs = append(locs, v.Location)
		}
	}
	for i, l := range locs {
		p.Places = append(p.Places, Choice{Value: l, Label: whereLabel(p.Page, l)})
		rowOf[l] = i
		p.Plan = append(p.Plan, PlanRow{Where: whereLabel(p.Page, l), Cells: make([]*meeting.View, len(p.Slots))})
	}
	for i := range all {
		v := &all[i]
		c, ok := col[v.Slot]
		if !ok || v.Location == "" {
			continue
		}
		switch v.Status {
		case meeting.Scheduled, meeting.Held, meeting.NoShow:
			p.Plan[rowOf[v.Location]].Cells[c] = v
			if v.Slot == p.Slot {
				p.Running = append(p.Running, m.row(p.Page, slots, v.FromOrg, *v))
			}
		}
	}
	// Tables unused all day are dropped from the plan past the first ten,
	// so that a large hall stays readable on a phone.
	kept := p.Plan[:0]
	for i, row := range p.Plan {
		used := slices.ContainsFunc(row.Cells, func(c *meeting.View) bool { return c != nil })
		if used || i < 10 {
			kept = append(kept, row)
		}
	}
	p.Plan = kept
}

func (m *matchWeb) handleSettings(w http.ResponseWriter, r *http.Request) error {
	e, _, err := m.s.loadEvent(r)
	if err != nil {
		return err
	}
	set, err := m.s.db.MatchSettings(r.Context(), e.ID)
	if err != nil {
		return err
	}
	fields := map[string]string{}
	n, err := strconv.Atoi(r.PostFormValue("tables"))
	if err != nil || n < 0 || n > meeting.MaxTables {
		fields["tables"] = "console.tables_invalid"
	}
	set.Tables = n
	inUse, err := m.highestTableInUse(r, e.ID)
	if err != nil {
		return err
	}
	if _, bad := fields["tables"]; !bad && n < inUse {
		// Fewer tables would leave meetings at tables the plan no longer
		// has: they must be moved first.
		fields["tables"] = "console.tables_in_use"
	}
	// A form without the reminder keeps it.
	if _, ok := r.PostForm["remind"]; ok {
		minutes, err := strconv.Atoi(r.PostFormValue("remind"))
		if err != nil || minutes < 0 || minutes > meeting.MaxRemindMinutes {
			fields["remind"] = "console.remind_invalid"
		}
		set.RemindMinutes = minutes
	}
	// Likewise the limit of open requests per organization.
	if _, ok := r.PostForm["max_requests"]; ok {
		most, err := strconv.Atoi(r.PostFormValue("max_requests"))
		if err != nil || most < 0 || most > meeting.MaxRequestLimit {
			fields["max_requests"] = "console.max_requests_invalid"
		}
		set.MaxRequests = most
	}
	if len(fields) > 0 {
		p, all, slots, perr := m.consolePage(r)
		if perr != nil {
			return perr
		}
		m.fillPlan(r, &p, all, slots)
		p.Fields = map[string]string{}
		for k, key := range fields {
			p.Fields[k] = p.T(key, meeting.MaxTables, meeting.MaxRemindMinutes, meeting.MaxRequestLimit, inUse)
		}
		return m.s.render(w, http.StatusUnprocessableEntity, "schedule_console", p)
	}
	if err := m.s.db.SaveMatchSettings(r.Context(), set); err != nil {
		return err
	}
	http.Redirect(w, r, "/console/events/"+itoa(e.ID)+"/meetings", http.StatusSeeOther)
	return nil
}

// highestTableInUse is the highest table number holding a scheduled
// meeting at the event, 0 when none does.
func (m *matchWeb) highestTableInUse(r *http.Request, eventID int64) (int, error) {
	ms, err := m.s.db.EventMeetings(r.Context(), eventID, meeting.Scheduled)
	if err != nil {
		return 0, err
	}
	most := 0
	for _, mv := range ms {
		if n, ok := meeting.TableNumber(mv.Location); ok {
			most = max(most, n)
		}
	}
	return most, nil
}

// schedulerTime bounds one run; the search returns its best schedule when
// the time is up.
const schedulerTime = 20 * time.Second

// handleRunScheduler runs the scheduler, keeps what the run did and
// answers with a redirect to the console showing it: reloading that page
// shows the run again instead of running it again.
func (m *matchWeb) handleRunScheduler(w http.ResponseWriter, r *http.Request) error {
	e, v, err := m.s.loadEvent(r)
	if err != nil {
		return err
	}
	_, run, err := m.runAndMail(r, e, v)
	if errors.Is(err, meeting.ErrPlanChanged) {
		p, all, slots, perr := m.consolePage(r)
		if perr != nil {
			return perr
		}
		p.Alert = p.T("console.plan_changed")
		m.fillPlan(r, &p, all, slots)
		return m.s.render(w, http.StatusConflict, "schedule_console", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/meetings?run=%d#run-result", e.ID, run.ID), http.StatusSeeOther)
	return nil
}

// runAndMail runs the scheduler, mails both sides of each change and
// stores what the run did.
func (m *matchWeb) runAndMail(r *http.Request, e event.Event, v event.Venue) (meeting.Outcome, meeting.Run, error) {
	out, took, err := m.runScheduler(r, e, v)
	if err != nil {
		return out, meeting.Run{}, err
	}
	all, err := m.s.db.EventMeetings(r.Context(), e.ID)
	if err != nil {
		return out, meeting.Run{}, err
	}
	m.mailRun(r, e, meeting.Slots(e.Days(), event.Zone(v.TimeZone)), out, meetingsByID(all))
	run := meeting.RunOf(e.ID, out, m.s.db.Now(), took)
	err = m.s.db.SaveSchedulerRun(r.Context(), &run)
	return out, run, err
}

// showRun fills the console with a kept run's summary; the meetings it
// left that are still waiting are listed with why, as things stand now.
// An unknown run (of another event, or one no longer kept) shows nothing.
func (m *matchWeb) showRun(r *http.Request, e event.Event, p *ConsoleMeetingsPage, all []meeting.View, slots []meeting.Slot) error {
	id, err := strconv.ParseInt(r.URL.Query().Get("run"), 10, 64)
	if err != nil || id <= 0 {
		return nil
	}
	run, err := m.s.db.SchedulerRun(r.Context(), e.ID, id)
	if apperr.CodeOf(err) == apperr.NotFound {
		return nil
	}
	if err != nil {
		return err
	}
	byID := meetingsByID(all)
	var left []meeting.Left
	for _, id := range run.Left {
		if mv, ok := byID[id]; ok && mv.Status == meeting.Accepted {
			left = append(left, meeting.Left{MeetingID: id})
		}
	}
	view := &RunView{Scheduled: run.Scheduled, Moved: run.Moved, Unplaced: run.Unplaced, Kept: run.Kept,
		Objective: run.Objective, Took: run.Took.String(), At: p.Clock(run.At) + " " + p.Page.Day(run.At)}
	if err := m.explainLeft(r, e, slots, left, byID, view, p.Page); err != nil {
		return err
	}
	p.Run = view
	return nil
}

// meetingsByID indexes an event's meetings by id.
func meetingsByID(all []meeting.View) map[int64]meeting.View {
	out := make(map[int64]meeting.View, len(all))
	for _, mv := range all {
		out[mv.ID] = mv
	}
	return out
}

// runScheduler runs the scheduler over the event's accepted requests, from
// now on, within schedulerTime.
func (m *matchWeb) runScheduler(r *http.Request, e event.Event, v event.Venue) (meeting.Outcome, time.Duration, error) {
	ctx, cancel := context.WithTimeout(r.Context(), schedulerTime)
	defer cancel()
	start := time.Now()
	out, err := meeting.RunScheduler(ctx, m.s.db, e.ID, e.Days(), event.Zone(v.TimeZone), m.s.db.Now(), schedule.Options{Seed: 1})
	return out, time.Since(start), err
}

// mailRun mails both sides of each of a run's changes (scheduled, moved,
// unplaced) after the answer: a large run changes thousands of meetings,
// and the organizer should not wait for the mail server. byID holds the
// meetings as they are after the run.
func (m *matchWeb) mailRun(r *http.Request, e event.Event, slots []meeting.Slot, out meeting.Outcome, byID map[int64]meeting.View) {
	var mails []func(ctx context.Context)
	for _, c := range out.Changes {
		mv := byID[c.Meeting.ID]
		old := c.OldSlot
		switch c.Kind {
		case meeting.NewlyScheduled:
			mails = append(mails, func(ctx context.Context) { m.mailTo(ctx, e, slots, mv, mailScheduled, "", hostOnly(r.Host)) })
		case meeting.Moved:
			mails = append(mails, func(ctx context.Context) { m.mailTo(ctx, e, slots, mv, mailMoved, old, hostOnly(r.Host)) })
		case meeting.Unplaced:
			mails = append(mails, func(ctx context.Context) { m.mailTo(ctx, e, slots, mv, mailUnscheduled, old, hostOnly(r.Host)) })
		}
	}
	go func(ctx context.Context) {
		for _, send := range mails {
			send(ctx)
		}
	}(context.WithoutCancel(r.Context()))
}

// RunResult is what the API answers after a scheduler run.
type RunResult struct {
	Scheduled int                `json:"scheduled"` // newly placed
	Moved     int                `json:"moved"`
	Unplaced  int                `json:"unplaced"` // were scheduled, could not keep a place
	Kept      int                `json:"kept"`
	Left      []RunLeft          `json:"left"` // accepted, not placed
	Objective schedule.Objective `json:"objective"`
	TookMS    int64              `json:"took_ms"`
}

// RunLeft is an accepted meeting a run could not place, with the
// scheduler's reason.
type RunLeft struct {
	MeetingID int64  `json:"meeting_id"`
	Reason    string `json:"reason"`
}

func (m *matchWeb) apiRunScheduler(w http.ResponseWriter, r *http.Request) error {
	var in struct{}
	if err := decodeOptional(r, &in); err != nil {
		return err
	}
	e, v, err := m.s.loadEvent(r)
	if err != nil {
		return err
	}
	out, run, err := m.runAndMail(r, e, v)
	if errors.Is(err, meeting.ErrPlanChanged) {
		return apperr.Errorf(apperr.Conflict, "A meeting was moved by hand while the scheduler ran; nothing was written. Run it again.")
	}
	if err != nil {
		return err
	}
	res := RunResult{Scheduled: run.Scheduled, Moved: run.Moved, Unplaced: run.Unplaced, Kept: run.Kept,
		Objective: run.Objective, TookMS: run.Took.Milliseconds(), Left: []RunLeft{}}
	for _, l := range out.Left {
		res.Left = append(res.Left, RunLeft{MeetingID: l.MeetingID, Reason: l.Reason})
	}
	return writeJSON(w, http.StatusOK, res)
}
