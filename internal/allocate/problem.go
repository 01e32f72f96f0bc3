// Package allocate assigns trade-fair booths to exhibitors: each approved
// exhibitor gets a connected group of booths of the type and area it asked
// for, within the zone rules, next to its pavilion and away from its
// competitors. The package is pure: it is fed plain structs (or the JSON
// file format documented in docs/allocate.md) and does no I/O.
package allocate

import (
	"encoding/json"
	"fmt"
	"io"
)

// Booth types and statuses, as in the domain glossary.
const (
	TypeShell  = "shell"
	TypeRaw    = "raw"
	TypeCorner = "corner"
	TypeIsland = "island"

	StatusFree    = "free"
	StatusHeld    = "held"
	StatusSold    = "sold"
	StatusBlocked = "blocked"

	ExhibitorApproved = "approved"
	ExhibitorPending  = "pending"
	ExhibitorRejected = "rejected"
)

// Defaults of the fit rules when the file leaves them out.
const (
	DefaultAreaTolerance = 1.2
	DefaultMaxBooths     = 6
	DefaultPavilionGap   = 3.0
	maxPreferred         = 3
)

// Problem is one allocation problem: the venue, the applications and the
// organizer's rules. It is plain data; Solve and Check validate it.
type Problem struct {
	Halls      []Hall      `json:"halls"`
	Booths     []Booth     `json:"booths"`
	Adjacency  [][2]string `json:"adjacency,omitempty"`
	Exhibitors []Exhibitor `json:"exhibitors"`
	ZoneRules  []ZoneRule  `json:"zone_rules,omitempty"`
	Locks      []Lock      `json:"locks,omitempty"`
	Settings   Settings    `json:"options"`
}

// Hall is a hall of the venue; booths refer to it by ID.
type Hall struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// Booth is a rectangle in metres in a hall. Area defaults to W×H; it may be
// set explicitly for booths whose sellable area differs from the rectangle.
type Booth struct {
	Code   string  `json:"code"`
	Hall   string  `json:"hall"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	W      float64 `json:"w"`
	H      float64 `json:"h"`
	Type   string  `json:"type"`
	Area   float64 `json:"area,omitempty"`
	Zone   string  `json:"zone,omitempty"`
	Price  int64   `json:"price_vnd,omitempty"`
	Status string  `json:"status,omitempty"`
	// Holder is the exhibitor a held or sold booth is reserved for; only
	// that exhibitor may be given it.
	Holder string `json:"holder,omitempty"`
}

// Exhibitor is one application: what it wants and whom it must avoid.
type Exhibitor struct {
	ID            string   `json:"id"`
	Name          string   `json:"name,omitempty"`
	Status        string   `json:"status,omitempty"`
	Priority      int      `json:"priority,omitempty"`
	Sector        string   `json:"sector,omitempty"`
	Type          string   `json:"type"`
	Area          float64  `json:"area"`
	Preferred     []string `json:"preferred,omitempty"`
	PreferredZone string   `json:"preferred_zone,omitempty"`
	Pavilion      string   `json:"pavilion,omitempty"`
	Competitors   []string `json:"competitors,omitempty"`
}

// ZoneRule reserves a zone for some sectors.
type ZoneRule struct {
	Zone    string   `json:"zone"`
	Sectors []string `json:"sectors"`
}

// Lock fixes the booths of one exhibitor; the solver never moves it.
type Lock struct {
	Exhibitor string   `json:"exhibitor"`
	Booths    []string `json:"booths"`
}

// Settings are the fit rules and the solver defaults stored in the file.
type Settings struct {
	// AreaTolerance: a group fits a request of A m² when its total area
	// is in [A, A×AreaTolerance].
	AreaTolerance float64 `json:"area_tolerance,omitempty"`
	// MaxBooths bounds the number of booths one exhibitor may get.
	MaxBooths int `json:"max_booths,omitempty"`
	// PavilionGap: booths at most this many metres apart (across an
	// aisle) count as neighbours for the pavilion rule and compactness.
	PavilionGap float64 `json:"pavilion_gap,omitempty"`
	Seed        int64   `json:"seed,omitempty"`
	TimeLimitMS int     `json:"time_limit_ms,omitempty"`
}

// Parse reads a problem file, rejects unknown fields and validates it, so
// that a file Parse accepts can always be solved.
func Parse(r io.Reader) (Problem, error) {
	var p Problem
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Problem{}, fmt.Errorf("read problem: %w", err)
	}
	if dec.More() {
		return Problem{}, fmt.Errorf("read problem: trailing data after the JSON object")
	}
	if _, err := compile(p); err != nil {
		return Problem{}, err
	}
	return p, nil
}

// Allocation is the result: where each exhibitor stands, who could not be
// placed and why, and the objective.
type Allocation struct {
	Placements []Placement `json:"placements"`
	Unplaced   []Unplaced  `json:"unplaced"`
	Objective  Objective   `json:"objective"`
	Stats      Stats       `json:"stats"`
}

// Placement is one exhibitor's booths.
type Placement struct {
	Exhibitor  string   `json:"exhibitor"`
	Booths     []string `json:"booths"`
	Area       float64  `json:"area"`
	PriceVND   int64    `json:"price_vnd"`
	Preference string   `json:"preference"`
	Locked     bool     `json:"locked,omitempty"`
}

// Unplaced is an exhibitor without booths and the reason.
type Unplaced struct {
	Exhibitor string `json:"exhibitor"`
	Reason    string `json:"reason"`
}

// Objective is the lexicographic objective, level by level, and its
// scalarisation (the same weights as the MIP model in lp.go).
type Objective struct {
	Approved         int   `json:"approved"`
	Placed           int   `json:"placed"`
	PlacedPriority   int   `json:"placed_priority"`
	PreferencePoints int   `json:"preference_points"`
	FirstChoice      int   `json:"first_choice"`
	SecondChoice     int   `json:"second_choice"`
	ThirdChoice      int   `json:"third_choice"`
	ZoneMatch        int   `json:"zone_match"`
	PavilionEdges    int   `json:"pavilion_edges"`
	Scalar           int64 `json:"scalar"`
}

// Stats tell how the solver spent its time.
type Stats struct {
	GreedyPlaced int   `json:"greedy_placed"`
	Rounds       int   `json:"rounds"`
	Moves        int   `json:"moves"`
	Iterations   int   `json:"iterations"`
	Millis       int64 `json:"millis"`
	StoppedEarly bool  `json:"stopped_early,omitempty"`
}

// Better reports whether o is lexicographically better than q.
func (o Objective) Better(q Objective) bool {
	if o.PlacedPriority != q.PlacedPriority {
		return o.PlacedPriority > q.PlacedPriority
	}
	if o.PreferencePoints != q.PreferencePoints {
		return o.PreferencePoints > q.PreferencePoints
	}
	return o.PavilionEdges > q.PavilionEdges
}
