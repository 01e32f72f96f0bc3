package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"ketnoi/internal/apperr"
)

var errPageNotFound = apperr.Errorf(apperr.NotFound, "Page not found.")

// internalMessage is all a client learns of an internal error.
const internalMessage = "Internal error."

// handleNotFound answers a path no route has. It reads the session like
// every page, so that a signed-in reader who mistyped an address still
// sees the menu as theirs and the page in their language.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	if v, err := s.loadViewer(w, r, false); err == nil {
		r = r.WithContext(withValue(r.Context(), keyViewer, v))
	}
	s.fail(w, r, errPageNotFound)
}

// statusOf is the one table from error codes to HTTP statuses.
func statusOf(err error) int {
	var e *apperr.Error
	if !errors.As(err, &e) {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return http.StatusRequestEntityTooLarge
		}
		return http.StatusInternalServerError
	}
	switch e.Code {
	case apperr.Invalid:
		if len(e.Fields) > 0 {
			return http.StatusUnprocessableEntity
		}
		return http.StatusBadRequest
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.Conflict:
		return http.StatusConflict
	case apperr.Unauthorized:
		return http.StatusUnauthorized
	case apperr.Forbidden:
		return http.StatusForbidden
	case apperr.TooMany:
		return http.StatusTooManyRequests
	case apperr.TooLarge:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// handlerFunc is a handler that returns its error to authorize, so that no
// handler writes an error and forgets to return.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// fail answers an error: problem+json for the API, the error page for
// people. Internal causes are logged, never shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	msg, fields := internalMessage, map[string]string(nil)
	var e *apperr.Error
	if errors.As(err, &e) && status != http.StatusInternalServerError {
		msg, fields = e.Message, e.Fields
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		msg = "The request body is too large."
	}
	if status == http.StatusInternalServerError {
		if errors.Is(err, context.Canceled) {
			return
		}
		s.log.Error("internal error", "id", requestID(r), "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if status == http.StatusUnauthorized && !isAPI(r) {
		http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	if isAPI(r) {
		writeProblem(w, r, status, msg, fields)
		return
	}
	s.renderError(w, r, status, msg, err)
}

// problem is an RFC 9457 problem detail with field errors.
type problem struct {
	Type     string            `json:"type"`
	Title    string            `json:"title"`
	Status   int               `json:"status"`
	Detail   string            `json:"detail,omitempty"`
	Instance string            `json:"instance,omitempty"`
	Errors   map[string]string `json:"errors,omitempty"`
}

func writeProblem(w http.ResponseWriter, r *http.Request, status int, detail string, fields map[string]string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(problem{Type: "about:blank", Title: http.StatusText(status), Status: status,
		Detail: detail, Instance: r.URL.Path, Errors: fields})
}
