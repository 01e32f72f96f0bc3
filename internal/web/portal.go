package web

import (
	"errors"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
	"ketnoi/internal/taxonomy"
)

// PortalPage is an exhibitor's own page: private data and the profile form.
type PortalPage struct {
	Page
	Event     event.Event
	Exhibitor event.ExhibitorView
	CanEdit   bool
	// Member: the viewer works for the exhibitor, so its leads, meetings
	// and recommendations are theirs to open (an organizer helping with
	// the profile sees none of them).
	Member  bool
	CanRecs bool // members, and the platform's admins
	Saved   bool
	Message string
	Fields  map[string]string
	AllSecs []string
	// Rivals are the organizations one may name as competitors: the
	// event's other participants and those already named.
	Rivals []org.Organization
}

func (s *Server) portalPage(r *http.Request) (PortalPage, error) {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return PortalPage{}, err
	}
	xid, err := pathID(r, "exhibitor")
	if err != nil {
		return PortalPage{}, err
	}
	x, err := s.db.Exhibitor(r.Context(), e.ID, xid)
	if err != nil {
		return PortalPage{}, err
	}
	// The directory's view lacks the private matchmaking preferences.
	if x.Org, err = s.db.Organization(r.Context(), x.OrgID); err != nil {
		return PortalPage{}, err
	}
	v := viewerOf(r)
	p := PortalPage{Page: s.page(r, ""), Event: e, Exhibitor: x,
		CanEdit: v.organizer(e.ID) || v.orgs[x.OrgID] == account.MemberAdmin}
	p.AllSecs = p.sectorsByName()
	_, p.Member = v.orgs[x.OrgID]
	p.CanRecs = p.Member || v.admin()
	p.Title = p.T("portal.title") + " · " + p.Tx(x.Org.Name)
	if p.Rivals, err = s.rivals(r, e.ID, x.Org); err != nil {
		return PortalPage{}, err
	}
	return p, nil
}

// rivals lists the organizations o may name as competitors at an event,
// by name in the reader's language.
func (s *Server) rivals(r *http.Request, eventID int64, o org.Organization) ([]org.Organization, error) {
	parts, err := s.db.MatchParticipants(r.Context(), eventID)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{o.ID: true}
	var out []org.Organization
	for _, p := range parts {
		if !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	for _, id := range o.Competitors {
		if !seen[id] {
			seen[id] = true
			if c, err := s.db.Organization(r.Context(), id); err == nil {
				out = append(out, c)
			}
		}
	}
	lang := s.page(r, "").Lang
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name.In(lang) < out[j].Name.In(lang) })
	return out, nil
}

func (s *Server) handlePortal(w http.ResponseWriter, r *http.Request) error {
	p, err := s.portalPage(r)
	if err != nil {
		return err
	}
	p.Saved = r.URL.Query().Get("saved") == "1"
	return s.render(w, http.StatusOK, "portal", p)
}

