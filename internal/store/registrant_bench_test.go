package store_test

import (
	"context"
	"testing"

	"ketnoi/internal/demo"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
)

// BenchmarkRegistrantSearch searches the demo fair's 10,000 registrations
// as the help desk does, a name typed without diacritics and an email,
// next to the first page of the list without a query (one indexed read)
// as the baseline. Run: go test -run '^$' -bench RegistrantSearch -cpu 2
// ./internal/store/
func BenchmarkRegistrantSearch(b *testing.B) {
	ctx := context.Background()
	db := storetest.MustOpen(b, "sqlite")
	if err := demo.Seed(ctx, db, demo.Generate(1)); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, query string }{{"list", ""}, {"name-folded", "nguyen van"}, {"email", "visitor@"}, {"korean-latin", "kim min"}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				rs, total, err := db.Registrants(ctx, 1, store.RegistrantFilter{Query: c.query, Limit: 20})
				if err != nil || len(rs) == 0 || total < len(rs) {
					b.Fatalf("%q: %d of %d, %v", c.query, len(rs), total, err)
				}
			}
		})
	}
}
