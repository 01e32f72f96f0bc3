package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/store"
)

// CheckinSetupPage is the organizer's console for check-in lists, gates
// and gate staff. Editing a list uses the same page with Editing set.
type CheckinSetupPage struct {
	Page
	EventID    int64
	EventName  string
	Lists      []ListView
	Staff      []store.StaffMember
	Rooms      []RoomOption
	Categories []event.Category
	Days       []string
	Rules      []checkin.Rule
	List       ListForm // the list being created or edited
	Gate       GateForm
	StaffEmail string
	Editing    bool
	// Form names the form whose Message and Fields are shown: list, gate
	// or staff.
	Form    string
	Message string
	Fields  map[string]string
	Saved   bool
}

// ListView is a list with who is inside now and its gates.
type ListView struct {
	checkin.List
	Inside   int
	RoomName string
	Gates    []GateGroup
}

// GateGroup is one gate: its scan points share a name and a hall.
type GateGroup struct {
	Name   string
	Hall   string
	Points []checkin.Gate
}

// RoomOption is a forum room a list may count.
type RoomOption struct {
	ID       int64
	Name     string
	Capacity int
}

// ListForm is the list form as typed.
type ListForm struct {
	ID         int64
	Name       string
	Categories map[string]bool
	Days       map[string]bool
	Rule       checkin.Rule
	RoomID     int64
	Capacity   string
}

// GateForm is the gate form as typed.
type GateForm struct {
	Name   string
	Hall   string
	ListID int64
	Codes  string
}

func (s *Server) setupPage(r *http.Request) (CheckinSetupPage, error) {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return CheckinSetupPage{}, err
	}
	p := CheckinSetupPage{Page: s.page(r, ""), EventID: e.ID, Categories: event.Categories, Days: e.Days(),
		Rules: []checkin.Rule{checkin.OnceTotal, checkin.OncePerDay, checkin.Reentry}, Fields: map[string]string{}}
	p.EventName = p.Tx(e.Name)
	p.Title = p.T("gates.setup.title") + " · " + p.EventName
	p.List = ListForm{Rule: checkin.OncePerDay, Categories: map[string]bool{}, Days: map[string]bool{}}
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
	lists, err := s.db.CheckinLists(ctx, e.ID)
	if err != nil {
		return p, err
	}
	gates, err := s.db.Gates(ctx, e.ID)
	if err != nil {
		return p, err
	}
	today, err := s.checkin().scans.Today(ctx, e.ID)
	if err != nil {
		return p, err
	}
	inside, err := s.db.InsideNow(ctx, e.ID, today)
	if err != nil {
		return p, err
	}
	for _, l := range lists {
		p.Lists = append(p.Lists, ListView{List: l, Inside: inside[l.ID], RoomName: roomName[l.RoomID], Gates: groupGates(gates, l.ID)})
	}
	if len(lists) > 0 {
		p.Gate.ListID = lists[0].ID
	}
	p.Staff, err = s.db.ScannerStaff(ctx, e.ID)
	return p, err
}

// groupGates gathers a list's scan points into gates by name and hall, in
// the order of their codes.
func groupGates(gates []checkin.Gate, listID int64) []GateGroup {
	var out []GateGroup
	at := map[[2]string]int{}
	for _, g := range gates {
		if g.ListID != listID {
			continue
		}
		k := [2]string{g.Name, g.Hall}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, GateGroup{Name: g.Name, Hall: g.Hall})
		}
		out[i].Points = append(out[i].Points, g)
	}
	return out
}

func (s *Server) handleCheckinSetup(w http.ResponseWriter, r *http.Request) error {
	p, err := s.setupPage(r)
	if err != nil {
		return err
	}
	p.Saved = r.URL.Query().Get("saved") != ""
	return s.render(w, http.StatusOK, "checkin_setup", p)
}

