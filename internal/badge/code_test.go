package badge_test

import (
	"strings"
	"testing"

	"ketnoi/internal/badge"
)

func TestRegistrationCode(t *testing.T) {
	k, err := badge.NewKey(1)
	if err != nil {
		t.Fatal(err)
	}
	code := badge.Code(k, 7, 1042)
	if !strings.HasPrefix(code, "1042-") || len(code) != len("1042-")+6 {
		t.Fatalf("code %q", code)
	}
	if code != badge.Code(k, 7, 1042) {
		t.Fatal("the code changes from one call to the next")
	}
	id, letters, ok := badge.ParseCode("  " + strings.ToLower(code) + " ")
	if !ok || id != 1042 || !badge.CheckCode(k, 7, 1042, letters) {
		t.Fatalf("typed in lower case with spaces: %d %q %v", id, letters, ok)
	}
	if badge.CheckCode(k, 8, 1042, letters) || badge.CheckCode(k, 7, 1043, letters) {
		t.Fatal("the code of one registration opens another")
	}
	other, _ := badge.NewKey(1)
	if badge.CheckCode(other, 7, 1042, letters) {
		t.Fatal("the code does not depend on the event's key")
	}
	for _, bad := range []string{"", "1042", "1042-", "1042-ABC", "x-ABCDEF", "-5-ABCDEF", "1042-ABCDEU", "0-ABCDEF"} {
		if _, _, ok := badge.ParseCode(bad); ok {
			t.Errorf("ParseCode(%q) accepted", bad)
		}
	}
	// O and I typed for 0 and 1 are read as digits.
	if _, l, ok := badge.ParseCode("5-OI0000"); !ok || l != "010000" {
		t.Fatalf("O and I: %q %v", l, ok)
	}
}

// TestBadgeNumber: the number printed under a badge's QR reads back as
// typed from a crumpled badge, with or without its "#"; anything else is
// no badge number.
func TestBadgeNumber(t *testing.T) {
	if n := badge.Number(1042, 3); n != "#1042-3" {
		t.Fatalf("badge number %q", n)
	}
	for _, typed := range []string{"#1042-3", "1042-3", " # 1042 - 3 "} {
		if id, v, ok := badge.ParseNumber(typed); !ok || id != 1042 || v != 3 {
			t.Errorf("%q read as %d, %d, %v", typed, id, v, ok)
		}
	}
	for _, bad := range []string{"", "#", "1042", "#1042-", "-3", "#0-1", "#1042-0", "#1042-+3", "#+1042-3", "#1042-3-4", "#1042-K7QX9M", "#1042-123456", "#99999999999999999999-1"} {
		if id, v, ok := badge.ParseNumber(bad); ok {
			t.Errorf("%q read as the badge number %d-%d", bad, id, v)
		}
	}
}
