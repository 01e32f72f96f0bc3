package textsearch

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Document is one searchable item: an exhibitor, a product, a card.
// IDs are unique within one Index: the server keeps one Index per ID space
// or encodes the kind into the ID.
type Document struct {
	ID int64
	// Kind ("exhibitor", "product", "offer"…) is also a facet named "kind".
	Kind string
	// Facets are filter values, e.g. "hall": {"A"}, "country": {"KR"},
	// "sector": {"robotics", "agv"}.
	Facets map[string][]string
	// Fields are the texts, in any of vi/en/ko; a name usually weighs more
	// than a description.
	Fields []Field
	// Time orders documents when browsing with Query.NewestFirst (a card's
	// publication, in Unix seconds); ties, and documents without one, by
	// ID.
	Time int64
}

// Field is one weighted text of a document.
type Field struct {
	Name   string
	Text   string
	Weight float64 // 0 means 1
}

// KindFacet is the facet name under which Document.Kind is filterable.
const KindFacet = "kind"

// Limits that keep one document from blowing up the index.
const (
	maxFields   = 255
	maxVariants = 254 // variant 255 means "some other spelling"
	otherVar    = 255
)

// ErrInvalidDocument is returned by Put for a document it cannot index.
var ErrInvalidDocument = errors.New("invalid document")

// Index is safe for concurrent use: searches share a read lock, updates take
// the write lock.
type Index struct {
	mu sync.RWMutex

	termIDs   map[string]uint32
	terms     []termInfo
	spellings map[string]spelling
	// deletes maps a Latin term with one rune removed to the terms it came
	// from: the symmetric-delete trick that finds one-edit typos with a few
	// map look-ups instead of scanning the vocabulary.
	deletes map[string][]uint32
	// sorted holds term IDs in text order for prefix look-ups; new terms wait
	// in pending until the next search sorts them in.
	sorted  []uint32
	pending []uint32

	fieldIDs   map[string]uint8
	fieldNames []string
	fieldLen   []fieldStats

	facetIDs map[string]uint32 // name + "\x00" + value
	facets   []facetValue

	slots []docRecord
	free  []uint32
	bySID map[int64]uint32
	live  int
}

type termInfo struct {
	text     string
	variants []string // exact spellings seen (with diacritics)
	postings []posting
	df       int // live documents containing the term
}

// posting says that a document has a term in one of its fields, under one
// spelling variant, tf times. It copies the field's weight and length so
// that scoring reads the posting list without visiting each document.
type posting struct {
	doc     uint32
	weight  float32
	length  uint16 // tokens in the field
	tf      uint16
	fieldID uint8 // index-wide field name
	variant uint8
}

// occurrence counts term frequency while a document is being added.
type occurrence struct {
	term           uint32
	field, variant uint8
}

// docToken is a term occurrence kept per document, for highlights and for
// removing the document's postings later.
type docToken struct {
	term       uint32
	field      uint8
	start, end uint32
}

type docField struct {
	id     uint8
	weight float32
	length uint32 // tokens
}

type docRecord struct {
	id     int64
	time   int64 // Document.Time
	alive  bool
	fields []docField
	facets []uint32 // sorted facet value IDs
	tokens []docToken
}

type fieldStats struct{ docs, tokens int }

type facetValue struct{ name, value string }

// New returns an empty index.
func New() *Index {
	return &Index{
		termIDs:   map[string]uint32{},
		spellings: map[string]spelling{},
		deletes:   map[string][]uint32{},
		fieldIDs:  map[string]uint8{},
		facetIDs:  map[string]uint32{},
		bySID:     map[int64]uint32{},
	}
}

// Len is the number of documents in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// Put adds a document or replaces the one with the same ID.
func (ix *Index) Put(doc Document) error {
	if len(doc.Fields) > maxFields {
		return fmt.Errorf("document %d: %d fields, at most %d: %w", doc.ID, len(doc.Fields), maxFields, ErrInvalidDocument)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, f := range doc.Fields {
		if _, ok := ix.fieldIDs[f.Name]; !ok && len(ix.fieldNames) >= maxFields {
			return fmt.Errorf("document %d: field %q: index already has %d field names: %w", doc.ID, f.Name, maxFields, ErrInvalidDocument)
		}
	}
	if slot, ok := ix.bySID[doc.ID]; ok {
		ix.removeSlot(slot)
	}
	ix.addDoc(doc)
	return nil
}

// Remove deletes the document with this ID; it reports whether one existed.
func (ix *Index) Remove(id int64) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	slot, ok := ix.bySID[id]
	if ok {
		ix.removeSlot(slot)
	}
	return ok
}

