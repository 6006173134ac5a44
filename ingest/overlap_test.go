package ingest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
)

// slowStore holds its first write until extraction has got well past the
// next batch, standing in for a long Bolt commit, and records how many
// writes ever ran at once.
type slowStore struct {
	*fakeStore
	extracted *atomic.Int32
	until     int32 // articles extracted before the first write may finish
	writes    atomic.Int32
	active    atomic.Int32
	maxActive atomic.Int32
	stuckAt   atomic.Int32 // articles extracted when the first write gave up waiting; 0 if it did not
}

func (s *slowStore) PutArticles(rs []*extract.Result) (graph.PutStats, error) {
	n := s.active.Add(1)
	defer s.active.Add(-1)
	for {
		m := s.maxActive.Load()
		if n <= m || s.maxActive.CompareAndSwap(m, n) {
			break
		}
	}
	if s.writes.Add(1) == 1 {
		deadline := time.Now().Add(5 * time.Second)
		for s.extracted.Load() < s.until {
			if time.Now().After(deadline) {
				s.stuckAt.Store(s.extracted.Load())
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	return s.fakeStore.PutArticles(rs)
}

// TestRunExtractsWhileWriting: while one batch is written the workers go
// on extracting the next, beyond what the result channel alone could hold,
// and still only one write runs at a time.
func TestRunExtractsWhileWriting(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("a%02d.md", i)] = article(fmt.Sprintf("文%d", i), 4) // 28 quads estimated
	}
	writeFiles(t, dir, files)
	const workers, perBatch = 2, 10
	// Writing inline, the first write would let at most one batch, the
	// channel's 2*workers results and one per worker be extracted.
	inline := int32(perBatch + 2*workers + workers)
	cases := []struct {
		name  string
		until int32
	}{
		{"first write waits for the second batch", inline + perBatch/2},
		{"no wait", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var calls atomic.Int32
			st := &slowStore{fakeStore: newFakeStore(), extracted: &calls, until: c.until}
			sum, err := run(context.Background(), st, fakeExtract(&calls), []string{dir}, Options{Workers: workers, BatchQuads: perBatch * 28})
			if err != nil || sum.Articles != 60 || len(st.hashes) != 60 {
				t.Fatalf("stored %d (store has %d), %v", sum.Articles, len(st.hashes), err)
			}
			if n := st.stuckAt.Load(); n != 0 {
				t.Fatalf("extraction stopped at %d articles while the first batch was written, want %d", n, c.until)
			}
			if m := st.maxActive.Load(); m != 1 {
				t.Fatalf("%d writes at once, want 1", m)
			}
		})
	}
}
