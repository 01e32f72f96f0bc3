package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
	"ketnoi/internal/store"
)

// checkinEvent makes a three-day event with one registration per category
// given and returns the event id and registrations.
func checkinEvent(t *testing.T, db *store.DB, cats ...event.Category) (int64, []checkin.Registrant) {
	t.Helper()
	ctx := context.Background()
	v := &event.Venue{Name: i18n.Text{EN: "WTC"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	ckMust(t, db.CreateVenue(ctx, v))
	slugN++
	e := &event.Event{Slug: fmt.Sprintf("fair-%d", slugN), Kind: event.TradeFair, Name: i18n.Text{EN: "Fair"}, VenueID: v.ID, StartDate: "2027-03-10", EndDate: "2027-03-12"}
	ckMust(t, db.CreateEvent(ctx, e))
	var regs []checkin.Registrant
	for i, c := range cats {
		r := checkin.Registrant{Name: fmt.Sprintf("Người %d", i), Email: fmt.Sprintf("p%d@example.vn", i), OrgName: "Công ty", Consent: i%2 == 0}
		r.EventID, r.Category = e.ID, c
		ckMust(t, db.Register(ctx, &r))
		regs = append(regs, r)
	}
	return e.ID, regs
}

var slugN int

func ckMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var scanN int

func scanItem(eventID int64, r checkin.Registrant, point string, kind checkin.Kind, at time.Time, offline bool) checkin.Item {
	scanN++
	return checkin.Item{EventID: eventID, Day: at.In(event.Zone("")).Format(event.DateLayout),
		Scan:   checkin.Scan{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", scanN), Point: point, Kind: kind, ScannedAt: at, Offline: offline},
		Claims: badge.Claims{EventID: eventID, RegistrationID: r.ID, Version: r.BadgeVersion, Category: string(r.Category)}}
}

func record(t *testing.T, db *store.DB, items ...checkin.Item) []checkin.Outcome {
	t.Helper()
	out, err := db.RecordScans(context.Background(), items)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func want(t *testing.T, o checkin.Outcome, status string, result checkin.Result, reason checkin.Reason) {
	t.Helper()
	if o.Status != status || o.Result != result || o.Reason != reason {
		t.Fatalf("outcome %+v, want %s/%s/%s", o, status, result, reason)
	}
}

func TestScanRulesAndDuplicates(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, regs := checkinEvent(t, db, event.CatVisitor, event.CatVIP)
		day1 := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC) // 09:00 at the venue
		hall := &checkin.List{EventID: ev, Name: "Halls", Rule: checkin.Reentry}
		lounge := &checkin.List{EventID: ev, Name: "VIP lounge", Rule: checkin.OncePerDay, Categories: []string{"vip"}}
		ckMust(t, db.CreateCheckinList(ctx, hall))
		ckMust(t, db.CreateCheckinList(ctx, lounge))
		ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "gate-1", ListID: hall.ID, Hall: "A"}))
		ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "lounge", ListID: lounge.ID}))
		vis, vip := regs[0], regs[1]

		in := scanItem(ev, vis, "gate-1", checkin.KindCheckin, day1, false)
		want(t, record(t, db, in)[0], "accepted", checkin.Accepted, "")
		// The same scan sent again, alone and in a batch: stored once.
		want(t, record(t, db, in)[0], "duplicate", checkin.Accepted, "")
		want(t, record(t, db, in, scanItem(ev, vis, "gate-1", checkin.KindCheckin, day1.Add(time.Minute), false))[0], "duplicate", checkin.Accepted, "")
		out := scanItem(ev, vis, "gate-1", checkin.KindCheckout, day1.Add(2*time.Minute), false)
		want(t, record(t, db, out)[0], "accepted", checkin.Accepted, "")
		want(t, record(t, db, scanItem(ev, vis, "gate-1", checkin.KindCheckin, day1.Add(3*time.Minute), false))[0], "accepted", checkin.Accepted, "")
		// A visitor is not admitted to the VIP lounge; a VIP once a day.
		want(t, record(t, db, scanItem(ev, vis, "lounge", checkin.KindCheckin, day1, false))[0], "rejected", checkin.Rejected, checkin.ReasonCategory)
		want(t, record(t, db, scanItem(ev, vip, "lounge", checkin.KindCheckin, day1, false))[0], "accepted", checkin.Accepted, "")
		want(t, record(t, db, scanItem(ev, vip, "lounge", checkin.KindCheckin, day1.Add(time.Hour), false))[0], "rejected", checkin.Rejected, checkin.ReasonUsedToday)
		want(t, record(t, db, scanItem(ev, vip, "lounge", checkin.KindCheckin, day1.AddDate(0, 0, 1), false))[0], "accepted", checkin.Accepted, "")
		want(t, record(t, db, scanItem(ev, vip, "nowhere", checkin.KindCheckin, day1, false))[0], "rejected", checkin.Rejected, checkin.ReasonPoint)

		// Inside now per list: the visitor in the halls, the VIP in the
		// lounge on day 2 only; everybody is out when their day ends.
		in1, err := db.InsideNow(ctx, ev, "2027-03-10")
		ckMust(t, err)
		if in1[hall.ID] != 1 || in1[lounge.ID] != 0 {
			t.Fatalf("inside on day 1 = %v", in1)
		}
		in2, _ := db.InsideNow(ctx, ev, "2027-03-11")
		if in2[hall.ID] != 0 || in2[lounge.ID] != 1 {
			t.Fatalf("inside on day 2 = %v (automatic check-out at day end)", in2)
		}

		// Re-issue revokes the old badge; cancelling revokes every badge.
		v, err := db.ReissueBadge(ctx, ev, vis.ID)
		if err != nil || v != 2 {
			t.Fatalf("reissue: %d, %v", v, err)
		}
		want(t, record(t, db, scanItem(ev, vis, "gate-1", checkin.KindCheckin, day1.AddDate(0, 0, 1), false))[0], "rejected", checkin.Rejected, checkin.ReasonRevoked)
		vis.BadgeVersion = 2
		want(t, record(t, db, scanItem(ev, vis, "gate-1", checkin.KindCheckin, day1.AddDate(0, 0, 1), false))[0], "accepted", checkin.Accepted, "")
		ckMust(t, db.CancelRegistration(ctx, ev, vip.ID))
		want(t, record(t, db, scanItem(ev, vip, "gate-1", checkin.KindCheckin, day1.AddDate(0, 0, 2), false))[0], "rejected", checkin.Rejected, checkin.ReasonCancelled)
		revs, err := db.Revocations(ctx, ev)
		ckMust(t, err)
		if len(revs) != 2 || revs[0].MinVersion != 2 || !revs[1].Cancelled {
			t.Fatalf("revocations = %+v", revs)
		}
	})
}

