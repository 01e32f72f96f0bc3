// Package outbox makes mail durable: a message is written to a table (in
// the transaction of what caused it, where the store can), and a worker
// claims due rows, sends them over SMTP, marks them sent, and retries with
// backoff when the server fails, giving up after a number of attempts with
// the error kept. A mail therefore survives a restart of the process, and
// on PostgreSQL several instances share the work (each row is claimed by
// one of them).
package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	netmail "net/mail"
	"sort"
	"strings"
	"time"

	"ketnoi/internal/mail"
)

// Kinds of mail. A message is stored whole; a badge confirmation stores
// only its registration and is drawn when it is sent, so the table holds
// no PDF and the request that registers draws nothing.
const (
	KindMessage = "message"
	KindBadge   = "badge"
)

// Statuses of a mail.
const (
	Pending = "pending"
	Sent    = "sent"
	Failed  = "failed" // gave up; an operator may retry
)

// Mail is one row of the outbox.
type Mail struct {
	ID             int64         `json:"id"`
	Kind           string        `json:"kind"`
	EventID        int64         `json:"event_id,omitempty"`
	RegistrationID int64         `json:"registration_id,omitempty"`
	To             string        `json:"to"`
	Subject        string        `json:"subject,omitempty"`
	Message        *mail.Message `json:"-"` // KindMessage only
	Status         string        `json:"status"`
	Attempts       int           `json:"attempts"`
	LastError      string        `json:"last_error,omitempty"`
	CreatedAt      time.Time     `json:"created_at"`
	SentAt         *time.Time    `json:"sent_at,omitempty"`
}

// Counts are the outbox's figures for the console.
type Counts struct {
	Pending int `json:"pending"`
	Failed  int `json:"failed"`
	Sent    int `json:"sent"`
}

// Store is what the outbox needs from the database.
type Store interface {
	EnqueueMail(ctx context.Context, m *Mail) error
	// ClaimMail takes up to limit due pending mails, counts an attempt on
	// each and hides them from other workers until lease has passed.
	ClaimMail(ctx context.Context, limit int, lease time.Duration) ([]Mail, error)
	MailSent(ctx context.Context, id int64) error
	// MailFailed records a failed attempt: pending again at retryAt, or
	// failed for good when giveUp.
	MailFailed(ctx context.Context, id int64, why string, retryAt time.Time, giveUp bool) error
	// ReleaseMail gives back a claimed mail not attempted (the worker stops).
	ReleaseMail(ctx context.Context, id int64) error
	// PruneSentMail deletes mail sent before a time and says how many.
	PruneSentMail(ctx context.Context, before time.Time) (int, error)
}

// KeepSent is how long a sent mail stays in the outbox, for the console's
// counts and for questions ("was my badge mailed?").
const KeepSent = 30 * 24 * time.Hour

// Permanent marks an error that a retry cannot mend (the registration is
// gone, a recipient is not an address): the mail fails at once.
func Permanent(err error) error { return permanentError{err} }

type permanentError struct{ error }

func (p permanentError) Unwrap() error { return p.error }

// Sender is the mail.Sender the rest of ketnoi uses: Send checks the
// recipients, writes the message to the outbox and returns; the worker
// sends it.
type Sender struct {
	Store  Store
	Worker *Worker // woken after each message; may be nil
}

// eventKey holds, in a context, the event a mail sent under it is about.
type eventKey struct{}

// ForEvent marks the mail sent under the returned context as being about
// an event, so that the event's organizers find it in their outbox
// (meeting requests and schedules, application decisions …) beside its
// badge confirmations.
func ForEvent(ctx context.Context, eventID int64) context.Context {
	return context.WithValue(ctx, eventKey{}, eventID)
}

// Send queues m, under the event ForEvent marked on ctx if any.
func (s *Sender) Send(ctx context.Context, m mail.Message) error {
	if err := CheckRecipients(m.To); err != nil {
		return err
	}
	row := Mail{Kind: KindMessage, To: strings.Join(m.To, ", "), Subject: m.Subject, Message: &m}
	row.EventID, _ = ctx.Value(eventKey{}).(int64)
	if err := s.Store.EnqueueMail(ctx, &row); err != nil {
		return fmt.Errorf("queue mail: %w", err)
	}
	s.Worker.Wake()
	return nil
}

// CheckRecipients refuses a message that could never be delivered.
func CheckRecipients(to []string) error {
	if len(to) == 0 {
		return errors.New("mail: no recipient")
	}
	for _, a := range to {
		if _, err := netmail.ParseAddress(a); err != nil {
			return fmt.Errorf("mail: recipient %q: %w", a, err)
		}
	}
	return nil
}

