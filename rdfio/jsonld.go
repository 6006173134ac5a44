package rdfio

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/cayleygraph/quad"
)

// jsonldWriter streams expanded JSON-LD: a top-level array holding one
// {"@id": article, "@graph": [...]} object per run of quads with the same
// label, each holding node objects. The quad module's jsonld writer builds
// the whole dataset in memory and converts it on Close, which is what this
// package must not do. Expanded form needs no context, and JSON-LD merges
// node objects (and graph objects) that share an @id, so a subject or graph
// that comes back later just gets another object.
type jsonldWriter struct {
	w   io.Writer
	buf bytes.Buffer

	started   bool
	topItems  int // items written to the top-level array
	inGraph   bool
	graph     quad.Value
	graphItem int // node objects in the open @graph
	inNode    bool
	subject   quad.Value
	pred      quad.Value
	preds     map[quad.Value]struct{} // predicates already in the open node object
}

func newJSONLDWriter(w io.Writer) *jsonldWriter {
	return &jsonldWriter{w: w, preds: map[quad.Value]struct{}{}}
}

func (j *jsonldWriter) WriteQuad(q quad.Quad) error {
	if err := checkRDF(q); err != nil {
		return err
	}
	j.buf.Reset()
	if !j.started {
		j.buf.WriteString("[\n")
		j.started = true
	}
	graphChanged := j.inGraph != (q.Label != nil) || (j.inGraph && q.Label != j.graph)
	if graphChanged {
		j.closeNode()
		j.closeGraph()
		if q.Label != nil {
			j.topSep()
			j.buf.WriteString(`{"@id": `)
			j.buf.Write(jsonString(idOf(q.Label)))
			j.buf.WriteString(`, "@graph": [`)
			j.inGraph, j.graph, j.graphItem = true, q.Label, 0
		}
	}
	// A JSON object must not repeat a key, so a predicate that returns
	// after another one for the same subject starts a new node object.
	_, usedPred := j.preds[q.Predicate]
	if !j.inNode || q.Subject != j.subject || (usedPred && q.Predicate != j.pred) {
		j.closeNode()
		if j.inGraph {
			if j.graphItem > 0 {
				j.buf.WriteByte(',')
			}
			j.buf.WriteString("\n  ")
			j.graphItem++
		} else {
			j.topSep()
		}
		j.buf.WriteString(`{"@id": `)
		j.buf.Write(jsonString(idOf(q.Subject)))
		j.inNode, j.subject = true, q.Subject
	}
	if j.pred != nil && q.Predicate == j.pred {
		j.buf.WriteString(", ")
	} else {
		if j.pred != nil {
			j.buf.WriteByte(']')
		}
		j.buf.WriteString(", ")
		j.buf.Write(jsonString(string(q.Predicate.(quad.IRI))))
		j.buf.WriteString(": [")
		j.pred = q.Predicate
		j.preds[q.Predicate] = struct{}{}
	}
	j.writeObject(q.Object)
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

func (j *jsonldWriter) topSep() {
	if j.topItems > 0 {
		j.buf.WriteString(",\n")
	}
	j.topItems++
}

func (j *jsonldWriter) closeNode() {
	if !j.inNode {
		return
	}
	j.buf.WriteString("]}")
	j.inNode, j.pred = false, nil
	clear(j.preds)
}

func (j *jsonldWriter) closeGraph() {
	if j.inGraph {
		j.buf.WriteString("\n]}")
		j.inGraph, j.graph = false, nil
	}
}

func (j *jsonldWriter) writeObject(v quad.Value) {
	switch x := v.(type) {
	case quad.IRI, quad.BNode:
		j.buf.WriteString(`{"@id": `)
		j.buf.Write(jsonString(idOf(x)))
	case quad.LangString:
		j.buf.WriteString(`{"@value": `)
		j.buf.Write(jsonString(string(x.Value)))
		j.buf.WriteString(`, "@language": `)
		j.buf.Write(jsonString(x.Lang))
	case quad.TypedString:
		j.buf.WriteString(`{"@value": `)
		j.buf.Write(jsonString(string(x.Value)))
		j.buf.WriteString(`, "@type": `)
		j.buf.Write(jsonString(string(x.Type)))
	case quad.String:
		j.buf.WriteString(`{"@value": `)
		j.buf.Write(jsonString(string(x)))
	default:
		j.writeObject(canon(v))
		return
	}
	j.buf.WriteByte('}')
}

// Close ends the document; with no quads it is an empty array, a valid
// empty JSON-LD document.
func (j *jsonldWriter) Close() error {
	j.buf.Reset()
	if !j.started {
		j.buf.WriteString("[")
	}
	j.closeNode()
	j.closeGraph()
	j.buf.WriteString("\n]\n")
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

func idOf(v quad.Value) string {
	if b, ok := v.(quad.BNode); ok {
		return "_:" + string(b)
	}
	return string(v.(quad.IRI))
}

func jsonString(s string) []byte {
	b, _ := json.Marshal(s) // a Go string always marshals
	return b
}
