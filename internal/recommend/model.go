// Package recommend recommends partners to the participants of an innovation
// ecosystem: for each organization, the other organizations whose marketplace
// cards answer its own (an offer for a need, a pilot site for a technology,
// an investor for a startup …), across Vietnamese, English and Korean, with
// the reasons in the reader's language.
//
// The package is pure: it is fed plain structs and does no I/O. Index keeps
// every participant's top list and recomputes only the lists a change can
// reach.
package recommend

import (
	"fmt"
	"regexp"
	"strings"

	"ketnoi/internal/taxonomy"
)

// OrgKind is what an organization is.
type OrgKind string

const (
	Enterprise  OrgKind = "enterprise"
	Startup     OrgKind = "startup"
	Institute   OrgKind = "institute" // research institute or university
	Agency      OrgKind = "agency"    // state body
	Association OrgKind = "association"
	Investor    OrgKind = "investor"
)

var orgKinds = []OrgKind{Enterprise, Startup, Institute, Agency, Association, Investor}

// House is one of the three houses of the ecosystem, derived from the kind.
type House string

const (
	State           House = "state"
	Academia        House = "academia"
	EnterpriseHouse House = "enterprise"
)

// House returns the house the kind belongs to.
func (k OrgKind) House() House {
	switch k {
	case Agency:
		return State
	case Institute:
		return Academia
	}
	return EnterpriseHouse
}

// CardKind is what a marketplace card proposes.
type CardKind string

const (
	Offer          CardKind = "offer"
	Need           CardKind = "need"
	Partnership    CardKind = "partnership"
	ResearchResult CardKind = "research_result"
	PilotSite      CardKind = "pilot_site"
	Investment     CardKind = "investment"
)

var cardKinds = []CardKind{Offer, Need, Partnership, ResearchResult, PilotSite, Investment}

func (k CardKind) index() int {
	for i, c := range cardKinds {
		if c == k {
			return i
		}
	}
	return -1
}

// Participant is an organization taking part in an event or in the
// year-round marketplace.
type Participant struct {
	ID          string   `json:"id"`
	Name        Text     `json:"name"`
	Kind        OrgKind  `json:"kind"`
	Country     string   `json:"country"`             // ISO 3166-1 alpha-2
	Sectors     []string `json:"sectors"`             // what it works in
	Interests   []string `json:"interests,omitempty"` // sectors it wants partners in
	Competitors []string `json:"competitors,omitempty"`
	Lang        Lang     `json:"lang,omitempty"` // preferred language of its reasons
}

// Card is a marketplace listing owned by a participant.
type Card struct {
	ID      string   `json:"id"`
	Owner   string   `json:"owner"`
	Kind    CardKind `json:"kind"`
	Title   Text     `json:"title"`
	Body    Text     `json:"body,omitempty"`
	Sectors []string `json:"sectors"`
	TRL     int      `json:"trl,omitempty"` // technology readiness level 1–9, research results only
}

var countryRE = regexp.MustCompile(`^[A-Z]{2}$`)

const maxIDLen = 200

// Validate reports the first problem with p, naming the field.
func (p *Participant) Validate() error {
	if err := checkID(p.ID); err != nil {
		return fmt.Errorf("id: %w", err)
	}
	if !validOrgKind(p.Kind) {
		return fmt.Errorf("kind %q is not one of %s", p.Kind, joinKinds(orgKinds))
	}
	if !countryRE.MatchString(p.Country) {
		return fmt.Errorf("country %q is not a two-letter ISO code such as VN or KR", p.Country)
	}
	if err := checkSectors(p.Sectors); err != nil {
		return fmt.Errorf("sectors: %w", err)
	}
	if err := checkSectors(p.Interests); err != nil {
		return fmt.Errorf("interests: %w", err)
	}
	for _, c := range p.Competitors {
		if err := checkID(c); err != nil {
			return fmt.Errorf("competitors: %w", err)
		}
	}
	if p.Lang != "" {
		if _, ok := ParseLang(string(p.Lang)); !ok {
			return fmt.Errorf("lang %q is not vi, en or ko", p.Lang)
		}
	}
	return nil
}

// Validate reports the first problem with c, naming the field. The owner's
// existence is checked by the index.
func (c *Card) Validate() error {
	if err := checkID(c.ID); err != nil {
		return fmt.Errorf("id: %w", err)
	}
	if err := checkID(c.Owner); err != nil {
		return fmt.Errorf("owner: %w", err)
	}
	if c.Kind.index() < 0 {
		return fmt.Errorf("kind %q is not one of %s", c.Kind, joinKinds(cardKinds))
	}
	if c.Title.IsZero() {
		return fmt.Errorf("title is empty in every language")
	}
	if err := checkSectors(c.Sectors); err != nil {
		return fmt.Errorf("sectors: %w", err)
	}
	if c.TRL < 0 || c.TRL > 9 {
		return fmt.Errorf("trl %d is outside 1–9", c.TRL)
	}
	return nil
}

func checkID(id string) error {
	if strings.TrimSpace(id) == "" {
		return fmt.Errorf("is empty")
	}
	if len(id) > maxIDLen {
		return fmt.Errorf("is longer than %d bytes", maxIDLen)
	}
	return nil
}

func checkSectors(ss []string) error {
	for _, s := range ss {
		if _, ok := taxonomy.Index(s); !ok {
			return fmt.Errorf("%q is not a sector of the taxonomy (see internal/taxonomy)", s)
		}
	}
	return nil
}

func validOrgKind(k OrgKind) bool {
	for _, o := range orgKinds {
		if o == k {
			return true
		}
	}
	return false
}

func joinKinds[K ~string](ks []K) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = string(k)
	}
	return strings.Join(parts, ", ")
}

// sectorMask turns sector codes (already validated) into a bit set.
func sectorMask(ss []string) uint64 {
	var m uint64
	for _, s := range ss {
		if i, ok := taxonomy.Index(s); ok {
			m |= 1 << uint(i)
		}
	}
	return m
}
