package web

import (
	"context"
	"net/http"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/market"
)

// Policies of issue 3 (checked by allowMatch, called from allowed).
const (
	orgMember    policy = "org-member"    // members (admin or staff) of {org}, admins
	cardOwner    policy = "card-owner"    // members of {card}'s owner organization, admins
	meetingParty policy = "meeting-party" // members of either side of {meeting}, organizers of {event}, admins
)

// matchWeb holds the marketplace service with its in-memory indexes, one
// per server.
type matchWeb struct {
	s      *Server
	market *market.Service
}

// matchRoutes is the marketplace, the recommendations and the meetings
// (issue 3): public pages, members' pages, the organizer's console and the
// API.
func (s *Server) matchRoutes() []route {
	m := &matchWeb{s: s, market: market.NewService(s.db, s.log)}
	s.market = m.market
	go m.warm()
	return []route{
		{"GET /market", public, m.handleMarket},
		{"GET /market/mine", signedIn, m.handleMyCards},
		{"GET /market/cards/{card}", public, m.handleCard},
		{"GET /market/orgs/{org}", public, m.handleOrgProfile},
		{"GET /market/orgs/{org}/cards/new", orgMember, m.handleNewCard},
		{"POST /market/orgs/{org}/cards", orgMember, m.handleCreateCard},
		{"GET /market/cards/{card}/edit", cardOwner, m.handleEditCard},
		{"POST /market/cards/{card}", cardOwner, m.handleSaveCard},
		{"GET /match/orgs/{org}/recommendations", orgMember, m.handleRecommendations},

		{"GET /events/{event}/meetings", signedIn, m.handleMeetings},
		{"GET /events/{event}/meetings/new", signedIn, m.handleNewMeeting},
		{"POST /events/{event}/meetings", signedIn, m.handleRequestMeeting},
		{"POST /events/{event}/meetings/{meeting}/accept", meetingParty, m.handleAccept},
		{"POST /events/{event}/meetings/{meeting}/decline", meetingParty, m.handleDecline},
		{"POST /events/{event}/meetings/{meeting}/propose", meetingParty, m.handlePropose},
		{"POST /events/{event}/meetings/{meeting}/cancel", meetingParty, m.handleCancel},
		{"POST /events/{event}/meetings/{meeting}/checkin", meetingParty, m.handleCheckIn},
		{"POST /events/{event}/orgs/{org}/availability", orgMember, m.handleAvailability},
		{"GET /events/{event}/schedule", signedIn, m.handleSchedule},
		{"GET /events/{event}/schedule.pdf", signedIn, m.handleSchedulePDF},
		{"GET /events/{event}/schedule.ics", signedIn, m.handleScheduleICS},

		{"GET /console/events/{event}/meetings", eventOrganizer, m.handleConsole},
		{"GET /console/events/{event}/meetings.xlsx", eventOrganizer, m.handleMeetingsXLSX},
		{"POST /console/events/{event}/meetings/settings", eventOrganizer, m.handleSettings},
		{"POST /console/events/{event}/meetings/schedule", eventOrganizer, m.handleRunScheduler},
		{"POST /console/events/{event}/meetings/{meeting}/noshow", eventOrganizer, m.handleNoShow},
		{"POST /console/events/{event}/meetings/{meeting}/move", eventOrganizer, m.handleMove},
		{"GET /console/events/{event}/meetings/{meeting}/place", eventOrganizer, m.handlePlace},

		{"GET /api/v1/cards", public, m.apiCards},
		{"GET /api/v1/cards/{card}", public, m.apiCard},
		{"POST /api/v1/organizations/{org}/cards", orgMember, m.apiCreateCard},
		{"PATCH /api/v1/cards/{card}", cardOwner, m.apiUpdateCard},
		{"GET /api/v1/organizations/{org}/recommendations", orgMember, m.apiRecommendations},
		{"GET /api/v1/events/{event}/meetings", signedIn, m.apiMeetings},
		{"POST /api/v1/events/{event}/meetings", signedIn, m.apiRequestMeeting},
		{"GET /api/v1/events/{event}/meetings/{meeting}", meetingParty, m.apiMeeting},
		{"POST /api/v1/events/{event}/meetings/{meeting}/accept", meetingParty, m.apiAccept},
		{"POST /api/v1/events/{event}/meetings/{meeting}/decline", meetingParty, m.apiDecline},
		{"POST /api/v1/events/{event}/meetings/{meeting}/propose", meetingParty, m.apiPropose},
		{"POST /api/v1/events/{event}/meetings/{meeting}/cancel", meetingParty, m.apiCancel},
		{"POST /api/v1/events/{event}/meetings/schedule", eventOrganizer, m.apiRunScheduler},
		{"POST /api/v1/events/{event}/meetings/{meeting}/checkin", meetingParty, m.apiCheckIn},
		{"POST /api/v1/events/{event}/meetings/{meeting}/noshow", eventOrganizer, m.apiNoShow},
		{"POST /api/v1/events/{event}/meetings/{meeting}/move", eventOrganizer, m.apiMove},
		{"GET /api/v1/events/{event}/meetings/{meeting}/times", eventOrganizer, m.apiTimes},
		{"GET /api/v1/events/{event}/orgs/{org}/availability", orgMember, m.apiAvailability},
		{"PUT /api/v1/events/{event}/orgs/{org}/availability", orgMember, m.apiSetAvailability},
	}
}

// warm builds the marketplace indexes from the database at start, in the
// background; until they are ready the first reader builds them.
func (m *matchWeb) warm() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	evs, _, err := m.s.db.Events(ctx, 0, 100)
	if err != nil {
		m.s.log.Warn("marketplace warm-up", "err", err)
		return
	}
	ids := make([]int64, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	if err := m.market.Warm(ctx, ids); err != nil {
		m.s.log.Warn("marketplace warm-up", "err", err)
	}
}

// allowMatch checks the policies of issue 3. Records that do not exist are
// forbidden rather than not found, so that outsiders learn nothing.
func (s *Server) allowMatch(r *http.Request, p policy, v *viewer) error {
	if v.admin() {
		return nil
	}
	switch p {
	case orgMember:
		id, err := pathID(r, "org")
		if err != nil {
			return err
		}
		_, member := v.orgs[id]
		return allowIf(member)
	case cardOwner:
		id, err := pathID(r, "card")
		if err != nil {
			return err
		}
		owner, err := s.db.CardOrg(r.Context(), id)
		if apperr.Is(err, apperr.NotFound) {
			return errForbidden
		} else if err != nil {
			return err
		}
		_, member := v.orgs[owner]
		return allowIf(member)
	case meetingParty:
		ev, err := pathID(r, "event")
		if err != nil {
			return err
		}
		if v.organizer(ev) {
			return nil
		}
		id, err := pathID(r, "meeting")
		if err != nil {
			return err
		}
		from, to, err := s.db.MeetingOrgs(r.Context(), ev, id)
		if apperr.Is(err, apperr.NotFound) {
			return errForbidden
		} else if err != nil {
			return err
		}
		_, a := v.orgs[from]
		_, b := v.orgs[to]
		return allowIf(a || b)
	}
	return errForbidden
}