func TestOfflineConflictsAndForced(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, regs := checkinEvent(t, db, event.CatVisitor)
		l := &checkin.List{EventID: ev, Name: "Day 1 only", Rule: checkin.OnceTotal, Days: []string{"2027-03-10"}}
		ckMust(t, db.CreateCheckinList(ctx, l))
		ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "north", ListID: l.ID}))
		ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "south", ListID: l.ID}))
		at := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
		// Two offline scanners both admitted the badge; they sync later.
		a := scanItem(ev, regs[0], "north", checkin.KindCheckin, at, true)
		b := scanItem(ev, regs[0], "south", checkin.KindCheckin, at.Add(time.Second), true)
		want(t, record(t, db, a)[0], "accepted", checkin.Accepted, "")
		want(t, record(t, db, b)[0], "accepted", checkin.Conflict, checkin.ReasonUsed)
		want(t, record(t, db, b)[0], "duplicate", checkin.Conflict, checkin.ReasonUsed)
		// Offline on the wrong day: kept as forced, never dropped.
		c := scanItem(ev, regs[0], "north", checkin.KindCheckin, at.AddDate(0, 0, 1), true)
		want(t, record(t, db, c)[0], "accepted", checkin.Forced, checkin.ReasonWrongDay)
		// A forged badge stays rejected even offline.
		d := scanItem(ev, regs[0], "north", checkin.KindCheckin, at, true)
		d.Refused = checkin.ReasonSignature
		want(t, record(t, db, d)[0], "rejected", checkin.Rejected, checkin.ReasonSignature)
		st, err := db.CheckinStats(ctx, ev, "2027-03-10")
		ckMust(t, err)
		if st.Conflicts != 1 || st.Admitted != 2 || st.Rejected != 1 {
			t.Fatalf("stats = %+v", st)
		}
		st2, _ := db.CheckinStats(ctx, ev, "2027-03-11")
		if st2.Forced != 1 {
			t.Fatalf("day 2 stats = %+v", st2)
		}
	})
}

