package recommend

// Lang is a reader's language. The values and JSON shape match
// internal/i18n, kept apart so that this pure package depends on nothing
// that changes with the user interface.
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
	KO Lang = "ko"
)

// ParseLang returns the language named by s and whether it is one.
func ParseLang(s string) (Lang, bool) {
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

// In returns the text in lang, else the first language that has it
// (English, Vietnamese, Korean), so that a reader always sees something.
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
