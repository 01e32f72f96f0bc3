// Package event describes events and what happens at them: venues, halls,
// booths, exhibitors, registrations and the forum programme.
package event

import (
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // venues' zones work on machines without a zoneinfo database

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
)

// Kind is what sort of event it is.
type Kind string

const (
	TradeFair   Kind = "trade_fair"
	Forum       Kind = "forum"
	Matchmaking Kind = "matchmaking"
)

// DateLayout is how civil dates are written: dates are in the venue's zone.
const DateLayout = "2006-01-02"

// Event is a trade fair, a forum or a matchmaking event.
type Event struct {
	ID          int64     `json:"id"`
	Slug        string    `json:"slug"`
	Kind        Kind      `json:"kind"`
	Name        i18n.Text `json:"name"`
	Description i18n.Text `json:"description"`
	VenueID     int64     `json:"venue_id"`
	StartDate   string    `json:"start_date"` // YYYY-MM-DD in the venue's zone
	EndDate     string    `json:"end_date"`
	Partner     string    `json:"partner,omitempty"` // co-organizer, e.g. a Korean partner, as typed
	// PartnerName is the co-organizer's name in the three languages, where
	// given (see PartnerIn).
	PartnerName i18n.Text `json:"partner_name"`
	CreatedAt   time.Time `json:"created_at"`
}

