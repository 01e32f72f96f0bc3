package web

// programmeRoutes is the organizer's console for the forum programme:
// sessions, speakers, tracks and rooms. Only the event's organizers and admins.
func (s *Server) programmeRoutes() []route {
	return []route{
		{"GET /console/events/{event}/programme", eventOrganizer, s.handleProgramme},
		{"POST /console/events/{event}/programme/sessions", eventOrganizer, s.handleCreateSessionForm},
		{"GET /console/events/{event}/programme/sessions/{session}", eventOrganizer, s.handleEditSession},
		{"POST /console/events/{event}/programme/sessions/{session}", eventOrganizer, s.handleUpdateSessionForm},
		{"POST /console/events/{event}/programme/sessions/{session}/delete", eventOrganizer, s.handleDeleteSession},
		{"POST /console/events/{event}/programme/deleted/{deleted}/restore", eventOrganizer, s.handleRestoreSession},
		{"POST /console/events/{event}/programme/speakers", eventOrganizer, s.handleCreateSpeaker},
		{"POST /console/events/{event}/programme/rooms", eventOrganizer, s.handleCreateRoom},
		{"POST /console/events/{event}/programme/tracks", eventOrganizer, s.handleSaveTrack},
		{"POST /console/events/{event}/programme/tracks/delete", eventOrganizer, s.handleDeleteTrack},
	}
}
