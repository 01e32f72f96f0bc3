package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/schedule"
	"ketnoi/internal/store"
)

func TestMeetingLifecycleAndScheduler(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		a, b := xs[0].OrgID, xs[1].OrgID // a holds the booth
		if xs[0].Org.Country != "VN" {
			a, b = b, a
		}
		m := &meeting.Meeting{EventID: e.ID, FromOrg: b, ToOrg: a, Message: "Xin gặp", Place: meeting.Booth, Status: meeting.Requested, Origin: meeting.FromRecommendation}
		if err := m.Validate(); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		dup := &meeting.Meeting{EventID: e.ID, FromOrg: a, ToOrg: b, Place: meeting.Table, Status: meeting.Requested}
		if err := db.CreateMeeting(ctx, dup); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("second open request: %v, want conflict", err)
		}
		v, err := db.Meeting(ctx, e.ID, m.ID)
		if err != nil || v.From.Country != "KR" || v.Place != meeting.Booth || v.Status != meeting.Requested {
			t.Fatalf("Meeting = %+v, %v", v, err)
		}
		// The recipient accepts; acting again from the stale state conflicts.
		mm := v.Meeting
		if err := mm.Accept(meeting.Recipient, 0, nil, db.Now()); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveMeeting(ctx, &mm, meeting.Requested); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveMeeting(ctx, &mm, meeting.Requested); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("stale save: %v, want conflict", err)
		}
		if s, err := db.MatchSettings(ctx, e.ID); err != nil || s.Tables != meeting.DefaultTables || s.RemindMinutes != meeting.DefaultRemindMinutes {
			t.Fatalf("default settings = %+v, %v", s, err)
		}
		if err := db.SaveMatchSettings(ctx, meeting.Settings{EventID: e.ID, Tables: 3, RemindMinutes: 10}); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveMatchSettings(ctx, meeting.Settings{EventID: e.ID, Tables: 4, RemindMinutes: 30}); err != nil {
			t.Fatal(err)
		}
		if s, err := db.MatchSettings(ctx, e.ID); err != nil || s.Tables != 4 || s.RemindMinutes != 30 {
			t.Fatalf("settings = %+v, %v", s, err)
		}
		if err := db.SetUnavailable(ctx, e.ID, a, []string{"d1-0830", "d1-0900"}); err != nil {
			t.Fatal(err)
		}
		booths, err := db.MeetingBooths(ctx, e.ID)
		if err != nil || len(booths[a]) != 1 || booths[a][0] != "A-101" {
			t.Fatalf("booths = %v, %v", booths, err)
		}
		ev := e
		days := ev.Days()
		now := beforeTheFair
		out, err := meeting.RunScheduler(ctx, db, e.ID, days, event.Zone(""), now, schedule.Options{Seed: 1, Iterations: 20000})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Changes) != 1 || out.Changes[0].Kind != meeting.NewlyScheduled {
			t.Fatalf("first run changes = %+v", out)
		}
		got, _ := db.Meeting(ctx, e.ID, m.ID)
		if got.Status != meeting.Scheduled || got.Location != "booth-A-101" || got.Slot == "d1-0830" || got.Slot == "d1-0900" || got.Slot == "" {
			t.Fatalf("scheduled meeting = %+v", got.Meeting)
		}
		// A second run keeps it.
		out, err = meeting.RunScheduler(ctx, db, e.ID, days, event.Zone(""), now, schedule.Options{Seed: 1, Iterations: 20000})
		if err != nil || len(out.Changes) != 0 || out.Kept != 1 {
			t.Fatalf("second run: %+v, %v", out, err)
		}
		// The exhibitor becomes unavailable then: the meeting moves.
		if err := db.SetUnavailable(ctx, e.ID, a, []string{got.Slot}); err != nil {
			t.Fatal(err)
		}
		out, err = meeting.RunScheduler(ctx, db, e.ID, days, event.Zone(""), now, schedule.Options{Seed: 1, Iterations: 20000})
		if err != nil || len(out.Changes) != 1 || out.Changes[0].Kind != meeting.Moved || out.Changes[0].OldSlot != got.Slot {
			t.Fatalf("third run: %+v, %v", out, err)
		}
		moved, _ := db.Meeting(ctx, e.ID, m.ID)
		if moved.Slot == got.Slot {
			t.Fatalf("meeting kept an unavailable slot")
		}
		mine, err := db.MeetingsOfOrgs(ctx, e.ID, []int64{b})
		if err != nil || len(mine) != 1 {
			t.Fatalf("MeetingsOfOrgs = %d, %v", len(mine), err)
		}
		cur := moved.Meeting
		slots := meeting.Slots(days, event.Zone(""))
		at, _ := meeting.FindSlot(slots, cur.Slot)
		if err := cur.CheckIn(at.Starts, slots); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveMeeting(ctx, &cur, meeting.Scheduled); err != nil {
			t.Fatal(err)
		}
		held, _ := db.Meeting(ctx, e.ID, m.ID)
		if held.Status != meeting.Held || held.CheckedInAt == nil {
			t.Fatalf("held meeting = %+v", held.Meeting)
		}
	})
}

