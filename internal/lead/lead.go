// Package lead is what exhibitors collect by scanning visitors' badges at
// their booth. Which of the visitor's details an exhibitor may see is
// decided here, once, and every read path (page, API, CSV, XLSX) goes
// through Visible: contact details only when the visitor consented.
package lead

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/sheet"
)

// Record is a lead as stored, with everything the registration holds.
type Record struct {
	ID             int64
	ExhibitorID    int64
	RegistrationID int64
	Name           string
	Organization   string
	JobTitle       string
	Category       string
	Email          string
	Phone          string
	Consent        bool
	Rating         int
	Note           string
	Day            string
	ScannedAt      time.Time
}

// Lead is what the exhibitor may see.
type Lead struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Organization string    `json:"organization"`
	JobTitle     string    `json:"job_title,omitempty"`
	Category     string    `json:"category"`
	Email        string    `json:"email,omitempty"` // only with the visitor's consent
	Phone        string    `json:"phone,omitempty"` // only with the visitor's consent
	Consent      bool      `json:"consent_contact"`
	Rating       int       `json:"rating"`
	Note         string    `json:"note"`
	Day          string    `json:"day"`
	ScannedAt    time.Time `json:"scanned_at"`
}

// Visible is the only way from a Record to a Lead: without consent the
// exhibitor gets the name and organization, never email or phone.
func Visible(r Record) Lead {
	l := Lead{ID: r.ID, Name: r.Name, Organization: r.Organization, JobTitle: r.JobTitle, Category: r.Category,
		Consent: r.Consent, Rating: r.Rating, Note: r.Note, Day: r.Day, ScannedAt: r.ScannedAt.UTC()}
	if r.Consent {
		l.Email, l.Phone = r.Email, r.Phone
	}
	// An address under the reserved .invalid domain (RFC 2606) is one the
	// platform gave a walk-in or an anonymised person: no one to write to.
	if strings.HasSuffix(l.Email, ".invalid") {
		l.Email = ""
	}
	return l
}

// VisibleAll applies Visible to every record.
func VisibleAll(rs []Record) []Lead {
	out := make([]Lead, len(rs))
	for i, r := range rs {
		out[i] = Visible(r)
	}
	return out
}

// MaxNote is the longest note a lead keeps, in bytes: the scanner's limit
// too, so a note saved at the booth can always be edited afterwards.
const MaxNote = 2000

// Edit checks the rating (0, not rated, to 5) and note an exhibitor gives a
// lead, and returns the note trimmed.
func Edit(rating int, note string) (string, error) {
	note = strings.TrimSpace(note)
	f := apperr.Fields{}
	if rating < 0 || rating > 5 {
		f["rating"] = "must be 0 to 5"
	}
	if len(note) > MaxNote {
		f["note"] = "is longer than 2000 characters"
	}
	if len(f) > 0 {
		return "", f.Err()
	}
	return note, nil
}

// PerDay counts leads by day.
func PerDay(ls []Lead) map[string]int {
	out := map[string]int{}
	for _, l := range ls {
		out[l.Day]++
	}
	return out
}

var header = []string{"name", "organization", "job_title", "category", "email", "phone", "rating", "note", "day", "scanned_at"}

func row(l Lead) []string {
	return []string{l.Name, l.Organization, l.JobTitle, l.Category, l.Email, l.Phone, strconv.Itoa(l.Rating), l.Note, l.Day, l.ScannedAt.Format(time.RFC3339)}
}

// WriteCSV writes leads as CSV with a header row.
func WriteCSV(w io.Writer, ls []Lead) error {
	cw := csv.NewWriter(w)
	cw.Write(header)
	for _, l := range ls {
		cw.Write(row(l))
	}
	cw.Flush()
	return cw.Error()
}

// WriteXLSX writes leads as an Excel workbook with one sheet.
func WriteXLSX(w io.Writer, ls []Lead) error {
	rows := make([][]string, len(ls))
	for i, l := range ls {
		rows[i] = row(l)
	}
	return sheet.WriteXLSX(w, "Leads", header, rows)
}
