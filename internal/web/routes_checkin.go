package web

// checkinRoutes is filled in by its feature; see allRoutes.
func (s *Server) checkinRoutes() []route {
	return nil
}
