package web

import (
	"net/http"
	"strings"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
)

// policy says who may call a route. Every route declares one, in the routes
// files, and authorize is the only place that checks them.
type policy string

const (
	public          policy = "public"           // anyone
	signedIn        policy = "signed-in"        // any account
	platformAdmin   policy = "admin"            // platform administrators
	eventOrganizer  policy = "organizer"        // organizers of {event}, admins
	exhibitorMember policy = "exhibitor-member" // members of {exhibitor}'s organization, organizers of {event}, admins
	exhibitorAdmin  policy = "exhibitor-admin"  // admin members of {exhibitor}'s organization, organizers of {event}, admins
	orgAdmin        policy = "org-admin"        // admin members of {org}, admins
	// eventScanner: gate staff of {event} (people its organizers made
	// scanner staff), members of an exhibitor at {event} (lead scans only;
	// the scans handler checks each scan's kind), organizers, admins.
	eventScanner policy = "event-scanner"
	// eventScannerInTx: eventScanner for the route that stores scans. A
	// signed-in viewer the access cache holds is taken from memory without
	// reading the access version (a read per request, a quarter of the
	// server's CPU per scan at 5,000 scans/s); the scan's transaction
	// reads the version instead, and when it has moved the route checks
	// the rights again, from the database, before anything is stored.
	eventScannerInTx policy = "event-scanner-tx"
	// eventStaff: the people working at {event}: its gate, room and
	// help-desk staff (scanner staff), organizers, admins. Exhibitors are
	// not staff.
	eventStaff policy = "event-staff"
)

// route is one entry of a surface's routes table.
type route struct {
	pattern string // method and path, as http.ServeMux reads it
	policy  policy
	h       handlerFunc
}

// authorize loads the viewer, enforces the route's policy and, for forms,
// the CSRF token, before the handler runs. An error is answered with the
// request that carries the viewer, so that the error page is in the
// reader's language and shows them signed in.
func (s *Server) authorize(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r, err := s.runAuthorized(w, r, rt)
		if err != nil {
			s.fail(w, r, err)
		}
	})
}

// runAuthorized is authorize's work; it returns the request as it last
// stood (with the viewer, once loaded) with the error.
func (s *Server) runAuthorized(w http.ResponseWriter, r *http.Request, rt route) (*http.Request, error) {
	v, err := s.loadViewer(w, r, rt.policy == eventScannerInTx)
	if err != nil {
		return r, err
	}
	ctx := withValue(r.Context(), keyViewer, v)
	if r.Method == http.MethodGet {
		// A read reads the directory version once; a write may change
		// it midway, so it asks each time.
		ctx = withVersionMemo(ctx)
	}
	r = r.WithContext(ctx)
	if err := s.allowed(r, rt.policy, v); err != nil {
		if !v.fromMemory {
			return r, err
		}
		// A refusal from memory may be out of date: ask the database.
		var rerr error
		if r, rerr = s.reauthorize(w, r, rt.policy); rerr != nil {
			return r, rerr
		}
	}
	if r.Method == http.MethodPost && !isAPI(r) {
		if err := readForm(r); err != nil {
			return r, err
		}
		if err := checkCSRF(r, v); err != nil {
			return r, err
		}
	}
	return r, s.idempotent(w, r, rt.h)
}

// reauthorize loads the viewer again, reading the access version, and
// applies the policy to it: for a route whose viewer came from memory and
// turned out older than the database (eventScannerInTx).
func (s *Server) reauthorize(w http.ResponseWriter, r *http.Request, p policy) (*http.Request, error) {
	v, err := s.loadViewer(w, r, false)
	if err != nil {
		return r, err
	}
	r = r.WithContext(withValue(r.Context(), keyViewer, v))
	return r, s.allowed(r, p, v)
}

var (
	errSignIn    = apperr.Errorf(apperr.Unauthorized, "Please sign in.")
	errForbidden = apperr.Errorf(apperr.Forbidden, "You are not allowed to do this.")
)

func (s *Server) allowed(r *http.Request, p policy, v *viewer) error {
	if p == public {
		return nil
	}
	if !v.signedIn() {
		return errSignIn
	}
	switch p {
	case signedIn:
		return nil
	case platformAdmin:
		return allowIf(v.admin())
	case eventOrganizer:
		ev, err := pathID(r, "event")
		if err != nil {
			return err
		}
		return allowIf(v.organizer(ev))
	case exhibitorMember, exhibitorAdmin:
		return s.allowExhibitor(r, v, p == exhibitorAdmin)
	case eventScanner, eventScannerInTx:
		return s.allowScanner(r, v)
	case eventStaff:
		return s.allowStaff(r, v)
	case orgAdmin:
		id, err := pathID(r, "org")
		if err != nil {
			return err
		}
		return allowIf(v.admin() || v.orgs[id] == account.MemberAdmin)
	case orgMember, cardOwner, meetingParty: // issue 3, see routes_match.go
		return s.allowMatch(r, p, v)
	case meetingSide, outcomePartner, outcomeReporter, outcomeSide: // see routes_outcome.go
		return s.allowOutcome(r, p, v)
	}
	return errForbidden
}

func (s *Server) allowExhibitor(r *http.Request, v *viewer, adminOnly bool) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	if v.organizer(ev) {
		return nil
	}
	x, err := pathID(r, "exhibitor")
	if err != nil {
		return err
	}
	orgID, err := s.db.ExhibitorOrg(r.Context(), ev, x)
	if apperr.Is(err, apperr.NotFound) {
		return errForbidden // do not tell outsiders which exhibitors exist
	}
	if err != nil {
		return err
	}
	role, member := v.orgs[orgID]
	if !member || (adminOnly && role != account.MemberAdmin) {
		return errForbidden
	}
	return nil
}

func allowIf(ok bool) error {
	if ok {
		return nil
	}
	return errForbidden
}

// allRoutes is every surface's table, in one list for the server and tests.
func (s *Server) allRoutes() []route {
	var all []route
	all = append(all, s.publicRoutes()...)
	all = append(all, s.portalRoutes()...)
	all = append(all, s.consoleRoutes()...)
	all = append(all, s.apiRoutes()...)
	all = append(all, s.floorRoutes()...)   // issue 4: floor plan, applications, allocation, catalogue search
	all = append(all, s.matchRoutes()...)   // issue 3: marketplace, recommendations, meetings
	all = append(all, s.outcomeRoutes()...) // what came of meetings and cards
	all = append(all, s.checkinRoutes()...) // issue 5: registration, badges, check-in, leads, forum agenda
	all = append(all, s.mailRoutes()...)    // the mail outbox
	all = append(all, s.orgRoutes()...)     // creating an organization
	// The forum programme in the console.
	all = append(all, s.programmeRoutes()...)
	return all
}

// Routes lists every route's pattern and policy, for documentation and
// the authorization test.
func (s *Server) Routes() map[string]string {
	out := map[string]string{}
	for _, rt := range s.routes {
		out[rt.pattern] = string(rt.policy)
	}
	return out
}

func methodOf(pattern string) string {
	m, _, _ := strings.Cut(pattern, " ")
	return m
}
