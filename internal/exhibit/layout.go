// Package exhibit holds the rules of exhibiting at a trade fair that sit
// above the event glossary: importing a hall's floor plan, applications to
// exhibit with their history, products, and turning the event's booths and
// approved applications into an allocation problem. It does no I/O besides
// reading the import files it is handed; the web layer stores the results.
package exhibit

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
)

// Feature kinds: what a hall holds besides booths.
const (
	Pillar   = "pillar"
	Entrance = "entrance"
	Aisle    = "aisle"
)

// Feature is a pillar, an entrance or a marked aisle of a hall, in metres.
type Feature struct {
	ID     int64   `json:"id"`
	HallID int64   `json:"hall_id"`
	Kind   string  `json:"kind"`
	Label  string  `json:"label,omitempty"`
	X      float64 `json:"x_m"`
	Y      float64 `json:"y_m"`
	W      float64 `json:"w_m"`
	H      float64 `json:"h_m"`
}

// Row is one entry of an import file: a booth, or a feature when Type is
// pillar, entrance or aisle.
type Row struct {
	Where    string  `json:"-"` // "line 4" or "booths[3]", for the error report
	Code     string  `json:"code"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
	W        float64 `json:"w"`
	H        float64 `json:"h"`
	Type     string  `json:"type"`
	Zone     string  `json:"zone,omitempty"`
	PriceVND int64   `json:"price_vnd,omitempty"`
	Status   string  `json:"status,omitempty"`
	Label    string  `json:"label,omitempty"`
}

func (r Row) isFeature() bool { return r.Type == Pillar || r.Type == Entrance || r.Type == Aisle }

// RowError is one problem of an import file, named by where it is.
type RowError struct {
	Where   string `json:"where"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
	// Format and Args are the message before formatting, so that a page
	// can say it in its reader's language (Format is the catalogue's key).
	Format string `json:"-"`
	Args   []any  `json:"-"`
}

// ImportError lists every problem of an import file, so that one try shows
// them all; nothing of the file is stored when there is any.
type ImportError struct {
	Rows []RowError `json:"errors"`
}

func (e *ImportError) Error() string {
	if len(e.Rows) == 0 {
		return "import: no errors"
	}
	parts := make([]string, 0, min(len(e.Rows), 5))
	for i, r := range e.Rows {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(e.Rows)-5))
			break
		}
		parts = append(parts, r.Where+": "+r.Message)
	}
	return "import: " + strings.Join(parts, "; ")
}

func (e *ImportError) add(where, code, format string, args ...any) {
	e.Rows = append(e.Rows, RowError{Where: where, Code: code, Message: fmt.Sprintf(format, args...), Format: format, Args: args})
}

func (e *ImportError) err() error {
	if len(e.Rows) == 0 {
		return nil
	}
	return e
}

// MaxRows bounds an import file: a hall of the biggest fairs holds about a
// thousand booths.
const MaxRows = 5000

// csvColumns are the columns an import CSV may have; the first five and
// type are required.
var csvColumns = []string{"code", "x", "y", "w", "h", "type", "zone", "price_vnd", "status", "label"}

// ParseCSV reads booths from CSV with a header row naming the columns (any
// order): code, x, y, w, h, type, and optionally zone, price_vnd, status,
// label. Every malformed cell is reported, by line.
func ParseCSV(r io.Reader) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &ImportError{Rows: []RowError{{Where: "line 1", Message: "the file is empty"}}}
	}
	if err != nil {
		return nil, &ImportError{Rows: []RowError{{Where: "line 1", Message: csvMessage(err)}}}
	}
	col, ie := csvHeader(header)
	if ie != nil {
		return nil, ie
	}
	var rows []Row
	e := &ImportError{}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		where := "line " + strconv.Itoa(line)
		if err != nil {
			e.add(where, "", "%s", csvMessage(err))
			if !errors.Is(err, csv.ErrFieldCount) {
				break // the reader cannot resync after a quoting error
			}
			continue
		}
		if len(rows) >= MaxRows {
			e.add(where, "", "the file has more than %d rows", MaxRows)
			break
		}
		if blank(rec) {
			continue
		}
		rows = append(rows, csvRow(where, rec, col, e))
	}
	return rows, e.err()
}

