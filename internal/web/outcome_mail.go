package web

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/mail"
	"ketnoi/internal/meeting"
	"ketnoi/internal/outbox"
	"ketnoi/internal/outcome"
)

// Mails about a report: to the partner when it is reported, to the
// reporter when the partner confirms or disputes it.
const (
	mailOutcomeReported  = "reported"
	mailOutcomeConfirmed = "confirmed"
	mailOutcomeDisputed  = "disputed"
)

// mailOutcome tells the members of the organization concerned, each in
// their language: the partner, asked to confirm a new report; the
// reporter, of the partner's answer. The person who acted gets none. A
// mail that cannot be sent is logged: the change stands, and shows on the
// organization's outcomes page anyway.
func (o *outcomeWeb) mailOutcome(ctx context.Context, id int64, kind string, actor *viewer) {
	v, err := o.s.db.Outcome(ctx, id)
	if err != nil {
		o.s.log.Warn("outcome mail: report not read", "outcome", id, "err", err)
		return
	}
	to, from := v.Partner, v.ReporterOrg
	if kind != mailOutcomeReported {
		to, from = v.Reporter, v.PartnerOrg
	}
	people, err := o.s.db.OrgMembers(ctx, to)
	if err != nil {
		o.s.log.Warn("outcome mail: members not read", "org", to, "err", err)
		return
	}
	for _, person := range people {
		if actor.person != nil && person.ID == actor.person.ID {
			continue
		}
		p := o.s.mailPage(person.Lang)
		by, what := from.Name.In(p.Lang), kindLabel(p, v.Kind)
		value := "–"
		if v.Value > 0 {
			value = p.VND(v.Value)
		}
		note := v.Note
		if kind == mailOutcomeDisputed {
			note = v.Answer
		}
		if note == "" {
			note = "–"
		}
		msg := mail.Message{To: []string{person.Email}, Subject: p.T("mail.outcome."+kind+".subject", by, what),
			Text: o.s.withLink(p, p.T("mail.outcome."+kind+".body", person.Name, by, what, value, note), "/outcomes/orgs/"+itoa(to))}
		if err := o.s.mail.Send(outbox.ForEvent(ctx, v.EventID), msg); err != nil { // 0 for a card's outcome
			o.s.log.Warn("outcome mail not sent", "outcome", v.ID, "to", person.Email, "err", err)
		}
	}
}

// kindLabel names a kind in the page's language.
func kindLabel(p Page, k outcome.Kind) string { return p.T("outcome.kind." + string(k)) }

// Asked is how many organizations and people were asked what came of
// their meetings.
type Asked struct {
	Organizations int `json:"organizations"`
	People        int `json:"people"`
}

// ask mails the members of every organization with meetings at the event
// that took place and of which it has said nothing, listing them, each in
// the member's language.
func (o *outcomeWeb) ask(r *http.Request) (event.Event, Asked, error) {
	e, v, err := o.s.loadEvent(r)
	if err != nil {
		return e, Asked{}, err
	}
	slots := meeting.Slots(e.Days(), event.Zone(v.TimeZone))
	ms, err := o.s.db.EventMeetings(r.Context(), e.ID, meeting.Held, meeting.Scheduled)
	if err != nil {
		return e, Asked{}, err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	reported, err := o.s.db.MeetingOutcomes(r.Context(), ids)
	if err != nil {
		return e, Asked{}, err
	}
	ends := func(m meeting.View) (time.Time, bool) {
		s, ok := meeting.FindSlot(slots, m.Slot)
		return s.Ends, ok
	}
	pending := outcome.Pending(ms, reported, ends, o.s.db.Now())
	var out Asked
	for _, org := range slices.Sorted(maps.Keys(pending)) {
		out.Organizations++
		out.People += o.mailAsk(r.Context(), e, slots, org, pending[org], viewerOf(r))
	}
	return e, out, nil
}

// handleAsk asks from the console, which then says how many were asked.
func (o *outcomeWeb) handleAsk(w http.ResponseWriter, r *http.Request) error {
	e, n, err := o.ask(r)
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/outcomes?asked=%d&people=%d", e.ID, n.Organizations, n.People), http.StatusSeeOther)
	return nil
}

func (o *outcomeWeb) apiAsk(w http.ResponseWriter, r *http.Request) error {
	var in struct{}
	if err := decodeOptional(r, &in); err != nil {
		return err
	}
	_, n, err := o.ask(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, n)
}

// mailAsk asks one organization's members what came of its meetings and
// returns how many were mailed.
func (o *outcomeWeb) mailAsk(ctx context.Context, e event.Event, slots []meeting.Slot, org int64, ms []meeting.View, actor *viewer) int {
	people, err := o.s.db.OrgMembers(ctx, org)
	if err != nil {
		o.s.log.Warn("outcome mail: members not read", "org", org, "err", err)
		return 0
	}
	sent := 0
	for _, person := range people {
		if actor.person != nil && person.ID == actor.person.ID {
			continue
		}
		p := o.s.mailPage(person.Lang)
		var list strings.Builder
		for _, m := range ms {
			fmt.Fprintf(&list, "- %s — %s\n", m.Other(org).Name.In(p.Lang), slotLabel(p, slots, m.Slot))
		}
		ev := p.Tx(e.Name)
		msg := mail.Message{To: []string{person.Email}, Subject: p.T("mail.outcome.ask.subject", ev),
			Text: o.s.withLink(p, p.T("mail.outcome.ask.body", person.Name, ev, list.String()), "/outcomes/orgs/"+itoa(org))}
		if err := o.s.mail.Send(outbox.ForEvent(ctx, e.ID), msg); err != nil {
			o.s.log.Warn("outcome mail not sent", "org", org, "to", person.Email, "err", err)
			continue
		}
		sent++
	}
	return sent
}
