package web_test

// Who may create an organization: anyone signed in (the creator becomes
// its admin); anonymous visitors are sent to sign in.
func init() {
	addAccess(map[string][]string{
		"GET /orgs/new": accounts,
		"POST /orgs":    accounts,
	})
	bodies["POST /orgs"] = func(*fixture, string) (string, string) {
		return "application/x-www-form-urlencoded", "kind=startup&country=VN&name_vi=C%C3%B4ng+ty+m%E1%BB%9Bi&sectors=robotics"
	}
}
