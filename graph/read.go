package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// predSet is a set of predicates by their store token, so that quads can be
// filtered on QuadDirection (a cheap read) before being fetched whole, or
// read one predicate at a time through an index.
type predSet map[any]predRef

type predRef struct {
	iri quad.IRI
	ref graph.Ref
}

// preds resolves predicate IRIs; ones the store has never seen are left
// out, since no quad can carry them.
func (s *Store) preds(iris ...string) (predSet, error) {
	ps := make(predSet, len(iris))
	for _, iri := range iris {
		r, err := s.qs.ValueOf(quad.IRI(iri))
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", iri, err)
		}
		if r != nil {
			ps[r.Key()] = predRef{iri: quad.IRI(iri), ref: r}
		}
	}
	return ps, nil
}

// sorted lists the predicates in IRI order, so that scans run in the same
// order every time.
func (ps predSet) sorted() []predRef {
	out := make([]predRef, 0, len(ps))
	for _, p := range ps {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].iri < out[j].iri })
	return out
}

// node is the store's token for v, nil when no quad holds v.
func (s *Store) node(v quad.Value) (graph.Ref, error) {
	r, err := s.qs.ValueOf(v)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", v, err)
	}
	return r, nil
}

// eachQuadRef calls fn with the token of every quad that has node in
// direction dir and, when ps is not nil, a predicate in ps. It never scans
// the store: with predicates it reads, for each, the index prefix of node
// and predicate (a hub's other quads are not read); without, the node's
// subject or object index prefix.
func (s *Store) eachQuadRef(ctx context.Context, dir quad.Direction, node graph.Ref, ps predSet, fn func(q graph.Ref) error) error {
	if node == nil {
		return nil
	}
	if ps != nil && len(ps) == 0 {
		return nil
	}
	if ps != nil && s.predIndexed && (dir == quad.Subject || dir == quad.Object) {
		for _, p := range ps.sorted() {
			if err := iterator.Iterate(ctx, s.quadsWith(ctx, dir, node, p.ref)).Paths(false).Each(fn); err != nil {
				return err
			}
		}
		return nil
	}
	return iterator.Iterate(ctx, s.qs.QuadIterator(dir, node)).Paths(false).Each(func(q graph.Ref) error {
		if ps != nil {
			p, err := s.qs.QuadDirection(q, quad.Predicate)
			if err != nil {
				return err
			}
			if p == nil {
				return nil
			}
			if _, ok := ps[p.Key()]; !ok {
				return nil
			}
		}
		return fn(q)
	})
}

// quadsWith iterates the quads with node in direction dir (subject or
// object) and predicate pred. On Bolt that is a prefix of the
// subject-predicate or object-predicate-subject index, built directly:
// Cayley's optimiser only uses an index when every one of its directions is
// fixed. On SQL the shape becomes one query.
func (s *Store) quadsWith(ctx context.Context, dir quad.Direction, node, pred graph.Ref) iterator.Shape {
	if kqs, ok := s.qs.(*kv.QuadStore); ok {
		n, nok := node.(kv.Int64Value)
		p, pok := pred.(kv.Int64Value)
		if nok && pok {
			ind := spIndex
			if dir == quad.Object {
				ind = opsIndex
			}
			return kv.IndexScan{Index: ind, Values: []uint64{uint64(n), uint64(p)}}.BuildIterator(kqs)
		}
	}
	return shape.BuildIterator(ctx, s.qs, shape.Quads{
		{Dir: dir, Values: shape.Fixed{node}},
		{Dir: quad.Predicate, Values: shape.Fixed{pred}},
	})
}

// quads returns the quads that have node in direction dir and a predicate
// in ps (any predicate when ps is nil).
func (s *Store) quads(ctx context.Context, dir quad.Direction, node graph.Ref, ps predSet) ([]quad.Quad, error) {
	return s.quadsCached(ctx, dir, node, ps, valueCache{})
}

// int64Refs are the Bolt ids of two tokens; ok is false on other stores.
func int64Refs(a, b graph.Ref) (x, y uint64, ok bool) {
	ai, aok := a.(kv.Int64Value)
	bi, bok := b.(kv.Int64Value)
	return uint64(ai), uint64(bi), aok && bok
}

// valueCache holds values already read, by token. A report reads the same
// few predicates, labels and article IRIs over and over; Cayley's Quad
// would read all four values of every quad from the store.
type valueCache map[any]quad.Value

func (s *Store) nameOf(r graph.Ref, c valueCache) (quad.Value, error) {
	if r == nil {
		return nil, nil
	}
	k := r.Key()
	if v, ok := c[k]; ok {
		return v, nil
	}
	v, err := s.qs.NameOf(r)
	if err != nil {
		return nil, err
	}
	c[k] = v
	return v, nil
}

// quadsCached is quads, reading values through c.
func (s *Store) quadsCached(ctx context.Context, dir quad.Direction, node graph.Ref, ps predSet, c valueCache) ([]quad.Quad, error) {
	// A report reads hundreds of statement and metric nodes whole: on Bolt
	// straight from the index and log, which costs about half as much as
	// Cayley's iterator and value lookups.
	if id, ok := node.(kv.Int64Value); ok && dir == quad.Subject && ps == nil {
		v, ok, err := s.viewBolt(ctx)
		if err != nil {
			return nil, err
		}
		if ok {
			defer v.close()
			return v.quadsAt(spIndex, []uint64{uint64(id)}, 0, nil, c)
		}
	}
	var out []quad.Quad
	err := s.eachQuadRef(ctx, dir, node, ps, func(r graph.Ref) error {
		var q quad.Quad
		if err := s.fillQuad(r, &q, quad.Directions, c); err != nil {
			return err
		}
		out = append(out, q)
		return nil
	})
	return out, err
}