// TestConcurrentScansOfOneBadge: many scanners admit one badge at once
// online; exactly one is accepted.
func TestConcurrentScansOfOneBadge(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, regs := checkinEvent(t, db, event.CatVisitor)
		l := &checkin.List{EventID: ev, Name: "Once", Rule: checkin.OnceTotal}
		ckMust(t, db.CreateCheckinList(ctx, l))
		ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "g", ListID: l.ID}))
		at := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
		var items []checkin.Item
		for i := 0; i < 16; i++ {
			items = append(items, scanItem(ev, regs[0], "g", checkin.KindCheckin, at, false))
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		accepted := 0
		for _, it := range items {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out, err := db.RecordScans(ctx, []checkin.Item{it})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				if out[0].Status == "accepted" {
					accepted++
				}
				mu.Unlock()
			}()
		}
		wg.Wait()
		if accepted != 1 {
			t.Fatalf("%d of 16 concurrent scans accepted, want 1", accepted)
		}
	})
}

// TestQuotaNeverOversold registers concurrently past a category's quota.
func TestQuotaNeverOversold(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, _ := checkinEvent(t, db)
		ckMust(t, db.SetQuota(ctx, ev, event.CatVIP, 7))
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok, full := 0, 0
		for i := 0; i < 30; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := checkin.Registrant{Name: "VIP", Email: fmt.Sprintf("vip%d@example.vn", i)}
				r.EventID, r.Category = ev, event.CatVIP
				err := db.Register(ctx, &r)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					ok++
				case apperr.Is(err, apperr.Conflict):
					full++
				default:
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		q, _ := db.Quotas(ctx, ev)
		regs, total, _ := db.Registrants(ctx, ev, store.RegistrantFilter{Category: "vip", Status: "active"})
		if ok != 7 || full != 23 || total != 7 || len(regs) != 7 || q["vip"] != [2]int{7, 7} {
			t.Fatalf("accepted %d, full %d, stored %d, quota %v; want 7, 23, 7", ok, full, total, q["vip"])
		}
		ckMust(t, db.CancelRegistration(ctx, ev, regs[0].ID))
		r := checkin.Registrant{Name: "Late", Email: "late@example.vn"}
		r.EventID, r.Category = ev, event.CatVIP
		ckMust(t, db.Register(ctx, &r)) // the freed seat
		again := checkin.Registrant{Name: "Later", Email: "later@example.vn"}
		again.EventID, again.Category = ev, event.CatVIP
		if err := db.Register(ctx, &again); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("a registration past the quota after the freed seat was taken: %v, want full", err)
		}
		if q, _ := db.Quotas(ctx, ev); q["vip"] != [2]int{7, 7} {
			t.Fatalf("quota after cancel and re-register: %v, want [7 7]", q["vip"])
		}
	})
}

