// Package badge makes and checks the QR badges of an event: a compact
// token signed with Ed25519 that names the event, the registration, its
// category, the days it is valid and its version, and nothing personal (no
// name, no email), so that a lost badge or a photographed QR leaks nothing.
// A scanner verifies a token with the event's public keys alone; the
// private keys stay on the server. Rendering (PNG, PDF) lives in render.go.
package badge

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Prefix starts every token, so that a scanner recognises one among other
// barcodes and a later format can change it.
const Prefix = "KN1."

// domain separates badge signatures from anything else signed with the key.
const domain = "ketnoi-badge-v1\x00"

const (
	format     = 1
	maxDays    = 64 // the day mask is a uint64
	maxCatLen  = 32
	maxPayload = 128
	dayLayout  = "2006-01-02"
	maxDay     = 84_000 // day numbers stop in the year 2199
)

// Errors a token can fail with; Verify wraps them with detail.
var (
	ErrMalformed    = errors.New("malformed badge")
	ErrUnknownKey   = errors.New("badge signed with an unknown key")
	ErrBadSignature = errors.New("badge signature does not match")
)

// Claims is what a badge says. Days are civil dates in the venue's zone.
type Claims struct {
	KeyID          uint32   `json:"kid"`
	EventID        int64    `json:"event_id"`
	RegistrationID int64    `json:"registration_id"`
	Version        int      `json:"version"` // raised by each re-issue; older versions are revoked
	Category       string   `json:"category"`
	Days           []string `json:"days"` // empty: every day of the event
}

// ValidOn reports whether the badge admits on the civil date day.
func (c Claims) ValidOn(day string) bool {
	if len(c.Days) == 0 {
		return true
	}
	for _, d := range c.Days {
		if d == day {
			return true
		}
	}
	return false
}

// Key is one signing key of an event.
type Key struct {
	ID      uint32
	Private ed25519.PrivateKey
}

// NewKey makes a fresh signing key with the given id.
func NewKey(id uint32) (Key, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return Key{}, fmt.Errorf("badge key: %w", err)
	}
	return Key{ID: id, Private: priv}, nil
}

// Public returns the key's public half.
func (k Key) Public() ed25519.PublicKey { return k.Private.Public().(ed25519.PublicKey) }

// KeySet holds the public keys a scanner trusts, by key id.
type KeySet map[uint32]ed25519.PublicKey

// Sign makes the token for c with key k; c.KeyID is set to k.ID.
func Sign(k Key, c Claims) (string, error) {
	c.KeyID = k.ID
	payload, err := encode(c)
	if err != nil {
		return "", err
	}
	sig := ed25519.Sign(k.Private, append([]byte(domain), payload...))
	return Prefix + base64.RawURLEncoding.EncodeToString(append(payload, sig...)), nil
}

// Verify parses token and checks its signature against keys. It touches no
// network and no database, so an offline scanner runs the same check.
func Verify(keys KeySet, token string) (Claims, error) {
	c, payload, sig, err := Parse(token)
	if err != nil {
		return c, err
	}
	pub, ok := keys[c.KeyID]
	if !ok || len(pub) != ed25519.PublicKeySize {
		return c, fmt.Errorf("%w (key %d)", ErrUnknownKey, c.KeyID)
	}
	if !ed25519.Verify(pub, append([]byte(domain), payload...), sig) {
		return c, ErrBadSignature
	}
	return c, nil
}

