package textsearch

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The benchmark catalogue: the trade fair of issue 4.
const (
	benchSeed       = 2024
	benchExhibitors = 500
	benchProducts   = 10_000
	benchQueries    = 400
)

var benchOnce = sync.OnceValues(func() (*Index, *likeScan) {
	docs := GenerateCorpus(benchSeed, benchExhibitors, benchProducts).All()
	ix := New()
	for _, d := range docs {
		if err := ix.Put(d); err != nil {
			panic(err)
		}
	}
	return ix, newLikeScan(docs)
})

// likeScan is the baseline: what `WHERE folded LIKE '%w1%' AND folded LIKE
// '%w2%'` does, as a linear scan of strings.Contains over each document's
// folded text (folded once in advance, as a stored column would be).
type likeScan struct {
	ids    []int64
	folded []string
}

func newLikeScan(docs []Document) *likeScan {
	s := &likeScan{}
	for _, d := range docs {
		var texts []string
		for _, f := range d.Fields {
			texts = append(texts, f.Text)
		}
		s.ids = append(s.ids, d.ID)
		s.folded = append(s.folded, Fold(strings.Join(texts, " \n ")))
	}
	return s
}

// search returns the total and the first limit IDs, like the index.
func (s *likeScan) search(q string, limit int) (int, []int64) {
	words := strings.Fields(Fold(q))
	total := 0
	var page []int64
	for i, text := range s.folded {
		ok := true
		for _, w := range words {
			if !strings.Contains(text, w) {
				ok = false
				break
			}
		}
		if ok {
			total++
			if len(page) < limit {
				page = append(page, s.ids[i])
			}
		}
	}
	return total, page
}

// BenchmarkSearch measures one query at a time and reports the mean and the
// 99th percentile latency over the mixed query set, for the index and for
// the LIKE scan baseline.
func BenchmarkSearch(b *testing.B) {
	ix, like := benchOnce()
	queries := GenerateQueries(benchSeed, benchQueries)
	run := map[string]func(q string){
		"index": func(q string) { ix.Search(Query{Text: q, Limit: 20}) },
		"like":  func(q string) { like.search(q, 20) },
	}
	for _, name := range []string{"index", "like"} {
		b.Run(name, func(b *testing.B) {
			durations := make([]time.Duration, 0, b.N)
			i := 0
			for b.Loop() {
				start := time.Now()
				run[name](queries[i%len(queries)])
				durations = append(durations, time.Since(start))
				i++
			}
			reportLatency(b, durations)
		})
	}
}

func reportLatency(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	var sum time.Duration
	for _, x := range d {
		sum += x
	}
	b.ReportMetric(float64(sum.Microseconds())/float64(len(d)), "mean-µs")
	b.ReportMetric(float64(d[len(d)*99/100].Nanoseconds())/1e3, "p99-µs")
}

// BenchmarkSearchParallel measures throughput with every core searching at
// once (run with -cpu 2 for the 2-core figure).
func BenchmarkSearchParallel(b *testing.B) {
	ix, like := benchOnce()
	queries := GenerateQueries(benchSeed, benchQueries)
	cases := []struct {
		name string
		run  func(q string)
	}{
		{"index", func(q string) { ix.Search(Query{Text: q, Limit: 20}) }},
		{"like", func(q string) { like.search(q, 20) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					c.run(queries[i%len(queries)])
					i++
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "queries/s")
		})
	}
}

// BenchmarkBuild measures building the whole catalogue index and the live
// heap it occupies.
func BenchmarkBuild(b *testing.B) {
	docs := GenerateCorpus(benchSeed, benchExhibitors, benchProducts).All()
	var ix *Index
	for b.Loop() {
		ix = New()
		for _, d := range docs {
			if err := ix.Put(d); err != nil {
				b.Fatal(err)
			}
		}
		ix.sortPending()
	}
	b.StopTimer()
	var before, after runtime.MemStats
	ix = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix = New()
	for _, d := range docs {
		_ = ix.Put(d)
	}
	ix.sortPending()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(len(docs)), "docs")
	runtime.KeepAlive(ix)
}

// BenchmarkPut measures replacing one product in the full catalogue index,
// what the server does when an exhibitor edits a product.
func BenchmarkPut(b *testing.B) {
	ix, _ := benchOnce()
	products := GenerateCorpus(benchSeed, benchExhibitors, benchProducts).Products
	i := 0
	for b.Loop() {
		if err := ix.Put(products[i%len(products)]); err != nil { // same text: the index is unchanged
			b.Fatal(err)
		}
		i++
	}
}
