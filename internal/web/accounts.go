package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
)

// AuthPage is the sign-in and sign-up form with its messages.
type AuthPage struct {
	Page
	Next    string
	Email   string
	Name    string
	Message string
	Fields  map[string]string
	// SetPassword links a sign-up refused for an email that is known
	// without a password (a registration for an event made it) to the
	// form that mails a link to set one.
	SetPassword string
}

// Link is path with the page's next, and with the email typed when
// withEmail, for the links between the sign-in, sign-up and password
// pages: whichever way the person goes, they end where they were going.
func (p AuthPage) Link(path string, withEmail bool) string {
	q := url.Values{}
	if p.Next != "/" {
		q.Set("next", p.Next)
	}
	if withEmail && p.Email != "" {
		q.Set("email", p.Email)
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

func (s *Server) authPage(r *http.Request, titleKey string) AuthPage {
	p := AuthPage{Page: s.page(r, ""), Next: safeNext(r.FormValue("next"))}
	p.Title = p.T(titleKey)
	return p
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, http.StatusOK, "login", s.authPage(r, "login.title"))
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) error {
	p := s.authPage(r, "login.title")
	email, _ := account.NormalizeEmail(r.PostFormValue("email"))
	p.Email = r.PostFormValue("email")
	if err := s.rateLimit(r.Context(), "login-ip:"+clientIP(r)); err != nil {
		return s.loginFailed(w, p, err)
	}
	if email != "" {
		if err := s.rateLimit(r.Context(), "login-email:"+email); err != nil {
			return s.loginFailed(w, p, err)
		}
	}
	person, err := s.checkLogin(r, email, r.PostFormValue("password"))
	if err != nil {
		return s.loginFailed(w, p, err)
	}
	if _, err := s.startSession(r.Context(), w, person.ID); err != nil {
		return err
	}
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

// checkLogin verifies an email and password; every failure looks the same
// to the client, so that it cannot learn which accounts exist.
func (s *Server) checkLogin(r *http.Request, email, password string) (account.Person, error) {
	bad := apperr.Errorf(apperr.Unauthorized, "Wrong email or password.")
	if email == "" || len(password) > account.MaxPassword {
		return account.Person{}, bad
	}
	p, err := s.db.PersonByEmail(r.Context(), email)
	if apperr.Is(err, apperr.NotFound) || (err == nil && p.PasswordHash == "") {
		account.CheckPassword(dummyHash, password) // same work as a real check
		return account.Person{}, bad
	}
	if err != nil {
		return p, err
	}
	if !account.CheckPassword(p.PasswordHash, password) {
		return account.Person{}, bad
	}
	return p, nil
}

var dummyHash, _ = account.HashPassword("not a real password")

func (s *Server) loginFailed(w http.ResponseWriter, p AuthPage, err error) error {
	status := statusOf(err)
	if status == http.StatusInternalServerError {
		return err
	}
	if status == http.StatusTooManyRequests {
		p.Message = p.T("login.too_many")
	} else {
		p.Message = p.T("login.wrong")
	}
	return s.render(w, status, "login", p)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	if err := s.endSession(r.Context(), w, viewerOf(r)); err != nil {
		return err
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

func (s *Server) handleSignupForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, http.StatusOK, "signup", s.authPage(r, "signup.title"))
}

func (s *Server) handleSignup(w http.ResponseWriter, r *http.Request) error {
	p := s.authPage(r, "signup.title")
	in := account.SignUp{Email: r.PostFormValue("email"), Name: r.PostFormValue("name"), Password: r.PostFormValue("password"), Lang: p.Lang}
	p.Email, p.Name = in.Email, in.Name
	if err := s.rateLimit(r.Context(), "signup-ip:"+clientIP(r)); err != nil {
		return err
	}
	person, err := s.signUp(r, in)
	if apperr.Is(err, apperr.Conflict) {
		err = s.knownWithoutPassword(r, &p, err)
	}
	var e *apperr.Error
	if errors.As(err, &e) && (e.Code == apperr.Invalid || e.Code == apperr.Conflict) {
		p.Fields = translateFields(p.Page, e.Fields)
		p.Message = p.T("form.fix")
		return s.render(w, statusOf(err), "signup", p)
	}
	if err != nil {
		return err
	}
	if _, err := s.startSession(r.Context(), w, person.ID); err != nil {
		return err
	}
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

// knownWithoutPassword turns a sign-up refused for a taken email into
// an offer to set a password, when the account has none: a person who
// registered for an event without an account was recorded then, and can
// only take the account over through a link mailed to that address.
func (s *Server) knownWithoutPassword(r *http.Request, p *AuthPage, taken error) error {
	email, err := account.NormalizeEmail(p.Email)
	if err != nil {
		return taken
	}
	person, err := s.db.PersonByEmail(r.Context(), email)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		s.log.Warn("sign-up: taken email not read", "err", err)
	}
	if err != nil || person.PasswordHash != "" {
		return taken
	}
	p.Email = email
	p.SetPassword = p.Link("/password/forgot", true)
	return &apperr.Error{Code: apperr.Conflict, Message: "This email has no password yet.",
		Fields: apperr.Fields{"email": "is known from an event registration, without a password"}, Err: taken}
}

// signUp validates and creates an account.
func (s *Server) signUp(r *http.Request, in account.SignUp) (account.Person, error) {
	if err := in.Validate(); err != nil {
		return account.Person{}, err
	}
	hash, err := account.HashPassword(in.Password)
	if err != nil {
		return account.Person{}, err
	}
	p := account.Person{Email: in.Email, Name: in.Name, Lang: in.Lang, PasswordHash: hash}
	err = s.db.CreatePerson(r.Context(), &p)
	return p, err
}

// translateFields shows field messages in the page's language where the
// catalogue has them, keyed by field.
func translateFields(p Page, fields map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range fields {
		out[k] = translateField(p, k, v)
	}
	return out
}

// translateField looks a field message up in the reader's language (a
// message that names a value: see Page.lookupMessage).
func translateField(p Page, field, msg string) string {
	t, _ := p.lookupMessage("field."+field+".", msg, func(key string) bool { return p.T(key) != key })
	return t
}

// handleLang switches the language, remembered in a cookie and, when
// signed in, on the account.
func (s *Server) handleLang(w http.ResponseWriter, r *http.Request) error {
	lang, ok := i18n.Parse(r.PathValue("lang"))
	if !ok {
		return errPageNotFound
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(lang), Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, Secure: s.cfg.Secure, SameSite: http.SameSiteLaxMode})
	if v := viewerOf(r); v.signedIn() {
		if err := s.db.SetPersonLang(r.Context(), v.person.ID, lang); err != nil {
			return err
		}
	}
	http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
	return nil
}
