package market

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"sync"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/recommend"
	"ketnoi/internal/taxonomy"
	"ketnoi/internal/textsearch"
)

// Store is what the marketplace needs from the database; *store.DB
// implements it.
type Store interface {
	CreateCard(ctx context.Context, c *Card) error
	UpdateCard(ctx context.Context, c *Card) error
	Card(ctx context.Context, id int64) (CardView, error)
	CardsByIDs(ctx context.Context, ids []int64) ([]CardView, error)
	// CardsUpdatedSince returns every card (any status) changed at or after t.
	CardsUpdatedSince(ctx context.Context, t time.Time) ([]CardView, error)
	// MatchParticipants returns the organizations taking part in an event
	// (its exhibitors and the organizations of its registrants), or every
	// organization when eventID is 0.
	MatchParticipants(ctx context.Context, eventID int64) ([]org.Organization, error)
	Organization(ctx context.Context, id int64) (org.Organization, error)
	CardsOfOrgs(ctx context.Context, orgIDs []int64) ([]CardView, error)
}

// Service publishes and finds cards and recommends partners. It is safe
// for concurrent use.
type Service struct {
	st  Store
	log *slog.Logger
	// MaxAge is how old a recommender grows before a background rebuild;
	// MaxIndexAge unless set.
	MaxAge time.Duration

	mu     sync.Mutex
	search *textsearch.Index // published cards only
	synced time.Time         // updated_at of the newest card seen
	ready  bool
	recs   map[int64]*recIndex // by event; 0 is the year-round marketplace
}

// recIndex is one recommender index with the profiles it was fed.
type recIndex struct {
	ix         *recommend.Index
	members    map[int64]recommend.Participant
	built      time.Time
	rebuilding bool
}

// MaxIndexAge is how old a recommender may grow before it is rebuilt in
// the background: cards are followed change by change, but the profiles of
// organizations edited elsewhere (the exhibitor portal, the API) and
// organizations that joined an event are only read at a build.
const MaxIndexAge = 15 * time.Minute

// syncMargin re-reads cards changed shortly before the newest one seen, so
// that a transaction committed late (with an older timestamp) is not missed;
// re-applying a card is harmless.
const syncMargin = 2 * time.Second

// TopN is how many partners each index keeps per participant.
const TopN = 20

// NewService returns a service over st; indexes are built on first use.
func NewService(st Store, log *slog.Logger) *Service {
	if log == nil {
		log = slog.Default()
	}
	return &Service{st: st, log: log, recs: map[int64]*recIndex{}, MaxAge: MaxIndexAge}
}

// Create validates and stores a new card and indexes it.
func (s *Service) Create(ctx context.Context, c *Card) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := s.st.CreateCard(ctx, c); err != nil {
		return err
	}
	return s.Sync(ctx)
}

// Update validates and stores a changed card and updates the indexes.
func (s *Service) Update(ctx context.Context, c *Card) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := s.st.UpdateCard(ctx, c); err != nil {
		return err
	}
	return s.Sync(ctx)
}

// Sync brings the indexes up to date with the database: the first call
// builds them, later calls apply the cards changed since (by this instance
// or another one sharing the database).
func (s *Service) Sync(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.syncLocked(ctx)
}

func (s *Service) syncLocked(ctx context.Context) error {
	since := s.synced.Add(-syncMargin)
	if !s.ready {
		since = time.Time{}
		s.search = textsearch.New()
	}
	cards, err := s.st.CardsUpdatedSince(ctx, since)
	if err != nil {
		return fmt.Errorf("marketplace sync: %w", err)
	}
	// A timestamp in the future (a clock set wrong, imported data) must not
	// hide the changes made before it: the mark never passes now.
	now := time.Now()
	for _, c := range cards {
		s.apply(ctx, c)
		if c.UpdatedAt.After(s.synced) {
			s.synced = c.UpdatedAt
		}
	}
	if s.synced.After(now) {
		s.synced = now
	}
	s.ready = true
	return nil
}

// apply puts one card into the indexes, or takes it out when it is no
// longer published.
func (s *Service) apply(ctx context.Context, c CardView) {
	if c.Status != Published {
		s.search.Remove(c.ID)
		for _, ri := range s.recs {
			if err := ri.ix.Remove(cardKey(c.ID)); err != nil && !errors.Is(err, recommend.ErrNotFound) {
				s.log.Warn("recommend: remove card", "card", c.ID, "err", err)
			}
		}
		return
	}
	if err := s.search.Put(searchDoc(c)); err != nil {
		s.log.Warn("search: card not indexed", "card", c.ID, "err", err)
	}
	for ev, ri := range s.recs {
		s.applyRec(ctx, ev, ri, c)
	}
}

