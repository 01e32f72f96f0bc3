// Package market is the year-round innovation marketplace: cards that
// organizations publish (offers, needs, partnerships, research results,
// pilot sites, investments), their rules, the multilingual search over them
// and the partner recommendations computed from them.
//
// The package imports no store and no web: the service is handed a Store
// (the database implements it) and keeps two in-memory indexes, the card
// search index and the recommender's, rebuilt at start and updated on each
// change.
package market

import (
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/taxonomy"
)

// Kind is what a card proposes.
type Kind string

const (
	Offer          Kind = "offer"
	Need           Kind = "need"
	Partnership    Kind = "partnership"
	ResearchResult Kind = "research_result"
	PilotSite      Kind = "pilot_site"
	Investment     Kind = "investment"
)

// Kinds lists every kind in display order.
var Kinds = []Kind{Offer, Need, Partnership, ResearchResult, PilotSite, Investment}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Status is where a card stands: only published cards are public.
type Status string

const (
	Draft     Status = "draft"
	Published Status = "published"
	Closed    Status = "closed"
)

// Statuses lists every status.
var Statuses = []Status{Draft, Published, Closed}

// Limits shared by forms, API and store.
const (
	MaxTitle   = 200
	MaxBody    = 5000
	MaxSectors = 8
	MaxEvents  = 20
)

// Card is a marketplace listing owned by an organization.
type Card struct {
	ID      int64     `json:"id"`
	OrgID   int64     `json:"org_id"`
	Kind    Kind      `json:"kind"`
	Status  Status    `json:"status"`
	Title   i18n.Text `json:"title"`
	Body    i18n.Text `json:"body"`
	Sectors []string  `json:"sectors"`
	// TRL is the technology readiness level 1–9 of a research result; 0
	// for other kinds.
	TRL int `json:"trl,omitempty"`
	// Events are the events where the owner takes part and shows the card.
	Events    []int64   `json:"events"`
	CreatedBy int64     `json:"-"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Owner is what a card's reader sees of its owner.
type Owner struct {
	ID      int64     `json:"id"`
	Name    i18n.Text `json:"name"`
	Kind    org.Kind  `json:"kind"`
	House   org.House `json:"house"`
	Country string    `json:"country"`
}

// CardView is a card with its owner, as lists and pages show it.
type CardView struct {
	Card
	Owner Owner `json:"owner"`
}

// Validate checks a card and normalises its fields.
func (c *Card) Validate() error {
	f := apperr.Fields{}
	c.Title = org.TrimText(c.Title)
	c.Body = org.TrimText(c.Body)
	if !c.Kind.Valid() {
		f.Add("kind", "must be one of offer, need, partnership, research_result, pilot_site, investment")
	}
	switch c.Status {
	case Draft, Published, Closed:
	case "":
		c.Status = Draft
	default:
		f.Add("status", "must be draft, published or closed")
	}
	if c.Title.IsZero() {
		f.Add("title", "is required in at least one language")
	} else if c.Title.Longest() > MaxTitle {
		f.Add("title", "is longer than 200 characters")
	}
	if c.Body.Longest() > MaxBody {
		f.Add("body", "is longer than 5000 characters")
	}
	c.Sectors = cleanSectors(c.Sectors)
	if len(c.Sectors) > MaxSectors {
		f.Add("sectors", "lists more than 8 sectors")
	}
	for _, s := range c.Sectors {
		if _, ok := taxonomy.Lookup(s); !ok {
			f.Add("sectors", "names an unknown sector: "+s)
		}
	}
	if c.Kind == ResearchResult {
		if c.TRL < 1 || c.TRL > 9 {
			f.Add("trl", "must be a readiness level from 1 to 9 for a research result")
		}
	} else if c.TRL != 0 {
		f.Add("trl", "is only given for research results")
	}
	c.Events = uniqueIDs(c.Events)
	if len(c.Events) > MaxEvents {
		f.Add("events", "lists more than 20 events")
	}
	if c.OrgID <= 0 {
		f.Add("org_id", "is required")
	}
	return f.Err()
}

func cleanSectors(in []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

func uniqueIDs(in []int64) []int64 {
	out := []int64{}
	seen := map[int64]bool{}
	for _, id := range in {
		if id > 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
