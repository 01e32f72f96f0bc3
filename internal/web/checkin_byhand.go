package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/store"
)

// A badge the camera cannot read (crumpled, on a cracked or dead phone) is
// entered by hand at the gate: its registration code or badge number is
// typed, or its holder is found by name. Either way the scanner then posts
// an ordinary scan naming the registration (checkin.Scan.Code or
// Registration) to the scans route, so the same rules, answers, scan log
// and dashboard apply as to a scan. This file is the search.

// ScannerMatch is one registration a gate search found: enough for the
// staff to recognise the person in front of them, nothing to contact them
// by (their email and phone are searched, not shown).
type ScannerMatch struct {
	RegistrationID int64  `json:"registration_id"`
	Name           string `json:"name"`
	Organization   string `json:"organization,omitempty"`
	JobTitle       string `json:"job_title,omitempty"`
	Category       string `json:"category"`
	Status         string `json:"status"` // active or cancelled; a cancelled one is shown, and refused if picked
	Badge          string `json:"badge"`  // the badge number printed on the current badge, "#1042-2"
}

// ScannerMatches is a gate search's answer: the first matches, in
// registration order, and how many there are in all.
type ScannerMatches struct {
	Items []ScannerMatch `json:"items"`
	Total int            `json:"total"`
}

// Bounds of a gate search: two characters find too many people to pick
// from, and a page of matches is all a phone shows. gateSearchLimit, per
// person and minute, is one search every two seconds: more than a gate's
// queue of unreadable badges needs, and it keeps a staff account from
// listing every registration.
const (
	minGateQuery    = 2
	maxGateQuery    = 200
	gateMatchLimit  = 20
	gateSearchLimit = 30
)

// apiScannerSearch finds an event's registrations by name, email, phone
// or organization for the gate staff, with the help desk's search
// (diacritics folded), at most gateSearchLimit a minute per person.
func (s *Server) apiScannerSearch(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	q, err := gateQuery(r.URL.Query().Get("q"))
	if err != nil {
		return err
	}
	n, err := s.db.Hit(r.Context(), fmt.Sprintf("gate-search:%d:%d", ev, viewerOf(r).person.ID), time.Minute)
	if err != nil {
		return err
	}
	if n > gateSearchLimit {
		return &apperr.Error{Code: apperr.TooMany, Message: "Too many searches; wait a minute."}
	}
	rs, total, err := s.db.Registrants(r.Context(), ev, store.RegistrantFilter{Query: q, Limit: gateMatchLimit})
	if err != nil {
		return err
	}
	out := ScannerMatches{Items: make([]ScannerMatch, 0, len(rs)), Total: total}
	for _, reg := range rs {
		out.Items = append(out.Items, scannerMatch(reg))
	}
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusOK, out)
}

// gateQuery checks a gate search's text; its errors name the field q.
func gateQuery(raw string) (string, error) {
	q := strings.TrimSpace(raw)
	invalid := func(msg, field string) error {
		return &apperr.Error{Code: apperr.Invalid, Message: msg, Fields: map[string]string{"q": field}}
	}
	switch {
	case !utf8.ValidString(q):
		return "", invalid("The search is not UTF-8 text.", "must be UTF-8 text")
	case utf8.RuneCountInString(q) < minGateQuery:
		return "", invalid("Type at least 2 characters of a name, email, phone or organization.", "is too short: at least 2 characters")
	case utf8.RuneCountInString(q) > maxGateQuery:
		return "", invalid("The search is longer than 200 characters.", "is too long: at most 200 characters")
	}
	return q, nil
}

func scannerMatch(reg checkin.Registrant) ScannerMatch {
	return ScannerMatch{RegistrationID: reg.ID, Name: reg.Name, Organization: reg.OrgName, JobTitle: reg.JobTitle,
		Category: string(reg.Category), Status: reg.Status, Badge: badge.Number(reg.ID, reg.BadgeVersion)}
}