// applyRec puts one published card into one recommender.
func (s *Service) applyRec(ctx context.Context, ev int64, ri *recIndex, c CardView) {
	if _, member := ri.members[c.OrgID]; !member {
		// Every organization takes part in the year-round marketplace,
		// also one created after the index was built.
		if ev == 0 {
			if err := s.join(ctx, ri, c.OrgID); err != nil {
				s.log.Warn("recommend: organization not indexed", "org", c.OrgID, "err", err)
			}
		}
		return
	}
	if err := ri.ix.Update(recCard(c)); err != nil {
		s.log.Warn("recommend: card not indexed", "card", c.ID, "err", err)
	}
}

// Facet names of the search index.
const (
	FacetSector  = "sector"
	FacetHouse   = "house"
	FacetCountry = "country"
)

func searchDoc(c CardView) textsearch.Document {
	doc := textsearch.Document{ID: c.ID, Kind: string(c.Kind), Time: c.CreatedAt.Unix(), Facets: map[string][]string{
		FacetSector: c.Sectors, FacetHouse: {string(c.Owner.House)}, FacetCountry: {c.Owner.Country}}}
	for _, l := range i18n.Langs {
		name := string(l)
		if t := textIn(c.Title, l); t != "" {
			doc.Fields = append(doc.Fields, textsearch.Field{Name: "title_" + name, Text: t, Weight: 3})
		}
		if t := textIn(c.Body, l); t != "" {
			doc.Fields = append(doc.Fields, textsearch.Field{Name: "body_" + name, Text: t, Weight: 1})
		}
		if t := textIn(c.Owner.Name, l); t != "" {
			doc.Fields = append(doc.Fields, textsearch.Field{Name: "owner_" + name, Text: t, Weight: 1.5})
		}
	}
	return doc
}

// textIn returns the text of exactly one language, without fallback.
func textIn(t i18n.Text, l i18n.Lang) string {
	switch l {
	case i18n.VI:
		return t.VI
	case i18n.EN:
		return t.EN
	}
	return t.KO
}

// Query is a marketplace search.
type Query struct {
	Text    string
	Kind    string
	Sector  string
	House   string
	Country string
	Offset  int
	Limit   int
}

// Results is one page of a search.
type Results struct {
	Hits    []CardView
	Marked  map[int64]string // card → highlighted title HTML in the reader's language
	Total   int
	Partial bool
	Facets  map[string]map[string]int
}

// Search finds published cards. An empty text lists them all, filtered,
// the latest published first.
func (s *Service) Search(ctx context.Context, q Query, lang i18n.Lang) (Results, error) {
	if err := s.Sync(ctx); err != nil {
		return Results{}, err
	}
	tq := textsearch.Query{Text: q.Text, Filters: map[string][]string{}, Offset: q.Offset, Limit: q.Limit, NewestFirst: true}
	for name, v := range map[string]string{textsearch.KindFacet: q.Kind, FacetSector: q.Sector, FacetHouse: q.House, FacetCountry: q.Country} {
		if v != "" {
			tq.Filters[name] = []string{v}
		}
	}
	res := s.search.Search(tq)
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	views, err := s.st.CardsByIDs(ctx, ids)
	if err != nil {
		return Results{}, err
	}
	out := Results{Hits: views, Total: res.Total, Partial: res.Partial, Facets: res.Facets, Marked: map[int64]string{}}
	for _, h := range res.Hits {
		field := "title_" + string(lang)
		if spans, ok := h.Highlights[field]; ok {
			for _, v := range views {
				if v.ID == h.ID {
					out.Marked[h.ID] = textsearch.Mark(textIn(v.Title, lang), spans)
				}
			}
		}
	}
	return out, nil
}

// Partner is a recommended organization with its score and reasons in the
// reader's language.
type Partner struct {
	OrgID   int64              `json:"org_id"`
	Name    i18n.Text          `json:"name"`
	Kind    org.Kind           `json:"kind"`
	House   org.House          `json:"house"`
	Country string             `json:"country"`
	Score   float64            `json:"score"`
	Reasons []recommend.Reason `json:"reasons"`
}

