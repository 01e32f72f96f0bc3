// Package catalog is the visitors' catalogue search: one textsearch index
// per event holding its approved exhibitors and their products, built from
// the database on first use and kept fresh as exhibitors change. Every
// instance builds its own; an index older than MaxAge is rebuilt in the
// background, so that changes made through another instance show up too.
package catalog

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
	"ketnoi/internal/taxonomy"
	"ketnoi/internal/textsearch"
)

// Facet names.
const (
	FacetHall    = "hall"
	FacetCountry = "country"
	FacetSector  = "sector"
	FacetType    = "booth_type"
	KindExh      = "exhibitor"
	KindProduct  = "product"
)

// Entry is what a hit shows: the exhibitor or product, its exhibitor and
// where it stands.
type Entry struct {
	ID          int64 // index ID: exhibitor id, or ProductIDBase + product id
	Kind        string
	ExhibitorID int64
	Name        i18n.Text
	Exhibitor   i18n.Text // the exhibitor's name, for products
	Description i18n.Text
	Country     string
	Booths      []string
	Halls       []string
	Sectors     []string
}

// Countries names a country code in a language (the UI catalogue), so that
// "han quoc" or "Korea" finds Korean exhibitors.
type Countries func(code string, lang i18n.Lang) string

// Catalog holds the indexes of every event searched so far.
type Catalog struct {
	db        *store.DB
	countries Countries
	MaxAge    time.Duration

	mu     sync.Mutex
	events map[int64]*eventIndex
}

type eventIndex struct {
	ready chan struct{} // closed when the first build is done
	err   error

	mu       sync.RWMutex
	ix       *textsearch.Index
	entries  map[int64]*Entry
	products map[int64][]int64 // exhibitor → product index IDs
	built    time.Time
	building bool
	// version is the database's directory version the index was built
	// from: when it moves (a profile, an exhibitor or a booth changed,
	// through any instance), the index is rebuilt in the background.
	version int64
}

// New makes an empty catalogue over the database.
func New(db *store.DB, countries Countries) *Catalog {
	return &Catalog{db: db, countries: countries, MaxAge: 10 * time.Minute, events: map[int64]*eventIndex{}}
}

