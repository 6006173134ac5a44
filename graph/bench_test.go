package graph

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/kgbgraph/kgb/extract"
)

// benchBatch is about 10k quads of synthetic articles, the batch size the
// ingest layer aims for.
const benchBatch = 32

func BenchmarkPutArticles(b *testing.B) {
	st, _ := openTemp(b)
	quads := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		batch := make([]*extract.Result, benchBatch)
		for j := range batch {
			batch[j] = synthetic(i*benchBatch+j, 2000)
		}
		ps, err := st.PutArticles(batch)
		if err != nil {
			b.Fatal(err)
		}
		quads += ps.Quads
	}
	b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
	b.ReportMetric(float64(quads)/float64(b.N*benchBatch), "quads/article")
}

func BenchmarkLookup(b *testing.B) {
	st, _ := openTemp(b)
	for i := 0; i < 500; i += benchBatch {
		var batch []*extract.Result
		for j := i; j < i+benchBatch && j < 500; j++ {
			batch = append(batch, synthetic(j, 200))
		}
		if _, err := st.PutArticles(batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := st.Lookup(fmt.Sprintf("简称%d", i%200))
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Outgoing) == 0 {
			b.Fatalf("empty report for %s", rep.Name)
		}
	}
}

// TestBuildPerfStore builds a store of KGB_GRAPH_PERF_ARTICLES synthetic
// articles in KGB_GRAPH_PERF_DIR, to measure loading and, with the store
// left behind, the latency of a whole `kgb lookup` process. It is a
// measurement, not a check, so it only runs when asked.
func TestBuildPerfStore(t *testing.T) {
	dir := os.Getenv("KGB_GRAPH_PERF_DIR")
	if dir == "" {
		t.Skip("KGB_GRAPH_PERF_DIR is not set; skipping the 10k-article load measurement")
	}
	n := 10000
	fmt.Sscan(os.Getenv("KGB_GRAPH_PERF_ARTICLES"), &n)
	st, err := Open(Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	var total PutStats
	for i := 0; i < n; i += benchBatch {
		var batch []*extract.Result
		for j := i; j < i+benchBatch && j < n; j++ {
			batch = append(batch, synthetic(j, 2000))
		}
		ps, err := st.PutArticles(batch)
		if err != nil {
			t.Fatal(err)
		}
		total.Articles += ps.Articles
		total.Skipped += ps.Skipped
		total.Quads += ps.Quads
		if (i/benchBatch)%50 == 0 {
			t.Logf("%d articles, %d quads, %v", total.Articles, total.Quads, time.Since(start).Round(time.Millisecond))
		}
	}
	d := time.Since(start)
	t.Logf("built %d articles (%d skipped), %d quads in %v: %.0f quads/s", total.Articles, total.Skipped, total.Quads, d.Round(time.Millisecond), float64(total.Quads)/d.Seconds())
}
