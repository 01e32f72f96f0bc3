package badge_test

import (
	"io"
	"testing"

	"ketnoi/internal/badge"
)

func BenchmarkSign(b *testing.B) {
	k, _ := badge.NewKey(1)
	c := badge.Claims{EventID: 1, RegistrationID: 123456, Version: 1, Category: "visitor"}
	for b.Loop() {
		badge.Sign(k, c)
	}
}

func BenchmarkVerify(b *testing.B) {
	k, _ := badge.NewKey(1)
	tok, _ := badge.Sign(k, badge.Claims{EventID: 1, RegistrationID: 123456, Version: 1, Category: "visitor"})
	keys := badge.KeySet{1: k.Public()}
	for b.Loop() {
		if _, err := badge.Verify(keys, tok); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFOne is the cost of one badge PDF as mailed at registration.
func BenchmarkPDFOne(b *testing.B) {
	k, _ := badge.NewKey(1)
	tok, _ := badge.Sign(k, badge.Claims{EventID: 1, RegistrationID: 1, Version: 1, Category: "visitor"})
	cards := []badge.Card{{Name: "Nguyễn Văn An", Organization: "Công ty", CategoryLabel: "KHÁCH", Color: "#1565C0", Token: tok}}
	for b.Loop() {
		if err := badge.PDF(io.Discard, badge.A6, cards); err != nil {
			b.Fatal(err)
		}
	}
}
