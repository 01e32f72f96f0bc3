package pdftext

import "testing"

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
