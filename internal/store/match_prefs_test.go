package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
)

// TestMatchPrefsRoundTrip stores an organization's declared interests and
// excluded competitors, reads them back everywhere the recommender and the
// API read organizations, and refuses an unknown competitor without
// writing anything.
func TestMatchPrefsRoundTrip(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		a, b := xs[0].Org, xs[1].Org
		a.Interests = []string{"warehouse_automation", "robotics", "robotics"}
		a.Competitors = []int64{b.ID}
		if err := db.UpdateOrganization(ctx, &a); err != nil {
			t.Fatal(err)
		}
		got, err := db.Organization(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Interests, []string{"robotics", "warehouse_automation"}) || !slices.Equal(got.Competitors, []int64{b.ID}) {
			t.Fatalf("read back: interests %v, competitors %v", got.Interests, got.Competitors)
		}
		parts, err := db.MatchParticipants(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, p := range parts {
			if p.ID == a.ID {
				found = len(p.Interests) == 2 && slices.Equal(p.Competitors, []int64{b.ID})
			} else if len(p.Interests)+len(p.Competitors) != 0 {
				t.Fatalf("organization %d has someone else's preferences: %+v", p.ID, p)
			}
		}
		if !found {
			t.Fatalf("participants lack A's preferences: %+v", parts)
		}
		list, _, err := db.Organizations(ctx, store.OrgFilter{Limit: 10})
		i := slices.IndexFunc(list, func(o org.Organization) bool { return o.ID == a.ID })
		if err != nil || len(list) != 2 || i < 0 || !slices.Equal(list[i].Competitors, []int64{b.ID}) {
			t.Fatalf("list: %+v %v", list, err)
		}

		// An unknown competitor: a field error, and the old values stay.
		bad := got
		bad.Interests, bad.Competitors = []string{"metalworking"}, []int64{b.ID, 999999}
		err = db.UpdateOrganization(ctx, &bad)
		var ae *apperr.Error
		if !apperr.Is(err, apperr.Invalid) || !errors.As(err, &ae) || ae.Fields["competitors"] == "" {
			t.Fatalf("unknown competitor: %v", err)
		}
		if again, _ := db.Organization(ctx, a.ID); !slices.Equal(again.Interests, got.Interests) || !slices.Equal(again.Competitors, got.Competitors) {
			t.Fatalf("a refused update was half-written: %+v", again)
		}

		// Deleting the competitor takes it off the list.
		a.Interests, a.Competitors = nil, nil
		if err := db.UpdateOrganization(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if cleared, _ := db.Organization(ctx, a.ID); len(cleared.Interests)+len(cleared.Competitors) != 0 {
			t.Fatalf("cleared: %+v", cleared)
		}
	})
}

// TestOrgMembers lists the people of an organization, and only them.
func TestOrgMembers(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		_, xs := mustFair(t, db)
		for i, name := range []string{"an", "binh", "chi"} {
			p := &account.Person{Email: name + "@example.vn", Name: name, Lang: i18n.KO}
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
			if err := db.AddMembership(ctx, account.Membership{PersonID: p.ID, OrgID: xs[i%2].OrgID, Role: account.MemberStaff}); err != nil {
				t.Fatal(err)
			}
		}
		ps, err := db.OrgMembers(ctx, xs[0].OrgID)
		if err != nil || len(ps) != 2 || ps[0].Email != "an@example.vn" || ps[1].Email != "chi@example.vn" || ps[0].Lang != i18n.KO {
			t.Fatalf("members: %+v %v", ps, err)
		}
	})
}

// The bulk loader (the demo) stores declared interests and competitors as
// the profile form does.
func TestBulkLoadsMatchPrefs(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		os := []org.Organization{
			{ID: 1, Kind: org.Enterprise, Name: i18n.Text{EN: "Alpha"}, Country: "VN", Sectors: []string{"robotics"},
				Interests: []string{"machine_vision", "agv_amr"}, Competitors: []int64{2}},
			{ID: 2, Kind: org.Enterprise, Name: i18n.Text{EN: "Beta"}, Country: "KR", Sectors: []string{"robotics"}},
		}
		if err := db.BulkLoad(ctx, func(b *store.Bulk) error { return b.Organizations(os) }); err != nil {
			t.Fatal(err)
		}
		got, err := db.Organization(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got.Interests)
		if !slices.Equal(got.Interests, []string{"agv_amr", "machine_vision"}) || !slices.Equal(got.Competitors, []int64{2}) {
			t.Fatalf("interests %v, competitors %v", got.Interests, got.Competitors)
		}
	})
}
