package rdfio

import (
	"bytes"
	"io"

	"github.com/cayleygraph/quad"
)

// nquadsWriter writes one N-Quads line per quad. The quad module's
// nquads.Writer leaves control characters other than \n, \r and \t
// unescaped and writes Cayley's short datatype names (xsd:integer) as
// IRIs, both of which other RDF tools reject; this writer uses the same
// escaping as the Turtle writer instead.
type nquadsWriter struct {
	w   io.Writer
	buf bytes.Buffer
}

func (n *nquadsWriter) WriteQuad(q quad.Quad) error {
	if err := checkRDF(q); err != nil {
		return err
	}
	n.buf.Reset()
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if v == nil {
			continue
		}
		turtleTerm(&n.buf, v, nil)
		n.buf.WriteByte(' ')
	}
	n.buf.WriteString(".\n")
	_, err := n.w.Write(n.buf.Bytes())
	return err
}
