package graph

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/schema"
)

// entityInfo is what the articles that mention an entity say about its
// name and kind, merged.
type entityInfo struct {
	IRI     string
	Name    string
	Types   []string
	Aliases []string
}

// namer reads entity names, types and article titles once per report.
type namer struct {
	s        *Store
	ctx      context.Context
	entities map[string]*entityInfo // described in full
	sketches map[string]*entityInfo // described from a sample
	statedBy map[string]*entityInfo // as one article described it
	articles map[string]ArticleRef
	vals     valueCache

	nameTypePreds predSet // rdf:type and rdfs:label, once resolved
}

func (s *Store) newNamer(ctx context.Context) (*namer, error) {
	return &namer{s: s, ctx: ctx, entities: map[string]*entityInfo{}, sketches: map[string]*entityInfo{}, statedBy: map[string]*entityInfo{}, articles: map[string]ArticleRef{}, vals: valueCache{}}, nil
}

// entity describes the entity node iri from everything the articles say
// about it. Its name is the label most articles gave it (several spellings
// can share one node, 腾讯云 and 腾讯 云); with no label, the key inside its
// IRI.
func (n *namer) entity(iri quad.IRI) (*entityInfo, error) {
	return n.describe(iri, n.entities, 0)
}

// sketchSample bounds the label and type quads read for a sketch.
const sketchSample = 16

// sketch is entity for the other end of a fact: name and types from at most
// sketchSample of the articles that describe it, and no aliases. A report
// on a hub names hundreds of entities that are hubs themselves, each typed
// and labelled once per article.
func (n *namer) sketch(iri quad.IRI) (*entityInfo, error) {
	if e, ok := n.entities[string(iri)]; ok {
		return e, nil
	}
	return n.describe(iri, n.sketches, sketchSample)
}

// stated is the other end of a fact as the stating article named and typed
// it: a handful of quads found through the label index, where a sketch
// reads a hundred. When the article gave no type (it named the entity only
// in a relation), or the store has no label index, it falls back to sketch.
func (n *namer) stated(art, iri quad.IRI) (*entityInfo, error) {
	if e, ok := n.entities[string(iri)]; ok {
		return e, nil
	}
	key := string(art) + "\x00" + string(iri)
	if e, ok := n.statedBy[key]; ok {
		return e, nil
	}
	// The article may have written many more quads about it (relations,
	// metrics); only name and type are read.
	if n.nameTypePreds == nil {
		ps, err := n.s.preds(schema.RDFType, schema.RDFSLabel)
		if err != nil {
			return nil, err
		}
		n.nameTypePreds = ps
	}
	qs, indexed, err := n.s.statedQuads(n.ctx, art, iri, n.nameTypePreds, n.vals)
	if err != nil {
		return nil, err
	}
	e := &entityInfo{IRI: string(iri)}
	types := map[string]bool{}
	for _, q := range qs {
		switch text(q.Predicate) {
		case schema.RDFType:
			types[typeName(n.s.vocab, q.Object)] = true
		case schema.RDFSLabel:
			if e.Name == "" || text(q.Object) < e.Name {
				e.Name = text(q.Object)
			}
		}
	}
	if !indexed || e.Name == "" || len(types) == 0 {
		return n.sketch(iri)
	}
	e.Types = sortedKeys(types)
	n.statedBy[key] = e
	return e, nil
}

func (n *namer) describe(iri quad.IRI, cache map[string]*entityInfo, sample int) (*entityInfo, error) {
	if e, ok := cache[string(iri)]; ok {
		return e, nil
	}
	e := &entityInfo{IRI: string(iri)}
	labels := map[string]int{}
	types := map[string]bool{}
	aliases := map[string]bool{}
	preds := []string{schema.RDFType, schema.RDFSLabel, schema.SKOSAlt}
	if sample > 0 {
		preds = preds[:2]
	}
	for _, p := range preds {
		counts, err := n.objectCounts(iri, p, sample)
		if err != nil {
			return nil, err
		}
		for v, c := range counts {
			switch p {
			case schema.RDFType:
				types[typeName(n.s.vocab, v)] = true
			case schema.RDFSLabel:
				labels[text(v)] += c
			case schema.SKOSAlt:
				aliases[text(v)] = true
			}
		}
	}
	e.Name = mostFrequent(labels)
	if e.Name == "" {
		e.Name, _ = n.s.vocab.EntityKey(string(iri))
	}
	if sample == 0 {
		for l := range labels {
			if l != e.Name {
				aliases[l] = true
			}
		}
		delete(aliases, e.Name)
		e.Aliases = sortedKeys(aliases)
	}
	e.Types = sortedKeys(types)
	cache[string(iri)] = e
	return e, nil
}