func TestApplyScheduleSkipsMeetingsChangedMeanwhile(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		first := &meeting.Meeting{EventID: e.ID, FromOrg: xs[0].OrgID, ToOrg: xs[1].OrgID, Place: meeting.Table, Status: meeting.Accepted}
		if err := db.CreateMeeting(ctx, first); err != nil {
			t.Fatal(err)
		}
		ms := []*meeting.Meeting{first}
		// The first is cancelled while the scheduler runs; 9999 is no meeting.
		changes := []meeting.Change{
			{Kind: meeting.NewlyScheduled, Meeting: meeting.Meeting{ID: ms[0].ID, Status: meeting.Scheduled, Slot: "d1-0830", Location: "T01"}},
			{Kind: meeting.NewlyScheduled, Meeting: meeting.Meeting{ID: 9999, Status: meeting.Scheduled, Slot: "d1-0900", Location: "T02"}},
		}
		cur, _ := db.Meeting(ctx, e.ID, ms[0].ID)
		c := cur.Meeting
		if err := c.Cancel("changed plans"); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveMeeting(ctx, &c, meeting.Accepted); err != nil {
			t.Fatal(err)
		}
		applied, err := db.ApplySchedule(ctx, e.ID, changes, time.Now())
		if err != nil || len(applied) != 0 {
			t.Fatalf("applied %+v, %v; a cancelled and an unknown meeting must be left alone", applied, err)
		}
		again, _ := db.Meeting(ctx, e.ID, ms[0].ID)
		if again.Status != meeting.Cancelled || again.Slot != "" {
			t.Fatalf("cancelled meeting overwritten: %+v", again.Meeting)
		}
		other := &meeting.Meeting{EventID: e.ID, FromOrg: xs[1].OrgID, ToOrg: xs[0].OrgID, Place: meeting.Table, Status: meeting.Accepted}
		if err := db.CreateMeeting(ctx, other); err != nil {
			t.Fatal(err)
		}
		applied, err = db.ApplySchedule(ctx, e.ID, []meeting.Change{{Kind: meeting.NewlyScheduled,
			Meeting: meeting.Meeting{ID: other.ID, Status: meeting.Scheduled, Slot: "d2-1400", Location: "booth-A-101"}}}, time.Now())
		if err != nil || len(applied) != 1 {
			t.Fatalf("applied %d, %v", len(applied), err)
		}
		if got, _ := db.Meeting(ctx, e.ID, other.ID); got.Status != meeting.Scheduled || got.Slot != "d2-1400" || got.Location != "booth-A-101" {
			t.Fatalf("placement not written: %+v", got.Meeting)
		}
	})
}

