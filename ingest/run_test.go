package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
	"github.com/kgbgraph/kgb/schema"
)

// fakeStore keeps hashes in memory and records each write transaction.
type fakeStore struct {
	mu      sync.Mutex
	hashes  map[string]string
	batches [][]string
	failIDs map[string]bool // any batch holding one of these fails whole
}

func newFakeStore() *fakeStore {
	return &fakeStore{hashes: map[string]string{}, failIDs: map[string]bool{}}
}

func (s *fakeStore) ArticleHash(id string) (string, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.hashes[id]
	return h, ok, nil
}

func (s *fakeStore) PutArticles(rs []*extract.Result) (graph.PutStats, error) {
	return s.put(rs, true)
}

func (s *fakeStore) ReplaceArticles(rs []*extract.Result) (graph.PutStats, error) {
	return s.put(rs, false)
}

// put skips unchanged articles like graph.Store does, so that a forced
// build that used PutArticles would store nothing.
func (s *fakeStore) put(rs []*extract.Result, skipUnchanged bool) (graph.PutStats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, r := range rs {
		if s.failIDs[r.Doc.ID] {
			return graph.PutStats{}, fmt.Errorf("article %s: disk on fire", r.Doc.ID)
		}
		ids = append(ids, r.Doc.ID)
	}
	var st graph.PutStats
	for _, r := range rs {
		if skipUnchanged && s.hashes[r.Doc.ID] == r.Doc.Hash {
			st.Skipped++
			continue
		}
		s.hashes[r.Doc.ID] = r.Doc.Hash
		st.Articles++
		st.Quads += estimateQuads(r)
	}
	s.batches = append(s.batches, ids)
	return st, nil
}

// fakeExtract makes one entity per block and panics on a title asking it
// to, standing in for an extractor bug.
func fakeExtract(calls *atomic.Int32) extractFunc {
	return func(a *extract.Article) *extract.Result {
		calls.Add(1)
		if strings.Contains(a.Title, "PANIC") {
			var m map[string]int
			m["boom"]++ // nil map write: a real runtime panic
		}
		r := &extract.Result{Doc: extract.Doc{ID: a.ID, Title: a.Title, Source: a.Path}}
		for i := range a.Blocks {
			r.Entities = append(r.Entities, extract.Entity{Name: fmt.Sprintf("实体%d", i), Type: schema.Company, Mentions: 1})
		}
		return r
	}
}

func article(title string, paras int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: '%s'\n---\n", title)
	for i := range paras {
		fmt.Fprintf(&b, "<p>第%d段：腾讯云与阿里云的市场份额。</p>\n", i)
	}
	return b.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRunReportsBadFilesAndStoresGood(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good1.md":     article("好文一", 3),
		"good2.html":   article("好文二", 2),
		"empty.md":     "",
		"binary.md":    "\x00\x01\x02PK\x03\x04",
		"panic.md":     article("PANIC please", 1),
		"sub/good1.md": article("同名", 1),
	})
	var log, prog bytes.Buffer
	var calls atomic.Int32
	st := newFakeStore()
	sum, err := run(context.Background(), st, fakeExtract(&calls), []string{dir}, Options{Workers: 3, Log: &log, Progress: &prog})
	if err == nil || !strings.Contains(err.Error(), "4 of 6 files failed") {
		t.Fatalf("error %v, want 4 of 6 failed", err)
	}
	if sum.Files != 6 || sum.Articles != 2 || sum.Failed != 4 || sum.Entities != 5 || len(sum.Errors) != 4 {
		t.Fatalf("summary %+v", sum)
	}
	if st.hashes["good1"] == "" || st.hashes["good2"] == "" {
		t.Fatalf("good articles not stored: %v", st.hashes)
	}
	wantLines := map[string][]string{
		"binary.md":    {"binary file (NUL byte at offset 0)"},
		"empty.md":     {"empty file"},
		"panic.md":     {"extractor panicked: assignment to entry in nil map (in ", "fakeExtract.func1 at ", "run_test.go:"},
		"sub/good1.md": {`same article id "good1" as`},
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != len(wantLines) {
		t.Fatalf("log has %d lines, want %d:\n%s", len(lines), len(wantLines), log.String())
	}
	for name, parts := range wantLines {
		prefix := filepath.Join(dir, name) + ": "
		found := false
		for _, l := range lines {
			if !strings.HasPrefix(l, prefix) {
				continue
			}
			found = true
			for _, p := range parts {
				if !strings.Contains(l, p) {
					t.Errorf("log line %q lacks %q", l, p)
				}
			}
		}
		if !found {
			t.Errorf("no log line for %s in\n%s", name, log.String())
		}
	}
	if !strings.Contains(prog.String(), "build: 5/5 files, 2 stored, 0 unchanged, 4 failed") {
		t.Errorf("progress %q", prog.String())
	}
}

func TestRunSkipsUnchangedUnlessForced(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": article("甲", 2), "b.md": article("乙", 1)})
	st := newFakeStore()
	var calls atomic.Int32
	steps := []struct {
		name          string
		edit          string // file rewritten before the step
		force         bool
		stored, skips int
		calls         int32
	}{
		{name: "first build", stored: 2, calls: 2},
		{name: "unchanged", skips: 2, calls: 0},
		{name: "one edited", edit: "b.md", stored: 1, skips: 1, calls: 1},
		{name: "forced", force: true, stored: 2, calls: 2},
	}
	for _, s := range steps {
		if s.edit != "" {
			writeFiles(t, dir, map[string]string{s.edit: article("改过", 4)})
		}
		calls.Store(0)
		sum, err := run(context.Background(), st, fakeExtract(&calls), []string{dir}, Options{Force: s.force})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if sum.Articles != s.stored || sum.Skipped != s.skips || calls.Load() != s.calls {
			t.Fatalf("%s: stored %d skipped %d extracted %d, want %d %d %d", s.name, sum.Articles, sum.Skipped, calls.Load(), s.stored, s.skips, s.calls)
		}
	}
}