// Worker sends what the outbox holds. Run one per process: on SQLite the
// process is the only one; on PostgreSQL every instance runs one and the
// database hands each mail to one of them.
type Worker struct {
	Store     Store
	Transport mail.Sender
	// Render builds the message of a mail that is not stored whole
	// (KindBadge): it draws the badge at send time.
	Render func(ctx context.Context, m Mail) (mail.Message, error)
	// MaxAttempts is how often a mail is tried before it fails for good.
	MaxAttempts int
	// Backoff is the wait after the n-th failed attempt (n from 1).
	Backoff func(n int) time.Duration
	// Busy bounds the share of one core that drawing takes: after a mail
	// whose rendering took d, the worker rests d·(1−Busy)/Busy, so that a
	// burst of confirmations never starves the requests that register.
	Busy float64
	// Yield, when set, reports that requests are waiting: the worker then
	// draws at a fifth of Busy, so that a burst of registrations is
	// answered first and its confirmations follow.
	Yield func() bool
	// Poll is how often an idle worker looks for mail queued elsewhere
	// (another instance, or a retry coming due).
	Poll  time.Duration
	Lease time.Duration // how long a claim hides a mail from other workers
	Batch int           // mails claimed at once
	Log   *slog.Logger
	Now   func() time.Time
	wake  chan struct{}
}

// NewWorker returns a worker with the defaults: 8 attempts, backoff from
// 30 s doubling to an hour, half a core for drawing, a poll each second.
func NewWorker(st Store, transport mail.Sender, log *slog.Logger) *Worker {
	return &Worker{Store: st, Transport: transport, MaxAttempts: 8, Backoff: DefaultBackoff, Busy: 0.5,
		Poll: time.Second, Lease: 5 * time.Minute, Batch: 8, Log: log, Now: time.Now, wake: make(chan struct{}, 1)}
}

// DefaultBackoff waits 30 s after the first failure, doubling up to an hour.
func DefaultBackoff(n int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < n && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// Wake tells the worker that mail was queued in this process.
func (w *Worker) Wake() {
	if w == nil {
		return
	}
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run sends until ctx ends, and once an hour forgets mail sent more than
// KeepSent ago.
func (w *Worker) Run(ctx context.Context) {
	var pruned time.Time
	for {
		if _, err := w.Drain(ctx); err != nil && ctx.Err() == nil {
			w.Log.Warn("mail outbox", "err", err)
		}
		if now := w.Now(); now.Sub(pruned) > time.Hour && ctx.Err() == nil {
			if _, err := w.Store.PruneSentMail(ctx, now.Add(-KeepSent)); err != nil && ctx.Err() == nil {
				w.Log.Warn("mail outbox prune", "err", err)
			}
			pruned = now
		}
		select {
		case <-ctx.Done():
			return
		case <-w.wake:
		case <-time.After(w.Poll):
		}
	}
}

// Drain sends every mail that is due now and returns how many it tried.
func (w *Worker) Drain(ctx context.Context) (int, error) {
	n := 0
	for ctx.Err() == nil {
		ms, err := w.Store.ClaimMail(ctx, w.Batch, w.Lease)
		if err != nil {
			return n, err
		}
		if len(ms) == 0 {
			return n, nil
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].ID < ms[j].ID })
		for i, m := range ms {
			if ctx.Err() != nil {
				w.release(ms[i:])
				return n, nil
			}
			w.send(ctx, m)
			n++
		}
	}
	return n, nil
}

func (w *Worker) release(ms []Mail) {
	for _, m := range ms {
		if err := w.Store.ReleaseMail(context.Background(), m.ID); err != nil {
			w.Log.Warn("mail outbox release", "mail", m.ID, "err", err)
		}
	}
}

func (w *Worker) send(ctx context.Context, m Mail) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	start := time.Now()
	msg, err := w.message(ctx, m)
	drawn := time.Since(start)
	if err == nil {
		err = w.Transport.Send(ctx, msg)
	}
	if err == nil {
		if err := w.Store.MailSent(ctx, m.ID); err != nil {
			w.Log.Error("mail sent but not marked", "mail", m.ID, "err", err)
		}
	} else {
		var perm permanentError
		giveUp := errors.As(err, &perm) || m.Attempts >= w.MaxAttempts
		retryAt := w.Now().Add(w.Backoff(m.Attempts))
		w.Log.Warn("mail not sent", "mail", m.ID, "kind", m.Kind, "attempt", m.Attempts, "give_up", giveUp, "err", err)
		if err := w.Store.MailFailed(ctx, m.ID, err.Error(), retryAt, giveUp); err != nil {
			w.Log.Error("mail failure not recorded", "mail", m.ID, "err", err)
		}
	}
	busy := w.Busy
	if w.Yield != nil && w.Yield() {
		busy /= 5
	}
	if busy > 0 && busy < 1 && m.Kind != KindMessage {
		time.Sleep(time.Duration(float64(drawn) * (1 - busy) / busy))
	}
}

func (w *Worker) message(ctx context.Context, m Mail) (mail.Message, error) {
	if m.Kind == KindMessage {
		if m.Message == nil {
			return mail.Message{}, Permanent(errors.New("the stored message is empty"))
		}
		return *m.Message, nil
	}
	if w.Render == nil {
		return mail.Message{}, Permanent(fmt.Errorf("no renderer for %s mail", m.Kind))
	}
	return w.Render(ctx, m)
}
