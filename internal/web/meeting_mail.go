package web

import (
	"context"
	"net/http"

	"ketnoi/internal/event"
	"ketnoi/internal/mail"
	"ketnoi/internal/meeting"
	"ketnoi/internal/outbox"
)

// Mail to the members of the other side when a request is sent or
// answered (the scheduling mails are in meeting_schedule.go).
const (
	mailRequested mailKind = "requested"
	mailAccepted  mailKind = "accepted"
	mailDeclined  mailKind = "declined"
	mailProposed  mailKind = "proposed"
)

// mailRequest tells the members of the organization asked that a request
// arrived.
func (m *matchWeb) mailRequest(r *http.Request, id int64) {
	e, slots, err := m.eventSlots(r)
	var v meeting.View
	if err == nil {
		v, err = m.s.db.Meeting(r.Context(), e.ID, id)
	}
	if err != nil {
		m.s.log.Warn("meeting mail: request not read", "meeting", id, "err", err)
		return
	}
	m.mailSides(r.Context(), e, slots, v, mailRequested, []int64{v.ToOrg}, viewerOf(r))
}

// mailAnswer tells the members of the side that did not act what the
// other side answered: accepted, declined, another time, cancelled. When
// an organizer acts for a side, both sides hear of it.
func (m *matchWeb) mailAnswer(r *http.Request, e event.Event, slots []meeting.Slot, v meeting.View) {
	var kind mailKind
	switch v.Status {
	case meeting.Accepted:
		kind = mailAccepted
	case meeting.Declined:
		kind = mailDeclined
	case meeting.Proposed:
		kind = mailProposed
	case meeting.Cancelled:
		kind = mailCancelled
	default:
		return
	}
	who := viewerOf(r)
	var targets []int64
	for _, org := range []int64{v.FromOrg, v.ToOrg} {
		if _, member := who.orgs[org]; !member {
			targets = append(targets, org)
		}
	}
	m.mailSides(r.Context(), e, slots, v, kind, targets, who)
}

// mailSides sends one mail to each member of the target organizations, in
// the member's language, naming the meeting's other side. The person who
// acted gets none. A mail that cannot be sent is logged; the change stands.
func (m *matchWeb) mailSides(ctx context.Context, e event.Event, slots []meeting.Slot, v meeting.View, kind mailKind, targets []int64, actor *viewer) {
	for _, org := range targets {
		people, err := m.s.db.OrgMembers(ctx, org)
		if err != nil {
			m.s.log.Warn("meeting mail: members not read", "org", org, "err", err)
			continue
		}
		other := v.Other(org)
		for _, person := range people {
			if actor.person != nil && person.ID == actor.person.ID {
				continue
			}
			p := m.s.mailPage(person.Lang)
			with, ev := other.Name.In(p.Lang), p.Tx(e.Name)
			msg := mail.Message{To: []string{person.Email}, Subject: p.T("mail.meeting."+string(kind)+".subject", with)}
			switch kind {
			case mailRequested:
				text := v.Message
				if text == "" {
					text = "–"
				}
				msg.Text = p.T("mail.meeting.requested.body", person.Name, with, ev, p.T("meeting.place."+string(v.Place)), text)
			case mailAccepted:
				agreed := ""
				if v.WantedSlot != "" {
					agreed = p.T("meeting.agreed_time", slotLabel(p, slots, v.WantedSlot))
				}
				msg.Text = p.T("mail.meeting.accepted.body", person.Name, with, ev, agreed)
			case mailDeclined:
				msg.Text = p.T("mail.meeting.declined.body", person.Name, with, ev, v.Reason)
			case mailProposed:
				msg.Text = p.T("mail.meeting.proposed.body", person.Name, with, ev, slotLabel(p, slots, v.ProposedSlot))
			case mailCancelled:
				msg.Text = p.T("mail.meeting.cancelled.body", person.Name, with, ev, v.Reason)
			}
			msg.Text = m.s.withLink(p, msg.Text, "/events/"+itoa(e.ID)+"/meetings")
			if err := m.s.mail.Send(outbox.ForEvent(ctx, e.ID), msg); err != nil {
				m.s.log.Warn("meeting mail not sent", "meeting", v.ID, "to", person.Email, "err", err)
			}
		}
	}
}
