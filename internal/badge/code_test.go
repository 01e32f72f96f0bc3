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