// An organizer's move is stored only where both sides and the location are
// free and available, and only if nobody changed the meeting meanwhile;
// a refused move leaves the meeting as it was.
func TestMoveMeeting(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		third := &org.Organization{Kind: org.Institute, Name: i18n.Text{VI: "Viện Cơ khí", EN: "Mechanical Institute"}, Country: "VN"}
		if err := db.CreateOrganization(ctx, third); err != nil {
			t.Fatal(err)
		}
		a, b, c := xs[0].OrgID, xs[1].OrgID, third.ID
		ab := &meeting.Meeting{EventID: e.ID, FromOrg: b, ToOrg: a, Place: meeting.Table, Status: meeting.Accepted}
		ac := &meeting.Meeting{EventID: e.ID, FromOrg: c, ToOrg: a, Place: meeting.Table, Status: meeting.Accepted}
		for _, m := range []*meeting.Meeting{ab, ac} {
			if err := db.CreateMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		slots := meeting.Slots(e.Days(), time.UTC)
		tables := []string{"T01", "T02"}
		move := func(m *meeting.Meeting, slot, loc string) error {
			cur, err := db.Meeting(ctx, e.ID, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			mt := cur.Meeting
			if err := mt.MoveTo(slot, loc, slots, tables, time.Time{}); err != nil {
				return err
			}
			return db.MoveMeeting(ctx, &mt, cur.Status, cur.Slot, cur.Location)
		}
		if err := move(ab, "d1-0900", "T01"); err != nil {
			t.Fatal(err)
		}
		if err := db.SetUnavailable(ctx, e.ID, c, []string{"d1-1000"}); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			slot, loc, why string
			want           error
		}{
			{"d1-0900", "T02", "a is busy at 9:00", meeting.ErrSideBusy},
			{"d1-1000", "T02", "c is away at 10:00", meeting.ErrSideAway},
		} {
			if err := move(ac, tc.slot, tc.loc); !errors.Is(err, tc.want) {
				t.Fatalf("%s: %v", tc.why, err)
			}
		}
		if err := move(ac, "d1-0930", "T01"); err != nil {
			t.Fatal(err)
		}
		// b meets a at 9:00 on T01; at 9:30 a meets c on T01.
		if err := move(ab, "d1-0930", "T02"); !errors.Is(err, meeting.ErrSideBusy) {
			t.Fatalf("move onto a's meeting with c: %v", err)
		}
		other := &meeting.Meeting{EventID: e.ID, FromOrg: c, ToOrg: b, Place: meeting.Table, Status: meeting.Accepted}
		if err := db.CreateMeeting(ctx, other); err != nil {
			t.Fatal(err)
		}
		if err := move(other, "d1-1200", "T01"); err != nil {
			t.Fatal(err)
		}
		if err := move(ab, "d1-1200", "T02"); !errors.Is(err, meeting.ErrSideBusy) {
			t.Fatalf("b meets c at 12:00: %v", err)
		}
		// A fourth organization's meeting with c holds T02 at 11:00, where a
		// and b are both free: only the table is in the way.
		fourth := &org.Organization{Kind: org.Agency, Name: i18n.Text{VI: "Sở Khoa học và Công nghệ", EN: "Department of Science and Technology"}, Country: "VN"}
		if err := db.CreateOrganization(ctx, fourth); err != nil {
			t.Fatal(err)
		}
		cd := &meeting.Meeting{EventID: e.ID, FromOrg: fourth.ID, ToOrg: c, Place: meeting.Table, Status: meeting.Accepted}
		if err := db.CreateMeeting(ctx, cd); err != nil {
			t.Fatal(err)
		}
		if err := move(cd, "d1-1100", "T02"); err != nil {
			t.Fatal(err)
		}
		if err := move(ab, "d1-1100", "T02"); !errors.Is(err, meeting.ErrPlaceTaken) {
			t.Fatalf("T02 is taken at 11:00: %v", err)
		}
		if got, _ := db.Meeting(ctx, e.ID, ab.ID); got.Slot != "d1-0900" || got.Location != "T01" || got.Status != meeting.Scheduled {
			t.Fatalf("a refused move changed the meeting: %+v", got.Meeting)
		}
		// A stale form: the meeting moved since it was read.
		stale, _ := db.Meeting(ctx, e.ID, ab.ID)
		if err := move(ab, "d1-1030", "T02"); err != nil {
			t.Fatal(err)
		}
		mt := stale.Meeting
		if err := mt.MoveTo("d1-1130", "T02", slots, tables, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if err := db.MoveMeeting(ctx, &mt, stale.Status, stale.Slot, stale.Location); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("stale move: %v", err)
		}
		if got, _ := db.Meeting(ctx, e.ID, ab.ID); got.Slot != "d1-1030" || got.Location != "T02" {
			t.Fatalf("stale move written: %+v", got.Meeting)
		}
	})
}

