package web

import (
	"bytes"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

// AgendaPage is the public programme by day and track.
type AgendaPage struct {
	Page
	EventID   int64
	EventName string
	Days      []AgendaDay
	Mine      map[int64]bool
	Rooms     map[int64]string
}

// AgendaDay is one day of the programme, by track.
type AgendaDay struct {
	Day    string
	Tracks []AgendaTrack
}

// AgendaTrack is one track's sessions on a day.
type AgendaTrack struct {
	Name     string
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
	}
	p.Days = byDayAndTrack(ss, p.Zone())
	return s.render(w, http.StatusOK, "agenda", p)
}

// byDayAndTrack groups sessions by the venue's day, then by track.
func byDayAndTrack(ss []event.Session, zone *time.Location) []AgendaDay {
	days := map[string]map[string][]event.Session{}
	for _, x := range ss {
		d := x.StartsAt.In(zone).Format(event.DateLayout)
		if days[d] == nil {
			days[d] = map[string][]event.Session{}
		}
		days[d][x.Track] = append(days[d][x.Track], x)
	}
	var out []AgendaDay
	for d, tracks := range days {
		day := AgendaDay{Day: d}
		for name, list := range tracks {
			day.Tracks = append(day.Tracks, AgendaTrack{Name: name, Sessions: list})
		}
		sort.Slice(day.Tracks, func(i, j int) bool { return day.Tracks[i].Name < day.Tracks[j].Name })
		out = append(out, day)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day < out[j].Day })
	return out
}

// handleAgendaToggle adds a session to the person's agenda or removes it.
func (s *Server) handleAgendaToggle(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	sid, err := pathID(r, "session")
	if err != nil {
		return err
	}
	if err := s.db.SetInAgenda(r.Context(), viewerOf(r).person.ID, e.ID, sid, r.PostFormValue("add") == "yes"); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/events/%d/agenda#session-%d", e.ID, sid), http.StatusSeeOther)
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