func (ix *Index) addDoc(doc Document) {
	slot := ix.newSlot()
	rec := &ix.slots[slot]
	*rec = docRecord{id: doc.ID, time: doc.Time, alive: true, facets: ix.facetValueIDs(doc)}
	counts := map[occurrence]int{}
	for fi, f := range doc.Fields {
		w := float32(f.Weight)
		if w <= 0 {
			w = 1
		}
		fid := ix.fieldID(f.Name)
		n := 0
		emit := func(term string, variant string, start, end int) {
			tid, v := ix.resolve(term, variant)
			rec.tokens = append(rec.tokens, docToken{term: tid, field: uint8(fi), start: uint32(start), end: uint32(end)})
			counts[occurrence{term: tid, field: uint8(fi), variant: v}]++
			n++
		}
		indexText(f.Text, emit)
		rec.fields = append(rec.fields, docField{id: fid, weight: w, length: uint32(n)})
		ix.fieldLen[fid].docs++
		ix.fieldLen[fid].tokens += n
	}
	seen := map[uint32]bool{}
	for key, tf := range counts {
		tid := key.term
		f := rec.fields[key.field]
		p := posting{doc: slot, weight: f.weight, length: uint16(min(f.length, 65535)), tf: uint16(min(tf, 65535)), fieldID: f.id, variant: key.variant}
		ti := &ix.terms[tid]
		ti.postings = slices.Insert(ti.postings, postingsEnd(ti.postings, slot), p)
		if !seen[tid] {
			seen[tid] = true
			ix.terms[tid].df++
		}
	}
	ix.bySID[doc.ID] = slot
	ix.live++
}

// indexText calls emit for every term of a text: one per Latin word, and for
// Hangul the syllable bigrams (single-syllable words as themselves), plus a
// bigram across the space between two Hangul words so that a compound typed
// without its space ("물류자동화") still finds "물류 자동화".
func indexText(s string, emit func(term, variant string, start, end int)) {
	var prev token
	for i, t := range tokenize(s) {
		word := s[t.start:t.end]
		if !t.hangul {
			emit(word, latinVariant, t.start, t.end)
			prev = t
			continue
		}
		starts := append(syllableStarts(word), len(word))
		if i > 0 && prev.hangul && strings.TrimSpace(s[prev.end:t.start]) == "" {
			last, _ := utf8.DecodeLastRuneInString(s[prev.start:prev.end])
			first, w := utf8.DecodeRuneInString(word)
			emit(string(last)+string(first), crossVariant, prev.end-utf8.RuneLen(last), t.start+w)
		}
		if len(starts) == 2 {
			emit(word, wordVariant, t.start, t.end)
		}
		for k := 0; k+2 < len(starts); k++ {
			emit(word[starts[k]:starts[k+2]], wordVariant, t.start+starts[k], t.start+starts[k+2])
		}
		prev = t
	}
}

// Variants passed by indexText: a Hangul bigram within a word, a Hangul
// bigram that spans a space (a weaker match), and a Latin word as written
// (to be folded).
const (
	wordVariant  = ""
	crossVariant = " "
	latinVariant = "\x00"
)

// spelling is a word as written, resolved to its term and variant.
type spelling struct {
	term    uint32
	variant uint8
}

// resolve returns the term and spelling variant of a word. Latin words are
// cached by their written form, because folding (Unicode normalisation) is
// most of the cost of indexing and catalogues repeat their words.
func (ix *Index) resolve(word, variant string) (uint32, uint8) {
	if variant != latinVariant {
		tid := ix.termID(word)
		return tid, ix.variantID(tid, variant)
	}
	if sp, ok := ix.spellings[word]; ok {
		return sp.term, sp.variant
	}
	tid := ix.termID(Fold(word))
	sp := spelling{term: tid, variant: ix.variantID(tid, exactForm(word))}
	ix.spellings[strings.Clone(word)] = sp // a clone: do not pin the document's text
	return sp.term, sp.variant
}

func (ix *Index) newSlot() uint32 {
	if n := len(ix.free); n > 0 {
		s := ix.free[n-1]
		ix.free = ix.free[:n-1]
		return s
	}
	ix.slots = append(ix.slots, docRecord{})
	return uint32(len(ix.slots) - 1)
}

