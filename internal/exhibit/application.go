package exhibit

import (
	"net/mail"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/taxonomy"
)

// Status is where an application stands.
type Status string

const (
	Submitted        Status = "submitted"
	ChangesRequested Status = "changes_requested"
	Approved         Status = "approved"
	Rejected         Status = "rejected"
	Withdrawn        Status = "withdrawn"
)

// Statuses lists every status, in the order of the workflow.
var Statuses = []Status{Submitted, ChangesRequested, Approved, Rejected, Withdrawn}

// Exhibitor is the exhibitor status that goes with an application status:
// the directory and the allocation read the exhibitor's.
func (s Status) Exhibitor() event.ExhibitorStatus {
	switch s {
	case Approved:
		return event.Approved
	case Rejected:
		return event.Rejected
	case Withdrawn:
		return event.Withdrawn
	}
	return event.Applied
}

// Action is a step of the review workflow.
type Action string

const (
	Resubmit       Action = "resubmit"        // the applicant, after changes were asked for
	RequestChanges Action = "request_changes" // an organizer
	Approve        Action = "approve"         // an organizer
	Reject         Action = "reject"          // an organizer
	Withdraw       Action = "withdraw"        // the applicant
)

// ByOrganizer reports whether only organizers may take the action.
func (a Action) ByOrganizer() bool { return a == RequestChanges || a == Approve || a == Reject }

// next is the workflow: which action leads where from which status.
var next = map[Status]map[Action]Status{
	Submitted:        {RequestChanges: ChangesRequested, Approve: Approved, Reject: Rejected, Withdraw: Withdrawn},
	ChangesRequested: {Resubmit: Submitted, Reject: Rejected, Withdraw: Withdrawn},
	Approved:         {Reject: Rejected, Withdraw: Withdrawn},
	Rejected:         {Approve: Approved},
	Withdrawn:        {},
}

// Next returns the status an action leads to, or a conflict when the action
// does not apply to the current status.
func Next(from Status, a Action) (Status, error) {
	to, ok := next[from][a]
	if !ok {
		// A second tab or a double click: the status has moved on.
		return from, apperr.Errorf(apperr.Conflict, "This application cannot be changed that way now.")
	}
	return to, nil
}

// Actions lists what can be done to an application in a status, by whom.
func Actions(s Status, organizer bool) []Action {
	var out []Action
	for _, a := range []Action{Approve, RequestChanges, Reject, Resubmit, Withdraw} {
		if _, ok := next[s][a]; ok && a.ByOrganizer() == organizer {
			out = append(out, a)
		}
	}
	return out
}

// Change is one change of status, kept with who made it and when.
type Change struct {
	Status     Status    `json:"status"`
	Note       string    `json:"note,omitempty"`
	PersonID   int64     `json:"person_id,omitempty"`
	PersonName string    `json:"person_name"`
	At         time.Time `json:"at"`
}

// Application is an organization's request to exhibit at an event.
type Application struct {
	ID          int64     `json:"id"`
	EventID     int64     `json:"event_id"`
	OrgID       int64     `json:"org_id"`
	ExhibitorID int64     `json:"exhibitor_id"`
	Status      Status    `json:"status"`
	BoothType   string    `json:"booth_type"`
	Area        float64   `json:"area_m2"`
	Sector      string    `json:"sector"`
	Preferred   []string  `json:"preferred_booths"` // at most 3 booth codes, best first
	Zone        string    `json:"preferred_zone,omitempty"`
	Pavilion    string    `json:"pavilion,omitempty"`
	Competitors []string  `json:"competitors"` // organization names
	Products    string    `json:"products,omitempty"`
	Email       string    `json:"contact_email"` // where the workflow's mails go
	Lang        i18n.Lang `json:"lang"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	// Read-only views.
	OrgName i18n.Text `json:"org_name"`
	History []Change  `json:"history,omitempty"`
}

// Limits of an application's fields.
const (
	MaxPreferred   = 3
	MaxCompetitors = 10
	MaxArea        = 500.0
)

// Validate checks and normalises an application's fields.
func (a *Application) Validate() error {
	f := apperr.Fields{}
	switch event.BoothType(a.BoothType) {
	case event.Shell, event.Raw, event.Corner, event.Island:
	default:
		f.Add("booth_type", "must be shell, raw, corner or island")
	}
	if !(a.Area >= 1 && a.Area <= MaxArea) {
		f.Add("area_m2", "must be between 1 and 500 square metres") // MaxArea
	}
	if _, ok := taxonomy.Lookup(a.Sector); !ok {
		f.Add("sector", "must be a sector of the taxonomy")
	}
	a.Preferred = cleanList(a.Preferred, strings.ToUpper)
	if len(a.Preferred) > MaxPreferred {
		f.Add("preferred_booths", "may name at most 3 booths")
	}
	for _, c := range a.Preferred {
		if len(c) > 20 {
			f.Add("preferred_booths", "has a booth code longer than 20 characters")
		}
	}
	a.Competitors = cleanList(a.Competitors, strings.TrimSpace)
	if len(a.Competitors) > MaxCompetitors {
		f.Add("competitors", "may name at most 10 organizations")
	}
	// The pavilion keeps the applicant's spelling ("Korea"); the allocation
	// groups pavilions without regard to case.
	a.Zone, a.Pavilion = strings.TrimSpace(a.Zone), strings.TrimSpace(a.Pavilion)
	if len(a.Zone) > 40 || len(a.Pavilion) > 40 {
		f.Add("preferred_zone", "zone and pavilion are at most 40 characters")
	}
	a.Products = strings.TrimSpace(a.Products)
	if len(a.Products) > org.MaxDescription {
		f.Add("products", "is longer than 5000 characters")
	}
	a.Email = strings.TrimSpace(a.Email)
	if ad, err := mail.ParseAddress(a.Email); err != nil || ad.Address != a.Email {
		f.Add("contact_email", "must be an email address")
	}
	if _, ok := i18n.Parse(string(a.Lang)); !ok {
		a.Lang = i18n.VI
	}
	return f.Err()
}

// cleanList trims, normalises and de-duplicates entries, dropping empty ones.
func cleanList(in []string, norm func(string) string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range in {
		// Names such as "Daesung Co., Ltd." hold commas: forms separate
		// entries by lines or semicolons.
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ';' }) {
			p := norm(strings.TrimSpace(part))
			if p != "" && !seen[strings.ToLower(p)] {
				seen[strings.ToLower(p)] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// Product is a product or solution an exhibitor shows.
type Product struct {
	ID          int64     `json:"id"`
	EventID     int64     `json:"event_id"`
	ExhibitorID int64     `json:"exhibitor_id"`
	Name        i18n.Text `json:"name"`
	Description i18n.Text `json:"description"`
	Category    string    `json:"category"` // a taxonomy sector code
	CreatedAt   time.Time `json:"created_at"`
}

// Validate checks a product.
func (p *Product) Validate() error {
	f := apperr.Fields{}
	p.Name, p.Description = org.TrimText(p.Name), org.TrimText(p.Description)
	if p.Name.IsZero() {
		f.Add("name", "is required in at least one language")
	} else if p.Name.Longest() > org.MaxName {
		f.Add("name", "is longer than 200 characters")
	}
	if p.Description.Longest() > org.MaxDescription {
		f.Add("description", "is longer than 5000 characters")
	}
	if _, ok := taxonomy.Lookup(p.Category); !ok {
		f.Add("category", "must be a sector of the taxonomy")
	}
	return f.Err()
}

// MaxProducts bounds one exhibitor's catalogue.
const MaxProducts = 200
