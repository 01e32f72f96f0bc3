// Package mail sends e-mail: a message type, the Sender interface the rest
// of ketnoi depends on, and an SMTP sender that writes proper MIME
// (UTF-8 subjects and bodies, HTML alternative, attachments).
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"strings"
	"time"
)

// Message is one e-mail.
type Message struct {
	To          []string
	Subject     string
	Text        string // plain text body, always sent
	HTML        string // optional HTML alternative
	Attachments []Attachment
}

// Attachment is a file sent with a message.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// Sender sends messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// SMTP sends through an SMTP server. Auth is used when Username is set
// (PLAIN, which net/smtp only allows over TLS or to localhost).
type SMTP struct {
	Addr     string // host:port
	From     string // "ketnoi <no-reply@example.vn>"
	Username string
	Password string
	Timeout  time.Duration
}

// Send delivers m, one SMTP transaction for all recipients.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	if len(m.To) == 0 {
		return errors.New("mail: no recipient")
	}
	from, err := mail.ParseAddress(s.From)
	if err != nil {
		return fmt.Errorf("mail: sender %q: %w", s.From, err)
	}
	body, err := Compose(s.From, m, time.Now())
	if err != nil {
		return err
	}
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 15 * time.Second
	}
	d := net.Dialer{Timeout: timeout}
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("mail: connect %s: %w", s.Addr, err)
	}
	conn.SetDeadline(time.Now().Add(timeout))
	host, _, _ := net.SplitHostPort(s.Addr)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail: %w", err)
	}
	defer c.Close()
	if s.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", s.Username, s.Password, host)); err != nil {
			return fmt.Errorf("mail: auth: %w", err)
		}
	}
	if err := c.Mail(from.Address); err != nil {
		return fmt.Errorf("mail: MAIL FROM: %w", err)
	}
	for _, to := range m.To {
		if err := c.Rcpt(to); err != nil {
			return fmt.Errorf("mail: RCPT TO %s: %w", to, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("mail: DATA: %w", err)
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("mail: write: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("mail: send: %w", err)
	}
	return c.Quit()
}

// Compose writes the message as RFC 5322 bytes with MIME parts.
func Compose(from string, m Message, now time.Time) ([]byte, error) {
	for _, to := range m.To {
		if _, err := mail.ParseAddress(to); err != nil {
			return nil, fmt.Errorf("mail: recipient %q: %w", to, err)
		}
	}
	var buf bytes.Buffer
	h := func(k, v string) { fmt.Fprintf(&buf, "%s: %s\r\n", k, v) }
	h("From", from)
	h("To", strings.Join(m.To, ", "))
	h("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	h("Date", now.Format(time.RFC1123Z))
	h("Message-ID", "<"+randomID()+"@ketnoi>")
	h("MIME-Version", "1.0")
	mixed := multipart.NewWriter(&buf)
	h("Content-Type", `multipart/mixed; boundary="`+mixed.Boundary()+`"`)
	buf.WriteString("\r\n")
	if err := writeBody(mixed, m); err != nil {
		return nil, err
	}
	for _, a := range m.Attachments {
		ct := a.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		part, err := mixed.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {mime.FormatMediaType(ct, map[string]string{"name": a.Name})},
			"Content-Disposition":       {mime.FormatMediaType("attachment", map[string]string{"filename": a.Name})},
			"Content-Transfer-Encoding": {"base64"},
		})
		if err != nil {
			return nil, err
		}
		writeBase64(part, a.Data)
	}
	if err := mixed.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeBody(mixed *multipart.Writer, m Message) error {
	// The boundary goes in the part's header before the part's writer exists.
	boundary := multipart.NewWriter(io.Discard).Boundary()
	part, err := mixed.CreatePart(textproto.MIMEHeader{"Content-Type": {`multipart/alternative; boundary="` + boundary + `"`}})
	if err != nil {
		return err
	}
	alt := multipart.NewWriter(part)
	if err := alt.SetBoundary(boundary); err != nil {
		return err
	}
	for _, b := range []struct{ ct, body string }{{"text/plain; charset=utf-8", m.Text}, {"text/html; charset=utf-8", m.HTML}} {
		if b.body == "" {
			continue
		}
		p, err := alt.CreatePart(textproto.MIMEHeader{"Content-Type": {b.ct}, "Content-Transfer-Encoding": {"base64"}})
		if err != nil {
			return err
		}
		writeBase64(p, []byte(b.body))
	}
	return alt.Close()
}

func writeBase64(w io.Writer, data []byte) {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		io.WriteString(w, enc[:76]+"\r\n")
		enc = enc[76:]
	}
	io.WriteString(w, enc+"\r\n")
}

func randomID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Log is a Sender for installations without SMTP: it logs what it would
// have sent, so that nothing fails and nothing is silently lost.
type Log struct{ Logger *slog.Logger }

// Send logs the message.
func (l Log) Send(_ context.Context, m Message) error {
	l.Logger.Info("mail not sent: no SMTP server configured", "to", strings.Join(m.To, ","), "subject", m.Subject)
	return nil
}
