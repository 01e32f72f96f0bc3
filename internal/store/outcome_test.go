package store_test

import (
	"context"
	"errors"
	"testing"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
	"ketnoi/internal/store"
)

// TestOutcomes: a report of a meeting is stored once per kind; the partner
// confirms it (a stale answer conflicts); a confirmed report cannot be
// deleted, a disputed one can; the lists of both organizations and of the
// event show it; a card's report is once per reporter and kind.
func TestOutcomes(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		a, b := xs[0].OrgID, xs[1].OrgID
		m := &meeting.Meeting{EventID: e.ID, FromOrg: b, ToOrg: a, Place: meeting.Table, Status: meeting.Requested}
		if err := db.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		report := func(kind outcome.Kind, value int64) (*outcome.Outcome, error) {
			o, err := outcome.New(b, a, kind, value, "thử nghiệm")
			if err != nil {
				t.Fatal(err)
			}
			o.EventID, o.MeetingID = e.ID, m.ID
			return &o, db.CreateOutcome(ctx, &o)
		}
		pilot, err := report(outcome.Pilot, 300_000_000)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := report(outcome.Pilot, 1); !errors.Is(err, outcome.ErrDuplicate) {
			t.Fatalf("second pilot of one meeting: %v, want ErrDuplicate", err)
		}
		nda, err := report(outcome.NDA, 0)
		if err != nil {
			t.Fatal(err)
		}
		v, err := db.Outcome(ctx, pilot.ID)
		if err != nil || v.Value != 300_000_000 || v.Status != outcome.Reported || v.ReporterOrg.ID != b || v.PartnerOrg.Name == (i18n.Text{}) || v.MeetingID != m.ID {
			t.Fatalf("Outcome = %+v, %v", v, err)
		}
		if r, p, err := db.OutcomeOrgs(ctx, pilot.ID); err != nil || r != b || p != a {
			t.Fatalf("OutcomeOrgs = %d %d %v", r, p, err)
		}
		if _, err := db.Outcome(ctx, 999999); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("missing outcome: %v", err)
		}

		o := v.Outcome
		if err := o.Confirm(a, 0); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveOutcome(ctx, &o, outcome.Reported); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveOutcome(ctx, &o, outcome.Reported); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("stale answer: %v, want conflict", err)
		}
		if err := db.DeleteOutcome(ctx, pilot.ID, outcome.Confirmed); !apperr.Is(err, apperr.Conflict) {
			t.Fatalf("deleting a confirmed report: %v, want conflict", err)
		}
		if err := db.DeleteOutcome(ctx, nda.ID, outcome.Reported); err != nil {
			t.Fatal(err)
		}

		for _, org := range []int64{a, b} {
			vs, err := db.OrgOutcomes(ctx, org)
			if err != nil || len(vs) != 1 || vs[0].ID != pilot.ID || vs[0].Status != outcome.Confirmed {
				t.Fatalf("OrgOutcomes(%d) = %+v, %v", org, vs, err)
			}
		}
		evs, err := db.EventOutcomes(ctx, e.ID)
		if err != nil || len(evs) != 1 {
			t.Fatalf("EventOutcomes = %+v, %v", evs, err)
		}
		if s := outcome.Summarize([]outcome.Outcome{evs[0].Outcome}); s.Total.Confirmed != 1 || s.Total.Value != 300_000_000 {
			t.Fatalf("summary %+v", s)
		}
		if f, err := db.MatchFigures(ctx, e.ID); err != nil || f != (store.MatchFigures{Outcomes: 1}) {
			t.Fatalf("MatchFigures = %+v, %v, want 1 confirmed outcome of a meeting only requested", f, err)
		}
		facts, err := db.ConfirmedFacts(ctx)
		if err != nil || len(facts) != 1 || facts[0].Kind != outcome.Pilot || facts[0].Value != 300_000_000 || facts[0].Year != db.Now().Year() ||
			facts[0].ReporterHouse == "" || facts[0].PartnerCountry == "" || facts[0].EventID != e.ID {
			t.Fatalf("ConfirmedFacts = %+v, %v", facts, err)
		}
		if ms, err := db.MeetingsTookPlace(ctx, a); err != nil || len(ms) != 0 {
			t.Fatalf("a requested meeting took place: %+v, %v", ms, err)
		}
		mm, _ := db.Meeting(ctx, e.ID, m.ID)
		heldM := mm.Meeting
		heldM.Status = meeting.Held
		if err := db.SaveMeeting(ctx, &heldM, meeting.Requested); err != nil {
			t.Fatal(err)
		}
		if ms, err := db.MeetingsTookPlace(ctx, a); err != nil || len(ms) != 1 || ms[0].ID != m.ID {
			t.Fatalf("MeetingsTookPlace = %+v, %v", ms, err)
		}
		if f, err := db.MatchFigures(ctx, e.ID); err != nil || f != (store.MatchFigures{Held: 1, Outcomes: 1, Orgs: 2, Countries: 2}) {
			t.Fatalf("MatchFigures = %+v, %v, want the held meeting's two organizations of two countries", f, err)
		}
		byMeeting, err := db.MeetingOutcomes(ctx, []int64{m.ID, 424242})
		if err != nil || len(byMeeting[m.ID]) != 1 || len(byMeeting) != 1 {
			t.Fatalf("MeetingOutcomes = %+v, %v", byMeeting, err)
		}

		// A card's report, without a meeting: once per reporter and kind.
		c := &market.Card{OrgID: a, Kind: market.ResearchResult, Status: market.Published, Sectors: []string{"agv_amr"},
			Title: i18n.Text{VI: "Kết quả nghiên cứu"}}
		if err := db.CreateCard(ctx, c); err != nil {
			t.Fatal(err)
		}
		fromCard := func() error {
			o, _ := outcome.New(b, a, outcome.TechTransfer, 0, "")
			o.CardID = c.ID
			return db.CreateOutcome(ctx, &o)
		}
		if err := fromCard(); err != nil {
			t.Fatal(err)
		}
		if err := fromCard(); !errors.Is(err, outcome.ErrDuplicate) {
			t.Fatalf("second report of a card: %v, want ErrDuplicate", err)
		}
		if vs, _ := db.OrgOutcomes(ctx, a); len(vs) != 2 || vs[0].CardID != c.ID || vs[0].EventID != 0 {
			t.Fatalf("OrgOutcomes after the card's report: %+v", vs)
		}
		// Confirmed, the research result's transfer counts as research put
		// to use; the meeting's pilot, about no card, does not.
		tr, _ := db.OrgOutcomes(ctx, a)
		done := tr[0].Outcome
		if err := done.Confirm(a, 0); err != nil {
			t.Fatal(err)
		}
		mustDo(t, db.SaveOutcome(ctx, &done, outcome.Reported))
		facts, err = db.ConfirmedFacts(ctx)
		if err != nil || len(facts) != 2 {
			t.Fatalf("ConfirmedFacts = %+v, %v", facts, err)
		}
		for _, f := range facts {
			if f.FromResearch != (f.Kind == outcome.TechTransfer) {
				t.Errorf("fact %+v: from research %v", f, f.FromResearch)
			}
		}
		// The database refuses what the rules refuse, whoever writes.
		bad := outcome.Outcome{Reporter: a, Partner: a, Kind: outcome.MoU, Status: outcome.Reported}
		if err := db.CreateOutcome(ctx, &bad); err == nil {
			t.Fatal("a report with itself as partner was stored")
		}
	})
}