// objectCounts counts the objects of the quads with subject iri and
// predicate pred. A full count (sample 0) of a hub, labelled and typed
// once per article, comes from index entries when the store allows; a
// sample reads at most sample quads.
func (n *namer) objectCounts(iri quad.IRI, pred string, sample int) (map[quad.Value]int, error) {
	if sample == 0 {
		counts, ok, err := n.s.indexedCounts(n.ctx, iri, quad.Subject, pred, n.vals)
		if err != nil || ok {
			return counts, err
		}
	}
	vs, err := n.s.objects(n.ctx, iri, pred, n.vals, sample)
	if err != nil {
		return nil, err
	}
	counts := map[quad.Value]int{}
	for _, v := range vs {
		counts[v]++
	}
	return counts, nil
}

// quadsOf returns the quads with subject v and a predicate in ps.
func (n *namer) quadsOf(v quad.Value, ps predSet) ([]quad.Quad, error) {
	r, err := n.s.node(v)
	if err != nil || r == nil {
		return nil, err
	}
	return n.s.quadsCached(n.ctx, quad.Subject, r, ps, n.vals)
}

// article is the id and title of an article node.
func (n *namer) article(v quad.Value) (ArticleRef, error) {
	iri, _ := v.(quad.IRI)
	if a, ok := n.articles[string(iri)]; ok {
		return a, nil
	}
	a := ArticleRef{}
	a.ID, _ = n.s.vocab.ArticleID(string(iri))
	titles, err := n.s.objects(n.ctx, iri, schema.DCTitle, n.vals, 1)
	if err != nil {
		return a, err
	}
	for _, t := range titles {
		a.Title = text(t)
	}
	n.articles[string(iri)] = a
	return a, nil
}

// typeName is the short name of a class IRI (Company for <base>schema/Company).
func typeName(v schema.Vocab, o quad.Value) string {
	s := text(o)
	if t, ok := strings.CutPrefix(s, v.Class("")); ok {
		return t
	}
	return s
}

func mostFrequent(m map[string]int) string {
	best, n := "", 0
	for k, c := range m {
		if c > n || (c == n && k < best) {
			best, n = k, c
		}
	}
	return best
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// number reads a numeric literal whichever way the backend returns it.
func number(v quad.Value) float64 {
	switch v := v.(type) {
	case quad.Int:
		return float64(v)
	case quad.Float:
		return float64(v)
	}
	f, _ := strconv.ParseFloat(text(v), 64)
	return f
}

func boolean(v quad.Value) bool {
	if b, ok := v.(quad.Bool); ok {
		return bool(b)
	}
	b, _ := strconv.ParseBool(text(v))
	return b
}

// subjects returns the distinct subjects of quads whose object is o and
// whose predicate is in ps, as tokens, without fetching the quads.
func (s *Store) subjects(ctx context.Context, o quad.Value, ps predSet) ([]graph.Ref, error) {
	n, err := s.node(o)
	if err != nil || n == nil {
		return nil, err
	}
	seen := map[any]bool{}
	var out []graph.Ref
	err = s.eachQuadRef(ctx, quad.Object, n, ps, func(q graph.Ref) error {
		sub, err := s.qs.QuadDirection(q, quad.Subject)
		if err != nil || sub == nil {
			return err
		}
		if k := sub.Key(); !seen[k] {
			seen[k] = true
			out = append(out, sub)
		}
		return nil
	})
	return out, err
}
