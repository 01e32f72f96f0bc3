package main

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/store"
)

func TestHelpListsCommandsAndSettings(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"serve", "demo", "migrate", "user", "version", "schedule", "allocate", "recommend"} {
		if !strings.Contains(out.String(), c) {
			t.Errorf("--help does not list %s", c)
		}
	}
	out.Reset()
	err := run(context.Background(), []string{"serve", "--help"}, &out, &out)
	if err == nil || !strings.Contains(out.String(), "KETNOI_DB") || !strings.Contains(out.String(), "KETNOI_ADDR") || !strings.Contains(out.String(), "KETNOI_PUBLIC_URL") {
		t.Fatalf("serve --help: %v\n%s", err, out.String())
	}
	if err := run(context.Background(), []string{"nonsense"}, &out, &out); err == nil {
		t.Fatal("unknown command accepted")
	}
}

func TestUserAddMakesAnAdministrator(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "k.db")
	var out bytes.Buffer
	args := []string{"user", "add", "--db", dbPath, "--email", "Boss@Example.vn", "--name", "Boss", "--role", "admin", "--password", "a long password"}
	if err := run(context.Background(), args, &out, &out); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), args, &out, &out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second add: %v", err)
	}
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := db.PersonByEmail(context.Background(), "boss@example.vn")
	if err != nil || !p.IsAdmin || !account.CheckPassword(p.PasswordHash, "a long password") {
		t.Fatalf("person %+v, %v", p, err)
	}
}

// TestServeStopsCleanlyOnSIGTERM runs the real binary: it answers, and on
// SIGTERM it drains and exits with status 0.
func TestServeStopsCleanlyOnSIGTERM(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "ketnoi")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--db", filepath.Join(dir, "k.db"), "--addr", "127.0.0.1:0")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stderr)
	re := regexp.MustCompile(`url=(http://\S+)`)
	var base string
	var logs strings.Builder
	for base == "" && lines.Scan() {
		logs.WriteString(lines.Text() + "\n")
		if m := re.FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("no address in the log:\n%s", logs.String())
	}
	for _, path := range []string{"/healthz", "/readyz", "/api/v1/events"} {
		resp, err := http.Get(base + path)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %v %v", path, resp, err)
		}
		resp.Body.Close()
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	go func() {
		for lines.Scan() {
			logs.WriteString(lines.Text() + "\n")
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("did not stop within 30 s of SIGTERM")
	}
}

// TestDemoClock: --at starts the demo's clock at the time given, in UTC,
// and lets it run; a time written otherwise is refused with the form to
// use.
func TestDemoClock(t *testing.T) {
	real := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	now := func() time.Time { return real }
	clock, err := demoClock("2027-03-10T09:00:00+07:00", now)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := clock(), time.Date(2027, 3, 10, 2, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Fatalf("clock reads %v, want %v in UTC", got, want)
	}
	real = real.Add(90 * time.Minute)
	if got, want := clock(), time.Date(2027, 3, 10, 3, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("after 90 minutes the clock reads %v, want %v", got, want)
	}
	if c, err := demoClock("", now); c != nil || err != nil {
		t.Fatalf("no --at: a clock (%t), %v", c != nil, err)
	}
	for _, bad := range []string{"2027-03-10 09:00", "tomorrow", "2027-03-10T09:00:00"} {
		if _, err := demoClock(bad, now); err == nil || !strings.Contains(err.Error(), "2027-03-10T09:00:00+07:00") {
			t.Errorf("--at %q: %v", bad, err)
		}
	}
}
