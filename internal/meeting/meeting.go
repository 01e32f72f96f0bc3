// Package meeting holds B2B meetings between two organizations at an event:
// the request and its answers (accept, decline with a reason, propose
// another time, cancel), each side's availability, the time slots and
// locations (matchmaking tables, exhibitors' booths), the automatic
// scheduling of accepted requests through internal/schedule, and what
// happens on the day (held, no-show).
//
// It imports no store and no web: the service is handed a Store.
package meeting

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
)

// Status is where a meeting stands.
type Status string

const (
	Requested Status = "requested" // waiting for the other side
	Proposed  Status = "proposed"  // a side proposed another time; the other answers
	Accepted  Status = "accepted"  // both agree; waiting for the scheduler
	Declined  Status = "declined"
	Cancelled Status = "cancelled"
	Scheduled Status = "scheduled" // has a slot and a location; kept when the scheduler runs again
	Held      Status = "held"
	NoShow    Status = "no_show"
)

// Open reports whether the meeting may still take place.
func (s Status) Open() bool {
	switch s {
	case Requested, Proposed, Accepted, Scheduled:
		return true
	}
	return false
}

// Statuses lists every status.
var Statuses = []Status{Requested, Proposed, Accepted, Declined, Cancelled, Scheduled, Held, NoShow}

// OpenStatuses lists the statuses of meetings that may still take place.
var OpenStatuses = []Status{Requested, Proposed, Accepted, Scheduled}

// Place is where the requester wants to meet.
type Place string

const (
	Table Place = "table" // a matchmaking table
	Booth Place = "booth" // the exhibitor's booth
)

// Origin is where the request was made from.
type Origin string

const (
	FromRecommendation Origin = "recommendation"
	FromCard           Origin = "card"
	FromProfile        Origin = "profile"
)

// MaxMessage and MaxReason limit free text.
const (
	MaxMessage = 1000
	MaxReason  = 500
)

