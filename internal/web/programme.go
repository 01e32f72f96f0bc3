package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/store"
)

// ProgrammePage is the organizer's console for the forum programme: the
// sessions by day and time, and the forms that add sessions, speakers and
// rooms. Editing a session, or confirming its deletion, uses the same page.
type ProgrammePage struct {
	Page
	EventID   int64
	EventName string
	EventDays []string
	Days      []ProgrammeDay
	Rooms     []RoomOption
	Speakers  []SpeakerOption
	Orgs      []OrgOption
	Tracks    []event.Track
	Langs3    []i18n.Lang
	Session   SessionForm
	Speaker   SpeakerForm
	Room      RoomForm
	Track     event.Track // the track form as typed
	Editing   bool
	// Confirm is the session whose deletion waits for a second click,
	// because visitors saved it.
	Confirm *SessionRow
	// Form names the form whose Message and Fields are shown: session,
	// speaker, track or room.
	Form    string
	Message string
	Fields  map[string]string
	Notice  string
	// Undo is the session just deleted, which the notice offers to bring
	// back.
	Undo int64
	// OpenSession opens the session form: after adding a speaker or a
	// room, adding the session is what comes next.
	OpenSession bool
}

// ProgrammeDay is one day of the programme in time order.
type ProgrammeDay struct {
	Day  string
	Rows []SessionRow
}

// SessionRow is a session as the console lists it.
type SessionRow struct {
	event.Session
	Room  string
	Saved int
	// Clashes names sessions at the same time that share a speaker.
	Clashes []string
}

// SpeakerOption is a speaker a session may have.
type SpeakerOption struct {
	ID    int64
	Name  string
	Title string
}

// OrgOption is an organization a speaker may belong to.
type OrgOption struct {
	ID   int64
	Name string
}

// SessionForm is the session form as typed.
type SessionForm struct {
	ID       int64
	Title    i18n.Text
	Abstract i18n.Text
	RoomID   int64
	Day      string
	Start    string
	End      string
	Language string
	Track    string
	Speakers map[int64]bool
}

// SpeakerForm is the speaker form as typed.
type SpeakerForm struct {
	Name  string
	Title i18n.Text
	OrgID int64
}

// RoomForm is the room form as typed.
type RoomForm struct {
	Name     i18n.Text
	Capacity string
}

func (s *Server) programmePage(r *http.Request) (ProgrammePage, error) {
	e, v, err := s.loadEvent(r)
	if err != nil {
		return ProgrammePage{}, err
	}
	p := ProgrammePage{Page: s.page(r, "").inZone(v), EventID: e.ID, EventDays: e.Days(), Langs3: i18n.Langs, Fields: map[string]string{}}
	p.EventName = p.Tx(e.Name)
	p.Title = p.T("programme.title") + " · " + p.EventName
	p.Session = SessionForm{Language: string(i18n.VI), Speakers: map[int64]bool{}}
	if len(p.EventDays) > 0 {
		p.Session.Day = p.EventDays[0]
	}
	ctx := r.Context()
	rooms, err := s.db.Rooms(ctx, e.ID)
	if err != nil {
		return p, err
	}
	roomName := map[int64]string{}
	for _, rm := range rooms {
		p.Rooms = append(p.Rooms, RoomOption{ID: rm.ID, Name: p.Tx(rm.Name), Capacity: rm.Capacity})
		roomName[rm.ID] = p.Tx(rm.Name)
	}
	speakers, err := s.db.Speakers(ctx, e.ID)
	if err != nil {
		return p, err
	}
	for _, sp := range speakers {
		p.Speakers = append(p.Speakers, SpeakerOption{ID: sp.ID, Name: sp.Name, Title: p.Tx(sp.Title)})
	}
	if err := s.programmeOrgs(r, &p); err != nil {
		return p, err
	}
	if p.Tracks, err = s.db.Tracks(ctx, e.ID); err != nil {
		return p, err
	}
	ss, _, err := s.db.Sessions(ctx, e.ID, store.SessionFilter{Limit: 1000})
	if err != nil {
		return p, err
	}
	saved, err := s.db.SavedCounts(ctx, e.ID)
	if err != nil {
		return p, err
	}
	p.Days = programmeDays(p.Page, ss, roomName, saved)
	return p, nil
}

