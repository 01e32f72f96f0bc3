package web

// floorRoutes is filled in by its feature; see allRoutes.
func (s *Server) floorRoutes() []route {
	return nil
}
