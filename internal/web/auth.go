package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
)

const (
	sessionCookie = "ketnoi_session"
	csrfCookie    = "ketnoi_csrf"
	langCookie    = "ketnoi_lang"
)

// viewer is who is asking: nobody, or a person with their memberships and
// the events they organize.
type viewer struct {
	person    *account.Person
	session   *account.Session
	orgs      map[int64]account.MemberRole
	organizes map[int64]bool
	lang      i18n.Lang
	csrf      string
	access    int64 // the access version the viewer was read at
	// fromMemory: access is the cache's version, not read for this
	// request (loadViewer); the route checks it in its transaction.
	fromMemory bool
}

func (v *viewer) signedIn() bool { return v.person != nil }
func (v *viewer) admin() bool    { return v.person != nil && v.person.IsAdmin }

// organizer reports whether the viewer may run the event.
func (v *viewer) organizer(eventID int64) bool { return v.admin() || v.organizes[eventID] }

func withValue(ctx context.Context, k ctxKey, v any) context.Context {
	return context.WithValue(ctx, k, v)
}

func requestID(r *http.Request) string {
	id, _ := r.Context().Value(keyRequestID).(string)
	return id
}

func viewerOf(r *http.Request) *viewer {
	v, _ := r.Context().Value(keyViewer).(*viewer)
	if v == nil {
		return &viewer{lang: i18n.VI}
	}
	return v
}

// loadViewer finds the session from the cookie or a bearer token.
//
// With fromMemory, a viewer the access cache holds is taken as the cache
// has it, without reading the access version: the route then compares the
// version in its own transaction (eventScannerInTx).
func (s *Server) loadViewer(w http.ResponseWriter, r *http.Request, fromMemory bool) (*viewer, error) {
	v := &viewer{lang: langOf(r)}
	token := ""
	if c, err := r.Cookie(sessionCookie); err == nil {
		token = c.Value
	}
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		token = strings.TrimPrefix(h, "Bearer ")
	}
	if token != "" && len(token) < 100 {
		if err := s.signIn(r.Context(), v, account.HashToken(token), fromMemory); err != nil {
			return nil, err
		}
		// The switch's cookie wins; else the account's language.
		if v.person != nil && !hasLangCookie(r) {
			if _, ok := i18n.Parse(string(v.person.Lang)); ok {
				v.lang = v.person.Lang
			}
		}
	}
	if v.session != nil {
		v.csrf = v.session.CSRF
	} else if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) > 20 {
		v.csrf = c.Value
	} else if !isAPI(r) {
		v.csrf = account.NewToken()
		http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v.csrf, Path: "/", HttpOnly: true, Secure: s.cfg.Secure, SameSite: http.SameSiteLaxMode})
	}
	return v, nil
}

// signIn fills v for the session whose token hashes to hash, from the
// access cache when the access version has not moved; an unknown or
// expired session leaves v anonymous. fromMemory trusts the cache's
// version without reading it (see loadViewer); v.fromMemory tells.
func (s *Server) signIn(ctx context.Context, v *viewer, hash string, fromMemory bool) error {
	if known := s.access.known(); fromMemory && known >= 0 && s.access.viewer(known, hash, s.db.Now(), v) {
		v.access, v.fromMemory = known, true
		return nil
	}
	version, err := s.db.AccessVersion(ctx)
	if err != nil {
		return err
	}
	v.access = version
	if s.access.viewer(version, hash, s.db.Now(), v) {
		return nil
	}
	sess, err := s.db.WebSession(ctx, hash)
	if apperr.Is(err, apperr.NotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.fillViewer(ctx, v, &sess); err != nil {
		return err
	}
	s.access.putViewer(version, hash, v)
	return nil
}

func (s *Server) fillViewer(ctx context.Context, v *viewer, sess *account.Session) error {
	p, err := s.db.Person(ctx, sess.PersonID)
	if err != nil {
		return err
	}
	ms, err := s.db.Memberships(ctx, p.ID)
	if err != nil {
		return err
	}
	evs, err := s.db.OrganizedEvents(ctx, p.ID)
	if err != nil {
		return err
	}
	v.person, v.session = &p, sess
	v.orgs, v.organizes = map[int64]account.MemberRole{}, map[int64]bool{}
	for _, m := range ms {
		v.orgs[m.OrgID] = m.Role
	}
	for _, id := range evs {
		v.organizes[id] = true
	}
	return nil
}

func hasLangCookie(r *http.Request) bool {
	_, err := r.Cookie(langCookie)
	return err == nil
}

func langOf(r *http.Request) i18n.Lang {
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := i18n.Parse(c.Value); ok {
			return l
		}
	}
	return i18n.VI
}