// A move by hand between a scheduler run's reading and its writing that
// collides with the run's placements makes the run write nothing.
func TestApplyScheduleRefusesCollisionWithAMove(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		if err := db.SaveMatchSettings(ctx, meeting.Settings{EventID: e.ID, Tables: 1}); err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, name := range []string{"Viện Cơ khí", "Sở Khoa học và Công nghệ"} {
			o := &org.Organization{Kind: org.Institute, Name: i18n.Text{VI: name}, Country: "VN"}
			if err := db.CreateOrganization(ctx, o); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, o.ID)
		}
		ab := &meeting.Meeting{EventID: e.ID, FromOrg: xs[1].OrgID, ToOrg: xs[0].OrgID, Place: meeting.Table, Status: meeting.Accepted}
		cd := &meeting.Meeting{EventID: e.ID, FromOrg: ids[0], ToOrg: ids[1], Place: meeting.Table, Status: meeting.Accepted}
		for _, m := range []*meeting.Meeting{ab, cd} {
			if err := db.CreateMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		in, err := meeting.LoadPlanInput(ctx, db, e.ID, e.Days(), time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		out, err := meeting.Plan(ctx, in, schedule.Options{Seed: 1})
		if err != nil || len(out.Changes) != 2 {
			t.Fatalf("plan: %d changes, %v", len(out.Changes), err)
		}
		// Meanwhile the organizer puts c and d where the run puts a and b.
		var abPlace meeting.Meeting
		for _, c := range out.Changes {
			if c.Meeting.ID == ab.ID {
				abPlace = c.Meeting
			}
		}
		cur, _ := db.Meeting(ctx, e.ID, cd.ID)
		mt := cur.Meeting
		if err := mt.MoveTo(abPlace.Slot, abPlace.Location, in.Slots, []string{"T01"}, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if err := db.MoveMeeting(ctx, &mt, cur.Status, cur.Slot, cur.Location); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ApplySchedule(ctx, e.ID, out.Changes, time.Now()); !errors.Is(err, meeting.ErrPlanChanged) {
			t.Fatalf("apply after a colliding move: %v", err)
		}
		if got, _ := db.Meeting(ctx, e.ID, ab.ID); got.Status != meeting.Accepted || got.Slot != "" {
			t.Fatalf("the refused run wrote a and b's meeting: %+v", got.Meeting)
		}
		if got, _ := db.Meeting(ctx, e.ID, cd.ID); got.Slot != abPlace.Slot || got.Status != meeting.Scheduled {
			t.Fatalf("the move was lost: %+v", got.Meeting)
		}
		// Run again from the new state: both placed, nothing collides.
		if _, err := meeting.RunScheduler(ctx, db, e.ID, e.Days(), time.UTC, beforeTheFair, schedule.Options{Seed: 1}); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Meeting(ctx, e.ID, ab.ID); got.Status != meeting.Scheduled || got.Slot == abPlace.Slot {
			t.Fatalf("second run: %+v", got.Meeting)
		}
	})
}

