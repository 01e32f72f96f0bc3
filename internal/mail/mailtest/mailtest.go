// Package mailtest runs a real local SMTP test server (mailpit) for tests
// and reads back what it received through its HTTP API.
package mailtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/mail"
)

// Inbox reads the messages the test server received.
type Inbox struct {
	api string
}

// Message is a received message with its bodies and attachments.
type Message struct {
	ID          string
	Subject     string
	To          []string
	Text        string
	HTML        string
	Attachments []Attachment
}

// Attachment is a received file.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// binary finds mailpit on PATH or in the Go bin directory, where
// scripts/test.sh installs it.
func binary() (string, error) {
	if p, err := exec.LookPath("mailpit"); err == nil {
		return p, nil
	}
	home, _ := os.UserHomeDir()
	for _, dir := range []string{os.Getenv("GOBIN"), filepath.Join(os.Getenv("GOPATH"), "bin"), filepath.Join(home, "go", "bin")} {
		if p := filepath.Join(dir, "mailpit"); dir != "" && fileExists(p) {
			return p, nil
		}
	}
	return "", fmt.Errorf("mailpit not found: scripts/test.sh installs it with go install")
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func freePort(tb testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// MustServer starts a test SMTP server for this test and returns a sender
// pointed at it and the inbox to read.
func MustServer(tb testing.TB) (*mail.SMTP, *Inbox) {
	tb.Helper()
	bin, err := binary()
	if err != nil {
		tb.Fatal(err)
	}
	smtpAddr, httpAddr := freePort(tb), freePort(tb)
	cmd := exec.Command(bin, "--smtp", smtpAddr, "--listen", httpAddr, "--database", filepath.Join(tb.TempDir(), "mailpit.db"), "--quiet")
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start mailpit: %v", err)
	}
	tb.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	in := &Inbox{api: "http://" + httpAddr}
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(in.api + "/api/v1/messages")
		if err == nil {
			resp.Body.Close()
			if c, err := net.Dial("tcp", smtpAddr); err == nil {
				c.Close()
				break
			}
		}
		if time.Now().After(deadline) {
			tb.Fatal("mailpit did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
	return &mail.SMTP{Addr: smtpAddr, From: "ketnoi <no-reply@ketnoi.test>"}, in
}

type summary struct {
	ID      string
	Subject string
	To      []struct{ Address string }
}

func (in *Inbox) getJSON(path string, v any) error {
	resp, err := http.Get(in.api + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("mailpit %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Messages lists what arrived, newest first, with bodies and attachments.
func (in *Inbox) Messages(tb testing.TB) []Message {
	tb.Helper()
	var list struct{ Messages []summary }
	if err := in.getJSON("/api/v1/messages?limit=500", &list); err != nil {
		tb.Fatal(err)
	}
	out := make([]Message, 0, len(list.Messages))
	for _, s := range list.Messages {
		out = append(out, in.read(tb, s))
	}
	return out
}

func (in *Inbox) read(tb testing.TB, s summary) Message {
	var full struct {
		Text, HTML  string
		Attachments []struct{ PartID, FileName, ContentType string }
	}
	if err := in.getJSON("/api/v1/message/"+s.ID, &full); err != nil {
		tb.Fatal(err)
	}
	m := Message{ID: s.ID, Subject: s.Subject, Text: full.Text, HTML: full.HTML}
	for _, t := range s.To {
		m.To = append(m.To, t.Address)
	}
	for _, a := range full.Attachments {
		resp, err := http.Get(in.api + "/api/v1/message/" + s.ID + "/part/" + a.PartID)
		if err != nil {
			tb.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		m.Attachments = append(m.Attachments, Attachment{Name: a.FileName, ContentType: a.ContentType, Data: data})
	}
	return m
}

// Wait returns the first message to the address whose subject contains
// the text, waiting up to ten seconds for it to arrive.
func (in *Inbox) Wait(tb testing.TB, to, subjectContains string) Message {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		for _, m := range in.Messages(tb) {
			for _, addr := range m.To {
				if strings.EqualFold(addr, to) && strings.Contains(m.Subject, subjectContains) {
					return m
				}
			}
		}
		select {
		case <-ctx.Done():
			tb.Fatalf("no message to %s with %q in its subject", to, subjectContains)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
