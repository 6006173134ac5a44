package rdfio

import (
	"context"
	"io"
	"net/url"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/dot"
	"github.com/cayleygraph/quad/graphml"

	"github.com/kgbgraph/kgb/schema"
)

// shown is a value that prints as its bare text. The quad module's dot and
// GraphML writers name nodes and edges by Value.String(), which for an IRI
// or a string adds <> or quotes; a picture wants just 华为云 and ranksIn.
type shown string

func (s shown) String() string      { return string(s) }
func (s shown) Native() interface{} { return string(s) }

// pictureWriter turns relation edges between entities into edges between
// their labels for the quad module's dot and GraphML writers. Everything
// else (types, labels, statement and metric nodes, article data) is not
// drawn. A relation stated by several articles is drawn once: the source
// hands quads grouped by subject, and the writer remembers the current
// subject's edges only.
type pictureWriter struct {
	ctx    context.Context
	qs     graph.QuadStore
	w      quad.WriteCloser
	rels   map[quad.IRI]bool
	labels map[quad.IRI]string // bounded cache, see label

	subject quad.Value
	seen    map[[2]quad.Value]bool
}

// labelCacheMax bounds the label cache so a whole-store picture of a huge
// store does not keep every label; when full it starts over.
const labelCacheMax = 1 << 14

func newPictureWriter(ctx context.Context, qs graph.QuadStore, v schema.Vocab, w io.Writer, f Format) *pictureWriter {
	var qw quad.WriteCloser
	if f == Dot {
		qw = dot.NewWriter(w)
	} else {
		qw = graphml.NewWriter(w)
	}
	return &pictureWriter{ctx: ctx, qs: qs, w: qw, rels: relationPreds(v), labels: map[quad.IRI]string{}, seen: map[[2]quad.Value]bool{}}
}

// WriteQuad draws q if it is a relation edge and reports whether it did.
func (p *pictureWriter) WriteQuad(q quad.Quad) (bool, error) {
	pred, _ := q.Predicate.(quad.IRI)
	s, sok := q.Subject.(quad.IRI)
	o, ook := q.Object.(quad.IRI)
	if !sok || !ook || !p.rels[pred] {
		return false, nil
	}
	if q.Subject != p.subject {
		p.subject = q.Subject
		clear(p.seen)
	}
	k := [2]quad.Value{q.Predicate, q.Object}
	if p.seen[k] {
		return false, nil
	}
	p.seen[k] = true
	sl, err := p.label(s)
	if err != nil {
		return false, err
	}
	ol, err := p.label(o)
	if err != nil {
		return false, err
	}
	name := string(pred)
	name = name[strings.LastIndexAny(name, "/#")+1:]
	return true, p.w.WriteQuad(quad.Quad{Subject: shown(sl), Predicate: shown(name), Object: shown(ol)})
}

func (p *pictureWriter) Close() error { return p.w.Close() }

// label is the node's rdfs:label (preferring one tagged zh), or the
// unescaped last segment of its IRI when it has none.
func (p *pictureWriter) label(n quad.IRI) (string, error) {
	if l, ok := p.labels[n]; ok {
		return l, nil
	}
	l, err := labelOf(p.ctx, p.qs, n)
	if err != nil {
		return "", err
	}
	if len(p.labels) >= labelCacheMax {
		clear(p.labels)
	}
	p.labels[n] = l
	return l, nil
}

func labelOf(ctx context.Context, qs graph.QuadStore, n quad.IRI) (string, error) {
	fallback := string(n)[strings.LastIndexAny(string(n), "/#")+1:]
	if u, err := url.PathUnescape(fallback); err == nil {
		fallback = u
	}
	ref, err := qs.ValueOf(n)
	if err != nil || ref == nil {
		return fallback, err
	}
	labelRef, err := qs.ValueOf(quad.IRI(schema.RDFSLabel))
	if err != nil || labelRef == nil {
		return fallback, err
	}
	best := ""
	it := qs.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		pr, err := qs.QuadDirection(it.Result(), quad.Predicate)
		if err != nil {
			return "", err
		}
		if refs.ToKey(pr) != refs.ToKey(labelRef) {
			continue
		}
		q, err := qs.Quad(it.Result())
		if err != nil {
			return "", err
		}
		switch o := q.Object.(type) {
		case quad.LangString:
			if o.Lang == "zh" {
				return string(o.Value), nil
			}
			best = string(o.Value)
		case quad.String:
			best = string(o)
		}
	}
	if err := it.Err(); err != nil {
		return "", err
	}
	if best == "" {
		best = fallback
	}
	return best, nil
}
