// Package checkin holds the rules of entry: check-in lists (which
// categories on which days, under which rule), gates, scans and their
// outcomes, including scans made offline that arrive late. The decision is
// a pure function (Decide); the store applies it inside the transaction
// that records the scan, so that two scans of one badge never both see the
// badge unused.
package checkin

import (
	"regexp"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
)

// Rule is how often a badge may pass a list's gates.
type Rule string

const (
	OnceTotal  Rule = "once"    // once for the whole event
	OncePerDay Rule = "daily"   // once each day
	Reentry    Rule = "reentry" // again after an exit scan; never twice inside
)

// Kind is what a scan records.
type Kind string

const (
	KindCheckin  Kind = "checkin"
	KindCheckout Kind = "checkout" // an exit scan
	KindLead     Kind = "lead"     // an exhibitor scanning a visitor at the booth
)

// List is a check-in list: the categories and days it admits, its rule,
// and for a forum room its capacity.
type List struct {
	ID         int64    `json:"id"`
	EventID    int64    `json:"event_id"`
	Name       string   `json:"name"`
	Categories []string `json:"categories"` // empty: every category
	Days       []string `json:"days"`       // empty: every day of the event
	Rule       Rule     `json:"rule"`
	RoomID     int64    `json:"room_id,omitempty"`
	Capacity   int      `json:"capacity,omitempty"` // 0: no limit
}

// Validate checks a list.
func (l *List) Validate() error {
	f := apperr.Fields{}
	l.Name = strings.TrimSpace(l.Name)
	if l.Name == "" || len(l.Name) > 120 {
		f.Add("name", "is required, at most 120 characters")
	}
	for _, c := range l.Categories {
		if !event.Category(c).Valid() {
			f.Add("categories", "unknown category "+c)
		}
	}
	for _, d := range l.Days {
		if _, err := time.Parse(event.DateLayout, d); err != nil {
			f.Add("days", "must be dates written YYYY-MM-DD")
		}
	}
	switch l.Rule {
	case OnceTotal, OncePerDay, Reentry:
	default:
		f.Add("rule", "must be once, daily or reentry")
	}
	if l.Capacity < 0 {
		f.Add("capacity", "must not be negative")
	}
	return f.Err()
}

// Covers reports whether the list admits the category on the day.
func (l *List) Covers(category, day string) (bool, Reason) {
	if len(l.Categories) > 0 && !contains(l.Categories, category) {
		return false, ReasonCategory
	}
	if len(l.Days) > 0 && !contains(l.Days, day) {
		return false, ReasonWrongDay
	}
	return true, ""
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Gate is a scanning point: a door, a room entrance. Its code is what
// scanners send as "point".
type Gate struct {
	ID      int64  `json:"id"`
	EventID int64  `json:"event_id"`
	Code    string `json:"code"`
	Name    string `json:"name"`
	Hall    string `json:"hall,omitempty"`
	ListID  int64  `json:"list_id"`
}

var codeRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$`)

// Validate checks a gate.
func (g *Gate) Validate() error {
	f := apperr.Fields{}
	if !codeRE.MatchString(g.Code) {
		f.Add("code", "must be letters, digits, dashes, at most 40")
	}
	if len(g.Name) > 120 || len(g.Hall) > 20 {
		f.Add("name", "is too long")
	}
	if g.ListID <= 0 {
		f.Add("list_id", "is required")
	}
	return f.Err()
}

// Reason says why a scan was refused (or, offline, would have been).
type Reason string

const (
	ReasonMalformed  Reason = "malformed_badge"
	ReasonSignature  Reason = "bad_signature"
	ReasonWrongEvent Reason = "wrong_event"
	ReasonUnknown    Reason = "unknown_registration"
	ReasonBadCode    Reason = "unknown_code" // typed by hand: no registration code or badge number of this event
	ReasonRevoked    Reason = "revoked"
	ReasonCancelled  Reason = "cancelled"
	ReasonWrongDay   Reason = "wrong_day"
	ReasonCategory   Reason = "category_not_allowed"
	ReasonUsed       Reason = "already_used"
	ReasonUsedToday  Reason = "already_used_today"
	ReasonInside     Reason = "already_inside"
	ReasonNotInside  Reason = "not_inside"
	ReasonRoomFull   Reason = "room_full"
	ReasonPoint      Reason = "unknown_point"
	ReasonForbidden  Reason = "forbidden"
	ReasonInvalid    Reason = "invalid_scan"
)

// Result is what the server stored for a scan.
type Result string

const (
	Accepted Result = "accepted"
	Conflict Result = "conflict" // admitted offline while another scan had already admitted the badge
	Forced   Result = "forced"   // admitted offline against a rule: kept, never dropped
	Rejected Result = "rejected"
)

// State is a badge's standing on one list.
type State struct {
	Inside   bool
	Day      string // the day of the last entry
	DayCount int    // entries on Day
	Total    int    // entries in all
}

// InsideOn reports whether the badge is inside on day: everyone is
// checked out automatically when their day ends.
func (s State) InsideOn(day string) bool { return s.Inside && s.Day == day }

// Decide applies a list's rule to a scan of kind on day, given the
// badge's state and how many are inside now. It returns the reason for a
// refusal, "" when the scan passes.
func Decide(l *List, st State, kind Kind, day string, insideNow int) Reason {
	switch kind {
	case KindCheckout:
		if !st.InsideOn(day) {
			return ReasonNotInside
		}
		return ""
	case KindCheckin:
	default:
		return ReasonInvalid
	}
	switch l.Rule {
	case OnceTotal:
		if st.Total > 0 {
			return ReasonUsed
		}
	case OncePerDay:
		if st.Day == day && st.DayCount > 0 {
			return ReasonUsedToday
		}
	case Reentry:
		if st.InsideOn(day) {
			return ReasonInside
		}
	}
	if l.Capacity > 0 && insideNow >= l.Capacity {
		return ReasonRoomFull
	}
	return ""
}

// Apply returns the state after an admitted scan.
func Apply(st State, kind Kind, day string) State {
	if kind == KindCheckout {
		st.Inside = false
		return st
	}
	if st.Day != day {
		st.Day, st.DayCount = day, 0
	}
	st.Inside = true
	st.DayCount++
	st.Total++
	return st
}

// Offline turns a refusal of a scan made offline into what is stored: a
// badge admitted twice before the scanners synced is a conflict; a broken
// rule is forced; a badge that was never valid stays rejected (an offline
// scanner checks signatures and would not have admitted it).
func Offline(r Reason) Result {
	switch r {
	case "":
		return Accepted
	case ReasonUsed, ReasonUsedToday, ReasonInside:
		return Conflict
	case ReasonWrongDay, ReasonCategory, ReasonRevoked, ReasonCancelled, ReasonRoomFull, ReasonNotInside:
		return Forced
	}
	return Rejected
}

// Stats are a day's figures for the live dashboard.
type Stats struct {
	Day        string         `json:"day"`
	Quarters   []Bucket       `json:"quarters"` // arrivals per quarter hour at the venue
	ByGate     map[string]int `json:"by_gate"`
	ByHall     map[string]int `json:"by_hall"`
	ByCategory map[string]int `json:"by_category"`
	Inside     map[string]int `json:"inside"` // list name → inside now
	Admitted   int            `json:"admitted"`
	Conflicts  int            `json:"conflicts"`
	Forced     int            `json:"forced"`
	Rejected   int            `json:"rejected"`
	Exits      int            `json:"exits"`
}

// Bucket is the arrivals in a quarter hour starting at Start ("09:15").
type Bucket struct {
	Start string `json:"start"`
	N     int    `json:"n"`
}
