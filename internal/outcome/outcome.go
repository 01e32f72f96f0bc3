// Package outcome records what came of a meeting or a marketplace card: a
// follow-up, an NDA, a pilot, a contract, an MoU, a technology transfer, an
// investment — with its value and whether the other side confirmed it. It
// is what the programme is judged by, so a report only counts as verified
// once the partner organization has confirmed it.
//
// It imports no store and no web: the rules here are applied by the web
// layer and kept by the store.
package outcome

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"ketnoi/internal/apperr"
	"ketnoi/internal/meeting"
)

// Kind is what came of it.
type Kind string

const (
	FollowUp     Kind = "follow_up"     // a further meeting or visit agreed
	NDA          Kind = "nda"           // a non-disclosure agreement signed
	Pilot        Kind = "pilot"         // a pilot or a test at a site
	Contract     Kind = "contract"      // a sale or a service contract
	MoU          Kind = "mou"           // a memorandum of understanding
	TechTransfer Kind = "tech_transfer" // a licence or a transfer of technology
	Investment   Kind = "investment"    // money invested
)

// Kinds lists every kind, from the first step to the last.
var Kinds = []Kind{FollowUp, NDA, MoU, Pilot, Contract, TechTransfer, Investment}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Status is how far a report is verified.
type Status string

const (
	Reported  Status = "reported"  // one side said so; waiting for the other
	Confirmed Status = "confirmed" // the partner confirmed it: verified
	Disputed  Status = "disputed"  // the partner says it did not happen so
)

// Statuses lists every status.
var Statuses = []Status{Reported, Confirmed, Disputed}

// Limits on what a report may hold.
const (
	MaxNote = 1000
	// MaxValue is a thousand trillion đồng: more than any deal, small
	// enough that sums of many stay far from overflow.
	MaxValue int64 = 1_000_000_000_000_000
)

