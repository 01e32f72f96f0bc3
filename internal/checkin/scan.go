package checkin

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"ketnoi/internal/badge"
)

// Scan is one badge read as a scanner sends it. ID is made by the client
// (a UUID) so that a resent scan is stored once.
type Scan struct {
	ID        string    `json:"id"`
	Token     string    `json:"token"`
	Point     string    `json:"point"`
	Kind      Kind      `json:"kind"`
	ScannedAt time.Time `json:"scanned_at"`
	// Offline marks a scan the scanner decided alone and queued.
	Offline bool `json:"offline,omitempty"`
	// Code and Registration stand in for Token when gate staff enter a
	// badge by hand (see ByHand): a registration code or badge number
	// typed from a badge the camera cannot read, or a registration picked
	// from a search.
	Code         string `json:"code,omitempty"`
	Registration int64  `json:"registration,omitempty"`
	// Exhibitor, Rating and Note are for kind lead.
	Exhibitor int64  `json:"exhibitor,omitempty"`
	Rating    int    `json:"rating,omitempty"`
	Note      string `json:"note,omitempty"`
}

// Outcome is the answer to one scan.
type Outcome struct {
	ID     string `json:"id"`
	Status string `json:"status"`           // accepted, duplicate, rejected
	Result Result `json:"result,omitempty"` // what is stored: accepted, conflict, forced, rejected
	Reason Reason `json:"reason,omitempty"`
	// RegistrationID and Category name the badge when it was readable.
	RegistrationID int64  `json:"registration_id,omitempty"`
	Category       string `json:"category,omitempty"`
	Inside         int    `json:"inside,omitempty"` // inside now on the list, after this scan
}

// Statuses of an outcome.
const (
	StatusAccepted  = "accepted"
	StatusDuplicate = "duplicate"
	StatusRejected  = "rejected"
	// StatusStale: not decided, nothing stored, because the scanner's
	// rights were checked under an access version that has moved since
	// (see Item.Access); never sent to a client (ErrStaleAccess).
	StatusStale = "stale"
)

// ErrStaleAccess is Record's answer to scans whose scanner's rights were
// checked under an older access version: nothing of them is stored, and
// the caller checks the rights again and records them anew.
var ErrStaleAccess = errors.New("the scanner's rights changed since they were checked")

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// ValidID reports whether id is a UUID in its usual text form.
func ValidID(id string) bool { return uuidRE.MatchString(id) }

// maxCode bounds a typed code: a registration code or badge number is
// about a dozen characters; anything far longer is none.
const maxCode = 40

// ByHand reports whether the scan names its registration by hand, not
// with a badge's signed token.
func (s *Scan) ByHand() bool { return s.Token == "" && (s.Code != "" || s.Registration != 0) }

// Check validates a scan's own fields against now; a scan that fails is
// answered rejected and, without a valid id, not stored.
func (s *Scan) Check(now time.Time) Reason {
	s.ID = strings.ToLower(s.ID)
	s.Note = strings.TrimSpace(s.Note)
	switch {
	case !ValidID(s.ID):
		return ReasonInvalid
	case len(s.Token) > 400 || len(s.Point) > 40 || len(s.Note) > 2000:
		return ReasonInvalid
	case s.Kind != KindCheckin && s.Kind != KindCheckout && s.Kind != KindLead:
		return ReasonInvalid
	case s.ScannedAt.IsZero() || s.ScannedAt.After(now.Add(10*time.Minute)) || s.ScannedAt.Before(now.AddDate(-1, 0, 0)):
		return ReasonInvalid
	case s.Rating < 0 || s.Rating > 5:
		return ReasonInvalid
	case s.Kind == KindLead && s.Exhibitor <= 0:
		return ReasonInvalid
	case s.Kind != KindLead && s.Point == "":
		return ReasonPoint
	case s.Token != "" && (s.Code != "" || s.Registration != 0):
		return ReasonInvalid // a badge and a hand entry at once: which one counts?
	case s.ByHand():
		return s.checkByHand()
	}
	return ""
}

// checkByHand checks a scan entered by hand. Only the server can tell a
// typed code from a wrong one, so such a scan is never made offline; and
// it is for gates only: a lead gives a visitor's contact to an exhibitor,
// which takes the visitor's own badge.
func (s *Scan) checkByHand() Reason {
	switch {
	case s.Offline, s.Kind == KindLead, s.Registration < 0, s.Code != "" && s.Registration != 0:
		return ReasonInvalid
	case len(s.Code) > maxCode:
		return ReasonBadCode
	}
	return ""
}

// Item is a scan ready for the store: its token already verified (or the
// reason it failed), its day in the venue's zone, and who scanned it.
type Item struct {
	EventID   int64
	ScannerID int64
	Scan      Scan
	Claims    badge.Claims
	Refused   Reason // set when the badge or the scan itself is no good
	Day       string
	// Access is the access version under which the scanner's rights were
	// checked from memory; the store compares it with the version inside
	// the scan's transaction (StatusStale when it moved). 0: the rights
	// were read from the database for this request, nothing to compare.
	Access int64
}
