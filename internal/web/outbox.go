package web

import (
	"net/http"
	"strconv"

	"ketnoi/internal/outbox"
)

// OutboxPage shows the mail outbox: what waits, what failed and why, with
// a button that tries the failed mail again.
type OutboxPage struct {
	Page
	EventID   int64 // 0: every mail, for platform administrators
	EventName string
	Counts    outbox.Counts
	Failed    []outbox.Mail
	Retried   int // how many the last retry brought back; -1 when none was asked
}

// outboxEvent is the event of an outbox route, 0 on the platform's page.
func outboxEvent(r *http.Request) (int64, error) {
	if r.PathValue("event") == "" {
		return 0, nil
	}
	return pathID(r, "event")
}

func (s *Server) handleOutbox(w http.ResponseWriter, r *http.Request) error {
	ev, err := outboxEvent(r)
	if err != nil {
		return err
	}
	p := OutboxPage{Page: s.page(r, ""), EventID: ev, Retried: -1}
	p.Title = p.T("mail.outbox.title")
	if ev != 0 {
		e, _, err := s.loadEvent(r)
		if err != nil {
			return err
		}
		p.EventName = p.Tx(e.Name)
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("retried")); err == nil && n >= 0 {
		p.Retried = n
	}
	if p.Counts, err = s.db.MailCounts(r.Context(), ev); err != nil {
		return err
	}
	if p.Failed, err = s.db.Mails(r.Context(), ev, outbox.Failed, 100); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "outbox", p)
}

func (s *Server) handleOutboxRetry(w http.ResponseWriter, r *http.Request) error {
	ev, err := outboxEvent(r)
	if err != nil {
		return err
	}
	n, err := s.db.RetryFailedMail(r.Context(), ev)
	if err != nil {
		return err
	}
	s.mailer.Wake()
	back := "/console/mail"
	if ev != 0 {
		back = "/console/events/" + itoa(ev) + "/mail"
	}
	http.Redirect(w, r, back+"?retried="+strconv.Itoa(n), http.StatusSeeOther)
	return nil
}
