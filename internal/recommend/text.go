package recommend

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps each rune below foldLimit to its folded form: lowercase,
// diacritics removed, đ→d. Built once so that folding a card costs a table
// lookup per rune rather than a normalisation call.
const foldLimit = 0x2000

var foldTable = func() [foldLimit]rune {
	var t [foldLimit]rune
	for r := rune(0); r < foldLimit; r++ {
		t[r] = foldSlow(r)
	}
	return t
}()

// foldSlow decomposes r (NFD) and keeps its base letter, so that "ắ" and "Ă"
// both become "a". Hangul is never decomposed: it is handled as whole
// syllables by the tokenizer.
func foldSlow(r rune) rune {
	switch r {
	case 'đ', 'Đ':
		return 'd'
	}
	r = unicode.ToLower(r)
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	if base == utf8.RuneError {
		return r
	}
	return base
}

// foldRune returns the folded form of r.
func foldRune(r rune) rune {
	if r >= 0 && r < foldLimit {
		return foldTable[r]
	}
	return unicode.ToLower(r)
}

// Fold lowercases s, removes Vietnamese (and other Latin) diacritics and maps
// đ to d, so that "Tự động hóa" and "tu dong hoa" compare equal.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining mark written apart from its letter
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func isHangul(r rune) bool {
	return (r >= 0xAC00 && r <= 0xD7A3) || (r >= 0x1100 && r <= 0x11FF) || (r >= 0x3130 && r <= 0x318F)
}

// word is one token of a text: a folded Latin word or a run of Hangul.
type word struct {
	text   string
	hangul bool
}

// words splits s into folded words. A change of script ends a word, so that
// "AGV를" gives "agv" and "를".
func words(s string) []word {
	var out []word
	var b strings.Builder
	cur := false // script of the word being built
	flush := func() {
		if b.Len() > 0 {
			out = append(out, word{text: b.String(), hangul: cur})
			b.Reset()
		}
	}
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		h := isHangul(r)
		if b.Len() > 0 && h != cur {
			flush()
		}
		cur = h
		if h {
			b.WriteRune(r)
		} else {
			b.WriteRune(foldRune(r))
		}
	}
	flush()
	for i := range out {
		if !out[i].hangul {
			out[i].text = stem(out[i].text)
		}
	}
	return out
}

// stem removes English plural endings. Vietnamese syllables never end in "s",
// so folded Vietnamese passes through untouched.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// stopwords are frequent English and Vietnamese words (folded) that carry no
// topic. IDF would push them down anyway; dropping them keeps postings short.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or of for to in on at by with from into our your their we you they it its
	is are be been was were this that these those as per via can will our us need want looking seek
	va cua cho cac nhung mot la duoc trong voi tai nay khi ve theo tren nhu cung chung toi ban ho
	can tim kiem muon co`) {
		m[w] = true
	}
	return m
}()

// textTokens returns the index tokens of s: folded, stemmed Latin words that
// are not stopwords, and character bigrams of Hangul runs (Korean attaches
// particles to nouns, so "창고를" and "창고" share the bigram "창고").
func textTokens(ws []word) []string {
	var out []string
	for _, w := range ws {
		if !w.hangul {
			if len(w.text) > 1 && !stopwords[w.text] {
				out = append(out, w.text)
			}
			continue
		}
		rs := []rune(w.text)
		if len(rs) == 1 {
			continue // a lone particle
		}
		for i := 0; i+1 < len(rs); i++ {
			out = append(out, string(rs[i:i+2]))
		}
	}
	return out
}
