package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/badge"
	"ketnoi/internal/checkin"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/store"
	"ketnoi/internal/web"
)

// benches are the `ketnoi bench` figures, by name.
var benches = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
	"checkin": runBenchCheckin,
}

func init() {
	register(command{"bench", "measure a feature on loopback: bench checkin", func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) == 0 || benches[args[0]] == nil {
			fmt.Fprintln(stderr, "usage: ketnoi bench checkin [flags]")
			return flag.ErrHelp
		}
		return benches[args[0]](ctx, args[1:], stdout, stderr)
	}})
}

type benchCheckin struct {
	db        string
	clients   int
	perClient int
	batch     int
	regs      int
	quota     int
	badges    int
	only      string
	rate      float64       // offered scans/s of the open loop
	duration  time.Duration // of the open loop
}

// runBenchCheckin measures recorded scans per second and their latency
// with many scanner clients on loopback, against the same number of plain
// inserts into the same database in the same run; then public
// registrations per second under a category quota; then badge PDFs.
func runBenchCheckin(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var b benchCheckin
	fs := newFlagSet("bench checkin", stderr)
	fs.StringVar(&b.db, "db", "", "database: empty for a new SQLite file, or a postgres:// URL of a server where a fresh database is made and dropped")
	fs.IntVar(&b.clients, "clients", 200, "concurrent scanner clients")
	fs.IntVar(&b.perClient, "scans", 200, "requests per client in the closed loop (0: no closed loop)")
	fs.IntVar(&b.batch, "batch", 1, "scans per request (1: a phone online)")
	fs.Float64Var(&b.rate, "rate", 5000, "open loop: scans per second offered by all clients together (0: no open loop)")
	fs.DurationVar(&b.duration, "duration", 10*time.Second, "open loop: how long the rate is offered")
	fs.IntVar(&b.regs, "registrations", 10000, "registration attempts (half over the quota)")
	fs.IntVar(&b.badges, "badges", 10000, "badges in the PDF")
	fs.StringVar(&b.only, "only", "", "run one part: scans, register or pdf")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	b.quota = b.regs / 2
	dsn, cleanup, err := benchDSN(b.db)
	if err != nil {
		return err
	}
	defer cleanup()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	key := make([]byte, 32) // the database is new and dropped after the run
	rand.Read(key)
	if err := db.UseSecretKey(ctx, key); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "database: %s, %d clients, %d scans per request, closed loop %d requests each, open loop %.0f scans/s for %v\n",
		db.Dialect(), b.clients, b.batch, b.perClient, b.rate, b.duration)
	if b.only == "" || b.only == "scans" {
		if err := b.scans(ctx, db, stdout); err != nil {
			return err
		}
	}
	if b.only == "" || b.only == "register" {
		if err := b.registrations(ctx, db, stdout); err != nil {
			return err
		}
	}
	if b.only == "" || b.only == "pdf" {
		return b.pdf(stdout)
	}
	return nil
}

// benchDSN makes a fresh database: a SQLite file in a temporary directory,
// or a new database on the PostgreSQL server named by a URL.
func benchDSN(dsn string) (string, func(), error) {
	if dsn == "" {
		dir, err := os.MkdirTemp("", "ketnoi-bench-")
		if err != nil {
			return "", nil, err
		}
		return filepath.Join(dir, "bench.db"), func() { os.RemoveAll(dir) }, nil
	}
	if !store.IsPostgres(dsn) {
		return dsn, func() {}, nil
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", nil, err
	}
	r := make([]byte, 5)
	rand.Read(r)
	name := "ketnoi_bench_" + hex.EncodeToString(r)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create bench database: %w", err)
	}
	u, _ := url.Parse(dsn)
	u.Path = "/" + name
	return u.String(), func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	}, nil
}

