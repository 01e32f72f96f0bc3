package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"ketnoi/internal/event"
	"net/http"

	"ketnoi/internal/checkin"
)

// reasons are the refusal reasons a scanner shows, by catalogue key.
var reasons = []checkin.Reason{checkin.ReasonMalformed, checkin.ReasonSignature, checkin.ReasonWrongEvent, checkin.ReasonUnknown, checkin.ReasonBadCode,
	checkin.ReasonRevoked, checkin.ReasonCancelled, checkin.ReasonWrongDay, checkin.ReasonCategory, checkin.ReasonUsed,
	checkin.ReasonUsedToday, checkin.ReasonInside, checkin.ReasonNotInside, checkin.ReasonRoomFull, checkin.ReasonPoint,
	checkin.ReasonForbidden, checkin.ReasonInvalid}

// ScannerPage is the phone-first scanner app's shell; it holds no data:
// the app fetches its configuration with the person's session.
type ScannerPage struct {
	Page
	EventID   int64
	EventName string
	I18N      template.JS
}

func (s *Server) handleScanner(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p := ScannerPage{Page: s.page(r, s.cat.T(viewerOf(r).lang, "checkin.scanner.title")), EventID: e.ID}
	p.EventName = p.Tx(e.Name)
	msgs := map[string]string{}
	for _, k := range []string{"online", "offline", "admitted", "exited", "lead_saved", "duplicate", "noconfig", "nopoints", "signin", "nocamera",
		"none", "more", "short", "badsearch", "nocode", "hand_offline", "hand_gate", "error", "synced", "attention"} {
		msgs[k] = p.T("checkin.scanner." + k)
	}
	msgs["toomany"] = p.T("gates.kiosk.toomany")
	for _, c := range event.Categories { // the badge's category, for the staff to compare
		msgs["category."+string(c)] = p.T("checkin.category." + string(c))
	}
	for _, rs := range reasons {
		msgs["reason."+string(rs)] = p.T("checkin.reason." + string(rs))
	}
	b, _ := json.Marshal(msgs)
	p.I18N = template.JS(b)
	return s.render(w, http.StatusOK, "checkin_scanner", p)
}

// handleScannerWorker serves the service worker from the scanner's own
// path, so that its scope covers the scanner page.
func (s *Server) handleScannerWorker(w http.ResponseWriter, r *http.Request) error {
	b, err := fs.ReadFile(staticFS, "static/scanner/sw.js")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, err = w.Write(b)
	return err
}

func (s *Server) handleScannerManifest(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	start := fmt.Sprintf("/events/%d/scanner/", e.ID)
	w.Header().Set("Content-Type", "application/manifest+json")
	return json.NewEncoder(w).Encode(map[string]any{
		"name": "ketnoi scanner · " + e.Name.In(viewerOf(r).lang), "short_name": "ketnoi scan",
		"start_url": start, "scope": start, "display": "standalone", "background_color": "#ffffff", "theme_color": "#1565c0",
		"icons": []map[string]string{{"src": "/static/scanner/icon.svg", "sizes": "any", "type": "image/svg+xml"}},
	})
}

// CheckinDashPage is the organizer's live check-in dashboard.
type CheckinDashPage struct {
	Page
	EventID   int64
	EventName string
	Stats     checkin.Stats
	Lists     []checkin.List
	// Labels name the live charts' keys in the reader's language: the
	// categories ("category.visitor") and the scan points ("Cổng Bắc · N1").
	Labels template.JS
}

func (s *Server) handleCheckinDashboard(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p := CheckinDashPage{Page: s.page(r, s.cat.T(viewerOf(r).lang, "checkin.dashboard.title")), EventID: e.ID}
	p.EventName = p.Tx(e.Name)
	today, err := s.checkin().scans.Today(r.Context(), e.ID)
	if err != nil {
		return err
	}
	if p.Stats, err = s.db.CheckinStats(r.Context(), e.ID, today); err != nil {
		return err
	}
	if p.Lists, err = s.db.CheckinLists(r.Context(), e.ID); err != nil {
		return err
	}
	labels := map[string]string{}
	for _, c := range event.Categories {
		labels["category."+string(c)] = p.T("checkin.category." + string(c))
	}
	gates, err := s.db.Gates(r.Context(), e.ID)
	if err != nil {
		return err
	}
	for _, g := range gates {
		if g.Name != "" && g.Name != g.Code {
			labels["gate."+g.Code] = g.Name + " · " + g.Code
		}
	}
	b, _ := json.Marshal(labels)
	p.Labels = template.JS(b)
	return s.render(w, http.StatusOK, "checkin_dashboard", p)
}
