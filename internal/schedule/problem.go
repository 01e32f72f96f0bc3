// Package schedule assigns accepted B2B meetings to time slots and locations
// (tables, booths). It is a pure algorithm: it reads and writes plain structs
// and the documented JSON format (docs/schedule.md) and does no other I/O.
//
// The objective is lexicographic: first the largest total weight of scheduled
// meetings, then the fewest idle slots (or breaks) summed over participants
// and sessions.
package schedule

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Objective names accepted in Problem.Objective.
const (
	ObjectiveIdle   = "idle"
	ObjectiveBreaks = "breaks"
)

// Problem is one scheduling problem, exactly as in the JSON file.
type Problem struct {
	Objective    string        `json:"objective,omitempty"`
	Slots        []Slot        `json:"slots"`
	Locations    []Location    `json:"locations"`
	Participants []Participant `json:"participants"`
	Meetings     []Meeting     `json:"meetings"`
}

// Slot is a time slot. Slots of the same session are ordered as they appear
// in Problem.Slots; idle slots and breaks are counted within a session.
// An empty session means the slot's day.
type Slot struct {
	ID      string `json:"id"`
	Day     string `json:"day,omitempty"`
	Start   string `json:"start,omitempty"`
	End     string `json:"end,omitempty"`
	Session string `json:"session,omitempty"`
}

// Location is a table or a booth. Capacity is the number of meetings it holds
// at once; zero means 1.
type Location struct {
	ID       string `json:"id"`
	Capacity int    `json:"capacity,omitempty"`
}

// Participant is a person or a company taking part in meetings.
type Participant struct {
	ID          string   `json:"id"`
	Unavailable []string `json:"unavailable,omitempty"`
}

// Meeting is an accepted meeting request. Weight zero means 1. Locations and
// Slots, when not empty, restrict where and when it may be held.
type Meeting struct {
	ID        string   `json:"id"`
	With      []string `json:"with"`
	Weight    int      `json:"weight,omitempty"`
	Locations []string `json:"locations,omitempty"`
	Slots     []string `json:"slots,omitempty"`
	Fixed     *Fixed   `json:"fixed,omitempty"`
}

// Fixed pins a meeting to a slot and, optionally, a location.
type Fixed struct {
	Slot     string `json:"slot"`
	Location string `json:"location,omitempty"`
}

// Assignment places one meeting.
type Assignment struct {
	Meeting  string `json:"meeting"`
	Slot     string `json:"slot"`
	Location string `json:"location"`
}

// Unscheduled is a meeting left out, with a reason for the organizer.
type Unscheduled struct {
	Meeting string `json:"meeting"`
	Reason  string `json:"reason"`
}

// Objective is the value of a schedule. Idle and Breaks are both reported,
// whichever one the problem minimizes.
type Objective struct {
	Weight int `json:"weight"`
	Idle   int `json:"idle"`
	Breaks int `json:"breaks"`
}

// Result is a schedule, as written to the output file.
type Result struct {
	Assignments []Assignment  `json:"assignments"`
	Unscheduled []Unscheduled `json:"unscheduled"`
	Objective   Objective     `json:"objective"`
}

// ValidationError lists every problem found in an input, each naming the
// offending entries.
type ValidationError struct {
	Problems []string
}

func (e *ValidationError) Error() string {
	const show = 20
	msgs := e.Problems
	more := ""
	if len(msgs) > show {
		more = fmt.Sprintf("; and %d more", len(msgs)-show)
		msgs = msgs[:show]
	}
	return "invalid schedule problem: " + strings.Join(msgs, "; ") + more
}

// Parse reads a problem from JSON and validates it.
func Parse(r io.Reader) (Problem, error) {
	var p Problem
	dec := json.NewDecoder(r)
	if err := dec.Decode(&p); err != nil {
		return Problem{}, fmt.Errorf("read schedule problem: %w", describeJSONError(err))
	}
	if dec.More() {
		return Problem{}, errors.New("read schedule problem: unexpected data after the JSON object")
	}
	if err := Validate(p); err != nil {
		return Problem{}, err
	}
	return p, nil
}

func describeJSONError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("field %q: expected %s, got JSON %s (at byte %d): %w", te.Field, te.Type, te.Value, te.Offset, err)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("syntax error at byte %d: %w", se.Offset, err)
	}
	return err
}

// Validate checks ids, references and the fixed meetings. It returns a
// *ValidationError listing every problem, or nil.
func Validate(p Problem) error {
	m, err := compile(p)
	if err != nil {
		return err
	}
	return newState(m).placeFixed()
}
