package web

// checkinRoutes: registration, badges, check-in, leads and the forum
// agenda (issue 5).
func (s *Server) checkinRoutes() []route {
	return []route{
		{"POST /api/v1/events/{event}/scans", eventScannerInTx, s.apiScans},
		{"GET /api/v1/events/{event}/scanner", eventScanner, s.apiScannerConfig},
		// A gate's search for a visitor whose badge will not scan: the gate
		// staff's only (exhibitors scan leads, and never list the visitors).
		{"GET /api/v1/events/{event}/scanner/search", eventStaff, s.apiScannerSearch},
		{"GET /api/v1/events/{event}/checkin/stats", eventOrganizer, s.apiCheckinStats},
		{"GET /api/v1/events/{event}/checkin/lists", eventOrganizer, s.apiLists},
		{"POST /api/v1/events/{event}/checkin/lists", eventOrganizer, s.apiCreateList},
		{"POST /api/v1/events/{event}/checkin/gates", eventOrganizer, s.apiCreateGate},
		{"POST /api/v1/events/{event}/checkin/staff", eventOrganizer, s.apiAddScannerStaff},
		{"POST /api/v1/events/{event}/badge-keys", eventOrganizer, s.apiRotateKey},

		{"GET /api/v1/events/{event}/registrations", eventOrganizer, s.apiRegistrations},
		{"POST /api/v1/events/{event}/registrations/import", eventOrganizer, s.apiImportRegistrations},
		{"GET /api/v1/events/{event}/registrations/{registration}", eventOrganizer, s.apiRegistration},
		{"PATCH /api/v1/events/{event}/registrations/{registration}", eventOrganizer, s.apiUpdateRegistration},
		{"POST /api/v1/events/{event}/registrations/{registration}/cancel", eventOrganizer, s.apiCancelRegistration},
		{"POST /api/v1/events/{event}/registrations/{registration}/reissue", eventOrganizer, s.apiReissueBadge},
		{"GET /console/events/{event}/registrations/{registration}/badge.pdf", eventOrganizer, s.handleBadgePDF},
		{"GET /me/registrations/{registration}/badge.pdf", signedIn, s.handleMyBadge},

		{"GET /api/v1/events/{event}/exhibitors/{exhibitor}/leads", exhibitorMember, s.apiLeads},
		{"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}/leads/{lead}", exhibitorMember, s.apiUpdateLead},
		{"GET /portal/events/{event}/exhibitors/{exhibitor}/leads", exhibitorMember, s.handleLeads},
		{"POST /portal/events/{event}/exhibitors/{exhibitor}/leads/{lead}", exhibitorMember, s.handleEditLead},
		{"GET /portal/events/{event}/exhibitors/{exhibitor}/leads.csv", exhibitorMember, s.handleLeadsCSV},
		{"GET /portal/events/{event}/exhibitors/{exhibitor}/leads.xlsx", exhibitorMember, s.handleLeadsXLSX},

		{"POST /api/v1/events/{event}/anonymize", eventOrganizer, s.apiAnonymize},
		{"POST /api/v1/events/{event}/exports", eventOrganizer, s.apiCreateExport},
		{"GET /api/v1/events/{event}/exports/{export}", eventOrganizer, s.apiExport},
		{"GET /console/events/{event}/exports/{export}/file", eventOrganizer, s.handleExportFile},
		{"GET /me/data", signedIn, s.handleMyData},
		{"POST /me/data/delete", signedIn, s.handleDeleteMyData},

		{"GET /events/{event}/agenda", public, s.handleAgenda},
		{"POST /events/{event}/agenda/{session}", signedIn, s.handleAgendaToggle},
		{"GET /events/{event}/sessions/{session}/calendar.ics", public, s.handleSessionICS},
		{"GET /me/agenda.ics", signedIn, s.handleMyAgendaICS},

		{"GET /events/{event}/register", public, s.handleRegisterForm},
		{"POST /events/{event}/register", public, s.handleRegister},
		{"POST /api/v1/events/{event}/registrations", public, s.apiRegister},
		{"GET /events/{event}/scanner/{$}", public, s.handleScanner},
		{"GET /events/{event}/scanner/sw.js", public, s.handleScannerWorker},
		{"GET /events/{event}/scanner/manifest.webmanifest", public, s.handleScannerManifest},
		{"GET /console/events/{event}/checkin", eventOrganizer, s.handleCheckinDashboard},
		{"GET /console/events/{event}/checkin/stream", eventOrganizer, s.handleCheckinStream},

		// Check-in setup in the console: lists, gates and their scan points, gate staff.
		{"GET /console/events/{event}/checkin/lists", eventOrganizer, s.handleCheckinSetup},
		{"POST /console/events/{event}/checkin/lists", eventOrganizer, s.handleCreateListForm},
		{"GET /console/events/{event}/checkin/lists/{list}", eventOrganizer, s.handleEditList},
		{"POST /console/events/{event}/checkin/lists/{list}", eventOrganizer, s.handleUpdateList},
		{"POST /console/events/{event}/checkin/gates", eventOrganizer, s.handleCreateGate},
		{"POST /console/events/{event}/checkin/gates/{gate}/delete", eventOrganizer, s.handleDeleteGate},
		{"POST /console/events/{event}/checkin/staff", eventOrganizer, s.handleAddStaff},
		{"POST /console/events/{event}/checkin/staff/{person}/delete", eventOrganizer, s.handleRemoveStaff},
		{"GET /console/events/{event}/helpdesk", eventOrganizer, s.handleHelpDesk},
		{"POST /console/events/{event}/helpdesk/walkins", eventOrganizer, s.handleWalkIn},
		{"POST /console/events/{event}/registrations/{registration}/reprint", eventOrganizer, s.handleReprint},
		// The badge kiosk and the live room counts, run by the event's staff.
		{"GET /events/{event}/kiosk", eventStaff, s.handleKiosk},
		{"POST /events/{event}/kiosk", eventStaff, s.handleKioskLookup},
		{"GET /events/{event}/rooms/live", eventStaff, s.handleRoomsLive},
		{"GET /events/{event}/rooms/live/stream", eventStaff, s.handleRoomsStream},
	}
}
