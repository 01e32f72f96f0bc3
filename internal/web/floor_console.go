package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/store"
)

// FloorPage is the organizer's floor plan: halls, import, booth editing.
type FloorPage struct {
	Page
	Event     event.Event
	Halls     []event.Hall
	Hall      event.Hall
	Plan      PlanView
	Booth     *PlanBooth // being edited
	Result    *store.ImportResult
	Errors    []exhibit.RowError
	Message   string
	Fields    map[string]string
	Saved     bool
	BoothType []event.BoothType
	Statuses  []event.BoothStatus
	// Posted is a refused booth form's input, shown again in it.
	Posted url.Values
}

// Typed is what the booth form shows in a field: the refused input when
// there is one, else the booth's value.
func (p FloorPage) Typed(field string, value any) string {
	if p.Posted != nil {
		return p.Posted.Get(field)
	}
	return fmt.Sprint(value)
}

func (s *Server) floorPage(r *http.Request, hallCode string) (FloorPage, error) {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return FloorPage{}, err
	}
	p := FloorPage{Page: s.page(r, ""), Event: e, BoothType: []event.BoothType{event.Shell, event.Raw, event.Corner, event.Island},
		Statuses: []event.BoothStatus{event.Free, event.Held, event.Sold, event.Blocked}}
	p.Title = p.T("floor.console.title") + " · " + p.Tx(e.Name)
	if p.Halls, err = s.db.Halls(r.Context(), e.ID); err != nil {
		return p, err
	}
	if len(p.Halls) == 0 {
		return p, nil
	}
	if p.Hall, err = pickHall(p.Halls, hallCode); err != nil {
		return p, err
	}
	if p.Plan, _, err = s.planData(r, e.ID, p.Hall, p.Lang); err != nil {
		return p, err
	}
	p.Plan.BoothLink = fmt.Sprintf("/console/events/%d/floor?hall=%s&booth=", e.ID, p.Hall.Code)
	return p, nil
}

func (s *Server) handleFloor(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p, err := s.floorPage(r, q.Get("hall"))
	if err != nil {
		return err
	}
	p.Saved = q.Get("saved") == "1"
	if n, _ := strconv.Atoi(q.Get("imported")); n > 0 {
		p.Message = p.T("floor.import.done", n)
	}
	if id, _ := strconv.ParseInt(q.Get("booth"), 10, 64); id != 0 {
		p.selectBooth(id)
	}
	return s.render(w, http.StatusOK, "floor_console", p)
}

func (p *FloorPage) selectBooth(id int64) {
	for i := range p.Plan.Booths {
		if p.Plan.Booths[i].ID == id {
			p.Plan.Booths[i].Highlight = true
			p.Booth = &p.Plan.Booths[i]
		}
	}
}

// maxImport bounds an uploaded floor plan file.
const maxImport = 2 << 20

// readUpload returns the uploaded file's bytes and name.
func readUpload(r *http.Request, field string, limit int64) ([]byte, string, error) {
	f, hdr, err := r.FormFile(field)
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, "", &apperr.Error{Code: apperr.TooLarge, Message: "The file is too large."}
		}
		return nil, "", &apperr.Error{Code: apperr.Invalid, Message: "Choose a file to upload.", Fields: map[string]string{field: "is required"}}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, "", apperr.Wrap(apperr.Invalid, err, "The file could not be read.")
	}
	if int64(len(b)) > limit {
		return nil, "", &apperr.Error{Code: apperr.TooLarge, Message: "The file is larger than allowed: " + sizeText(limit)}
	}
	return b, hdr.Filename, nil
}

// sizeText writes a size limit as people read it: "512 KB", "2 MB".
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n>>10, 10) + " KB"
}

// importHall parses, validates and stores a hall's floor plan.
func (s *Server) importHall(r *http.Request, h event.Hall, data []byte, format string) (store.ImportResult, error) {
	parse := exhibit.ParseCSV
	if format == "json" {
		parse = exhibit.ParseJSON
	}
	rows, err := parse(strings.NewReader(string(data)))
	if err != nil {
		return store.ImportResult{}, err
	}
	others, err := s.db.BoothCodesElsewhere(r.Context(), h.EventID, h.ID)
	if err != nil {
		return store.ImportResult{}, err
	}
	l, err := exhibit.Validate(h, rows, others)
	if err != nil {
		return store.ImportResult{}, err
	}
	res, err := s.db.ImportHall(r.Context(), h, l)
	if err == nil {
		s.floor().catalog.Forget(h.EventID)
	}
	return res, err
}

func (s *Server) loadHall(r *http.Request) (event.Hall, error) {
	return inEvent(r, "hall", s.db.Hall)
}