// Two organizers moving two meetings onto one table at once: one move
// lands, the other is refused, on both databases.
func TestConcurrentMovesKeepTablesSingle(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, _ := mustFair(t, db)
		var orgs []int64
		for i := range 4 {
			o := &org.Organization{Kind: org.Enterprise, Name: i18n.Text{VI: fmt.Sprintf("Công ty %d", i)}, Country: "VN"}
			if err := db.CreateOrganization(ctx, o); err != nil {
				t.Fatal(err)
			}
			orgs = append(orgs, o.ID)
		}
		slots := meeting.Slots(e.Days(), time.UTC)
		for round, slot := range []string{"d1-0830", "d1-0900", "d1-0930", "d1-1000", "d1-1030", "d1-1100", "d1-1130", "d1-1200"} {
			pair := []*meeting.Meeting{
				{EventID: e.ID, FromOrg: orgs[0], ToOrg: orgs[1], Place: meeting.Table, Status: meeting.Accepted},
				{EventID: e.ID, FromOrg: orgs[2], ToOrg: orgs[3], Place: meeting.Table, Status: meeting.Accepted},
			}
			errs := make(chan error, 2)
			for _, m := range pair {
				if err := db.CreateMeeting(ctx, m); err != nil {
					t.Fatal(err)
				}
			}
			for _, m := range pair {
				go func() {
					mt := *m
					if err := mt.MoveTo(slot, "T01", slots, []string{"T01"}, time.Time{}); err != nil {
						errs <- err
						return
					}
					errs <- db.MoveMeeting(ctx, &mt, meeting.Accepted, "", "")
				}()
			}
			var ok, taken int
			for range pair {
				switch err := <-errs; {
				case err == nil:
					ok++
				case errors.Is(err, meeting.ErrPlaceTaken):
					taken++
				default:
					t.Fatalf("round %d: %v", round, err)
				}
			}
			if ok != 1 || taken != 1 {
				t.Fatalf("round %d: %d moves landed, %d refused; want 1 and 1", round, ok, taken)
			}
			// Free the pairs for the next round.
			for _, m := range pair {
				cur, _ := db.Meeting(ctx, e.ID, m.ID)
				c := cur.Meeting
				if err := c.Cancel("next round"); err != nil {
					t.Fatal(err)
				}
				if err := db.SaveMeeting(ctx, &c, cur.Status); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

// The organizer's button during the fair places meetings only in slots
// that have not begun.
func TestRunSchedulerDuringTheFair(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		m := &meeting.Meeting{EventID: e.ID, FromOrg: xs[1].OrgID, ToOrg: xs[0].OrgID, Place: meeting.Table, Status: meeting.Accepted}
		if err := db.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		zone := time.FixedZone("ICT", 7*3600)
		now := time.Date(2027, 3, 11, 16, 40, 0, 0, zone) // day 2, after the 16:30 slot began
		if _, err := meeting.RunScheduler(ctx, db, e.ID, e.Days(), zone, now, schedule.Options{Seed: 1}); err != nil {
			t.Fatal(err)
		}
		got, _ := db.Meeting(ctx, e.ID, m.ID)
		s, ok := meeting.FindSlot(meeting.Slots(e.Days(), zone), got.Slot)
		if got.Status != meeting.Scheduled || !ok || !s.Starts.After(now) {
			t.Fatalf("scheduled at %q (%v), before %v", got.Slot, s.Starts, now)
		}
	})
}

// Reminders are claimed once per placement; events under way are found by
// their dates.
func TestClaimReminders(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		m := &meeting.Meeting{EventID: e.ID, FromOrg: xs[1].OrgID, ToOrg: xs[0].OrgID, Place: meeting.Table, Status: meeting.Accepted}
		if err := db.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		changes := []meeting.Change{{Kind: meeting.NewlyScheduled, Meeting: meeting.Meeting{ID: m.ID, Status: meeting.Scheduled, Slot: "d1-0900", Location: "T01"}}}
		if _, err := db.ApplySchedule(ctx, e.ID, changes, time.Now()); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			from, to string
			want     int
		}{{"2027-03-09", "2027-03-09", 0}, {"2027-03-09", "2027-03-10", 1}, {"2027-03-12", "2027-03-13", 1}, {"2027-03-13", "2027-03-14", 0}} {
			if evs, err := db.EventsAround(ctx, tc.from, tc.to); err != nil || len(evs) != tc.want {
				t.Fatalf("events around %s–%s: %d, %v; want %d", tc.from, tc.to, len(evs), err, tc.want)
			}
		}
		claim := func(slots ...string) int {
			t.Helper()
			vs, err := db.ClaimReminders(ctx, e.ID, slots, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				if v.ID != m.ID || v.From.Name.EN == "" {
					t.Fatalf("claimed %+v", v)
				}
			}
			return len(vs)
		}
		if n := claim("d1-0830"); n != 0 {
			t.Fatalf("another slot claimed %d", n)
		}
		if n := claim("d1-0900", "d1-0930"); n != 1 {
			t.Fatalf("claimed %d, want 1", n)
		}
		if n := claim("d1-0900"); n != 0 {
			t.Fatalf("claimed twice")
		}
		// The run moves it: the new time gets its reminder.
		moved := []meeting.Change{{Kind: meeting.Moved, OldSlot: "d1-0900", OldLocation: "T01",
			Meeting: meeting.Meeting{ID: m.ID, Status: meeting.Scheduled, Slot: "d1-1000", Location: "T01"}}}
		if _, err := db.ApplySchedule(ctx, e.ID, moved, time.Now()); err != nil {
			t.Fatal(err)
		}
		if n := claim("d1-1000"); n != 1 {
			t.Fatalf("after the move claimed %d, want 1", n)
		}
	})
}

