package catalog_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"ketnoi/internal/catalog"
	"ketnoi/internal/demo"
	"ketnoi/internal/store"
	"ketnoi/internal/taxonomy"
	"ketnoi/internal/textsearch"
)

// BenchQueries is the mixed vi/en/ko query set of the catalogue figures:
// product and sector words in the three languages, Vietnamese typed with
// and without diacritics, prefixes as typed, company names and countries.
// The same seed gives the same set; scripts/bench-catalogue.sh writes it
// for wrk with TestWriteBenchQueries.
func BenchQueries(n int) []string {
	ds := demo.Generate(1)
	rng := rand.New(rand.NewPCG(7, 11))
	var pool []string
	for _, p := range demo.Products(ds)[:2000] {
		words := strings.Fields(p.Name.VI)
		pool = append(pool, strings.Join(words[:min(3, len(words))], " "))
		pool = append(pool, textsearch.Fold(strings.Join(words[:min(2, len(words))], " ")))
		en := strings.Fields(p.Name.EN)
		pool = append(pool, strings.Join(en[:min(2, len(en))], " "))
		pool = append(pool, strings.Fields(p.Name.KO)[0])
	}
	for _, s := range taxonomy.Sectors {
		pool = append(pool, s.VI, s.EN, s.KO, textsearch.Fold(s.VI))
	}
	for _, o := range ds.Orgs[:300] {
		for _, name := range []string{o.Name.EN, o.Name.KO} {
			if f := strings.Fields(name); len(f) > 0 {
				pool = append(pool, f[len(f)/2])
			}
		}
	}
	pool = append(pool, "robot han quoc", "han quoc", "Korea", "한국", "nhat ban", "Japan", "robot hàn", "용접 로봇", "xe tu hanh", "AGV")
	out := make([]string, n)
	for i := range out {
		q := pool[rng.IntN(len(pool))]
		if r := []rune(q); rng.IntN(4) == 0 && len(r) > 4 {
			q = string(r[:len(r)-1-rng.IntN(len(r)/3)]) // typed halfway: prefix
		}
		out[i] = q
	}
	return out
}

// TestWriteBenchQueries writes the query set, one per line, to
// $KETNOI_BENCH_QUERIES for wrk; without it, it checks the set's mix.
func TestWriteBenchQueries(t *testing.T) {
	qs := BenchQueries(1000)
	ko := 0
	for _, q := range qs {
		if strings.ContainsFunc(q, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) {
			ko++
		}
	}
	if ko < 100 || ko > 500 {
		t.Fatalf("%d Korean queries of 1000: not a mixed set", ko)
	}
	if path := os.Getenv("KETNOI_BENCH_QUERIES"); path != "" {
		if err := os.WriteFile(path, []byte(strings.Join(qs, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var (
	benchOnce sync.Once
	benchDB   *store.DB
	benchErr  error
)

// benchStore opens $KETNOI_BENCH_DB (a seeded demo database), or seeds the
// demo into a temporary SQLite file.
func benchStore(b *testing.B) *store.DB {
	benchOnce.Do(func() {
		ctx := context.Background()
		dsn := os.Getenv("KETNOI_BENCH_DB")
		seed := dsn == ""
		if seed {
			dir, _ := os.MkdirTemp("", "ketnoi-bench")
			dsn = filepath.Join(dir, "demo.db")
		}
		if benchDB, benchErr = store.Open(ctx, dsn); benchErr != nil {
			return
		}
		if seed {
			if benchErr = benchDB.Migrate(ctx); benchErr == nil {
				benchErr = demo.Seed(ctx, benchDB, demo.Generate(1))
			}
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

// runQueries runs one query per iteration, round robin over the mixed set,
// and reports the 50th and 99th percentile latencies.
func runQueries(b *testing.B, do func(q string) int) {
	qs := BenchQueries(1000)
	lat := make([]time.Duration, 0, b.N)
	hits := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		hits += do(qs[i%len(qs)])
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	b.ReportMetric(float64(hits)/float64(b.N), "hits/query")
}

// BenchmarkCatalogueSearch: the index over the demo's 500 exhibitors and
// 10,000 products, built from the database, first page of 20.
func BenchmarkCatalogueSearch(b *testing.B) {
	db := benchStore(b)
	c := catalog.New(db, countries())
	ctx := context.Background()
	if err := c.Warm(ctx, demo.FairID); err != nil {
		b.Fatal(err)
	}
	runQueries(b, func(q string) int {
		r, err := c.Search(ctx, demo.FairID, catalog.Query{Text: q, Limit: 20})
		if err != nil {
			b.Fatal(err)
		}
		return r.Total
	})
}

// BenchmarkCatalogueLike is the baseline: a plain SQL LIKE scan of the same
// names and descriptions for the same queries, first 20 ids.
func BenchmarkCatalogueLike(b *testing.B) {
	db := benchStore(b)
	ctx := context.Background()
	runQueries(b, func(q string) int {
		ids, err := db.CatalogueLike(ctx, demo.FairID, q, 20)
		if err != nil {
			b.Fatal(err)
		}
		return len(ids)
	})
}

// BenchmarkCatalogueBuild is the time to build the event's index from the
// database (at start, or when it is rebuilt).
func BenchmarkCatalogueBuild(b *testing.B) {
	db := benchStore(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		c := catalog.New(db, countries())
		if err := c.Warm(ctx, demo.FairID); err != nil {
			b.Fatal(err)
		}
	}
}