// maxOrgOptions bounds the organizations offered for a speaker: enough
// for the programme's ecosystem, short enough for a phone's list.
const maxOrgOptions = 1000

func (s *Server) programmeOrgs(r *http.Request, p *ProgrammePage) error {
	os, _, err := s.db.Organizations(r.Context(), store.OrgFilter{Limit: maxOrgOptions})
	if err != nil {
		return err
	}
	for _, o := range os {
		p.Orgs = append(p.Orgs, OrgOption{ID: o.ID, Name: p.Tx(o.Name)})
	}
	sort.Slice(p.Orgs, func(i, j int) bool { return p.Orgs[i].Name < p.Orgs[j].Name })
	return nil
}

// programmeDays lists sessions by the venue's day in time order (they come
// sorted by start), with the speaker clashes each has.
func programmeDays(p Page, ss []event.Session, roomName map[int64]string, saved map[int64]int) []ProgrammeDay {
	clashes := event.SpeakerClashes(ss)
	var out []ProgrammeDay
	for _, x := range ss {
		d := x.StartsAt.In(p.Zone()).Format(event.DateLayout)
		if len(out) == 0 || out[len(out)-1].Day != d {
			out = append(out, ProgrammeDay{Day: d})
		}
		row := SessionRow{Session: x, Room: roomName[x.RoomID], Saved: saved[x.ID]}
		for _, o := range clashes[x.ID] {
			row.Clashes = append(row.Clashes, p.T("programme.warn.speaker", p.Tx(o.Title), p.Clock(o.StartsAt), p.Clock(o.EndsAt)))
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, row)
	}
	return out
}

func (s *Server) handleProgramme(w http.ResponseWriter, r *http.Request) error {
	p, err := s.programmePage(r)
	if err != nil {
		return err
	}
	p.Notice = programmeNotice(p.Page, r.URL.Query())
	if r.URL.Query().Get("done") == "deleted" {
		p.Undo, _ = strconv.ParseInt(r.URL.Query().Get("undo"), 10, 64)
	}
	p.OpenSession = r.URL.Query().Get("done") == "speaker" || r.URL.Query().Get("done") == "room"
	return s.render(w, http.StatusOK, "programme", p)
}

// programmeNotice says what the last change did, from the redirect's
// query: a deleted session is named, with the agendas it left.
func programmeNotice(p Page, q url.Values) string {
	switch q.Get("done") {
	case "session", "speaker", "room", "track", "track_deleted":
		return p.T("programme.saved." + q.Get("done"))
	case "deleted":
		n, _ := strconv.Atoi(q.Get("saved"))
		if n > 0 {
			return p.T("programme.deleted.saved", q.Get("title"), n)
		}
		return p.T("programme.deleted", q.Get("title"))
	case "restored":
		n, _ := strconv.Atoi(q.Get("saved"))
		return p.T("programme.restored", q.Get("title"), n)
	}
	return ""
}

func programmeDone(w http.ResponseWriter, r *http.Request, eventID int64, q url.Values, anchor string) error {
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/programme?%s#%s", eventID, q.Encode(), anchor), http.StatusSeeOther)
	return nil
}

// programmeFail shows a refused form again, as typed, with a message per
// field in the organizer's language; anything but a refusal is a failure.
func (s *Server) programmeFail(w http.ResponseWriter, p ProgrammePage, form string, err error) error {
	var ae *apperr.Error
	if !errors.As(err, &ae) || (ae.Code != apperr.Invalid && ae.Code != apperr.Conflict && ae.Code != apperr.NotFound) {
		return err
	}
	p.Form, p.Message = form, p.T("programme.form.fix")
	if form == "restore" {
		p.Message = p.T("programme.restore.refused")
	}
	// Fields are keyed by form too: the speaker's and the room's forms
	// both have a name.
	for field, msg := range ae.Fields {
		p.Fields[form+"."+field] = translateField(p.Page, field, msg)
	}
	var clash *event.ClashError
	if errors.As(err, &clash) {
		o := clash.Other
		p.Fields[form+".room_id"] = p.T("programme.err.clash", p.Tx(o.Title), p.Day(o.StartsAt), p.Clock(o.StartsAt), p.Clock(o.EndsAt))
	}
	if ae.Code == apperr.NotFound {
		// A room or speaker removed since the page was read.
		p.Fields[form+".room_id"] = p.T("programme.err.gone")
	}
	return s.render(w, http.StatusUnprocessableEntity, "programme", p)
}