// index returns the event's index, building it on first use.
func (c *Catalog) index(ctx context.Context, eventID int64) (*eventIndex, error) {
	c.mu.Lock()
	ei, ok := c.events[eventID]
	if !ok {
		ei = &eventIndex{ready: make(chan struct{})}
		c.events[eventID] = ei
		go func() {
			// Built apart from the request, so that a visitor who gives up
			// does not leave a half-built index.
			ei.err = c.rebuild(context.WithoutCancel(ctx), eventID, ei)
			close(ei.ready)
		}()
	}
	c.mu.Unlock()
	select {
	case <-ei.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if ei.err != nil {
		c.mu.Lock()
		delete(c.events, eventID) // try again next time
		c.mu.Unlock()
		return nil, ei.err
	}
	c.refreshIfOld(eventID, ei)
	return ei, nil
}

func (c *Catalog) refreshIfOld(eventID int64, ei *eventIndex) {
	moved := false
	if c.db != nil { // indexes installed by hand (tests) have no database
		current, err := c.db.DirectoryVersion(context.Background())
		moved = err == nil && current != ei.version
	}
	ei.mu.Lock()
	old := (moved || c.MaxAge > 0 && time.Since(ei.built) > c.MaxAge) && !ei.building
	if old {
		ei.building = true
	}
	ei.mu.Unlock()
	if old {
		go func() {
			c.rebuild(context.Background(), eventID, ei)
			ei.mu.Lock()
			ei.building = false
			ei.mu.Unlock()
		}()
	}
}

// Warm builds an event's index ahead of the first search.
func (c *Catalog) Warm(ctx context.Context, eventID int64) error {
	_, err := c.index(ctx, eventID)
	return err
}

// Data is what an event's catalogue is built from.
type Data struct {
	Exhibitors []event.ExhibitorView // approved ones
	BoothTypes map[int64][]string    // exhibitor → types of its booths
	Products   []exhibit.Product
}

// rebuild reads the event's catalogue and swaps in a fresh index.
func (c *Catalog) rebuild(ctx context.Context, eventID int64, ei *eventIndex) error {
	var d Data
	version, err := c.db.DirectoryVersion(ctx)
	if err != nil {
		return fmt.Errorf("catalogue version: %w", err)
	}
	d.Exhibitors, _, err = c.db.Exhibitors(ctx, eventID, store.ExhibitorFilter{Status: string(event.Approved), Limit: 1 << 30})
	if err != nil {
		return fmt.Errorf("catalogue exhibitors: %w", err)
	}
	if d.BoothTypes, err = c.boothTypes(ctx, eventID); err != nil {
		return err
	}
	if d.Products, err = c.db.EventProducts(ctx, eventID); err != nil {
		return fmt.Errorf("catalogue products: %w", err)
	}
	if err := c.fill(ei, d); err != nil {
		return err
	}
	ei.mu.Lock()
	ei.version = version
	ei.mu.Unlock()
	return nil
}

// Install replaces an event's index with one built from d (tests, and
// tools that have the data at hand).
func (c *Catalog) Install(eventID int64, d Data) error {
	ei := &eventIndex{ready: make(chan struct{})}
	if err := c.fill(ei, d); err != nil {
		return err
	}
	close(ei.ready)
	c.mu.Lock()
	c.events[eventID] = ei
	c.mu.Unlock()
	return nil
}

func (c *Catalog) fill(ei *eventIndex, d Data) error {
	ix := textsearch.New()
	entries := map[int64]*Entry{}
	products := map[int64][]int64{}
	byID := map[int64]*event.ExhibitorView{}
	for i := range d.Exhibitors {
		x := &d.Exhibitors[i]
		byID[x.ID] = x
		doc, e := c.exhibitorDoc(x, d.BoothTypes[x.ID])
		if err := ix.Put(doc); err != nil {
			return fmt.Errorf("index exhibitor %d: %w", x.ID, err)
		}
		entries[doc.ID] = e
	}
	for _, p := range d.Products {
		x, ok := byID[p.ExhibitorID]
		if !ok {
			continue // not approved: not in the public catalogue
		}
		doc, e := c.productDoc(p, x, d.BoothTypes[x.ID])
		if err := ix.Put(doc); err != nil {
			return fmt.Errorf("index product %d: %w", p.ID, err)
		}
		entries[doc.ID] = e
		products[x.ID] = append(products[x.ID], doc.ID)
	}
	ei.mu.Lock()
	ei.ix, ei.entries, ei.products, ei.built = ix, entries, products, time.Now()
	ei.mu.Unlock()
	return nil
}

func (c *Catalog) boothTypes(ctx context.Context, eventID int64) (map[int64][]string, error) {
	bs, err := c.db.EventBooths(ctx, eventID, 0)
	if err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	for _, b := range bs {
		if b.ExhibitorID != 0 && !contains(out[b.ExhibitorID], string(b.Type)) {
			out[b.ExhibitorID] = append(out[b.ExhibitorID], string(b.Type))
		}
	}
	return out, nil
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// countryText writes a country in the three languages, for matching.
func (c *Catalog) countryText(code string) string {
	if c.countries == nil {
		return code
	}
	parts := []string{code}
	for _, l := range i18n.Langs {
		if n := c.countries(code, l); n != "" && n != code {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, " · ")
}

func sectorText(codes []string) string {
	var parts []string
	for _, code := range codes {
		if s, ok := taxonomy.Lookup(code); ok {
			parts = append(parts, s.VI, s.EN, s.KO)
		}
	}
	return strings.Join(parts, " · ")
}

func textFields(name string, t i18n.Text, w float64) []textsearch.Field {
	var out []textsearch.Field
	for _, p := range []struct {
		lang, s string
	}{{"vi", t.VI}, {"en", t.EN}, {"ko", t.KO}} {
		if p.s != "" {
			out = append(out, textsearch.Field{Name: name + "_" + p.lang, Text: p.s, Weight: w})
		}
	}
	return out
}

func facets(x *event.ExhibitorView, types []string, sectors []string) map[string][]string {
	return map[string][]string{FacetHall: x.Halls, FacetCountry: {x.Org.Country}, FacetSector: sectors, FacetType: types}
}

func (c *Catalog) exhibitorDoc(x *event.ExhibitorView, types []string) (textsearch.Document, *Entry) {
	fields := textFields("name", x.Org.Name, 3)
	fields = append(fields, textFields("desc", x.Org.Description, 1)...)
	fields = append(fields, textsearch.Field{Name: "sector", Text: sectorText(x.Org.Sectors), Weight: 1.2},
		textsearch.Field{Name: "country", Text: c.countryText(x.Org.Country), Weight: 1})
	doc := textsearch.Document{ID: x.ID, Kind: KindExh, Facets: facets(x, types, x.Org.Sectors), Fields: fields}
	return doc, &Entry{ID: x.ID, Kind: KindExh, ExhibitorID: x.ID, Name: x.Org.Name, Description: x.Org.Description,
		Country: x.Org.Country, Booths: x.Booths, Halls: x.Halls, Sectors: x.Org.Sectors}
}

func (c *Catalog) productDoc(p exhibit.Product, x *event.ExhibitorView, types []string) (textsearch.Document, *Entry) {
	id := textsearch.ProductIDBase + p.ID
	fields := textFields("name", p.Name, 3)
	fields = append(fields, textFields("desc", p.Description, 1)...)
	fields = append(fields, textFields("by", x.Org.Name, 1)...)
	fields = append(fields, textsearch.Field{Name: "sector", Text: sectorText([]string{p.Category}), Weight: 1.2},
		textsearch.Field{Name: "country", Text: c.countryText(x.Org.Country), Weight: 0.8})
	doc := textsearch.Document{ID: id, Kind: KindProduct, Facets: facets(x, types, []string{p.Category}), Fields: fields}
	return doc, &Entry{ID: id, Kind: KindProduct, ExhibitorID: x.ID, Name: p.Name, Exhibitor: x.Org.Name, Description: p.Description,
		Country: x.Org.Country, Booths: x.Booths, Halls: x.Halls, Sectors: []string{p.Category}}
}

// Refresh re-reads one exhibitor and its products after a change (profile,
// products, booths, status); an exhibitor no longer approved leaves the
// catalogue. Events not indexed yet are left alone: their first search
// reads everything.
func (c *Catalog) Refresh(ctx context.Context, eventID, exhibitorID int64) error {
	c.mu.Lock()
	ei, ok := c.events[eventID]
	c.mu.Unlock()
	if !ok {
		return nil
	}
	<-ei.ready
	if ei.err != nil {
		return nil
	}
	x, err := c.db.Exhibitor(ctx, eventID, exhibitorID)
	if err != nil {
		return fmt.Errorf("refresh catalogue: %w", err)
	}
	ps, err := c.db.Products(ctx, exhibitorID)
	if err != nil {
		return fmt.Errorf("refresh catalogue: %w", err)
	}
	types, err := c.boothTypes(ctx, eventID)
	if err != nil {
		return err
	}
	ei.mu.Lock()
	defer ei.mu.Unlock()
	for _, id := range ei.products[exhibitorID] {
		ei.ix.Remove(id)
		delete(ei.entries, id)
	}
	delete(ei.products, exhibitorID)
	ei.ix.Remove(exhibitorID)
	delete(ei.entries, exhibitorID)
	if x.Status != event.Approved {
		return nil
	}
	doc, e := c.exhibitorDoc(&x, types[x.ID])
	if err := ei.ix.Put(doc); err != nil {
		return err
	}
	ei.entries[doc.ID] = e
	for _, p := range ps {
		doc, e := c.productDoc(p, &x, types[x.ID])
		if err := ei.ix.Put(doc); err != nil {
			return err
		}
		ei.entries[doc.ID] = e
		ei.products[x.ID] = append(ei.products[x.ID], doc.ID)
	}
	return nil
}

// Forget drops an event's index (after a bulk change such as confirming an
// allocation); the next search rebuilds it.
func (c *Catalog) Forget(eventID int64) {
	c.mu.Lock()
	delete(c.events, eventID)
	c.mu.Unlock()
}

// Query is a catalogue search.
type Query struct {
	Text    string
	Hall    string
	Country string
	Sector  string
	Type    string // booth type
	Kind    string // exhibitor or product; empty: both
	Offset  int
	Limit   int
}

// Hit is one result with its entry and highlighted fields.
type Hit struct {
	Entry
	Score      float64
	Highlights map[string][]textsearch.Span
}

// Result is a page of hits with the facet counts.
type Result struct {
	Total   int
	Partial bool
	Hits    []Hit
	Facets  map[string]map[string]int
}

// Search runs a query on the event's catalogue.
func (c *Catalog) Search(ctx context.Context, eventID int64, q Query) (Result, error) {
	ei, err := c.index(ctx, eventID)
	if err != nil {
		return Result{}, err
	}
	filters := map[string][]string{}
	for k, v := range map[string]string{FacetHall: q.Hall, FacetCountry: q.Country, FacetSector: q.Sector, FacetType: q.Type, textsearch.KindFacet: q.Kind} {
		if v != "" {
			filters[k] = []string{v}
		}
	}
	ei.mu.RLock()
	defer ei.mu.RUnlock()
	r := ei.ix.Search(textsearch.Query{Text: q.Text, Filters: filters, Offset: q.Offset, Limit: q.Limit})
	out := Result{Total: r.Total, Partial: r.Partial, Facets: r.Facets, Hits: make([]Hit, 0, len(r.Hits))}
	for _, h := range r.Hits {
		if e, ok := ei.entries[h.ID]; ok {
			out.Hits = append(out.Hits, Hit{Entry: *e, Score: h.Score, Highlights: h.Highlights})
		}
	}
	return out, nil
}

// FacetValues lists a facet's values over the whole result, sorted.
func (r Result) FacetValues(name string) []string {
	var out []string
	for v := range r.Facets[name] {
		if v != "" {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// Has reports whether the event's index is built, so that a caller that
// already checked the event once need not read it again per query.
func (c *Catalog) Has(eventID int64) bool {
	c.mu.Lock()
	ei, ok := c.events[eventID]
	c.mu.Unlock()
	if !ok {
		return false
	}
	select {
	case <-ei.ready:
		return ei.err == nil
	default:
		return false
	}
}
