package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/schema"
)

// EntityReport is everything the store knows about one entity.
type EntityReport struct {
	Name     string          `json:"name"`
	IRI      string          `json:"iri"`
	Types    []string        `json:"types"`
	Aliases  []string        `json:"aliases,omitempty"`
	Articles int             `json:"articles"` // articles that mention it
	Outgoing []RelationGroup `json:"outgoing,omitempty"`
	Incoming []RelationGroup `json:"incoming,omitempty"`
	Metrics  []MetricFact    `json:"metrics,omitempty"`
	// OmittedFacts and OmittedMetrics count what was left out past the
	// store's report limit (Options.ReportLimit).
	OmittedFacts   int `json:"omittedFacts,omitempty"`
	OmittedMetrics int `json:"omittedMetrics,omitempty"`
	// AlsoMatches names other entities that have the looked-up name as an
	// alias (华为 may be an alias of both 华为云 and 华为终端).
	AlsoMatches []string `json:"alsoMatches,omitempty"`
}

// RelationGroup is the facts of one predicate, seen from the entity. For
// symmetric predicates (competesWith, partnersWith) facts stated either way
// round are outgoing.
type RelationGroup struct {
	Predicate string         `json:"predicate"`
	Facts     []RelationFact `json:"facts"`
}

// RelationFact is one relation as one article states it.
type RelationFact struct {
	Name     string     `json:"name"` // the entity at the other end
	IRI      string     `json:"iri"`
	Types    []string   `json:"types,omitempty"`
	Rank     int        `json:"rank,omitempty"`
	RankUpTo int        `json:"rankUpTo,omitempty"`
	Round    string     `json:"round,omitempty"`
	Value    float64    `json:"value,omitempty"`
	Unit     string     `json:"unit,omitempty"`
	Role     string     `json:"role,omitempty"`
	Evidence string     `json:"evidence,omitempty"`
	Article  ArticleRef `json:"article"`
}

// MetricFact is one measured figure about the entity.
type MetricFact struct {
	Measure  string     `json:"measure"`
	Value    float64    `json:"value"`
	Unit     string     `json:"unit,omitempty"`
	Period   string     `json:"period,omitempty"`
	Approx   bool       `json:"approx"`
	Evidence string     `json:"evidence,omitempty"`
	Article  ArticleRef `json:"article"`
}

// ArticleRef names the article a fact comes from.
type ArticleRef struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
}

// NotFoundError says no entity has the name, and which names come close.
type NotFoundError struct {
	Name        string
	Suggestions []string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no entity named %q", e.Name)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean: " + strings.Join(e.Suggestions, ", ")
	}
	return msg
}

// Lookup reports on the entity with this canonical name or alias. Matching
// goes through the name key (NFKC, case, spaces), read from one index entry,
// so its cost depends on the entity's facts, not on the store's size.
func (s *Store) Lookup(name string) (*EntityReport, error) {
	ctx, end, err := s.withView(context.Background())
	if err != nil {
		return nil, err
	}
	defer end()
	iri, others, err := s.findEntity(ctx, name)
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
	n, err := s.newNamer(ctx)
	if err != nil {
		return nil, err
	}
	rep, err := s.report(ctx, n, iri)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", name, err)
	}
	for _, o := range others {
		e, err := n.sketch(o)
		if err != nil {
			return nil, err
		}
		rep.AlsoMatches = append(rep.AlsoMatches, e.Name)
	}
	return rep, nil
}

// findEntity resolves a name to an entity node: the entity whose canonical
// name it is, or else the one most articles give it as an alias. others are
// the remaining entities with that alias.
func (s *Store) findEntity(ctx context.Context, name string) (quad.IRI, []quad.IRI, error) {
	key := schema.Key(name)
	if key == "" {
		return "", nil, nil
	}
	keyPred, err := s.preds(s.vocab.Prop(schema.PropKey))
	if err != nil {
		return "", nil, err
	}
	counts := map[quad.IRI]int{}
	// A hub's key is written once per article that names it: count those
	// from the index when the store allows, rather than read each.
	byValue, indexed, err := s.indexedCounts(ctx, quad.String(key), quad.Object, s.vocab.Prop(schema.PropKey), valueCache{})
	if err != nil {
		return "", nil, fmt.Errorf("look up %q: %w", name, err)
	}
	for v, n := range byValue {
		if iri, ok := v.(quad.IRI); ok {
			counts[iri] += n
		}
	}
	if !indexed {
		kq, err := s.quadsOf(ctx, quad.Object, quad.String(key), keyPred)
		if err != nil {
			return "", nil, fmt.Errorf("look up %q: %w", name, err)
		}
		for _, q := range kq {
			if iri, ok := q.Subject.(quad.IRI); ok {
				counts[iri]++
			}
		}
	}
	if len(counts) == 0 {
		return "", nil, nil
	}
	cands := make([]quad.IRI, 0, len(counts))
	for iri := range counts {
		cands = append(cands, iri)
	}
	canon := quad.IRI(s.vocab.Entity(name))
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if (a == canon) != (b == canon) {
			return a == canon
		}
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return a < b
	})
	return cands[0], cands[1:], nil
}