// readSessionForm reads the session form into p.Session and the session
// it describes; the day and times are the venue's.
func readSessionForm(r *http.Request, p *ProgrammePage) (event.Session, error) {
	f := &p.Session
	f.Title = textField(r, "title")
	f.Abstract = textField(r, "abstract")
	f.Day, f.Start, f.End = strings.TrimSpace(r.PostFormValue("day")), strings.TrimSpace(r.PostFormValue("start")), strings.TrimSpace(r.PostFormValue("end"))
	f.Language, f.Track = r.PostFormValue("language"), knownTrack(p.Tracks, strings.TrimSpace(r.PostFormValue("track")))
	f.RoomID, _ = strconv.ParseInt(r.PostFormValue("room"), 10, 64)
	f.Speakers = map[int64]bool{}
	ss := event.Session{ID: f.ID, EventID: p.EventID, RoomID: f.RoomID, Title: f.Title, Abstract: f.Abstract, Track: f.Track,
		Language: i18n.Lang(f.Language), Speakers: []event.Speaker{}}
	fields := apperr.Fields{}
	for _, v := range r.PostForm["speakers"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || !hasSpeaker(p.Speakers, id) {
			fields.Add("speakers", "is not a speaker of this event")
			continue
		}
		if !f.Speakers[id] {
			f.Speakers[id] = true
			ss.Speakers = append(ss.Speakers, event.Speaker{ID: id})
		}
	}
	var err1, err2 error
	ss.StartsAt, err1 = time.ParseInLocation("2006-01-02 15:04", f.Day+" "+f.Start, p.Zone())
	ss.EndsAt, err2 = time.ParseInLocation("2006-01-02 15:04", f.Day+" "+f.End, p.Zone())
	if err1 != nil {
		fields.Add("starts_at", "must be a day and a time")
	}
	if err2 != nil {
		fields.Add("ends_at", "must be a day and a time")
	}
	if err := ss.Validate(); err != nil {
		var ae *apperr.Error
		if errors.As(err, &ae) {
			for k, v := range ae.Fields {
				fields.Add(k, v)
			}
		}
	}
	return ss, fields.Err()
}

// sameName reports whether a room of rooms has the name in one of the
// languages, whatever its case: two rooms called alike would be told
// apart by nobody reading the programme.
func sameName(rooms []event.Room, name i18n.Text) bool {
	for _, rm := range rooms {
		for _, pair := range [][2]string{{rm.Name.VI, name.VI}, {rm.Name.EN, name.EN}, {rm.Name.KO, name.KO}} {
			if pair[1] != "" && strings.EqualFold(strings.TrimSpace(pair[0]), strings.TrimSpace(pair[1])) {
				return true
			}
		}
	}
	return false
}

// knownTrack is the key of the event's track typed, whatever its case or
// whichever of its names was typed ("smart factory", "Nhà máy thông
// minh"): a slip of the keyboard does not make a new track.
func knownTrack(tracks []event.Track, typed string) string {
	for _, t := range tracks {
		for _, name := range []string{t.Key, t.Name.VI, t.Name.EN, t.Name.KO} {
			if name != "" && strings.EqualFold(name, typed) {
				return t.Key
			}
		}
	}
	return typed
}

func textField(r *http.Request, name string) i18n.Text {
	return i18n.Text{VI: r.PostFormValue(name + "_vi"), EN: r.PostFormValue(name + "_en"), KO: r.PostFormValue(name + "_ko")}
}

func hasSpeaker(list []SpeakerOption, id int64) bool {
	for _, sp := range list {
		if sp.ID == id {
			return true
		}
	}
	return false
}

func (s *Server) handleCreateSessionForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.programmePage(r)
	if err != nil {
		return err
	}
	ss, err := readSessionForm(r, &p)
	if err == nil {
		err = s.db.CreateSession(r.Context(), &ss)
	}
	if err != nil {
		return s.programmeFail(w, p, "session", err)
	}
	return programmeDone(w, r, p.EventID, url.Values{"done": {"session"}}, fmt.Sprintf("session-%d", ss.ID))
}

