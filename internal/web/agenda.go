package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
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
	Start, End time.Time // from the first start to the latest end
	Sessions   []event.Session
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
		// A session that starts before the sessions of the block end runs
		// in parallel with one of them, whether or not they start together.
		if n := len(day.Slots); n == 0 || !x.StartsAt.Before(day.Slots[n-1].End) {
			day.Slots = append(day.Slots, AgendaSlot{Start: x.StartsAt})
		}
		slot := &day.Slots[len(day.Slots)-1]
		slot.Sessions = append(slot.Sessions, x)
		if x.EndsAt.After(slot.End) {
			slot.End = x.EndsAt
		}
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

// icsPlace is what a session's calendar entry says about where it is: the
// event's name, and the room at the venue.
type icsPlace struct {
	event string
	rooms map[int64]string
	venue string
}

// icsPlaces reads, for each event the sessions belong to, its name, its
// venue and its rooms' names in lang.
func (s *Server) icsPlaces(r *http.Request, ss []event.Session, lang i18n.Lang) (map[int64]icsPlace, error) {
	out := map[int64]icsPlace{}
	for _, x := range ss {
		if _, ok := out[x.EventID]; ok {
			continue
		}
		e, err := s.db.Event(r.Context(), x.EventID)
		if err != nil {
			return nil, err
		}
		v, err := s.db.Venue(r.Context(), e.VenueID)
		if err != nil {
			return nil, err
		}
		rooms, err := s.db.Rooms(r.Context(), e.ID)
		if err != nil {
			return nil, err
		}
		pl := icsPlace{event: e.Name.In(lang), rooms: map[int64]string{}, venue: joinNonEmpty(", ", v.Name.In(lang), v.AddressIn(lang), v.City)}
		for _, rm := range rooms {
			pl.rooms[rm.ID] = rm.Name.In(lang)
		}
		out[x.EventID] = pl
	}
	return out, nil
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

func (s *Server) writeICS(w http.ResponseWriter, r *http.Request, name string, ss []event.Session) error {
	lang := viewerOf(r).lang
	places, err := s.icsPlaces(r, ss, lang)
	if err != nil {
		return err
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//ketnoi//forum programme//"+strings.ToUpper(string(lang)))
	if len(places) == 1 {
		for _, pl := range places {
			cal.Props.SetText("X-WR-CALNAME", pl.event)
		}
	}
	now := time.Now().UTC()
	for _, x := range ss {
		pl := places[x.EventID]
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, fmt.Sprintf("session-%d-event-%d@ketnoi", x.ID, x.EventID))
		ev.Props.SetDateTime(ical.PropDateTimeStamp, now)
		ev.Props.SetDateTime(ical.PropDateTimeStart, x.StartsAt.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, x.EndsAt.UTC())
		ev.Props.SetText(ical.PropSummary, x.Title.In(lang))
		if loc := joinNonEmpty(", ", pl.rooms[x.RoomID], pl.venue); loc != "" {
			ev.Props.SetText(ical.PropLocation, loc)
		}
		// The event's name leads the description: a calendar holding
		// several events' sessions says which each belongs to.
		var names []string
		for _, sp := range x.Speakers {
			names = append(names, sp.Name)
		}
		if desc := joinNonEmpty("\n\n", pl.event, x.Abstract.In(lang), strings.Join(names, ", ")); desc != "" {
			ev.Props.SetText(ical.PropDescription, desc)
		}
		if x.Track != "" {
			ev.Props.SetText(ical.PropCategories, x.TrackName.In(lang))
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
	_, err = w.Write(foldICS(b.Bytes()))
	return err
}

// maxICSLine is the longest a content line may be, in octets, before
// RFC 5545 (section 3.1) wants it folded.
const maxICSLine = 75

// foldICS folds every content line longer than 75 octets into a line and
// continuation lines that begin with a space. go-ical writes each property
// on one line however long (a Vietnamese abstract runs to hundreds of
// octets), and strict readers cut such lines or refuse the file. A fold
// never splits a UTF-8 sequence: Vietnamese and Korean are multi-octet.
func foldICS(b []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(b, []byte("\r\n")) {
		ends := bytes.HasSuffix(line, []byte("\r\n"))
		body := bytes.TrimSuffix(line, []byte("\r\n"))
		limit := maxICSLine
		for len(body) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(body[cut]) {
				cut--
			}
			out.Write(body[:cut])
			out.WriteString("\r\n ")
			body = body[cut:]
			limit = maxICSLine - 1 // the leading space counts
		}
		out.Write(body)
		if ends {
			out.WriteString("\r\n")
		}
	}
	return out.Bytes()
}
