package web

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"strings"
	"sync"
	"time"

	"ketnoi/internal/catalog"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
	"ketnoi/internal/taxonomy"
)

// floorState is what issue 4 keeps per server: the catalogue's search
// indexes. It lives beside the Server (keyed by it) so that the feature
// stays in its own files.
type floorState struct {
	catalog *catalog.Catalog
}

var floorStates sync.Map // *Server → *floorState

func (s *Server) floor() *floorState {
	if v, ok := floorStates.Load(s); ok {
		return v.(*floorState)
	}
	countries := func(code string, l i18n.Lang) string {
		if k := "country." + code; s.cat.Has(l, k) {
			return s.cat.T(l, k)
		}
		return ""
	}
	v, _ := floorStates.LoadOrStore(s, &floorState{catalog: catalog.New(s.db, countries)})
	return v.(*floorState)
}

// warmCatalogue builds the search index of every trade fair at start, so
// that the first visitor does not wait for it; a failure is logged and the
// index is built on first use instead.
func (s *Server) warmCatalogue() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	evs, _, err := s.db.Events(ctx, 0, 1000)
	if err != nil {
		s.log.Warn("catalogue warm-up", "err", err)
		return
	}
	for _, e := range evs {
		if e.Kind != event.TradeFair {
			continue
		}
		if err := s.floor().catalog.Warm(ctx, e.ID); err != nil {
			s.log.Warn("catalogue warm-up", "event", e.ID, "err", err)
		}
	}
}

// refreshCatalogue updates the search index after an exhibitor changed; a
// failure only leaves the index stale until its next rebuild.
func (s *Server) refreshCatalogue(ctx context.Context, eventID, exhibitorID int64) {
	if err := s.floor().catalog.Refresh(ctx, eventID, exhibitorID); err != nil {
		s.log.Warn("catalogue refresh", "event", eventID, "exhibitor", exhibitorID, "err", err)
	}
}

// PlanBooth is a booth as the plan draws it.
type PlanBooth struct {
	event.Booth
	Name      string // exhibitor's name in the viewer's language
	Sector    string
	Highlight bool
	Proposed  bool // placed by the allocation proposal
	Locked    bool
}

// PlanView is one hall drawn as SVG.
type PlanView struct {
	Hall     event.Hall
	Booths   []PlanBooth
	Features []exhibit.Feature
	ColorBy  string // status or sector
	// Link makes booths with an exhibitor links to its page; empty: none.
	Link string
	// BoothLink makes every booth a link to BoothLink + its id (console).
	BoothLink string
}

// planData loads a hall's booths, features and exhibitor names.
func (s *Server) planData(r *http.Request, eventID int64, h event.Hall, lang i18n.Lang) (PlanView, map[int64]store.ExhibitorName, error) {
	ctx := r.Context()
	v := PlanView{Hall: h, ColorBy: "status"}
	// Booths and exhibitors' names move the directory version, so the
	// cache serves them until one changes; a hall of 500 booths is read
	// once, not on every visitor's look at the plan.
	booths, err := cached(ctx, s, fmt.Sprintf("booths:%d:%d", eventID, h.ID), func() ([]event.Booth, error) {
		return s.db.EventBooths(ctx, eventID, h.ID)
	})
	if err != nil {
		return v, nil, err
	}
	if v.Features, err = s.db.HallFeatures(ctx, h.ID); err != nil {
		return v, nil, err
	}
	names, err := cached(ctx, s, "names:"+itoa(eventID), func() (map[int64]store.ExhibitorName, error) {
		return s.db.ExhibitorNames(ctx, eventID)
	})
	if err != nil {
		return v, nil, err
	}
	for _, b := range booths {
		pb := PlanBooth{Booth: b}
		if n, ok := names[b.ExhibitorID]; ok {
			pb.Name, pb.Sector = n.Name.In(lang), n.Sector
		}
		v.Booths = append(v.Booths, pb)
	}
	return v, names, nil
}

