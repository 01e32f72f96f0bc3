package checkin

import (
	"crypto/rand"
	"encoding/hex"
	"regexp"
	"strings"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/taxonomy"
)

// Registrant is a registration with what the person gave when registering
// and the state of their badge.
type Registrant struct {
	event.Registration
	Name         string    `json:"name"`
	Email        string    `json:"email"`
	Lang         i18n.Lang `json:"lang"`
	Phone        string    `json:"phone,omitempty"`
	OrgName      string    `json:"organization"`
	Interests    []string  `json:"interests"` // taxonomy sector codes
	Consent      bool      `json:"consent_contact"`
	BadgeVersion int       `json:"badge_version"`
	Days         []string  `json:"days"` // empty: every day
	Anonymized   bool      `json:"anonymized,omitempty"`
	Source       Source    `json:"source,omitempty"`
}

// Source is where a registration was made: organizers count walk-ins
// apart from those who registered ahead.
type Source string

const (
	SourceOnline Source = "online" // the public form or the API
	SourceImport Source = "import" // a delegates' file
	SourceDesk   Source = "desk"   // a walk-in at the help desk
	// "" is a registration made before sources were kept, or one an
	// organizer added in the console.
)

// Validate checks and normalises what a person or an import gives.
func (r *Registrant) Validate(ev *event.Event) error {
	f := apperr.Fields{}
	r.Name, r.OrgName, r.Phone, r.JobTitle = strings.TrimSpace(r.Name), strings.TrimSpace(r.OrgName), strings.TrimSpace(r.Phone), strings.TrimSpace(r.JobTitle)
	if email, err := account.NormalizeEmail(r.Email); err != nil {
		f.Add("email", "is not a valid email address")
	} else {
		r.Email = email
	}
	if r.Name == "" || len(r.Name) > 200 {
		f.Add("name", "is required, at most 200 characters")
	}
	if len(r.OrgName) > 200 || len(r.JobTitle) > 200 {
		f.Add("organization", "is longer than 200 characters")
	}
	if len(r.Phone) > 40 {
		f.Add("phone", "is longer than 40 characters")
	}
	if !r.Category.Valid() {
		f.Add("category", "is not a registration category")
	}
	for _, s := range r.Interests {
		if _, ok := taxonomy.Lookup(s); !ok {
			f.Add("interests", "unknown sector "+s)
		}
	}
	if len(r.Interests) > 20 {
		f.Add("interests", "at most 20")
	}
	days := map[string]bool{}
	if ev != nil {
		for _, d := range ev.Days() {
			days[d] = true
		}
	}
	for _, d := range r.Days {
		if _, err := time.Parse(event.DateLayout, d); err != nil || (ev != nil && !days[d]) {
			f.Add("days", "must be days of the event")
		}
	}
	if _, ok := i18n.Parse(string(r.Lang)); !ok {
		r.Lang = i18n.VI
	}
	return f.Err()
}

// A person registered without an email (a walk-in at the help desk) still
// needs an account, and an account is found by its unique email: such a
// person gets an address in a reserved domain that can never receive mail
// (RFC 2606), as anonymised registrations do.
const unreachableTLD = ".invalid"

// WalkInEmail is a fresh address for a person who gave none.
func WalkInEmail() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "walk-in-" + hex.EncodeToString(b) + "@walk-in" + unreachableTLD
}

// Reachable reports whether mail can go to an address: false for those
// given to people without one (WalkInEmail, anonymised registrations).
func Reachable(email string) bool {
	return email != "" && !strings.HasSuffix(email, unreachableTLD)
}

var phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 ().-]*$`)

// PhoneLike reports whether a phone number typed by staff looks like one:
// digits with the usual separators, at least six digits. The public form
// keeps what people type about themselves; at the help desk the phone may
// be the only way to reach a walk-in, so a slip of the keyboard is caught.
func PhoneLike(s string) bool {
	digits := 0
	for _, c := range s {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	return phoneRE.MatchString(s) && digits >= 6 && digits <= 15
}
