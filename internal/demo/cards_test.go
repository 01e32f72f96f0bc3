package demo

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"ketnoi/internal/market"
	"ketnoi/internal/meeting"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
)

func TestCards(t *testing.T) {
	ds := Generate(1)
	cards := Cards(ds)
	if !reflect.DeepEqual(cards, Cards(Generate(1))) {
		t.Fatal("cards differ for the same seed")
	}
	if len(cards) < 300 || len(cards) > 2000 {
		t.Fatalf("%d cards, want several hundred", len(cards))
	}
	kinds := map[market.Kind]int{}
	langs := map[string]int{}
	for i, c := range cards {
		if c.ID != int64(i+1) || c.OrgID < 1 || c.OrgID > int64(len(ds.Orgs)) {
			t.Fatalf("card %d: id %d owner %d", i, c.ID, c.OrgID)
		}
		cc := c
		if err := cc.Validate(); err != nil {
			t.Fatalf("card %d (%s): %v", c.ID, c.Title.EN, err)
		}
		kinds[c.Kind]++
		if c.Title.KO != "" {
			langs["ko"]++
		}
		if c.Title.VI != "" && c.Title.EN != "" {
			langs["vi+en"]++
		}
	}
	for _, k := range market.Kinds {
		if kinds[k] == 0 {
			t.Errorf("no %s card", k)
		}
	}
	if langs["ko"] < 20 || langs["vi+en"] != len(cards) {
		t.Errorf("languages: %v", langs)
	}
	t.Logf("%d cards: %v", len(cards), kinds)
}

func TestMeetings(t *testing.T) {
	ds := Generate(1)
	ms := Meetings(ds, Cards(ds))
	if !reflect.DeepEqual(ms, Meetings(ds, Cards(ds))) {
		t.Fatal("meetings differ for the same data set")
	}
	st := map[meeting.Status]int{}
	places := map[meeting.Place]int{}
	pairs := map[[2]int64]bool{}
	for i, m := range ms {
		if m.ID != int64(i+1) || m.FromOrg == m.ToOrg || m.RequestedBy == 0 {
			t.Fatalf("meeting %d: %+v", i, m)
		}
		key := [2]int64{min(m.FromOrg, m.ToOrg), max(m.FromOrg, m.ToOrg)}
		if pairs[key] {
			t.Fatalf("meeting %d repeats a pair", m.ID)
		}
		pairs[key] = true
		mm := m
		if err := mm.Validate(); err != nil {
			t.Fatalf("meeting %d: %v", m.ID, err)
		}
		st[m.Status]++
		places[m.Place]++
	}
	// Both the booths and the matchmaking tables have meetings to show.
	if n := len(ms); places[meeting.Table] < n/5 || places[meeting.Booth] < n/2 {
		t.Errorf("places: %v of %d", places, n)
	}
	if st[meeting.Accepted] < 200 || st[meeting.Requested] == 0 || st[meeting.Declined] == 0 {
		t.Fatalf("statuses: %v", st)
	}
	if ms[0].ToOrg != 1 || ms[0].Status != meeting.Requested || ms[1].FromOrg != 2 || ms[1].Status != meeting.Accepted {
		t.Fatalf("the demo accounts' meetings: %+v %+v", ms[0], ms[1])
	}
	t.Logf("%d meetings: %v", len(ms), st)
}

