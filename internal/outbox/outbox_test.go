package outbox_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"ketnoi/internal/mail"
	"ketnoi/internal/mail/mailtest"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store/storetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// flaky is a transport whose first failures attempts go to an SMTP port
// where nothing listens (a real connection failure), then to the server.
type flaky struct {
	failures int32
	tries    atomic.Int32
	good     mail.Sender
}

func (f *flaky) Send(ctx context.Context, m mail.Message) error {
	if f.tries.Add(1) <= f.failures {
		dead := &mail.SMTP{Addr: "127.0.0.1:1", From: "k <k@ketnoi.test>", Timeout: time.Second}
		return dead.Send(ctx, m)
	}
	return f.good.Send(ctx, m)
}

// TestRetryAfterSMTPFailure: a mail whose first two attempts fail is due
// again after the backoff, then delivered; one that fails every attempt
// is kept as failed with its error, and the retry brings it back.
func TestRetryAfterSMTPFailure(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.MustOpen(t, d)
			smtp, inbox := mailtest.MustServer(t)
			tr := &flaky{failures: 2, good: smtp}
			w := outbox.NewWorker(db, tr, quiet)
			w.Backoff = func(int) time.Duration { return 50 * time.Millisecond }
			w.MaxAttempts = 3
			send := &outbox.Sender{Store: db, Worker: w}
			if err := send.Send(ctx, mail.Message{To: []string{"lan@example.vn"}, Subject: "Thư thử lại", Text: "Xin chào"}); err != nil {
				t.Fatal(err)
			}
			if err := send.Send(ctx, mail.Message{To: []string{"not an address"}, Subject: "x", Text: "x"}); err == nil {
				t.Fatal("a message to no address was queued")
			}
			drainUntil(t, w, func() bool { c := mustCounts(t, db); return c.Sent == 1 })
			if got := tr.tries.Load(); got != 3 {
				t.Fatalf("%d attempts, want 2 failures and 1 success", got)
			}
			if m := inbox.Wait(t, "lan@example.vn", "Thư thử lại"); !strings.Contains(m.Text, "Xin chào") {
				t.Fatalf("mail %+v", m)
			}

			// Every attempt fails: the mail fails for good with the error kept.
			tr.failures = 1000
			if err := send.Send(ctx, mail.Message{To: []string{"minh@example.vn"}, Subject: "Không gửi được", Text: "x"}); err != nil {
				t.Fatal(err)
			}
			drainUntil(t, w, func() bool { return mustCounts(t, db).Failed == 1 })
			failed, err := db.Mails(ctx, 0, outbox.Failed, 10)
			if err != nil || len(failed) != 1 || failed[0].Attempts != 3 || !strings.Contains(failed[0].LastError, "127.0.0.1:1") {
				t.Fatalf("failed mails %+v, %v", failed, err)
			}
			if c := mustCounts(t, db); c.Pending != 0 || c.Sent != 1 {
				t.Fatalf("counts %+v", c)
			}
			// An operator retries once the server is back.
			tr.failures = 0
			tr.tries.Store(0)
			if n, err := db.RetryFailedMail(ctx, 0); err != nil || n != 1 {
				t.Fatalf("retry: %d, %v", n, err)
			}
			drainUntil(t, w, func() bool { return mustCounts(t, db).Sent == 2 })
			inbox.Wait(t, "minh@example.vn", "Không gửi được")

			// Sent mail is forgotten after KeepSent, not before.
			if n, err := db.PruneSentMail(ctx, time.Now().Add(-time.Hour)); err != nil || n != 0 {
				t.Fatalf("pruned %d recent mails, %v", n, err)
			}
			if n, err := db.PruneSentMail(ctx, time.Now().Add(time.Minute)); err != nil || n != 2 {
				t.Fatalf("pruned %d sent mails, want 2: %v", n, err)
			}
			if c := mustCounts(t, db); c.Sent != 0 || c.Pending != 0 {
				t.Fatalf("after pruning: %+v", c)
			}
		})
	}
}

// TestClaimsAreExclusive: workers claiming at once never take the same
// mail (FOR UPDATE SKIP LOCKED on PostgreSQL, the one writer on SQLite),
// and a claim hides a mail until its lease passes.
func TestClaimsAreExclusive(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.MustOpen(t, d)
			const n = 60
			for i := 0; i < n; i++ {
				m := outbox.Mail{Kind: outbox.KindMessage, To: "a@example.vn", Message: &mail.Message{To: []string{"a@example.vn"}, Subject: "s", Text: "t"}}
				if err := db.EnqueueMail(ctx, &m); err != nil {
					t.Fatal(err)
				}
			}
			var mu sync.Mutex
			seen := map[int64]int{}
			var wg sync.WaitGroup
			for g := 0; g < 4; g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						ms, err := db.ClaimMail(ctx, 5, time.Hour)
						if err != nil {
							t.Error(err)
							return
						}
						if len(ms) == 0 {
							return
						}
						mu.Lock()
						for _, m := range ms {
							seen[m.ID]++
							if m.Attempts != 1 || m.Message == nil || m.Message.Subject != "s" {
								t.Errorf("claimed %+v", m)
							}
						}
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			if len(seen) != n {
				t.Fatalf("%d mails claimed, want %d", len(seen), n)
			}
			for id, k := range seen {
				if k != 1 {
					t.Fatalf("mail %d claimed %d times", id, k)
				}
			}
			if ms, _ := db.ClaimMail(ctx, 5, time.Hour); len(ms) != 0 {
				t.Fatalf("claimed mails were claimed again within their lease: %d", len(ms))
			}
			// A released mail is due again at once.
			for id := range seen {
				if err := db.ReleaseMail(ctx, id); err != nil {
					t.Fatal(err)
				}
				break
			}
			if ms, _ := db.ClaimMail(ctx, 5, time.Hour); len(ms) != 1 || ms[0].Attempts != 1 {
				t.Fatalf("released mail: %+v", ms)
			}
		})
	}
}

func mustCounts(t *testing.T, db interface {
	MailCounts(context.Context, int64) (outbox.Counts, error)
}) outbox.Counts {
	t.Helper()
	c, err := db.MailCounts(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func drainUntil(t *testing.T, w *outbox.Worker, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !done() {
		if time.Now().After(deadline) {
			t.Fatal("the outbox did not get there in time")
		}
		if _, err := w.Drain(context.Background()); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
