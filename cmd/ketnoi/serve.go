package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"ketnoi/internal/mail"
	"ketnoi/internal/store"
	"ketnoi/internal/web"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func init() {
	register(command{"serve", "run the server", runServe})
	register(command{"migrate", "apply database migrations and exit", runMigrate})
	register(command{"version", "print the version", func(_ context.Context, _ []string, out, _ io.Writer) error {
		fmt.Fprintln(out, "ketnoi", version)
		return nil
	}})
}

// serverFlags are the settings shared by serve and demo. Each flag falls
// back to a KETNOI_* environment variable.
type serverFlags struct {
	db, addr, logFormat string
	secure              bool
	maxBody             int64
	smtp                mail.SMTP
	secretKeyFile       string
	publicURL           string
}

func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func (f *serverFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.db, "db", envOr("KETNOI_DB", "ketnoi.db"), "database: a SQLite file path or a postgres:// URL (KETNOI_DB)")
	fs.StringVar(&f.addr, "addr", envOr("KETNOI_ADDR", "127.0.0.1:8080"), "address to listen on (KETNOI_ADDR)")
	fs.StringVar(&f.logFormat, "log-format", envOr("KETNOI_LOG_FORMAT", "text"), "log format: text or json (KETNOI_LOG_FORMAT)")
	secure, _ := strconv.ParseBool(envOr("KETNOI_SECURE_COOKIES", "false"))
	fs.BoolVar(&f.secure, "secure-cookies", secure, "mark cookies Secure, when served over TLS (KETNOI_SECURE_COOKIES)")
	maxBody, _ := strconv.ParseInt(envOr("KETNOI_MAX_BODY", "1048576"), 10, 64)
	fs.Int64Var(&f.maxBody, "max-body", maxBody, "largest request body in bytes (KETNOI_MAX_BODY)")
	fs.StringVar(&f.smtp.Addr, "smtp-addr", envOr("KETNOI_SMTP_ADDR", ""), "SMTP server host:port; empty logs mail instead of sending it (KETNOI_SMTP_ADDR)")
	fs.StringVar(&f.smtp.From, "smtp-from", envOr("KETNOI_SMTP_FROM", "ketnoi <no-reply@ketnoi.local>"), "sender of outgoing mail (KETNOI_SMTP_FROM)")
	fs.StringVar(&f.smtp.Username, "smtp-user", envOr("KETNOI_SMTP_USER", ""), "SMTP user name (KETNOI_SMTP_USER)")
	f.smtp.Password = os.Getenv("KETNOI_SMTP_PASSWORD") // never a flag: it would show in ps
	fs.StringVar(&f.publicURL, "public-url", envOr("KETNOI_PUBLIC_URL", ""),
		"the address people reach the site at, e.g. https://ketnoi.example; mails then link to the page to open (KETNOI_PUBLIC_URL)")
	fs.StringVar(&f.secretKeyFile, "secret-key-file", envOr("KETNOI_SECRET_KEY_FILE", ""),
		"file holding the master key that encrypts badge signing keys, made when missing; empty: KETNOI_SECRET_KEY, else a file next to the SQLite database (KETNOI_SECRET_KEY_FILE)")
}

// useSecretKey gives the database its master key: KETNOI_SECRET_KEY (never
// a flag: it would show in ps), else the key file named, else one next to
// the SQLite database (ketnoi-secret.key in the working directory for
// PostgreSQL), made on first start. Every instance on one database needs
// the same key.
func (f *serverFlags) useSecretKey(ctx context.Context, db *store.DB, log *slog.Logger) error {
	var key []byte
	if v := os.Getenv("KETNOI_SECRET_KEY"); v != "" && f.secretKeyFile == "" {
		k, err := store.ParseSecretKey(v)
		if err != nil {
			return fmt.Errorf("KETNOI_SECRET_KEY: %w", err)
		}
		key = k
	} else {
		path := f.secretKeyFile
		if path == "" {
			path = store.DefaultSecretKeyPath(f.db)
		}
		k, made, err := store.SecretKeyFile(path)
		if err != nil {
			return err
		}
		if made {
			log.Warn("made a new secret key: keep it with the database, and give every instance the same one", "file", path)
		}
		key = k
	}
	return db.UseSecretKey(ctx, key)
}

func (f *serverFlags) mailer(log *slog.Logger) mail.Sender {
	if f.smtp.Addr == "" {
		return mail.Log{Logger: log}
	}
	return &f.smtp
}

func (f *serverFlags) logger(w io.Writer) *slog.Logger {
	if f.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f serverFlags
	fs := newFlagSet("serve", stderr)
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openDB(ctx, f.db)
	if err != nil {
		return err
	}
	defer db.Close()
	return serve(ctx, db, &f, stdout, stderr, nil)
}

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate", stderr)
	dsn := fs.String("db", envOr("KETNOI_DB", "ketnoi.db"), "database: a SQLite file path or a postgres:// URL (KETNOI_DB)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintln(stdout, "migrations applied on", db.Dialect())
	return nil
}

// openDB connects and migrates.
func openDB(ctx context.Context, dsn string) (*store.DB, error) {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// serve runs the HTTP server until ctx ends, then drains in-flight
// requests. ready, if set, is called with the bound address.
func serve(ctx context.Context, db *store.DB, f *serverFlags, stdout, stderr io.Writer, ready func(addr string)) error {
	log := f.logger(stderr)
	if err := f.useSecretKey(ctx, db, log); err != nil {
		return err
	}
	srv, err := web.New(db, web.Config{Logger: log, Secure: f.secure, MaxBody: f.maxBody, Version: version, Mail: f.mailer(log), PublicURL: f.publicURL})
	if err != nil {
		return err
	}
	defer srv.Close()
	if err := db.DeleteExpiredWebSessions(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	addr := ln.Addr().String()
	log.Info("ketnoi listening", "url", "http://"+addr, "db", db.Dialect(), "version", version)
	if ready != nil {
		ready(addr)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}
