// Package textsearch is an in-memory, multilingual full-text index for the
// catalogue (exhibitors, products) and the marketplace (technology cards).
//
// It understands the three languages of the platform:
//   - Vietnamese: queries without diacritics find words with them ("dien"
//     finds "điện"), but a query typed with diacritics ranks the exact
//     spelling first ("điện" above "diễn" and "dien").
//   - Korean: Hangul is indexed as syllable bigrams, so a stem finds the word
//     with its particle ("로봇" finds "로봇을") and a compound typed without
//     its space still matches ("물류자동화" finds "물류 자동화").
//   - English (and any other Latin text): lower-cased words.
//
// The last query word is matched as a prefix (search as you type) and words
// of five letters or more tolerate one typo. The package does no I/O: the
// server feeds it Documents built from the database.
//
// Matching and ranking. Every query word must match (AND); if no document
// matches them all, the documents matching the most words are returned and
// Result.Partial says so (a visitor typing "robot hàn Daesung" still sees
// welding robots). Hits are ordered by
//  1. the number of query words matched (only differs in the fallback);
//  2. the number of words typed with diacritics that matched with the same
//     diacritics, so "điện" lists every "điện" before "diễn" or "dien";
//  3. a score: for each word, the best of its occurrences of field weight ×
//     match quality (exact 1, other diacritics 0.6, prefix 0.5–0.85 by how
//     much of the word was typed, typo 0.4) × BM25 idf × saturated term
//     frequency normalised by field length; plus, for the best 128, the
//     field weight for each pair of consecutive query words found side by
//     side (most Vietnamese words are two syllables: "điện tử");
//  4. the document ID, so that equal scores page stably.
//
// The vocabulary only grows: terms whose documents were all removed stay in
// the dictionary with no postings (the server rebuilds the index at start).
package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased with its diacritics removed: NFD decomposition,
// combining marks dropped, đ/Đ mapped to d, then NFC so that Hangul
// syllables (which NFD splits into jamo) come back whole. Fold is the one
// definition of "same letters" shared by the index and SQL LIKE fallbacks.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	d := norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			// The diacritic itself: dropped.
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// exactForm is the spelling that must agree for a match to count as exact:
// lower case, NFC, diacritics kept. Text typed on different keyboards (NFC
// or NFD) thus compares equal.
func exactForm(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return norm.NFC.String(strings.ToLower(s))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Hangul syllables block: every precomposed syllable is
// 0xAC00 + (lead*21 + vowel)*28 + tail.
const (
	hangulFirst = 0xAC00
	hangulLast  = 0xD7A3
	hangulTails = 28
)

func isHangulSyllable(r rune) bool { return r >= hangulFirst && r <= hangulLast }

// hangulExtensions returns the syllables that a syllable without a final
// consonant can still become as the user types one ("보" → "복", "본", "봇"…).
// A syllable that already has a final consonant has no extension here.
func hangulExtensions(r rune) []rune {
	if !isHangulSyllable(r) || (r-hangulFirst)%hangulTails != 0 {
		return nil
	}
	out := make([]rune, 0, hangulTails-1)
	for t := rune(1); t < hangulTails; t++ {
		out = append(out, r+t)
	}
	return out
}
