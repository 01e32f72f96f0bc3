// Package org describes organizations: enterprises, startups, institutes,
// state agencies, associations and investors, and the house each belongs to.
package org

import (
	"regexp"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
)

// Kind is what an organization is.
type Kind string

const (
	Enterprise  Kind = "enterprise"
	Startup     Kind = "startup"
	Institute   Kind = "institute" // research institute or university
	Agency      Kind = "agency"    // state body
	Association Kind = "association"
	Investor    Kind = "investor"
)

// Kinds lists every kind, in display order.
var Kinds = []Kind{Enterprise, Startup, Institute, Agency, Association, Investor}

// House is one of the three houses of the innovation ecosystem.
type House string

const (
	State    House = "state"
	Academia House = "academia"
	// EnterpriseHouse is named apart from the kind Enterprise.
	EnterpriseHouse House = "enterprise"
)

// House derives the house from the kind: it is never stored on its own.
func (k Kind) House() House {
	switch k {
	case Agency:
		return State
	case Institute:
		return Academia
	}
	return EnterpriseHouse
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Organization is a company, institute, agency, association or investor.
type Organization struct {
	ID          int64     `json:"id"`
	Kind        Kind      `json:"kind"`
	Name        i18n.Text `json:"name"`
	Description i18n.Text `json:"description"`
	Country     string    `json:"country"` // ISO 3166-1 alpha-2
	City        string    `json:"city,omitempty"`
	Website     string    `json:"website,omitempty"`
	Email       string    `json:"email,omitempty"` // contact, private to members and organizers
	Phone       string    `json:"phone,omitempty"` // contact, private to members and organizers
	Sectors     []string  `json:"sectors"`
	// Interests are the sectors it wants partners in (taxonomy codes), and
	// Competitors the organizations it never wants recommended; both feed
	// the recommender. Competitors are shown only to members and admins.
	Interests   []string  `json:"interests,omitempty"`
	Competitors []int64   `json:"competitors,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// HouseOf returns the organization's house.
func (o *Organization) HouseOf() House { return o.Kind.House() }

var countryRE = regexp.MustCompile(`^[A-Z]{2}$`)

// Limits on text length, shared by forms, API and store.
const (
	MaxName        = 200
	MaxDescription = 5000
	MaxSectors     = 12
	MaxInterests   = 12
	MaxCompetitors = 50
)

// Validate checks the organization and normalises its fields.
func (o *Organization) Validate() error {
	f := apperr.Fields{}
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	o.Name = TrimText(o.Name)
	if !o.Kind.Valid() {
		f.Add("kind", "must be one of enterprise, startup, institute, agency, association, investor")
	}
	if o.Name.IsZero() {
		f.Add("name", "is required in at least one language")
	} else if o.Name.Longest() > MaxName {
		f.Add("name", "is longer than 200 characters")
	}
	if o.Description.Longest() > MaxDescription {
		f.Add("description", "is longer than 5000 characters")
	}
	if !countryRE.MatchString(o.Country) {
		f.Add("country", "must be a two-letter ISO 3166-1 code such as VN or KR")
	}
	if len(o.Sectors) > MaxSectors {
		f.Add("sectors", "lists more than 12 sectors")
	}
	for _, s := range o.Sectors {
		if len(s) == 0 || len(s) > 40 {
			f.Add("sectors", "has an empty or over-long sector code")
		}
	}
	if len(o.Interests) > MaxInterests {
		f.Add("interests", "lists more than 12 sectors")
	}
	if len(o.Competitors) > MaxCompetitors {
		f.Add("competitors", "lists more than 50 organizations")
	}
	for _, c := range o.Competitors {
		if c <= 0 {
			f.Add("competitors", "has an id that is not an organization")
		} else if c == o.ID {
			f.Add("competitors", "cannot list the organization itself")
		}
	}
	if len(o.Website) > 300 || len(o.Email) > 254 || len(o.Phone) > 40 || len(o.City) > 100 {
		f.Add("contact", "a contact field is too long")
	}
	return f.Err()
}

// TrimText trims spaces around each language's text.
func TrimText(t i18n.Text) i18n.Text {
	return i18n.Text{VI: strings.TrimSpace(t.VI), EN: strings.TrimSpace(t.EN), KO: strings.TrimSpace(t.KO)}
}
