package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"ketnoi/internal/apperr"
	"ketnoi/internal/market"
	"ketnoi/internal/org"
	"ketnoi/internal/outcome"
	"ketnoi/internal/sheet"
)

// OutcomeInput reports an outcome through the API: of a meeting
// (event_id and meeting_id) or of a card (card_id), one of the two.
type OutcomeInput struct {
	EventID   int64        `json:"event_id,omitempty"`
	MeetingID int64        `json:"meeting_id,omitempty"`
	CardID    int64        `json:"card_id,omitempty"`
	Kind      outcome.Kind `json:"kind"`
	Value     int64        `json:"value_vnd,omitempty"`
	Note      string       `json:"note,omitempty"`
}

// DisputeInput is the partner's reason.
type DisputeInput struct {
	Reason string `json:"reason"`
}

// EventOutcomes is an event's outcomes with their counts.
type EventOutcomes struct {
	Summary  outcome.Summary `json:"summary"`
	Outcomes []outcome.View  `json:"outcomes"`
}

// orgOutcomes reads the outcomes of the organization the path names.
func (o *outcomeWeb) orgOutcomes(r *http.Request) (int64, []outcome.View, error) {
	id, err := pathID(r, "org")
	if err != nil {
		return 0, nil, err
	}
	vs, err := o.s.db.OrgOutcomes(r.Context(), id)
	return id, vs, err
}

func (o *outcomeWeb) apiOrgOutcomes(w http.ResponseWriter, r *http.Request) error {
	_, vs, err := o.orgOutcomes(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, vs)
}

// apiSubject finds what the input reports on, with {org} as the only side
// it may report for; ids that name nothing the organization may report
// on are field errors.
func (o *outcomeWeb) apiSubject(r *http.Request, orgID int64, in OutcomeInput) (subject, error) {
	switch {
	case (in.MeetingID != 0) == (in.CardID != 0):
		return subject{}, apperr.Fields{"meeting_id": "give either meeting_id (with event_id) or card_id"}.Err()
	case in.MeetingID != 0:
		mv, err := o.s.db.Meeting(r.Context(), in.EventID, in.MeetingID)
		if apperr.Is(err, apperr.NotFound) || err == nil && mv.FromOrg != orgID && mv.ToOrg != orgID {
			return subject{}, apperr.Fields{"meeting_id": "names no meeting of this organization at event_id"}.Err()
		} else if err != nil {
			return subject{}, err
		}
		e, err := o.s.db.Event(r.Context(), in.EventID)
		if err != nil {
			return subject{}, err
		}
		og, err := o.s.db.Organization(r.Context(), orgID)
		if err != nil {
			return subject{}, err
		}
		return subject{event: e, meeting: &mv, sides: []org.Organization{og}, partner: map[int64]int64{orgID: mv.Other(orgID).ID}}, nil
	default:
		c, err := o.s.db.Card(r.Context(), in.CardID)
		if apperr.Is(err, apperr.NotFound) || err == nil && (c.Status != market.Published || c.OrgID == orgID) {
			return subject{}, apperr.Fields{"card_id": "names no published card of another organization"}.Err()
		} else if err != nil {
			return subject{}, err
		}
		og, err := o.s.db.Organization(r.Context(), orgID)
		if err != nil {
			return subject{}, err
		}
		return subject{card: &c, sides: []org.Organization{og}, partner: map[int64]int64{orgID: c.OrgID}}, nil
	}
}

func (o *outcomeWeb) apiReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "org")
	if err != nil {
		return err
	}
	var in OutcomeInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	sj, err := o.apiSubject(r, id, in)
	if err != nil {
		return err
	}
	out, err := o.report(r, sj, id, in.Kind, in.Value, in.Note)
	if err != nil {
		return err
	}
	v, err := o.s.db.Outcome(r.Context(), out.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, v)
}

