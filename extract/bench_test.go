package extract

import (
	"os"
	"path/filepath"
	"testing"
)

func writeFile(p, s string) error { return os.WriteFile(p, []byte(s), 0o644) }

// BenchmarkExtract extracts every sample article in ../testdata, reading
// included, and reports bytes and articles per second.
func BenchmarkExtract(b *testing.B) {
	paths, size := benchArticles(b, "../testdata")
	x := testExtractor(b)
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range paths {
			if _, err := x.ExtractFile(p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(paths))/b.Elapsed().Seconds(), "articles/s")
}

// benchArticles lists the *.md articles in dir and their total size; the
// benchmark is skipped when there are none.
func benchArticles(b *testing.B, dir string) ([]string, int64) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		b.Skip("no articles in " + dir)
	}
	var size int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	return paths, size
}

// BenchmarkNew measures start-up: lexicons and the segmenter dictionary.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(Options{LexiconDirs: []string{b.TempDir()}}); err != nil {
			b.Fatal(err)
		}
	}
}
