package badge_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"ketnoi/internal/badge"
)

func mustKey(t testing.TB, id uint32) badge.Key {
	t.Helper()
	k, err := badge.NewKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSignVerifyRoundTrip(t *testing.T) {
	k := mustKey(t, 3)
	c := badge.Claims{EventID: 42, RegistrationID: 123456, Version: 2, Category: "delegate", Days: []string{"2027-03-10", "2027-03-12"}}
	tok, err := badge.Sign(k, c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok, badge.Prefix) || len(tok) > 140 {
		t.Fatalf("token %q: want the prefix and at most 140 characters", tok)
	}
	got, err := badge.Verify(badge.KeySet{3: k.Public()}, tok)
	if err != nil {
		t.Fatal(err)
	}
	c.KeyID = 3
	if !reflect.DeepEqual(got, c) {
		t.Fatalf("claims = %+v, want %+v", got, c)
	}
	if !got.ValidOn("2027-03-12") || got.ValidOn("2027-03-11") {
		t.Fatal("ValidOn does not follow the days")
	}
}

func TestTokenHoldsNoPersonalData(t *testing.T) {
	k := mustKey(t, 1)
	tok, _ := badge.Sign(k, badge.Claims{EventID: 1, RegistrationID: 2, Version: 1, Category: "visitor"})
	c, payload, _, err := badge.Parse(tok)
	if err != nil {
		t.Fatal(err)
	}
	// Everything in the payload is accounted for by the claims: format,
	// key, ids, version, category and days; nothing else fits.
	if len(payload) != 1+1+1+1+1+1+len(c.Category)+1+1 {
		t.Fatalf("payload of %d bytes holds more than the claims", len(payload))
	}
	if len(c.Days) != 0 || !c.ValidOn("2030-01-01") {
		t.Fatal("a badge without days must be valid every day")
	}
}

func TestVerifyRejects(t *testing.T) {
	k1, k2 := mustKey(t, 1), mustKey(t, 2)
	tok, _ := badge.Sign(k1, badge.Claims{EventID: 7, RegistrationID: 9, Version: 1, Category: "vip"})
	keys := badge.KeySet{1: k1.Public()}
	if _, err := badge.Verify(badge.KeySet{2: k2.Public()}, tok); !errors.Is(err, badge.ErrUnknownKey) {
		t.Fatalf("unknown key: %v", err)
	}
	if _, err := badge.Verify(badge.KeySet{1: k2.Public()}, tok); !errors.Is(err, badge.ErrBadSignature) {
		t.Fatalf("wrong key under the same id: %v", err)
	}
	// Flip each character of the body: never accepted.
	body := []byte(tok)
	for i := len(badge.Prefix); i < len(body); i++ {
		orig := body[i]
		for _, c := range []byte("AQw-_") {
			if c == orig {
				continue
			}
			body[i] = c
			if _, err := badge.Verify(keys, string(body)); err == nil {
				t.Fatalf("tampered token accepted at %d", i)
			}
		}
		body[i] = orig
	}
	for _, bad := range []string{"", "KN1.", "hello", "KN1.!!!", tok[:len(tok)-3], tok + "AAAA"} {
		if _, err := badge.Verify(keys, bad); err == nil {
			t.Fatalf("%q accepted", bad)
		}
	}
}

func TestKeyRotation(t *testing.T) {
	old, cur := mustKey(t, 1), mustKey(t, 2)
	tOld, _ := badge.Sign(old, badge.Claims{EventID: 1, RegistrationID: 1, Version: 1, Category: "visitor"})
	tNew, _ := badge.Sign(cur, badge.Claims{EventID: 1, RegistrationID: 2, Version: 1, Category: "visitor"})
	both := badge.KeySet{1: old.Public(), 2: cur.Public()}
	for _, tok := range []string{tOld, tNew} {
		if _, err := badge.Verify(both, tok); err != nil {
			t.Fatalf("during rotation both keys verify: %v", err)
		}
	}
	if _, err := badge.Verify(badge.KeySet{2: cur.Public()}, tOld); !errors.Is(err, badge.ErrUnknownKey) {
		t.Fatalf("a retired key must no longer verify: %v", err)
	}
}

func TestSignRejectsBadClaims(t *testing.T) {
	k := mustKey(t, 1)
	for _, c := range []badge.Claims{
		{RegistrationID: 1, Version: 1, Category: "v"},
		{EventID: 1, Version: 1, Category: "v"},
		{EventID: 1, RegistrationID: 1, Category: "v"},
		{EventID: 1, RegistrationID: 1, Version: 1},
		{EventID: 1, RegistrationID: 1, Version: 1, Category: strings.Repeat("x", 40)},
		{EventID: 1, RegistrationID: 1, Version: 1, Category: "v", Days: []string{"10/03/2027"}},
		{EventID: 1, RegistrationID: 1, Version: 1, Category: "v", Days: []string{"2027-01-01", "2027-12-31"}},
	} {
		if _, err := badge.Sign(k, c); err == nil {
			t.Fatalf("Sign(%+v) accepted", c)
		}
	}
}

// FuzzParse: no input panics, and whatever parses re-signs to a token
// that parses to the same claims.
func FuzzParse(f *testing.F) {
	k, _ := badge.NewKey(1)
	for _, c := range []badge.Claims{
		{EventID: 1, RegistrationID: 1, Version: 1, Category: "visitor"},
		{EventID: 99999, RegistrationID: 1 << 40, Version: 7, Category: "exhibitor_staff", Days: []string{"2027-03-10", "2027-03-11"}},
	} {
		tok, _ := badge.Sign(k, c)
		f.Add(tok)
	}
	f.Add("KN1.AAAA")
	f.Add("KN1." + strings.Repeat("_", 200))
	f.Fuzz(func(t *testing.T, tok string) {
		c, payload, sig, err := badge.Parse(tok)
		if err != nil {
			return
		}
		if len(sig) != 64 {
			t.Fatalf("signature of %d bytes", len(sig))
		}
		if len(payload) == 0 {
			t.Fatal("empty payload parsed")
		}
		again, err := badge.Sign(badge.Key{ID: c.KeyID, Private: k.Private}, c)
		if err != nil {
			t.Fatalf("parsed claims %+v do not re-sign: %v", c, err)
		}
		c2, _, _, err := badge.Parse(again)
		if err != nil || !reflect.DeepEqual(c, c2) {
			t.Fatalf("claims %+v came back as %+v, %v", c, c2, err)
		}
	})
}