func TestOutcomes(t *testing.T) {
	ds := Generate(1)
	cards := Cards(ds)
	past := PastMeetings(ds, cards, 10_000)
	os := Outcomes(ds, cards, past)
	if !reflect.DeepEqual(os, Outcomes(ds, cards, past)) {
		t.Fatal("outcomes differ for the same data set")
	}
	owner := map[int64]int64{}
	for _, c := range cards {
		owner[c.ID] = c.OrgID
	}
	held := map[int64]meeting.Meeting{}
	for _, m := range past {
		if m.Status == meeting.Held {
			held[m.ID] = m
		}
	}
	ofMeetings := 0
	st := map[outcome.Status]int{}
	waitingForMinhPhat := false
	house := map[int64]org.House{}
	for _, o := range ds.Orgs {
		house[o.ID] = o.Kind.House()
	}
	transfers := 0 // research put to use: confirmed transfers from academia
	for i, o := range os {
		if m, ok := held[o.MeetingID]; ok {
			// Of a held meeting: between its two sides, at the event.
			ofMeetings++
			if o.ID != int64(i+1) || o.EventID != PastID || o.ReportedBy == 0 || o.Reporter+o.Partner != m.FromOrg+m.ToOrg || (o.Reporter != m.FromOrg && o.Reporter != m.ToOrg) {
				t.Fatalf("outcome %d of meeting %d: %+v", i, m.ID, o)
			}
		} else if o.ID != int64(i+1) || o.MeetingID != 0 || o.Partner != owner[o.CardID] || o.ReportedBy == 0 {
			t.Fatalf("outcome %d: %+v", i, o)
		}
		// Each passes the rules a report made on a page passes, with a
		// note written in one language, as a person writes one.
		if _, err := outcome.New(o.Reporter, o.Partner, o.Kind, o.Value, o.Note); err != nil {
			t.Fatalf("outcome %d: %v", o.ID, err)
		}
		if o.Note == "" || strings.Contains(o.Note, " / ") || strings.Contains(o.Answer, " / ") {
			t.Fatalf("outcome %d's note %q or answer %q is empty or in two languages", o.ID, o.Note, o.Answer)
		}
		st[o.Status]++
		waitingForMinhPhat = waitingForMinhPhat || o.Partner == 1 && o.Status == outcome.Reported
		if o.Kind == outcome.TechTransfer && o.Status == outcome.Confirmed && house[o.Partner] == org.Academia {
			transfers++
		}
	}
	if transfers < outcome.MinGroup {
		t.Errorf("%d confirmed technology transfers from institutes: too few for the indicators to show their value", transfers)
	}
	if len(os) < 40 || st[outcome.Confirmed] < len(os)/2 || st[outcome.Reported] == 0 || st[outcome.Disputed] == 0 || !waitingForMinhPhat || ofMeetings < 30 {
		t.Fatalf("%d outcomes (%d of meetings): %v; one waiting for Minh Phat: %v", len(os), ofMeetings, st, waitingForMinhPhat)
	}
}

// TestPastMeetings: last year's matchmaking day is a schedule that could
// have happened (nobody in two meetings at once, no more meetings than
// tables in a slot), mostly held and checked in, and the demo accounts
// have their meetings in it.
func TestPastMeetings(t *testing.T) {
	ds := Generate(1)
	cards := Cards(ds)
	ms := PastMeetings(ds, cards, 500)
	if !reflect.DeepEqual(ms, PastMeetings(ds, cards, 500)) {
		t.Fatal("past meetings differ for the same data set")
	}
	st := map[meeting.Status]int{}
	busy := map[string]bool{}
	tables := map[string]int{}
	visitorCo := visitorCompany(ds)
	withVisitor := 0
	for i, m := range ms {
		if m.ID != int64(500+i) || m.EventID != PastID || m.FromOrg == m.ToOrg {
			t.Fatalf("meeting %d: %+v", i, m)
		}
		st[m.Status]++
		if m.Status == meeting.Cancelled {
			if m.Slot != "" {
				t.Errorf("cancelled meeting %d holds slot %s", m.ID, m.Slot)
			}
			continue
		}
		for _, o := range []int64{m.FromOrg, m.ToOrg} {
			k := fmt.Sprint(o, m.Slot)
			if busy[k] {
				t.Fatalf("organization %d has two meetings in %s", o, m.Slot)
			}
			busy[k] = true
		}
		if tables[m.Slot]++; tables[m.Slot] > pastTables || m.Location == "" {
			t.Fatalf("slot %s: %d meetings, location %q", m.Slot, tables[m.Slot], m.Location)
		}
		if (m.Status == meeting.Held) != (m.CheckedInAt != nil) {
			t.Fatalf("meeting %d is %s, checked in %v", m.ID, m.Status, m.CheckedInAt)
		}
		if m.FromOrg == visitorCo || m.ToOrg == visitorCo {
			withVisitor++
		}
	}
	if len(ms) < 100 || st[meeting.Held] < len(ms)*3/4 || st[meeting.NoShow] == 0 || st[meeting.Cancelled] == 0 || withVisitor < 2 {
		t.Fatalf("%d meetings: %v; %d with the visitor's company", len(ms), st, withVisitor)
	}
}