func (ix *Index) removeSlot(slot uint32) {
	rec := &ix.slots[slot]
	done := map[uint32]bool{}
	for _, t := range rec.tokens {
		if done[t.term] {
			continue
		}
		done[t.term] = true
		ti := &ix.terms[t.term]
		ti.postings = slices.Delete(ti.postings, postingsStart(ti.postings, slot), postingsEnd(ti.postings, slot))
		ti.df--
	}
	for _, f := range rec.fields {
		ix.fieldLen[f.id].docs--
		ix.fieldLen[f.id].tokens -= int(f.length)
	}
	delete(ix.bySID, rec.id)
	*rec = docRecord{}
	ix.free = append(ix.free, slot)
	ix.live--
}

// Posting lists are kept sorted by document slot, so that a document's
// postings are found by binary search when it is removed or replaced. A new
// document usually takes the highest slot, so insertion is an append.

// postingsStart is the index of the first posting of slot (or of the next).
func postingsStart(ps []posting, slot uint32) int {
	return sort.Search(len(ps), func(i int) bool { return ps[i].doc >= slot })
}

// postingsEnd is the index just past the last posting of slot.
func postingsEnd(ps []posting, slot uint32) int {
	return sort.Search(len(ps), func(i int) bool { return ps[i].doc > slot })
}

func (ix *Index) termID(text string) uint32 {
	if id, ok := ix.termIDs[text]; ok {
		return id
	}
	text = strings.Clone(text) // do not pin the document's text
	id := uint32(len(ix.terms))
	ix.terms = append(ix.terms, termInfo{text: text})
	ix.termIDs[text] = id
	ix.pending = append(ix.pending, id)
	if typoEligible(text) {
		forEachDelete(text, func(d string) {
			ix.deletes[d] = append(ix.deletes[d], id)
		})
	}
	return id
}

func (ix *Index) variantID(tid uint32, v string) uint8 {
	ti := &ix.terms[tid]
	for i, s := range ti.variants {
		if s == v {
			return uint8(i)
		}
	}
	if len(ti.variants) >= maxVariants {
		return otherVar
	}
	ti.variants = append(ti.variants, strings.Clone(v))
	return uint8(len(ti.variants) - 1)
}

func (ix *Index) fieldID(name string) uint8 {
	if id, ok := ix.fieldIDs[name]; ok {
		return id
	}
	id := uint8(len(ix.fieldNames))
	ix.fieldIDs[name] = id
	ix.fieldNames = append(ix.fieldNames, name)
	ix.fieldLen = append(ix.fieldLen, fieldStats{})
	return id
}

func (ix *Index) facetValueIDs(doc Document) []uint32 {
	var ids []uint32
	add := func(name, value string) {
		key := name + "\x00" + value
		id, ok := ix.facetIDs[key]
		if !ok {
			id = uint32(len(ix.facets))
			ix.facetIDs[key] = id
			ix.facets = append(ix.facets, facetValue{name, value})
		}
		ids = append(ids, id)
	}
	if doc.Kind != "" {
		add(KindFacet, doc.Kind)
	}
	for name, values := range doc.Facets {
		if name == KindFacet && doc.Kind != "" {
			continue
		}
		for _, v := range values {
			add(name, v)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// sortPending merges new terms into the sorted list used by prefix search.
// Searches call it before taking the read lock, so the sort happens once
// after a batch of Puts instead of on every Put.
func (ix *Index) sortPending() {
	ix.mu.RLock()
	n := len(ix.pending)
	ix.mu.RUnlock()
	if n == 0 {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if len(ix.pending) == 0 {
		return
	}
	byText := func(a, b uint32) int { return strings.Compare(ix.terms[a].text, ix.terms[b].text) }
	slices.SortFunc(ix.pending, byText)
	merged := make([]uint32, 0, len(ix.sorted)+len(ix.pending))
	i, j := 0, 0
	for i < len(ix.sorted) && j < len(ix.pending) {
		if byText(ix.sorted[i], ix.pending[j]) <= 0 {
			merged = append(merged, ix.sorted[i])
			i++
		} else {
			merged = append(merged, ix.pending[j])
			j++
		}
	}
	merged = append(merged, ix.sorted[i:]...)
	merged = append(merged, ix.pending[j:]...)
	ix.sorted, ix.pending = merged, nil
}
