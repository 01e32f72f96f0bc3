package textsearch

import (
	"cmp"
	"html"
	"slices"
	"strings"
)

// termSet is a bitset of term IDs.
type termSet []uint64

func (s termSet) has(id uint32) bool { return int(id/64) < len(s) && s[id/64]&(1<<(id%64)) != 0 }

// highlightTerms is the set of index terms any query word matched.
func highlightTerms(words []qword, nterms int) termSet {
	set := make(termSet, (nterms+63)/64)
	empty := true
	for _, w := range words {
		for _, g := range w.groups {
			for _, e := range g {
				set[e.term/64] |= 1 << (e.term % 64)
				empty = false
			}
		}
	}
	if empty {
		return nil
	}
	return set
}

// highlights returns the matched spans of a document, per field name.
func (ix *Index) highlights(rec *docRecord, terms termSet) map[string][]Span {
	if terms == nil {
		return nil
	}
	var out map[string][]Span
	for _, t := range rec.tokens {
		if !terms.has(t.term) {
			continue
		}
		if out == nil {
			out = make(map[string][]Span, len(rec.fields))
		}
		name := ix.fieldNames[rec.fields[t.field].id]
		out[name] = append(out[name], Span{int(t.start), int(t.end)})
	}
	for name, spans := range out {
		out[name] = mergeSpans(spans)
	}
	return out
}

// mergeSpans sorts spans and joins overlapping or touching ones, so that
// Hangul bigrams "로봇" + "봇을" give one highlight.
func mergeSpans(spans []Span) []Span {
	byStart := func(a, b Span) int { return cmp.Compare(a.Start, b.Start) }
	if !slices.IsSortedFunc(spans, byStart) { // tokens come in text order, but for Hangul bigrams
		slices.SortStableFunc(spans, byStart)
	}
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Mark returns text as HTML with the spans wrapped in <mark>…</mark> and
// everything else escaped. Spans out of range or overlapping are clipped,
// so a stale highlight never breaks the page.
func Mark(text string, spans []Span) string {
	var b strings.Builder
	pos := 0
	for _, s := range spans {
		start, end := max(s.Start, pos), min(s.End, len(text))
		if start >= end {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[start:end]))
		b.WriteString("</mark>")
		pos = end
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return b.String()
}