// benchEvent makes an event running today, an organizer with a session,
// a re-entry list with a gate, and returns the event and bearer token.
func benchEvent(ctx context.Context, db *store.DB, slug string) (event.Event, string, error) {
	today := time.Now().In(event.Zone("")).Format(event.DateLayout)
	v := &event.Venue{Name: i18n.Text{EN: "WTC Binh Duong"}, Country: "VN", TimeZone: "Asia/Ho_Chi_Minh"}
	if err := db.CreateVenue(ctx, v); err != nil {
		return event.Event{}, "", err
	}
	e := event.Event{Slug: slug, Kind: event.TradeFair, Name: i18n.Text{EN: "Bench fair"}, VenueID: v.ID, StartDate: today, EndDate: today}
	if err := db.CreateEvent(ctx, &e); err != nil {
		return e, "", err
	}
	p := account.Person{Email: slug + "-organizer@example.vn", Name: "Organizer", Lang: i18n.VI}
	if err := db.CreatePerson(ctx, &p); err != nil {
		return e, "", err
	}
	if err := db.AddOrganizer(ctx, e.ID, p.ID); err != nil {
		return e, "", err
	}
	token := account.NewToken()
	err := db.CreateWebSession(ctx, account.Session{TokenHash: account.HashToken(token), PersonID: p.ID, CSRF: account.NewToken(), ExpiresAt: time.Now().Add(time.Hour)})
	return e, token, err
}

func benchServer(db *store.DB) (string, func(), error) {
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Mail: discardMail{}, MaxBody: 4 << 20})
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	hs := &http.Server{Handler: srv.Handler()}
	go hs.Serve(ln)
	return "http://" + ln.Addr().String(), func() { hs.Close() }, nil
}

type discardMail struct{}

func (discardMail) Send(context.Context, mail.Message) error { return nil }

// scanLoad is the scan bench's fixture: an event with a re-entry list, a
// gate, badges for each client, and a server on loopback.
type scanLoad struct {
	b      *benchCheckin
	db     *store.DB
	url    string
	token  string
	toks   []string
	client *http.Client
	sent   []int // scans sent so far by each client: each goes on with its own badges
}

// badgesPerClient: each client scans its own badges in and out, so that
// every scan of the run is admitted on a re-entry list.
const badgesPerClient = 10

func (b *benchCheckin) scans(ctx context.Context, db *store.DB, out io.Writer) error {
	e, token, err := benchEvent(ctx, db, "scan-bench")
	if err != nil {
		return err
	}
	l := &checkin.List{EventID: e.ID, Name: "Halls", Rule: checkin.Reentry}
	if err := db.CreateCheckinList(ctx, l); err != nil {
		return err
	}
	if err := db.CreateGate(ctx, &checkin.Gate{EventID: e.ID, Code: "gate-1", ListID: l.ID}); err != nil {
		return err
	}
	toks, err := benchBadges(ctx, db, e.ID, b.clients*badgesPerClient)
	if err != nil {
		return err
	}
	base, stop, err := benchServer(db)
	if err != nil {
		return err
	}
	defer stop()
	ld := &scanLoad{b: b, db: db, url: fmt.Sprintf("%s/api/v1/events/%d/scans", base, e.ID), token: token, toks: toks,
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: b.clients, MaxConnsPerHost: b.clients}, Timeout: 60 * time.Second},
		sent:   make([]int, b.clients)}

	closedTotal, rate := 0, 0.0
	if b.perClient > 0 {
		// Closed loop: each client posts again as soon as it is answered;
		// the throughput is the saturation point, the latency is queueing.
		closedTotal = b.clients * b.perClient * b.batch
		start, cpu0 := time.Now(), processCPU()
		lat, errs := fanOut(b.clients, b.perClient, func(c, i int) error { return ld.post(ctx, c) })
		took, cpu := time.Since(start), processCPU()-cpu0
		if errs > 0 {
			return fmt.Errorf("%d scan requests failed", errs)
		}
		rate = float64(closedTotal) / took.Seconds()
		fmt.Fprintf(out, "closed:    %d scans (%d per request) accepted in %v: %.0f scans/s (%.0f requests/s), latency p50 %v p95 %v p99 %v\n",
			closedTotal, b.batch, took.Round(time.Millisecond), rate, rate/float64(b.batch), pct(lat, 50), pct(lat, 95), pct(lat, 99))
		fmt.Fprintf(out, "cpu:       %.0f µs of CPU per scan in this process (server and clients; a database server's own CPU is not counted)\n",
			float64(cpu.Microseconds())/float64(closedTotal))
	}
	openTotal := 0
	if b.rate > 0 && b.duration > 0 {
		n, took, lat, err := ld.open(ctx)
		if err != nil {
			return err
		}
		openTotal = n
		fmt.Fprintf(out, "open:      offered %.0f scans/s (%d per request, %.0f requests/s) for %v: %d accepted in %v, %.0f scans/s, latency from the intended send p50 %v p95 %v p99 %v\n",
			b.rate, b.batch, b.rate/float64(b.batch), b.duration, n, took.Round(time.Millisecond), float64(n)/took.Seconds(), pct(lat, 50), pct(lat, 95), pct(lat, 99))
	}
	stored, err := db.CountScans(ctx, e.ID, "accepted")
	if err != nil {
		return err
	}
	if stored != closedTotal+openTotal {
		return fmt.Errorf("%d scans accepted but %d stored", closedTotal+openTotal, stored)
	}
	if closedTotal == 0 {
		return nil
	}

	// Baseline: as many single-row inserts as the closed loop's scans, into
	// the same database, each its own transaction, from as many goroutines.
	plainEvent, _, err := benchEvent(ctx, db, "plain-bench")
	if err != nil {
		return err
	}
	start, cpu0 := time.Now(), processCPU()
	plat, perrs := fanOut(b.clients, b.perClient*b.batch, func(c, i int) error {
		return db.InsertPlainScan(ctx, uuid4(), plainEvent.ID, time.Now().UTC())
	})
	ptook, pcpu := time.Since(start), processCPU()-cpu0
	if perrs > 0 {
		return fmt.Errorf("%d plain inserts failed", perrs)
	}
	prate := float64(closedTotal) / ptook.Seconds()
	fmt.Fprintf(out, "baseline:  %d plain inserts in %v: %.0f inserts/s, p50 %v p95 %v p99 %v, %.0f µs of CPU per insert\n",
		closedTotal, ptook.Round(time.Millisecond), prate, pct(plat, 50), pct(plat, 95), pct(plat, 99), float64(pcpu.Microseconds())/float64(closedTotal))
	fmt.Fprintf(out, "ratio:     closed-loop scans / plain inserts = %.2f\n", rate/prate)
	return nil
}