// TestCancelledMeetingWithdrawsItsReports: an outcome reported ahead of a
// scheduled meeting goes when the meeting is cancelled, unless its
// partner has confirmed it; other meetings' reports stay.
func TestCancelledMeetingWithdrawsItsReports(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e, xs := mustFair(t, db)
		third := &org.Organization{Kind: org.Institute, Name: i18n.Text{VI: "Viện Cơ khí"}, Country: "VN"}
		if err := db.CreateOrganization(ctx, third); err != nil {
			t.Fatal(err)
		}
		a, b, c := xs[0].OrgID, xs[1].OrgID, third.ID
		meet := func(from, to int64) *meeting.Meeting {
			m := &meeting.Meeting{EventID: e.ID, FromOrg: from, ToOrg: to, Place: meeting.Table, Status: meeting.Scheduled, Slot: "d1-0900", Location: "T01"}
			if from == c {
				m.Slot = "d1-0930"
			}
			if err := db.CreateMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
			return m
		}
		report := func(m *meeting.Meeting, kind outcome.Kind) *outcome.Outcome {
			o, err := outcome.New(m.FromOrg, m.ToOrg, kind, 1_500_000_000, "")
			if err != nil {
				t.Fatal(err)
			}
			o.EventID, o.MeetingID = e.ID, m.ID
			if err := db.CreateOutcome(ctx, &o); err != nil {
				t.Fatal(err)
			}
			return &o
		}
		cancelled, other := meet(b, a), meet(c, a)
		mou, pilot, kept := report(cancelled, outcome.MoU), report(cancelled, outcome.Pilot), report(other, outcome.MoU)
		pilot.Status = outcome.Confirmed
		if err := db.SaveOutcome(ctx, pilot, outcome.Reported); err != nil {
			t.Fatal(err)
		}
		cancelled.Status, cancelled.Reason = meeting.Cancelled, "Trùng lịch"
		if err := db.SaveMeeting(ctx, cancelled, meeting.Scheduled); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Outcome(ctx, mou.ID); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("the MoU reported for the cancelled meeting: %v, want it withdrawn", err)
		}
		for _, o := range []*outcome.Outcome{pilot, kept} {
			if _, err := db.Outcome(ctx, o.ID); err != nil {
				t.Errorf("outcome %d (%s): %v, want it kept", o.ID, o.Kind, err)
			}
		}
	})
}
