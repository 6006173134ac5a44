package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/schema"
)

// PutStats says what a write did.
type PutStats struct {
	Articles int // articles written (new or replaced)
	Skipped  int // articles whose stored hash matched, left as they were
	Quads    int // quads added
	Removed  int // quads deleted
}

// ErrReadOnly is returned by writes to a store opened read-only.
var ErrReadOnly = errors.New("store is open read-only")

// PutArticle stores one article's result; see PutArticles.
func (s *Store) PutArticle(r *extract.Result) (PutStats, error) {
	return s.PutArticles([]*extract.Result{r})
}

// PutArticles replaces each article's facts with the ones in its result, all
// in one transaction: on error nothing is written. Only the difference
// between stored and new quads is applied, so a rebuild of an unchanged
// article costs reads only, and a quad never appears as both added and
// deleted (Cayley applies adds before deletes, which would lose it).
// Deletes and adds are applied as one transaction (see applyPhases).
// Articles whose stored hash equals Doc.Hash are skipped. When one id occurs
// twice in rs, the later result wins.
func (s *Store) PutArticles(rs []*extract.Result) (PutStats, error) {
	return s.putArticles(rs, true)
}

// ReplaceArticles is PutArticles without skipping unchanged articles: for
// `kgb build --force`, after the extractor or its lexicons changed.
func (s *Store) ReplaceArticles(rs []*extract.Result) (PutStats, error) {
	return s.putArticles(rs, false)
}

func (s *Store) putArticles(rs []*extract.Result, skipUnchanged bool) (PutStats, error) {
	var st PutStats
	if s.readOnly {
		return st, fmt.Errorf("store %s: %w", s.Location(), ErrReadOnly)
	}
	// The diff is computed from what is stored: no other write may come
	// between reading and applying it.
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	ctx := context.Background()
	last := make(map[string]int, len(rs))
	for i, r := range rs {
		if r == nil {
			return PutStats{}, fmt.Errorf("result %d: nil", i)
		}
		last[r.Doc.ID] = i
	}
	var del, add []graph.Delta
	for i, r := range rs {
		if last[r.Doc.ID] != i {
			continue
		}
		next, err := articleQuads(s.vocab, r)
		if err != nil {
			return PutStats{}, err
		}
		art := quad.IRI(s.vocab.Article(r.Doc.ID))
		if skipUnchanged && r.Doc.Hash != "" {
			h, ok, err := s.ArticleHash(r.Doc.ID)
			if err != nil {
				return PutStats{}, err
			}
			if ok && h == r.Doc.Hash {
				st.Skipped++
				continue
			}
		}
		old, err := s.articleQuadsStored(ctx, art)
		if err != nil {
			return PutStats{}, fmt.Errorf("article %s: read stored quads: %w", r.Doc.ID, err)
		}
		plus, minus := diffQuads(old, next)
		for _, q := range minus {
			del = append(del, graph.Delta{Quad: q, Action: graph.Delete})
		}
		for _, q := range plus {
			add = append(add, graph.Delta{Quad: q, Action: graph.Add})
		}
		st.Articles++
		st.Quads += len(plus)
		st.Removed += len(minus)
	}
	if len(del)+len(add) == 0 {
		return st, nil
	}
	if err := s.applyPhases(del, add); err != nil {
		return PutStats{}, fmt.Errorf("store %s: write %d articles: %w", s.Location(), st.Articles, err)
	}
	return st, nil
}

// diffQuads returns the quads of next not in old, and of old not in next.
func diffQuads(old, next []quad.Quad) (add, del []quad.Quad) {
	have := make(map[quad.Quad]bool, len(old))
	for _, q := range old {
		have[q] = true
	}
	want := make(map[quad.Quad]bool, len(next))
	for _, q := range next {
		want[q] = true
		if !have[q] {
			add = append(add, q)
		}
	}
	for _, q := range old {
		if !want[q] {
			del = append(del, q)
		}
	}
	return add, del
}

// ArticleHash is the content hash stored for article id, so that a build can
// skip unchanged files before extracting them.
func (s *Store) ArticleHash(id string) (string, bool, error) {
	ps, err := s.preds(s.vocab.Prop(schema.PropHash))
	if err != nil {
		return "", false, err
	}
	qs, err := s.quadsOf(context.Background(), quad.Subject, quad.IRI(s.vocab.Article(id)), ps)
	if err != nil {
		return "", false, fmt.Errorf("article %s: %w", id, err)
	}
	for _, q := range qs {
		return text(q.Object), true, nil
	}
	return "", false, nil
}

// DeleteArticle removes every quad an article wrote. ref is the article's
// id, its IRI or the path it was read from. It returns the number of quads
// removed.
func (s *Store) DeleteArticle(ref string) (int, error) {
	if s.readOnly {
		return 0, fmt.Errorf("store %s: %w", s.Location(), ErrReadOnly)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	ctx := context.Background()
	art, err := s.resolveArticle(ctx, ref)
	if err != nil {
		return 0, err
	}
	old, err := s.articleQuadsStored(ctx, art)
	if err != nil {
		return 0, fmt.Errorf("article %s: %w", ref, err)
	}
	deltas := make([]graph.Delta, len(old))
	for i, q := range old {
		deltas[i] = graph.Delta{Quad: q, Action: graph.Delete}
	}
	if err := s.applyPhases(deltas, nil); err != nil {
		return 0, fmt.Errorf("article %s: delete: %w", ref, err)
	}
	return len(old), nil
}

// resolveArticle finds the IRI of a stored article from an id, IRI or path.
func (s *Store) resolveArticle(ctx context.Context, ref string) (quad.IRI, error) {
	var cands []quad.IRI
	if _, ok := s.vocab.ArticleID(ref); ok {
		cands = append(cands, quad.IRI(ref))
	}
	cands = append(cands, quad.IRI(s.vocab.Article(ref)))
	// A path names the article it was read from (dc:source), or at least its
	// id, which is the file's base name without extension.
	src, err := s.preds(schema.DCSource)
	if err != nil {
		return "", err
	}
	bySource, err := s.quadsOf(ctx, quad.Object, quad.String(ref), src)
	if err != nil {
		return "", err
	}
	for _, q := range bySource {
		if iri, ok := q.Subject.(quad.IRI); ok {
			cands = append(cands, iri)
		}
	}
	base := filepath.Base(ref)
	cands = append(cands, quad.IRI(s.vocab.Article(strings.TrimSuffix(base, filepath.Ext(base)))))

	isArticle, err := s.preds(schema.RDFType)
	if err != nil {
		return "", err
	}
	for _, c := range cands {
		qs, err := s.quadsOf(ctx, quad.Subject, c, isArticle)
		if err != nil {
			return "", err
		}
		for _, q := range qs {
			if q.Object == quad.IRI(s.vocab.Prop(schema.ClassArticle)) {
				return c, nil
			}
		}
	}
	return "", fmt.Errorf("article %q: not in store %s", ref, s.Location())
}