// Parse reads a token without checking its signature, returning the claims,
// the signed payload and the signature.
func Parse(token string) (c Claims, payload, sig []byte, err error) {
	token = strings.TrimSpace(token)
	if !strings.HasPrefix(token, Prefix) {
		return c, nil, nil, fmt.Errorf("%w: not a ketnoi badge", ErrMalformed)
	}
	raw, err := base64.RawURLEncoding.DecodeString(token[len(Prefix):])
	if err != nil {
		return c, nil, nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if len(raw) <= ed25519.SignatureSize || len(raw) > maxPayload+ed25519.SignatureSize {
		return c, nil, nil, fmt.Errorf("%w: wrong length %d", ErrMalformed, len(raw))
	}
	payload, sig = raw[:len(raw)-ed25519.SignatureSize], raw[len(raw)-ed25519.SignatureSize:]
	c, err = decode(payload)
	return c, payload, sig, err
}

// epoch is day 0 of the day numbers in tokens.
var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

func dayNumber(d string) (uint64, error) {
	t, err := time.Parse(dayLayout, d)
	if err != nil || t.Before(epoch) || t.Year() > 2200 {
		return 0, fmt.Errorf("badge day %q is not a date written YYYY-MM-DD between 1970 and 2200", d)
	}
	return uint64(t.Unix() / 86400), nil
}

func dayString(n uint64) string { return epoch.AddDate(0, 0, int(n)).Format(dayLayout) }

// encode writes the payload: format, key id, event, registration, version,
// category, first day and a mask of the days from it.
func encode(c Claims) ([]byte, error) {
	if c.EventID <= 0 || c.RegistrationID <= 0 || c.Version <= 0 {
		return nil, errors.New("badge: event, registration and version must be positive")
	}
	if c.Category == "" || len(c.Category) > maxCatLen {
		return nil, fmt.Errorf("badge: category must be 1 to %d bytes", maxCatLen)
	}
	first, mask, err := dayMask(c.Days)
	if err != nil {
		return nil, err
	}
	b := []byte{format}
	b = binary.AppendUvarint(b, uint64(c.KeyID))
	b = binary.AppendUvarint(b, uint64(c.EventID))
	b = binary.AppendUvarint(b, uint64(c.RegistrationID))
	b = binary.AppendUvarint(b, uint64(c.Version))
	b = append(b, byte(len(c.Category)))
	b = append(b, c.Category...)
	b = binary.AppendUvarint(b, first)
	b = binary.AppendUvarint(b, mask)
	return b, nil
}

func dayMask(days []string) (first, mask uint64, err error) {
	if len(days) == 0 {
		return 0, 0, nil
	}
	nums := make([]uint64, len(days))
	for i, d := range days {
		if nums[i], err = dayNumber(d); err != nil {
			return 0, 0, err
		}
		if i == 0 || nums[i] < first {
			first = nums[i]
		}
	}
	for _, n := range nums {
		if n-first >= maxDays {
			return 0, 0, fmt.Errorf("badge: days span more than %d days", maxDays)
		}
		mask |= 1 << (n - first)
	}
	return first, mask, nil
}

// decode reads a payload strictly: every field present, nothing left over.
func decode(p []byte) (Claims, error) {
	var c Claims
	r := reader{b: p}
	if v := r.byte(); v != format {
		return c, fmt.Errorf("%w: unknown format %d", ErrMalformed, v)
	}
	kid, ev, reg, ver := r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint()
	n := int(r.byte())
	cat := r.bytes(n)
	first, mask := r.uvarint(), r.uvarint()
	if r.err != nil || len(r.b) != 0 {
		return c, fmt.Errorf("%w: truncated or trailing bytes", ErrMalformed)
	}
	const maxID = 1<<53 - 1
	if kid > 1<<32-1 || ev == 0 || reg == 0 || ver == 0 || ev > maxID || reg > maxID || ver > 1<<31 || n == 0 || n > maxCatLen {
		return c, fmt.Errorf("%w: field out of range", ErrMalformed)
	}
	if first > maxDay {
		return c, fmt.Errorf("%w: day out of range", ErrMalformed)
	}
	c = Claims{KeyID: uint32(kid), EventID: int64(ev), RegistrationID: int64(reg), Version: int(ver), Category: string(cat)}
	for i := uint64(0); i < maxDays; i++ {
		if mask&(1<<i) != 0 {
			c.Days = append(c.Days, dayString(first+i))
		}
	}
	if mask == 0 && first != 0 {
		return c, fmt.Errorf("%w: first day without days", ErrMalformed)
	}
	return c, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.err = ErrMalformed
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || len(r.b) < n {
		r.err = ErrMalformed
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = ErrMalformed
		return 0
	}
	r.b = r.b[n:]
	return v
}