// PartnerIn names the co-organizer in a language: its name there, else in
// another language given, else as typed.
func (e Event) PartnerIn(l i18n.Lang) string {
	if !e.PartnerName.IsZero() {
		return e.PartnerName.In(l)
	}
	return e.Partner
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Validate checks an event.
func (e *Event) Validate() error {
	f := apperr.Fields{}
	e.Name = org.TrimText(e.Name)
	e.Slug = strings.TrimSpace(e.Slug)
	if !slugRE.MatchString(e.Slug) || len(e.Slug) > 80 {
		f.Add("slug", "must be lower-case letters, digits and dashes, at most 80")
	}
	switch e.Kind {
	case TradeFair, Forum, Matchmaking:
	default:
		f.Add("kind", "must be trade_fair, forum or matchmaking")
	}
	if e.Name.IsZero() {
		f.Add("name", "is required in at least one language")
	} else if e.Name.Longest() > org.MaxName {
		f.Add("name", "is longer than 200 characters")
	}
	if e.Description.Longest() > org.MaxDescription {
		f.Add("description", "is longer than 5000 characters")
	}
	if e.VenueID <= 0 {
		f.Add("venue_id", "is required")
	}
	start, err1 := time.Parse(DateLayout, e.StartDate)
	end, err2 := time.Parse(DateLayout, e.EndDate)
	if err1 != nil {
		f.Add("start_date", "must be a date written YYYY-MM-DD")
	}
	if err2 != nil {
		f.Add("end_date", "must be a date written YYYY-MM-DD")
	}
	if err1 == nil && err2 == nil && end.Before(start) {
		f.Add("end_date", "is before the start date")
	}
	if len(e.Partner) > org.MaxName {
		f.Add("partner", "is longer than 200 characters")
	}
	e.PartnerName = org.TrimText(e.PartnerName)
	if e.PartnerName.Longest() > org.MaxName {
		f.Add("partner_name", "is longer than 200 characters")
	}
	return f.Err()
}

// Days returns the event's dates in order.
func (e *Event) Days() []string {
	start, err1 := time.Parse(DateLayout, e.StartDate)
	end, err2 := time.Parse(DateLayout, e.EndDate)
	if err1 != nil || err2 != nil {
		return nil
	}
	var days []string
	for d := start; !d.After(end) && len(days) < 60; d = d.AddDate(0, 0, 1) {
		days = append(days, d.Format(DateLayout))
	}
	return days
}

// Venue is a place that hosts events.
type Venue struct {
	ID      int64     `json:"id"`
	Name    i18n.Text `json:"name"`
	Address string    `json:"address"` // as typed
	// AddressName is the address in the three languages, where given (see
	// AddressIn).
	AddressName i18n.Text `json:"address_name"`
	City        string    `json:"city"`
	Country     string    `json:"country"`
	TimeZone    string    `json:"time_zone"` // IANA, e.g. Asia/Ho_Chi_Minh
}

// AddressIn writes the venue's address in a language: there, else in
// another language given, else as typed.
func (v Venue) AddressIn(l i18n.Lang) string {
	if !v.AddressName.IsZero() {
		return v.AddressName.In(l)
	}
	return v.Address
}

// Hall is a hall of a venue used by an event, with its size in metres.
type Hall struct {
	ID      int64     `json:"id"`
	EventID int64     `json:"event_id"`
	Code    string    `json:"code"` // "A"
	Name    i18n.Text `json:"name"`
	Width   float64   `json:"width_m"`
	Depth   float64   `json:"depth_m"`
}

// BoothType is how a booth is built.
type BoothType string

const (
	Shell  BoothType = "shell"
	Raw    BoothType = "raw"
	Corner BoothType = "corner"
	Island BoothType = "island"
)

// BoothStatus is whether a booth can still be had.
type BoothStatus string

const (
	Free    BoothStatus = "free"
	Held    BoothStatus = "held"
	Sold    BoothStatus = "sold"
	Blocked BoothStatus = "blocked"
)

// Booth is a rectangle in a hall.
type Booth struct {
	ID       int64       `json:"id"`
	EventID  int64       `json:"event_id"`
	HallID   int64       `json:"hall_id"`
	Code     string      `json:"code"` // "A-101"
	X        float64     `json:"x_m"`
	Y        float64     `json:"y_m"`
	W        float64     `json:"w_m"`
	H        float64     `json:"h_m"`
	Type     BoothType   `json:"type"`
	Zone     string      `json:"zone,omitempty"`
	PriceVND int64       `json:"price_vnd"` // money is integer dong
	Status   BoothStatus `json:"status"`
	// ExhibitorID is the exhibitor on the booth, 0 when none.
	ExhibitorID int64 `json:"exhibitor_id,omitempty"`
}

// Area is the booth's area in square metres.
func (b *Booth) Area() float64 { return b.W * b.H }

// MaxBoothPriceVND is the most a booth may cost, 1,000 billion đồng: far
// above any stand, and low enough that a floor's sum of prices cannot
// overflow a 64-bit total.
const MaxBoothPriceVND = 1_000_000_000_000

var boothCodeRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]{0,19}$`)

// Validate checks a booth's own fields.
func (b *Booth) Validate() error {
	f := apperr.Fields{}
	if !boothCodeRE.MatchString(b.Code) {
		f.Add("code", "must be letters, digits and dashes, at most 20")
	}
	// Written as what must hold, so that NaN (which no comparison holds
	// for) is refused too.
	if !(b.W > 0 && b.H > 0 && b.W <= 1000 && b.H <= 1000) {
		f.Add("size", "width and depth must be between 0 and 1000 metres")
	}
	if !(b.X >= 0 && b.Y >= 0 && b.X <= 10000 && b.Y <= 10000) {
		f.Add("position", "must be from 0 to 10000 metres")
	}
	switch b.Type {
	case Shell, Raw, Corner, Island:
	default:
		f.Add("type", "must be shell, raw, corner or island")
	}
	switch b.Status {
	case Free, Held, Sold, Blocked:
	default:
		f.Add("status", "must be free, held, sold or blocked")
	}
	if b.PriceVND < 0 {
		f.Add("price_vnd", "must not be negative")
	} else if b.PriceVND > MaxBoothPriceVND {
		f.Add("price_vnd", "is more than a booth can cost")
	}
	if len(b.Zone) > 40 {
		f.Add("zone", "is longer than 40 characters")
	}
	return f.Err()
}

// ExhibitorStatus is where an exhibitor's application stands.
type ExhibitorStatus string

const (
	Applied   ExhibitorStatus = "applied"
	Approved  ExhibitorStatus = "approved"
	Rejected  ExhibitorStatus = "rejected"
	Withdrawn ExhibitorStatus = "withdrawn"
)

// Exhibitor is an organization at an event.
type Exhibitor struct {
	ID         int64           `json:"id"`
	EventID    int64           `json:"event_id"`
	OrgID      int64           `json:"org_id"`
	Status     ExhibitorStatus `json:"status"`
	Pavilion   string          `json:"pavilion,omitempty"` // "korea"
	BadgeQuota int             `json:"badge_quota"`
	// Private to the exhibitor's members and the organizers.
	Notes     string    `json:"notes,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// ExhibitorView is an exhibitor with its organization and booths, as the
// directory shows it.
type ExhibitorView struct {
	Exhibitor
	Org    org.Organization `json:"organization"`
	Booths []string         `json:"booths"` // booth codes
	Halls  []string         `json:"halls"`  // hall codes
}

// Category is what a registered person is at an event.
type Category string