func TestMeetingCounts(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		if got, err := db.MeetingCounts(ctx, e.ID); err != nil || len(got) != 0 {
			t.Fatalf("no meeting yet: %v, %v", got, err)
		}
		third := &org.Organization{Kind: org.Institute, Name: i18n.Text{VI: "Viện Cơ khí"}, Country: "VN"}
		if err := db.CreateOrganization(ctx, third); err != nil {
			t.Fatal(err)
		}
		a, b, c := xs[0].OrgID, xs[1].OrgID, third.ID
		for _, m := range []meeting.Meeting{
			{FromOrg: b, ToOrg: a, Status: meeting.Accepted},
			{FromOrg: c, ToOrg: a, Status: meeting.Requested},
			{FromOrg: c, ToOrg: b, Status: meeting.Accepted},
		} {
			m.EventID, m.Place = e.ID, meeting.Table
			if err := db.CreateMeeting(ctx, &m); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.MeetingCounts(ctx, e.ID)
		if err != nil || got["accepted"] != 2 || got["requested"] != 1 || len(got) != 2 {
			t.Fatalf("counts: %v, %v", got, err)
		}
	})
}

// TestMeetingRequestLimit: with a limit set, an organization's open
// requests at an event stop at it; one withdrawn frees a place; the limit
// counts only what the organization sent.
func TestMeetingRequestLimit(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		if err := db.SaveMatchSettings(ctx, meeting.Settings{EventID: e.ID, Tables: 4, RemindMinutes: 15, MaxRequests: 2}); err != nil {
			t.Fatal(err)
		}
		if s, err := db.MatchSettings(ctx, e.ID); err != nil || s.MaxRequests != 2 {
			t.Fatalf("settings: %+v, %v", s, err)
		}
		var to []int64
		for _, x := range xs {
			to = append(to, x.OrgID)
		}
		for i := 0; i < 2; i++ {
			o := &org.Organization{Kind: org.Institute, Name: i18n.Text{VI: fmt.Sprintf("Viện %d", i)}, Country: "VN"}
			if err := db.CreateOrganization(ctx, o); err != nil {
				t.Fatal(err)
			}
			to = append(to, o.ID)
		}
		sender := to[0]
		request := func(toOrg int64) (*meeting.Meeting, error) {
			m := &meeting.Meeting{EventID: e.ID, FromOrg: sender, ToOrg: toOrg, Place: meeting.Table, Status: meeting.Requested}
			return m, db.CreateMeeting(ctx, m)
		}
		first, err := request(to[1])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := request(to[2]); err != nil {
			t.Fatal(err)
		}
		if _, err := request(to[3]); !errors.Is(err, meeting.ErrRequestLimit) {
			t.Fatalf("third request: %v, want the limit", err)
		}
		// Requests received do not count against the receiver's own: to[1]
		// has two open requests received and may still send.
		if err := db.CreateMeeting(ctx, &meeting.Meeting{EventID: e.ID, FromOrg: to[3], ToOrg: to[1], Place: meeting.Table, Status: meeting.Requested}); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateMeeting(ctx, &meeting.Meeting{EventID: e.ID, FromOrg: to[1], ToOrg: to[2], Place: meeting.Table, Status: meeting.Requested}); err != nil {
			t.Fatalf("a request from an organization with two received: %v", err)
		}
		withdrawn := *first
		if err := withdrawn.Cancel("changed plans"); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveMeeting(ctx, &withdrawn, meeting.Requested); err != nil {
			t.Fatal(err)
		}
		if _, err := request(to[3]); err != nil {
			t.Fatalf("after one withdrawn: %v", err)
		}
	})
}