// report gathers the facts about one entity node.
func (s *Store) report(ctx context.Context, n *namer, iri quad.IRI) (*EntityReport, error) {
	e, err := n.entity(iri)
	if err != nil {
		return nil, err
	}
	rep := &EntityReport{Name: e.Name, IRI: e.IRI, Types: e.Types, Aliases: e.Aliases}
	if rep.Types == nil {
		rep.Types = []string{}
	}
	node, err := s.node(iri)
	if err != nil {
		return nil, err
	}

	nb, err := s.neighbours(ctx, iri, node)
	if err != nil {
		return nil, err
	}
	rep.Articles = nb.articles
	rep.OmittedFacts = nb.omittedFacts
	rep.OmittedMetrics = nb.omittedMetrics
	stmts, asSubject := nb.stmts, nb.asSubject
	outFacts := map[string][]RelationFact{}
	inFacts := map[string][]RelationFact{}
	for _, st := range stmts {
		fromSubject := asSubject[st.Key()]
		pred, f, err := s.statement(ctx, n, st, fromSubject)
		if err != nil {
			return nil, err
		}
		if pred == "" {
			continue
		}
		if fromSubject || schema.Predicate(pred).Symmetric() {
			outFacts[pred] = append(outFacts[pred], f)
		} else {
			inFacts[pred] = append(inFacts[pred], f)
		}
	}
	rep.Outgoing = groups(outFacts)
	rep.Incoming = groups(inFacts)

	metrics := nb.metrics
	for _, mr := range metrics {
		m, err := s.metric(ctx, n, mr)
		if err != nil {
			return nil, err
		}
		rep.Metrics = append(rep.Metrics, m)
	}
	sort.Slice(rep.Metrics, func(i, j int) bool {
		a, b := rep.Metrics[i], rep.Metrics[j]
		if a.Measure != b.Measure {
			return a.Measure < b.Measure
		}
		if a.Period != b.Period {
			return a.Period < b.Period
		}
		if a.Article.ID != b.Article.ID {
			return a.Article.ID < b.Article.ID
		}
		return a.Value < b.Value
	})
	return rep, nil
}

// statement reads a statement node into a fact about the entity at its
// subject end (fromSubject) or object end; pred is the predicate's name.
func (s *Store) statement(ctx context.Context, n *namer, st graph.Ref, fromSubject bool) (pred string, f RelationFact, err error) {
	qs, err := s.quadsCached(ctx, quad.Subject, st, nil, n.vals)
	if err != nil {
		return "", f, err
	}
	var other, art quad.Value
	for _, q := range qs {
		name, ok := strings.CutPrefix(text(q.Predicate), s.vocab.Prop(""))
		if !ok {
			continue
		}
		switch name {
		case schema.PropPredicate:
			pred = strings.TrimPrefix(text(q.Object), s.vocab.Pred(""))
		case schema.PropSubject:
			if !fromSubject {
				other = q.Object
			}
		case schema.PropObject:
			if fromSubject {
				other = q.Object
			}
		case schema.PropRank:
			f.Rank = int(number(q.Object))
		case schema.PropRankUpTo:
			f.RankUpTo = int(number(q.Object))
		case schema.PropRound:
			f.Round = text(q.Object)
		case schema.PropValue:
			f.Value = number(q.Object)
		case schema.PropUnit:
			f.Unit = text(q.Object)
		case schema.PropRole:
			f.Role = text(q.Object)
		case schema.PropEvidence:
			f.Evidence = text(q.Object)
		case schema.PropArticle:
			art = q.Object
			if f.Article, err = n.article(q.Object); err != nil {
				return "", f, err
			}
		}
	}
	if iri, ok := other.(quad.IRI); ok {
		a, _ := art.(quad.IRI)
		e, err := n.stated(a, iri)
		if err != nil {
			return "", f, err
		}
		f.Name, f.IRI, f.Types = e.Name, e.IRI, e.Types
	}
	return pred, f, nil
}

// metric reads a metric node.
func (s *Store) metric(ctx context.Context, n *namer, node graph.Ref) (MetricFact, error) {
	var m MetricFact
	qs, err := s.quadsCached(ctx, quad.Subject, node, nil, n.vals)
	if err != nil {
		return m, err
	}
	for _, q := range qs {
		name, ok := strings.CutPrefix(text(q.Predicate), s.vocab.Prop(""))
		if !ok {
			continue
		}
		switch name {
		case schema.PropMeasure:
			m.Measure = text(q.Object)
		case schema.PropValue:
			m.Value = number(q.Object)
		case schema.PropUnit:
			m.Unit = text(q.Object)
		case schema.PropPeriod:
			m.Period = text(q.Object)
		case schema.PropApprox:
			m.Approx = boolean(q.Object)
		case schema.PropEvidence:
			m.Evidence = text(q.Object)
		case schema.PropArticle:
			if m.Article, err = n.article(q.Object); err != nil {
				return m, err
			}
		}
	}
	return m, nil
}

// groups orders relation facts by predicate (schema order), then best rank
// first, then by name and article, so that reports are stable.
func groups(m map[string][]RelationFact) []RelationGroup {
	var out []RelationGroup
	for p, facts := range m {
		sort.Slice(facts, func(i, j int) bool {
			a, b := facts[i], facts[j]
			if ra, rb := rankOrder(a), rankOrder(b); ra != rb {
				return ra < rb
			}
			if a.Name != b.Name {
				return a.Name < b.Name
			}
			if a.Article.ID != b.Article.ID {
				return a.Article.ID < b.Article.ID
			}
			return a.Evidence < b.Evidence
		})
		out = append(out, RelationGroup{Predicate: p, Facts: facts})
	}
	sort.Slice(out, func(i, j int) bool {
		return predOrder(out[i].Predicate) < predOrder(out[j].Predicate) ||
			predOrder(out[i].Predicate) == predOrder(out[j].Predicate) && out[i].Predicate < out[j].Predicate
	})
	return out
}

func rankOrder(f RelationFact) int {
	switch {
	case f.Rank > 0:
		return f.Rank
	case f.RankUpTo > 0:
		return f.RankUpTo
	}
	return 1 << 30
}

func predOrder(p string) int {
	if i := slices.Index(schema.Predicates, schema.Predicate(p)); i >= 0 {
		return i
	}
	return len(schema.Predicates)
}
