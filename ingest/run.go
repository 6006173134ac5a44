// Package ingest builds a store from a corpus: it finds the article files,
// extracts them on all cores and writes the results through a single writer
// in batched transactions, skipping files that have not changed since the
// last build. A bad file is reported and counted, never fatal.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
)

// DefaultBatchQuads is the target size of one write transaction: Bolt loads
// fastest at ~10k quads per transaction (see CAYLEY-NOTES.md).
const DefaultBatchQuads = 10_000

// flushAfter bounds how long extracted articles wait for a full batch, so
// that a slow extraction still gets its results made durable as it goes.
const flushAfter = 2 * time.Second

// Options tune a Run. The zero value is usable.
type Options struct {
	Workers    int       // extraction goroutines; default runtime.NumCPU()
	BatchQuads int       // target quads per write transaction; default DefaultBatchQuads
	Force      bool      // re-extract even if the stored hash is unchanged
	Progress   io.Writer // progress bar on a terminal, plain lines otherwise; nil for none
	Log        io.Writer // one line per bad file: "path: reason"; nil for none
}

// store is what Run needs of a graph.Store; tests substitute a fake.
type store interface {
	ArticleHash(id string) (string, bool, error)
	PutArticles(rs []*extract.Result) (graph.PutStats, error)
	ReplaceArticles(rs []*extract.Result) (graph.PutStats, error)
}

// extractFunc turns a parsed article into its facts.
type extractFunc func(*extract.Article) *extract.Result

// Run extracts every article file under paths and stores the results in st.
// Good files are stored even when others fail; Run then returns an error
// saying how many failed, so a command exits non-zero. It also returns an
// error, with the summary so far, when ctx is cancelled: what was extracted
// by then is written first.
func Run(ctx context.Context, st *graph.Store, x *extract.Extractor, paths []string, opts Options) (*Summary, error) {
	return run(ctx, st, x.Extract, paths, opts)
}

func run(ctx context.Context, st store, extractFn extractFunc, paths []string, opts Options) (*Summary, error) {
	start := time.Now()
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.BatchQuads <= 0 {
		opts.BatchQuads = DefaultBatchQuads
	}
	files, collectErrs, err := Collect(paths)
	if err != nil {
		return nil, err
	}
	files, dupErrs := dropDuplicateIDs(files)
	w := &writer{
		st:   st,
		opts: opts,
		sum:  &Summary{Files: len(files) + len(dupErrs) + len(collectErrs)},
		prog: newProgress(opts.Progress, len(files)),
	}
	for _, fe := range append(collectErrs, dupErrs...) {
		w.fail(fe.Path, fe.Err)
	}
	if len(files) == 0 && len(collectErrs) == 0 {
		w.sum.Elapsed = time.Since(start)
		return w.sum, fmt.Errorf("no article files (%s) under %s", strings.Join(articleExts, ", "), strings.Join(paths, ", "))
	}

	jobs := make(chan string)
	outs := make(chan outcome, 2*opts.Workers)
	go func() {
		defer close(jobs)
		for _, p := range files {
			if ctx.Err() != nil { // select alone picks at random when both are ready
				return
			}
			select {
			case jobs <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	bigOne := make(chan struct{}, 1)
	done := make(chan struct{})
	for range opts.Workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for p := range jobs {
				if ctx.Err() != nil {
					continue // drain: the feeder is stopping
				}
				outs <- process(st, extractFn, p, opts.Force, bigOne)
			}
		}()
	}
	go func() {
		for range opts.Workers {
			<-done
		}
		close(outs)
	}()

	w.loop(outs)
	w.prog.finish()
	sum := w.sum
	sort.Slice(sum.Errors, func(i, j int) bool { return sum.Errors[i].Path < sum.Errors[j].Path })
	sum.Elapsed = time.Since(start)
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("build interrupted after %d of %d files: %w", w.prog.done, len(files), err)
	}
	if sum.Failed > 0 {
		return sum, fmt.Errorf("%d of %d files failed", sum.Failed, sum.Files)
	}
	return sum, nil
}