func TestRunBatchesWrites(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("a%02d.md", i)] = article(fmt.Sprintf("文%d", i), 4) // ~28 quads estimated
	}
	writeFiles(t, dir, files)
	cases := []struct {
		batchQuads int
		minBatches int
		maxBatches int
	}{
		{batchQuads: 1, minBatches: 40, maxBatches: 40},
		// ~4 articles reach 100 quads; while a commit is in flight a batch
		// may grow to twice that (8 articles), so 40 articles take 5 to 10
		// batches. A flush every 2 s adds batches when the machine is slow.
		{batchQuads: 100, minBatches: 5, maxBatches: 20},
		{batchQuads: 100_000, minBatches: 1, maxBatches: 4},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.batchQuads), func(t *testing.T) {
			st := newFakeStore()
			var calls atomic.Int32
			sum, err := run(context.Background(), st, fakeExtract(&calls), []string{dir}, Options{BatchQuads: c.batchQuads, Workers: 2})
			if err != nil || sum.Articles != 40 {
				t.Fatalf("stored %d, %v", sum.Articles, err)
			}
			if n := len(st.batches); n < c.minBatches || n > c.maxBatches {
				t.Fatalf("%d write transactions, want %d–%d", n, c.minBatches, c.maxBatches)
			}
		})
	}
}

func TestRunIsolatesArticleThatFailsToStore(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": article("甲", 1), "bad.md": article("坏", 1), "c.md": article("丙", 1)})
	st := newFakeStore()
	st.failIDs["bad"] = true
	var log bytes.Buffer
	var calls atomic.Int32
	sum, err := run(context.Background(), st, fakeExtract(&calls), []string{dir}, Options{Log: &log})
	if err == nil || sum.Articles != 2 || sum.Failed != 1 {
		t.Fatalf("summary %+v, %v", sum, err)
	}
	if want := filepath.Join(dir, "bad.md") + ": store: article bad: disk on fire\n"; log.String() != want {
		t.Fatalf("log %q, want %q", log.String(), want)
	}
}

func TestRunCancelled(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": article("甲", 1)})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	done := make(chan error, 1)
	go func() {
		_, err := run(ctx, newFakeStore(), fakeExtract(&calls), []string{dir}, Options{})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cancelled run did not return")
	}
}

// TestRunCancelledMidway: what was extracted before the cancel is still
// written, the rest is not started, and the error says it was interrupted.
func TestRunCancelledMidway(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 50 {
		files[fmt.Sprintf("a%02d.md", i)] = article(fmt.Sprintf("文%d", i), 1)
	}
	writeFiles(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int32
	inner := fakeExtract(&calls)
	cancelling := func(a *extract.Article) *extract.Result {
		if calls.Load() == 5 {
			cancel()
		}
		return inner(a)
	}
	st := newFakeStore()
	sum, err := run(ctx, st, cancelling, []string{dir}, Options{Workers: 2, BatchQuads: 100_000})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "build interrupted after") {
		t.Fatalf("error %v, want an interrupted build", err)
	}
	extracted := int(calls.Load())
	if extracted < 6 || extracted > 10 || sum.Articles != extracted || len(st.hashes) != extracted {
		t.Fatalf("extracted %d, stored %d (store has %d); want all extracted ones stored and few more than 6", extracted, sum.Articles, len(st.hashes))
	}
}

func TestRunNothingToDo(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"readme.txt": "not an article"})
	var calls atomic.Int32
	if _, err := run(context.Background(), newFakeStore(), fakeExtract(&calls), []string{dir}, Options{}); err == nil || !strings.Contains(err.Error(), "no article files") {
		t.Fatalf("error %v, want no article files", err)
	}
}

func TestWriteText(t *testing.T) {
	s := &Summary{Files: 10, Articles: 7, Skipped: 1, Failed: 2, Entities: 70, Relations: 30, Metrics: 12, Quads: 1400,
		Elapsed: 2 * time.Second, Errors: []FileError{{Path: "x/a.md", Err: errors.New("x/a.md: empty file")}}}
	var b bytes.Buffer
	s.WriteText(&b)
	for _, want := range []string{
		"files:     10 (7 stored, 1 unchanged, 2 failed)",
		"entities:  70 (per article, summed)", "relations: 30", "quads:     1400 written",
		"time:      2s (3.5 articles/s, 700.0 quads/s)",
		"errors:    1\n  x/a.md: empty file\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}

	// Thousands of failures were logged one by one; the summary lists a few.
	s.Errors = nil
	for i := range 25 {
		s.Errors = append(s.Errors, FileError{Path: fmt.Sprintf("b%02d.md", i), Err: errors.New("binary file")})
	}
	b.Reset()
	s.WriteText(&b)
	if !strings.Contains(b.String(), "  b19.md: binary file\n  … and 5 more") || strings.Contains(b.String(), "b20.md") {
		t.Errorf("long error list not capped:\n%s", b.String())
	}
}
