package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/catalog"
	"ketnoi/internal/event"
	"ketnoi/internal/floorpdf"
	"ketnoi/internal/i18n"
	"ketnoi/internal/textsearch"
)

// PlanPage is the public floor plan of one hall.
type PlanPage struct {
	Page
	Event   event.Event
	Halls   []event.Hall
	Plan    PlanView
	Find    string
	Found   []FoundBooth
	ColorBy string
	Focus   int64 // exhibitor whose booths are highlighted
}

// FoundBooth is a "find exhibitor" result: who and where.
type FoundBooth struct {
	ExhibitorID int64
	Name        string
	Booths      []string
	Hall        string
}

// pickHall returns the hall named by ?hall= (a code), else the first one.
func pickHall(halls []event.Hall, code string) (event.Hall, error) {
	if len(halls) == 0 {
		return event.Hall{}, apperr.Errorf(apperr.NotFound, "This event has no hall yet.")
	}
	for _, h := range halls {
		if strings.EqualFold(h.Code, code) {
			return h, nil
		}
	}
	return halls[0], nil
}

func (s *Server) handlePlan(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := PlanPage{Page: s.page(r, ""), Event: e, Find: strings.TrimSpace(q.Get("find")), ColorBy: q.Get("color")}
	p.Title = p.T("floor.plan.title") + " · " + p.Tx(e.Name)
	if p.Halls, err = s.db.Halls(r.Context(), e.ID); err != nil {
		return err
	}
	p.Focus, _ = strconv.ParseInt(q.Get("x"), 10, 64)
	hallCode := q.Get("hall")
	if p.Find != "" {
		if p.Found, err = s.findExhibitors(r, e.ID, p.Find, p.Lang); err != nil {
			return err
		}
		if len(p.Found) > 0 && p.Focus == 0 {
			p.Focus = p.Found[0].ExhibitorID
		}
	}
	if p.Focus != 0 && hallCode == "" {
		hallCode = s.hallOf(r, e.ID, p.Focus)
	}
	h, err := pickHall(p.Halls, hallCode)
	if err != nil {
		return err
	}
	if p.Plan, _, err = s.planData(r, e.ID, h, p.Lang); err != nil {
		return err
	}
	if p.ColorBy != "sector" {
		p.ColorBy = "status"
	}
	p.Plan.ColorBy, p.Plan.Link = p.ColorBy, fmt.Sprintf("/events/%d/exhibitors", e.ID)
	for i := range p.Plan.Booths {
		p.Plan.Booths[i].Highlight = p.Focus != 0 && p.Plan.Booths[i].ExhibitorID == p.Focus
	}
	return s.render(w, http.StatusOK, "floor_plan", p)
}

// hallOf returns the code of the hall where an exhibitor stands.
func (s *Server) hallOf(r *http.Request, eventID, exhibitorID int64) string {
	x, err := s.db.Exhibitor(r.Context(), eventID, exhibitorID)
	if err != nil || len(x.Halls) == 0 {
		return ""
	}
	return x.Halls[0]
}

// findExhibitors answers "find exhibitor" on the plan with the catalogue
// search, keeping exhibitors only.
func (s *Server) findExhibitors(r *http.Request, eventID int64, q string, lang i18n.Lang) ([]FoundBooth, error) {
	res, err := s.floor().catalog.Search(r.Context(), eventID, catalog.Query{Text: q, Kind: catalog.KindExh, Limit: 8})
	if err != nil {
		return nil, err
	}
	var out []FoundBooth
	for _, h := range res.Hits {
		f := FoundBooth{ExhibitorID: h.ExhibitorID, Name: h.Name.In(lang), Booths: h.Booths}
		if len(h.Halls) > 0 {
			f.Hall = h.Halls[0]
		}
		out = append(out, f)
	}
	return out, nil
}

func (s *Server) handlePlanPDF(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	hid, err := pathID(r, "hall")
	if err != nil {
		return err
	}
	h, err := s.db.Hall(r.Context(), e.ID, hid)
	if err != nil {
		return err
	}
	lang := viewerOf(r).lang
	pv, names, err := s.planData(r, e.ID, h, lang)
	if err != nil {
		return err
	}
	plan := floorpdf.Plan{Title: e.Name.In(lang) + " — " + h.Name.In(lang), Width: h.Width, Depth: h.Depth,
		Subtitle: fmt.Sprintf("%s %s · %.0f × %.0f m · %d", s.cat.T(lang, "floor.hall"), h.Code, h.Width, h.Depth, len(pv.Booths)),
		Legend:   s.cat.T(lang, "floor.pdf.legend")}
	for _, b := range pv.Booths {
		pb := floorpdf.Booth{Code: b.Code, X: b.X, Y: b.Y, W: b.W, H: b.H, Status: string(b.Status), Name: b.Name}
		if n, ok := names[b.ExhibitorID]; ok {
			pb.Fallback = n.Name.In(i18n.EN)
		}
		plan.Booths = append(plan.Booths, pb)
	}
	for _, f := range pv.Features {
		plan.Features = append(plan.Features, floorpdf.Feature{Kind: f.Kind, Label: f.Label, X: f.X, Y: f.Y, W: f.W, H: f.H})
	}
	var buf bytes.Buffer
	if err := floorpdf.Write(&buf, plan); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="plan-%d-%s.pdf"`, e.ID, textsearch.Fold(h.Code)))
	_, err = w.Write(buf.Bytes())
	return err
}

func (s *Server) handleLogo(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	xid, err := pathID(r, "exhibitor")
	if err != nil {
		return err
	}
	if _, err := s.db.ExhibitorOrg(r.Context(), e.ID, xid); err != nil {
		return err
	}
	png, err := s.db.Logo(r.Context(), xid)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, err = w.Write(png)
	return err
}