// Meeting is a request for a meeting between two organizations at an event
// and what became of it.
type Meeting struct {
	ID          int64  `json:"id"`
	EventID     int64  `json:"event_id"`
	FromOrg     int64  `json:"from_org"`
	ToOrg       int64  `json:"to_org"`
	RequestedBy int64  `json:"-"`
	AnsweredBy  int64  `json:"-"`
	CardID      int64  `json:"card_id,omitempty"`
	Origin      Origin `json:"origin,omitempty"`
	Message     string `json:"message"`
	Place       Place  `json:"place"`
	Status      Status `json:"status"`
	// Reason is why it was declined or cancelled.
	Reason string `json:"reason,omitempty"`
	// ProposedSlot is the other time proposed by ProposedBy (an org id).
	ProposedSlot string `json:"proposed_slot,omitempty"`
	ProposedBy   int64  `json:"proposed_by,omitempty"`
	// WantedSlot is the time both agreed on, which the scheduler keeps to.
	WantedSlot  string     `json:"wanted_slot,omitempty"`
	Slot        string     `json:"slot,omitempty"`
	Location    string     `json:"location,omitempty"`
	CheckedInAt *time.Time `json:"checked_in_at,omitempty"`
	// Absent lists the organizations that did not come to a no-show: one
	// side, or both (requester first); empty for any other status.
	Absent    []int64   `json:"absent,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Party is one side of a meeting as lists show it.
type Party struct {
	ID      int64     `json:"id"`
	Name    i18n.Text `json:"name"`
	Country string    `json:"country"`
}

// View is a meeting with the names of both sides.
type View struct {
	Meeting
	From Party `json:"from"`
	To   Party `json:"to"`
}

// Absentee is an organization recorded absent from meetings at an event,
// and from how many: what tells an organizer a reliable participant from
// one that skips its meetings.
type Absentee struct {
	Party
	Missed int `json:"missed"`
}

// Other returns the side of the meeting that is not org.
func (v View) Other(org int64) Party {
	if v.FromOrg == org {
		return v.To
	}
	return v.From
}

// Validate checks a new request.
func (m *Meeting) Validate() error {
	f := apperr.Fields{}
	m.Message = strings.TrimSpace(m.Message)
	if m.FromOrg <= 0 {
		f.Add("from_org", "is required")
	}
	if m.ToOrg <= 0 {
		f.Add("to_org", "is required")
	}
	if m.FromOrg == m.ToOrg && m.FromOrg > 0 {
		f.Add("to_org", "must be another organization than yours")
	}
	if len([]rune(m.Message)) > MaxMessage {
		f.Add("message", "is longer than 1000 characters")
	}
	switch m.Place {
	case Table, Booth:
	case "":
		m.Place = Table
	default:
		f.Add("place", "must be table or booth")
	}
	switch m.Origin {
	case "", FromRecommendation, FromCard, FromProfile:
	default:
		f.Add("origin", "must be recommendation, card or profile")
	}
	return f.Err()
}

// Side is who acts on a meeting.
type Side int

const (
	Requester Side = iota // the organization that asked
	Recipient             // the organization asked
)

// SideOf returns the side org is on, and false when it is on neither.
func (m *Meeting) SideOf(org int64) (Side, bool) {
	switch org {
	case m.FromOrg:
		return Requester, true
	case m.ToOrg:
		return Recipient, true
	}
	return 0, false
}

func (m *Meeting) orgOf(s Side) int64 {
	if s == Requester {
		return m.FromOrg
	}
	return m.ToOrg
}

// answering reports whether side s is the one expected to answer now: the
// recipient of a request, or the side that did not make the last proposal.
// CanAnswer reports whether side s is the one to answer now: the
// recipient of a request, or the side a time was proposed to.
func (m *Meeting) CanAnswer(s Side) bool { return m.answering(s) }

func (m *Meeting) answering(s Side) bool {
	switch m.Status {
	case Requested:
		return s == Recipient
	case Proposed:
		return m.ProposedBy != m.orgOf(s)
	}
	return false
}

func errState(what string, st Status) error {
	se := &StateError{What: what, Status: st}
	return &apperr.Error{Code: apperr.Conflict, Message: se.Error(), Err: se}
}

// StateError is a change refused because of the meeting's status: what
// was asked ("accepted", "checked in" …) and the status the meeting is in,
// kept apart so that a page can say it in its reader's language.
type StateError struct {
	What   string
	Status Status
}

func (e *StateError) Error() string {
	return fmt.Sprintf("This meeting cannot be %s now (it is %s).", e.What, e.Status)
}

// Accept agrees to the request or to the time the other side proposed,
// unless that time has begun by now (ErrSlotBegun).
func (m *Meeting) Accept(s Side, person int64, slots []Slot, now time.Time) error {
	if !m.answering(s) {
		return errState("accepted", m.Status)
	}
	if m.Status == Proposed {
		// A time that has begun cannot be agreed on: both sides would be
		// told of a meeting already past (the proposal waited too long).
		if sl, ok := FindSlot(slots, m.ProposedSlot); ok && !sl.Starts.After(now) {
			return ErrSlotBegun
		}
		m.WantedSlot = m.ProposedSlot
	}
	m.Status = Accepted
	m.answeredBy(s, person)
	return nil
}

// answeredBy records who answered for the recipient side: the person its
// mail goes to from then on. The requesting side answering a time the
// recipient proposed leaves it as it is.
func (m *Meeting) answeredBy(s Side, person int64) {
	if s == Recipient {
		m.AnsweredBy = person
	}
}

// Decline refuses the request (or the proposed time), with a reason.
func (m *Meeting) Decline(s Side, person int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return apperr.Fields{"reason": "is required"}.Err()
	}
	if len([]rune(reason)) > MaxReason {
		return apperr.Fields{"reason": "is longer than 500 characters"}.Err()
	}
	if !m.answering(s) {
		return errState("declined", m.Status)
	}
	m.Status, m.Reason = Declined, reason
	m.answeredBy(s, person)
	return nil
}

// Propose answers with another time: a slot id among slots, not begun by
// now.
func (m *Meeting) Propose(s Side, person int64, slot string, slots []Slot, now time.Time) error {
	if !m.answering(s) {
		return errState("answered", m.Status)
	}
	sl, ok := FindSlot(slots, slot)
	if !ok {
		return apperr.Fields{"slot": "is not a meeting slot of this event"}.Err()
	}
	if !sl.Starts.After(now) {
		return ErrSlotBegun
	}
	m.Status, m.ProposedSlot, m.ProposedBy = Proposed, slot, m.orgOf(s)
	m.answeredBy(s, person)
	return nil
}

// Cancel calls the meeting off, from either side, before it is held.
func (m *Meeting) Cancel(reason string) error {
	reason = strings.TrimSpace(reason)
	if len([]rune(reason)) > MaxReason {
		return apperr.Fields{"reason": "is longer than 500 characters"}.Err()
	}
	if !m.Status.Open() {
		return errState("cancelled", m.Status)
	}
	m.Status, m.Reason = Cancelled, reason
	return nil
}

// CheckInEarly is how long before its slot a meeting can be checked in:
// the two sides often sit down a few minutes early.
const CheckInEarly = 15 * time.Minute

// ErrNotYet refuses a check-in before the meeting's time: a meeting
// marked held counts as having taken place, on the event's public page and
// when its outcomes are asked for.
var ErrNotYet = apperr.Errorf(apperr.Conflict, "This meeting's time has not come: it can be checked in from 15 minutes before it starts.")

// CheckInOpen reports whether a meeting in slot s can be checked in at now.
func CheckInOpen(s Slot, now time.Time) bool { return !now.Before(s.Starts.Add(-CheckInEarly)) }

// CheckIn records that the meeting took place at its table, from
// CheckInEarly before its slot among slots (ErrNotYet before that). A
// meeting recorded as a no-show may still be checked in: the pair came
// late, or the no-show was a slip of the organizer's finger; nobody is
// absent then.
func (m *Meeting) CheckIn(now time.Time, slots []Slot) error {
	if m.Status != Scheduled && m.Status != NoShow {
		return errState("checked in", m.Status)
	}
	if s, ok := FindSlot(slots, m.Slot); ok && !CheckInOpen(s, now) {
		return ErrNotYet
	}
	m.Status, m.CheckedInAt, m.Absent = Held, &now, nil
	return nil
}

// ErrNoShowStands refuses a side's check-in of a meeting the organizer
// recorded as a no-show once its time is over: only the organizer, who
// saw the tables, corrects that record then.
var ErrNoShowStands = apperr.Errorf(apperr.Conflict, "The organizer recorded this meeting as a no-show and its time is over: ask the organizer to correct it.")

// CheckInBySide is a check-in by one of the meeting's sides, not the
// organizer: as CheckIn, but a no-show stands once its slot has ended (a
// pair that came late checks in while the slot runs).
func (m *Meeting) CheckInBySide(now time.Time, slots []Slot) error {
	if m.Status == NoShow {
		if s, ok := FindSlot(slots, m.Slot); ok && !now.Before(s.Ends) {
			return ErrNoShowStands
		}
	}
	return m.CheckIn(now, slots)
}

// MarkNoShow records that the meeting did not take place because the
// organizations absent did not come: one side, or both; none named means
// both, as every no-show counted before the sides were told apart. It
// also corrects a check-in made by mistake, or the side recorded absent
// (the organizer tapped the wrong name).
func (m *Meeting) MarkNoShow(absent []int64) error {
	who, err := m.absentees(absent)
	if err != nil {
		return err
	}
	if m.Status != Scheduled && m.Status != Held && m.Status != NoShow {
		return errState("marked as a no-show", m.Status)
	}
	m.Status, m.CheckedInAt, m.Absent = NoShow, nil, who
	return nil
}

// absentees checks the organizations named absent against the meeting's
// sides and returns them in the meeting's order, requester first, each
// once; none named is both sides.
func (m *Meeting) absentees(named []int64) ([]int64, error) {
	for _, id := range named {
		if _, ok := m.SideOf(id); !ok {
			return nil, errNotInMeeting()
		}
	}
	var out []int64
	for _, id := range []int64{m.FromOrg, m.ToOrg} {
		if len(named) == 0 || slices.Contains(named, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// errNotInMeeting refuses a no-show that names, as absent, an
// organization on neither side of the meeting; a new error each time, as
// its fields are a map.
func errNotInMeeting() error {
	return &apperr.Error{Code: apperr.Invalid, Message: "The absent side must be one of the organizations of this meeting.",
		Fields: apperr.Fields{"absent": "must name an organization of this meeting"}}
}

// AbsentSide reports whether org was recorded absent from this meeting.
func (m *Meeting) AbsentSide(org int64) bool {
	return m.Status == NoShow && slices.Contains(m.Absent, org)
}

// BothAbsent reports whether neither side came to a no-show.
func (m *Meeting) BothAbsent() bool {
	return m.AbsentSide(m.FromOrg) && m.AbsentSide(m.ToOrg)
}

// Why an organizer's move is refused (the store's checks; see MoveTo).
var (
	ErrSideBusy   = apperr.Errorf(apperr.Conflict, "One of the two sides already has a meeting at that time.")
	ErrSideAway   = apperr.Errorf(apperr.Conflict, "One of the two sides is not available at that time.")
	ErrPlaceTaken = apperr.Errorf(apperr.Conflict, "That table or booth is taken at that time.")
	ErrSlotOver   = apperr.Errorf(apperr.Conflict, "That time is over.")
	// ErrSlotBegun refuses proposing, or agreeing on, a time under way or
	// past: both sides would be told of a meeting they cannot hold.
	ErrSlotBegun = apperr.Errorf(apperr.Conflict, "That time has begun: choose a time still to come.")
)

// Why a request is refused (the store's checks, made as it is written).
var (
	ErrPairOpen     = apperr.Errorf(apperr.Conflict, "A meeting between these two organizations is already requested at this event.")
	ErrRequestLimit = apperr.Errorf(apperr.Conflict, "Your organization has as many open requests as this event allows; wait for answers, or withdraw one.")
)

// MoveTo places the meeting, by the organizer's hand, in a slot among
// slots and a location among allowed (AllowedLocations). An accepted
// meeting becomes scheduled; a scheduled one moves. The time both sides
// agreed on, if any, follows, so that the scheduler keeps the new place.
// A slot that has ended at now is refused (ErrSlotOver): both sides
// would be mailed a time already past; the slot under way is allowed, for
// a meeting set up on the spot. Whether both sides and the location are
// free then is the store's check.
func (m *Meeting) MoveTo(slot, location string, slots []Slot, allowed []string, now time.Time) error {
	f := apperr.Fields{}
	s, ok := FindSlot(slots, slot)
	if !ok {
		f["slot"] = "is not a meeting slot of this event"
	}
	if !slices.Contains(allowed, location) {
		f["location"] = "is not a table or booth this meeting may use"
	}
	if len(f) > 0 {
		return f.Err()
	}
	if m.Status != Accepted && m.Status != Scheduled {
		return errState("moved", m.Status)
	}
	if !s.Ends.After(now) {
		return ErrSlotOver
	}
	if m.WantedSlot != "" {
		m.WantedSlot = slot
	}
	m.Status, m.Slot, m.Location = Scheduled, slot, location
	return nil
}

// AllowedLocations lists where a meeting may be held: the exhibitor's
// booths for a booth meeting when there are some (see boothsFor), else the
// event's tables.
func AllowedLocations(m Meeting, tables int, booths map[int64][]string) []string {
	if m.Place == Booth {
		if b := boothsFor(m, booths); len(b) > 0 {
			return b
		}
	}
	out := make([]string, 0, tables)
	for i := 1; i <= tables; i++ {
		out = append(out, TableID(i))
	}
	return out
}

// Slot is a meeting slot of an event.
type Slot struct {
	ID      string    `json:"id"`
	Day     string    `json:"day"`
	Start   string    `json:"start"`
	End     string    `json:"end"`
	Session string    `json:"session"`
	Starts  time.Time `json:"starts_at"`
	Ends    time.Time `json:"ends_at"`
}

// Matchmaking hours: two sessions a day of eight 30-minute slots, 16 a day.
var sessions = []struct {
	name  string
	start int // minutes after midnight
}{{"am", 8*60 + 30}, {"pm", 13*60 + 30}}

const (
	SlotMinutes     = 30
	SlotsPerSession = 8
)

// Slots lists the meeting slots of an event's days, in the venue's zone,
// in chronological order.
func Slots(days []string, loc *time.Location) []Slot {
	var out []Slot
	for di, d := range days {
		date, err := time.ParseInLocation("2006-01-02", d, loc)
		if err != nil {
			continue
		}
		for _, ses := range sessions {
			for k := 0; k < SlotsPerSession; k++ {
				start := ses.start + k*SlotMinutes
				st := date.Add(time.Duration(start) * time.Minute)
				en := st.Add(SlotMinutes * time.Minute)
				out = append(out, Slot{
					ID:      fmt.Sprintf("d%d-%02d%02d", di+1, start/60, start%60),
					Day:     d,
					Start:   st.Format("15:04"),
					End:     en.Format("15:04"),
					Session: fmt.Sprintf("d%d-%s", di+1, ses.name),
					Starts:  st, Ends: en,
				})
			}
		}
	}
	return out
}

// FindSlot returns the slot with this id.
func FindSlot(slots []Slot, id string) (Slot, bool) {
	for _, s := range slots {
		if s.ID == id {
			return s, true
		}
	}
	return Slot{}, false
}

// Location ids: tables are T01, T02 …; booths are "booth-" and the code.
const boothPrefix = "booth-"

// TableID names table n (from 1).
func TableID(n int) string { return fmt.Sprintf("T%02d", n) }

// TableNumber is the number of a table location ("T07" → 7), and false
// for a booth or anything else.
func TableNumber(loc string) (int, bool) {
	if len(loc) < 2 || loc[0] != 'T' {
		return 0, false
	}
	n, err := strconv.Atoi(loc[1:])
	return n, err == nil && n > 0
}

// BoothID names the location of a booth.
func BoothID(code string) string { return boothPrefix + code }

// IsBooth reports whether a location is a booth, and its code.
func IsBooth(loc string) (string, bool) {
	if strings.HasPrefix(loc, boothPrefix) {
		return loc[len(boothPrefix):], true
	}
	return "", false
}

// Settings are an event's matchmaking settings.
type Settings struct {
	EventID int64 `json:"event_id"`
	Tables  int   `json:"tables"`
	// RemindMinutes is how long before a scheduled meeting both sides are
	// reminded by mail; 0: no reminder.
	RemindMinutes int `json:"remind_minutes"`
	// MaxRequests is how many requests one organization may have open
	// (requested, proposed, accepted or scheduled) at the event, counting
	// those it sent; 0: no limit.
	MaxRequests int        `json:"max_requests"`
	LastRun     *time.Time `json:"last_run_at,omitempty"`
}

// DefaultRemindMinutes is the reminder before the organizer sets one;
// MaxRemindMinutes bounds it (a reminder three hours ahead is already a
// schedule, not a reminder).
const (
	DefaultRemindMinutes = 15
	MaxRemindMinutes     = 180
	MaxRequestLimit      = 1000 // the highest MaxRequests an organizer may set
)

// DefaultTables is the number of tables before the organizer sets one.
const DefaultTables = 20

// MaxTables bounds the tables of one event.
const MaxTables = 1000
