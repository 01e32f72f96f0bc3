package i18n_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"ketnoi/internal/i18n"
)

func TestEveryLanguageHasEveryKey(t *testing.T) {
	c, err := i18n.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]bool{}
	for _, l := range i18n.Langs {
		for _, k := range c.Keys(l) {
			all[k] = true
		}
	}
	if len(all) < 100 {
		t.Fatalf("catalogue has only %d keys", len(all))
	}
	for k := range all {
		for _, l := range i18n.Langs {
			if !c.Has(l, k) {
				t.Errorf("%s lacks %q", l, k)
			} else if c.T(l, k) == "" {
				t.Errorf("%s has an empty %q", l, k)
			}
		}
	}
}

// TestTemplatesUseKnownKeys reads every literal key the templates ask for.
func TestTemplatesUseKnownKeys(t *testing.T) {
	c, err := i18n.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../web/templates/*.html")
	if len(files) == 0 {
		t.Fatal("no templates found")
	}
	re := regexp.MustCompile(`\.T "([a-z0-9_.]+)"`)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			n++
			if !c.Has(i18n.VI, m[1]) {
				t.Errorf("%s uses unknown key %q", filepath.Base(f), m[1])
			}
		}
	}
	if n < 50 {
		t.Fatalf("found only %d keys in templates", n)
	}
}

func TestTextFallsBack(t *testing.T) {
	tx := i18n.Text{VI: "Nhà máy", KO: "공장"}
	if tx.In(i18n.EN) != "Nhà máy" || tx.In(i18n.KO) != "공장" {
		t.Fatalf("fallback: %q %q", tx.In(i18n.EN), tx.In(i18n.KO))
	}
	if l, ok := i18n.Parse("jp"); ok || l != i18n.VI {
		t.Fatal("unknown language accepted")
	}
}
