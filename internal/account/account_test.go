package account_test

import (
	"strings"
	"testing"
	"time"

	"ketnoi/internal/account"
)

func TestPasswordHashIsArgon2idAndChecks(t *testing.T) {
	h, err := account.HashPassword("mật khẩu đủ dài")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q", h)
	}
	if !account.CheckPassword(h, "mật khẩu đủ dài") {
		t.Fatal("right password refused")
	}
	if account.CheckPassword(h, "mat khau du dai") {
		t.Fatal("wrong password accepted")
	}
	h2, _ := account.HashPassword("mật khẩu đủ dài")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	for _, bad := range []string{"", "$argon2id$v=19$m=999999999,t=2,p=1$AAAA$AAAA", "$bcrypt$x", h[:len(h)-5]} {
		if account.CheckPassword(bad, "mật khẩu đủ dài") {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	for in, want := range map[string]string{" An.Nguyen@Example.VN ": "an.nguyen@example.vn", "kim@x.co.kr": "kim@x.co.kr"} {
		if got, err := account.NormalizeEmail(in); err != nil || got != want {
			t.Errorf("%q → %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "no-at", "a@b", "Name <a@b.vn>", "a@b.vn, c@d.vn", strings.Repeat("a", 250) + "@b.vn"} {
		if _, err := account.NormalizeEmail(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestSignUpValidation(t *testing.T) {
	s := account.SignUp{Email: "x", Name: " ", Password: "short"}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "email") || !strings.Contains(err.Error(), "password") || !strings.Contains(err.Error(), "name") {
		t.Fatalf("got %v", err)
	}
	ok := account.SignUp{Email: "Lan@Example.vn", Name: " Lan ", Password: "0123456789"}
	if err := ok.Validate(); err != nil || ok.Email != "lan@example.vn" || ok.Name != "Lan" || ok.Lang != "vi" {
		t.Fatalf("%+v %v", ok, err)
	}
}

func TestTokens(t *testing.T) {
	a, b := account.NewToken(), account.NewToken()
	if a == b || len(a) < 40 {
		t.Fatalf("tokens %q %q", a, b)
	}
	// The same token hashes the same each time (it is looked up by its
	// hash), and different tokens differently.
	if h := account.HashToken(a); h == a || h != account.HashToken(strings.Clone(a)) || h == account.HashToken(b) {
		t.Fatal("token hash is not a stable digest")
	}
}

func TestPasswordResetLifetime(t *testing.T) {
	now := time.Date(2027, 3, 10, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	token, r := account.NewPasswordReset(7, now)
	if r.TokenHash != account.HashToken(token) || r.PersonID != 7 || r.CreatedAt.Location() != time.UTC {
		t.Fatalf("reset %+v for token %q", r, token)
	}
	if err := r.Check(now.Add(59 * time.Minute)); err != nil {
		t.Fatalf("within the hour: %v", err)
	}
	if err := r.Check(now.Add(time.Hour)); err != account.ErrResetExpired {
		t.Fatalf("after an hour: %v", err)
	}
	used := now
	r.UsedAt = &used
	if err := r.Check(now); err != account.ErrResetUsed {
		t.Fatalf("used: %v", err)
	}
}

func TestValidatePasswordHasSignUpRules(t *testing.T) {
	for pw, ok := range map[string]bool{"short": false, "0123456789": true, "mật khẩu 10": true, strings.Repeat("x", 201): false} {
		if err := account.ValidatePassword(pw); (err == nil) != ok {
			t.Errorf("%q: %v", pw, err)
		}
	}
}
