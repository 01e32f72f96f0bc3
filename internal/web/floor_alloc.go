package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/allocate"
	"ketnoi/internal/apperr"
	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/store"
)

// allocTimeLimit bounds one allocation run in the console.
const allocTimeLimit = 8 * time.Second

// AllocPage is the allocation console: the proposal on the plan, the
// placements with their locks, who is left out and why.
type AllocPage struct {
	Page
	Event      event.Event
	Halls      []event.Hall
	Plan       PlanView
	Proposal   *exhibit.Proposal
	At         time.Time
	Rows       []AllocRow
	Unplaced   []AllocRow
	Candidates []AllocRow // every approved exhibitor, for the move form
	Issues     []string
	Message    string
	Confirmed  int
	Done       string // what the last action did, said back
}

// AllocRow is an exhibitor of the proposal.
type AllocRow struct {
	ExhibitorID int64
	Name        string
	Booths      []string
	Preference  string
	Locked      bool
	Reason      string
}

// allocInput is everything the allocation is built from.
type allocInput struct {
	halls  []event.Hall
	booths []event.Booth
	cands  []exhibit.Candidate
	names  map[int64]store.ExhibitorName
}

func (s *Server) allocInput(ctx context.Context, eventID int64) (allocInput, error) {
	var in allocInput
	var err error
	if in.halls, err = s.db.Halls(ctx, eventID); err != nil {
		return in, err
	}
	if in.booths, err = s.db.EventBooths(ctx, eventID, 0); err != nil {
		return in, err
	}
	if in.names, err = s.db.ExhibitorNames(ctx, eventID); err != nil {
		return in, err
	}
	xs, _, err := s.db.Exhibitors(ctx, eventID, store.ExhibitorFilter{Status: string(event.Approved), Limit: 1 << 30})
	if err != nil {
		return in, err
	}
	apps, err := s.db.ApplicationsByExhibitor(ctx, eventID)
	if err != nil {
		return in, err
	}
	for _, x := range xs {
		c := exhibit.Candidate{Exhibitor: x}
		if a, ok := apps[x.ID]; ok {
			c.App = &a
		}
		in.cands = append(in.cands, c)
	}
	return in, nil
}

func (s *Server) loadProposal(ctx context.Context, eventID int64) (*exhibit.Proposal, time.Time, error) {
	body, at, ok, err := s.db.Proposal(ctx, eventID)
	if err != nil || !ok {
		return nil, at, err
	}
	var p exhibit.Proposal
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		return nil, at, fmt.Errorf("stored proposal: %w", err)
	}
	return &p, at, nil
}

func (s *Server) saveProposal(ctx context.Context, eventID int64, p *exhibit.Proposal) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.db.SaveProposal(ctx, eventID, string(b))
}

func (s *Server) handleAllocation(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	p, err := s.allocPage(r, e, r.URL.Query().Get("hall"))
	if err != nil {
		return err
	}
	p.Confirmed, _ = strconv.Atoi(r.URL.Query().Get("confirmed"))
	if done := r.URL.Query().Get("done"); done != "" && p.T("floor.alloc.done."+done) != "floor.alloc.done."+done {
		p.Done = p.T("floor.alloc.done." + done)
	}
	return s.render(w, http.StatusOK, "floor_alloc", p)
}

func (s *Server) allocPage(r *http.Request, e event.Event, hallCode string) (AllocPage, error) {
	ctx := r.Context()
	p := AllocPage{Page: s.page(r, ""), Event: e}
	p.Title = p.T("floor.alloc.title") + " · " + p.Tx(e.Name)
	in, err := s.allocInput(ctx, e.ID)
	if err != nil {
		return p, err
	}
	p.Halls = in.halls
	if p.Proposal, p.At, err = s.loadProposal(ctx, e.ID); err != nil {
		return p, err
	}
	name := func(id int64) string { return in.names[id].Name.In(p.Lang) }
	for _, c := range in.cands {
		p.Candidates = append(p.Candidates, AllocRow{ExhibitorID: c.Exhibitor.ID, Name: name(c.Exhibitor.ID), Booths: c.Exhibitor.Booths})
	}
	sort.Slice(p.Candidates, func(i, j int) bool { return p.Candidates[i].Name < p.Candidates[j].Name })
	if p.Proposal != nil {
		p.Rows, p.Unplaced = proposalRows(p.Proposal, name)
	}
	if len(in.halls) == 0 {
		return p, nil
	}
	h, err := pickHall(in.halls, hallCode)
	if err != nil {
		return p, err
	}
	if p.Plan, _, err = s.planData(r, e.ID, h, p.Lang); err != nil {
		return p, err
	}
	if p.Proposal != nil {
		overlayProposal(&p.Plan, p.Proposal, in, name)
	}
	return p, nil
}

