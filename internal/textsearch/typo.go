package textsearch

import (
	"unicode"
	"unicode/utf8"
)

// Typo tolerance: a query word of typoMinRunes or more matches index terms
// at one edit (insertion, deletion, substitution or transposition of two
// neighbours). Shorter words must be exact: at three or four letters one
// edit turns most words into other real words.
const (
	typoMinRunes = 5
	typoMaxRunes = 32
)

// typoEligible reports whether an index term takes part in typo look-ups: a
// Latin word that a typo-eligible query can reach with one edit.
func typoEligible(term string) bool {
	n := utf8.RuneCountInString(term)
	if n < typoMinRunes-1 || n > typoMaxRunes+1 {
		return false
	}
	for _, r := range term {
		if isHangulSyllable(r) {
			return false
		}
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false // digits only: a model number is right or wrong
}

// forEachDelete calls fn with s minus each one of its runes.
func forEachDelete(s string, fn func(string)) {
	for i, r := range s {
		fn(s[:i] + s[i+utf8.RuneLen(r):])
	}
}

// withinOneEdit reports whether a and b are at optimal string alignment
// distance of at most one (and not equal).
func withinOneEdit(a, b string) bool {
	if a == b {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		return oneSubstitutionOrSwap(ra, rb)
	case 1:
		return oneDeletion(ra, rb)
	}
	return false
}

func oneSubstitutionOrSwap(a, b []rune) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	j := len(a) - 1
	for j > i && a[j] == b[j] {
		j--
	}
	if i == j {
		return true // one substitution
	}
	return j == i+1 && a[i] == b[j] && a[j] == b[i]
}

// oneDeletion reports whether removing one rune of long gives short.
func oneDeletion(long, short []rune) bool {
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	for ; i < len(short); i++ {
		if long[i+1] != short[i] {
			return false
		}
	}
	return true
}