const (
	CatVisitor        Category = "visitor"
	CatDelegate       Category = "delegate"
	CatSpeaker        Category = "speaker"
	CatPress          Category = "press"
	CatExhibitorStaff Category = "exhibitor_staff"
	CatVIP            Category = "vip"
	CatOrganizer      Category = "organizer"
)

// Categories lists every category.
var Categories = []Category{CatVisitor, CatDelegate, CatSpeaker, CatPress, CatExhibitorStaff, CatVIP, CatOrganizer}

// Valid reports whether c is a known category.
func (c Category) Valid() bool {
	for _, v := range Categories {
		if c == v {
			return true
		}
	}
	return false
}

// Registration is a person at an event.
type Registration struct {
	ID        int64     `json:"id"`
	EventID   int64     `json:"event_id"`
	PersonID  int64     `json:"person_id"`
	OrgID     int64     `json:"org_id,omitempty"`
	Category  Category  `json:"category"`
	JobTitle  string    `json:"job_title,omitempty"`
	Status    string    `json:"status"` // active, cancelled
	CreatedAt time.Time `json:"created_at"`
}

// Room is a room where forum sessions take place.
type Room struct {
	ID       int64     `json:"id"`
	EventID  int64     `json:"event_id"`
	Name     i18n.Text `json:"name"`
	Capacity int       `json:"capacity"`
}

// Session is a forum session: a talk, a panel, a workshop.
type Session struct {
	ID       int64     `json:"id"`
	EventID  int64     `json:"event_id"`
	RoomID   int64     `json:"room_id"`
	Title    i18n.Text `json:"title"`
	Abstract i18n.Text `json:"abstract"`
	Track    string    `json:"track"` // the track's key
	// TrackName is the track named in each language, from the event's
	// tracks; a key the event does not name is its own English name.
	TrackName i18n.Text `json:"track_name"`
	Language  i18n.Lang `json:"language"`
	StartsAt  time.Time `json:"starts_at"` // UTC
	EndsAt    time.Time `json:"ends_at"`
	Speakers  []Speaker `json:"speakers"`
}

// Speaker is a person speaking in a session.
type Speaker struct {
	ID       int64     `json:"id"`
	EventID  int64     `json:"event_id"`
	Name     string    `json:"name"`
	Title    i18n.Text `json:"title"` // job title and affiliation
	OrgID    int64     `json:"org_id,omitempty"`
	PersonID int64     `json:"person_id,omitempty"`
}

// Validate checks a session.
func (s *Session) Validate() error {
	f := apperr.Fields{}
	s.Title = org.TrimText(s.Title)
	if s.Title.IsZero() {
		f.Add("title", "is required in at least one language")
	} else if s.Title.Longest() > org.MaxName {
		f.Add("title", "is longer than 200 characters")
	}
	if s.Abstract.Longest() > org.MaxDescription {
		f.Add("abstract", "is longer than 5000 characters")
	}
	if s.RoomID <= 0 {
		f.Add("room_id", "is required")
	}
	if s.StartsAt.IsZero() || s.EndsAt.IsZero() {
		f.Add("starts_at", "start and end are required")
	} else if !s.EndsAt.After(s.StartsAt) {
		f.Add("ends_at", "must be after the start")
	}
	if len(s.Track) > 80 {
		f.Add("track", "is longer than 80 characters")
	}
	if _, ok := i18n.Parse(string(s.Language)); !ok {
		f.Add("language", "must be vi, en or ko")
	}
	return f.Err()
}

// Stats are an event's figures for the dashboard and the event page.
type Stats struct {
	Exhibitors       int            `json:"exhibitors"`
	ExhibitorsByStat map[string]int `json:"exhibitors_by_status"`
	Booths           int            `json:"booths"`
	BoothsByStatus   map[string]int `json:"booths_by_status"`
	Registrations    int            `json:"registrations"`
	ByCategory       map[string]int `json:"registrations_by_category"`
	ByCountry        map[string]int `json:"exhibitors_by_country"`
	Sessions         int            `json:"sessions"`
	Halls            int            `json:"halls"`
	SoldAreaM2       float64        `json:"sold_area_m2"`
	RevenueVND       int64          `json:"booth_revenue_vnd"`
}

// Zone returns the venue's time zone, Asia/Ho_Chi_Minh when unknown.
func Zone(name string) *time.Location {
	if loc, err := time.LoadLocation(name); err == nil && name != "" {
		return loc
	}
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	return loc
}
