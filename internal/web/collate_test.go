package web

import (
	"slices"
	"testing"

	"ketnoi/internal/i18n"
)

// TestSortByNameInTheReadersAlphabet: Vietnamese names follow the
// Vietnamese alphabet (Â after A, Đ after D, Ú among the U, Ý last), not
// byte order; Korean names the Hangul order.
func TestSortByNameInTheReadersAlphabet(t *testing.T) {
	vi := map[string]string{"AU": "Úc", "DE": "Đức", "IN": "Ấn Độ", "IT": "Ý", "TW": "Đài Loan", "US": "Hoa Kỳ", "NL": "Hà Lan", "DK": "Đan Mạch", "BE": "Bỉ"}
	got := Page{Lang: i18n.VI}.sortByName([]string{"AU", "DE", "IN", "IT", "TW", "US", "NL", "DK", "BE"}, func(c string) string { return vi[c] })
	if want := []string{"IN", "BE", "TW", "DK", "DE", "NL", "US", "AU", "IT"}; !slices.Equal(got, want) {
		t.Errorf("vi: %v, want %v", got, want)
	}
	ko := map[string]string{"KR": "대한민국", "VN": "베트남", "JP": "일본", "DE": "독일", "US": "미국"}
	got = Page{Lang: i18n.KO}.sortByName([]string{"VN", "US", "KR", "JP", "DE"}, func(c string) string { return ko[c] })
	if want := []string{"KR", "DE", "US", "VN", "JP"}; !slices.Equal(got, want) {
		t.Errorf("ko: %v, want %v", got, want)
	}
}
