package web

// mailRoutes: the mail outbox, shown to those who run an event (its
// registrations' confirmations) and to platform administrators (every mail).
func (s *Server) mailRoutes() []route {
	return []route{
		{"GET /console/events/{event}/mail", eventOrganizer, s.handleOutbox},
		{"POST /console/events/{event}/mail/retry", eventOrganizer, s.handleOutboxRetry},
		{"GET /console/mail", platformAdmin, s.handleOutbox},
		{"POST /console/mail/retry", platformAdmin, s.handleOutboxRetry},
	}
}
