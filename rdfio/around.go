package rdfio

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/schema"
)

// relationPreds are the predicates a neighbourhood walks along: the
// schema's relations between entities. hasMetric is left out because a
// metric node is a leaf that belongs to one article, not a neighbour.
func relationPreds(v schema.Vocab) map[quad.IRI]bool {
	m := map[quad.IRI]bool{}
	for _, p := range schema.Predicates {
		if p != schema.HasMetric {
			m[quad.IRI(v.Pred(p))] = true
		}
	}
	return m
}

// describing are the predicates kept on each node of a neighbourhood, so
// that a picture or RDF extract says what the nodes are called.
var describing = map[quad.IRI]bool{
	quad.IRI(schema.RDFType):   true,
	quad.IRI(schema.RDFSLabel): true,
	quad.IRI(schema.SKOSAlt):   true,
}

// neighbourhood walks relation edges in both directions from start, up to
// depth hops, and returns the quads among the nodes it reached: relation
// edges whose two ends were both reached, and each node's type, label and
// aliases, from every article that states them. The result is held in
// memory, which is bounded by the neighbourhood (not the store), and sorted
// so that equal triples from different articles sit together.
func neighbourhood(ctx context.Context, qs graph.QuadStore, v schema.Vocab, start quad.IRI, depth int, byLabel bool) ([]quad.Quad, error) {
	if depth <= 0 {
		depth = 1
	}
	rels := relationPreds(v)
	reached := map[quad.IRI]bool{start: true}
	frontier := []quad.IRI{start}
	for hop := 0; hop < depth && len(frontier) > 0; hop++ {
		var next []quad.IRI
		for _, n := range frontier {
			ref, err := qs.ValueOf(n)
			if err != nil {
				return nil, fmt.Errorf("neighbourhood of %s: %w", n, err)
			}
			if ref == nil {
				continue
			}
			for _, d := range []quad.Direction{quad.Subject, quad.Object} {
				other := quad.Object
				if d == quad.Object {
					other = quad.Subject
				}
				err := scan(ctx, qs, qs.QuadIterator(d, ref), func(q quad.Quad) error {
					p, _ := q.Predicate.(quad.IRI)
					o, ok := q.Get(other).(quad.IRI)
					if ok && rels[p.Full()] && !reached[o] {
						reached[o] = true
						next = append(next, o)
					}
					return nil
				})
				if err != nil {
					return nil, fmt.Errorf("neighbourhood of %s: %w", n, err)
				}
			}
		}
		frontier = next
	}

	var out []quad.Quad
	for n := range reached {
		ref, err := qs.ValueOf(n)
		if err != nil || ref == nil {
			continue
		}
		err = scan(ctx, qs, qs.QuadIterator(quad.Subject, ref), func(q quad.Quad) error {
			p, _ := q.Predicate.(quad.IRI)
			p = p.Full()
			o, isIRI := q.Object.(quad.IRI)
			if describing[p] || (rels[p] && isIRI && reached[o]) {
				out = append(out, q)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("neighbourhood of %s: %w", n, err)
		}
	}
	sortQuads(out, byLabel)
	return out, nil
}

// sortQuads orders by subject, predicate, object, label — or, for formats
// that group by named graph, by label first.
func sortQuads(qs []quad.Quad, byLabel bool) {
	key := func(q quad.Quad, d quad.Direction) string {
		if v := q.Get(d); v != nil {
			return v.String()
		}
		return ""
	}
	order := []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label}
	if byLabel {
		order = []quad.Direction{quad.Label, quad.Subject, quad.Predicate, quad.Object}
	}
	sort.SliceStable(qs, func(i, j int) bool {
		for _, d := range order {
			a, b := key(qs[i], d), key(qs[j], d)
			if a != b {
				return a < b
			}
		}
		return false
	})
}
