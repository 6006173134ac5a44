package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
)

// crashCorpus writes n articles varied from the samples: each copy gets its
// own name and an extra paragraph, so ids, hashes and facts differ.
func crashCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	samples := sampleArticles(t, 1)
	for i := range n {
		src := samples[i%len(samples)]
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		extra := fmt.Sprintf("\n<p>补充%d：第%d家公司宣布完成%d亿元融资。</p>\n", i, i, i%9+1)
		name := fmt.Sprintf("%03d-%s", i, filepath.Base(src))
		if err := os.WriteFile(filepath.Join(dir, name), append(b, extra...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// quadsPerArticle counts the quads under each article label in a store.
func quadsPerArticle(t *testing.T, path string) map[string]int {
	t.Helper()
	st, err := graph.Open(graph.Options{Path: path})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer st.Close()
	qs := st.QuadStore()
	counts := map[string]int{}
	err = iterator.Iterate(context.Background(), qs.QuadsAllIterator()).Each(func(r cgraph.Ref) error {
		q, err := qs.Quad(r)
		if err != nil {
			return err
		}
		if q.Label == nil {
			return fmt.Errorf("quad without article label: %v", q)
		}
		counts[q.Label.String()]++
		return nil
	})
	if err != nil {
		t.Fatalf("scan %s: %v", path, err)
	}
	return counts
}

func buildInProcess(t *testing.T, store, corpus string) *Summary {
	t.Helper()
	st, err := graph.Open(graph.Options{Path: store})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := Run(context.Background(), st, x, []string{corpus}, Options{BatchQuads: 300})
	if err != nil {
		t.Fatalf("build %s: %v", corpus, err)
	}
	return sum
}

var progressLine = regexp.MustCompile(`^build: (\d+)/(\d+) files, (\d+) stored`)

// TestCrashMidBuild kills a build with SIGKILL after it has committed some
// batches and checks that the store opens, that every article in it is
// whole (as many quads as a clean build of the same file writes), and
// that a second build completes the job, skipping what was stored.
func TestCrashMidBuild(t *testing.T) {
	n := 80 // three builds' worth of extraction: keep it quick under -race
	if testing.Short() {
		n = 30
	}
	corpus, crashed, clean := t.TempDir(), t.TempDir(), t.TempDir()
	crashCorpus(t, corpus, n)

	cmd, _, out := startChild(t, "build", crashed, corpus)
	killedAt := -1
	for out.Scan() {
		m := progressLine.FindStringSubmatch(out.Text())
		if m == nil {
			continue
		}
		stored, _ := strconv.Atoi(m[3])
		if stored > 0 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killedAt = stored
			break
		}
	}
	if killedAt < 0 {
		t.Fatalf("child ended without storing anything: %v", out.Err())
	}
	if err := cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("child was not killed: %v", err)
	}

	buildInProcess(t, clean, corpus)
	want := quadsPerArticle(t, clean)
	if len(want) != n {
		t.Fatalf("clean build stored %d articles, want %d", len(want), n)
	}

	got := quadsPerArticle(t, crashed) // also proves the store opens
	t.Logf("killed after %d articles reported stored; store holds %d of %d", killedAt, len(got), n)
	if len(got) < killedAt || len(got) >= n {
		t.Fatalf("store holds %d articles; want at least the %d reported and fewer than all %d", len(got), killedAt, n)
	}
	for label, c := range got {
		if c != want[label] {
			t.Errorf("%s: %d quads after the crash, %d in a clean build", label, c, want[label])
		}
	}

	sum := buildInProcess(t, crashed, corpus)
	if sum.Skipped != len(got) || sum.Articles != n-len(got) {
		t.Errorf("second build stored %d and skipped %d, want %d and %d", sum.Articles, sum.Skipped, n-len(got), len(got))
	}
	got = quadsPerArticle(t, crashed)
	if len(got) != n {
		t.Fatalf("after the second build the store holds %d of %d articles", len(got), n)
	}
	for label, c := range got {
		if c != want[label] {
			t.Errorf("%s: %d quads after the second build, %d in a clean build", label, c, want[label])
		}
	}
}