// articleID is the id extract gives an article read from path.
func articleID(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// dropDuplicateIDs keeps the first (sorted) file of each article id: two
// files with one id would overwrite each other's facts in turn on every
// build. The others are reported.
func dropDuplicateIDs(files []string) (kept []string, errs []FileError) {
	first := make(map[string]string, len(files))
	for _, p := range files {
		id := articleID(p)
		if q, ok := first[id]; ok {
			errs = append(errs, FileError{Path: p, Err: fmt.Errorf("same article id %q as %s; not stored", id, q)})
			continue
		}
		first[id] = p
		kept = append(kept, p)
	}
	return kept, errs
}

// outcome is what a worker made of one file.
type outcome struct {
	path    string
	result  *extract.Result // nil when skipped or failed
	skipped bool
	err     error
}

// bigInput is the size from which files are extracted one at a time:
// parsing and extraction take 20 (Chinese prose) to 140 (Latin names
// repeated) bytes of memory per input byte, so a 50 MB article peaks at
// 1 GB or more and two at once could exhaust a machine, while ordinary
// articles (a few KB) keep all cores busy.
const bigInput = 4 << 20

// process reads, hashes and (unless unchanged) extracts one file. A panic
// in the extractor becomes this file's error: one odd article must not take
// down a build of thousands. bigOne is held while extracting a big file.
func process(st store, extractFn extractFunc, path string, force bool, bigOne chan struct{}) (out outcome) {
	out.path = path
	defer func() {
		if r := recover(); r != nil {
			out = outcome{path: path, err: fmt.Errorf("extractor panicked: %v (in %s)", r, panicSite(debug.Stack()))}
		}
	}()
	raw, err := extract.ReadRaw(path)
	if err != nil {
		out.err = err
		return out
	}
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	if !force {
		stored, ok, err := st.ArticleHash(articleID(path))
		if err != nil {
			out.err = fmt.Errorf("read stored hash: %w", err)
			return out
		}
		if ok && stored == hash {
			out.skipped = true
			return out
		}
	}
	if len(raw) >= bigInput {
		bigOne <- struct{}{}
		defer func() { <-bigOne }()
	}
	a, err := extract.Parse(path, raw)
	if err != nil {
		out.err = err
		return out
	}
	r := extractFn(a)
	if r == nil {
		out.err = errors.New("extractor returned no result")
		return out
	}
	// The skip test above compares against this hash, so it is what must
	// be stored whatever the extractor filled in.
	r.Doc.Hash = hash
	if r.Doc.ID == "" {
		r.Doc.ID = articleID(path)
	}
	out.result = r
	return out
}

// panicSite finds the function and line that panicked in a goroutine
// stack (the frame below the runtime's panic call), so the one log line
// for the file points at the bug.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") && i+3 < len(lines) {
			fn := strings.TrimSpace(lines[i+2])
			if j := strings.LastIndex(fn, "("); j > 0 {
				fn = fn[:j]
			}
			loc := strings.TrimSpace(lines[i+3])
			if j := strings.LastIndex(loc, " +0x"); j > 0 {
				loc = loc[:j]
			}
			return fn + " at " + loc
		}
	}
	return "unknown location"
}

// writer is the single goroutine that owns the summary and the progress
// display. It hands each full batch to a commit goroutine and collects the
// next batch while that one is written (a double buffer): a commit takes
// hundreds of milliseconds, and writing inline would leave the extraction
// workers blocked on a full result channel for all that time. At most one
// commit is in flight, so the store still has a single writer and memory
// holds at most three batches' worth of results.
type writer struct {
	st       store
	opts     Options
	sum      *Summary
	prog     *progress
	batch    []*extract.Result
	paths    []string
	estimate int
	inflight chan committed // nil when no commit is running
}

// committed is what a commit goroutine made of one batch; the writer
// applies it to the summary, which only the writer goroutine touches.
type committed struct {
	n      int // articles in the batch
	stored []storedPart
	failed []FileError
}

// storedPart is one successful transaction: the whole batch, or one
// article of a batch retried alone.
type storedPart struct {
	rs []*extract.Result
	st graph.PutStats
}

