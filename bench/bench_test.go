// Package bench holds in-process benchmarks of extraction and building, for
// profiling (go test -bench . -cpuprofile cpu.out ./bench). Whole-process
// figures come from run.sh.
//
// The benchmarks read the article files in $KGB_BENCH_CORPUS (a folder
// written by bench/gen), else the repository's testdata/*.md, else the shared
// corpus; they skip when none is there.
package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
	"github.com/kgbgraph/kgb/ingest"
)

func corpusFiles(b *testing.B) []string {
	b.Helper()
	dirs := []string{"../testdata", "../../shared/corpus"}
	if d := os.Getenv("KGB_BENCH_CORPUS"); d != "" {
		dirs = []string{d}
	}
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.md"))
		if len(files) > 0 {
			return files
		}
	}
	b.Skipf("no articles in %v (set KGB_BENCH_CORPUS to a bench/gen folder)", dirs)
	return nil
}

func loadArticles(b *testing.B) ([]*extract.Article, int64) {
	b.Helper()
	var arts []*extract.Article
	var size int64
	for _, f := range corpusFiles(b) {
		a, err := extract.ReadFile(f)
		if err != nil {
			continue // test-data folders also hold deliberately bad files
		}
		fi, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		b.Skip("no readable articles")
	}
	return arts, size
}

// BenchmarkExtract is one goroutine extracting parsed articles in turn;
// bytes/s are of the article files.
func BenchmarkExtract(b *testing.B) {
	arts, size := loadArticles(b)
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size / int64(len(arts)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if r := x.Extract(arts[i%len(arts)]); r == nil {
			b.Fatal("no result")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractParallel shares one Extractor between GOMAXPROCS
// goroutines, as `kgb build` does.
func BenchmarkExtractParallel(b *testing.B) {
	arts, size := loadArticles(b)
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size / int64(len(arts)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			x.Extract(arts[i%len(arts)])
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkBuild builds a fresh store from the corpus files per iteration,
// reading, extracting and writing as `kgb build` does.
func BenchmarkBuild(b *testing.B) {
	files := corpusFiles(b)
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	quads := 0
	for b.Loop() {
		st, err := graph.Open(graph.Options{Path: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		sum, err := ingest.Run(context.Background(), st, x, files, ingest.Options{})
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		if err != nil && (sum == nil || sum.Articles == 0) {
			b.Fatal(err)
		}
		quads += sum.Quads
	}
	b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
