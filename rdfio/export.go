package rdfio

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/graph"
)

// ExportOptions says what to export and how.
type ExportOptions struct {
	// Format is the output syntax (NQuads when empty).
	Format Format
	// Article limits the export to one article's quads: its id, IRI or the
	// path of its file.
	Article string
	// Around limits the export to an entity's neighbourhood: the entity
	// (canonical name, alias or IRI), the entities within Depth relation
	// edges of it in either direction, the relation edges among them, and
	// their types, labels and aliases.
	Around string
	// Depth is the number of hops for Around (1 when zero).
	Depth int
}

// Export writes the store, or the part opts selects, to w and returns how
// many statements it wrote: quads for N-Quads, TriG and JSON-LD, distinct
// triples for Turtle, edges for dot and GraphML.
//
// Turtle has no named graphs, so it merges the articles: a triple stated by
// two articles is written once. N-Quads, TriG and JSON-LD keep each
// article's quads in the article's named graph (its IRI). Dot and GraphML
// draw relation edges between entity labels, each edge once.
//
// The export streams from the store's iterators; see the package comment
// for what, if anything, is held in memory.
func Export(ctx context.Context, st *graph.Store, w io.Writer, opts ExportOptions) (int, error) {
	f := NQuads
	if opts.Format != "" {
		var err error
		if f, err = ParseFormat(string(opts.Format)); err != nil {
			return 0, err
		}
	}
	if opts.Article != "" && opts.Around != "" {
		return 0, errors.New("export: give either an article or an entity to export around, not both")
	}
	qs, v := st.QuadStore(), st.Vocab()

	var (
		src   source
		start quad.IRI
	)
	switch {
	case opts.Around != "":
		var err error
		start, err = resolveEntity(ctx, qs, v, opts.Around)
		if err != nil {
			return 0, err
		}
		hood, err := neighbourhood(ctx, qs, v, start, opts.Depth, f.quadFormat())
		if err != nil {
			return 0, err
		}
		src = fixed(hood)
	case opts.Article != "":
		_, ref, err := resolveArticle(qs, v, opts.Article)
		if err != nil {
			return 0, err
		}
		src = labelled(qs, ref)
	case f == Turtle || f.picture():
		src = bySubject(qs)
	default:
		src = allQuads(qs)
	}

	var (
		write func(quad.Quad) (bool, error)
		done  func() error
	)
	switch f {
	case NQuads:
		nw := &nquadsWriter{w: w}
		write = func(q quad.Quad) (bool, error) { return true, nw.WriteQuad(q) }
		done = func() error { return nil }
	case Turtle, TriG:
		// Turtle drops a triple already written for the current subject.
		// That catches every duplicate because each source hands over a
		// subject's quads together (bySubject; a sorted neighbourhood) or
		// has none (one article's graph holds each triple once).
		tw := newTurtleWriter(w, v.Base, f == TriG, f == Turtle)
		write, done = tw.WriteQuad, tw.Close
	case JSONLD:
		jw := newJSONLDWriter(w)
		write = func(q quad.Quad) (bool, error) { return true, jw.WriteQuad(q) }
		done = jw.Close
	case GraphML, Dot:
		pw := newPictureWriter(ctx, qs, v, w, f, start)
		write, done = pw.WriteQuad, pw.Close
	}

	n := 0
	err := src(ctx, func(q quad.Quad) error {
		ok, err := write(canonQuad(q))
		if err != nil {
			return fmt.Errorf("export %s: %w", f, err)
		}
		if ok {
			n++
		}
		return nil
	})
	if cerr := done(); err == nil && cerr != nil {
		err = fmt.Errorf("export %s: %w", f, cerr)
	}
	return n, err
}
