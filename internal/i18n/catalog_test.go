package i18n_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
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

// TestEveryLanguageTakesTheSameArguments: a message formats with the same
// number of arguments in every language, or one of them would show
// "%!(EXTRA …)" or "%!s(MISSING)" to its readers.
func TestEveryLanguageTakesTheSameArguments(t *testing.T) {
	c, err := i18n.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	verb := regexp.MustCompile(`%(\[(\d+)\])?[-+# 0-9.]*[a-zA-Z%]`)
	args := func(s string) int {
		n, seq := 0, 0
		for _, m := range verb.FindAllStringSubmatch(s, -1) {
			switch {
			case strings.HasSuffix(m[0], "%"):
			case m[2] != "":
				i, _ := strconv.Atoi(m[2])
				n, seq = max(n, i), i
			default:
				seq++
				n = max(n, seq)
			}
		}
		return n
	}
	for _, k := range c.Keys(i18n.VI) {
		want := args(c.T(i18n.VI, k))
		for _, l := range i18n.Langs {
			if got := args(c.T(l, k)); got != want {
				t.Errorf("%s: %q takes %d arguments in %s, %d in vi", k, c.T(l, k), got, l, want)
			}
		}
	}
}
