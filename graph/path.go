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

	chains, err := s.shortestChains(ctx, src, dst, ps, maxDepth)
	if err != nil {
		return nil, fmt.Errorf("path %s → %s: %w", from, to, err)
	}

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
	if len(out) > maxPaths {
		out = out[:maxPaths]
	}
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

// via is how a search reached a node: from prev over a stored relation
// pred; rev when the relation points from the node back to prev.
type via struct {
	prev graph.Ref
	pred graph.Ref
	rev  bool
}

// step is one node of a chain and the edge that led to it.
type step struct {
	node graph.Ref
	edge via
}

// bfsSide is one end of a bidirectional breadth-first search. It records
// every way each node was first reached at its depth, so that all shortest
// paths can be walked back.
type bfsSide struct {
	root     graph.Ref
	parents  map[any][]via
	depth    map[any]int
	refs     map[any]graph.Ref
	frontier []graph.Ref
	level    int
}

func newSide(root graph.Ref) *bfsSide {
	return &bfsSide{root: root, parents: map[any][]via{root.Key(): nil}, depth: map[any]int{root.Key(): 0},
		refs: map[any]graph.Ref{root.Key(): root}, frontier: []graph.Ref{root}}
}

// expand visits the next level and returns the keys of the new nodes.
func (s *Store) expand(ctx context.Context, b *bfsSide, ps predSet) ([]any, error) {
	level := map[any][]via{}
	var next []graph.Ref
	var keys []any
	for _, n := range b.frontier {
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
				if _, done := b.parents[k]; done {
					return nil
				}
				p, err := s.qs.QuadDirection(q, quad.Predicate)
				if err != nil {
					return err
				}
				v := via{prev: n, pred: p, rev: dir == quad.Object}
				if _, ok := level[k]; !ok {
					next = append(next, m)
					keys = append(keys, k)
					b.refs[k] = m
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
				return nil, err
			}
		}
	}
	b.level++
	for k, vs := range level {
		b.parents[k] = vs
		b.depth[k] = b.level
	}
	b.frontier = next
	return keys, nil
}

// chainsTo walks back from node k to the side's root, returning chains
// that start at the root.
func (b *bfsSide) chainsTo(k any, limit int) [][]step {
	var out [][]step
	var walk func(k any, tail []step)
	walk = func(k any, tail []step) {
		if len(out) >= limit {
			return
		}
		if k == b.root.Key() {
			out = append(out, append([]step{{node: b.root}}, tail...))
			return
		}
		for _, v := range b.parents[k] {
			walk(v.prev.Key(), append([]step{{node: b.refs[k], edge: v}}, tail...))
		}
	}
	walk(k, nil)
	return out
}

// shortestChains searches from both ends at once, always growing the
// smaller frontier, and stops at the first level where the searches meet:
// a hub (中国, 数字经济) reached from one side then needs no expanding. It
// returns up to a few times maxPaths shortest chains from src to dst.
func (s *Store) shortestChains(ctx context.Context, src, dst graph.Ref, ps predSet, maxDepth int) ([][]step, error) {
	from, to := newSide(src), newSide(dst)
	for from.level+to.level < maxDepth && len(from.frontier) > 0 && len(to.frontier) > 0 {
		a, b := from, to
		if len(to.frontier) < len(from.frontier) {
			a, b = to, from
		}
		keys, err := s.expand(ctx, a, ps)
		if err != nil {
			return nil, err
		}
		best := -1
		var meets []any
		for _, k := range keys {
			db, ok := b.depth[k]
			if !ok {
				continue
			}
			switch sum := a.depth[k] + db; {
			case best < 0 || sum < best:
				best, meets = sum, []any{k}
			case sum == best:
				meets = append(meets, k)
			}
		}
		if len(meets) == 0 {
			continue
		}
		// Each shortest path crosses the new level once, at a meeting node.
		limit := 10 * maxPaths
		var out [][]step
		for _, m := range meets {
			for _, left := range from.chainsTo(m, limit) {
				for _, right := range to.chainsTo(m, limit) {
					if len(out) >= limit {
						return out, nil
					}
					c := append([]step(nil), left...)
					// right runs dst → m; walk it back m → dst, which turns
					// each edge around.
					for i := len(right) - 1; i > 0; i-- {
						e := right[i].edge
						c = append(c, step{node: right[i-1].node, edge: via{prev: right[i].node, pred: e.pred, rev: !e.rev}})
					}
					out = append(out, c)
				}
			}
		}
		return out, nil
	}
	return nil, nil
}
