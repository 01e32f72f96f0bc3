package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed locales
var locales embed.FS

// Catalog holds every user-interface message in every language.
type Catalog struct {
	msgs map[Lang]map[string]string
}

// LoadCatalog reads the embedded message files: locales/<lang>/*.json,
// one file per part of the product, merged; a key defined twice is an error.
func LoadCatalog() (*Catalog, error) {
	c := &Catalog{msgs: map[Lang]map[string]string{}}
	for _, l := range Langs {
		files, err := fs.Glob(locales, "locales/"+string(l)+"/*.json")
		if err != nil || len(files) == 0 {
			return nil, fmt.Errorf("catalog %s: no message files", l)
		}
		all := map[string]string{}
		for _, f := range files {
			b, err := locales.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("catalog %s: %w", f, err)
			}
			m := map[string]string{}
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("catalog %s: %w", f, err)
			}
			for k, v := range m {
				if _, dup := all[k]; dup {
					return nil, fmt.Errorf("catalog %s: key %q defined twice", f, k)
				}
				all[k] = v
			}
		}
		c.msgs[l] = all
	}
	return c, nil
}

// T returns the message key in lang, formatted with args. A missing key
// shows itself, so that a gap is visible rather than silent; a test keeps
// the three files complete.
func (c *Catalog) T(lang Lang, key string, args ...any) string {
	s, ok := c.msgs[lang][key]
	if !ok {
		s, ok = c.msgs[EN][key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key exists in lang.
func (c *Catalog) Has(lang Lang, key string) bool {
	_, ok := c.msgs[lang][key]
	return ok
}

// Keys lists the keys of lang, sorted.
func (c *Catalog) Keys(lang Lang) []string {
	keys := make([]string, 0, len(c.msgs[lang]))
	for k := range c.msgs[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
