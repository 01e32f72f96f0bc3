package web

import (
	"errors"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
)

// MarketPage is the marketplace: search and filters over published cards.
type MarketPage struct {
	Page
	Query     market.Query
	Results   market.Results
	Marked    map[int64]template.HTML
	Kinds     []market.Kind
	Houses    []org.House
	Sectors   []string
	Countries []string
	PageNo    int
	Pages     int
	Base      string
	MyOrgs    []org.Organization
}

const marketPageSize = 24

func (m *matchWeb) handleMarket(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	pageNo, _ := strconv.Atoi(q.Get("page"))
	pageNo = max(pageNo, 1)
	mq := market.Query{Text: strings.TrimSpace(q.Get("q")), Kind: q.Get("kind"), Sector: q.Get("sector"), House: q.Get("house"),
		Country: q.Get("country"), Offset: (pageNo - 1) * marketPageSize, Limit: marketPageSize}
	if len(mq.Text) > 200 {
		mq.Text = mq.Text[:200]
	}
	p := MarketPage{Page: m.s.page(r, ""), Query: mq, PageNo: pageNo, Base: r.URL.RequestURI(), Kinds: market.Kinds,
		Houses: []org.House{org.State, org.Academia, org.EnterpriseHouse}}
	p.Sectors = p.sectorsByName()
	p.Title = p.T("market.title")
	res, err := m.market.Search(r.Context(), mq, p.Lang)
	if err != nil {
		return err
	}
	p.Results = res
	p.Marked = map[int64]template.HTML{}
	for id, h := range res.Marked {
		p.Marked[id] = template.HTML(h) // escaped by textsearch.Mark
	}
	p.Pages = (res.Total + marketPageSize - 1) / marketPageSize
	for c := range res.Facets[market.FacetCountry] {
		p.Countries = append(p.Countries, c)
	}
	if mq.Country != "" && !slices.Contains(p.Countries, mq.Country) {
		p.Countries = append(p.Countries, mq.Country)
	}
	p.sortByName(p.Countries, p.Country)
	if p.MyOrgs, err = m.viewerOrgs(r); err != nil {
		return err
	}
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "market-results" {
		return m.s.renderBlock(w, http.StatusOK, "market", "market-results", p)
	}
	return m.s.render(w, http.StatusOK, "market", p)
}