// TestNoShowAbsentSide: a no-show keeps who did not come through a
// correction of the side and back to held (nobody absent then), and the
// organizations absent are counted by meetings missed.
func TestNoShowAbsentSide(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		a, b := xs[0].OrgID, xs[1].OrgID
		third := &org.Organization{Kind: org.Institute, Name: i18n.Text{VI: "Viện Cơ khí", EN: "Institute of Mechanics"}, Country: "VN"}
		if err := db.CreateOrganization(ctx, third); err != nil {
			t.Fatal(err)
		}
		c := third.ID
		slots := meeting.Slots(e.Days(), time.UTC)
		place := func(from, to int64, slot, loc string) meeting.Meeting {
			t.Helper()
			m := &meeting.Meeting{EventID: e.ID, FromOrg: from, ToOrg: to, Place: meeting.Table, Status: meeting.Scheduled, Slot: slot, Location: loc}
			if err := db.CreateMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
			return *m
		}
		save := func(m *meeting.Meeting, was meeting.Status, want []int64) {
			t.Helper()
			if err := db.SaveMeeting(ctx, m, was); err != nil {
				t.Fatal(err)
			}
			v, err := db.Meeting(ctx, e.ID, m.ID)
			if err != nil || v.Status != m.Status || !slices.Equal(v.Absent, want) {
				t.Fatalf("stored %s absent %v, %v; want %s absent %v", v.Status, v.Absent, err, m.Status, want)
			}
		}
		m1 := place(b, a, "d1-0900", "T01")
		if err := m1.MarkNoShow([]int64{a}); err != nil {
			t.Fatal(err)
		}
		save(&m1, meeting.Scheduled, []int64{a})
		if err := m1.MarkNoShow([]int64{b}); err != nil { // the other name was meant
			t.Fatal(err)
		}
		save(&m1, meeting.NoShow, []int64{b})
		s0900, _ := meeting.FindSlot(slots, "d1-0900")
		if err := m1.CheckIn(s0900.Starts, slots); err != nil {
			t.Fatal(err)
		}
		save(&m1, meeting.NoShow, nil)
		if err := m1.MarkNoShow([]int64{a}); err != nil { // the check-in was the slip
			t.Fatal(err)
		}
		save(&m1, meeting.Held, []int64{a})
		m2 := place(c, a, "d1-0930", "T01")
		if err := m2.MarkNoShow(nil); err != nil {
			t.Fatal(err)
		}
		save(&m2, meeting.Scheduled, []int64{c, a})
		m3 := place(b, c, "d1-1000", "T02")
		if err := m3.MarkNoShow([]int64{c}); err != nil {
			t.Fatal(err)
		}
		save(&m3, meeting.Scheduled, []int64{c})
		got, err := db.Absentees(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		missed := map[int64]int{}
		for _, x := range got {
			missed[x.ID] = x.Missed
		}
		if len(got) != 2 || got[0].Missed != 2 || missed[a] != 2 || missed[c] != 2 || missed[b] != 0 || got[1].Name.VI != "Viện Cơ khí" {
			t.Fatalf("absentees: %+v", got)
		}
		if v, _ := db.Meeting(ctx, e.ID, m1.ID); v.AbsentSide(b) || !v.AbsentSide(a) {
			t.Fatalf("the side that came is counted absent: %v", v.Absent)
		}
	})
}

// TestNoShowAbsentMigration: a no-show recorded before migration 00016
// (which names nobody) counts both sides absent after it, and the
// migration rolls back.
func TestNoShowAbsentMigration(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		if err := db.MigrateDownToForTest(ctx, 15); err != nil {
			t.Fatalf("down to 00015: %v", err)
		}
		m := &meeting.Meeting{EventID: e.ID, FromOrg: xs[1].OrgID, ToOrg: xs[0].OrgID, Place: meeting.Table, Status: meeting.Scheduled, Slot: "d1-0900", Location: "T01"}
		if err := db.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := db.ExecForTest(ctx, "UPDATE meetings SET status = 'no_show' WHERE id = ?", m.ID); err != nil {
			t.Fatal(err)
		}
		held := &meeting.Meeting{EventID: e.ID, FromOrg: xs[0].OrgID, ToOrg: xs[1].OrgID, Place: meeting.Table, Status: meeting.Held, Slot: "d1-0930", Location: "T01"}
		if err := db.CreateMeeting(ctx, held); err != nil {
			t.Fatal(err)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		v, err := db.Meeting(ctx, e.ID, m.ID)
		if err != nil || v.Status != meeting.NoShow || !v.BothAbsent() {
			t.Fatalf("an older no-show after the migration: %s absent %v, %v", v.Status, v.Absent, err)
		}
		if v, err := db.Meeting(ctx, e.ID, held.ID); err != nil || v.Absent != nil {
			t.Fatalf("a held meeting after the migration: absent %v, %v", v.Absent, err)
		}
	})
}
