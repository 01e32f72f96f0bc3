package badge

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"strings"
)

// A registration code is what a person types at a badge kiosk: the
// registration number and six letters that only the server can compute
// ("1042-K7QX9M"). The letters are a MAC of the event and the registration
// under a key derived from the event's first badge key, so a code cannot be
// guessed from a badge number; 30 bits under a rate limit are out of reach
// of trying. The code does not change when a badge is re-issued.

const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ" // Crockford base32

const codeDomain = "ketnoi-registration-code-v1\x00"

// Code returns the registration code of a registration.
func Code(k Key, eventID, registrationID int64) string {
	return strconv.FormatInt(registrationID, 10) + "-" + codeMAC(k, eventID, registrationID)
}

func codeMAC(k Key, eventID, registrationID int64) string {
	secret := sha256.Sum256(append([]byte(codeDomain), k.Private.Seed()...))
	m := hmac.New(sha256.New, secret[:])
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(eventID))
	binary.BigEndian.PutUint64(b[8:], uint64(registrationID))
	m.Write(b[:])
	sum := m.Sum(nil)
	n := binary.BigEndian.Uint32(sum)
	out := make([]byte, 6)
	for i := range out {
		out[i] = codeAlphabet[n>>(27-5*i)&31]
	}
	return string(out)
}

// ParseCode reads a typed code leniently (spaces, lower case, O for 0, I
// and L for 1) and returns the registration it names and its letters.
func ParseCode(s string) (registrationID int64, letters string, ok bool) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	num, mac, found := strings.Cut(s, "-")
	if !found || len(mac) != 6 || len(num) == 0 || len(num) > 18 {
		return 0, "", false
	}
	id, err := strconv.ParseInt(num, 10, 64)
	if err != nil || id <= 0 {
		return 0, "", false
	}
	b := []byte(mac)
	for i, c := range b {
		switch c {
		case 'O':
			b[i] = '0'
		case 'I', 'L':
			b[i] = '1'
		}
		if !strings.ContainsRune(codeAlphabet, rune(b[i])) {
			return 0, "", false
		}
	}
	return id, string(b), true
}

// CheckCode reports whether letters are the code of the registration, in
// constant time.
func CheckCode(k Key, eventID, registrationID int64, letters string) bool {
	return hmac.Equal([]byte(codeMAC(k, eventID, registrationID)), []byte(letters))
}

// Number is the badge number printed small under a badge's QR ("#1042-3"):
// the registration and the badge's version. Unlike a registration code it
// is no secret; it names the badge for people who already may admit its
// holder (gate staff typing what a crumpled badge still shows).
func Number(registrationID int64, version int) string {
	return "#" + strconv.FormatInt(registrationID, 10) + "-" + strconv.Itoa(version)
}

// ParseNumber reads a typed badge number, with or without its "#" and
// spaces.
func ParseNumber(s string) (registrationID int64, version int, ok bool) {
	s = strings.TrimPrefix(strings.Join(strings.Fields(s), ""), "#")
	num, ver, found := strings.Cut(s, "-")
	if !found || len(num) == 0 || len(num) > 18 || len(ver) == 0 || len(ver) > 5 {
		return 0, 0, false
	}
	id, err := strconv.ParseInt(num, 10, 64)
	v, verr := strconv.Atoi(ver)
	if err != nil || verr != nil || id <= 0 || v <= 0 || strings.ContainsAny(num+ver, "+-") {
		return 0, 0, false
	}
	return id, v, true
}
