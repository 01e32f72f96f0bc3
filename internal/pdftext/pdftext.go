// Package pdftext keeps text within what the PDF documents' fonts can
// draw.
//
// go-pdf/fpdf maps a Unicode font's glyphs for the Basic Multilingual
// Plane only: a character past U+FFFF (an emoji, a mathematical letter) in
// a name makes its font subsetting index past its table and panic, or
// fail the whole document. Names are typed by anyone (an organization's,
// a registrant's), so every PDF writer cleans its text first.
package pdftext

import (
	"strings"
	"unicode/utf8"
)

// Clean drops the characters past U+FFFF and the space left doubled by
// one ("Minh Phat 🤖 Co." → "Minh Phat Co."), and bytes that are not
// UTF-8 (a form's value can hold any, and the library panics on them too);
// other text is returned as it is.
func Clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, beyond) {
		return s
	}
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if beyond(r) {
			return -1
		}
		return r
	}, s)
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return strings.TrimSpace(s)
}

func beyond(r rune) bool { return r > 0xFFFF }