// formFail shows a refused form again with its messages; anything but a
// validation error or a conflict is a real failure.
func (s *Server) formFail(w http.ResponseWriter, p CheckinSetupPage, form string, err error) error {
	var ae *apperr.Error
	if !errors.As(err, &ae) || (ae.Code != apperr.Invalid && ae.Code != apperr.Conflict && ae.Code != apperr.NotFound) {
		return err
	}
	p.Form, p.Message = form, p.T("gates.form.fix")
	for field, msg := range ae.Fields {
		if code, ok := strings.CutPrefix(msg, "is taken: "); ok {
			p.Fields[field] = p.T("gates.err.taken", code)
		} else {
			p.Fields[field] = p.T("gates.err." + field)
		}
	}
	if len(ae.Fields) == 0 {
		p.Message = p.T("gates.err.conflict")
	}
	return s.render(w, http.StatusUnprocessableEntity, "checkin_setup", p)
}

func (s *Server) setupDone(w http.ResponseWriter, r *http.Request, eventID int64, anchor string) error {
	http.Redirect(w, r, fmt.Sprintf("/console/events/%d/checkin/lists?saved=1#%s", eventID, anchor), http.StatusSeeOther)
	return nil
}

// readListForm reads the list form into p.List and the list it describes.
func readListForm(r *http.Request, p *CheckinSetupPage) (checkin.List, error) {
	f := &p.List
	f.Name = r.PostFormValue("name")
	f.Rule = checkin.Rule(r.PostFormValue("rule"))
	f.Capacity = strings.TrimSpace(r.PostFormValue("capacity"))
	f.Categories, f.Days = map[string]bool{}, map[string]bool{}
	l := checkin.List{ID: f.ID, EventID: p.EventID, Name: f.Name, Rule: f.Rule, Categories: []string{}, Days: []string{}}
	for _, c := range r.PostForm["categories"] {
		f.Categories[c] = true
		l.Categories = append(l.Categories, c)
	}
	for _, d := range r.PostForm["days"] {
		f.Days[d] = true
		l.Days = append(l.Days, d)
	}
	fields := apperr.Fields{}
	if v := r.PostFormValue("room"); v != "" && v != "0" {
		id, err := strconv.ParseInt(v, 10, 64)
		for _, rm := range p.Rooms {
			if err == nil && rm.ID == id {
				f.RoomID, l.RoomID = id, id
			}
		}
		if l.RoomID == 0 {
			fields.Add("room", "is not a room of this event")
		}
	}
	if f.Capacity != "" {
		n, err := strconv.Atoi(f.Capacity)
		if err != nil || n < 0 || n > 1_000_000 {
			fields.Add("capacity", "must be a whole number")
		}
		l.Capacity = n
	}
	days := map[string]bool{}
	for _, d := range p.Days {
		days[d] = true
	}
	for _, d := range l.Days {
		if !days[d] {
			fields.Add("days", "must be days of the event")
		}
	}
	if err := l.Validate(); err != nil {
		var ae *apperr.Error
		if errors.As(err, &ae) {
			for k, v := range ae.Fields {
				fields.Add(k, v)
			}
		}
	}
	return l, fields.Err()
}

func (s *Server) handleCreateListForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.setupPage(r)
	if err != nil {
		return err
	}
	l, err := readListForm(r, &p)
	if err == nil {
		err = s.db.CreateCheckinList(r.Context(), &l)
	}
	if err != nil {
		return s.formFail(w, p, "list", err)
	}
	return s.setupDone(w, r, p.EventID, fmt.Sprintf("list-%d", l.ID))
}

// editPage is the setup page showing one list's form filled in.
func (s *Server) editPage(r *http.Request) (CheckinSetupPage, error) {
	p, err := s.setupPage(r)
	if err != nil {
		return p, err
	}
	l, err := inEvent(r, "list", s.db.CheckinList)
	if err != nil {
		return p, err
	}
	p.Editing = true
	p.Title = p.T("gates.list.edit") + " · " + l.Name
	p.List = ListForm{ID: l.ID, Name: l.Name, Rule: l.Rule, RoomID: l.RoomID, Categories: map[string]bool{}, Days: map[string]bool{}}
	if l.Capacity > 0 {
		p.List.Capacity = strconv.Itoa(l.Capacity)
	}
	for _, c := range l.Categories {
		p.List.Categories[c] = true
	}
	for _, d := range l.Days {
		p.List.Days[d] = true
	}
	return p, nil
}

func (s *Server) handleEditList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.editPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "checkin_setup", p)
}

