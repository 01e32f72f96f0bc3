package web

// floorRoutes is issue 4: the floor plan, applications to exhibit, booth
// allocation, the exhibitor portal's catalogue and the catalogue search.
func (s *Server) floorRoutes() []route {
	// The server's routes are built once, in New: the catalogue's indexes
	// start building from the database then, apart from any request.
	go s.warmCatalogue()
	return []route{
		// Public site.
		{"GET /events/{event}/plan", public, s.handlePlan},
		{"GET /events/{event}/halls/{hall}/plan.pdf", public, s.handlePlanPDF},
		{"GET /events/{event}/search", public, s.handleSearch},
		{"GET /events/{event}/exhibitors/{exhibitor}/logo.png", public, s.handleLogo},
		{"GET /events/{event}/apply", signedIn, s.handleApplyStart},

		// An organization applying to exhibit.
		{"GET /orgs/{org}/events/{event}/apply", orgAdmin, s.handleApplyForm},
		{"POST /orgs/{org}/events/{event}/apply", orgAdmin, s.handleApplySave},

		// Organizer console.
		{"GET /console/events/{event}/floor", eventOrganizer, s.handleFloor},
		{"POST /console/events/{event}/halls/{hall}/import", eventOrganizer, s.handleImport},
		{"POST /console/events/{event}/booths/{booth}", eventOrganizer, s.handleBoothSave},
		{"GET /console/events/{event}/applications", eventOrganizer, s.handleApplications},
		{"GET /console/events/{event}/applications/{application}", eventOrganizer, s.handleApplication},
		{"POST /console/events/{event}/applications/{application}", eventOrganizer, s.handleApplicationAction},
		{"GET /console/events/{event}/allocation", eventOrganizer, s.handleAllocation},
		{"POST /console/events/{event}/allocation", eventOrganizer, s.handleAllocationAction},

		// Exhibitor portal.
		{"GET /portal/events/{event}/exhibitors/{exhibitor}/catalogue", exhibitorMember, s.handlePortalCatalogue},
		{"POST /portal/events/{event}/exhibitors/{exhibitor}/logo", exhibitorAdmin, s.handleLogoUpload},
		{"POST /portal/events/{event}/exhibitors/{exhibitor}/products", exhibitorAdmin, s.handleProducts},
		{"POST /portal/events/{event}/exhibitors/{exhibitor}/staff", exhibitorAdmin, s.handleInviteStaff},

		// API.
		{"GET /api/v1/events/{event}/search", public, s.apiSearch},
		{"POST /api/v1/events/{event}/halls/{hall}/import", eventOrganizer, s.apiImport},
		{"GET /api/v1/events/{event}/applications", eventOrganizer, s.apiApplications},
	}
}
