package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"ketnoi/internal/demo"
)

func init() {
	register(command{"demo", "seed the demo trade fair into an empty database, then serve", runDemo})
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f serverFlags
	fs := newFlagSet("demo", stderr)
	f.register(fs)
	seed := fs.Int64("seed", 1, "seed of the demo data; the same seed gives the same data")
	at := fs.String("at", "", "run the demo as if it were this time (RFC 3339, e.g. 2027-03-10T09:00:00+07:00, the fair's first morning), the clock going on from there: to rehearse the fair's day — check-ins, the running table plan, each one's next meeting")
	if err := fs.Parse(args); err != nil {
		return err
	}
	clock, err := demoClock(*at, time.Now)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, f.db)
	if err != nil {
		return err
	}
	defer db.Close()
	if clock != nil {
		db.Now = clock
		fmt.Fprintf(stdout, "The demo runs as if it were %s.\n", *at)
	}
	empty, err := db.IsEmpty(ctx)
	if err != nil {
		return err
	}
	ds := demo.Generate(*seed)
	if empty {
		start := time.Now()
		fmt.Fprintf(stdout, "Seeding the demo trade fair (seed %d) into %s …\n", *seed, db.Dialect())
		if err := demo.Seed(ctx, db, ds); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Seeded %d exhibitors, %d booths, %d registrations in %s.\n",
			len(ds.Exhibitors), len(ds.Booths), len(ds.Registrations), time.Since(start).Round(time.Millisecond))
	} else {
		fmt.Fprintln(stdout, "The database already holds data: serving it as it is.")
	}
	return serve(ctx, db, &f, stdout, stderr, func(addr string) {
		fmt.Fprintf(stdout, "\nketnoi demo is running at http://%s/\n\nDemo logins:\n", addr)
		for _, l := range ds.Logins {
			fmt.Fprintf(stdout, "  %-16s %-40s %s   %s\n", l.Role, l.Email, l.Password, l.Note)
		}
		fmt.Fprintln(stdout)
	})
}

// demoClock is a clock that reads at now and runs at the real pace from
// there; nil when at is empty (the real clock).
func demoClock(at string, now func() time.Time) (func() time.Time, error) {
	if at == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return nil, fmt.Errorf("--at %q: write a time as 2027-03-10T09:00:00+07:00", at)
	}
	shift := t.Sub(now())
	return func() time.Time { return now().Add(shift).UTC() }, nil
}
