package meeting

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/schedule"
)

// PlanInput is what the scheduler is run over: an event's slots, tables,
// booths, availability and its accepted and scheduled meetings.
type PlanInput struct {
	Slots  []Slot
	Tables int
	// Booths lists, per organization, the codes of its booths at the event.
	Booths map[int64][]string
	// Unavailable lists, per organization, the slot ids it cannot meet in.
	Unavailable map[int64][]string
	// Meetings are the accepted and scheduled meetings; others are ignored.
	Meetings []Meeting
	// From, when set, is the time of the run: slots that have begun by
	// then are not offered, and meetings scheduled in them stay as they
	// are (held, missed or about to start: not the run's to move).
	From time.Time
}

// ChangeKind is what a run did to a meeting.
type ChangeKind string

const (
	NewlyScheduled ChangeKind = "scheduled"
	Moved          ChangeKind = "moved"
	Unplaced       ChangeKind = "unscheduled" // lost its slot: back to accepted
)

// Change is one meeting whose slot or location a run changed. Meeting holds
// the new state.
type Change struct {
	Kind        ChangeKind
	Meeting     Meeting
	OldSlot     string
	OldLocation string
}

// Left is an accepted meeting the run could not place, with the reason.
type Left struct {
	MeetingID int64
	Reason    string
}

// Outcome is the result of a scheduler run.
type Outcome struct {
	Changes   []Change
	Left      []Left
	Kept      int // scheduled meetings that kept their slot
	Objective schedule.Objective
}

func partID(org int64) string    { return "o" + strconv.FormatInt(org, 10) }
func meetingKey(id int64) string { return "m" + strconv.FormatInt(id, 10) }
func parseMeetingKey(s string) int64 {
	id, _ := strconv.ParseInt(strings.TrimPrefix(s, "m"), 10, 64)
	return id
}

// Problem turns the input into the scheduler's problem. Scheduled meetings
// are fixed to their slot and location, so that a run never moves a
// confirmed meeting, unless that place has become impossible (a side is now
// unavailable, the table was removed, another fixed meeting holds it): then
// it may move. Meetings that cannot be placed at all (no table, no booth)
// are returned as left out. With in.From set, slots that have begun are
// left out, and so are the meetings scheduled in them.
func Problem(in PlanInput) (schedule.Problem, []Left) {
	p := schedule.Problem{Objective: schedule.ObjectiveIdle}
	slotOK, begun := map[string]bool{}, map[string]bool{}
	for _, s := range in.Slots {
		if !in.From.IsZero() && !s.Starts.After(in.From) {
			begun[s.ID] = true
			continue
		}
		p.Slots = append(p.Slots, schedule.Slot{ID: s.ID, Day: s.Day, Start: s.Start, End: s.End, Session: s.Session})
		slotOK[s.ID] = true
	}
	var tables []string
	for i := 1; i <= in.Tables; i++ {
		tables = append(tables, TableID(i))
	}
	locOK := map[string]bool{}
	for _, t := range tables {
		p.Locations = append(p.Locations, schedule.Location{ID: t, Capacity: 1})
		locOK[t] = true
	}
	var left []Left
	parts := map[int64]bool{}
	usedPart := map[[2]string]bool{} // participant|slot held by a fixed meeting
	usedLoc := map[[2]string]bool{}  // location|slot
	unavail := map[int64]map[string]bool{}
	for org, ss := range in.Unavailable {
		unavail[org] = map[string]bool{}
		for _, s := range ss {
			unavail[org][s] = true
		}
	}
	// Fixed meetings first, so that the check for collisions between them
	// does not depend on the order of the list.
	ms := slices.Clone(in.Meetings)
	slices.SortStableFunc(ms, func(a, b Meeting) int {
		return boolRank(a.Status == Scheduled) - boolRank(b.Status == Scheduled)
	})
	for _, m := range ms {
		if m.Status != Accepted && m.Status != Scheduled || m.Status == Scheduled && begun[m.Slot] {
			continue
		}
		locs := tables
		if m.Place == Booth {
			if b := boothsFor(m, in.Booths); len(b) > 0 {
				locs = b
			}
		}
		if len(locs) == 0 {
			left = append(left, Left{MeetingID: m.ID, Reason: "no matchmaking table is set up for this event"})
			continue
		}
		for _, l := range locs {
			if !locOK[l] {
				p.Locations = append(p.Locations, schedule.Location{ID: l, Capacity: 1})
				locOK[l] = true
			}
		}
		sm := schedule.Meeting{ID: meetingKey(m.ID), With: []string{partID(m.FromOrg), partID(m.ToOrg)}, Locations: slices.Clone(locs)}
		if m.WantedSlot != "" && slotOK[m.WantedSlot] {
			sm.Slots = []string{m.WantedSlot}
		}
		if m.Status == Scheduled && fixable(m, sm, slotOK, unavail, usedPart, usedLoc) {
			sm.Fixed = &schedule.Fixed{Slot: m.Slot, Location: m.Location}
			usedPart[[2]string{sm.With[0], m.Slot}] = true
			usedPart[[2]string{sm.With[1], m.Slot}] = true
			usedLoc[[2]string{m.Location, m.Slot}] = true
		}
		parts[m.FromOrg], parts[m.ToOrg] = true, true
		p.Meetings = append(p.Meetings, sm)
	}
	orgs := make([]int64, 0, len(parts))
	for o := range parts {
		orgs = append(orgs, o)
	}
	slices.Sort(orgs)
	for _, o := range orgs {
		sp := schedule.Participant{ID: partID(o)}
		for _, s := range in.Unavailable[o] {
			if slotOK[s] {
				sp.Unavailable = append(sp.Unavailable, s)
			}
		}
		p.Participants = append(p.Participants, sp)
	}
	return p, left
}

