package org_test

import (
	"strings"
	"testing"

	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
)

func TestHouseIsDerivedFromKind(t *testing.T) {
	want := map[org.Kind]org.House{org.Agency: org.State, org.Institute: org.Academia, org.Enterprise: org.EnterpriseHouse,
		org.Startup: org.EnterpriseHouse, org.Investor: org.EnterpriseHouse, org.Association: org.EnterpriseHouse}
	for k, h := range want {
		if got := k.House(); got != h {
			t.Errorf("%s: house %s, want %s", k, got, h)
		}
	}
}

func TestOrganizationValidation(t *testing.T) {
	o := org.Organization{Kind: "company", Country: "Vietnam", Name: i18n.Text{VI: strings.Repeat("ă", 201)}}
	err := o.Validate()
	for _, f := range []string{"kind", "country", "name"} {
		if err == nil || !strings.Contains(err.Error(), f) {
			t.Errorf("no message for %s: %v", f, err)
		}
	}
	ok := org.Organization{Kind: org.Institute, Country: " vn ", Name: i18n.Text{VI: " Đại học Thủ Dầu Một "}}
	if err := ok.Validate(); err != nil || ok.Country != "VN" || ok.Name.VI != "Đại học Thủ Dầu Một" {
		t.Fatalf("%+v %v", ok, err)
	}
}
