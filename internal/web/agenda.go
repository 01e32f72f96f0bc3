package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

// AgendaPage is the public programme, by day and time: sessions that
// start together are shown together, so that a visitor sees what runs in
// parallel.
type AgendaPage struct {
	Page
	EventID   int64
	EventName string
	Days      []AgendaDay
	Mine      map[int64]bool
	Rooms     map[int64]string
	// Notice confirms the last change to the visitor's agenda; Overlaps
	// names what the session just added overlaps there.
	Notice   string
	Overlaps []string
}

// AgendaDay is one day of the programme in time slots.
type AgendaDay struct {
	Day   string
	Slots []AgendaSlot
}

// AgendaSlot is the sessions that start at one time, by room.
type AgendaSlot struct {
	Start    time.Time
	Sessions []event.Session
}

func (s *Server) handleAgenda(w http.ResponseWriter, r *http.Request) error {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	ss, _, err := s.db.Sessions(r.Context(), e.ID, store.SessionFilter{Limit: 1000})
	if err != nil {
		return err
	}
	p := AgendaPage{Page: s.page(r, "").inZone(v), EventID: e.ID, Mine: map[int64]bool{}, Rooms: map[int64]string{}}
	p.Title, p.EventName = p.T("checkin.agenda.title"), p.Tx(e.Name)
	rooms, err := s.db.Rooms(r.Context(), e.ID)
	if err != nil {
		return err
	}
	for _, rm := range rooms {
		p.Rooms[rm.ID] = p.Tx(rm.Name)
	}
	if v := viewerOf(r); v.signedIn() {
		mine, err := s.db.Agenda(r.Context(), v.person.ID)
		if err != nil {
			return err
		}
		for _, m := range mine {
			p.Mine[m.ID] = true
		}
		agendaNotice(&p, r, ss, mine)
	}
	p.Days = byDayAndStart(ss, p.Zone())
	return s.render(w, http.StatusOK, "agenda", p)
}

// agendaNotice confirms an addition to or removal from the visitor's
// agenda, named by the redirect's query, and names what an added session
// overlaps among the visitor's other sessions (at any event).
func agendaNotice(p *AgendaPage, r *http.Request, ss, mine []event.Session) {
	q := r.URL.Query()
	id, _ := strconv.ParseInt(q.Get("added")+q.Get("removed"), 10, 64)
	var x *event.Session
	for i := range ss {
		if ss[i].ID == id {
			x = &ss[i]
		}
	}
	switch {
	case x == nil:
		return
	case q.Get("added") != "" && p.Mine[x.ID]:
		p.Notice = p.T("agenda.added", p.Tx(x.Title))
		for i := range mine {
			if mine[i].ID != x.ID && event.Overlap(x, &mine[i]) {
				p.Overlaps = append(p.Overlaps, p.T("agenda.overlap", p.Tx(mine[i].Title), p.Clock(mine[i].StartsAt), p.Clock(mine[i].EndsAt)))
			}
		}
	case q.Get("removed") != "" && !p.Mine[x.ID]:
		p.Notice = p.T("agenda.removed", p.Tx(x.Title))
	}
}

// byDayAndStart groups sessions by the venue's day, then by start time;
// sessions come sorted by start and room, so each slot lists its rooms in
// order.
func byDayAndStart(ss []event.Session, zone *time.Location) []AgendaDay {
	var out []AgendaDay
	for _, x := range ss {
		d := x.StartsAt.In(zone).Format(event.DateLayout)
		if len(out) == 0 || out[len(out)-1].Day != d {
			out = append(out, AgendaDay{Day: d})
		}
		day := &out[len(out)-1]
		if n := len(day.Slots); n == 0 || !day.Slots[n-1].Start.Equal(x.StartsAt) {
			day.Slots = append(day.Slots, AgendaSlot{Start: x.StartsAt})
		}
		slot := &day.Slots[len(day.Slots)-1]
		slot.Sessions = append(slot.Sessions, x)
	}
	return out
}

// handleAgendaToggle adds a session to the person's agenda or removes it,
// and goes back to the agenda, which confirms it there.
func (s *Server) handleAgendaToggle(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	sid, err := pathID(r, "session")
	if err != nil {
		return err
	}
	add := r.PostFormValue("add") == "yes"
	if err := s.db.SetInAgenda(r.Context(), viewerOf(r).person.ID, e.ID, sid, add); err != nil {
		return err
	}
	what := "removed"
	if add {
		what = "added"
	}
	http.Redirect(w, r, fmt.Sprintf("/events/%d/agenda?%s=%d#session-%d", e.ID, what, sid, sid), http.StatusSeeOther)
	return nil
}

// handleSessionICS is one session as an iCalendar file.
func (s *Server) handleSessionICS(w http.ResponseWriter, r *http.Request) error {
	ss, err := s.loadSession(r)
	if err != nil {
		return err
	}
	return s.writeICS(w, r, fmt.Sprintf("session-%d.ics", ss.ID), []event.Session{ss})
}

// handleMyAgendaICS is the person's agenda as an iCalendar file.
func (s *Server) handleMyAgendaICS(w http.ResponseWriter, r *http.Request) error {
	ss, err := s.db.Agenda(r.Context(), viewerOf(r).person.ID)
	if err != nil {
		return err
	}
	return s.writeICS(w, r, "my-agenda.ics", ss)
}

func (s *Server) writeICS(w http.ResponseWriter, r *http.Request, name string, ss []event.Session) error {
	lang := viewerOf(r).lang
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//ketnoi//forum programme//"+strings.ToUpper(string(lang)))
	now := time.Now().UTC()
	for _, x := range ss {
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, fmt.Sprintf("session-%d-event-%d@ketnoi", x.ID, x.EventID))
		ev.Props.SetDateTime(ical.PropDateTimeStamp, now)
		ev.Props.SetDateTime(ical.PropDateTimeStart, x.StartsAt.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, x.EndsAt.UTC())
		ev.Props.SetText(ical.PropSummary, x.Title.In(lang))
		desc := x.Abstract.In(lang)
		var names []string
		for _, sp := range x.Speakers {
			names = append(names, sp.Name)
		}
		if len(names) > 0 {
			desc = strings.TrimSpace(desc + "\n\n" + strings.Join(names, ", "))
		}
		if desc != "" {
			ev.Props.SetText(ical.PropDescription, desc)
		}
		if x.Track != "" {
			ev.Props.SetText(ical.PropCategories, x.Track)
		}
		if x.Language != "" {
			ev.Props.SetText("X-KETNOI-LANGUAGE", string(x.Language))
		}
		cal.Children = append(cal.Children, ev.Component)
	}
	var b bytes.Buffer
	if len(cal.Children) == 0 {
		// go-ical refuses a calendar without components; an empty agenda
		// is still a calendar, with nothing in it.
		b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ketnoi//forum programme//EN\r\nEND:VCALENDAR\r\n")
	} else if err := ical.NewEncoder(&b).Encode(cal); err != nil {
		return fmt.Errorf("ics: %w", err)
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, err := w.Write(b.Bytes())
	return err
}
