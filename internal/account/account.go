// Package account holds people, their memberships in organizations, their
// roles at events, passwords and sessions.
package account

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
)

// Person is an account.
type Person struct {
	ID           int64     `json:"id"`
	Email        string    `json:"email"`
	Name         string    `json:"name"`
	Lang         i18n.Lang `json:"lang"`
	IsAdmin      bool      `json:"is_admin"`
	PasswordHash string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}

// MemberRole is a person's role in an organization.
type MemberRole string

const (
	MemberAdmin MemberRole = "admin"
	MemberStaff MemberRole = "staff"
)

// Membership ties a person to an organization.
type Membership struct {
	PersonID int64      `json:"person_id"`
	OrgID    int64      `json:"org_id"`
	Role     MemberRole `json:"role"`
}

// Limits.
const (
	MinPassword = 10
	MaxPassword = 200
	MaxName     = 120
	MaxEmail    = 254
)

// NormalizeEmail lower-cases and trims an address and checks its form.
func NormalizeEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) == 0 || len(s) > MaxEmail {
		return "", errors.New("is not a valid email address")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@'):], ".") {
		return "", errors.New("is not a valid email address")
	}
	return s, nil
}

// SignUp is what a person gives to create an account.
type SignUp struct {
	Email    string    `json:"email"`
	Name     string    `json:"name"`
	Password string    `json:"password"`
	Lang     i18n.Lang `json:"lang"`
}

// Validate checks a sign-up and normalises the email and name.
func (s *SignUp) Validate() error {
	f := apperr.Fields{}
	email, err := NormalizeEmail(s.Email)
	if err != nil {
		f.Add("email", err.Error())
	}
	s.Email = email
	s.Name = strings.TrimSpace(s.Name)
	if s.Name == "" {
		f.Add("name", "is required")
	} else if len([]rune(s.Name)) > MaxName {
		f.Add("name", "is longer than 120 characters")
	}
	checkPassword(f, s.Password)
	if _, ok := i18n.Parse(string(s.Lang)); !ok {
		s.Lang = i18n.VI
	}
	return f.Err()
}

// ValidatePassword checks a new password with the rules of sign-up; a
// password set from a reset link is held to the same ones.
func ValidatePassword(password string) error {
	f := apperr.Fields{}
	checkPassword(f, password)
	return f.Err()
}

func checkPassword(f apperr.Fields, password string) {
	if n := len([]rune(password)); n < MinPassword {
		f.Add("password", "must have at least 10 characters")
	} else if len(password) > MaxPassword {
		f.Add("password", "is longer than 200 characters")
	}
}

// argon2id parameters: OWASP's second recommended set (19 MiB, 2 passes).
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns an encoded argon2id hash in the PHC string format.
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches the encoded hash.
func CheckPassword(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m > 256*1024 || t > 10 || p == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// NewToken returns a random URL-safe token of 32 bytes.
func NewToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is what the database keeps of a session token, so that a copy
// of the database does not hold live sessions.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// Session is a logged-in browser or API client.
type Session struct {
	TokenHash string
	PersonID  int64
	CSRF      string
	ExpiresAt time.Time
}

// SessionLifetime is how long a session lasts without being renewed.
const SessionLifetime = 14 * 24 * time.Hour