func (w *writer) loop(outs <-chan outcome) {
	timer := time.NewTimer(flushAfter)
	defer timer.Stop()
	for {
		select {
		case o, ok := <-outs:
			if !ok {
				w.flush()
				w.wait()
				return
			}
			w.take(o)
		case c := <-w.inflight: // a nil channel never fires
			w.inflight = nil
			w.apply(c)
			if w.estimate >= w.opts.BatchQuads {
				w.flush()
			}
		case <-timer.C:
			if w.inflight == nil { // else the pending batch goes when it is done
				w.flush()
			}
			timer.Reset(flushAfter)
		}
	}
}

func (w *writer) take(o outcome) {
	switch {
	case o.err != nil:
		w.fail(o.path, o.err)
		w.prog.update(1, w.sum)
	case o.skipped:
		w.sum.Skipped++
		w.prog.update(1, w.sum)
	default:
		w.batch = append(w.batch, o.result)
		w.paths = append(w.paths, o.path)
		w.estimate += estimateQuads(o.result)
		// While a commit is in flight the next batch may grow to twice
		// the target rather than stop the writer (and so the workers)
		// until the commit is done.
		if w.estimate >= 2*w.opts.BatchQuads || w.estimate >= w.opts.BatchQuads && w.inflight == nil {
			w.flush()
		}
	}
}

// estimateQuads approximates how many quads graph writes for r (article
// metadata, ~5 per entity, ~9 per relation or metric), to size batches
// before writing them.
func estimateQuads(r *extract.Result) int {
	return 8 + len(r.Doc.Categories) + 5*len(r.Entities) + 9*len(r.Relations) + 9*len(r.Metrics)
}

// flush starts the commit of the pending batch, after waiting for the
// previous one: two concurrent writes would contend for Bolt's single
// write transaction and leave more than two batches in memory.
func (w *writer) flush() {
	if len(w.batch) == 0 {
		return
	}
	w.wait()
	batch, paths := w.batch, w.paths
	w.batch, w.paths, w.estimate = nil, nil, 0
	put := w.st.PutArticles
	if w.opts.Force {
		put = w.st.ReplaceArticles // PutArticles would skip unchanged files
	}
	done := make(chan committed, 1)
	w.inflight = done
	go func() { done <- commit(put, batch, paths) }()
}

// wait blocks until the commit in flight, if any, is done and counted.
func (w *writer) wait() {
	if w.inflight == nil {
		return
	}
	c := <-w.inflight
	w.inflight = nil
	w.apply(c)
}

func (w *writer) apply(c committed) {
	for _, p := range c.stored {
		w.stored(p.rs, p.st)
	}
	for _, fe := range c.failed {
		w.fail(fe.Path, fe.Err)
	}
	w.prog.update(c.n, w.sum)
}

// commit writes batch in one transaction. When the batch fails as a whole,
// each article is retried alone so that one bad result costs only its own
// file.
func commit(put func([]*extract.Result) (graph.PutStats, error), batch []*extract.Result, paths []string) committed {
	c := committed{n: len(batch)}
	if st, err := put(batch); err == nil {
		c.stored = append(c.stored, storedPart{batch, st})
		return c
	}
	for i, r := range batch {
		st, err := put(batch[i : i+1])
		if err != nil {
			c.failed = append(c.failed, FileError{Path: paths[i], Err: fmt.Errorf("store: %w", err)})
			continue
		}
		c.stored = append(c.stored, storedPart{[]*extract.Result{r}, st})
	}
	return c
}

func (w *writer) stored(rs []*extract.Result, st graph.PutStats) {
	w.sum.Articles += st.Articles
	w.sum.Skipped += st.Skipped
	w.sum.Quads += st.Quads
	for _, r := range rs {
		w.sum.Entities += len(r.Entities)
		w.sum.Relations += len(r.Relations)
		w.sum.Metrics += len(r.Metrics)
	}
}

func (w *writer) fail(path string, err error) {
	fe := FileError{Path: path, Err: err}
	w.sum.Failed++
	w.sum.Errors = append(w.sum.Errors, fe)
	w.prog.printAbove(w.opts.Log, fe.Error())
}
