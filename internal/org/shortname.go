package org

import "strings"

// Legal forms that open or close a company's name and say nothing about
// which company it is; the longest of a kind comes first.
var (
	legalPrefixes = []string{
		"Công ty TNHH Một thành viên ", "Công ty TNHH MTV ", "Công ty TNHH ", "Công ty Cổ phần ",
		"Tổng Công ty ", "Công ty ", "CTCP ", "주식회사 ", "(주)",
	}
	legalSuffixes = []string{
		" Joint Stock Company", " Company Limited", " Co., Ltd.", " Co., Ltd", " Co.,Ltd.", " Corporation",
		" Corp.", " Inc.", " JSC", " 주식회사", "(주)",
	}
)

// ShortName is a company's name without its legal form ("Công ty TNHH
// Vận tải Sao Mai" → "Vận tải Sao Mai", "Hanbit Robotics Co., Ltd." →
// "Hanbit Robotics"), for places as narrow as a cell of the table plan,
// where "Công ty Cổ phần …" would be all that shows. A name that is only
// a legal form stays whole.
func ShortName(name string) string {
	s := strings.TrimSpace(name)
	for _, p := range legalPrefixes {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	for _, x := range legalSuffixes {
		if len(s) > len(x) && strings.EqualFold(s[len(s)-len(x):], x) {
			s = strings.TrimSpace(s[:len(s)-len(x)])
			break
		}
	}
	switch strings.ToUpper(s) {
	case "", "TNHH", "CỔ PHẦN", "MTV", "JSC": // the name was a legal form
		return strings.TrimSpace(name)
	}
	return s
}
