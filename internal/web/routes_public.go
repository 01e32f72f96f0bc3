package web

import "net/http"

// publicRoutes is the public site: what visitors read, and signing in.
func (s *Server) publicRoutes() []route {
	return []route{
		{"GET /{$}", public, s.handleHome},
		{"GET /events", public, handleEventList},
		{"GET /events/{event}", public, s.handleEvent},
		{"GET /events/{event}/exhibitors", public, s.handleDirectory},
		{"GET /events/{event}/exhibitors/{exhibitor}", public, s.handleExhibitor},
		{"GET /lang/{lang}", public, s.handleLang},
		{"GET /login", public, s.handleLoginForm},
		{"POST /login", public, s.handleLogin},
		{"POST /logout", signedIn, s.handleLogout},
		{"GET /signup", public, s.handleSignupForm},
		{"POST /signup", public, s.handleSignup},
		{"GET /password/forgot", public, s.handleForgotForm},
		{"POST /password/forgot", public, s.handleForgot},
		{"GET /password/reset", public, s.handleResetForm},
		{"POST /password/reset", public, s.handleReset},
	}
}

// portalRoutes is the exhibitor portal: an exhibitor's own, private pages.
func (s *Server) portalRoutes() []route {
	return []route{
		{"GET /portal/events/{event}/exhibitors/{exhibitor}", exhibitorMember, s.handlePortal},
		{"POST /portal/events/{event}/exhibitors/{exhibitor}", exhibitorAdmin, s.handlePortalSave},
	}
}

// consoleRoutes is the organizer console.
func (s *Server) consoleRoutes() []route {
	return []route{
		{"GET /console", signedIn, s.handleConsoleIndex},
		{"GET /console/events/{event}", eventOrganizer, s.handleDashboard},
		{"GET /console/events/{event}/report", eventOrganizer, s.handleReport},
	}
}

// handleEventList sends /events, which people type after seeing
// /events/{event} addresses, to the home page: the list of events.
func handleEventList(w http.ResponseWriter, r *http.Request) error {
	http.Redirect(w, r, "/", http.StatusMovedPermanently)
	return nil
}
