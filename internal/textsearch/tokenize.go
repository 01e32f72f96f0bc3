package textsearch

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of a text, located by byte offsets into the original
// string so that highlights point at the text as written (with diacritics).
type token struct {
	start, end int
	hangul     bool // a run of Hangul syllables
}

// maxTokenBytes bounds the work done on one word; longer runs (base64
// blobs, fuzzed input) are cut into pieces.
const maxTokenBytes = 96

// tokenize splits s into words: runs of letters, digits and combining marks.
// A change between Hangul syllables and any other letter also ends a word,
// so "AGV로봇" gives "AGV" and "로봇". Invalid UTF-8 bytes separate words.
func tokenize(s string) []token {
	var out []token
	start := -1
	var hangul bool
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, token{start: start, end: end, hangul: hangul})
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w <= 1 || !isWordRune(r) {
			flush(i)
			i += w
			continue
		}
		h := isHangulSyllable(r)
		isMark := unicode.Is(unicode.M, r)
		switch {
		case start < 0:
			start, hangul = i, h
		case isMark:
			// A combining mark stays with the letter before it.
		case h != hangul || i-start+w > maxTokenBytes:
			flush(i)
			start, hangul = i, h
		}
		i += w
	}
	flush(len(s))
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// syllableStarts returns the byte offset of each rune of a Hangul token.
func syllableStarts(s string) []int {
	out := make([]int, 0, len(s)/3)
	for i := range s {
		out = append(out, i)
	}
	return out
}
