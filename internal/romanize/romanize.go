// Package romanize writes Korean names in Latin letters the ways people
// type them, so that staff at a Vietnamese gate or help desk find 한소영 by
// typing "han so yeong", 김민준 by "kim min jun" or "min jun kim".
//
// The spelling is the Revised Romanization syllable by syllable (no sound
// changes across syllables, as names are written on passports), with the
// usual spellings of the common family names ("Kim" beside "Gim", "Lee"
// beside "I", "Park" beside "Bak").
package romanize

import (
	"strings"
	"sync"
)

// Hangul syllables are composed of an initial, a medial and a final jamo.
const (
	firstSyllable = 0xAC00
	lastSyllable  = 0xD7A3
	medials       = 21
	finals        = 28
)

var (
	initialRR = [...]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	medialRR  = [...]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	// finalRR is a syllable's last consonant as written at the end of a
	// syllable: clusters are written by the one pronounced.
	finalRR = [...]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "p", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// familyNames are the usual Latin spellings of the common family names
// that differ from their Revised Romanization (한 is Han either way).
var familyNames = map[string][]string{
	"김": {"kim"}, "이": {"lee", "yi", "rhee"}, "박": {"park"}, "최": {"choi"}, "정": {"jung", "chung"},
	"강": {"kang"}, "조": {"cho"}, "윤": {"yoon"}, "장": {"chang"}, "임": {"lim"}, "오": {"oh"},
	"서": {"suh"}, "신": {"shin"}, "권": {"kwon"}, "안": {"ahn"}, "류": {"ryoo", "yoo", "yu"},
	"유": {"yoo"}, "전": {"jun", "chun"}, "고": {"ko"}, "문": {"moon"}, "손": {"sohn"},
	"백": {"baek", "paik"}, "허": {"huh"}, "심": {"shim"}, "노": {"noh", "roh"},
	"곽": {"kwak"}, "성": {"sung"}, "주": {"joo"}, "우": {"woo"}, "구": {"koo"},
	"엄": {"um"}, "천": {"chun"}, "공": {"kong"},
}

// Syllable writes one Hangul syllable in Revised Romanization; ok is false
// for any other rune.
func Syllable(r rune) (s string, ok bool) {
	if r < firstSyllable || r > lastSyllable {
		return "", false
	}
	i := int(r - firstSyllable)
	return initialRR[i/(medials*finals)] + medialRR[i%(medials*finals)/finals] + finalRR[i%finals], true
}

// HasHangul reports whether s holds a Hangul syllable.
func HasHangul(s string) bool {
	for _, r := range s {
		if _, ok := Syllable(r); ok {
			return true
		}
	}
	return false
}

// Name writes a Korean name (family name first, as in Hangul) in the Latin
// spellings people type, lower case and without spaces: the Revised
// Romanization, the family name's usual spellings, and each of those with
// the given name first ("minjunkim"). A name without Hangul has none.
func Name(name string) []string {
	var syllables []string
	var first rune
	for _, r := range strings.TrimSpace(name) {
		if s, ok := Syllable(r); ok {
			if len(syllables) == 0 {
				first = r
			}
			syllables = append(syllables, s)
		}
	}
	if len(syllables) == 0 {
		return nil
	}
	given := strings.Join(syllables[1:], "")
	families := append([]string{syllables[0]}, familyNames[string(first)]...)
	var out []string
	for _, f := range families {
		out = append(out, f+given)
		if given != "" {
			out = append(out, given+f)
		}
	}
	return out
}

// loose maps the spellings of one Korean sound to one ("Sung-min",
// "Seongmin"; "Hyunwoo", "Hyeonu"; "Kyungsoo", "Gyeongsu"; "Soyoung",
// "Soyeong"): consonants that Latin spellings voice or not, "sh" for "s",
// and the vowels written eo or u, yeo or yu or you, u or oo.
var loose = strings.NewReplacer(
	"sh", "s", "ch", "j", "k", "g", "p", "b", "t", "d", "r", "l",
	"yeo", "yu", "you", "yu", "eo", "u", "ou", "u", "woo", "u", "oo", "u", "wu", "u", "ee", "i",
)

// Loose is a Latin spelling, squashed, reduced so that the ways people
// spell one Korean name meet: compare Loose(Squash(typed)) with the Loose
// of each of Name's spellings.
func Loose(s string) string { return loose.Replace(s) }

// Squash is a typed name as Name writes them: lower case, without spaces,
// hyphens or dots ("Min-jun KIM" → "minjunkim").
func Squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '-', '.', '\t', '\'':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// looseNames caches LooseName: a search reads every registration's name
// for every query, and the Korean ones repeat from query to query.
var looseNames struct {
	sync.Mutex
	m map[string][]string
}

// maxCached bounds the cache; past it, it starts again.
const maxCached = 50_000

// LooseName is Name's spellings, each Loose: what a typed name, squashed
// and loosened, is looked for in.
func LooseName(name string) []string {
	looseNames.Lock()
	defer looseNames.Unlock()
	if out, ok := looseNames.m[name]; ok {
		return out
	}
	out := Name(name)
	for i, s := range out {
		out[i] = Loose(s)
	}
	if looseNames.m == nil || len(looseNames.m) >= maxCached {
		looseNames.m = map[string][]string{}
	}
	looseNames.m[name] = out
	return out
}