// checkCSRF compares the form's token with the session's (or, before
// sign-in, the cookie's) in constant time.
func checkCSRF(r *http.Request, v *viewer) error {
	got := r.PostFormValue("csrf")
	if got == "" {
		got = r.Header.Get("X-CSRF-Token")
	}
	if v.csrf == "" || subtle.ConstantTimeCompare([]byte(got), []byte(v.csrf)) != 1 {
		return errFormExpired
	}
	return nil
}

// errFormExpired refuses a form whose token is not the session's: sent
// from a page opened before a sign-in, a sign-out or a restart of the
// browser. Its error page says so and leads back to the form.
var errFormExpired = apperr.Errorf(apperr.Forbidden, "The form has expired. Please reload the page and try again.")

// startSession signs a person in: a new token in an HttpOnly cookie.
func (s *Server) startSession(ctx context.Context, w http.ResponseWriter, personID int64) (string, error) {
	token := account.NewToken()
	sess := account.Session{TokenHash: account.HashToken(token), PersonID: personID, CSRF: account.NewToken(),
		ExpiresAt: s.db.Now().Add(account.SessionLifetime)}
	if err := s.db.CreateWebSession(ctx, sess); err != nil {
		return "", err
	}
	if w != nil {
		// Max-Age, which browsers prefer to Expires, counts from the
		// client's own clock, so a client whose clock is off keeps the
		// session as long as the server does.
		http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: s.cfg.Secure,
			SameSite: http.SameSiteLaxMode, Expires: sess.ExpiresAt, MaxAge: int(account.SessionLifetime.Seconds())})
	}
	return token, nil
}

func (s *Server) endSession(ctx context.Context, w http.ResponseWriter, v *viewer) error {
	if v.session != nil {
		if err := s.db.DeleteWebSession(ctx, v.session.TokenHash); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.cfg.Secure, SameSite: http.SameSiteLaxMode})
	return nil
}

// rateLimit counts an attempt under key and refuses past the limit.
func (s *Server) rateLimit(ctx context.Context, key string) error {
	n, err := s.db.Hit(ctx, key, s.cfg.LoginWindow)
	if err != nil {
		return err
	}
	if n > s.cfg.LoginLimit {
		return apperr.Errorf(apperr.TooMany, "Too many attempts. Please wait a minute and try again.")
	}
	return nil
}

func clientIP(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return host
}

func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.Errorf(apperr.NotFound, "No such %s.", name)
	}
	return id, nil
}

// inEvent reads the record that the path parameter param names inside the
// event of the path: every /events/{event}/…/{id} route loads this way, so
// that an id of another event is simply not found.
func inEvent[T any](r *http.Request, param string, get func(ctx context.Context, eventID, id int64) (T, error)) (T, error) {
	var zero T
	ev, err := pathID(r, "event")
	if err != nil {
		return zero, err
	}
	id, err := pathID(r, param)
	if err != nil {
		return zero, err
	}
	return get(r.Context(), ev, id)
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return "/"
	}
	return next
}

// readForm reads a posted form, multipart or not, before anything looks at
// its fields, and refuses one that cannot be taken as sent.
func readForm(r *http.Request) error {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(32 << 20)
	} else {
		err = r.ParseForm()
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		// The form was cut short (a phone's photo on an upload form): say
		// so, rather than that its token is missing.
		return &apperr.Error{Code: apperr.TooLarge, Message: "The file is larger than allowed: " + sizeText(mb.Limit)}
	}
	for _, vs := range r.PostForm {
		for _, v := range vs {
			if !utf8.ValidString(v) {
				// No browser sends it; stored, it would break the documents
				// and exports that show the text.
				return &apperr.Error{Code: apperr.Invalid, Message: "The form holds text that is not UTF-8."}
			}
		}
	}
	return nil // other errors leave the form empty: the token check refuses it
}
