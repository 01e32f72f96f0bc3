package exhibit

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"ketnoi/internal/allocate"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/textsearch"
)

// Candidate is an approved exhibitor to place, with its application when it
// applied through the platform (exhibitors added by organizers have none).
type Candidate struct {
	Exhibitor event.ExhibitorView
	App       *Application
}

// ExhibitorKey is an exhibitor's id in an allocation problem.
func ExhibitorKey(id int64) string { return "x" + strconv.FormatInt(id, 10) }

// ParseExhibitorKey reads an id written by ExhibitorKey.
func ParseExhibitorKey(k string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(k, "x"), 10, 64)
	return id, err == nil && strings.HasPrefix(k, "x") && id > 0
}

// DefaultArea is what an exhibitor without an application and without a
// booth is taken to want: one 3×3 m shell booth.
const DefaultArea = 9.0

// BuildProblem turns an event's halls, booths and approved exhibitors into
// an allocation problem. Booths already assigned to a candidate lock it
// there (confirmed assignments), unless the organizer's proposal locks
// (exhibitor id → booth codes) say otherwise; booths assigned to anybody
// else are blocked.
func BuildProblem(halls []event.Hall, booths []event.Booth, cands []Candidate, proposalLocks map[int64][]string) allocate.Problem {
	p := allocate.Problem{Settings: allocate.Settings{TimeLimitMS: 3000}}
	hallCode := map[int64]string{}
	for _, h := range halls {
		hallCode[h.ID] = h.Code
		p.Halls = append(p.Halls, allocate.Hall{ID: h.Code, Name: h.Name.In(i18n.EN)})
	}
	isCand := map[int64]bool{}
	for _, c := range cands {
		isCand[c.Exhibitor.ID] = true
	}
	claimed := map[string]bool{} // booths held by a proposal lock
	for _, codes := range proposalLocks {
		for _, c := range codes {
			claimed[c] = true
		}
	}
	confirmed := map[int64][]string{}
	area := map[int64]float64{}
	typ := map[int64]string{}
	codes := map[string]bool{}
	for _, b := range booths {
		ab := allocate.Booth{Code: b.Code, Hall: hallCode[b.HallID], X: b.X, Y: b.Y, W: b.W, H: b.H,
			Type: string(b.Type), Zone: b.Zone, Price: b.PriceVND, Status: allocate.StatusFree}
		codes[b.Code] = true
		switch {
		case b.Status == event.Blocked:
			ab.Status = allocate.StatusBlocked
		case b.ExhibitorID != 0 && !isCand[b.ExhibitorID]:
			ab.Status = allocate.StatusBlocked
		case b.ExhibitorID != 0:
			area[b.ExhibitorID] += b.Area()
			typ[b.ExhibitorID] = string(b.Type)
			if _, moved := proposalLocks[b.ExhibitorID]; !moved && !claimed[b.Code] {
				confirmed[b.ExhibitorID] = append(confirmed[b.ExhibitorID], b.Code)
			}
		}
		p.Booths = append(p.Booths, ab)
	}
	keyOfName := competitorIndex(cands)
	for _, c := range cands {
		p.Exhibitors = append(p.Exhibitors, exhibitorOf(c, codes, keyOfName, area, typ))
	}
	p.Locks = locks(cands, confirmed, proposalLocks, codes)
	return p
}

func exhibitorOf(c Candidate, codes map[string]bool, keyOfName map[string]string, area map[int64]float64, typ map[int64]string) allocate.Exhibitor {
	x := c.Exhibitor
	key := ExhibitorKey(x.ID)
	e := allocate.Exhibitor{ID: key, Name: x.Org.Name.In(i18n.EN), Status: allocate.ExhibitorApproved,
		Type: string(event.Shell), Area: DefaultArea, Pavilion: x.Pavilion}
	if len(x.Org.Sectors) > 0 {
		e.Sector = x.Org.Sectors[0]
	}
	if a := area[x.ID]; a > 0 {
		e.Area, e.Type = a, typ[x.ID]
	}
	if a := c.App; a != nil {
		e.Type, e.Area, e.Sector, e.PreferredZone = a.BoothType, a.Area, a.Sector, a.Zone
		if a.Pavilion != "" {
			e.Pavilion = a.Pavilion
		}
		for _, code := range a.Preferred {
			if codes[code] && len(e.Preferred) < MaxPreferred {
				e.Preferred = append(e.Preferred, code)
			}
		}
		for _, name := range a.Competitors {
			if k, ok := keyOfName[textsearch.Fold(name)]; ok && k != key {
				e.Competitors = append(e.Competitors, k)
			}
		}
	}
	return e
}

