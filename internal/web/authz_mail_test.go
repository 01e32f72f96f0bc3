package web_test

func init() {
	addAccess(map[string][]string{
		"GET /console/events/{event}/mail":        runners,
		"POST /console/events/{event}/mail/retry": runners,
		"GET /console/mail":                       {admin},
		"POST /console/mail/retry":                {admin},
	})
	for _, p := range []string{"POST /console/events/{event}/mail/retry", "POST /console/mail/retry"} {
		bodies[p] = func(*fixture, string) (string, string) { return "application/x-www-form-urlencoded", "" }
	}
}
