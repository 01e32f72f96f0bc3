// Package web is the HTTP surface of ketnoi: the public site, the exhibitor
// portal, the organizer console and the JSON API. Handlers are thin: parse,
// authorize, call the store or a service, render.
package web

import (
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/market"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store"
)

//go:embed static
var staticFS embed.FS

// Config is what the server needs to know about its surroundings.
type Config struct {
	Logger *slog.Logger
	// Secure marks cookies Secure: set when served over TLS (directly or
	// behind a proxy that terminates it).
	Secure bool
	// MaxBody limits request bodies, in bytes.
	MaxBody int64
	// LoginLimit is how many login attempts one address or account gets per
	// LoginWindow.
	LoginLimit  int
	LoginWindow time.Duration
	Version     string
	// Mail is the transport (SMTP); without one, messages are logged and
	// not sent. Every message waits in the database outbox first, and the
	// server's outbox worker hands it to Mail.
	Mail mail.Sender
	// NoMailWorker leaves the outbox to other instances: this one queues
	// mail and sends none.
	NoMailWorker bool
	// PublicURL is the address people reach the site at
	// ("https://ketnoi.example"); mails then link to the page to open.
	// Empty: mails name the page in words only.
	PublicURL string
}

// Server serves every surface over one store.
type Server struct {
	db      *store.DB
	cat     *i18n.Catalog
	cfg     Config
	log     *slog.Logger
	pages   map[string]*template.Template
	metrics *metrics
	mail    mail.Sender // queues in the outbox
	mailer  *outbox.Worker
	stop    context.CancelFunc
	stopped chan struct{}
	// inflight counts requests being served (see countRequests).
	inflight atomic.Int64
	cache    readCache
	access   *accessCache // signed-in viewers, see access_cache.go
	mux      *http.ServeMux
	handler  http.Handler // mux with logging, limits and compression
	routes   []route
	// market is the marketplace service, set by matchRoutes; profile
	// edits tell it so that recommendations follow.
	market *market.Service
}

// New builds the server and its routes.
func New(db *store.DB, cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if u := cfg.PublicURL; u != "" {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" || p.RawQuery != "" || p.Fragment != "" {
			return nil, fmt.Errorf("public URL %q: want the site's address, like https://ketnoi.example", u)
		}
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.LoginLimit == 0 {
		cfg.LoginLimit = 10
	}
	if cfg.LoginWindow == 0 {
		cfg.LoginWindow = time.Minute
	}
	var compress func(http.Handler) http.Handler
	cat, err := i18n.LoadCatalog()
	if err != nil {
		return nil, err
	}
	if cfg.Mail == nil {
		cfg.Mail = mail.Log{Logger: cfg.Logger}
	}
	s := &Server{db: db, cat: cat, cfg: cfg, log: cfg.Logger, metrics: newMetrics(prometheus.NewRegistry()), stopped: make(chan struct{}), access: newAccessCache()}
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	if compress, err = compressor(); err != nil {
		return nil, err
	}
	s.startMailer()
	s.mux = http.NewServeMux()
	s.routes = s.allRoutes()
	for _, rt := range s.routes {
		s.mux.Handle(rt.pattern, s.metrics.instrument(rt.pattern, s.authorize(rt)))
	}
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static))))
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	s.mux.HandleFunc("GET /readyz", s.handleReady)
	s.mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})
	s.mux.Handle("GET /metrics", s.metrics.handler())
	s.mux.HandleFunc("/", s.handleNotFound)
	s.handler = s.countRequests(s.logRequests(compress(s.recoverPanics(s.limitBody(s.mux)))))
	return s, nil
}

// startMailer puts the outbox between the handlers and the transport and,
// unless told not to, runs this instance's worker until Close or until the
// database closes; the meeting reminders run until Close too.
func (s *Server) startMailer() {
	w := outbox.NewWorker(s.db, s.cfg.Mail, s.log)
	w.Render, w.Now = s.renderMail, s.db.Now
	w.Yield = func() bool { return s.inflight.Load() >= busyRequests }
	s.mailer, s.mail = w, &outbox.Sender{Store: s.db, Worker: w}
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	// Reminders only queue mail, so every instance looks for them.
	go s.remindLoop(ctx, s.db.Now)
	if s.cfg.NoMailWorker {
		close(s.stopped)
		return
	}
	go func() {
		defer close(s.stopped)
		go func() {
			select {
			case <-s.db.Closed():
				cancel()
			case <-ctx.Done():
			}
		}()
		w.Run(ctx)
	}()
}

// Close stops the server's background work and waits for the mail being
// sent; what is still queued stays in the outbox for the next start.
func (s *Server) Close() {
	s.stop()
	<-s.stopped
}

// Handler returns the server's root handler with logging, limits and
// compression.
func (s *Server) Handler() http.Handler {
	return s.handler
}

// busyRequests is how many requests in flight make the mail worker yield.
const busyRequests = 8

// countRequests counts the requests in flight, so that background work
// (drawing badges for mail) yields to a burst. Event streams stay open and
// are not counted.
func (s *Server) countRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept") != "text/event-stream" {
			s.inflight.Add(1)
			defer s.inflight.Add(-1)
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		http.Error(w, "database not ready", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}

// recoverPanics answers a request whose handler panicked as any internal
// error — logged with its stack, the error page or problem+json to the
// client — where net/http alone would close the connection with no answer.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v) // a deliberate abort, as net/http means it
			}
			s.log.Error("panic", "id", requestID(r), "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			s.fail(w, r, fmt.Errorf("panic: %v", v))
		}()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		next.ServeHTTP(w, r)
	})
}

func cacheStatic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

// withLink adds to a mail's text, before its "ketnoi" signature, a line
// with the address of the page to open, when the server knows its public
// address.
func (s *Server) withLink(p Page, text, path string) string {
	if s.cfg.PublicURL == "" {
		return text
	}
	line := p.T("mail.open", s.absolute(path))
	if body, ok := strings.CutSuffix(text, "\n\nketnoi"); ok {
		return body + "\n\n" + line + "\n\nketnoi"
	}
	return text + "\n\n" + line
}

// absolute is a path of the site as mails write it: the full address when
// the server knows its public address, the path alone otherwise.
func (s *Server) absolute(path string) string {
	return strings.TrimSuffix(s.cfg.PublicURL, "/") + path
}

// mailPage is a page in a mail recipient's language, Vietnamese when
// theirs is not one of ours, for the texts of their mail.
func (s *Server) mailPage(lang i18n.Lang) Page {
	p := Page{Lang: lang, cat: s.cat}
	if _, ok := i18n.Parse(string(lang)); !ok {
		p.Lang = i18n.VI
	}
	return p
}
