package org_test

import (
	"testing"

	"ketnoi/internal/org"
)

func TestWebsite(t *testing.T) {
	for in, want := range map[string]string{
		"":                           "",
		"  example.vn ":              "https://example.vn",
		"www.hanbit.co.kr/en":        "https://www.hanbit.co.kr/en",
		"http://sao-mai.com.vn":      "http://sao-mai.com.vn",
		"https://viện.vn/giới-thiệu": "https://viện.vn/giới-thiệu",
	} {
		got, ok := org.Website(in)
		if !ok || got != want {
			t.Errorf("Website(%q) = %q, %v; want %q, true", in, got, ok, want)
		}
	}
	for _, in := range []string{"javascript:alert(1)//x.vn", "ftp://example.vn", "localhost", "not a site", "https://user:pw@example.vn", "https://.vn", "mailto:a@b.vn"} {
		if got, ok := org.Website(in); ok {
			t.Errorf("Website(%q) = %q, accepted; want refused", in, got)
		}
	}
}