// editSessionPage is the programme page with one session's form filled
// in, and that session as stored.
func (s *Server) editSessionPage(r *http.Request) (ProgrammePage, event.Session, error) {
	p, err := s.programmePage(r)
	if err != nil {
		return p, event.Session{}, err
	}
	ss, err := s.loadSession(r)
	if err != nil {
		return p, ss, err
	}
	p.Editing = true
	p.Title = p.T("programme.session.edit") + " · " + p.Tx(ss.Title)
	p.Session = SessionForm{ID: ss.ID, Title: ss.Title, Abstract: ss.Abstract, RoomID: ss.RoomID, Language: string(ss.Language), Track: ss.Track,
		Day: ss.StartsAt.In(p.Zone()).Format(event.DateLayout), Start: p.Clock(ss.StartsAt), End: p.Clock(ss.EndsAt), Speakers: map[int64]bool{}}
	for _, sp := range ss.Speakers {
		p.Session.Speakers[sp.ID] = true
	}
	// A session left outside the event's days (the dates moved since) is
	// shown on its own day, which saving then refuses with a reason,
	// rather than silently on the first day.
	if !slices.Contains(p.EventDays, p.Session.Day) {
		p.EventDays = append(p.EventDays, p.Session.Day)
	}
	return p, ss, nil
}

func (s *Server) handleEditSession(w http.ResponseWriter, r *http.Request) error {
	p, _, err := s.editSessionPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "programme", p)
}

func (s *Server) handleUpdateSessionForm(w http.ResponseWriter, r *http.Request) error {
	p, before, err := s.editSessionPage(r)
	if err != nil {
		return err
	}
	holders, err := s.db.AgendaHolders(r.Context(), before.ID)
	if err != nil {
		return err
	}
	ss, err := readSessionForm(r, &p)
	if err == nil {
		err = s.db.UpdateSession(r.Context(), &ss)
	}
	if err != nil {
		return s.programmeFail(w, p, "session", err)
	}
	if sessionMovedFrom(before, ss) {
		s.mailAgendaHolders(r.Context(), p.EventID, p.Zone(), holders, ss, sessionMoved)
	}
	return programmeDone(w, r, p.EventID, url.Values{"done": {"session"}}, fmt.Sprintf("session-%d", ss.ID))
}

// handleDeleteSession deletes a session at once when no visitor saved it;
// otherwise it first asks again, saying how many agendas will lose it.
func (s *Server) handleDeleteSession(w http.ResponseWriter, r *http.Request) error {
	p, err := s.programmePage(r)
	if err != nil {
		return err
	}
	ss, err := s.loadSession(r)
	if err != nil {
		return err
	}
	if r.PostFormValue("confirm") != "yes" {
		for _, d := range p.Days {
			for i := range d.Rows {
				if d.Rows[i].ID == ss.ID && d.Rows[i].Saved > 0 {
					p.Confirm = &d.Rows[i]
					return s.render(w, http.StatusOK, "programme", p)
				}
			}
		}
	}
	gone, err := s.db.DeleteSession(r.Context(), p.EventID, ss.ID)
	if err != nil {
		return err
	}
	s.mailAgendaHolders(r.Context(), p.EventID, p.Zone(), gone.People, gone.Session, sessionRemoved)
	q := url.Values{"done": {"deleted"}, "title": {p.Tx(gone.Session.Title)}, "saved": {strconv.Itoa(gone.Saved)}, "undo": {strconv.FormatInt(gone.ID, 10)}}
	return programmeDone(w, r, p.EventID, q, "sessions")
}

// handleRestoreSession undoes a deletion: the session comes back with the
// agendas it was in, unless its room has been taken at its time since.
func (s *Server) handleRestoreSession(w http.ResponseWriter, r *http.Request) error {
	p, err := s.programmePage(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "deleted")
	if err != nil {
		return err
	}
	back, n, err := s.db.RestoreSession(r.Context(), p.EventID, id)
	if apperr.Is(err, apperr.NotFound) {
		p.Form, p.Message = "restore", p.T("programme.restore.gone")
		return s.render(w, http.StatusNotFound, "programme", p)
	}
	if apperr.Is(err, apperr.Conflict) || apperr.Is(err, apperr.Invalid) {
		return s.programmeFail(w, p, "restore", err)
	}
	if err != nil {
		return err
	}
	if holders, err := s.db.AgendaHolders(r.Context(), back.ID); err == nil {
		s.mailAgendaHolders(r.Context(), p.EventID, p.Zone(), holders, back, sessionBack)
	}
	q := url.Values{"done": {"restored"}, "title": {p.Tx(back.Title)}, "saved": {strconv.Itoa(n)}}
	return programmeDone(w, r, p.EventID, q, fmt.Sprintf("session-%d", back.ID))
}