// viewerOrgs returns the organizations the viewer is a member of.
func (m *matchWeb) viewerOrgs(r *http.Request) ([]org.Organization, error) {
	v := viewerOf(r)
	ids := make([]int64, 0, len(v.orgs))
	for id := range v.orgs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]org.Organization, 0, len(ids))
	for _, id := range ids {
		o, err := m.s.db.Organization(r.Context(), id)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// CardPage is one card.
type CardPage struct {
	Page
	Card    market.CardView
	CanEdit bool
	Events  []event.Event
	MyOrgs  []org.Organization
	Own     bool // the viewer is in the owner organization
	// Over holds the card's events that have ended, where no meeting can
	// be asked any more.
	Over map[int64]bool
}

func (m *matchWeb) loadCard(r *http.Request) (market.CardView, error) {
	id, err := pathID(r, "card")
	if err != nil {
		return market.CardView{}, err
	}
	c, err := m.s.db.Card(r.Context(), id)
	if err != nil {
		return c, err
	}
	v := viewerOf(r)
	if _, member := v.orgs[c.OrgID]; c.Status != market.Published && !member && !v.admin() {
		return c, errNotFoundCard // drafts and closed cards are their owners' only
	}
	return c, nil
}

var errNotFoundCard = apperr.Errorf(apperr.NotFound, "Card not found.")

func (m *matchWeb) handleCard(w http.ResponseWriter, r *http.Request) error {
	c, err := m.loadCard(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	_, own := v.orgs[c.OrgID]
	p := CardPage{Page: m.s.page(r, ""), Card: c, CanEdit: own || v.admin(), Own: own}
	p.Title = p.Tx(c.Title)
	p.Over = map[int64]bool{}
	for _, id := range c.Events {
		e, err := m.s.db.Event(r.Context(), id)
		if err != nil {
			continue // an event gone since
		}
		p.Events = append(p.Events, e)
		if v, err := m.s.db.Venue(r.Context(), e.VenueID); err == nil {
			p.Over[e.ID] = m.s.over(e, v)
		}
	}
	if p.MyOrgs, err = m.viewerOrgs(r); err != nil {
		return err
	}
	return m.s.render(w, http.StatusOK, "market_card", p)
}

// MyCardsPage lists the cards of the viewer's organizations.
type MyCardsPage struct {
	Page
	Orgs []OrgCards
}

// OrgCards is one organization with its cards.
type OrgCards struct {
	Org   org.Organization
	Cards []market.CardView
}

func (m *matchWeb) handleMyCards(w http.ResponseWriter, r *http.Request) error {
	orgs, err := m.viewerOrgs(r)
	if err != nil {
		return err
	}
	p := MyCardsPage{Page: m.s.page(r, "")}
	p.Title = p.T("market.mine")
	for _, o := range orgs {
		cs, err := m.s.db.CardsOfOrgs(r.Context(), []int64{o.ID})
		if err != nil {
			return err
		}
		p.Orgs = append(p.Orgs, OrgCards{Org: o, Cards: cs})
	}
	return m.s.render(w, http.StatusOK, "market_mine", p)
}

// CardForm creates or edits a card.
type CardForm struct {
	Page
	Org      org.Organization
	Card     market.Card
	IsNew    bool
	Action   string
	Kinds    []market.Kind
	Statuses []market.Status
	Sectors  []string
	Events   []event.Event
	Fields   map[string]string
	Message  string
}

func (m *matchWeb) cardForm(r *http.Request, o org.Organization, c market.Card, isNew bool) (CardForm, error) {
	p := CardForm{Page: m.s.page(r, ""), Org: o, Card: c, IsNew: isNew, Kinds: market.Kinds, Statuses: market.Statuses}
	p.Sectors = p.sectorsByName()
	if isNew {
		p.Title, p.Action = p.T("market.new"), "/market/orgs/"+itoa(o.ID)+"/cards"
	} else {
		p.Title, p.Action = p.T("market.edit"), "/market/cards/"+itoa(c.ID)
	}
	evs, _, err := m.s.db.Events(r.Context(), 0, 100)
	p.Events = evs
	return p, err
}

func (m *matchWeb) handleNewCard(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "org")
	if err != nil {
		return err
	}
	o, err := m.s.db.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	// A new card starts from the organization's own sectors, the usual
	// answer; the owner narrows them to the card's.
	p, err := m.cardForm(r, o, market.Card{OrgID: id, Kind: market.Offer, Status: market.Published, Sectors: o.Sectors[:min(len(o.Sectors), market.MaxSectors)]}, true)
	if err != nil {
		return err
	}
	return m.s.render(w, http.StatusOK, "market_form", p)
}

func (m *matchWeb) handleEditCard(w http.ResponseWriter, r *http.Request) error {
	c, err := m.loadCard(r)
	if err != nil {
		return err
	}
	o, err := m.s.db.Organization(r.Context(), c.OrgID)
	if err != nil {
		return err
	}
	p, err := m.cardForm(r, o, c.Card, false)
	if err != nil {
		return err
	}
	return m.s.render(w, http.StatusOK, "market_form", p)
}

// readCardForm fills a card from a posted form.
func readCardForm(r *http.Request, c *market.Card) {
	f := r.PostFormValue
	c.Kind, c.Status = market.Kind(f("kind")), market.Status(f("status"))
	c.Title = i18n.Text{VI: f("title_vi"), EN: f("title_en"), KO: f("title_ko")}
	c.Body = i18n.Text{VI: f("body_vi"), EN: f("body_en"), KO: f("body_ko")}
	c.Sectors = r.PostForm["sectors"]
	c.TRL = 0
	if c.Kind == market.ResearchResult {
		c.TRL, _ = strconv.Atoi(f("trl"))
	}
	c.Events = nil
	for _, s := range r.PostForm["events"] {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			c.Events = append(c.Events, id)
		}
	}
}

func (m *matchWeb) handleCreateCard(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "org")
	if err != nil {
		return err
	}
	o, err := m.s.db.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	c := market.Card{OrgID: id, CreatedBy: viewerOf(r).person.ID}
	readCardForm(r, &c)
	return m.saveCardForm(w, r, o, &c, true)
}