// post sends client c's next request: batch scans of its own badges, in
// and out in turn, each of which must be answered accepted.
func (ld *scanLoad) post(ctx context.Context, c int) error {
	var buf bytes.Buffer
	batch := ld.b.batch
	if batch > 1 {
		buf.WriteString(`{"scans":[`)
	}
	now := time.Now().UTC().Format(time.RFC3339Nano)
	for k := 0; k < batch; k++ {
		n := ld.sent[c]
		ld.sent[c]++
		kind := "checkin"
		if (n/badgesPerClient)%2 == 1 {
			kind = "checkout"
		}
		if k > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, `{"id":"%s","token":"%s","point":"gate-1","kind":"%s","scanned_at":"%s"}`,
			uuid4(), ld.toks[c*badgesPerClient+n%badgesPerClient], kind, now)
	}
	if batch > 1 {
		buf.WriteString(`]}`)
	}
	req, _ := http.NewRequestWithContext(ctx, "POST", ld.url, &buf)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+ld.token)
	resp, err := ld.client.Do(req)
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || bytes.Count(body, []byte(`"status":"accepted"`)) != batch {
		return fmt.Errorf("scan answer %d: %.200s", resp.StatusCode, body)
	}
	return nil
}

// open runs the open loop: the clients together offer rate scans/s for
// the duration, each on its own fixed schedule (one request every
// clients×batch/rate seconds, its first at a random point of that
// interval), as wrk2 -R does. A client sends one request at a time: when
// the server falls behind, requests wait their turn in the client, and
// their latency counts from the time they were meant to be sent (no
// coordinated omission).
func (ld *scanLoad) open(ctx context.Context) (int, time.Duration, []time.Duration, error) {
	b := ld.b
	every := time.Duration(float64(time.Second) * float64(b.clients*b.batch) / b.rate)
	per := int(b.duration / every)
	if per < 1 {
		return 0, 0, nil, fmt.Errorf("open loop: %v is shorter than one request per client (every %v)", b.duration, every)
	}
	start := time.Now().Add(50 * time.Millisecond)
	lats := make([][]time.Duration, b.clients)
	var wg sync.WaitGroup
	var mu sync.Mutex
	errs := 0
	for c := 0; c < b.clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			first := start.Add(time.Duration(mrand.Int64N(int64(every))))
			for i := 0; i < per; i++ {
				due := first.Add(time.Duration(i) * every)
				time.Sleep(time.Until(due))
				if err := ld.post(ctx, c); err != nil {
					mu.Lock()
					if errs == 0 {
						fmt.Fprintln(os.Stderr, "bench:", err)
					}
					errs++
					mu.Unlock()
					continue
				}
				lats[c] = append(lats[c], time.Since(due))
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	if errs > 0 {
		return 0, 0, nil, fmt.Errorf("open loop: %d scan requests failed", errs)
	}
	var all []time.Duration
	for _, l := range lats {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	return b.clients * per * b.batch, took, all, nil
}

func benchBadges(ctx context.Context, db *store.DB, eventID int64, n int) ([]string, error) {
	k, err := db.SigningKey(ctx, eventID)
	if err != nil {
		return nil, err
	}
	toks := make([]string, n)
	_, errs := fanOut(8, (n+7)/8, func(c, i int) error {
		j := c*((n+7)/8) + i
		if j >= n {
			return nil
		}
		r := checkin.Registrant{Name: "Khách", Email: fmt.Sprintf("scan%d@example.vn", j)}
		r.EventID, r.Category = eventID, event.CatVisitor
		if err := db.Register(ctx, &r); err != nil {
			return err
		}
		tok, err := badge.Sign(k, badge.Claims{EventID: eventID, RegistrationID: r.ID, Version: 1, Category: "visitor"})
		toks[j] = tok
		return err
	})
	if errs > 0 {
		return nil, fmt.Errorf("%d registrations failed", errs)
	}
	return toks, nil
}

// registrations measures public registrations under a quota twice in one
// run: first on a server that only queues the confirmations in the outbox
// (the baseline), then on one whose outbox worker draws and "sends" them
// (to a transport that discards) while the registrations arrive, as in
// production.
func (b *benchCheckin) registrations(ctx context.Context, db *store.DB, out io.Writer) error {
	quiet, err := b.registerRun(ctx, db, "reg-bench-queue", false, out)
	if err != nil {
		return err
	}
	busy, err := b.registerRun(ctx, db, "reg-bench-worker", true, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "register:  with the mail worker / queue only: %.2f\n", busy/quiet)
	return nil
}

// countingMail discards mail and counts it.
type countingMail struct{ n atomic.Int64 }

func (c *countingMail) Send(context.Context, mail.Message) error { c.n.Add(1); return nil }

func (b *benchCheckin) registerRun(ctx context.Context, db *store.DB, slug string, worker bool, out io.Writer) (float64, error) {
	e, _, err := benchEvent(ctx, db, slug)
	if err != nil {
		return 0, err
	}
	if err := db.SetQuota(ctx, e.ID, event.CatDelegate, b.quota); err != nil {
		return 0, err
	}
	sent := &countingMail{}
	srv, err := web.New(db, web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Mail: sent, MaxBody: 4 << 20, NoMailWorker: !worker})
	if err != nil {
		return 0, err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	hs := &http.Server{Handler: srv.Handler()}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: b.clients, MaxConnsPerHost: b.clients}, Timeout: 30 * time.Second}
	per := (b.regs + b.clients - 1) / b.clients
	var mu sync.Mutex
	codes := map[int]int{}
	start := time.Now()
	lat, errs := fanOut(b.clients, per, func(c, i int) error {
		n := c*per + i
		if n >= b.regs {
			return nil
		}
		body := fmt.Sprintf(`{"name":"Đại biểu %d","email":"delegate%d-%s@example.vn","organization":"Viện","category":"delegate","interests":["robotics"],"consent_contact":true}`, n, n, slug)
		resp, err := client.Post(fmt.Sprintf("%s/api/v1/events/%d/registrations", base, e.ID), "application/json", bytes.NewBufferString(body))
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		mu.Lock()
		codes[resp.StatusCode]++
		mu.Unlock()
		return nil
	})
	took := time.Since(start)
	mailed := sent.n.Load()
	if errs > 0 {
		return 0, fmt.Errorf("%d registration requests failed", errs)
	}
	_, stored, err := db.Registrants(ctx, e.ID, store.RegistrantFilter{Category: "delegate", Status: "active", Limit: 1})
	if err != nil {
		return 0, err
	}
	if codes[201] != b.quota || stored != b.quota {
		return 0, fmt.Errorf("quota %d: %d answered created, %d stored (answers %v)", b.quota, codes[201], stored, codes)
	}
	queued, err := db.MailCounts(ctx, e.ID)
	if err != nil {
		return 0, err
	}
	if queued.Pending+queued.Sent != b.quota {
		return 0, fmt.Errorf("%d registrations but %d confirmations in the outbox", b.quota, queued.Pending+queued.Sent)
	}
	rate := float64(codes[201]) / took.Seconds()
	mode := "queue only "
	if worker {
		mode = "mail worker"
		// How fast the confirmations go once the burst is over.
		before := sent.n.Load()
		time.Sleep(10 * time.Second)
		defer fmt.Fprintf(out, "register:  after the burst the worker mailed %.1f confirmations/s (badge PDF + PNG drawn for each)\n", float64(sent.n.Load()-before)/10)
	}
	fmt.Fprintf(out, "register:  %s %d attempts, quota %d: %d created, %d refused full, %d stored (exact), %d confirmations queued, %d mailed meanwhile, in %v: %.0f accepted/s, %.0f answered/s, p99 %v\n",
		mode, b.regs, b.quota, codes[201], codes[409], stored, b.quota, mailed, took.Round(time.Millisecond), rate, float64(b.regs)/took.Seconds(), pct(lat, 99))
	return rate, nil
}