// Outcome is one side's report of what came of a meeting or a card with a
// partner organization.
type Outcome struct {
	ID int64 `json:"id"`
	// EventID and MeetingID are set when it came of a meeting at an event.
	EventID   int64 `json:"event_id,omitempty"`
	MeetingID int64 `json:"meeting_id,omitempty"`
	// CardID is the card it came of: the one the meeting was requested
	// from, or the card reported on directly.
	CardID   int64  `json:"card_id,omitempty"`
	Reporter int64  `json:"reporter_org"`
	Partner  int64  `json:"partner_org"`
	Kind     Kind   `json:"kind"`
	Value    int64  `json:"value_vnd"` // đồng; 0 when not told
	Note     string `json:"note"`
	Status   Status `json:"status"`
	// Answer is the partner's reason when it disputes the report.
	Answer     string    `json:"answer,omitempty"`
	ReportedBy int64     `json:"-"`
	AnsweredBy int64     `json:"-"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Party is an organization as lists show it, as a meeting's sides are.
type Party = meeting.Party

// View is an outcome with the names of both organizations.
type View struct {
	Outcome
	ReporterOrg Party `json:"reporter"`
	PartnerOrg  Party `json:"partner"`
}

// Other returns the organization of the outcome that is not org.
func (v View) Other(org int64) Party {
	if v.Reporter == org {
		return v.PartnerOrg
	}
	return v.ReporterOrg
}

// Errors of the rules below, each safe to show.
var (
	ErrNotPartner = apperr.Errorf(apperr.Forbidden, "Only the partner organization answers a report.")
	ErrAnswered   = apperr.Errorf(apperr.Conflict, "This report was already answered.")
	ErrConfirmed  = apperr.Errorf(apperr.Conflict, "A confirmed outcome cannot be withdrawn.")
	ErrDuplicate  = apperr.Errorf(apperr.Conflict, "This outcome is already reported; the other side confirms it instead.")
	ErrNotHeld    = apperr.Errorf(apperr.Conflict, "Only a meeting that is scheduled or took place has an outcome.")
)

// New checks a report and returns it with its status. The reporter and the
// partner must differ; the kind must be known; the value is whole đồng from
// 0 to MaxValue; the note is at most MaxNote characters. Problems come back
// as field errors, all at once.
func New(reporter, partner int64, kind Kind, value int64, note string) (Outcome, error) {
	f := apperr.Fields{}
	note = strings.TrimSpace(note)
	if !kind.Valid() {
		f.Add("kind", "must be one of follow_up, nda, mou, pilot, contract, tech_transfer, investment")
	}
	if value < 0 || value > MaxValue {
		f.Add("value", "must be whole đồng from 0 to 10^15")
	}
	if utf8.RuneCountInString(note) > MaxNote {
		f.Add("note", "must be at most 1000 characters")
	}
	if reporter == 0 {
		f.Add("org", "is required")
	} else if reporter == partner {
		f.Add("org", "must not be the partner organization")
	}
	if err := f.Err(); err != nil {
		return Outcome{}, err
	}
	return Outcome{Reporter: reporter, Partner: partner, Kind: kind, Value: value, Note: note, Status: Reported}, nil
}

// Confirm is the partner's confirmation: the outcome is verified. A
// disputed report may still be confirmed (a change of mind); a confirmed
// one cannot be confirmed again.
func (o *Outcome) Confirm(org, person int64) error {
	if org != o.Partner {
		return ErrNotPartner
	}
	if o.Status == Confirmed {
		return ErrAnswered
	}
	o.Status, o.Answer, o.AnsweredBy = Confirmed, "", person
	return nil
}

// Dispute is the partner's answer that it did not happen as reported, with
// a reason the reporter reads. A confirmed report may be disputed later (a
// deal that fell through), a disputed one not again.
func (o *Outcome) Dispute(org, person int64, reason string) error {
	if org != o.Partner {
		return ErrNotPartner
	}
	if o.Status == Disputed {
		return ErrAnswered
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		// The reporter reads it: a dispute without one explains nothing.
		return apperr.Fields{"reason": "is required"}.Err()
	}
	if utf8.RuneCountInString(reason) > MaxNote {
		return apperr.Fields{"reason": "must be at most 1000 characters"}.Err()
	}
	o.Status, o.Answer, o.AnsweredBy = Disputed, reason, person
	return nil
}

// CanWithdraw reports whether the reporter may still take the report back:
// only while the partner has not confirmed it, so that a verified figure
// never disappears from one side alone.
func (o Outcome) CanWithdraw() error {
	if o.Status == Confirmed {
		return ErrConfirmed
	}
	return nil
}

// Tally is the count and the value of outcomes of one kind.
type Tally struct {
	Kind      Kind  `json:"kind"`
	Reported  int   `json:"reported"`
	Confirmed int   `json:"confirmed"`
	Disputed  int   `json:"disputed"`
	Value     int64 `json:"confirmed_value_vnd"` // of the confirmed ones
}

// Summary counts outcomes by kind, every kind present (zeros included)
// in the order of Kinds, and the totals.
type Summary struct {
	Kinds []Tally `json:"kinds"`
	Total Tally   `json:"total"`
	// Orgs is how many organizations take part in a confirmed outcome.
	Orgs int `json:"organizations"`
}

// Summarize counts outcomes. Only confirmed ones add to the value: a
// figure nobody but the reporter vouches for is not reported as achieved.
func Summarize(os []Outcome) Summary {
	s := Summary{Kinds: make([]Tally, len(Kinds))}
	at := make(map[Kind]int, len(Kinds))
	for i, k := range Kinds {
		s.Kinds[i].Kind = k
		at[k] = i
	}
	orgs := map[int64]bool{}
	for _, o := range os {
		i, ok := at[o.Kind]
		if !ok {
			continue
		}
		t := &s.Kinds[i]
		switch o.Status {
		case Reported:
			t.Reported++
		case Confirmed:
			t.Confirmed++
			t.Value += o.Value
			orgs[o.Reporter], orgs[o.Partner] = true, true
		case Disputed:
			t.Disputed++
		}
	}
	for _, t := range s.Kinds {
		s.Total.Reported += t.Reported
		s.Total.Confirmed += t.Confirmed
		s.Total.Disputed += t.Disputed
		s.Total.Value += t.Value
	}
	s.Orgs = len(orgs)
	return s
}

// errValue is ParseValue's refusal.
var errValue = errors.New("not a whole amount of đồng")

// ParseValue reads an amount of đồng as people type it: "1500000000",
// "1.500.000.000" (Vietnamese grouping), "1,500,000,000", "1 500 000 000",
// with or without "₫", "đ", "VND" or "VNĐ"; "" is 0. Fractions are refused
// (the đồng has none), and so is anything ambiguous such as "1.5" or
// "1,50": groups after the first must have three digits.
func ParseValue(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	for _, unit := range []string{"₫", "VNĐ", "VND", "vnđ", "vnd", "đ", "Đ"} {
		if t, ok := strings.CutSuffix(s, unit); ok {
			s = strings.TrimSpace(t)
			break
		}
	}
	var n int64
	first, group := 0, -1 // digits before the first separator, digits in the current group after it
	sep := rune(0)
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			if n > MaxValue/10 {
				return 0, errValue
			}
			n = n*10 + int64(c-'0')
			if group < 0 {
				first++
			} else if group++; group > 3 {
				return 0, errValue
			}
		case c == '.' || c == ',' || c == ' ' || c == '\u00a0':
			// A separator follows a first group of 1–3 digits or a full
			// group of 3, and is the same one throughout.
			if first == 0 || first > 3 || group >= 0 && group != 3 || sep != 0 && c != sep {
				return 0, errValue
			}
			sep, group = c, 0
		default:
			return 0, errValue
		}
	}
	if first == 0 || group >= 0 && group != 3 || n > MaxValue {
		return 0, errValue
	}
	return n, nil
}
