package web

// apiRoutes is the JSON API under /api/v1, over the same services and
// policies as the pages. openapi.json describes each of these routes.
func (s *Server) apiRoutes() []route {
	return []route{
		{"GET /api/v1/openapi.json", public, s.apiOpenAPI},
		{"POST /api/v1/auth/login", public, s.apiLogin},
		{"POST /api/v1/auth/logout", signedIn, s.apiLogout},
		{"POST /api/v1/people", public, s.apiSignUp},
		{"GET /api/v1/me", signedIn, s.apiMe},

		{"GET /api/v1/events", public, s.apiEvents},
		{"POST /api/v1/events", platformAdmin, s.apiCreateEvent},
		{"GET /api/v1/events/{event}", public, s.apiEvent},
		{"PATCH /api/v1/events/{event}", eventOrganizer, s.apiUpdateEvent},
		{"GET /api/v1/events/{event}/stats", eventOrganizer, s.apiStats},

		{"GET /api/v1/events/{event}/halls", public, s.apiHalls},
		{"POST /api/v1/events/{event}/halls", eventOrganizer, s.apiCreateHall},
		{"GET /api/v1/events/{event}/halls/{hall}", public, s.apiHall},

		{"GET /api/v1/events/{event}/booths", public, s.apiBooths},
		{"POST /api/v1/events/{event}/booths", eventOrganizer, s.apiCreateBooth},
		{"GET /api/v1/events/{event}/booths/{booth}", public, s.apiBooth},
		{"PATCH /api/v1/events/{event}/booths/{booth}", eventOrganizer, s.apiUpdateBooth},

		{"GET /api/v1/events/{event}/exhibitors", public, s.apiExhibitors},
		{"POST /api/v1/events/{event}/exhibitors", eventOrganizer, s.apiCreateExhibitor},
		{"GET /api/v1/events/{event}/exhibitors/{exhibitor}", public, s.apiExhibitor},
		{"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}", eventOrganizer, s.apiUpdateExhibitor},
		{"GET /api/v1/events/{event}/exhibitors/{exhibitor}/private", exhibitorMember, s.apiExhibitorPrivate},
		{"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}/profile", exhibitorAdmin, s.apiUpdateExhibitorProfile},

		{"GET /api/v1/events/{event}/sessions", public, s.apiSessions},
		{"POST /api/v1/events/{event}/sessions", eventOrganizer, s.apiCreateSession},
		{"GET /api/v1/events/{event}/sessions/{session}", public, s.apiSession},
		{"PATCH /api/v1/events/{event}/sessions/{session}", eventOrganizer, s.apiUpdateSession},
		{"GET /api/v1/events/{event}/tracks", public, s.apiTracks},

		{"GET /api/v1/organizations", public, s.apiOrganizations},
		{"POST /api/v1/organizations", signedIn, s.apiCreateOrganization},
		{"GET /api/v1/organizations/{org}", public, s.apiOrganization},
		{"PATCH /api/v1/organizations/{org}", orgAdmin, s.apiUpdateOrganization},
	}
}
