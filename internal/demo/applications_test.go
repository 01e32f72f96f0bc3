package demo

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
)

// TestApplications: every exhibitor applied as the apply form records it
// (its application has the exhibitor's id, org and pavilion, a status that
// goes with the exhibitor's, fields the form accepts and a history that
// the workflow allows); the approved ones asked for the stand they got and
// named booths that mostly are theirs; the submitted ones are waiting.
func TestApplications(t *testing.T) {
	d := mustDemo(t)
	if len(d.Applications) != len(d.Exhibitors) {
		t.Fatalf("%d applications for %d exhibitors", len(d.Applications), len(d.Exhibitors))
	}
	admins := map[[2]int64]bool{}
	for _, m := range d.Memberships {
		if m.Role == account.MemberAdmin {
			admins[[2]int64{m.PersonID, m.OrgID}] = true
		}
	}
	organizers := map[int64]bool{}
	for _, o := range d.Organizers {
		if o.EventID == FairID {
			organizers[o.PersonID] = true
		}
	}
	booths := map[int64][]event.Booth{}
	codes := map[string]event.Booth{}
	for _, b := range d.Booths {
		codes[b.Code] = b
		if b.ExhibitorID != 0 {
			booths[b.ExhibitorID] = append(booths[b.ExhibitorID], b)
		}
	}
	byStatus := map[exhibit.Status]int{}
	first, placed := 0, 0
	for i, a := range d.Applications {
		x := d.Exhibitors[i]
		if a.ID != x.ID || a.ExhibitorID != x.ID || a.OrgID != x.OrgID || a.EventID != x.EventID || a.Pavilion != x.Pavilion {
			t.Fatalf("application %d does not match exhibitor %+v: %+v", a.ID, x, a)
		}
		if a.Status.Exhibitor() != x.Status {
			t.Errorf("application %d is %s, its exhibitor %s", a.ID, a.Status, x.Status)
		}
		byStatus[a.Status]++
		c := a
		c.Preferred, c.Competitors = slices.Clone(a.Preferred), slices.Clone(a.Competitors)
		if err := c.Validate(); err != nil {
			t.Errorf("application %d: %v", a.ID, err)
		}
		for _, p := range a.Preferred {
			if b, ok := codes[p]; !ok || b.Status == event.Blocked {
				t.Errorf("application %d prefers booth %q, which is not to be had", a.ID, p)
			}
		}
		// History: submitted by an admin of the organization, answered by
		// an organizer of the fair, each step allowed and in time order.
		h := a.History
		if len(h) == 0 || h[0].Status != exhibit.Submitted || !admins[[2]int64{h[0].PersonID, a.OrgID}] || !h[0].At.Equal(a.CreatedAt) {
			t.Fatalf("application %d starts with %+v", a.ID, h)
		}
		for k := 1; k < len(h); k++ {
			act := map[exhibit.Status]exhibit.Action{exhibit.Approved: exhibit.Approve, exhibit.Rejected: exhibit.Reject,
				exhibit.ChangesRequested: exhibit.RequestChanges, exhibit.Withdrawn: exhibit.Withdraw, exhibit.Submitted: exhibit.Resubmit}[h[k].Status]
			if to, err := exhibit.Next(h[k-1].Status, act); err != nil || to != h[k].Status || !h[k].At.After(h[k-1].At) {
				t.Errorf("application %d: %s after %s at %v", a.ID, h[k].Status, h[k-1].Status, h[k].At)
			}
			if act.ByOrganizer() != organizers[h[k].PersonID] {
				t.Errorf("application %d: %s by person %d", a.ID, h[k].Status, h[k].PersonID)
			}
		}
		if last := h[len(h)-1]; last.Status != a.Status || !last.At.Equal(a.UpdatedAt) {
			t.Errorf("application %d is %s since %v, its history ends %+v", a.ID, a.Status, a.UpdatedAt, last)
		}
		if x.Status != event.Approved {
			continue
		}
		area := 0.0
		for _, b := range booths[x.ID] {
			area += b.Area()
		}
		if len(booths[x.ID]) > 0 {
			placed++
			if a.Area != area {
				t.Errorf("application %d asks for %v m², its exhibitor stands on %v m²", a.ID, a.Area, area)
			}
			if len(a.Preferred) > 0 && a.Preferred[0] == booths[x.ID][0].Code {
				first++
			}
		}
	}
	if byStatus[exhibit.Submitted] != appliedCount || byStatus[exhibit.Approved] != approvedCount || byStatus[exhibit.Rejected] != rejectedCount {
		t.Errorf("application statuses %v", byStatus)
	}
	if first < placed/2 || first == placed {
		t.Errorf("%d of %d placed exhibitors got the booth they named first, want most but not all", first, placed)
	}
}

// TestPastRegistrations: whoever asked for or answered a meeting of last
// year's matchmaking day is registered for it with the organization that
// met, before the day; the day counts about as many registered people as
// organizations that met.
func TestPastRegistrations(t *testing.T) {
	d := mustDemo(t)
	cards := Cards(d)
	past := PastMeetings(d, cards, int64(len(Meetings(d, cards)))+1)
	regs := map[int64]event.Registration{}
	for _, r := range d.Registrations {
		if r.EventID == PastID && r.Status == "active" {
			regs[r.PersonID] = r
		}
	}
	orgs := map[int64]bool{}
	for _, m := range past {
		for _, side := range [][2]int64{{m.RequestedBy, m.FromOrg}, {m.AnsweredBy, m.ToOrg}} {
			r, ok := regs[side[0]]
			if !ok || r.OrgID != side[1] || !r.CreatedAt.Before(m.CreatedAt) {
				t.Fatalf("meeting %d: person %d of org %d is registered as %+v", m.ID, side[0], side[1], r)
			}
			if p := d.People[side[0]-1]; !p.CreatedAt.Before(r.CreatedAt) {
				t.Errorf("person %d registered at %v, before the account was made at %v", p.ID, r.CreatedAt, p.CreatedAt)
			}
			orgs[side[1]] = true
		}
	}
	if n := len(regs); n < len(orgs) || n > len(orgs)+5 {
		t.Errorf("%d people registered for the matchmaking day, %d organizations met there", n, len(orgs))
	}
}

// TestFairDescription: the fair's description counts its approved
// exhibitors and their countries, as its page does.
func TestFairDescription(t *testing.T) {
	d := mustDemo(t)
	n, countries := 0, map[string]bool{}
	for _, x := range d.Exhibitors {
		if x.Status == event.Approved {
			n++
			countries[d.Orgs[x.OrgID-1].Country] = true
		}
	}
	desc := d.Events[0].Description
	for _, want := range []struct {
		lang   i18n.Lang
		figure string
	}{
		{i18n.VI, fmt.Sprintf("%d doanh nghiệp", n)}, {i18n.VI, fmt.Sprintf("từ %d quốc gia", len(countries))},
		{i18n.EN, fmt.Sprintf("%d companies", n)}, {i18n.EN, fmt.Sprintf("from %d countries", len(countries))},
		{i18n.KO, fmt.Sprintf("%d개국 %d개", len(countries), n)},
	} {
		if s := desc.In(want.lang); !strings.Contains(s, want.figure) {
			t.Errorf("%s description %q lacks %q", want.lang, s, want.figure)
		}
	}
}