func (s *Server) handleImport(w http.ResponseWriter, r *http.Request) error {
	h, err := s.loadHall(r)
	if err != nil {
		return err
	}
	data, name, err := readUpload(r, "file", maxImport)
	if err != nil {
		return s.importFailed(w, r, h, err)
	}
	format := r.PostFormValue("format")
	if format == "" && strings.EqualFold(path.Ext(name), ".json") {
		format = "json"
	}
	res, err := s.importHall(r, h, data, format)
	if err != nil {
		return s.importFailed(w, r, h, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/floor?hall=%s&imported=%d", h.EventID, h.Code, res.Added+res.Updated), http.StatusSeeOther)
	return nil
}

// importFailed shows the row-by-row report with the plan unchanged.
func (s *Server) importFailed(w http.ResponseWriter, r *http.Request, h event.Hall, err error) error {
	var ie *exhibit.ImportError
	var ae *apperr.Error
	switch {
	case errors.As(err, &ie):
	case errors.As(err, &ae) && ae.Code != apperr.Internal:
		ie = &exhibit.ImportError{Rows: []exhibit.RowError{{Where: "file", Message: ae.Message}}}
	default:
		return err
	}
	p, perr := s.floorPage(r, h.Code)
	if perr != nil {
		return perr
	}
	p.Errors = translateImport(p.Page, ie.Rows)
	p.Message = p.T("floor.import.failed", len(ie.Rows))
	return s.render(w, http.StatusUnprocessableEntity, "floor_console", p)
}

func (s *Server) apiImport(w http.ResponseWriter, r *http.Request) error {
	h, err := s.loadHall(r)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return jsonError(err)
	}
	res, err := s.importHall(r, h, data, "json")
	var ie *exhibit.ImportError
	if errors.As(err, &ie) {
		// problem+json, its rows as an extension member (RFC 9457 §3.2).
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		return json.NewEncoder(w).Encode(struct {
			problem
			Rows []exhibit.RowError `json:"rows"`
		}{problem{Type: "about:blank", Title: http.StatusText(http.StatusUnprocessableEntity), Status: http.StatusUnprocessableEntity,
			Detail: "The floor plan has errors; nothing was imported.", Instance: r.URL.Path}, ie.Rows})
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

func (s *Server) handleBoothSave(w http.ResponseWriter, r *http.Request) error {
	b, err := s.loadBooth(r)
	if err != nil {
		return err
	}
	h, err := s.db.Hall(r.Context(), b.EventID, b.HallID)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	num := func(name string) float64 {
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(r.PostFormValue(name)), ",", "."), 64)
		if err != nil {
			f.Add(name, "must be a number")
		}
		return v
	}
	b.Code = strings.TrimSpace(r.PostFormValue("code"))
	b.W, b.H = num("w"), num("h")
	b.Type, b.Zone = event.BoothType(r.PostFormValue("type")), strings.TrimSpace(r.PostFormValue("zone"))
	price, perr := strconv.ParseInt(strings.NewReplacer(".", "", " ", "", ",", "").Replace(r.PostFormValue("price_vnd")), 10, 64)
	if perr != nil {
		f.Add("price_vnd", "must be a whole number of dong")
	}
	b.PriceVND = price
	if st := event.BoothStatus(r.PostFormValue("status")); st != "" && b.ExhibitorID == 0 && st != event.Sold {
		b.Status = st // a booth's exhibitor is set by allocation only
	}
	err = f.Err()
	if err == nil {
		err = b.Validate()
	}
	if err == nil && (b.X+b.W > h.Width+1e-6 || b.Y+b.H > h.Depth+1e-6) {
		err = apperr.Fields{"size": "makes the booth stick out of the hall"}.Err()
	}
	if err == nil {
		err = s.checkNoOverlap(r, b)
	}
	if err == nil {
		err = s.db.UpdateBooth(r.Context(), &b)
	}
	var ae *apperr.Error
	if errors.As(err, &ae) && (ae.Code == apperr.Invalid || ae.Code == apperr.Conflict) {
		p, perr := s.floorPage(r, h.Code)
		if perr != nil {
			return perr
		}
		p.selectBooth(b.ID)
		p.Message, p.Fields, p.Posted = p.T("form.fix"), translateFields(p.Page, ae.Fields), r.PostForm
		if ae.Code == apperr.Conflict {
			p.Message, _ = p.reason(ae.Message)
		}
		return s.render(w, http.StatusUnprocessableEntity, "floor_console", p)
	}
	if err != nil {
		return err
	}
	if b.ExhibitorID != 0 {
		s.refreshCatalogue(r.Context(), b.EventID, b.ExhibitorID)
	}
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/floor?hall=%s&booth=%d&saved=1", b.EventID, h.Code, b.ID), http.StatusSeeOther)
	return nil
}

// checkNoOverlap refuses a booth, new, moved or resized, that would
// overlap another of its hall (the console's form and the API alike).
func (s *Server) checkNoOverlap(r *http.Request, b event.Booth) error {
	others, err := s.db.EventBooths(r.Context(), b.EventID, b.HallID)
	if err != nil {
		return err
	}
	for _, o := range others {
		if o.ID != b.ID && b.X+1e-6 < o.X+o.W && o.X+1e-6 < b.X+b.W && b.Y+1e-6 < o.Y+o.H && o.Y+1e-6 < b.Y+b.H {
			return apperr.Fields{"size": "makes the booth overlap another booth: " + o.Code}.Err()
		}
	}
	return nil
}

// translateImport says an import's problems in the page's language where
// the catalogue has their text ("floor.import.msg." and the message's
// format), with the place as "line 7" or "file" reads there; the others
// stay as written.
func translateImport(p Page, rows []exhibit.RowError) []exhibit.RowError {
	where := func(w string) string {
		if n, ok := strings.CutPrefix(w, "line "); ok {
			return p.T("floor.import.at_line", n)
		}
		if w == "file" {
			return p.T("floor.import.at_file")
		}
		return w
	}
	out := make([]exhibit.RowError, len(rows))
	for i, re := range rows {
		if key := "floor.import.msg." + re.Format; re.Format != "" && p.cat != nil && p.cat.Has(p.Lang, key) {
			args := make([]any, len(re.Args))
			for j, a := range re.Args {
				if s, ok := a.(string); ok {
					a = where(s) // "already used at line 2"
				}
				args[j] = a
			}
			re.Message = p.T(key, args...)
		} else {
			re.Message, _ = p.reason(re.Message) // a file-wide refusal
		}
		re.Where = where(re.Where)
		out[i] = re
	}
	return out
}
