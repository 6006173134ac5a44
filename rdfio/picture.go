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
// subject's edges only. (The quad module's GraphML writer keeps an id for
// every node it has drawn, since edges refer to nodes by id; that grows
// with the entities drawn, not with the quads.)
type pictureWriter struct {
	ctx    context.Context
	qs     graph.QuadStore
	w      quad.WriteCloser
	rels   map[quad.IRI]bool
	labels map[quad.IRI]nodeInfo // bounded cache, see info

	// dot only: node styles go straight to out between the quad writer's
	// edge lines (it has no way to set node attributes); a node is styled
	// once while it stays in styled, which is bounded like labels.
	out    io.Writer
	center quad.IRI
	styled map[quad.IRI]bool

	subject quad.Value
	seen    map[[2]quad.Value]bool
}

// labelCacheMax bounds the label cache so a whole-store picture of a huge
// store does not keep every label; when full it starts over.
const labelCacheMax = 1 << 14

// nodeInfo is what a picture shows of a node.
type nodeInfo struct {
	label string
	typ   string // class name (Company…), "" when untyped
}

// newPictureWriter draws in format f; center (may be empty) is the entity
// an --around export started from, drawn bold.
func newPictureWriter(ctx context.Context, qs graph.QuadStore, v schema.Vocab, w io.Writer, f Format, center quad.IRI) *pictureWriter {
	p := &pictureWriter{ctx: ctx, qs: qs, rels: relationPreds(v), labels: map[quad.IRI]nodeInfo{}, seen: map[[2]quad.Value]bool{}}
	if f == Dot {
		p.w = dot.NewWriter(w)
		p.out, p.center, p.styled = w, center, map[quad.IRI]bool{}
	} else {
		p.w = graphml.NewWriter(w)
	}
	return p
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
	si, err := p.info(s)
	if err != nil {
		return false, err
	}
	oi, err := p.info(o)
	if err != nil {
		return false, err
	}
	if err := p.w.WriteQuad(quad.Quad{Subject: shown(si.label), Predicate: shown(localName(string(pred))), Object: shown(oi.label)}); err != nil {
		return false, err
	}
	if p.out != nil {
		if err := p.style(s, si); err != nil {
			return false, err
		}
		if err := p.style(o, oi); err != nil {
			return false, err
		}
	}
	return true, nil
}

// typeColours tell entity types apart in a dot picture.
var typeColours = map[string]string{
	"Company": "#cfe2ff", "Organization": "#e2d9f3", "Person": "#ffe5d0", "Industry": "#d1e7dd",
	"Market": "#fff3cd", "Technology": "#cff4fc", "Product": "#f8d7da", "Policy": "#e9ecef",
	"Region": "#d3f9d8", "Trend": "#ffd6e7", "Metric": "#eeeeee",
}

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// style writes a dot node statement giving n its type's colour (and a bold
// border for the centre of a neighbourhood).
func (p *pictureWriter) style(n quad.IRI, in nodeInfo) error {
	if p.styled[n] {
		return nil
	}
	if len(p.styled) >= labelCacheMax {
		clear(p.styled)
	}
	p.styled[n] = true
	attrs := `shape=box, style="rounded,filled", fillcolor="` + typeColours[in.typ] + `"`
	if typeColours[in.typ] == "" {
		attrs = `shape=box, style=rounded`
	}
	if n == p.center {
		attrs += ", penwidth=3"
	}
	if in.typ != "" {
		attrs += `, tooltip="` + in.typ + `"`
	}
	_, err := io.WriteString(p.out, "\t\""+dotEscaper.Replace(in.label)+"\" ["+attrs+"];\n")
	return err
}

func localName(iri string) string { return iri[strings.LastIndexAny(iri, "/#")+1:] }

func (p *pictureWriter) Close() error { return p.w.Close() }

// info is the node's label and type, cached.
func (p *pictureWriter) info(n quad.IRI) (nodeInfo, error) {
	if in, ok := p.labels[n]; ok {
		return in, nil
	}
	in, err := infoOf(p.ctx, p.qs, n)
	if err != nil {
		return in, err
	}
	if len(p.labels) >= labelCacheMax {
		clear(p.labels)
	}
	p.labels[n] = in
	return in, nil
}

// infoOf reads the node's rdfs:label (preferring one tagged zh; else the
// unescaped last segment of its IRI) and its first rdf:type.
func infoOf(ctx context.Context, qs graph.QuadStore, n quad.IRI) (nodeInfo, error) {
	var in nodeInfo
	fallback := localName(string(n))
	if u, err := url.PathUnescape(fallback); err == nil {
		fallback = u
	}
	ref, err := qs.ValueOf(n)
	if err != nil || ref == nil {
		return nodeInfo{label: fallback}, err
	}
	labelRef, err := qs.ValueOf(quad.IRI(schema.RDFSLabel))
	if err != nil {
		return in, err
	}
	typeRef, err := qs.ValueOf(quad.IRI(schema.RDFType))
	if err != nil {
		return in, err
	}
	zh := false
	it := qs.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) && !(zh && in.typ != "") {
		pr, err := qs.QuadDirection(it.Result(), quad.Predicate)
		if err != nil {
			return in, err
		}
		isLabel := labelRef != nil && refs.ToKey(pr) == refs.ToKey(labelRef)
		isType := typeRef != nil && refs.ToKey(pr) == refs.ToKey(typeRef)
		if !isLabel && !isType {
			continue
		}
		q, err := qs.Quad(it.Result())
		if err != nil {
			return in, err
		}
		switch o := q.Object.(type) {
		case quad.IRI:
			if isType && in.typ == "" {
				in.typ = localName(string(o))
			}
		case quad.LangString:
			if isLabel && !zh {
				in.label, zh = string(o.Value), o.Lang == "zh"
			}
		case quad.String:
			if isLabel && in.label == "" {
				in.label = string(o)
			}
		}
	}
	if err := it.Err(); err != nil {
		return in, err
	}
	if in.label == "" {
		in.label = fallback
	}
	return in, nil
}
