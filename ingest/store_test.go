package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
)

// TestRunIncrementalOnRealStore checks the skip and --force paths against
// graph.Store itself, whose PutArticles skips unchanged hashes on its own.
func TestRunIncrementalOnRealStore(t *testing.T) {
	corpus := t.TempDir()
	samples := sampleArticles(t, 3)[:3]
	for _, p := range samples {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(corpus, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := graph.Open(graph.Options{Path: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name          string
		edit          bool // append a paragraph to the first file first
		force         bool
		stored, skips int
		quadsAtLeast  int
		quadsAtMost   int
	}{
		{name: "first build", stored: 3, quadsAtLeast: 30, quadsAtMost: 1 << 30},
		{name: "unchanged", skips: 3},
		{name: "forced", force: true, stored: 3}, // same facts: nothing new to add
		{name: "one edited", edit: true, stored: 1, skips: 2, quadsAtLeast: 1, quadsAtMost: 1 << 30},
	}
	for _, s := range steps {
		if s.edit {
			f, err := os.OpenFile(filepath.Join(corpus, filepath.Base(samples[0])), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("\n<p>补充：星辰科技宣布完成5亿元B轮融资。</p>\n")
			f.Close()
		}
		sum, err := Run(context.Background(), st, x, []string{corpus}, Options{Force: s.force})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if sum.Articles != s.stored || sum.Skipped != s.skips || sum.Quads < s.quadsAtLeast || sum.Quads > s.quadsAtMost {
			t.Fatalf("%s: stored %d skipped %d quads %d; want %d, %d, %d–%d", s.name, sum.Articles, sum.Skipped, sum.Quads, s.stored, s.skips, s.quadsAtLeast, s.quadsAtMost)
		}
	}
}
