package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/mail/mailtest"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
)

// TestConfirmationSurvivesRestart registers on a server that stops before
// sending anything; the confirmation is in the outbox, written with the
// registration. A new server on the reopened database sends it, badge
// attached, to a real SMTP server.
func TestConfirmationSurvivesRestart(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			f := mustFixture(t, d) // its server queues mail and sends none
			smtp, inbox := mailtest.MustServer(t)
			form := url.Values{"name": {"Phạm Văn Đức"}, "email": {"duc@example.vn"}, "category": {"visitor"}, "consent": {"yes"}}
			resp := f.do(anon, "POST", fmt.Sprintf("/events/%d/register", f.eventID), "application/x-www-form-urlencoded", form.Encode())
			if b := readAll(t, resp); resp.StatusCode != http.StatusCreated {
				t.Fatalf("register: %d %s", resp.StatusCode, b)
			}
			c, err := f.db.MailCounts(context.Background(), f.eventID)
			if err != nil || c.Pending != 1 || c.Sent != 0 {
				t.Fatalf("outbox before the restart: %+v, %v", c, err)
			}
			if got := inbox.Messages(t); len(got) != 0 {
				t.Fatalf("%d mails sent before the restart", len(got))
			}
			f.srv.Close()
			f.web.Close()
			must(t, f.db.Close())

			db := storetest.MustOpenDSN(t, f.dsn)
			srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Mail: smtp})
			must(t, err)
			defer srv.Close()
			m := inbox.Wait(t, "duc@example.vn", "")
			if len(m.Attachments) != 2 || m.Attachments[0].ContentType != "application/pdf" || !strings.HasPrefix(string(m.Attachments[0].Data), "%PDF") {
				t.Fatalf("confirmation without its badge: %+v", m.Attachments)
			}
			if !strings.Contains(m.Text, "Phạm Văn Đức") {
				t.Fatalf("confirmation text %q", m.Text)
			}
			waitFor(t, func() bool {
				c, err := db.MailCounts(context.Background(), f.eventID)
				return err == nil && c.Sent == 1 && c.Pending == 0
			})
		})
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for i := 0; !ok(); i++ {
		if i > 200 {
			t.Fatal("condition not reached in 10 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestOutboxPageRetriesFailedMail: a confirmation that failed for good is
// counted and listed with its error on the event's outbox page; the retry
// button makes it pending again. Another event's organizer page does not
// count mail of the platform (a meeting mail without an event).
func TestOutboxPageRetriesFailedMail(t *testing.T) {
	f := mustFixture(t, "sqlite")
	ctx := context.Background()
	reg := checkin.Registrant{Name: "Võ Thị Hoa", Email: "hoa@example.vn", Lang: i18n.VI}
	reg.EventID, reg.Category = f.eventID, event.CatVisitor
	must(t, f.db.Register(ctx, &reg, outbox.Mail{Kind: outbox.KindBadge}))
	other := outbox.Mail{Kind: outbox.KindMessage, To: "x@example.vn", Subject: "Lịch gặp", Message: &mail.Message{To: []string{"x@example.vn"}, Subject: "Lịch gặp", Text: "x"}}
	must(t, f.db.EnqueueMail(ctx, &other))
	ms, err := f.db.ClaimMail(ctx, 10, time.Minute)
	if err != nil || len(ms) != 2 {
		t.Fatalf("claim: %d, %v", len(ms), err)
	}
	for _, m := range ms {
		must(t, f.db.MailFailed(ctx, m.ID, "mail: connect 127.0.0.1:25: connection refused", time.Now(), true))
	}
	body := readAll(t, f.do(organizer, "GET", fmt.Sprintf("/console/events/%d/mail", f.eventID), "", ""))
	for _, want := range []string{`id="outbox-failed">1<`, `id="outbox-pending">0<`, "hoa@example.vn", "connection refused", `id="outbox-retry"`} {
		if !strings.Contains(body, want) {
			t.Fatalf("event outbox page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "x@example.vn") {
		t.Fatal("the event's page shows a mail of no event")
	}
	resp := f.do(organizer, "POST", fmt.Sprintf("/console/events/%d/mail/retry", f.eventID), "application/x-www-form-urlencoded", "")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(resp.Header.Get("Location"), "/mail?retried=1") {
		t.Fatalf("retry: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	c, err := f.db.MailCounts(ctx, f.eventID)
	if err != nil || c.Pending != 1 || c.Failed != 0 {
		t.Fatalf("after retry: %+v, %v", c, err)
	}
	body = readAll(t, f.do(admin, "GET", "/console/mail?retried=1", "", ""))
	for _, want := range []string{`id="outbox-failed">1<`, `id="outbox-pending">1<`, "Lịch gặp", `id="outbox-retried"`} {
		if !strings.Contains(body, want) {
			t.Fatalf("platform outbox page lacks %q:\n%s", want, body)
		}
	}
}