// Card is the id of the partner's card that its first reason names, ""
// when none does: a meeting requested from the recommendation is about it.
func (p Partner) Card() string {
	for _, r := range p.Reasons {
		if r.TheirCard != "" {
			return r.TheirCard
		}
	}
	return ""
}

// Recommend returns an organization's best partners at an event (eventID
// > 0, among the event's participants) or all year (eventID 0).
func (s *Service) Recommend(ctx context.Context, eventID, orgID int64, n int, lang i18n.Lang) ([]Partner, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.syncLocked(ctx); err != nil {
		return nil, err
	}
	ri, err := s.index(ctx, eventID)
	if err != nil {
		return nil, err
	}
	// The reader's own profile may have changed, or the reader may be new.
	o, err := s.st.Organization(ctx, orgID)
	if err != nil {
		return nil, err
	}
	p := participant(o)
	if old, ok := ri.members[orgID]; !ok {
		if err := s.join(ctx, ri, orgID); err != nil {
			return nil, err
		}
	} else if !sameProfile(old, p) {
		if err := ri.ix.UpdateParticipant(p); err != nil {
			return nil, apperr.Wrap(apperr.Invalid, err, "This organization's profile cannot be matched.")
		}
		ri.members[orgID] = p
	}
	recs, err := ri.ix.Top(p.ID, n, recommend.Lang(lang))
	if err != nil {
		return nil, fmt.Errorf("recommend: %w", err)
	}
	out := make([]Partner, 0, len(recs))
	for _, r := range recs {
		id, _ := strconv.ParseInt(r.Partner, 10, 64)
		out = append(out, Partner{OrgID: id, Name: i18n.Text{VI: r.Name.VI, EN: r.Name.EN, KO: r.Name.KO},
			Kind: org.Kind(r.Kind), House: org.Kind(r.Kind).House(), Country: r.Country, Score: r.Score, Reasons: r.Reasons})
	}
	return out, nil
}

