package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/schema"
)

// Path is one chain of relations linking two entities: Nodes[i] and
// Nodes[i+1] are linked by Edges[i].
type Path struct {
	Nodes []PathNode `json:"nodes"`
	Edges []PathEdge `json:"edges"`
}

// PathNode is an entity on a path.
type PathNode struct {
	Name  string   `json:"name"`
	IRI   string   `json:"iri"`
	Types []string `json:"types,omitempty"`
}

// PathEdge is a relation between consecutive path nodes. Reverse means the
// stored relation points from the later node to the earlier one.
type PathEdge struct {
	Predicate string `json:"predicate"`
	Reverse   bool   `json:"reverse,omitempty"`
}

// DefaultPathDepth bounds Path when it is given no depth.
const DefaultPathDepth = 4

// maxPaths bounds how many equally short paths Path returns: between hubs
// (中国, 数字经济) there can be thousands.
const maxPaths = 20

// Path returns the shortest chains of relations (followed either way round)
// from one entity to another, at most maxDepth hops long. It searches
// breadth-first from both names' nodes through the subject and object
// indexes; metrics and statement nodes are not part of paths.
func (s *Store) Path(from, to string, maxDepth int) ([]Path, error) {
	if maxDepth <= 0 {
		maxDepth = DefaultPathDepth
	}
	ctx := context.Background()
	var ends [2]quad.IRI
	for i, name := range []string{from, to} {
		iri, _, err := s.findEntity(ctx, name)
		if err != nil {
			return nil, err
		}
		if iri == "" {
			sugg, err := s.suggest(ctx, schema.Key(name), 5)
			if err != nil {
				return nil, err
			}
			return nil, &NotFoundError{Name: name, Suggestions: sugg}
		}
		ends[i] = iri
	}
	src, err := s.node(ends[0])
	if err != nil {
		return nil, err
	}
	dst, err := s.node(ends[1])
	if err != nil {
		return nil, err
	}
	if src.Key() == dst.Key() {
		n, err := s.newNamer(ctx)
		if err != nil {
			return nil, err
		}
		e, err := n.entity(ends[0])
		if err != nil {
			return nil, err
		}
		return []Path{{Nodes: []PathNode{{Name: e.Name, IRI: e.IRI, Types: e.Types}}}}, nil
	}
	var rel []string
	for _, p := range schema.Predicates {
		if p != schema.HasMetric {
			rel = append(rel, s.vocab.Pred(p))
		}
	}
	ps, err := s.preds(rel...)
	if err != nil {
		return nil, err
	}

	// Breadth-first, remembering every way each node was first reached at
	// its depth, so that all shortest paths can be walked back.
	type via struct {
		prev graph.Ref
		pred graph.Ref
		rev  bool
	}
	refs := map[any]graph.Ref{src.Key(): src}
	parents := map[any][]via{src.Key(): nil}
	frontier := []graph.Ref{src}
	found := false
	for depth := 0; depth < maxDepth && !found && len(frontier) > 0; depth++ {
		level := map[any][]via{}
		var next []graph.Ref
		for _, n := range frontier {
			for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
				other := quad.Object
				if dir == quad.Object {
					other = quad.Subject
				}
				err := s.eachQuadRef(ctx, dir, n, ps, func(q graph.Ref) error {
					m, err := s.qs.QuadDirection(q, other)
					if err != nil || m == nil {
						return err
					}
					k := m.Key()
					if _, done := parents[k]; done {
						return nil
					}
					p, err := s.qs.QuadDirection(q, quad.Predicate)
					if err != nil {
						return err
					}
					v := via{prev: n, pred: p, rev: dir == quad.Object}
					if _, ok := level[k]; !ok {
						next = append(next, m)
						refs[k] = m
					}
					for _, have := range level[k] {
						if have.prev.Key() == v.prev.Key() && have.pred.Key() == v.pred.Key() && have.rev == v.rev {
							return nil
						}
					}
					level[k] = append(level[k], v)
					return nil
				})
				if err != nil {
					return nil, fmt.Errorf("path %s → %s: %w", from, to, err)
				}
			}
		}
		for k, vs := range level {
			parents[k] = vs
		}
		_, found = level[dst.Key()]
		frontier = next
	}
	if !found {
		return nil, nil
	}

	// Walk back from the target through every recorded parent.
	type step struct {
		node graph.Ref
		edge via
	}
	var chains [][]step
	var walk func(k any, tail []step)
	walk = func(k any, tail []step) {
		if len(chains) >= maxPaths {
			return
		}
		if k == src.Key() {
			c := append([]step{{node: src}}, tail...)
			chains = append(chains, c)
			return
		}
		for _, v := range parents[k] {
			walk(v.prev.Key(), append([]step{{node: refs[k], edge: v}}, tail...))
		}
	}
	walk(dst.Key(), nil)

	nm, err := s.newNamer(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Path, 0, len(chains))
	for _, c := range chains {
		var p Path
		for i, st := range c {
			v, err := s.qs.NameOf(st.node)
			if err != nil {
				return nil, err
			}
			iri, _ := v.(quad.IRI)
			e, err := nm.entity(iri)
			if err != nil {
				return nil, err
			}
			p.Nodes = append(p.Nodes, PathNode{Name: e.Name, IRI: e.IRI, Types: e.Types})
			if i == 0 {
				continue
			}
			pv, err := s.qs.NameOf(st.edge.pred)
			if err != nil {
				return nil, err
			}
			p.Edges = append(p.Edges, PathEdge{Predicate: typeName(s.vocab, pv), Reverse: st.edge.rev})
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return pathKey(out[i]) < pathKey(out[j]) })
	return out, nil
}

func pathKey(p Path) string {
	k := ""
	for i, n := range p.Nodes {
		k += n.Name + "\x00"
		if i < len(p.Edges) {
			k += p.Edges[i].Predicate + "\x00"
		}
	}
	return k
}