func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// boothsFor returns where a booth meeting may be held: the recipient's
// booths if it exhibits, else the requester's.
func boothsFor(m Meeting, booths map[int64][]string) []string {
	codes := booths[m.ToOrg]
	if len(codes) == 0 {
		codes = booths[m.FromOrg]
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = BoothID(c)
	}
	return out
}

// fixable reports whether a scheduled meeting can keep its place.
func fixable(m Meeting, sm schedule.Meeting, slotOK map[string]bool, unavail map[int64]map[string]bool,
	usedPart, usedLoc map[[2]string]bool) bool {
	if !slotOK[m.Slot] || !slices.Contains(sm.Locations, m.Location) {
		return false
	}
	if len(sm.Slots) > 0 && !slices.Contains(sm.Slots, m.Slot) {
		return false
	}
	if unavail[m.FromOrg][m.Slot] || unavail[m.ToOrg][m.Slot] {
		return false
	}
	return !usedPart[[2]string{sm.With[0], m.Slot}] && !usedPart[[2]string{sm.With[1], m.Slot}] && !usedLoc[[2]string{m.Location, m.Slot}]
}

// Plan runs the scheduler over the input and says what changed. It does not
// store anything.
func Plan(ctx context.Context, in PlanInput, opt schedule.Options) (Outcome, error) {
	p, left := Problem(in)
	out := Outcome{Left: left}
	if len(p.Meetings) == 0 {
		return out, nil
	}
	res, err := schedule.Solve(ctx, p, opt)
	if err != nil {
		return out, fmt.Errorf("schedule: %w", err)
	}
	byID := map[int64]Meeting{}
	for _, m := range in.Meetings {
		byID[m.ID] = m
	}
	for _, a := range res.Assignments {
		m := byID[parseMeetingKey(a.Meeting)]
		if m.Status == Scheduled && m.Slot == a.Slot && m.Location == a.Location {
			out.Kept++
			continue
		}
		kind := NewlyScheduled
		if m.Status == Scheduled {
			kind = Moved
		}
		old := m
		m.Status, m.Slot, m.Location = Scheduled, a.Slot, a.Location
		out.Changes = append(out.Changes, Change{Kind: kind, Meeting: m, OldSlot: old.Slot, OldLocation: old.Location})
	}
	for _, u := range res.Unscheduled {
		m := byID[parseMeetingKey(u.Meeting)]
		out.Left = append(out.Left, Left{MeetingID: m.ID, Reason: u.Reason})
		if m.Status == Scheduled {
			old := m
			m.Status, m.Slot, m.Location = Accepted, "", ""
			out.Changes = append(out.Changes, Change{Kind: Unplaced, Meeting: m, OldSlot: old.Slot, OldLocation: old.Location})
		}
	}
	out.Objective = res.Objective
	return out, nil
}

// Store is what the scheduler service needs from the database; *store.DB
// implements it.
type Store interface {
	MatchSettings(ctx context.Context, eventID int64) (Settings, error)
	MeetingsToSchedule(ctx context.Context, eventID int64) ([]Meeting, error)
	Unavailable(ctx context.Context, eventID int64) (map[int64][]string, error)
	MeetingBooths(ctx context.Context, eventID int64) (map[int64][]string, error)
	// ApplySchedule stores the changes in one transaction, each only if the
	// meeting is still accepted or scheduled and where the run found it; it
	// returns those it applied, and writes nothing if they collide with a
	// meeting moved by hand meanwhile.
	ApplySchedule(ctx context.Context, eventID int64, changes []Change, at time.Time) ([]Change, error)
}

// ErrPlanChanged: a meeting was moved by hand while the scheduler ran,
// and the run's placements would collide with it (ApplySchedule).
var ErrPlanChanged = apperr.Errorf(apperr.Conflict, "The table plan changed while the scheduler ran (a meeting was moved by hand); nothing was changed. Please run it again.")

// RunScheduler schedules an event's accepted meetings around the scheduled
// ones and stores the result. days are the event's dates; loc its zone;
// slots that have begun by now are neither used nor changed.
func RunScheduler(ctx context.Context, st Store, eventID int64, days []string, loc *time.Location, now time.Time, opt schedule.Options) (Outcome, error) {
	in, err := LoadPlanInput(ctx, st, eventID, days, loc)
	if err != nil {
		return Outcome{}, err
	}
	in.From = now
	out, err := Plan(ctx, in, opt)
	if err != nil {
		return out, err
	}
	applied, err := st.ApplySchedule(ctx, eventID, out.Changes, now)
	if err != nil {
		return out, err
	}
	out.Changes = applied
	return out, nil
}

// LoadPlanInput reads what a run needs from the store.
func LoadPlanInput(ctx context.Context, st Store, eventID int64, days []string, loc *time.Location) (PlanInput, error) {
	set, err := st.MatchSettings(ctx, eventID)
	if err != nil {
		return PlanInput{}, err
	}
	ms, err := st.MeetingsToSchedule(ctx, eventID)
	if err != nil {
		return PlanInput{}, err
	}
	un, err := st.Unavailable(ctx, eventID)
	if err != nil {
		return PlanInput{}, err
	}
	booths, err := st.MeetingBooths(ctx, eventID)
	if err != nil {
		return PlanInput{}, err
	}
	return PlanInput{Slots: Slots(days, loc), Tables: set.Tables, Booths: booths, Unavailable: un, Meetings: ms}, nil
}