func (s *Server) handleCreateSpeaker(w http.ResponseWriter, r *http.Request) error {
	p, err := s.programmePage(r)
	if err != nil {
		return err
	}
	f := &p.Speaker
	f.Name, f.Title = r.PostFormValue("name"), textField(r, "title")
	f.OrgID, _ = strconv.ParseInt(r.PostFormValue("org"), 10, 64)
	sp := event.Speaker{EventID: p.EventID, Name: f.Name, Title: f.Title, OrgID: f.OrgID}
	err = sp.Validate()
	if err == nil && f.OrgID != 0 && !hasOrg(p.Orgs, f.OrgID) {
		err = &apperr.Error{Code: apperr.Invalid, Message: "Some fields are not valid.", Fields: map[string]string{"org_id": "names no organization"}}
	}
	if err == nil {
		err = s.db.CreateSpeaker(r.Context(), &sp)
	}
	if err != nil {
		return s.programmeFail(w, p, "speaker", err)
	}
	return programmeDone(w, r, p.EventID, url.Values{"done": {"speaker"}}, "new-session")
}

func hasOrg(list []OrgOption, id int64) bool {
	for _, o := range list {
		if o.ID == id {
			return true
		}
	}
	return false
}

func (s *Server) handleCreateRoom(w http.ResponseWriter, r *http.Request) error {
	p, err := s.programmePage(r)
	if err != nil {
		return err
	}
	f := &p.Room
	f.Name, f.Capacity = textField(r, "name"), strings.TrimSpace(r.PostFormValue("capacity"))
	rm := event.Room{EventID: p.EventID, Name: f.Name}
	fields := apperr.Fields{}
	if f.Capacity != "" {
		n, err := strconv.Atoi(f.Capacity)
		if err != nil {
			fields.Add("capacity", "must be a whole number")
		}
		rm.Capacity = n
	}
	if err := rm.Validate(); err != nil {
		var ae *apperr.Error
		if errors.As(err, &ae) {
			for k, v := range ae.Fields {
				fields.Add(k, v)
			}
		}
	}
	rooms, err := s.db.Rooms(r.Context(), p.EventID)
	if err != nil {
		return err
	}
	if sameName(rooms, rm.Name) {
		fields.Add("name", "is the name of another room")
	}
	err = fields.Err()
	if err == nil {
		err = s.db.CreateRoom(r.Context(), &rm)
	}
	if err != nil {
		return s.programmeFail(w, p, "room", err)
	}
	return programmeDone(w, r, p.EventID, url.Values{"done": {"room"}}, "new-session")
}

// handleSaveTrack names a track in the three languages, or renames it.
// handleDeleteTrack removes a track's names when no session carries it.
func (s *Server) handleDeleteTrack(w http.ResponseWriter, r *http.Request) error {
	p, err := s.programmePage(r)
	if err != nil {
		return err
	}
	err = s.db.DeleteTrack(r.Context(), p.EventID, r.PostFormValue("key"))
	if code := apperr.CodeOf(err); code == apperr.Conflict || code == apperr.NotFound {
		var ae *apperr.Error
		errors.As(err, &ae)
		p.Form = "track"
		p.Message, _ = p.reason(ae.Message)
		status := http.StatusConflict
		if code == apperr.NotFound {
			status = http.StatusNotFound
		}
		return s.render(w, status, "programme", p)
	}
	if err != nil {
		return err
	}
	return programmeDone(w, r, p.EventID, url.Values{"done": {"track_deleted"}}, "tracks")
}

func (s *Server) handleSaveTrack(w http.ResponseWriter, r *http.Request) error {
	p, err := s.programmePage(r)
	if err != nil {
		return err
	}
	p.Track = event.Track{EventID: p.EventID, Key: r.PostFormValue("key"), Name: textField(r, "name")}
	t := p.Track
	err = t.Validate()
	if err == nil {
		err = s.db.SaveTrack(r.Context(), &t)
	}
	if err != nil {
		return s.programmeFail(w, p, "track", err)
	}
	return programmeDone(w, r, p.EventID, url.Values{"done": {"track"}}, "tracks")
}