// Warm builds the search index and the recommenders of the year-round
// marketplace and of the given events, so that the first reader does not
// wait for them.
func (s *Service) Warm(ctx context.Context, eventIDs []int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.syncLocked(ctx); err != nil {
		return err
	}
	for _, id := range append([]int64{0}, eventIDs...) {
		if _, err := s.index(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// join adds an organization that the index did not hold, with its
// published cards: a reader from outside an event's participants, or an
// organization created after the index was built.
func (s *Service) join(ctx context.Context, ri *recIndex, orgID int64) error {
	o, err := s.st.Organization(ctx, orgID)
	if err != nil {
		return err
	}
	p := participant(o)
	if err := ri.ix.UpdateParticipant(p); err != nil {
		return apperr.Wrap(apperr.Invalid, err, "This organization's profile cannot be matched.")
	}
	ri.members[orgID] = p
	cards, err := s.st.CardsOfOrgs(ctx, []int64{orgID})
	if err != nil {
		return err
	}
	for _, c := range cards {
		if c.Status != Published {
			continue
		}
		if rc := recCard(c); rc.Validate() == nil {
			if err := ri.ix.Update(rc); err != nil {
				return fmt.Errorf("recommend: card %d: %w", c.ID, err)
			}
		}
	}
	return nil
}

// ProfileChanged updates an organization's profile (sectors, declared
// interests, excluded competitors …) in every index that holds it, and
// the lists the change can reach; it is called after the profile is saved.
func (s *Service) ProfileChanged(ctx context.Context, orgID int64) error {
	o, err := s.st.Organization(ctx, orgID)
	if err != nil {
		return err
	}
	p := participant(o)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ri := range s.recs {
		old, ok := ri.members[orgID]
		if !ok || sameProfile(old, p) {
			continue
		}
		if err := ri.ix.UpdateParticipant(p); err != nil {
			return fmt.Errorf("recommend: profile %d: %w", orgID, err)
		}
		ri.members[orgID] = p
	}
	return nil
}

// index returns the recommender of an event, building it on first use from
// the event's participants and their published cards.
func (s *Service) index(ctx context.Context, eventID int64) (*recIndex, error) {
	if ri, ok := s.recs[eventID]; ok {
		if time.Since(ri.built) > s.MaxAge && !ri.rebuilding {
			ri.rebuilding = true
			go s.rebuild(eventID)
		}
		return ri, nil
	}
	ri, err := s.buildIndex(ctx, eventID)
	if err != nil {
		return nil, err
	}
	s.recs[eventID] = ri
	return ri, nil
}

// rebuild builds an event's recommender afresh without holding the lock,
// then catches it up with the cards changed meanwhile and swaps it in.
func (s *Service) rebuild(eventID int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	nri, err := s.buildIndex(ctx, eventID)
	s.mu.Lock()
	defer s.mu.Unlock()
	var changed []CardView
	if err == nil {
		changed, err = s.st.CardsUpdatedSince(ctx, nri.built.Add(-syncMargin))
	}
	if err != nil {
		s.log.Warn("recommend: rebuild", "event", eventID, "err", err)
		if old := s.recs[eventID]; old != nil {
			old.rebuilding = false
		}
		return
	}
	for _, c := range changed {
		if c.Status == Published {
			s.applyRec(ctx, eventID, nri, c)
		} else if err := nri.ix.Remove(cardKey(c.ID)); err != nil && !errors.Is(err, recommend.ErrNotFound) {
			s.log.Warn("recommend: remove card", "card", c.ID, "err", err)
		}
	}
	s.recs[eventID] = nri
}

// buildIndex builds the recommender of an event from its participants and
// their published cards; it touches no shared state.
func (s *Service) buildIndex(ctx context.Context, eventID int64) (*recIndex, error) {
	started := time.Now()
	orgs, err := s.st.MatchParticipants(ctx, eventID)
	if err != nil {
		return nil, fmt.Errorf("recommend: participants: %w", err)
	}
	ri := &recIndex{members: map[int64]recommend.Participant{}, built: started}
	parts := make([]recommend.Participant, 0, len(orgs))
	for _, o := range orgs {
		p := participant(o)
		if err := p.Validate(); err != nil {
			s.log.Warn("recommend: organization left out", "org", o.ID, "err", err)
			continue
		}
		parts = append(parts, p)
		ri.members[o.ID] = p
	}
	all, err := s.st.CardsUpdatedSince(ctx, time.Time{})
	if err != nil {
		return nil, err
	}
	var cards []recommend.Card
	for _, c := range all {
		if _, member := ri.members[c.OrgID]; member && c.Status == Published {
			rc := recCard(c)
			if rc.Validate() == nil {
				cards = append(cards, rc)
			}
		}
	}
	ix, err := recommend.NewIndex(parts, cards, recommend.Options{TopN: TopN})
	if err != nil {
		return nil, fmt.Errorf("recommend: build index: %w", err)
	}
	ri.ix = ix
	return ri, nil
}

func participant(o org.Organization) recommend.Participant {
	p := recommend.Participant{ID: strconv.FormatInt(o.ID, 10), Kind: recommend.OrgKind(o.Kind), Country: o.Country,
		Name: recommend.Text{VI: o.Name.VI, EN: o.Name.EN, KO: o.Name.KO}}
	for _, sec := range o.Sectors {
		if okSector(sec) {
			p.Sectors = append(p.Sectors, sec)
		}
	}
	for _, sec := range o.Interests {
		if okSector(sec) {
			p.Interests = append(p.Interests, sec)
		}
	}
	for _, c := range o.Competitors {
		p.Competitors = append(p.Competitors, strconv.FormatInt(c, 10))
	}
	return p
}

func sameProfile(a, b recommend.Participant) bool {
	return a.Kind == b.Kind && a.Country == b.Country && a.Name == b.Name && slices.Equal(a.Sectors, b.Sectors) &&
		slices.Equal(a.Interests, b.Interests) && slices.Equal(a.Competitors, b.Competitors)
}

func okSector(code string) bool {
	_, ok := taxonomy.Lookup(code)
	return ok
}

func cardKey(id int64) string { return strconv.FormatInt(id, 10) }

func recCard(c CardView) recommend.Card {
	rc := recommend.Card{ID: cardKey(c.ID), Owner: strconv.FormatInt(c.OrgID, 10), Kind: recommend.CardKind(c.Kind),
		Title: recommend.Text{VI: c.Title.VI, EN: c.Title.EN, KO: c.Title.KO},
		Body:  recommend.Text{VI: c.Body.VI, EN: c.Body.EN, KO: c.Body.KO}, TRL: c.TRL}
	for _, sec := range c.Sectors {
		if okSector(sec) {
			rc.Sectors = append(rc.Sectors, sec)
		}
	}
	return rc
}
