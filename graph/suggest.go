package graph

import (
	"context"
	"encoding/binary"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"

	"github.com/kgbgraph/kgb/schema"
)

// suggest returns up to n entity names close to key: names containing it
// or contained in it first, then names sharing a prefix, then names within
// a small edit distance. It walks the type index (every typed entity), so
// it costs more than a lookup; it only runs when a lookup failed.
func (s *Store) suggest(ctx context.Context, key string, n int) ([]string, error) {
	if key == "" {
		return nil, nil
	}
	type cand struct {
		iri   quad.IRI
		key   string
		class int // 0 substring, 1 shared prefix, 2 edit distance
		dist  int
	}
	var cands []cand
	seen := map[string]bool{}
	q := []rune(key)
	for _, t := range schema.Types {
		subs, err := s.typeMembers(ctx, quad.IRI(s.vocab.Class(t)))
		if err != nil {
			return nil, err
		}
		for _, r := range subs {
			v, err := s.qs.NameOf(r)
			if err != nil {
				return nil, err
			}
			iri, ok := v.(quad.IRI)
			if !ok || seen[string(iri)] {
				continue
			}
			seen[string(iri)] = true
			k, ok := s.vocab.EntityKey(string(iri))
			if !ok {
				continue
			}
			c := []rune(k)
			d := editDistance(q, c)
			switch {
			case strings.Contains(k, key) || strings.Contains(key, k):
				cands = append(cands, cand{iri, k, 0, d})
			case commonPrefix(q, c) >= min(2, len(q)):
				cands = append(cands, cand{iri, k, 1, d})
			case d <= max(1, len(q)/3):
				cands = append(cands, cand{iri, k, 2, d})
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.class != b.class {
			return a.class < b.class
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.key < b.key
	})
	nm, err := s.newNamer(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, n)
	for _, c := range cands {
		if len(out) == n {
			break
		}
		e, err := nm.sketch(c.iri)
		if err != nil {
			return nil, err
		}
		// typeMembers may list entities whose articles are gone; those
		// have no type left.
		if len(e.Types) > 0 {
			out = append(out, e.Name)
		}
	}
	return out, nil
}

// typeMembers lists the subjects typed class, possibly with some whose type
// quads were deleted. On Bolt it reads them from the keys of the
// object-predicate-subject index, which hold the subject, instead of
// reading one quad per article that typed it.
func (s *Store) typeMembers(ctx context.Context, class quad.IRI) ([]graph.Ref, error) {
	isA, err := s.preds(schema.RDFType)
	if err != nil {
		return nil, err
	}
	cr, err := s.node(class)
	if err != nil || cr == nil {
		return nil, err
	}
	pr, err := s.node(quad.IRI(schema.RDFType))
	if err != nil || pr == nil {
		return nil, err
	}
	c, cok := cr.(kv.Int64Value)
	p, pok := pr.(kv.Int64Value)
	if s.kv == nil || !cok || !pok {
		return s.subjects(ctx, class, isA)
	}
	ops := kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
	prefix := ops.Key([]uint64{uint64(c), uint64(p)})
	var out []graph.Ref
	err = hkv.View(ctx, s.kv, func(tx hkv.Tx) error {
		it := tx.Scan(ctx, options.WithPrefixKV(prefix))
		defer it.Close()
		for it.Next(ctx) {
			k := it.Key()
			if len(k) < 2 || len(k[1]) < 24 {
				continue
			}
			out = append(out, kv.Int64Value(binary.BigEndian.Uint64(k[1][16:24])))
		}
		return it.Err()
	})
	return out, err
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// editDistance is the Levenshtein distance in runes (a Chinese character
// counts as one edit, not three bytes).
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
