package web

// matchRoutes is filled in by its feature; see allRoutes.
func (s *Server) matchRoutes() []route {
	return nil
}
