package demo

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"ketnoi/internal/account"
	"ketnoi/internal/store"
)

// Seed loads the data set into an empty database in one transaction: all
// of it or nothing. Demo logins get their passwords hashed here, in
// parallel, since argon2id is deliberately slow.
func Seed(ctx context.Context, db *store.DB, ds *Dataset) error {
	people := make([]account.Person, len(ds.People))
	copy(people, ds.People)
	if err := hashLogins(people, ds.Logins); err != nil {
		return err
	}
	organizers := make([][2]int64, len(ds.Organizers))
	for i, o := range ds.Organizers {
		organizers[i] = [2]int64{o.EventID, o.PersonID}
	}
	err := db.BulkLoad(ctx, func(b *store.Bulk) error {
		steps := []func() error{
			func() error { return b.People(people) },
			func() error { return b.Organizations(ds.Orgs) },
			func() error { return b.Memberships(ds.Memberships) },
			func() error { return b.Venues(ds.Venues) },
			func() error { return b.Events(ds.Events) },
			func() error { return b.Organizers(organizers) },
			func() error { return b.Halls(ds.Halls) },
			func() error { return b.Exhibitors(ds.Exhibitors) },
			// Each exhibitor's application and its history (applications.go).
			func() error { return b.Applications(ds.Applications) },
			func() error { return b.Booths(ds.Booths) },
			func() error { return b.Registrations(ds.Registrations) },
			func() error { return b.Forum(ds.Rooms, ds.Speakers, ds.Sessions) },
			func() error { return b.Tracks(ds.Tracks) },
			// Issue 4: the exhibitors' product catalogue (internal/demo/products.go).
			func() error { return b.Products(Products(ds)) },
			// Issue 3: marketplace cards and meeting requests (cards.go).
			func() error { return b.Cards(Cards(ds)) },
			// Last year's matchmaking day, its meetings held (past.go).
			func() error {
				cards := Cards(ds)
				fair := Meetings(ds, cards)
				return b.Meetings(append(fair, PastMeetings(ds, cards, int64(len(fair))+1)...))
			},
			// What came of cards and of last year's meetings (outcomes.go).
			func() error {
				cards := Cards(ds)
				return b.Outcomes(Outcomes(ds, cards, PastMeetings(ds, cards, int64(len(Meetings(ds, cards)))+1)))
			},
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seed demo: %w", err)
	}
	return seedCheckin(ctx, db)
}

func hashLogins(people []account.Person, logins []Login) error {
	byEmail := map[string]int{}
	for i, p := range people {
		byEmail[p.Email] = i
	}
	var wg sync.WaitGroup
	errs := make([]error, len(logins))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for li, l := range logins {
		i, ok := byEmail[l.Email]
		if !ok {
			return fmt.Errorf("demo login %s has no person", l.Email)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			people[i].PasswordHash, errs[li] = account.HashPassword(l.Password)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
