// Package rdfio writes a kgb graph out as RDF (N-Quads, Turtle, TriG,
// JSON-LD) or as a picture-ready graph (GraphML, Graphviz dot), and loads
// N-Quads back in.
//
// Every exporter streams: quads go from a Cayley iterator to the writer one
// at a time, so memory does not grow with the store. The places that hold
// more than one quad are bounded by something smaller than the store and say
// so where they do it: the distinct triples of one subject (Turtle, dot and
// GraphML de-duplication), one import batch, and an --around neighbourhood.
package rdfio

import (
	"fmt"
	"strings"
)

// Format names an export format.
type Format string

// Export formats.
const (
	NQuads  Format = "nquads"
	Turtle  Format = "turtle"
	TriG    Format = "trig"
	JSONLD  Format = "jsonld"
	GraphML Format = "graphml"
	Dot     Format = "dot"
)

// Formats lists every export format, RDF ones first.
var Formats = []Format{NQuads, Turtle, TriG, JSONLD, GraphML, Dot}

// aliases accepts the names people commonly type for the same format.
var aliases = map[string]Format{
	"nq": NQuads, "n-quads": NQuads, "ttl": Turtle, "json-ld": JSONLD,
	"graphviz": Dot, "gv": Dot,
}

// ParseFormat turns a user-typed name (any case, or a usual file extension
// like "ttl") into a Format.
func ParseFormat(s string) (Format, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	if f, ok := aliases[l]; ok {
		return f, nil
	}
	for _, f := range Formats {
		if string(f) == l {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown export format %q (want one of %s)", s, formatList())
}

func formatList() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// quadFormat reports whether the format keeps the named graph (the article)
// of each quad; the others merge graphs into one set of triples or edges.
func (f Format) quadFormat() bool { return f == NQuads || f == TriG || f == JSONLD }

// picture reports whether the format draws entities and relation edges
// rather than carrying every RDF statement.
func (f Format) picture() bool { return f == GraphML || f == Dot }
