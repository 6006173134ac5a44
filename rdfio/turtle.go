package rdfio

import (
	"bytes"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
)

// turtleWriter streams Turtle or TriG. The quad module has no writer for
// either, and the Go RDF libraries that do (knakk/rdf, erikh/turtle) are
// unmaintained or marshal a whole in-memory graph at once, so this small
// writer emits statements as quads arrive. It groups consecutive quads that
// share a subject with ';' and ',' and, in TriG, consecutive quads of one
// graph into one block; a graph whose quads come back later simply opens
// another block with the same name, which TriG defines as adding to that
// graph.
type turtleWriter struct {
	w        io.Writer
	trig     bool
	prefixes []prefix
	buf      bytes.Buffer

	started bool
	inGraph bool
	graph   quad.Value
	subject quad.Value
	pred    quad.Value
	inStmt  bool
	seen    map[string]struct{} // (predicate, object) pairs of the current subject
	dedupe  bool
}

func newTurtleWriter(w io.Writer, base string, trig, dedupe bool) *turtleWriter {
	return &turtleWriter{w: w, trig: trig, prefixes: prefixesFor(base), dedupe: dedupe, seen: map[string]struct{}{}}
}

func (t *turtleWriter) header() {
	for _, p := range t.prefixes {
		fmt.Fprintf(&t.buf, "@prefix %s: ", p.name)
		writeIRIRef(&t.buf, p.ns)
		t.buf.WriteString(" .\n")
	}
	t.buf.WriteByte('\n')
	t.started = true
}

// WriteQuad writes q and reports whether it was written: with dedupe (the
// Turtle merge of all articles) a triple already written for the current
// subject is skipped. The caller must send quads grouped by subject for the
// de-duplication to be complete.
func (t *turtleWriter) WriteQuad(q quad.Quad) (bool, error) {
	if err := checkRDF(q); err != nil {
		return false, err
	}
	t.buf.Reset()
	if !t.started {
		t.header()
	}
	if t.trig && (!t.inGraph || !sameValue(q.Label, t.graph)) {
		t.endStatement()
		if t.inGraph {
			t.buf.WriteString("}\n\n")
		}
		if q.Label != nil {
			turtleTerm(&t.buf, q.Label, t.prefixes)
			t.buf.WriteByte(' ')
		}
		t.buf.WriteString("{\n")
		t.inGraph, t.graph = true, q.Label
	}
	if !t.inStmt || !sameValue(q.Subject, t.subject) {
		t.endStatement()
		clear(t.seen)
	}
	if t.dedupe {
		// The key is the rendered pair: cheap to build and exactly the
		// identity of the triple under the current subject.
		var kb bytes.Buffer
		turtleTerm(&kb, q.Predicate, t.prefixes)
		kb.WriteByte(' ')
		turtleTerm(&kb, q.Object, t.prefixes)
		k := kb.String()
		if _, dup := t.seen[k]; dup {
			return false, t.flush()
		}
		t.seen[k] = struct{}{}
	}
	switch {
	case !t.inStmt:
		t.indent(0)
		turtleTerm(&t.buf, q.Subject, t.prefixes)
		t.buf.WriteByte(' ')
		turtleTerm(&t.buf, q.Predicate, t.prefixes)
		t.buf.WriteByte(' ')
		t.inStmt, t.subject = true, q.Subject
	case sameValue(q.Predicate, t.pred):
		t.buf.WriteString(" ,\n")
		t.indent(2)
	default:
		t.buf.WriteString(" ;\n")
		t.indent(1)
		turtleTerm(&t.buf, q.Predicate, t.prefixes)
		t.buf.WriteByte(' ')
	}
	t.pred = q.Predicate
	turtleTerm(&t.buf, q.Object, t.prefixes)
	return true, t.flush()
}

func (t *turtleWriter) indent(level int) {
	if t.inGraph {
		level++
	}
	for range level {
		t.buf.WriteString("    ")
	}
}

func (t *turtleWriter) endStatement() {
	if t.inStmt {
		t.buf.WriteString(" .\n")
		t.inStmt = false
	}
}

func (t *turtleWriter) flush() error {
	_, err := t.w.Write(t.buf.Bytes())
	t.buf.Reset()
	return err
}

// Close ends the last statement and graph block; a document with no quads
// still gets its prefixes, so it parses as an empty graph.
func (t *turtleWriter) Close() error {
	t.buf.Reset()
	if !t.started {
		t.header()
	}
	t.endStatement()
	if t.inGraph {
		t.buf.WriteString("}\n")
		t.inGraph = false
	}
	return t.flush()
}

// checkRDF rejects quads that RDF syntaxes cannot carry (Cayley itself
// accepts a literal in any position).
func checkRDF(q quad.Quad) error {
	switch q.Subject.(type) {
	case quad.IRI, quad.BNode:
	default:
		return fmt.Errorf("quad %v: subject %v is not an IRI or blank node", q, q.Subject)
	}
	if _, ok := q.Predicate.(quad.IRI); !ok {
		return fmt.Errorf("quad %v: predicate %v is not an IRI", q, q.Predicate)
	}
	switch q.Label.(type) {
	case nil, quad.IRI, quad.BNode:
	default:
		return fmt.Errorf("quad %v: graph label %v is not an IRI or blank node", q, q.Label)
	}
	return nil
}

// sameValue compares canonical values (IRI, BNode, String, LangString,
// TypedString), which are all comparable Go values.
func sameValue(a, b quad.Value) bool { return a == b }
