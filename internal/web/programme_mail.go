package web

import (
	"context"
	"time"

	"ketnoi/internal/event"
	"ketnoi/internal/mail"
	"ketnoi/internal/outbox"
)

// sessionChange is what happened to a session visitors saved.
type sessionChange string

const (
	sessionMoved   sessionChange = "moved"   // its time or room changed
	sessionRemoved sessionChange = "removed" // deleted from the programme
	sessionBack    sessionChange = "back"    // a deletion undone
)

// sessionMovedFrom reports whether a session's time or room changed: what the people
// who saved it must know.
func sessionMovedFrom(before, after event.Session) bool {
	return !before.StartsAt.Equal(after.StartsAt) || !before.EndsAt.Equal(after.EndsAt) || before.RoomID != after.RoomID
}

// mailAgendaHolders tells each person who saved a session, in their
// language, that it moved (to its time and room now), was removed, or is
// back: a visitor plans the day around the sessions saved. zone is the
// venue's, the programme's times.
func (s *Server) mailAgendaHolders(ctx context.Context, eventID int64, zone *time.Location, people []int64, ss event.Session, change sessionChange) {
	if len(people) == 0 {
		return
	}
	e, err := s.db.Event(ctx, eventID)
	if err != nil {
		s.log.Warn("programme mail: no event", "event", eventID, "err", err)
		return
	}
	rooms, err := s.db.Rooms(ctx, eventID)
	if err != nil {
		s.log.Warn("programme mail: no rooms", "event", eventID, "err", err)
		return
	}
	for _, pid := range people {
		person, err := s.db.Person(ctx, pid)
		if err != nil {
			s.log.Warn("programme mail: no person", "person", pid, "err", err)
			continue
		}
		p := s.mailPage(person.Lang)
		p.zone = zone
		room := ""
		for _, rm := range rooms {
			if rm.ID == ss.RoomID {
				room = p.Tx(rm.Name)
			}
		}
		title := p.Tx(ss.Title)
		when := p.Day(ss.StartsAt) + " " + p.Clock(ss.StartsAt) + "–" + p.Clock(ss.EndsAt)
		msg := mail.Message{To: []string{person.Email}, Subject: p.T("mail.session."+string(change)+".subject", title)}
		msg.Text = p.T("mail.session."+string(change)+".body", person.Name, title, p.Tx(e.Name), when, room)
		msg.Text = s.withLink(p, msg.Text, "/events/"+itoa(eventID)+"/agenda")
		if err := s.mail.Send(outbox.ForEvent(ctx, eventID), msg); err != nil {
			s.log.Warn("programme mail not sent", "session", ss.ID, "to", person.Email, "err", err)
		}
	}
}
