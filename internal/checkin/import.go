package checkin

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
)

// RowError is one problem of an import file, by row (1 is the header).
type RowError struct {
	Row     int    `json:"row"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ImportColumns are the columns an import file may have; name and email
// are required. Lists (interests, days) are separated by semicolons.
var ImportColumns = []string{"name", "email", "organization", "job_title", "category", "phone", "consent", "interests", "days"}

const maxImportRows = 50_000

// ReadCSV reads delegates from a CSV file with a header row.
func ReadCSV(r io.Reader) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	var rows [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("CSV: %w", err)
		}
		if len(rows) > maxImportRows {
			return nil, fmt.Errorf("more than %d rows", maxImportRows)
		}
		rows = append(rows, rec)
	}
	return rows, nil
}

// ReadXLSX reads delegates from the first sheet of an Excel workbook.
func ReadXLSX(data []byte) (rows [][]string, err error) {
	defer func() {
		if p := recover(); p != nil { // a damaged workbook must not take the server down
			rows, err = nil, fmt.Errorf("XLSX: damaged workbook")
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("XLSX: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("XLSX: no sheet")
	}
	rows, err = f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("XLSX: %w", err)
	}
	if len(rows) > maxImportRows+1 {
		return nil, fmt.Errorf("more than %d rows", maxImportRows)
	}
	return rows, nil
}

// ParseRows turns rows (a header, then one registrant per row) into
// registrants of the event, with every problem listed by row; nothing is
// returned unless the whole file is good.
func ParseRows(rows [][]string, ev *event.Event) ([]Registrant, []RowError) {
	if len(rows) == 0 {
		return nil, []RowError{{Row: 1, Field: "header", Message: "the file is empty"}}
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	var errs []RowError
	for _, need := range []string{"name", "email"} {
		if _, ok := col[need]; !ok {
			errs = append(errs, RowError{Row: 1, Field: need, Message: "column missing"})
		}
	}
	if errs != nil {
		return nil, errs
	}
	seen := map[string]int{}
	var out []Registrant
	for i, rec := range rows[1:] {
		row := i + 2
		get := func(name string) string {
			if j, ok := col[name]; ok && j < len(rec) {
				return strings.TrimSpace(rec[j])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // blank line
		}
		r := Registrant{Name: get("name"), Email: get("email"), OrgName: get("organization"), Phone: get("phone"),
			Interests: splitSemi(get("interests")), Days: splitSemi(get("days"))}
		r.JobTitle, r.Category, r.Source = get("job_title"), event.Category(get("category")), SourceImport
		if r.Category == "" {
			r.Category = event.CatDelegate
		}
		switch strings.ToLower(get("consent")) {
		case "yes", "true", "1", "có", "co", "예":
			r.Consent = true
		case "", "no", "false", "0", "không", "khong", "아니오":
		default:
			errs = append(errs, RowError{Row: row, Field: "consent", Message: "must be yes or no"})
		}
		if err := r.Validate(ev); err != nil {
			errs = append(errs, fieldErrors(row, err)...)
			continue
		}
		if first, dup := seen[r.Email]; dup {
			errs = append(errs, RowError{Row: row, Field: "email", Message: fmt.Sprintf("the same email as row %d", first)})
			continue
		}
		seen[r.Email] = row
		out = append(out, r)
	}
	if errs != nil {
		return nil, errs
	}
	return out, nil
}

func fieldErrors(row int, err error) []RowError {
	var ae *apperr.Error
	if !errors.As(err, &ae) || len(ae.Fields) == 0 {
		return []RowError{{Row: row, Field: "row", Message: err.Error()}}
	}
	keys := make([]string, 0, len(ae.Fields))
	for k := range ae.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []RowError
	for _, k := range keys {
		out = append(out, RowError{Row: row, Field: k, Message: ae.Fields[k]})
	}
	return out
}

func splitSemi(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
