package recommend

import "ketnoi/internal/i18n"

// Lang and Text are the languages and multilingual fields of internal/i18n,
// a leaf package, so that the recommender reads and writes the same shape
// as the rest of ketnoi.
type (
	Lang = i18n.Lang
	Text = i18n.Text
)

// The reader's languages.
const (
	VI = i18n.VI
	EN = i18n.EN
	KO = i18n.KO
)

// ParseLang returns the language named by s and whether it is one.
func ParseLang(s string) (Lang, bool) { return i18n.Parse(s) }
