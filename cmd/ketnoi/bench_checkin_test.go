package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"ketnoi/internal/checkin"
	"ketnoi/internal/store/storetest"
)

// startServe runs the real binary on dsn and returns its address.
func startServe(t *testing.T, bin, dsn string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--db", dsn, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "KETNOI_SECRET_KEY="+hex.EncodeToString(storetest.SecretKey(t, dsn)))
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(stderr)
	re := regexp.MustCompile(`url=(http://\S+)`)
	for lines.Scan() {
		if m := re.FindStringSubmatch(lines.Text()); m != nil {
			go func() {
				for lines.Scan() {
				}
			}()
			return cmd, m[1]
		}
	}
	t.Fatal("the server printed no address")
	return nil, ""
}

// TestAcceptedScansSurviveSIGKILL kills the server with SIGKILL in the
// middle of a scan load and restarts it: every scan that was answered
// "accepted" is stored, exactly once, and sending it again is answered
// "duplicate".
func TestAcceptedScansSurviveSIGKILL(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "ketnoi")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, d := range storetest.Dialects(t) {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.MustDSN(t, d)
			db := storetest.MustOpenDSN(t, dsn)
			e, token, err := benchEvent(ctx, db, "kill-test")
			must(t, err)
			l := &checkin.List{EventID: e.ID, Name: "Halls", Rule: checkin.OncePerDay}
			must(t, db.CreateCheckinList(ctx, l))
			must(t, db.CreateGate(ctx, &checkin.Gate{EventID: e.ID, Code: "gate-1", ListID: l.ID}))
			toks, err := benchBadges(ctx, db, e.ID, 2000)
			must(t, err)

			cmd, base := startServe(t, bin, dsn)
			scanJSON := func(id, tok string) string {
				return fmt.Sprintf(`{"id":"%s","token":"%s","point":"gate-1","kind":"checkin","scanned_at":"%s"}`, id, tok, time.Now().UTC().Format(time.RFC3339))
			}
			send := func(base, body string, answer any) error {
				req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/events/%d/scans", base, e.ID), bytes.NewBufferString(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+token)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					return err
				}
				defer resp.Body.Close()
				return json.NewDecoder(resp.Body).Decode(answer)
			}
			post := func(base, id, tok string) (string, error) {
				var o checkin.Outcome
				err := send(base, scanJSON(id, tok), &o)
				return o.Status, err
			}
			var mu sync.Mutex
			accepted := map[string]string{} // scan id → token
			var wg sync.WaitGroup
			stop := make(chan struct{})
			// Half the clients post one scan per request (a phone online),
			// half post batches of 5 (an offline scanner syncing): the group
			// transaction holds scans of both.
			const clients, batch = 20, 5
			for c := 0; c < clients; c++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var mine []string
					for i := c; i < len(toks); i += clients {
						mine = append(mine, toks[i])
					}
					n := 1
					if c%2 == 0 {
						n = batch
					}
					for len(mine) >= n {
						select {
						case <-stop:
							return
						default:
						}
						ids, parts := make([]string, n), make([]string, n)
						for k := range ids {
							ids[k] = uuid4()
							parts[k] = scanJSON(ids[k], mine[k])
						}
						var out []checkin.Outcome
						if n == 1 {
							var o checkin.Outcome
							if send(base, parts[0], &o) != nil {
								continue
							}
							out = []checkin.Outcome{o}
						} else {
							var res struct{ Results []checkin.Outcome }
							if send(base, `{"scans":[`+strings.Join(parts, ",")+`]}`, &res) != nil {
								continue
							}
							out = res.Results
						}
						mu.Lock()
						for k, o := range out {
							if o.Status == "accepted" && o.ID == ids[k] {
								accepted[ids[k]] = mine[k]
							}
						}
						mu.Unlock()
						mine = mine[n:]
					}
				}()
			}
			// Kill in the middle of the load: once some scans are answered,
			// while the clients keep posting.
			for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				mu.Lock()
				n := len(accepted)
				mu.Unlock()
				if n >= 200 {
					break
				}
			}
			must(t, cmd.Process.Signal(syscall.SIGKILL))
			close(stop)
			wg.Wait()
			cmd.Wait()
			if len(accepted) < 20 {
				t.Fatalf("only %d scans accepted before the kill: the load did not run", len(accepted))
			}
			stored, err := db.ScanIDs(ctx, e.ID)
			must(t, err)
			for id := range accepted {
				if stored[id] != 1 {
					t.Fatalf("accepted scan %s stored %d times after SIGKILL", id, stored[id])
				}
			}
			_, base = startServe(t, bin, dsn)
			for id, tok := range accepted {
				if st, err := post(base, id, tok); err != nil || st != "duplicate" {
					t.Fatalf("resending accepted scan %s after restart: %q, %v", id, st, err)
				}
			}
			t.Logf("%d scans accepted before SIGKILL, all stored once, all duplicates after restart", len(accepted))
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestBenchScansSmall runs the scan bench at a tiny size: the closed loop,
// the open loop and the baseline each report, and the bench's own check
// (every scan answered accepted is stored) holds.
func TestBenchScansSmall(t *testing.T) {
	var out, errOut bytes.Buffer
	args := []string{"--only", "scans", "--clients", "4", "--scans", "3", "--batch", "2", "--rate", "200", "--duration", "300ms"}
	if err := runBenchCheckin(context.Background(), args, &out, &errOut); err != nil {
		t.Fatalf("bench: %v\n%s%s", err, out.String(), errOut.String())
	}
	for _, want := range []string{"closed:    24 scans", "open:      offered 200 scans/s", "56 accepted", "baseline:  24 plain inserts", "ratio:"} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("bench output lacks %q:\n%s", want, out.String())
		}
	}
}