func TestBadgeKeyRotation(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, _ := checkinEvent(t, db)
		k1, err := db.SigningKey(ctx, ev)
		ckMust(t, err)
		again, _ := db.SigningKey(ctx, ev)
		if again.ID != k1.ID || !again.Private.Equal(k1.Private) {
			t.Fatal("signing key changed without rotation")
		}
		k2, err := db.RotateBadgeKey(ctx, ev)
		ckMust(t, err)
		keys, _ := db.BadgeKeys(ctx, ev)
		if k2.ID == k1.ID || len(keys) != 2 {
			t.Fatalf("after rotation: %d keys, ids %d %d", len(keys), k1.ID, k2.ID)
		}
		if cur, _ := db.SigningKey(ctx, ev); cur.ID != k2.ID {
			t.Fatal("rotation did not make the new key active")
		}
		ckMust(t, db.RetireBadgeKey(ctx, ev, k1.ID))
		keys, _ = db.BadgeKeys(ctx, ev)
		if _, ok := keys[k1.ID]; ok || len(keys) != 1 {
			t.Fatalf("retired key still trusted: %v", keys)
		}
		if err := db.RetireBadgeKey(ctx, ev, k2.ID); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("retiring the active key: %v", err)
		}
	})
}

// TestScansInOneBatch: the rules apply scan after scan inside one batch
// (one transaction) as they do across batches: a badge entering twice, a
// scan id sent twice, a room filling up and emptying, a refused badge.
func TestScansInOneBatch(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, regs := checkinEvent(t, db, event.CatVisitor, event.CatVisitor, event.CatVisitor, event.CatVisitor)
		room := &checkin.List{EventID: ev, Name: "Room", Rule: checkin.Reentry, Capacity: 2}
		ckMust(t, db.CreateCheckinList(ctx, room))
		ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "room", ListID: room.ID}))
		at := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
		in := func(r checkin.Registrant, m int) checkin.Item {
			return scanItem(ev, r, "room", checkin.KindCheckin, at.Add(time.Duration(m)*time.Minute), false)
		}
		a := in(regs[0], 0)
		forged := in(regs[3], 0)
		forged.Refused = checkin.ReasonSignature
		unknown := in(regs[3], 0)
		unknown.Claims.RegistrationID = 1 << 40
		batch := []checkin.Item{
			a,
			a,              // the same scan again: a duplicate of the first
			in(regs[0], 1), // the same badge again: already inside
			in(regs[1], 2), // second inside: the room is full now
			in(regs[2], 3), // refused: room full
			scanItem(ev, regs[0], "room", checkin.KindCheckout, at.Add(4*time.Minute), false),
			in(regs[2], 5), // a place is free again
			forged,         // never admitted
			unknown,        // no such registration
			in(regs[3], 6), // full again; offline it is kept as forced
		}
		batch[len(batch)-1].Scan.Offline = true
		out := record(t, db, batch...)
		want(t, out[0], "accepted", checkin.Accepted, "")
		want(t, out[1], "duplicate", checkin.Accepted, "")
		want(t, out[2], "rejected", checkin.Rejected, checkin.ReasonInside)
		want(t, out[3], "accepted", checkin.Accepted, "")
		want(t, out[4], "rejected", checkin.Rejected, checkin.ReasonRoomFull)
		want(t, out[5], "accepted", checkin.Accepted, "")
		want(t, out[6], "accepted", checkin.Accepted, "")
		want(t, out[7], "rejected", checkin.Rejected, checkin.ReasonSignature)
		want(t, out[8], "rejected", checkin.Rejected, checkin.ReasonUnknown)
		want(t, out[9], "accepted", checkin.Forced, checkin.ReasonRoomFull)
		inside, err := db.InsideNow(ctx, ev, "2027-03-10")
		ckMust(t, err)
		if inside[room.ID] != 3 { // regs 1 and 2, and the forced entry of 3
			t.Fatalf("inside after the batch = %d, want 3", inside[room.ID])
		}
		// The whole batch again: every scan a duplicate with its first answer.
		again := record(t, db, batch...)
		for i := range batch {
			if i == 1 {
				continue
			}
			if again[i].Status != "duplicate" || again[i].Result != out[i].Result || again[i].Reason != out[i].Reason {
				t.Fatalf("scan %d sent again: %+v, first answer %+v", i, again[i], out[i])
			}
		}
		n, err := db.CountScans(ctx, ev, "")
		ckMust(t, err)
		if n != len(batch)-1 {
			t.Fatalf("%d scans stored, want %d", n, len(batch)-1)
		}
		st, err := db.CheckinStats(ctx, ev, "2027-03-10")
		ckMust(t, err)
		if len(st.Quarters) != 1 || st.Quarters[0].Start != "09:00" || st.Admitted != 4 || st.Exits != 1 || st.Forced != 1 {
			t.Fatalf("stats = %+v", st)
		}
	})
}