func (s *Server) handleUpdateList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.editPage(r)
	if err != nil {
		return err
	}
	l, err := readListForm(r, &p)
	if err == nil {
		err = s.db.UpdateCheckinList(r.Context(), &l)
	}
	if err != nil {
		return s.formFail(w, p, "list", err)
	}
	return s.setupDone(w, r, p.EventID, fmt.Sprintf("list-%d", l.ID))
}

// maxPoints bounds the scan points added with one gate.
const maxPoints = 50

// handleCreateGate adds a gate: its scan point codes, separated by
// spaces or commas, share its name, hall and list.
func (s *Server) handleCreateGate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.setupPage(r)
	if err != nil {
		return err
	}
	g := &p.Gate
	g.Name, g.Hall, g.Codes = strings.TrimSpace(r.PostFormValue("name")), strings.TrimSpace(r.PostFormValue("hall")), r.PostFormValue("codes")
	g.ListID, _ = strconv.ParseInt(r.PostFormValue("list"), 10, 64)
	codes := strings.FieldsFunc(g.Codes, func(c rune) bool { return c == ',' || c == ';' || c == ' ' || c == '\n' || c == '\r' || c == '\t' })
	fields := apperr.Fields{}
	if len(codes) == 0 || len(codes) > maxPoints {
		fields.Add("codes", "one to 50 codes")
	}
	if g.Name == "" {
		fields.Add("name", "is required")
	}
	seen := map[string]bool{}
	var gates []checkin.Gate
	for _, c := range codes {
		gt := checkin.Gate{EventID: p.EventID, Code: c, Name: g.Name, Hall: g.Hall, ListID: g.ListID}
		if err := gt.Validate(); err != nil {
			var ae *apperr.Error
			if errors.As(err, &ae) {
				for k, v := range ae.Fields {
					if k == "list_id" {
						k = "list"
					}
					if k == "code" {
						k = "codes"
					}
					fields.Add(k, v)
				}
			}
		}
		if seen[strings.ToLower(c)] {
			fields.Add("codes", "is taken: "+c)
		}
		seen[strings.ToLower(c)] = true
		gates = append(gates, gt)
	}
	err = fields.Err()
	if err == nil {
		err = s.db.CreateGates(r.Context(), gates)
	}
	if apperr.Is(err, apperr.NotFound) {
		err = &apperr.Error{Code: apperr.Invalid, Message: "No such list.", Fields: map[string]string{"list": "is not a list of this event"}}
	}
	if err != nil {
		return s.formFail(w, p, "gate", err)
	}
	return s.setupDone(w, r, p.EventID, fmt.Sprintf("list-%d", g.ListID))
}

func (s *Server) handleDeleteGate(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	id, err := pathID(r, "gate")
	if err != nil {
		return err
	}
	if err := s.db.DeleteGate(r.Context(), ev, id); err != nil && !apperr.Is(err, apperr.NotFound) {
		return err
	}
	return s.setupDone(w, r, ev, "lists")
}

func (s *Server) handleAddStaff(w http.ResponseWriter, r *http.Request) error {
	p, err := s.setupPage(r)
	if err != nil {
		return err
	}
	p.StaffEmail = strings.TrimSpace(r.PostFormValue("email"))
	email, err := account.NormalizeEmail(p.StaffEmail)
	if err != nil {
		return s.formFail(w, p, "staff", &apperr.Error{Code: apperr.Invalid, Fields: map[string]string{"email": "invalid"}})
	}
	person, err := s.db.PersonByEmail(r.Context(), email)
	if apperr.Is(err, apperr.NotFound) {
		return s.formFail(w, p, "staff", &apperr.Error{Code: apperr.Invalid, Fields: map[string]string{"email_unknown": "no account"}})
	}
	if err != nil {
		return err
	}
	if err := s.db.AddScannerStaff(r.Context(), p.EventID, person.ID); apperr.Is(err, apperr.Conflict) {
		return s.formFail(w, p, "staff", &apperr.Error{Code: apperr.Conflict, Fields: map[string]string{"email_role": "has a role"}})
	} else if err != nil {
		return err
	}
	return s.setupDone(w, r, p.EventID, "staff")
}

func (s *Server) handleRemoveStaff(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	person, err := pathID(r, "person")
	if err != nil {
		return err
	}
	if err := s.db.RemoveScannerStaff(r.Context(), ev, person); err != nil {
		return err
	}
	return s.setupDone(w, r, ev, "staff")
}