func (b *benchCheckin) pdf(out io.Writer) error {
	k, err := badge.NewKey(1)
	if err != nil {
		return err
	}
	cards := make([]badge.Card, b.badges)
	for i := range cards {
		tok, err := badge.Sign(k, badge.Claims{EventID: 1, RegistrationID: int64(i + 1), Version: 1, Category: "visitor"})
		if err != nil {
			return err
		}
		cards[i] = badge.Card{Name: fmt.Sprintf("Nguyễn Văn Khách %d", i), Organization: "Công ty Cổ phần Tự động hoá Bình Dương",
			CategoryLabel: "KHÁCH THAM QUAN", Color: badge.CategoryColors["visitor"], Token: tok, Number: fmt.Sprint(i + 1)}
	}
	for _, f := range []badge.Format{badge.A6, badge.CR80} {
		var w countWriter
		start := time.Now()
		if err := badge.PDF(&w, f, cards); err != nil {
			return err
		}
		took := time.Since(start)
		fmt.Fprintf(out, "badge PDF: %d %s badges in %v (%.0f badges/s), %.1f MB (%.1f KB per badge)\n",
			b.badges, f, took.Round(time.Millisecond), float64(b.badges)/took.Seconds(), float64(w.n)/1e6, float64(w.n)/1e3/float64(b.badges))
	}
	return nil
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// fanOut runs fn(client, i) for i < per in each of n goroutines and
// returns every call's latency and the number of failures.
func fanOut(n, per int, fn func(c, i int) error) ([]time.Duration, int) {
	var wg sync.WaitGroup
	lats := make([][]time.Duration, n)
	var mu sync.Mutex
	errs := 0
	for c := 0; c < n; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				t := time.Now()
				if err := fn(c, i); err != nil {
					mu.Lock()
					if errs == 0 {
						fmt.Fprintln(os.Stderr, "bench:", err)
					}
					errs++
					mu.Unlock()
					continue
				}
				lats[c] = append(lats[c], time.Since(t))
			}
		}()
	}
	wg.Wait()
	var all []time.Duration
	for _, l := range lats {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	return all, errs
}

// processCPU is the user and system CPU time the process has used: a
// figure per scan that other loads on the machine disturb less than
// wall-clock throughput.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[(len(sorted)-1)*p/100].Round(10 * time.Microsecond)
}

func uuid4() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
