package web

import (
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"ketnoi/internal/i18n"
	"ketnoi/internal/taxonomy"
)

// Lists a reader picks from (countries, sectors) are in the alphabetical
// order of the reader's language: by byte order, Vietnamese puts "Úc",
// "Đức" and "Ấn Độ" after "Ý", and codes order sectors by their English
// names.

var collators = map[i18n.Lang]*collate.Collator{}
var collatorsMu sync.Mutex

// compareNames compares two names in the page's language.
func (p Page) compareNames(a, b string) int {
	collatorsMu.Lock()
	defer collatorsMu.Unlock()
	c, ok := collators[p.Lang]
	if !ok {
		tag := map[i18n.Lang]language.Tag{i18n.VI: language.Vietnamese, i18n.EN: language.English, i18n.KO: language.Korean}[p.Lang]
		c = collate.New(tag)
		collators[p.Lang] = c
	}
	return c.CompareString(a, b)
}

// sortByName orders codes by the names they have in the page's language.
func (p Page) sortByName(codes []string, name func(string) string) []string {
	slices.SortStableFunc(codes, func(a, b string) int { return p.compareNames(name(a), name(b)) })
	return codes
}

// sectorsByName are the taxonomy's sector codes, by name.
func (p Page) sectorsByName() []string { return p.sortByName(taxonomy.Codes(), p.Sector) }

// sortOptions orders options by their labels.
func (p Page) sortOptions(opts []Option) []Option {
	slices.SortStableFunc(opts, func(a, b Option) int { return p.compareNames(a.Label, b.Label) })
	return opts
}
