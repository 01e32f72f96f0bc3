// Package i18n holds the three languages of ketnoi, multilingual text
// fields and the message catalogue of the user interface.
package i18n

// Lang is a supported language. Vietnamese is the default.
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
	KO Lang = "ko"
)

// Langs lists the supported languages in the order the switch shows them.
var Langs = []Lang{VI, EN, KO}

// Parse returns the language named by s, or VI when s names none.
func Parse(s string) (Lang, bool) {
	switch Lang(s) {
	case VI, EN, KO:
		return Lang(s), true
	}
	return VI, false
}

// Text is a field written in up to three languages.
type Text struct {
	VI string `json:"vi,omitempty"`
	EN string `json:"en,omitempty"`
	KO string `json:"ko,omitempty"`
}

// In returns the text in lang, falling back to English, then Vietnamese,
// then Korean, so that a reader always sees something.
func (t Text) In(lang Lang) string {
	if s := t.get(lang); s != "" {
		return s
	}
	for _, l := range []Lang{EN, VI, KO} {
		if s := t.get(l); s != "" {
			return s
		}
	}
	return ""
}

// Exact returns the text in lang only, without falling back: what a form
// shows in that language's field.
func (t Text) Exact(lang Lang) string { return t.get(lang) }

func (t Text) get(lang Lang) string {
	switch lang {
	case VI:
		return t.VI
	case EN:
		return t.EN
	case KO:
		return t.KO
	}
	return ""
}

// IsZero reports whether no language has text.
func (t Text) IsZero() bool { return t.VI == "" && t.EN == "" && t.KO == "" }

// Longest returns the length in runes of the longest of the three texts.
func (t Text) Longest() int {
	n := 0
	for _, s := range []string{t.VI, t.EN, t.KO} {
		if c := len([]rune(s)); c > n {
			n = c
		}
	}
	return n
}