func proposalRows(pr *exhibit.Proposal, name func(int64) string) (rows, unplaced []AllocRow) {
	for _, pl := range pr.Placements {
		id, _ := exhibit.ParseExhibitorKey(pl.Exhibitor)
		rows = append(rows, AllocRow{ExhibitorID: id, Name: name(id), Booths: pl.Booths, Preference: pl.Preference, Locked: pl.Locked})
	}
	for _, u := range pr.Unplaced {
		id, _ := exhibit.ParseExhibitorKey(u.Exhibitor)
		unplaced = append(unplaced, AllocRow{ExhibitorID: id, Name: name(id), Reason: u.Reason})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Name < rows[j].Name })
	return rows, unplaced
}

// overlayProposal draws the proposal instead of the stored assignments of
// the exhibitors it places.
func overlayProposal(v *PlanView, pr *exhibit.Proposal, in allocInput, name func(int64) string) {
	owner := pr.BoothOwner()
	locked := pr.Locks()
	isCand := map[int64]bool{}
	for _, c := range in.cands {
		isCand[c.Exhibitor.ID] = true
	}
	for i := range v.Booths {
		b := &v.Booths[i]
		if id, ok := owner[b.Code]; ok {
			b.ExhibitorID, b.Name, b.Sector, b.Proposed = id, name(id), in.names[id].Sector, true
			b.Status = event.Held
			_, b.Locked = locked[id]
			continue
		}
		if isCand[b.ExhibitorID] {
			b.ExhibitorID, b.Name, b.Status = 0, "", event.Free
		}
	}
}

func (s *Server) handleAllocationAction(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	op := r.PostFormValue("op")
	hall := r.PostFormValue("hall")
	var issues []string
	confirmed := 0
	switch op {
	case "run":
		issues, err = s.runAllocation(r.Context(), e.ID)
	case "move", "lock", "unlock":
		issues, err = s.editProposal(r, e.ID, op)
	case "confirm":
		confirmed, err = s.confirmAllocation(r.Context(), e.ID)
	case "discard":
		err = s.db.DeleteProposal(r.Context(), e.ID)
	default:
		err = apperr.Fields{"op": "must be run, move, lock, unlock, confirm or discard"}.Err()
	}
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code != apperr.Internal {
		p, perr := s.allocPage(r, e, hall)
		if perr != nil {
			return perr
		}
		p.Message, p.Issues = ae.Message, issues
		p.Message, _ = p.reason(ae.Message)
		if ae.Code == apperr.Invalid {
			p.Message = p.T("form.fix")
		}
		// A field's message follows the label the form gives it.
		for k, v := range translateFields(p.Page, ae.Fields) {
			label := p.T("floor.alloc." + k)
			if label == "floor.alloc."+k {
				label = k
			}
			p.Issues = append(p.Issues, label+": "+v)
		}
		return s.render(w, http.StatusUnprocessableEntity, "floor_alloc", p)
	}
	if err != nil {
		return err
	}
	url := fmt.Sprintf("/console/events/%d/allocation?hall=%s", e.ID, hall)
	switch op {
	case "confirm":
		url += "&confirmed=" + strconv.Itoa(confirmed)
	case "run", "move", "lock", "unlock", "discard":
		url += "&done=" + op // the notice of what was done
	}
	http.Redirect(w, r, url, http.StatusSeeOther)
	return nil
}

// runAllocation solves the event's allocation, keeping the confirmed
// assignments and the organizer's locks, and stores the proposal.
func (s *Server) runAllocation(ctx context.Context, eventID int64) ([]string, error) {
	in, err := s.allocInput(ctx, eventID)
	if err != nil {
		return nil, err
	}
	if len(in.cands) == 0 {
		return nil, apperr.Errorf(apperr.Conflict, "No exhibitor is approved yet: there is nothing to allocate.")
	}
	var locks map[int64][]string
	if old, _, err := s.loadProposal(ctx, eventID); err != nil {
		return nil, err
	} else if old != nil {
		locks = old.Locks()
	}
	prob := exhibit.BuildProblem(in.halls, in.booths, in.cands, locks)
	ctx, cancel := context.WithTimeout(ctx, allocTimeLimit)
	defer cancel()
	a, err := allocate.Solve(ctx, prob, allocate.Options{Seed: 1, TimeLimit: 3 * time.Second})
	var pe *allocate.ProblemError
	if errors.As(err, &pe) {
		return pe.Issues, apperr.Errorf(apperr.Conflict, "The allocation cannot start: the locks or the applications contradict each other.")
	}
	if err != nil {
		return nil, fmt.Errorf("allocate: %w", err)
	}
	return nil, s.saveProposal(ctx, eventID, &exhibit.Proposal{Placements: a.Placements, Unplaced: a.Unplaced, Objective: a.Objective})
}

