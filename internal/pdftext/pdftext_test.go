package pdftext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Minh Phát 🤖":             "Minh Phát",
		"Phuong Nam 🔧 Mechanical": "Phuong Nam Mechanical",
		"𝕏 emoji 😀":               "emoji",
		"한빛로보틱스 · Hanbit":         "한빛로보틱스 · Hanbit",
		"  kept as is  ":          "  kept as is  ",
		"":                        "",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzClean: whatever a name holds, the cleaned text has no character
// past U+FFFF and keeps every other one.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Minh Phát 🤖", "𝕏", "한빛", "", "a\xffb", "  🤖  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		for _, r := range got {
			if r > 0xFFFF {
				t.Fatalf("Clean(%q) = %q keeps %U", s, got, r)
			}
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Clean(%q) = %q is not UTF-8", s, got)
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, beyond) && got != s {
			t.Fatalf("Clean(%q) = %q changed text with nothing to drop", s, got)
		}
	})
}
