package web

import (
	"testing"

	"ketnoi/internal/i18n"
)

// TestNumbersInEachLanguage: counts and amounts are grouped by threes the
// way each language writes them, and an amount's sign never wraps alone.
func TestNumbersInEachLanguage(t *testing.T) {
	cases := []struct {
		lang i18n.Lang
		n    int64
		num  string
		vnd  string
	}{
		{i18n.VI, 0, "0", "0\u00a0₫"},
		{i18n.VI, 999, "999", "999\u00a0₫"},
		{i18n.VI, 1000, "1.000", "1.000\u00a0₫"},
		{i18n.VI, 1_500_000_000, "1.500.000.000", "1.500.000.000\u00a0₫"},
		{i18n.EN, 9917, "9,917", "9,917\u00a0₫"},
		{i18n.KO, 160_450_000_000, "160,450,000,000", "160,450,000,000\u00a0₫"},
		{i18n.EN, -1234567, "-1,234,567", "-1,234,567\u00a0₫"},
	}
	for _, c := range cases {
		p := Page{Lang: c.lang}
		if got := p.Num(int(c.n)); got != c.num {
			t.Errorf("%s Num(%d) = %q, want %q", c.lang, c.n, got, c.num)
		}
		if got := p.VND(c.n); got != c.vnd {
			t.Errorf("%s VND(%d) = %q, want %q", c.lang, c.n, got, c.vnd)
		}
	}
	short := []struct {
		lang i18n.Lang
		n    int64
		want string
	}{
		{i18n.VI, 160_450_000_000, "160,45\u00a0tỷ\u00a0₫"},
		{i18n.VI, 5_700_000_000, "5,7\u00a0tỷ\u00a0₫"},
		{i18n.VI, 300_000_000, "300\u00a0triệu\u00a0₫"},
		{i18n.VI, 1_999_000_000, "2\u00a0tỷ\u00a0₫"},
		{i18n.VI, 1_234_567_890_000, "1.234,57\u00a0tỷ\u00a0₫"},
		{i18n.VI, 994_999, "994.999\u00a0₫"},
		{i18n.VI, 999_999, "1\u00a0triệu\u00a0₫"},
		{i18n.VI, 999_999_999, "1\u00a0tỷ\u00a0₫"},
		{i18n.VI, 994_990_000, "994,99\u00a0triệu\u00a0₫"},
		{i18n.EN, 44_950_000_000, "44.95\u00a0billion\u00a0₫"},
		{i18n.EN, 2_500_000, "2.5\u00a0million\u00a0₫"},
		{i18n.KO, 160_450_000_000, "1,604억 5,000만\u00a0₫"},
		{i18n.KO, 42_075_000_000, "420억 7,500만\u00a0₫"},
		{i18n.KO, 5_000_000_000, "50억\u00a0₫"},
		{i18n.KO, 99_999_999, "1억\u00a0₫"},
		{i18n.KO, 30_000_000, "3,000만\u00a0₫"},
		{i18n.KO, 1_004_999, "100만\u00a0₫"},
		{i18n.KO, 250_000, "250,000\u00a0₫"},
	}
	for _, c := range short {
		if got := (Page{Lang: c.lang}).VNDShort(c.n); got != c.want {
			t.Errorf("%s VNDShort(%d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	if got := (Page{Lang: i18n.VI}).Area(12345.6); got != "12.346\u00a0m²" {
		t.Errorf("Area = %q", got)
	}
}

// TestWebURL: a website typed without its scheme still links; text that is
// no address on the web does not become a link.
func TestWebURL(t *testing.T) {
	for in, want := range map[string]string{
		"minhphat.vn":                  "https://minhphat.vn",
		" https://hanbit.co.kr/en ":    "https://hanbit.co.kr/en",
		"http://viencokhi.gov.vn":      "http://viencokhi.gov.vn",
		"abc":                          "",
		"":                             "",
		"javascript:alert(1)":          "",
		"ftp://files.example.vn":       "",
		"not a site.vn":                "",
		"mailto:sales@minhphat.vn":     "",
		"https://user@evil.example.vn": "",
	} {
		if got := webURL(in); got != want {
			t.Errorf("webURL(%q) = %q, want %q", in, got, want)
		}
	}
}