// sectorColor gives each taxonomy sector a stable hue.
func sectorColor(code string) string {
	i, ok := taxonomy.Index(code)
	if !ok {
		return "#e8e8e8"
	}
	return fmt.Sprintf("hsl(%d, 62%%, 78%%)", (i*47)%360)
}

// SVG draws the hall: booths as rectangles with their code and, when the
// booth is big enough, the exhibitor's name; pillars and entrances. The
// viewBox is in metres; plan.js pans and zooms it.
func (v PlanView) SVG() template.HTML {
	var b strings.Builder
	w, d := v.Hall.Width, v.Hall.Depth
	fmt.Fprintf(&b, `<svg class="plan" id="plan-%s" viewBox="-1 -1 %g %g" data-w="%g" data-d="%g" role="img" aria-label="%s" preserveAspectRatio="xMidYMid meet">`,
		html.EscapeString(v.Hall.Code), w+2, d+2, w+2, d+2, html.EscapeString(v.Hall.Code))
	fmt.Fprintf(&b, `<rect class="hall" x="0" y="0" width="%g" height="%g"/>`, w, d)
	for _, f := range v.Features {
		fmt.Fprintf(&b, `<rect class="feature %s" x="%g" y="%g" width="%g" height="%g"><title>%s</title></rect>`,
			html.EscapeString(f.Kind), f.X, f.Y, f.W, f.H, html.EscapeString(f.Kind+" "+f.Label))
	}
	for _, bt := range v.Booths {
		v.booth(&b, bt)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func (v PlanView) booth(b *strings.Builder, bt PlanBooth) {
	cls := "booth " + string(bt.Status)
	if bt.Highlight {
		cls += " hl"
	}
	if bt.Proposed {
		cls += " proposed"
	}
	if bt.Locked {
		cls += " locked"
	}
	fill := ""
	if v.ColorBy == "sector" && bt.Sector != "" {
		fill = ` style="fill:` + sectorColor(bt.Sector) + `"`
	}
	title := bt.Code
	if bt.Name != "" {
		title += " · " + bt.Name
	}
	fmt.Fprintf(b, `<g class="%s" data-code="%s" data-booth="%d" data-exhibitor="%d" tabindex="0">`, cls, html.EscapeString(bt.Code), bt.ID, bt.ExhibitorID)
	href := ""
	switch {
	case v.BoothLink != "":
		href = fmt.Sprintf("%s%d", v.BoothLink, bt.ID)
	case v.Link != "" && bt.ExhibitorID != 0:
		href = fmt.Sprintf("%s/%d", v.Link, bt.ExhibitorID)
	}
	if href != "" {
		fmt.Fprintf(b, `<a href="%s">`, html.EscapeString(href))
	}
	fmt.Fprintf(b, `<rect x="%g" y="%g" width="%g" height="%g"%s/><title>%s</title>`, bt.X, bt.Y, bt.W, bt.H, fill, html.EscapeString(title))
	size := min(bt.H*0.28, bt.W*0.22, 1.2)
	fmt.Fprintf(b, `<text class="code" x="%g" y="%g" font-size="%.2f">%s</text>`, bt.X+0.15, bt.Y+size+0.1, size, html.EscapeString(bt.Code))
	if bt.Name != "" {
		ns := size * 0.8
		maxChars := int((bt.W - 0.3) / (ns * 0.62))
		fmt.Fprintf(b, `<text class="name" x="%g" y="%g" font-size="%.2f">%s</text>`, bt.X+0.15, bt.Y+2*size+0.3, ns, html.EscapeString(ellipsis(bt.Name, maxChars)))
	}
	if href != "" {
		b.WriteString(`</a>`)
	}
	b.WriteString(`</g>`)
}

func ellipsis(s string, n int) string {
	r := []rune(s)
	if n < 2 {
		n = 2
	}
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