// fillQuad sets the given directions of q from the stored quad r, reading
// values through c.
func (s *Store) fillQuad(r graph.Ref, q *quad.Quad, dirs []quad.Direction, c valueCache) error {
	for _, d := range dirs {
		dr, err := s.qs.QuadDirection(r, d)
		if err != nil {
			return err
		}
		v, err := s.nameOf(dr, c)
		if err != nil {
			return err
		}
		q.Set(d, v)
	}
	return nil
}

// quadsOf is quads for a value rather than a token.
func (s *Store) quadsOf(ctx context.Context, dir quad.Direction, v quad.Value, ps predSet) ([]quad.Quad, error) {
	n, err := s.node(v)
	if err != nil || n == nil {
		return nil, err
	}
	return s.quads(ctx, dir, n, ps)
}

// articleQuadsStored lists the quads labelled with the article IRI. On a
// store kgb created this walks the label index; on others it is a scan.
func (s *Store) articleQuadsStored(ctx context.Context, art quad.IRI) ([]quad.Quad, error) {
	return s.quadsOf(ctx, quad.Label, art, nil)
}

// text is the plain text of a literal (a label without its language tag, a
// number without its type).
func text(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	}
	return quad.StringOf(v)
}

// objects returns the object of every quad with this subject and
// predicate, one per quad (so a label given by three articles comes three
// times). On Bolt it walks the subject-predicate index prefix, reading
// only those quads; a hub entity has thousands of other quads.
//
// max > 0 stops after that many.
func (s *Store) objects(ctx context.Context, subj quad.Value, pred string, c valueCache, max int) ([]quad.Value, error) {
	sr, err := s.node(subj)
	if err != nil || sr == nil {
		return nil, err
	}
	pr, err := s.node(quad.IRI(pred))
	if err != nil || pr == nil {
		return nil, err
	}
	if sid, pid, ok := int64Refs(sr, pr); ok {
		v, ok, err := s.viewBolt(ctx)
		if err != nil {
			return nil, err
		}
		if ok {
			defer v.close()
			qs, err := v.quadsAt(spIndex, []uint64{sid, pid}, max, nil, c)
			var out []quad.Value
			for _, q := range qs {
				if q.Object != nil {
					out = append(out, q.Object)
				}
			}
			return out, err
		}
	}
	sh := shape.NodesFrom{Dir: quad.Object, Quads: shape.Quads{
		{Dir: quad.Subject, Values: shape.Fixed{sr}},
		{Dir: quad.Predicate, Values: shape.Fixed{pr}},
	}}
	var out []quad.Value
	it := iterator.Iterate(ctx, shape.BuildIterator(ctx, s.qs, sh)).Paths(false)
	if max > 0 {
		it = it.Limit(max)
	}
	err = it.Each(func(r graph.Ref) error {
		v, err := s.nameOf(r, c)
		if err != nil {
			return err
		}
		if v != nil {
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

// statedQuads returns the quads that article art wrote about subj, with a
// predicate in ps (any when ps is nil): on Bolt one prefix of the label
// index, on SQL one indexed query. It returns nil, false when the store has
// no such index (made before kgb added it).
func (s *Store) statedQuads(ctx context.Context, art, subj quad.Value, ps predSet, c valueCache) ([]quad.Quad, bool, error) {
	if !s.labelIndexed {
		return nil, false, nil
	}
	ar, err := s.node(art)
	if err != nil || ar == nil {
		return nil, true, err
	}
	sr, err := s.node(subj)
	if err != nil || sr == nil {
		return nil, true, err
	}
	a, e, idsOK := int64Refs(ar, sr)
	if idsOK {
		v, ok, err := s.viewBolt(ctx)
		if err != nil {
			return nil, true, err
		}
		if ok {
			defer v.close()
			qs, err := v.quadsAt(labelIndex, []uint64{a, e}, 0, ps, c)
			return qs, true, err
		}
	}
	var it iterator.Shape
	if kqs, ok := s.qs.(*kv.QuadStore); ok && idsOK {
		// Cayley's optimiser only picks an index whose every direction is
		// constrained; this one is, but Quads shapes never reach it.
		it = kv.IndexScan{Index: labelIndex, Values: []uint64{uint64(a), uint64(e)}}.BuildIterator(kqs)
	} else {
		it = shape.BuildIterator(ctx, s.qs, shape.Quads{
			{Dir: quad.Label, Values: shape.Fixed{ar}},
			{Dir: quad.Subject, Values: shape.Fixed{sr}},
		})
	}
	var out []quad.Quad
	err = iterator.Iterate(ctx, it).Paths(false).Each(func(r graph.Ref) error {
		if ps != nil {
			p, err := s.qs.QuadDirection(r, quad.Predicate)
			if err != nil || p == nil {
				return err
			}
			if _, ok := ps[p.Key()]; !ok {
				return nil
			}
		}
		q := quad.Quad{Subject: subj, Label: art}
		if err := s.fillQuad(r, &q, []quad.Direction{quad.Predicate, quad.Object}, c); err != nil {
			return err
		}
		out = append(out, q)
		return nil
	})
	return out, true, err
}