// TestOneScanIDSentAtOnceWithDifferentBadges: the same scan id arrives in
// concurrent transactions carrying different badges (a broken client).
// It is stored once; the other answers are duplicates of it, and only its
// badge is inside.
func TestOneScanIDSentAtOnceWithDifferentBadges(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		cats := make([]event.Category, 8)
		for i := range cats {
			cats[i] = event.CatVisitor
		}
		ev, regs := checkinEvent(t, db, cats...)
		l := &checkin.List{EventID: ev, Name: "Halls", Rule: checkin.Reentry}
		ckMust(t, db.CreateCheckinList(ctx, l))
		ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "g", ListID: l.ID}))
		at := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
		var wg sync.WaitGroup
		var mu sync.Mutex
		status := map[string]int{}
		for _, r := range regs {
			it := scanItem(ev, r, "g", checkin.KindCheckin, at, false)
			it.Scan.ID = "30000000-0000-4000-8000-000000000001"
			wg.Add(1)
			go func() {
				defer wg.Done()
				out, err := db.RecordScans(ctx, []checkin.Item{it})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				status[out[0].Status]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if status["accepted"] != 1 || status["duplicate"] != len(regs)-1 {
			t.Fatalf("answers %v, want 1 accepted and %d duplicates", status, len(regs)-1)
		}
		inside, err := db.InsideNow(ctx, ev, "2027-03-10")
		ckMust(t, err)
		if n, _ := db.CountScans(ctx, ev, ""); n != 1 || inside[l.ID] != 1 {
			t.Fatalf("%d scans stored, %d inside; want 1 and 1", n, inside[l.ID])
		}
	})
}

// TestScansGoWithTheirEvent: an event's scans are deleted with it (a
// foreign key on SQLite, a trigger on PostgreSQL, whose scans keep no
// foreign key for the sake of their insert rate).
func TestScansGoWithTheirEvent(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC)
		scanned := func() int64 {
			ev, regs := checkinEvent(t, db, event.CatVisitor)
			l := &checkin.List{EventID: ev, Name: "Hall", Rule: checkin.Reentry}
			ckMust(t, db.CreateCheckinList(ctx, l))
			ckMust(t, db.CreateGate(ctx, &checkin.Gate{EventID: ev, Code: "gate-1", ListID: l.ID}))
			want(t, record(t, db, scanItem(ev, regs[0], "gate-1", checkin.KindCheckin, at, false))[0], "accepted", checkin.Accepted, "")
			return ev
		}
		ev, other := scanned(), scanned()
		ckMust(t, db.ExecForTest(ctx, "DELETE FROM events WHERE id = ?", ev))
		for _, c := range []struct {
			ev   int64
			want int
		}{{ev, 0}, {other, 1}} {
			n, err := db.CountScans(ctx, c.ev, "")
			ckMust(t, err)
			if n != c.want {
				t.Fatalf("event %d: %d scans after deleting event %d, want %d", c.ev, n, ev, c.want)
			}
		}
	})
}