func (m *matchWeb) handleSaveCard(w http.ResponseWriter, r *http.Request) error {
	old, err := m.loadCard(r)
	if err != nil {
		return err
	}
	o, err := m.s.db.Organization(r.Context(), old.OrgID)
	if err != nil {
		return err
	}
	c := old.Card
	readCardForm(r, &c)
	return m.saveCardForm(w, r, o, &c, false)
}

func (m *matchWeb) saveCardForm(w http.ResponseWriter, r *http.Request, o org.Organization, c *market.Card, isNew bool) error {
	var err error
	if isNew {
		err = m.market.Create(r.Context(), c)
	} else {
		err = m.market.Update(r.Context(), c)
	}
	var e *apperr.Error
	if errors.As(err, &e) && e.Code == apperr.Invalid {
		p, ferr := m.cardForm(r, o, *c, isNew)
		if ferr != nil {
			return ferr
		}
		p.Fields = translateFields(p.Page, e.Fields)
		if len(p.Fields) == 0 {
			p.Fields = map[string]string{"events": e.Message}
		}
		p.Message = p.T("form.fix")
		return m.s.render(w, http.StatusUnprocessableEntity, "market_form", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/market/cards/"+itoa(c.ID)+"?"+createdParam+"="+cardFlash(c, isNew), http.StatusSeeOther)
	return nil
}

// cardFlash names the confirmation of a saved card (see flashes).
func cardFlash(c *market.Card, isNew bool) string {
	switch {
	case c.Status == market.Draft:
		return "card_draft"
	case isNew && c.Status == market.Published:
		return "card"
	}
	return "card_saved"
}

// RecsPage is an organization's recommended partners.
type RecsPage struct {
	Page
	Org      org.Organization
	Event    *event.Event
	Events   []event.Event
	Partners []market.Partner
	Max      float64
	// Over: the event chosen has ended, so no meeting can be asked there.
	Over bool
	// Met is the status of the organization's latest meeting at the event
	// with each partner it already has one with.
	Met map[int64]meeting.Status
	// Upcoming are the events not over yet, soonest first, at most three:
	// all year, a recommendation offers a meeting at those of them its
	// partner takes part in (meetings take place at events): Offers, per
	// partner.
	Upcoming []event.Event
	Offers   map[int64][]RecOffer
}

// RecOffer is an upcoming event a partner takes part in: a meeting can be
// asked there, unless the organization already has one open or held with
// it (Status).
type RecOffer struct {
	Event  event.Event
	Status meeting.Status
}

// recsEvent reads the optional ?event= of a recommendation request.
func (m *matchWeb) recsEvent(r *http.Request) (*event.Event, error) {
	s := r.URL.Query().Get("event")
	if s == "" || s == "0" {
		return nil, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return nil, apperr.Fields{"event": "must be an event id"}.Err()
	}
	e, err := m.s.db.Event(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return &e, nil
}

func (m *matchWeb) recommendations(r *http.Request) (org.Organization, *event.Event, []market.Partner, error) {
	id, err := pathID(r, "org")
	if err != nil {
		return org.Organization{}, nil, nil, err
	}
	o, err := m.s.db.Organization(r.Context(), id)
	if err != nil {
		return o, nil, nil, err
	}
	e, err := m.recsEvent(r)
	if err != nil {
		return o, nil, nil, err
	}
	var evID int64
	if e != nil {
		evID = e.ID
	}
	ps, err := m.market.Recommend(r.Context(), evID, id, market.TopN, viewerOf(r).lang)
	return o, e, ps, err
}

func (m *matchWeb) handleRecommendations(w http.ResponseWriter, r *http.Request) error {
	o, e, ps, err := m.recommendations(r)
	if err != nil {
		return err
	}
	p := RecsPage{Page: m.s.page(r, ""), Org: o, Event: e, Partners: ps}
	p.Title = p.T("recs.title") + " · " + p.Tx(o.Name)
	for _, pa := range ps {
		p.Max = max(p.Max, pa.Score)
	}
	if p.Events, _, err = m.s.db.Events(r.Context(), 0, 100); err != nil {
		return err
	}
	if p.Upcoming, err = m.upcoming(r, p.Events, 3); err != nil {
		return err
	}
	if e != nil {
		if err := m.recsAtEvent(r, &p); err != nil {
			return err
		}
	} else if err := m.recsAllYear(r, &p); err != nil {
		return err
	}
	return m.s.render(w, http.StatusOK, "market_recs", p)
}

// upcoming picks the events of all that are not over, soonest first, at
// most n.
func (m *matchWeb) upcoming(r *http.Request, all []event.Event, n int) ([]event.Event, error) {
	venues := map[int64]event.Venue{}
	var out []event.Event
	for _, e := range all {
		v, ok := venues[e.VenueID]
		if !ok {
			var err error
			if v, err = m.s.db.Venue(r.Context(), e.VenueID); err != nil {
				return nil, err
			}
			venues[e.VenueID] = v
		}
		if !m.s.over(e, v) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b event.Event) int { return strings.Compare(a.StartDate, b.StartDate) })
	return out[:min(len(out), n)], nil
}

// recsAtEvent says whether the page's event is over and which partners the
// organization already has a meeting with there, so that the page offers
// a request only where one can be made.
func (m *matchWeb) recsAtEvent(r *http.Request, p *RecsPage) error {
	v, err := m.s.db.Venue(r.Context(), p.Event.VenueID)
	if err != nil {
		return err
	}
	p.Over = m.s.over(*p.Event, v)
	p.Met, err = m.metAt(r, p.Event.ID, p.Org.ID)
	return err
}

// metAt is the status of an organization's latest meeting at an event
// with each partner it has one with that stands in the way of a new
// request: open, or one that took place (a declined or cancelled one does
// not).
func (m *matchWeb) metAt(r *http.Request, eventID, orgID int64) (map[int64]meeting.Status, error) {
	ms, err := m.s.db.MeetingsOfOrgs(r.Context(), eventID, []int64{orgID})
	if err != nil {
		return nil, err
	}
	met := map[int64]meeting.Status{}
	for _, mv := range ms {
		if !mv.Status.Open() && mv.Status != meeting.Held && mv.Status != meeting.NoShow {
			continue
		}
		other := mv.ToOrg
		if other == orgID {
			other = mv.FromOrg
		}
		met[other] = mv.Status
	}
	return met, nil
}

// recsAllYear finds, for each partner, the upcoming events it takes part
// in, with any meeting the organization already has with it there.
func (m *matchWeb) recsAllYear(r *http.Request, p *RecsPage) error {
	ids := make([]int64, len(p.Partners))
	for i, pa := range p.Partners {
		ids[i] = pa.OrgID
	}
	p.Offers = map[int64][]RecOffer{}
	for _, e := range p.Upcoming {
		there, err := m.s.db.TakesPart(r.Context(), e.ID, ids)
		if err != nil {
			return err
		}
		met, err := m.metAt(r, e.ID, p.Org.ID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if there[id] {
				p.Offers[id] = append(p.Offers[id], RecOffer{Event: e, Status: met[id]})
			}
		}
	}
	return nil
}

// Percent writes a score relative to the best one, for the bars.
func (p RecsPage) Percent(score float64) int {
	if p.Max <= 0 {
		return 0
	}
	return int(score * 100 / p.Max)
}

// API.

// CardInput is what the API accepts for a card.
type CardInput struct {
	Kind    market.Kind   `json:"kind"`
	Status  market.Status `json:"status"`
	Title   i18n.Text     `json:"title"`
	Body    i18n.Text     `json:"body"`
	Sectors []string      `json:"sectors"`
	TRL     int           `json:"trl"`
	Events  []int64       `json:"events"`
}

func (in CardInput) apply(c *market.Card) {
	c.Kind, c.Status, c.Title, c.Body, c.Sectors, c.TRL, c.Events = in.Kind, in.Status, in.Title, in.Body, in.Sectors, in.TRL, in.Events
}

func (m *matchWeb) apiCards(w http.ResponseWriter, r *http.Request) error {
	off, lim, err := paging(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	mq := market.Query{Text: q.Get("q"), Kind: q.Get("kind"), Sector: q.Get("sector"), House: q.Get("house"), Country: q.Get("country"), Offset: off, Limit: lim}
	if len(mq.Text) > 200 {
		return apperr.Fields{"q": "is longer than 200 characters"}.Err()
	}
	res, err := m.market.Search(r.Context(), mq, viewerOf(r).lang)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(res.Hits, res.Total, off, lim))
}

func (m *matchWeb) apiCard(w http.ResponseWriter, r *http.Request) error {
	c, err := m.loadCard(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c)
}

func (m *matchWeb) apiCreateCard(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "org")
	if err != nil {
		return err
	}
	var in CardInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if _, err := m.s.db.Organization(r.Context(), id); err != nil {
		return err
	}
	c := market.Card{OrgID: id, CreatedBy: viewerOf(r).person.ID}
	in.apply(&c)
	if err := m.market.Create(r.Context(), &c); err != nil {
		return err
	}
	v, err := m.s.db.Card(r.Context(), c.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, v)
}

func (m *matchWeb) apiUpdateCard(w http.ResponseWriter, r *http.Request) error {
	old, err := m.loadCard(r)
	if err != nil {
		return err
	}
	c := old.Card
	in := CardInput{Kind: c.Kind, Status: c.Status, Title: c.Title, Body: c.Body, Sectors: c.Sectors, TRL: c.TRL, Events: c.Events}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	in.apply(&c)
	if err := m.market.Update(r.Context(), &c); err != nil {
		return err
	}
	v, err := m.s.db.Card(r.Context(), c.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func (m *matchWeb) apiRecommendations(w http.ResponseWriter, r *http.Request) error {
	_, _, ps, err := m.recommendations(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list(ps, len(ps), 0, market.TopN))
}

// The API routes of issue 3 in the OpenAPI document.
func init() {
	for k, d := range map[string]apiDoc{
		"GET /api/v1/cards":                               {summary: "Search published marketplace cards (q: text in any language, diacritics optional, last word a prefix)", out: market.CardView{}, list: true, query: []string{"q", "kind", "sector", "house", "country"}},
		"GET /api/v1/cards/{card}":                        {summary: "Read a card (drafts and closed cards: its organization's members only)", out: market.CardView{}},
		"POST /api/v1/organizations/{org}/cards":          {summary: "Publish or draft a card for an organization (its members)", in: CardInput{}, out: market.CardView{}},
		"PATCH /api/v1/cards/{card}":                      {summary: "Update a card (fields given replace; its organization's members)", in: CardInput{}, out: market.CardView{}},
		"GET /api/v1/organizations/{org}/recommendations": {summary: "An organization's recommended partners with score and reasons in the reader's language (event: among an event's participants; else all year)", out: market.Partner{}, list: true, query: []string{"event"}},
		"GET /api/v1/events/{event}/meetings":             {summary: "Your organizations' meetings at an event (org: one of them; status: one status)", out: meeting.View{}, list: true, query: []string{"org", "status"}},
		"POST /api/v1/events/{event}/meetings":            {summary: "Request a meeting from one of your organizations (from_org may be left out when you have one; with card_id alone it goes to the card's organization); Idempotency-Key makes a retry safe; the other side's members are mailed", in: MeetingInput{}, out: meeting.View{}},
	} {
		apiDocs[k] = d
	}
}

// OrgProfilePage is an organization's marketplace profile: who it is, its
// published cards, and the events where one can meet it.
type OrgProfilePage struct {
	Page
	Org    org.Organization
	Cards  []market.CardView
	Events []event.Event
	Own    bool
	MyOrgs []org.Organization
}

func (m *matchWeb) handleOrgProfile(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "org")
	if err != nil {
		return err
	}
	o, err := m.s.db.Organization(r.Context(), id)
	if err != nil {
		return err
	}
	o.Email, o.Phone, o.Competitors = "", "", nil // contacts and competitors are for members and organizers
	v := viewerOf(r)
	_, own := v.orgs[id]
	p := OrgProfilePage{Page: m.s.page(r, ""), Org: o, Own: own}
	p.Title = p.Tx(o.Name)
	cards, err := m.s.db.CardsOfOrgs(r.Context(), []int64{id})
	if err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, c := range cards {
		if c.Status != market.Published {
			continue
		}
		p.Cards = append(p.Cards, c)
		for _, ev := range c.Events {
			if !seen[ev] {
				seen[ev] = true
				if e, err := m.s.db.Event(r.Context(), ev); err == nil {
					p.Events = append(p.Events, e)
				}
			}
		}
	}
	if p.MyOrgs, err = m.viewerOrgs(r); err != nil {
		return err
	}
	return m.s.render(w, http.StatusOK, "market_org", p)
}
