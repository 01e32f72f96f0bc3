package web_test

import (
	"context"
	"strings"
	"testing"

	"ketnoi/internal/apperr"
)

func TestVisitorDownloadsAndDeletesData(t *testing.T) {
	f := mustFixture(t, "sqlite")
	if b := readAll(t, f.do(visitor, "GET", "/me/data", "", "")); !strings.Contains(b, "visitor@example.vn") || !strings.Contains(b, "Viện Cơ khí") {
		t.Fatalf("download lacks the registration: %s", b)
	}
	r := f.do(visitor, "POST", "/me/data/delete", "application/x-www-form-urlencoded", "confirm=yes")
	if r.StatusCode != 303 {
		t.Fatalf("delete: %d", r.StatusCode)
	}
	if _, err := f.db.Person(context.Background(), f.people[visitor].ID); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("the account survived: %v", err)
	}
	reg, err := f.db.Registrant(context.Background(), f.eventID, f.ids["registration"])
	if err != nil || !reg.Anonymized || reg.Name != "" || reg.OrgName != "" {
		t.Fatalf("the registration keeps personal data: %+v %v", reg, err)
	}
}
