package rdfio

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
)

// quadFunc receives quads one at a time; returning an error stops the scan.
type quadFunc func(quad.Quad) error

// source produces the quads of one export, in the order its writer needs.
type source func(ctx context.Context, fn quadFunc) error

// scan runs an iterator to its end, resolving and handing over each quad
// as it comes; nothing is kept but a bounded cache of values.
func scan(ctx context.Context, qs graph.QuadStore, sh iterator.Shape, fn quadFunc) error {
	return newValueCache(qs).scan(ctx, sh, fn)
}

func (c *valueCache) scan(ctx context.Context, sh iterator.Shape, fn quadFunc) error {
	it := sh.Iterate()
	defer it.Close()
	for i := 1; it.Next(ctx); i++ {
		// Cayley's kv iterators do not watch the context themselves.
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		q, err := c.quad(it.Result())
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// allQuads is the whole store in storage order. PutArticles writes an
// article's quads together, so consecutive quads mostly share a label,
// which keeps TriG and JSON-LD graph blocks few without sorting.
func allQuads(qs graph.QuadStore) source {
	return func(ctx context.Context, fn quadFunc) error {
		return scan(ctx, qs, qs.QuadsAllIterator(), fn)
	}
}

// labelled is the quads of one named graph (one article).
func labelled(qs graph.QuadStore, label graph.Ref) source {
	return func(ctx context.Context, fn quadFunc) error {
		return scan(ctx, qs, qs.QuadIterator(quad.Label, label), fn)
	}
}

// bySubject is the whole store grouped by subject: every node, then the
// quads it is the subject of (from the subject index, so one prefix scan
// each). Grouping lets Turtle, dot and GraphML drop a triple stated by
// several articles while remembering only the current subject's triples,
// instead of every triple written so far or an external sort.
func bySubject(qs graph.QuadStore) source {
	return func(ctx context.Context, fn quadFunc) error {
		nodes := qs.NodesAllIterator().Iterate()
		defer nodes.Close()
		vc := newValueCache(qs)
		for nodes.Next(ctx) {
			if err := vc.scan(ctx, qs.QuadIterator(quad.Subject, nodes.Result()), fn); err != nil {
				return err
			}
		}
		if err := nodes.Err(); err != nil {
			return err
		}
		return ctx.Err()
	}
}

// fixed hands over quads already collected (an --around neighbourhood,
// bounded by its size and depth, not by the store).
func fixed(qs []quad.Quad) source {
	return func(ctx context.Context, fn quadFunc) error {
		for _, q := range qs {
			if err := fn(q); err != nil {
				return err
			}
		}
		return ctx.Err()
	}
}

// valueCacheMax bounds valueCache; when full it starts over.
const valueCacheMax = 1 << 12

// valueCache resolves the quads of Cayley's kv (Bolt) store with fewer
// reads. kv's Quad reads all four values of a quad, each in a B-tree
// search, though predicates and labels repeat from quad to quad; the quad
// reference already holds the four value ids, so this looks each id up once
// while it stays in the cache. Other backends use their own Quad.
type valueCache struct {
	qs   graph.QuadStore
	vals map[kv.Int64Value]quad.Value
}

func newValueCache(qs graph.QuadStore) *valueCache {
	return &valueCache{qs: qs, vals: map[kv.Int64Value]quad.Value{}}
}

func (c *valueCache) quad(ref graph.Ref) (quad.Quad, error) {
	if _, ok := ref.(*proto.Primitive); !ok {
		return c.qs.Quad(ref)
	}
	var q quad.Quad
	for _, d := range quad.Directions {
		r, err := c.qs.QuadDirection(ref, d)
		if err != nil {
			return q, err
		}
		id, ok := r.(kv.Int64Value)
		if !ok || id == 0 {
			continue
		}
		v, hit := c.vals[id]
		if !hit {
			if v, err = c.qs.NameOf(id); err != nil {
				return q, err
			}
			if len(c.vals) >= valueCacheMax {
				clear(c.vals)
			}
			c.vals[id] = v
		}
		q.Set(d, v)
	}
	return q, nil
}
