package extract

import (
	"os"
	"testing"
)

// BenchmarkReadFile reads and parses every sample article in ../testdata
// (or $KGB_BENCH_CORPUS, a directory of *.md), without extraction.
func BenchmarkReadFile(b *testing.B) {
	dir := "../testdata"
	if d := os.Getenv("KGB_BENCH_CORPUS"); d != "" {
		dir = d
	}
	paths, size := benchArticles(b, dir)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range paths {
			if _, err := ReadFile(p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(paths))/b.Elapsed().Seconds(), "articles/s")
}