// editProposal moves, locks or unlocks one exhibitor in the proposal and
// records which hard constraints a manual move breaks.
func (s *Server) editProposal(r *http.Request, eventID int64, op string) ([]string, error) {
	ctx := r.Context()
	pr, _, err := s.loadProposal(ctx, eventID)
	if err != nil {
		return nil, err
	}
	if pr == nil {
		return nil, apperr.Errorf(apperr.Conflict, "Run the allocation first.")
	}
	xid, err := strconv.ParseInt(r.PostFormValue("exhibitor"), 10, 64)
	if err != nil {
		return nil, apperr.Fields{"exhibitor": "must be chosen"}.Err()
	}
	in, err := s.allocInput(ctx, eventID)
	if err != nil {
		return nil, err
	}
	if !isCandidate(in.cands, xid) {
		return nil, apperr.Fields{"exhibitor": "is not an approved exhibitor of this event"}.Err()
	}
	switch op {
	case "lock", "unlock":
		if err := pr.SetLock(xid, op == "lock"); err != nil {
			return nil, apperr.Wrap(apperr.Conflict, err, "This exhibitor has no booth in the proposal.")
		}
	case "move":
		booths, err := movedBooths(r.PostFormValue("booths"), in.booths)
		if err != nil {
			return nil, err
		}
		pr.Move(xid, booths, "moved by the organizer")
		pr.Warnings = checkProposal(in, pr)
	}
	return nil, s.saveProposal(ctx, eventID, pr)
}

func isCandidate(cands []exhibit.Candidate, id int64) bool {
	for _, c := range cands {
		if c.Exhibitor.ID == id {
			return true
		}
	}
	return false
}

// movedBooths reads booth codes separated by spaces or commas, each of the
// event and not blocked.
func movedBooths(s string, booths []event.Booth) ([]string, error) {
	byCode := map[string]event.Booth{}
	for _, b := range booths {
		byCode[strings.ToUpper(b.Code)] = b
	}
	var out []string
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		b, ok := byCode[strings.ToUpper(c)]
		if !ok {
			return nil, apperr.Fields{"booths": "names a booth that does not exist: " + c}.Err()
		}
		if b.Status == event.Blocked {
			return nil, apperr.Fields{"booths": "names a blocked booth: " + c}.Err()
		}
		out = append(out, b.Code)
	}
	if len(out) == 0 || len(out) > allocate.DefaultMaxBooths {
		return nil, apperr.Fields{"booths": "must name 1 to 6 booths"}.Err()
	}
	return out, nil
}

// checkProposal lists the hard constraints the proposal breaks (after a
// manual move); the objective's bookkeeping is not a constraint.
func checkProposal(in allocInput, pr *exhibit.Proposal) []string {
	prob := exhibit.BuildProblem(in.halls, in.booths, in.cands, pr.Locks())
	err := allocate.Check(prob, allocate.Allocation{Placements: pr.Placements, Unplaced: pr.Unplaced, Objective: pr.Objective})
	if err == nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(err.Error(), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.Contains(line, "objective") && !strings.HasPrefix(line, "invalid problem") {
			out = append(out, line)
		}
	}
	return out
}

// confirmAllocation writes the proposal's assignments in one transaction.
func (s *Server) confirmAllocation(ctx context.Context, eventID int64) (int, error) {
	pr, _, err := s.loadProposal(ctx, eventID)
	if err != nil {
		return 0, err
	}
	if pr == nil {
		return 0, apperr.Errorf(apperr.Conflict, "There is no proposal to confirm.")
	}
	in, err := s.allocInput(ctx, eventID)
	if err != nil {
		return 0, err
	}
	owners := pr.BoothOwner()
	var ids []int64
	for _, c := range in.cands {
		ids = append(ids, c.Exhibitor.ID)
	}
	for code, id := range owners {
		if !isCandidate(in.cands, id) {
			delete(owners, code) // no longer approved since the proposal
		}
	}
	n, err := s.db.ConfirmAllocation(ctx, eventID, owners, ids)
	if err == nil {
		s.floor().catalog.Forget(eventID)
	}
	return n, err
}