func csvMessage(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "not valid CSV: " + pe.Err.Error()
	}
	return "not valid CSV"
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func csvHeader(header []string) (map[string]int, *ImportError) {
	e := &ImportError{}
	col := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		known := false
		for _, c := range csvColumns {
			known = known || c == name
		}
		switch {
		case !known:
			e.add("line 1", "", "unknown column %q (known: %s)", h, strings.Join(csvColumns, ", "))
		case col[name] != 0:
			e.add("line 1", "", "column %q appears twice", name)
		default:
			col[name] = i + 1 // 0 means absent
		}
	}
	for _, need := range csvColumns[:6] {
		if col[need] == 0 {
			e.add("line 1", "", "missing column %q", need)
		}
	}
	if len(e.Rows) > 0 {
		return nil, e
	}
	return col, nil
}

func csvRow(where string, rec []string, col map[string]int, e *ImportError) Row {
	cell := func(name string) string {
		i := col[name]
		if i == 0 || i > len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i-1])
	}
	r := Row{Where: where, Code: cell("code"), Type: strings.ToLower(cell("type")), Zone: cell("zone"),
		Status: strings.ToLower(cell("status")), Label: cell("label")}
	num := func(name string, dst *float64) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(cell(name), ",", "."), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			e.add(where, r.Code, "%s must be a number of metres, not %q", name, cell(name))
			return
		}
		*dst = v
	}
	num("x", &r.X)
	num("y", &r.Y)
	num("w", &r.W)
	num("h", &r.H)
	if p := cell("price_vnd"); p != "" {
		v, err := strconv.ParseInt(strings.NewReplacer(".", "", " ", "", "_", "").Replace(p), 10, 64)
		if err != nil {
			e.add(where, r.Code, "price_vnd must be a whole number of dong, not %q", p)
		}
		r.PriceVND = v
	}
	return r
}

// jsonFile is the JSON import format: booths and, optionally, features.
type jsonFile struct {
	Booths   []Row `json:"booths"`
	Features []Row `json:"features"`
}

// ParseJSON reads {"booths": [...], "features": [...]}; a feature is a row
// whose type is pillar, entrance or aisle. Unknown fields are refused.
func ParseJSON(r io.Reader) ([]Row, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f jsonFile
	if err := dec.Decode(&f); err != nil {
		return nil, &ImportError{Rows: []RowError{{Where: "file", Message: "not valid JSON: " + jsonMessage(err)}}}
	}
	if dec.More() {
		return nil, &ImportError{Rows: []RowError{{Where: "file", Message: "not valid JSON: more than one value"}}}
	}
	if len(f.Booths)+len(f.Features) > MaxRows {
		return nil, &ImportError{Rows: []RowError{{Where: "file", Message: fmt.Sprintf("the file has more than %d rows", MaxRows)}}}
	}
	rows := make([]Row, 0, len(f.Booths)+len(f.Features))
	e := &ImportError{}
	for i, b := range f.Booths {
		b.Where = fmt.Sprintf("booths[%d]", i)
		if b.isFeature() {
			e.add(b.Where, b.Code, "a %s belongs in features", b.Type)
		}
		rows = append(rows, b)
	}
	for i, ft := range f.Features {
		ft.Where = fmt.Sprintf("features[%d]", i)
		if !ft.isFeature() {
			e.add(ft.Where, ft.Code, "a feature's type must be pillar, entrance or aisle, not %q", ft.Type)
		}
		rows = append(rows, ft)
	}
	return rows, e.err()
}