func (o *outcomeWeb) apiOutcome(w http.ResponseWriter, r *http.Request) error {
	v, err := o.pathOutcome(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func (o *outcomeWeb) apiConfirm(w http.ResponseWriter, r *http.Request) error {
	var in struct{}
	if err := decodeOptional(r, &in); err != nil {
		return err
	}
	v, err := o.answer(r, func(out *outcome.Outcome, person int64) error { return out.Confirm(out.Partner, person) })
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func (o *outcomeWeb) apiDispute(w http.ResponseWriter, r *http.Request) error {
	var in DisputeInput
	if err := decodeOptional(r, &in); err != nil {
		return err
	}
	v, err := o.answer(r, func(out *outcome.Outcome, person int64) error {
		return out.Dispute(out.Partner, person, in.Reason)
	})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func (o *outcomeWeb) apiWithdraw(w http.ResponseWriter, r *http.Request) error {
	if _, err := o.withdraw(r); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (o *outcomeWeb) apiEventOutcomes(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	if _, err := o.s.db.Event(r.Context(), id); err != nil {
		return err
	}
	vs, err := o.s.db.EventOutcomes(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, EventOutcomes{Summary: outcome.Summarize(plainOutcomes(vs)), Outcomes: vs})
}

// handleXLSX sends an event's outcomes as a workbook in the organizer's
// language, newest first.
func (o *outcomeWeb) handleXLSX(w http.ResponseWriter, r *http.Request) error {
	e, _, err := o.s.loadEvent(r)
	if err != nil {
		return err
	}
	vs, err := o.s.db.EventOutcomes(r.Context(), e.ID)
	if err != nil {
		return err
	}
	return o.writeXLSX(w, r, vs, fmt.Sprintf("outcomes-event-%d.xlsx", e.ID))
}

// handleOrgXLSX sends an organization's outcomes as a workbook, for its
// own reports (to a funder, to the Department of Science and Technology).
func (o *outcomeWeb) handleOrgXLSX(w http.ResponseWriter, r *http.Request) error {
	id, vs, err := o.orgOutcomes(r)
	if err != nil {
		return err
	}
	return o.writeXLSX(w, r, vs, fmt.Sprintf("outcomes-org-%d.xlsx", id))
}

// writeXLSX writes outcomes as a workbook in the reader's language: values
// in whole đồng, the meeting and the card they came of.
func (o *outcomeWeb) writeXLSX(w http.ResponseWriter, r *http.Request, vs []outcome.View, name string) error {
	p := o.s.page(r, "")
	header := []string{"ID", p.T("outcome.kind"), p.T("outcome.status"), p.T("outcome.reporter"), p.T("outcome.xlsx.reporter_country"),
		p.T("outcome.partner"), p.T("outcome.xlsx.partner_country"), p.T("outcome.value"), p.T("outcome.note"), p.T("outcome.answer"),
		p.T("outcome.meeting"), p.T("outcome.card"), p.T("outcome.reported_at")}
	id := func(n int64) string {
		if n == 0 {
			return ""
		}
		return itoa(n)
	}
	rows := make([][]string, len(vs))
	for i, v := range vs {
		rows[i] = []string{itoa(v.ID), kindLabel(p, v.Kind), p.T("outcome.status." + string(v.Status)),
			p.Tx(v.ReporterOrg.Name), v.ReporterOrg.Country, p.Tx(v.PartnerOrg.Name), v.PartnerOrg.Country,
			strconv.FormatInt(v.Value, 10), v.Note, v.Answer, id(v.MeetingID), id(v.CardID), p.Date(v.CreatedAt.Format("2006-01-02"))}
	}
	// Built in memory first, so that a failure sends an error page rather
	// than a download of one.
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, p.T("outcome.title"), header, rows); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, err := w.Write(b.Bytes())
	return err
}

// The outcome routes in the OpenAPI document.
func init() {
	for k, d := range map[string]apiDoc{
		"GET /api/v1/organizations/{org}/outcomes":  {summary: "The outcomes an organization reported or is the partner of, newest first (its members)", out: outcome.View{}, list: true},
		"POST /api/v1/organizations/{org}/outcomes": {summary: "Report what came of a meeting (event_id and meeting_id: the organization is one side; scheduled or held) or of another organization's published card (card_id); value_vnd in whole đồng; 409 when that meeting already has a report of that kind — the other side confirms it instead", in: OutcomeInput{}, out: outcome.View{}},
		"GET /api/v1/outcomes/{outcome}":            {summary: "Read a report (the members of either organization)", out: outcome.View{}},
		"POST /api/v1/outcomes/{outcome}/confirm":   {summary: "Confirm a report: the outcome counts as verified (the partner organization's members; body optional)", in: struct{}{}, out: outcome.View{}},
		"POST /api/v1/outcomes/{outcome}/dispute":   {summary: "Dispute a report, with a reason the reporter reads (the partner organization's members)", in: DisputeInput{}, out: outcome.View{}},
		"DELETE /api/v1/outcomes/{outcome}":         {summary: "Withdraw a report that is not confirmed (the reporting organization's members); 409 once confirmed"},
		"GET /api/v1/impact":                        {summary: "The ecosystem's confirmed outcomes in aggregate (public): by kind, by the pair of houses joined, domestic or international, by pair of countries, by year, by source, and what came of research results; values of groups of fewer than 3 outcomes are withheld, and where needed the next smallest group's, so that the total does not give them away. year (e.g. 2026) and source (marketplace, event:ID) narrow it", out: outcome.Indicators{}, query: []string{"year", "source"}},
		"POST /api/v1/events/{event}/outcomes/ask":  {summary: "Ask every organization whose meetings at the event took place (held, or scheduled and over) and that has said nothing of them what came of them: its members are mailed the list (the event's organizers; body optional)", in: struct{}{}, out: Asked{}},
		"GET /api/v1/events/{event}/outcomes":       {summary: "An event's outcomes with counts and confirmed value by kind (the event's organizers)", out: EventOutcomes{}},
	} {
		apiDocs[k] = d
	}
}
