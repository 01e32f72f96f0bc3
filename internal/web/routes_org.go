package web

// orgRoutes are the pages where a person starts an organization: meetings,
// exhibiting and marketplace cards are all done on behalf of one, so a
// person who has signed up needs a way to create theirs.
func (s *Server) orgRoutes() []route {
	return []route{
		{"GET /orgs/new", signedIn, s.handleNewOrg},
		{"POST /orgs", signedIn, s.handleCreateOrg},
	}
}