// TestRegistrantSearchIgnoresDiacritics: the help desk finds a person by
// name, email or organization typed without Vietnamese diacritics or in
// another case, or by phone however spaced, pages the matches and counts
// them all.
func TestRegistrantSearchIgnoresDiacritics(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ev, _ := checkinEvent(t, db)
		for i, p := range [][3]string{{"Võ Thanh Tùng", "Công ty Phương Nam", "+84 912 345 678"}, {"Trần Thị Thanh Tùng", "Viện Cơ khí", ""},
			{"Lê Văn An", "Đông Á", "0274.3822.111"}, {"Nguyễn Tùng Lâm", "", ""}, {"한소영", "Hanbit Robotics", ""}, {"김민준", "", ""}} {
			r := checkin.Registrant{Name: p[0], Email: fmt.Sprintf("person%d@Example.vn", i), OrgName: p[1], Phone: p[2]}
			r.EventID, r.Category = ev, event.CatVisitor
			ckMust(t, db.Register(ctx, &r))
		}
		names := func(q string, offset, limit int) ([]string, int) {
			t.Helper()
			rs, total, err := db.Registrants(ctx, ev, store.RegistrantFilter{Query: q, Offset: offset, Limit: limit})
			ckMust(t, err)
			var out []string
			for _, r := range rs {
				out = append(out, r.Name)
			}
			return out, total
		}
		for q, want := range map[string][]string{
			"vo thanh tung": {"Võ Thanh Tùng"},
			"THANH TUNG":    {"Võ Thanh Tùng", "Trần Thị Thanh Tùng"},
			"phuong nam":    {"Võ Thanh Tùng"},
			"dong a":        {"Lê Văn An"},
			"person3@ex":    {"Nguyễn Tùng Lâm"},
			"Tùng":          {"Võ Thanh Tùng", "Trần Thị Thanh Tùng", "Nguyễn Tùng Lâm"},
			"nobody":        nil,
			// A phone however it is spaced, with its leading 0 or +84; a
			// few digits are no phone number.
			"0912 345 678":    {"Võ Thanh Tùng"},
			"912345678":       {"Võ Thanh Tùng"},
			"(0274) 3822-111": {"Lê Văn An"},
			"345":             nil,
			// A Korean name typed in Latin letters, family name first or
			// last, with its usual spelling; too short a query is none.
			"han so yeong": {"한소영"},
			"Min-jun KIM":  {"김민준"},
			"gim minjun":   {"김민준"},
			"한소영":          {"한소영"},
			"eo":           nil, // two letters: too short to look for in a spelling
		} {
			if got, total := names(q, 0, 50); !slices.Equal(got, want) || total != len(want) {
				t.Errorf("%q: %v (total %d), want %v", q, got, total, want)
			}
		}
		if got, total := names("tung", 1, 1); !slices.Equal(got, []string{"Trần Thị Thanh Tùng"}) || total != 3 {
			t.Errorf("second page of one: %v (total %d)", got, total)
		}
		// A registration linked to an organization of the platform, without
		// a name typed, reads and is found by that organization's name.
		o := &org.Organization{Kind: org.Enterprise, Name: i18n.Text{VI: "Công ty Hải Đăng", EN: "Hai Dang Co."}, Country: "VN"}
		ckMust(t, db.CreateOrganization(ctx, o))
		p := &account.Person{Email: "linked@example.vn", Name: "Phạm Linh", Lang: i18n.VI}
		ckMust(t, db.CreatePerson(ctx, p))
		reg := &event.Registration{EventID: ev, PersonID: p.ID, OrgID: o.ID, Category: event.CatVisitor}
		ckMust(t, db.CreateRegistration(ctx, reg))
		if r, err := db.Registrant(ctx, ev, reg.ID); err != nil || r.OrgName != "Hai Dang Co." {
			t.Errorf("a linked registration's organization: %q, %v", r.OrgName, err)
		}
		if got, _ := names("hai dang", 0, 50); !slices.Equal(got, []string{"Phạm Linh"}) {
			t.Errorf("search by a linked organization's name: %v", got)
		}
	})
}
