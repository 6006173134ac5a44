package rdfio

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/graph"
	"github.com/kgbgraph/kgb/schema"
)

// ImportBatch is the number of quads per store transaction: the size that
// loads fastest into Bolt (see CAYLEY-NOTES.md).
const ImportBatch = 10000

// batchSize is ImportBatch, smaller in tests so that several transactions
// happen without loading tens of thousands of quads.
var batchSize = ImportBatch

// maxLine bounds one N-Quads line; an evidence sentence is far shorter,
// and a file without line breaks should fail rather than fill memory.
const maxLine = 4 << 20

// ImportLabel is the named graph given to quads that have none in an
// imported file: <base>import/<file name>. Like an article, the import can
// then be listed or removed as a unit (every quad carries the label).
func ImportLabel(v schema.Vocab, name string) quad.IRI {
	base := filepath.Base(name)
	if name == "" || name == "-" || base == "." || base == string(filepath.Separator) {
		base = "stdin"
	}
	return quad.IRI(v.Base + "import/" + url.PathEscape(base))
}

// Import loads N-Quads from r into the store and returns the number of
// quads read. name (usually the file path) is used in errors and in
// ImportLabel for quads without a graph label.
//
// The whole input is parsed first: a bad line fails the import with
// "name:line: column c: …" and nothing is written. The input is copied to
// a temporary file on that first pass (so memory stays flat), then written
// in transactions of ImportBatch quads. Quads already in the store are
// skipped, so importing the same file again changes nothing. If the store
// fails part-way (disk full, context cancelled), the batches before the
// failure stay written; running the import again completes it.
func Import(ctx context.Context, st *graph.Store, r io.Reader, name string) (int, error) {
	if st.ReadOnly() {
		return 0, fmt.Errorf("import %s: the store is open read-only", name)
	}
	spool, err := os.CreateTemp("", "kgb-import-*.nq")
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", name, err)
	}
	defer os.Remove(spool.Name())
	defer spool.Close()

	sw := bufio.NewWriterSize(spool, 1<<16)
	n, err := eachQuad(ctx, r, name, func(_ quad.Quad, line string) error {
		if _, err := sw.WriteString(line); err != nil {
			return err
		}
		return sw.WriteByte('\n')
	})
	if err == nil {
		err = sw.Flush()
	}
	if err != nil {
		return 0, err
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("import %s: %w", name, err)
	}

	label := ImportLabel(st.Vocab(), name)
	qs := st.QuadStore()
	batch := make([]cgraph.Delta, 0, batchSize)
	// inBatch drops a quad repeated within one batch: the store skips
	// quads it already has, but not two adds of one quad in one call.
	inBatch := make(map[quad.Quad]bool, batchSize)
	written := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := qs.ApplyDeltas(batch, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
			return fmt.Errorf("import %s: writing quads %d-%d (the ones before stay written; importing again is safe): %w",
				name, written+1, written+len(batch), err)
		}
		written += len(batch)
		batch = batch[:0]
		clear(inBatch)
		return ctx.Err()
	}
	_, err = eachQuad(ctx, spool, name, func(q quad.Quad, _ string) error {
		if q.Label == nil {
			q.Label = label
		}
		if inBatch[q] {
			return nil
		}
		inBatch[q] = true
		batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
		if len(batch) >= batchSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return n, err
}

// eachQuad parses r line by line and hands each statement, with its line
// text, to fn. Errors name the file and line.
func eachQuad(ctx context.Context, r io.Reader, name string, fn func(q quad.Quad, line string) error) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	n, lineNo := 0, 0
	for sc.Scan() {
		lineNo++
		if lineNo%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
		}
		line := strings.TrimSuffix(sc.Text(), "\r")
		if lineNo == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		q, ok, err := parseNQuad(line)
		if err != nil {
			return n, fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
		if !ok {
			continue
		}
		if err := fn(q, line); err != nil {
			return n, err
		}
		n++
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return n, fmt.Errorf("%s:%d: line longer than %d bytes", name, lineNo+1, maxLine)
		}
		return n, fmt.Errorf("%s: %w", name, err)
	}
	return n, nil
}
