package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"ketnoi/internal/account"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store/storetest"
	"ketnoi/internal/web"
	"ketnoi/internal/web/webtest"
)

// TestOutboxPageInBrowser: an administrator opens the outbox from the
// console, sees the failed mail with its error and presses the retry
// button; the page then counts it as waiting again.
func TestOutboxPageInBrowser(t *testing.T) {
	webtest.RequireChromium(t)
	ctx := context.Background()
	db := storetest.MustOpen(t, "sqlite")
	boss := account.Person{Email: "boss@example.vn", Name: "Boss", Lang: i18n.EN, IsAdmin: true}
	must(t, db.CreatePerson(ctx, &boss))
	m := outbox.Mail{Kind: outbox.KindMessage, To: "lan@example.vn", Subject: "Meeting confirmed",
		Message: &mail.Message{To: []string{"lan@example.vn"}, Subject: "Meeting confirmed", Text: "x"}}
	must(t, db.EnqueueMail(ctx, &m))
	claimed, err := db.ClaimMail(ctx, 1, time.Minute)
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %v", err)
	}
	must(t, db.MailFailed(ctx, m.ID, "mail: connect 127.0.0.1:25: connection refused", time.Now(), true))
	token := account.NewToken()
	must(t, db.CreateWebSession(ctx, account.Session{TokenHash: account.HashToken(token), PersonID: boss.ID, CSRF: account.NewToken(), ExpiresAt: time.Now().Add(time.Hour)}))
	// No worker: the retried mail stays waiting for the page to show it.
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NoMailWorker: true})
	must(t, err)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	bctx := webtest.MustBrowser(t)
	_, err = chromedp.Call(bctx, network.SetCookie, network.SetCookieParams{Name: "ketnoi_session", Value: token, URL: ts.URL})
	must(t, err)
	mustNavigate(t, bctx, ts.URL+"/console")
	mustClickNavigate(t, bctx, "#console-outbox")
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#outbox-failed") && document.querySelector("#outbox-failed").textContent === "1"`, chromedp.WithPollingTimeout(stepTimeout)))
	if text := mustRun(t, bctx, chromedp.Evaluate[string](`document.querySelector("#outbox-failures").innerText`)); !containsAll(text, "lan@example.vn", "Meeting confirmed", "connection refused") {
		t.Fatalf("failed mail row: %q", text)
	}
	mustClickNavigate(t, bctx, "#outbox-retry")
	mustRun(t, bctx, chromedp.Poll[bool](`document.querySelector("#outbox-retried") !== null && document.querySelector("#outbox-pending").textContent === "1" && document.querySelector("#outbox-failed").textContent === "0"`, chromedp.WithPollingTimeout(stepTimeout)))
	if c, err := db.MailCounts(ctx, 0); err != nil || c.Pending != 1 || c.Failed != 0 {
		t.Fatalf("after the retry button: %+v, %v", c, err)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