// competitorIndex maps every name of every candidate, folded, to its key,
// so that "Daesung Robotics" or "daesung robotics" finds the exhibitor.
func competitorIndex(cands []Candidate) map[string]string {
	out := map[string]string{}
	for _, c := range cands {
		n := c.Exhibitor.Org.Name
		for _, s := range []string{n.VI, n.EN, n.KO} {
			if s != "" {
				out[textsearch.Fold(strings.TrimSpace(s))] = ExhibitorKey(c.Exhibitor.ID)
			}
		}
	}
	return out
}

func locks(cands []Candidate, confirmed, proposal map[int64][]string, codes map[string]bool) []allocate.Lock {
	var out []allocate.Lock
	for _, c := range cands {
		id := c.Exhibitor.ID
		bs, ok := proposal[id]
		if !ok {
			bs = confirmed[id]
		}
		var valid []string
		for _, b := range bs {
			if codes[b] {
				valid = append(valid, b)
			}
		}
		if len(valid) > 0 {
			sort.Strings(valid)
			out = append(out, allocate.Lock{Exhibitor: ExhibitorKey(id), Booths: valid})
		}
	}
	return out
}

// Proposal is an allocation being prepared by the organizers: the solver's
// placements, the organizer's locks and moves, and who is left out.
type Proposal struct {
	Placements []allocate.Placement `json:"placements"`
	Unplaced   []allocate.Unplaced  `json:"unplaced"`
	Objective  allocate.Objective   `json:"objective"`
	// Warnings are the hard constraints that manual moves broke; confirming
	// is still allowed, since organizers may know better.
	Warnings []string `json:"warnings,omitempty"`
}

// Locks returns the organizer's locked placements, for the next run.
func (p *Proposal) Locks() map[int64][]string {
	out := map[int64][]string{}
	for _, pl := range p.Placements {
		if id, ok := ParseExhibitorKey(pl.Exhibitor); ok && pl.Locked {
			out[id] = pl.Booths
		}
	}
	return out
}

// BoothOwner maps each booth code of the proposal to its exhibitor id.
func (p *Proposal) BoothOwner() map[string]int64 {
	out := map[string]int64{}
	for _, pl := range p.Placements {
		if id, ok := ParseExhibitorKey(pl.Exhibitor); ok {
			for _, b := range pl.Booths {
				out[b] = id
			}
		}
	}
	return out
}

// SetLock locks or unlocks one exhibitor's placement.
func (p *Proposal) SetLock(exhibitorID int64, locked bool) error {
	key := ExhibitorKey(exhibitorID)
	for i := range p.Placements {
		if p.Placements[i].Exhibitor == key {
			p.Placements[i].Locked = locked
			return nil
		}
	}
	return fmt.Errorf("exhibitor %d has no booth in the proposal", exhibitorID)
}

// Move puts an exhibitor on the given booths and locks it there. Whoever
// stood on those booths loses them and is listed as unplaced, moved by the
// organizer.
func (p *Proposal) Move(exhibitorID int64, booths []string, reason string) {
	key := ExhibitorKey(exhibitorID)
	take := map[string]bool{}
	for _, b := range booths {
		take[b] = true
	}
	var kept []allocate.Placement
	for _, pl := range p.Placements {
		if pl.Exhibitor == key {
			continue
		}
		lost := false
		for _, b := range pl.Booths {
			lost = lost || take[b]
		}
		if lost {
			p.Unplaced = append(p.Unplaced, allocate.Unplaced{Exhibitor: pl.Exhibitor, Reason: reason})
			continue
		}
		kept = append(kept, pl)
	}
	var unplaced []allocate.Unplaced
	for _, u := range p.Unplaced {
		if u.Exhibitor != key {
			unplaced = append(unplaced, u)
		}
	}
	sorted := append([]string(nil), booths...)
	sort.Strings(sorted)
	p.Placements = append(kept, allocate.Placement{Exhibitor: key, Booths: sorted, Locked: true, Preference: "manual"})
	p.Unplaced = unplaced
	sort.Slice(p.Placements, func(i, j int) bool { return p.Placements[i].Exhibitor < p.Placements[j].Exhibitor })
}
