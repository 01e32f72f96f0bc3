package org

import (
	"net/url"
	"strings"
)

// Website normalises a web address typed in a form: people write
// "example.vn" or "www.example.vn", so an address without a scheme gets
// https://. It reports false for anything that is not an http(s) address
// with a dotted host, so that a profile never links to javascript: or to
// a word that is not a site. An empty address is valid: it is optional.
func Website(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil {
		return s, false
	}
	host := u.Hostname()
	if !strings.Contains(host, ".") || strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".") || strings.ContainsAny(host, " _") {
		return s, false
	}
	return s, true
}