func jsonMessage(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("syntax error at byte %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("%s must be %s", typ.Field, typ.Type.Kind())
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the file ends too early"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	}
	return "cannot be read"
}

// Layout is a validated import: the hall's booths and features.
type Layout struct {
	Booths   []event.Booth
	Features []Feature
}

// Validate checks import rows against the hall: each booth's own fields,
// inside the hall, no two booths overlapping, no booth on a pillar, codes
// unique in the file and not used by another hall of the event (otherCodes:
// code → that hall's code). Every problem is reported, by row.
func Validate(h event.Hall, rows []Row, otherCodes map[string]string) (Layout, error) {
	e := &ImportError{}
	var out Layout
	seen := map[string]string{}
	var booths []Row
	for _, r := range rows {
		if r.isFeature() {
			if f, ok := checkFeature(h, r, e); ok {
				out.Features = append(out.Features, f)
			}
			continue
		}
		b, ok := checkBooth(h, r, e)
		if prev, dup := seen[strings.ToUpper(r.Code)]; dup && r.Code != "" {
			e.add(r.Where, r.Code, "code %s is already used at %s", r.Code, prev)
			ok = false
		} else if hall, other := otherCodes[strings.ToUpper(r.Code)]; other {
			e.add(r.Where, r.Code, "code %s is already used in hall %s", r.Code, hall)
			ok = false
		}
		seen[strings.ToUpper(r.Code)] = r.Where
		if ok {
			out.Booths = append(out.Booths, b)
			booths = append(booths, r)
		}
	}
	overlaps(booths, out.Features, e)
	if len(out.Booths) == 0 && len(e.Rows) == 0 {
		e.add("file", "", "the file has no booths")
	}
	return out, e.err()
}

func checkBooth(h event.Hall, r Row, e *ImportError) (event.Booth, bool) {
	status := event.BoothStatus(r.Status)
	if status == "" {
		status = event.Free
	}
	b := event.Booth{EventID: h.EventID, HallID: h.ID, Code: r.Code, X: r.X, Y: r.Y, W: r.W, H: r.H,
		Type: event.BoothType(r.Type), Zone: r.Zone, PriceVND: r.PriceVND, Status: status}
	ok := true
	if err := b.Validate(); err != nil {
		for _, m := range fieldMessages(err) {
			e.add(r.Where, r.Code, "%s", m)
		}
		ok = false
	}
	if status == event.Sold || status == event.Held {
		e.add(r.Where, r.Code, "status %s cannot be imported: booths are sold by allocation", status)
		ok = false
	}
	if ok && outside(h, r) {
		e.add(r.Where, r.Code, "booth %s (%.1f,%.1f %.1f×%.1f m) lies outside the hall (%.1f×%.1f m)", r.Code, r.X, r.Y, r.W, r.H, h.Width, h.Depth)
		ok = false
	}
	return b, ok
}

func checkFeature(h event.Hall, r Row, e *ImportError) (Feature, bool) {
	f := Feature{HallID: h.ID, Kind: r.Type, Label: r.Label, X: r.X, Y: r.Y, W: r.W, H: r.H}
	switch {
	case !(r.W > 0 && r.H > 0) || r.X < 0 || r.Y < 0:
		e.add(r.Where, r.Code, "a %s needs a position from 0 and a size above 0", r.Type)
	case outside(h, r):
		e.add(r.Where, r.Code, "the %s lies outside the hall", r.Type)
	case len(r.Label) > 40:
		e.add(r.Where, r.Code, "the label is longer than 40 characters")
	default:
		return f, true
	}
	return f, false
}

// eps absorbs rounding in coordinates written with decimals.
const eps = 1e-6

func outside(h event.Hall, r Row) bool {
	return r.X+r.W > h.Width+eps || r.Y+r.H > h.Depth+eps
}

func intersects(a, b Row) bool {
	return a.X+eps < b.X+b.W && b.X+eps < a.X+a.W && a.Y+eps < b.Y+b.H && b.Y+eps < a.Y+a.H
}

// overlaps reports booths that overlap each other or stand on a pillar,
// sweeping by x so that a hall of a thousand booths is checked quickly.
func overlaps(booths []Row, features []Feature, e *ImportError) {
	idx := make([]int, len(booths))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return booths[idx[a]].X < booths[idx[b]].X })
	for i, a := range idx {
		ra := booths[a]
		for _, b := range idx[i+1:] {
			rb := booths[b]
			if rb.X >= ra.X+ra.W-eps {
				break
			}
			if intersects(ra, rb) {
				first, second := ra, rb
				if a > b {
					first, second = rb, ra
				}
				e.add(second.Where, second.Code, "booth %s overlaps booth %s (%s)", second.Code, first.Code, first.Where)
			}
		}
	}
	for _, r := range booths {
		for _, f := range features {
			if f.Kind == Pillar && intersects(r, Row{X: f.X, Y: f.Y, W: f.W, H: f.H}) {
				e.add(r.Where, r.Code, "booth %s stands on a pillar at (%.1f,%.1f)", r.Code, f.X, f.Y)
			}
		}
	}
	sort.SliceStable(e.Rows, func(i, j int) bool { return whereOrder(e.Rows[i].Where) < whereOrder(e.Rows[j].Where) })
}

// whereOrder sorts errors in file order: "line 12" after "line 3".
func whereOrder(w string) int {
	i := strings.LastIndexAny(w, " [")
	n, err := strconv.Atoi(strings.TrimSuffix(w[i+1:], "]"))
	if err != nil {
		return -1
	}
	if strings.HasPrefix(w, "features") {
		n += MaxRows + 1
	}
	return n
}

// fieldMessages turns a validation error into "field message" lines, in a
// stable order.
func fieldMessages(err error) []string {
	var ae *apperr.Error
	if !errors.As(err, &ae) || len(ae.Fields) == 0 {
		return []string{err.Error()}
	}
	out := make([]string, 0, len(ae.Fields))
	for k, v := range ae.Fields {
		out = append(out, k+" "+v)
	}
	sort.Strings(out)
	return out
}
