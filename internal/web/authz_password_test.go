package web_test

func init() {
	addAccess(map[string][]string{
		"GET /password/forgot":  everyone,
		"POST /password/forgot": everyone,
		"GET /password/reset":   everyone,
		"POST /password/reset":  everyone,
	})
	form := "application/x-www-form-urlencoded"
	bodies["POST /password/forgot"] = func(_ *fixture, role string) (string, string) {
		return form, "email=" + role + "%40example.vn"
	}
	bodies["POST /password/reset"] = func(*fixture, string) (string, string) {
		return form, "token=no-such-token&password=long+enough+password"
	}
}
