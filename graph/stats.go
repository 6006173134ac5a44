package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/schema"
)

// Stats counts what the store holds.
type Stats struct {
	Quads    int64 `json:"quads"`
	Articles int   `json:"articles"`
	// Entities counts entities per type; an entity that articles typed
	// differently counts under each type, EntitiesTotal once.
	Entities      map[string]int `json:"entities"`
	EntitiesTotal int            `json:"entitiesTotal"`
	// Relations counts relation statements (one per article and fact) per
	// predicate.
	Relations map[string]int `json:"relations"`
	Metrics   int            `json:"metrics"`
}

// Stats counts quads, articles, entities per type, relations per predicate
// and metrics. It walks the type and predicate index entries, so it takes
// time in proportion to the number of facts, not a full scan.
func (s *Store) Stats() (*Stats, error) {
	ctx := context.Background()
	// Bolt keeps an exact quad count; asking for exact stats would also
	// count every node, a full scan. SQL's inexact count is an estimate.
	gs, err := s.qs.Stats(ctx, false)
	if err == nil && !gs.Quads.Exact {
		gs, err = s.qs.Stats(ctx, true)
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: stats: %w", s.Location(), err)
	}
	st := &Stats{Quads: gs.Quads.Value, Entities: map[string]int{}, Relations: map[string]int{}}
	isA, err := s.preds(schema.RDFType)
	if err != nil {
		return nil, err
	}
	arts, err := s.subjects(ctx, quad.IRI(s.vocab.Prop(schema.ClassArticle)), isA)
	if err != nil {
		return nil, err
	}
	st.Articles = len(arts)

	all := map[any]bool{}
	for _, t := range schema.Types {
		subs, err := s.subjects(ctx, quad.IRI(s.vocab.Class(t)), isA)
		if err != nil {
			return nil, err
		}
		n := 0
		for _, r := range subs {
			if t == schema.Metric {
				metric, err := s.isMetricNode(r)
				if err != nil {
					return nil, err
				}
				if metric {
					st.Metrics++
					continue
				}
			}
			n++
			all[r.Key()] = true
		}
		if n > 0 {
			st.Entities[string(t)] = n
		}
	}
	st.EntitiesTotal = len(all)

	predOf, err := s.preds(s.vocab.Prop(schema.PropPredicate))
	if err != nil {
		return nil, err
	}
	for _, p := range schema.Predicates {
		stmts, err := s.subjects(ctx, quad.IRI(s.vocab.Pred(p)), predOf)
		if err != nil {
			return nil, err
		}
		if len(stmts) > 0 {
			st.Relations[string(p)] = len(stmts)
		}
	}
	return st, nil
}

func (s *Store) isMetricNode(r graph.Ref) (bool, error) {
	v, err := s.qs.NameOf(r)
	if err != nil {
		return false, err
	}
	iri, ok := v.(quad.IRI)
	return ok && s.vocab.IsMetricNode(string(iri)), nil
}

// ArticleInfo describes one stored article.
type ArticleInfo struct {
	ID         string   `json:"id"`
	IRI        string   `json:"iri"`
	Title      string   `json:"title,omitempty"`
	Date       string   `json:"date,omitempty"`
	Author     string   `json:"author,omitempty"`
	Categories []string `json:"categories,omitempty"`
	Source     string   `json:"source,omitempty"`
	Hash       string   `json:"hash,omitempty"`
}

// Articles lists the stored articles by id.
func (s *Store) Articles() ([]ArticleInfo, error) {
	ctx := context.Background()
	isA, err := s.preds(schema.RDFType)
	if err != nil {
		return nil, err
	}
	arts, err := s.subjects(ctx, quad.IRI(s.vocab.Prop(schema.ClassArticle)), isA)
	if err != nil {
		return nil, err
	}
	// Skip the article's mentions (most of its quads) before fetching.
	ps, err := s.preds(schema.DCTitle, schema.DCDate, schema.DCCreator, schema.DCSubject, schema.DCSource, s.vocab.Prop(schema.PropHash))
	if err != nil {
		return nil, err
	}
	out := make([]ArticleInfo, 0, len(arts))
	for _, r := range arts {
		v, err := s.qs.NameOf(r)
		if err != nil {
			return nil, err
		}
		a := ArticleInfo{IRI: text(v)}
		a.ID, _ = s.vocab.ArticleID(a.IRI)
		qs, err := s.quads(ctx, quad.Subject, r, ps)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		for _, q := range qs {
			switch text(q.Predicate) {
			case schema.DCTitle:
				a.Title = text(q.Object)
			case schema.DCDate:
				a.Date = text(q.Object)
			case schema.DCCreator:
				a.Author = text(q.Object)
			case schema.DCSubject:
				a.Categories = append(a.Categories, text(q.Object))
			case schema.DCSource:
				a.Source = text(q.Object)
			default:
				a.Hash = text(q.Object)
			}
		}
		sort.Strings(a.Categories)
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