func (s *Server) handlePortalSave(w http.ResponseWriter, r *http.Request) error {
	p, err := s.portalPage(r)
	if err != nil {
		return err
	}
	o := p.Exhibitor.Org
	o.Name = i18n.Text{VI: r.PostFormValue("name_vi"), EN: r.PostFormValue("name_en"), KO: r.PostFormValue("name_ko")}
	o.Description = i18n.Text{VI: r.PostFormValue("desc_vi"), EN: r.PostFormValue("desc_en"), KO: r.PostFormValue("desc_ko")}
	o.Website, o.Email, o.Phone = strings.TrimSpace(r.PostFormValue("website")), strings.TrimSpace(r.PostFormValue("email")), strings.TrimSpace(r.PostFormValue("phone"))
	o.Sectors = r.PostForm["sectors"]
	o.Interests = r.PostForm["interests"]
	o.Competitors = nil
	for _, c := range r.PostForm["competitors"] {
		id, perr := strconv.ParseInt(c, 10, 64)
		if perr != nil {
			id = -1 // reported by validation as not an organization
		}
		o.Competitors = append(o.Competitors, id)
	}
	err = s.saveOrg(r, &o)
	var e *apperr.Error
	if errors.As(err, &e) && e.Code == apperr.Invalid {
		p.Exhibitor.Org = o
		p.Fields = translateFields(p.Page, e.Fields)
		p.Message = p.T("form.fix")
		return s.render(w, http.StatusUnprocessableEntity, "portal", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, r.URL.Path+"?saved=1", http.StatusSeeOther)
	return nil
}

// saveOrg validates an organization (sectors and interests from the
// taxonomy only), stores it and brings the recommendations up to date.
func (s *Server) saveOrg(r *http.Request, o *org.Organization) error {
	if err := validateOrg(o); err != nil {
		return err
	}
	if err := s.db.UpdateOrganization(r.Context(), o); err != nil {
		return err
	}
	if s.market != nil {
		// The profile is saved; a recommender that cannot take it yet
		// catches up at its next rebuild.
		if err := s.market.ProfileChanged(r.Context(), o.ID); err != nil {
			s.log.Warn("recommend: profile change", "org", o.ID, "err", err)
		}
	}
	return nil
}

func validateOrg(o *org.Organization) error {
	f := apperr.Fields{}
	err := o.Validate()
	var e *apperr.Error
	if errors.As(err, &e) && e.Fields != nil {
		f = e.Fields
	} else if err != nil {
		return err
	}
	for field, codes := range map[string][]string{"sectors": o.Sectors, "interests": o.Interests} {
		for _, sec := range codes {
			if _, ok := taxonomy.Lookup(sec); !ok {
				f.Add(field, "has an unknown sector: "+sec)
			}
		}
	}
	return f.Err()
}

// ConsoleIndex lists the events the viewer runs.
type ConsoleIndex struct {
	Page
	Events []event.Event
	Admin  bool // platform administrators also see the whole mail outbox
	// Stands are the viewer's organizations exhibiting at events, with the
	// way to their portal, leads and meetings.
	Stands []Stand
	Member bool // the viewer works for an organization (cards, partners)
	// Orgs are the viewer's organizations, each with the way to its
	// cards, partners and outcomes.
	Orgs []org.Organization
	// Registrations are the viewer's own, each with its badge to fetch
	// again.
	Registrations []MyRegistration
}

// MyRegistration is one of the viewer's registrations, with its event.
type MyRegistration struct {
	Event event.Event
	Reg   checkin.Registrant
}

// Stand is one of the viewer's organizations at an event.
type Stand struct {
	Event     event.Event
	Exhibitor event.ExhibitorView
}

func (s *Server) handleConsoleIndex(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	evs, _, err := s.db.Events(r.Context(), 0, 200)
	if err != nil {
		return err
	}
	p := ConsoleIndex{Page: s.page(r, ""), Admin: v.admin(), Member: len(v.orgs) > 0}
	p.Title = p.T("console.title")
	if p.Stands, err = s.stands(r, evs); err != nil {
		return err
	}
	if p.Registrations, err = s.myRegistrations(r, evs); err != nil {
		return err
	}
	if p.Orgs, err = (&matchWeb{s: s}).viewerOrgs(r); err != nil {
		return err
	}
	for _, e := range evs {
		if v.organizer(e.ID) {
			p.Events = append(p.Events, e)
		}
	}
	if len(p.Events) == 0 && !p.Admin {
		p.Title = p.T("nav.console") // an exhibitor's or a visitor's, not an organizer's
	}
	if len(p.Events) == 1 && len(p.Stands) == 0 && len(p.Registrations) == 0 {
		http.Redirect(w, r, "/console/events/"+itoa(p.Events[0].ID), http.StatusSeeOther)
		return nil
	}
	return s.render(w, http.StatusOK, "console", p)
}

// myRegistrations lists the viewer's registrations at the events evs,
// in the events' order.
func (s *Server) myRegistrations(r *http.Request, evs []event.Event) ([]MyRegistration, error) {
	regs, err := s.db.RegistrantsOf(r.Context(), viewerOf(r).person.ID)
	if err != nil {
		return nil, err
	}
	var out []MyRegistration
	for _, e := range evs {
		for _, reg := range regs {
			if reg.EventID == e.ID {
				out = append(out, MyRegistration{Event: e, Reg: reg})
			}
		}
	}
	return out, nil
}

// stands lists the viewer's organizations exhibiting at the events evs,
// in the events' order.
func (s *Server) stands(r *http.Request, evs []event.Event) ([]Stand, error) {
	v := viewerOf(r)
	orgs := make([]int64, 0, len(v.orgs))
	for id := range v.orgs {
		orgs = append(orgs, id)
	}
	byEvent, err := s.db.ExhibitorsOfOrgs(r.Context(), orgs)
	if err != nil {
		return nil, err
	}
	var out []Stand
	for _, e := range evs {
		ids := byEvent[e.ID]
		slices.Sort(ids)
		for _, id := range ids {
			x, err := s.db.Exhibitor(r.Context(), e.ID, id)
			if err != nil {
				return nil, err
			}
			out = append(out, Stand{Event: e, Exhibitor: x})
		}
	}
	return out, nil
}

// DashboardPage is an event's figures for its organizers.
type DashboardPage struct {
	Page
	Event event.Event
	Venue event.Venue
	Stats event.Stats
	// Applications counts the event's applications to exhibit.
	Applications int
	Countries    []Count
	Statuses     []Count // applications by status
	Booths       []Count
	Category     []Count
	Meetings     []Count // B2B meetings by status
	AbsentOrgs   int     // organizations recorded absent from a meeting (names on the console)
	// Outcomes counts the confirmed outcomes of the event's meetings by
	// kind; Outcome is their totals.
	Outcomes []Count
	Outcome  outcome.Tally
}

// Count is one bar of a chart.
type Count struct {
	Key   string
	Label string
	N     int
	Pct   int
}

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	st, err := s.db.Stats(r.Context(), e.ID)
	if err != nil {
		return err
	}
	p := DashboardPage{Page: s.page(r, ""), Event: e, Venue: v, Stats: st}
	p.Title = p.T("dashboard.title") + " · " + p.Tx(e.Name)
	p.Countries = counts(st.ByCountry, p.Country, 12)
	// The applications as the applications console lists them, tab by
	// tab: exhibitors the organizers added themselves have none.
	apps, err := s.db.ApplicationCounts(r.Context(), e.ID)
	if err != nil {
		return err
	}
	for _, n := range apps {
		p.Applications += n
	}
	p.Statuses = counts(apps, func(k string) string { return p.T("floor.status." + k) }, 0)
	p.Booths = counts(st.BoothsByStatus, func(k string) string { return p.T("booth." + k) }, 0)
	p.Category = counts(st.ByCategory, func(k string) string { return p.T("category." + k) }, 0)
	mc, err := s.db.MeetingCounts(r.Context(), e.ID)
	if err != nil {
		return err
	}
	p.Meetings = counts(mc, func(k string) string { return p.T("meeting.status." + k) }, 0)
	absent, err := s.db.Absentees(r.Context(), e.ID)
	if err != nil {
		return err
	}
	p.AbsentOrgs = len(absent)
	outs, err := s.db.EventOutcomes(r.Context(), e.ID)
	if err != nil {
		return err
	}
	sum := outcome.Summarize(plainOutcomes(outs))
	confirmed := map[string]int{}
	for _, k := range sum.Kinds {
		if k.Confirmed > 0 {
			confirmed[string(k.Kind)] = k.Confirmed
		}
	}
	p.Outcomes, p.Outcome = counts(confirmed, func(k string) string { return p.T("outcome.kind." + k) }, 0), sum.Total
	return s.render(w, http.StatusOK, "dashboard", p)
}

// counts orders a tally for a bar chart, largest first, keeping top n.
func counts(m map[string]int, label func(string) string, n int) []Count {
	out := make([]Count, 0, len(m))
	maxN := 0
	for k, v := range m {
		out = append(out, Count{Key: k, Label: label(k), N: v})
		maxN = max(maxN, v)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	for i := range out {
		if maxN > 0 {
			out[i].Pct = out[i].N * 100 / maxN
		}
	}
	return out
}
