package org

import "testing"

func TestShortName(t *testing.T) {
	for in, want := range map[string]string{
		"Công ty TNHH Vận tải Sao Mai":           "Vận tải Sao Mai",
		"Công ty Cổ phần Cơ khí Á Châu":          "Cơ khí Á Châu",
		"CÔNG TY CỔ PHẦN Điện tử Việt Tiến":      "Điện tử Việt Tiến",
		"Tổng Công ty Becamex IDC":               "Becamex IDC",
		"Công ty TNHH MTV Cơ khí Bình Minh":      "Cơ khí Bình Minh",
		"Hanbit Robotics Co., Ltd.":              "Hanbit Robotics",
		"Daesung Technology JSC":                 "Daesung Technology",
		"(주)한빛로보틱스":                              "한빛로보틱스",
		"Trường Đại học Thủ Dầu Một":             "Trường Đại học Thủ Dầu Một",
		"Công ty TNHH Tailong Robotics Việt Nam": "Tailong Robotics Việt Nam",
		"Công ty":                 "Công ty",
		"Công ty TNHH":            "Công ty TNHH",
		"  Saigon Hi-Tech Park  ": "Saigon Hi-Tech Park",
		"":                        "",
	} {
		if got := ShortName(in); got != want {
			t.Errorf("ShortName(%q) = %q, want %q", in, got, want)
		}
	}
}
