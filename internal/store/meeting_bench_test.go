package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/schedule"
	"ketnoi/internal/store"
	"ketnoi/internal/store/storetest"
)

// mustMatchmakingScale loads the demo scale of issue 3 into a database:
// 2,000 organizations (the first 500 exhibitors, each with a booth), a
// three-day fair, 200 tables and 20,000 accepted requests whose pairs,
// booth share and absences come from schedule.ScaleConfig.
func mustMatchmakingScale(tb testing.TB, db *store.DB) event.Event {
	tb.Helper()
	ctx := context.Background()
	cfg := schedule.ScaleConfig()
	gen := schedule.Generate(cfg, 1)
	ev := event.Event{ID: 1, Slug: "fair", Kind: event.TradeFair, Name: i18n.Text{EN: "Fair"}, VenueID: 1, StartDate: "2027-03-10", EndDate: "2027-03-12"}
	var orgs []org.Organization
	var xs []event.Exhibitor
	var booths []event.Booth
	for i := 1; i <= cfg.Participants; i++ {
		orgs = append(orgs, org.Organization{ID: int64(i), Kind: org.Enterprise, Name: i18n.Text{EN: fmt.Sprintf("Org %d", i)}, Country: "VN"})
		if i <= cfg.Exhibitors {
			xs = append(xs, event.Exhibitor{ID: int64(i), EventID: 1, OrgID: int64(i), Status: event.Approved, BadgeQuota: 5})
			booths = append(booths, event.Booth{ID: int64(i), EventID: 1, HallID: 1, Code: fmt.Sprintf("A-%d", i), X: float64(i % 40 * 3), Y: float64(i / 40 * 3),
				W: 3, H: 3, Type: event.Shell, Status: event.Sold, ExhibitorID: int64(i)})
		}
	}
	slotIndex := map[string]int{}
	for i, s := range gen.Slots {
		slotIndex[s.ID] = i
	}
	ours := meeting.Slots(ev.Days(), event.Zone(""))
	if len(ours) != len(gen.Slots) {
		tb.Fatalf("%d slots, the generator has %d", len(ours), len(gen.Slots))
	}
	var ms []meeting.Meeting
	for i, gm := range gen.Meetings {
		var a, b int
		fmt.Sscanf(gm.With[0], "p%d", &a)
		fmt.Sscanf(gm.With[1], "p%d", &b)
		m := meeting.Meeting{ID: int64(i + 1), EventID: 1, FromOrg: int64(b), ToOrg: int64(a), Place: meeting.Table, Status: meeting.Accepted}
		if len(gm.Locations) == 1 {
			m.Place = meeting.Booth // the generator puts booth meetings at exhibitor a's booth
		}
		ms = append(ms, m)
	}
	err := db.BulkLoad(ctx, func(bl *store.Bulk) error {
		steps := []func() error{
			func() error { return bl.Organizations(orgs) },
			func() error {
				return bl.Venues([]event.Venue{{ID: 1, Name: i18n.Text{EN: "WTC"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}})
			},
			func() error { return bl.Events([]event.Event{ev}) },
			func() error {
				return bl.Halls([]event.Hall{{ID: 1, EventID: 1, Code: "A", Name: i18n.Text{EN: "A"}, Width: 200, Depth: 200}})
			},
			func() error { return bl.Exhibitors(xs) },
			func() error { return bl.Booths(booths) },
			func() error { return bl.Meetings(ms) },
		}
		for _, s := range steps {
			if err := s(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(db.SaveMatchSettings(ctx, meeting.Settings{EventID: 1, Tables: cfg.Tables}))
	for i, p := range gen.Participants {
		var away []string
		for _, s := range p.Unavailable {
			away = append(away, ours[slotIndex[s]].ID)
		}
		if len(away) > 0 {
			must(db.SetUnavailable(ctx, 1, int64(i+1), away))
		}
	}
	return ev
}

// BenchmarkSchedulerFromDatabase runs the organizer's scheduler at the demo
// scale end to end — read the accepted requests, availability, booths and
// tables from the database, solve, write every placement in one
// transaction — against the pure solver on the same problem in the same
// run, and a re-run where every meeting is confirmed and kept.
func BenchmarkSchedulerFromDatabase(b *testing.B) {
	for _, d := range storetest.Dialects(b) {
		b.Run(d, func(b *testing.B) {
			ctx := context.Background()
			db := storetest.MustOpen(b, d)
			ev := mustMatchmakingScale(b, db)
			zone := event.Zone("")
			opt := schedule.Options{Seed: 1}
			b.Run("pure-solve", func(b *testing.B) {
				in, err := meeting.LoadPlanInput(ctx, db, ev.ID, ev.Days(), zone)
				if err != nil {
					b.Fatal(err)
				}
				p, _ := meeting.Problem(in)
				for b.Loop() {
					res, err := schedule.Solve(ctx, p, opt)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(len(res.Assignments)), "scheduled")
				}
			})
			b.Run("database", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					if _, err := db.UnscheduleAll(ctx, ev.ID); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					out, err := meeting.RunScheduler(ctx, db, ev.ID, ev.Days(), zone, beforeTheFair, opt)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(len(out.Changes)), "scheduled")
				}
			})
			// The database's share of a run: reading the input, and
			// writing every placement.
			b.Run("load-only", func(b *testing.B) {
				for b.Loop() {
					if _, err := meeting.LoadPlanInput(ctx, db, ev.ID, ev.Days(), zone); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("apply-only", func(b *testing.B) {
				if _, err := db.UnscheduleAll(ctx, ev.ID); err != nil {
					b.Fatal(err)
				}
				in, err := meeting.LoadPlanInput(ctx, db, ev.ID, ev.Days(), zone)
				if err != nil {
					b.Fatal(err)
				}
				out, err := meeting.Plan(ctx, in, schedule.Options{Seed: 1, Iterations: -1})
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					b.StopTimer()
					if _, err := db.UnscheduleAll(ctx, ev.ID); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					applied, err := db.ApplySchedule(ctx, ev.ID, out.Changes, time.Now())
					if err != nil || len(applied) != len(out.Changes) {
						b.Fatalf("applied %d of %d: %v", len(applied), len(out.Changes), err)
					}
				}
				b.ReportMetric(float64(len(out.Changes)), "placements")
			})
			b.Run("rerun-all-confirmed", func(b *testing.B) {
				for b.Loop() {
					out, err := meeting.RunScheduler(ctx, db, ev.ID, ev.Days(), zone, beforeTheFair, opt)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(out.Kept), "kept")
					b.ReportMetric(float64(len(out.Changes)), "newly-placed")
				}
			})
		})
	}
}
