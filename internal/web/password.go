package web

import (
	"errors"
	"net/http"
	"net/url"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
	"ketnoi/internal/mail"
	"ketnoi/internal/outbox"
)

// PasswordPage is the "forgot your password" form and the form a reset
// link opens.
type PasswordPage struct {
	AuthPage
	Token string
	// Sent: the forgot form was answered. The answer is the same whether
	// the email has an account or not, so that the form tells nobody
	// which addresses do.
	Sent bool
	// Dead says why a reset link no longer works; the page then offers
	// to ask for a new one.
	Dead string
}

func (s *Server) passwordPage(w http.ResponseWriter, r *http.Request, titleKey string) PasswordPage {
	// The reset link's token is in the address: no cache keeps the page,
	// and no link followed from it sends the address on as a referrer.
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	return PasswordPage{AuthPage: s.authPage(r, titleKey)}
}

func (s *Server) handleForgotForm(w http.ResponseWriter, r *http.Request) error {
	p := s.passwordPage(w, r, "password.forgot.title")
	p.Email = r.URL.Query().Get("email")
	return s.render(w, http.StatusOK, "password_forgot", p)
}

func (s *Server) handleForgot(w http.ResponseWriter, r *http.Request) error {
	p := s.passwordPage(w, r, "password.forgot.title")
	p.Email = r.PostFormValue("email")
	email, err := account.NormalizeEmail(p.Email)
	if err != nil {
		p.Fields = translateFields(p.Page, map[string]string{"email": err.Error()})
		p.Message = p.T("form.fix")
		return s.render(w, http.StatusUnprocessableEntity, "password_forgot", p)
	}
	p.Email = email
	if err := s.limitForgot(r, email); err != nil {
		if statusOf(err) != http.StatusTooManyRequests {
			return err
		}
		p.Message = p.T("login.too_many")
		return s.render(w, http.StatusTooManyRequests, "password_forgot", p)
	}
	if err := s.sendReset(r, email, p.Next); err != nil {
		return err
	}
	p.Sent = true
	return s.render(w, http.StatusOK, "password_forgot", p)
}

// limitForgot counts a request like a login attempt, per address and per
// account, so that the form mails nobody in a loop.
func (s *Server) limitForgot(r *http.Request, email string) error {
	if err := s.rateLimit(r.Context(), "forgot-ip:"+clientIP(r)); err != nil {
		return err
	}
	return s.rateLimit(r.Context(), "forgot-email:"+email)
}

// sendReset stores a reset link for the account of email, if there is
// one, and queues its mail in the person's language. For an unknown
// email it does nothing and says nothing.
func (s *Server) sendReset(r *http.Request, email, next string) error {
	person, err := s.db.PersonByEmail(r.Context(), email)
	if apperr.Is(err, apperr.NotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	token, reset := account.NewPasswordReset(person.ID, s.db.Now())
	m := s.resetMail(person, token, next)
	if err := s.db.CreatePasswordReset(r.Context(), reset, &m); err != nil {
		return err
	}
	s.mailer.Wake()
	return nil
}

// resetMail is the mail with the reset link. The link is absolute only
// when the server knows its public address; it is never built from the
// request's Host header, which whoever asks for the link chooses.
func (s *Server) resetMail(person account.Person, token, next string) outbox.Mail {
	p := s.mailPage(person.Lang)
	q := url.Values{"token": {token}}
	if next != "/" {
		q.Set("next", next)
	}
	link := s.absolute("/password/reset?" + q.Encode())
	msg := mail.Message{To: []string{person.Email}, Subject: p.T("mail.password.subject"),
		Text: p.T("mail.password.body", person.Name, link)}
	return outbox.Mail{Kind: outbox.KindMessage, To: person.Email, Subject: msg.Subject, Message: &msg}
}

func (s *Server) handleResetForm(w http.ResponseWriter, r *http.Request) error {
	p := s.passwordPage(w, r, "password.reset.title")
	p.Token = r.URL.Query().Get("token")
	if err := s.liveReset(r, p.Token); err != nil {
		return s.deadLink(w, p, err)
	}
	return s.render(w, http.StatusOK, "password_reset", p)
}

func (s *Server) handleReset(w http.ResponseWriter, r *http.Request) error {
	p := s.passwordPage(w, r, "password.reset.title")
	p.Token = r.PostFormValue("token")
	if err := s.rateLimit(r.Context(), "reset-ip:"+clientIP(r)); err != nil {
		if statusOf(err) != http.StatusTooManyRequests {
			return err
		}
		p.Message = p.T("login.too_many")
		return s.render(w, http.StatusTooManyRequests, "password_reset", p)
	}
	// The link is checked before the password, so that a dead link is
	// not asked for a password it cannot set.
	if err := s.liveReset(r, p.Token); err != nil {
		return s.deadLink(w, p, err)
	}
	password := r.PostFormValue("password")
	var e *apperr.Error
	if err := account.ValidatePassword(password); errors.As(err, &e) {
		p.Fields, p.Message = translateFields(p.Page, e.Fields), p.T("form.fix")
		return s.render(w, http.StatusUnprocessableEntity, "password_reset", p)
	}
	hash, err := account.HashPassword(password)
	if err != nil {
		return err
	}
	personID, err := s.db.ResetPassword(r.Context(), account.HashToken(p.Token), hash)
	if err != nil {
		return s.deadLink(w, p, err) // used meanwhile, by another tab
	}
	return s.signInAfterReset(w, r, personID, p.Next)
}

// signInAfterReset ends the session the browser had (the reset ended the
// person's own; this one may be someone else's) and starts one for the
// person whose password was set.
func (s *Server) signInAfterReset(w http.ResponseWriter, r *http.Request, personID int64, next string) error {
	if v := viewerOf(r); v.session != nil {
		if err := s.db.DeleteWebSession(r.Context(), v.session.TokenHash); err != nil {
			return err
		}
	}
	if _, err := s.startSession(r.Context(), w, personID); err != nil {
		return err
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// liveReset checks that token is a reset link that still works.
func (s *Server) liveReset(r *http.Request, token string) error {
	if token == "" || len(token) > 100 {
		return errUnknownLink
	}
	reset, err := s.db.PasswordReset(r.Context(), account.HashToken(token))
	if err != nil {
		return err
	}
	return reset.Check(s.db.Now())
}

var errUnknownLink = apperr.Errorf(apperr.NotFound, "Password reset not found.")

// deadLink answers a reset link that does not work (unknown, expired,
// used) with a page that says which, and a way to ask for a new one.
// Anything else is an error of the server.
func (s *Server) deadLink(w http.ResponseWriter, p PasswordPage, err error) error {
	status := http.StatusGone
	switch {
	case errors.Is(err, account.ErrResetUsed):
		p.Dead = p.T("password.dead.used")
	case errors.Is(err, account.ErrResetExpired):
		p.Dead = p.T("password.dead.expired")
	case apperr.Is(err, apperr.NotFound):
		p.Dead, status = p.T("password.dead.unknown"), http.StatusNotFound
	default:
		return err
	}
	p.Title = p.T("password.dead.title")
	return s.render(w, status, "password_dead", p)
}
