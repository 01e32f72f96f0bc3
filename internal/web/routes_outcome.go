package web

import (
	"net/http"

	"ketnoi/internal/apperr"
)

// Policies of the outcomes (checked by allowOutcome, called from allowed).
const (
	meetingSide     policy = "meeting-side"     // members of either side of {meeting}, admins
	outcomePartner  policy = "outcome-partner"  // members of {outcome}'s partner organization, admins
	outcomeReporter policy = "outcome-reporter" // members of {outcome}'s reporting organization, admins
	outcomeSide     policy = "outcome-side"     // members of either organization of {outcome}, admins
)

// outcomeWeb serves what came of meetings and cards.
type outcomeWeb struct{ s *Server }

// outcomeRoutes: a side reports what came of a meeting or a card, the
// partner confirms or disputes it, each organization sees its outcomes,
// the organizer counts an event's; and the same through the API.
func (s *Server) outcomeRoutes() []route {
	o := &outcomeWeb{s: s}
	return []route{
		{"GET /events/{event}/meetings/{meeting}/outcomes/new", meetingSide, o.handleNewFromMeeting},
		{"POST /events/{event}/meetings/{meeting}/outcomes", meetingSide, o.handleReportMeeting},
		{"GET /market/cards/{card}/outcomes/new", signedIn, o.handleNewFromCard},
		{"POST /market/cards/{card}/outcomes", signedIn, o.handleReportCard},
		{"GET /outcomes/orgs/{org}", orgMember, o.handleOrgOutcomes},
		{"GET /outcomes/orgs/{org}/outcomes.xlsx", orgMember, o.handleOrgXLSX},
		{"POST /outcomes/{outcome}/confirm", outcomePartner, o.handleConfirm},
		{"POST /outcomes/{outcome}/dispute", outcomePartner, o.handleDispute},
		{"POST /outcomes/{outcome}/withdraw", outcomeReporter, o.handleWithdraw},
		{"GET /console/events/{event}/outcomes", eventOrganizer, o.handleConsole},
		{"GET /console/events/{event}/outcomes.xlsx", eventOrganizer, o.handleXLSX},
		{"POST /console/events/{event}/outcomes/ask", eventOrganizer, o.handleAsk},
		{"GET /impact", public, o.handleImpact},
		{"GET /impact.csv", public, o.handleImpactCSV},

		{"GET /api/v1/organizations/{org}/outcomes", orgMember, o.apiOrgOutcomes},
		{"POST /api/v1/organizations/{org}/outcomes", orgMember, o.apiReport},
		{"GET /api/v1/outcomes/{outcome}", outcomeSide, o.apiOutcome},
		{"POST /api/v1/outcomes/{outcome}/confirm", outcomePartner, o.apiConfirm},
		{"POST /api/v1/outcomes/{outcome}/dispute", outcomePartner, o.apiDispute},
		{"DELETE /api/v1/outcomes/{outcome}", outcomeReporter, o.apiWithdraw},
		{"GET /api/v1/events/{event}/outcomes", eventOrganizer, o.apiEventOutcomes},
		{"POST /api/v1/events/{event}/outcomes/ask", eventOrganizer, o.apiAsk},
		{"GET /api/v1/impact", public, o.apiImpact},
	}
}

// allowOutcome checks the outcome policies. Records that do not exist are
// forbidden rather than not found, so that outsiders learn nothing.
func (s *Server) allowOutcome(r *http.Request, p policy, v *viewer) error {
	if v.admin() {
		return nil
	}
	var a, b int64
	switch p {
	case meetingSide:
		ev, err := pathID(r, "event")
		if err != nil {
			return err
		}
		id, err := pathID(r, "meeting")
		if err != nil {
			return err
		}
		a, b, err = s.db.MeetingOrgs(r.Context(), ev, id)
		if apperr.Is(err, apperr.NotFound) {
			return errForbidden
		} else if err != nil {
			return err
		}
	case outcomePartner, outcomeReporter, outcomeSide:
		id, err := pathID(r, "outcome")
		if err != nil {
			return err
		}
		reporter, partner, err := s.db.OutcomeOrgs(r.Context(), id)
		if apperr.Is(err, apperr.NotFound) {
			return errForbidden
		} else if err != nil {
			return err
		}
		switch p {
		case outcomePartner:
			a, b = partner, partner
		case outcomeReporter:
			a, b = reporter, reporter
		default:
			a, b = reporter, partner
		}
	default:
		return errForbidden
	}
	_, inA := v.orgs[a]
	_, inB := v.orgs[b]
	return allowIf(inA || inB)
}
