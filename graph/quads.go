package graph

import (
	"fmt"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/schema"
)

// zh is the language tag of article text (titles, names, evidence).
const zh = "zh"

func init() {
	// Cayley knows no xsd:decimal, so Gizmo would hand values back as
	// `"2256"^^<…#decimal>` strings; as numbers they compare and print well.
	quad.RegisterStringConversion(quad.IRI(schema.XSDDecimal), func(s string) (quad.Value, error) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, err
		}
		return quad.Float(f), nil
	})
}

func zhString(s string) quad.Value { return quad.LangString{Value: quad.String(s), Lang: zh} }

func decimal(f float64) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.FormatFloat(f, 'f', -1, 64)), Type: quad.IRI(schema.XSDDecimal)}
}

func dateTime(s string) quad.Value {
	return quad.TypedString{Value: quad.String(s), Type: quad.IRI(schema.XSDDate)}
}

// articleQuads is the set of quads one result becomes, every one labelled
// with the article's IRI, without duplicates. It rejects results that would
// write nameless or untyped nodes rather than store half a fact.
func articleQuads(v schema.Vocab, r *extract.Result) ([]quad.Quad, error) {
	if r == nil {
		return nil, fmt.Errorf("nil extraction result")
	}
	d := r.Doc
	if d.ID == "" {
		return nil, fmt.Errorf("article %q: empty id", d.Source)
	}
	art := quad.IRI(v.Article(d.ID))
	b := quadBuilder{label: art, seen: map[quad.Quad]bool{}}
	prop := func(name string) quad.IRI { return quad.IRI(v.Prop(name)) }

	b.add(art, quad.IRI(schema.RDFType), prop(schema.ClassArticle))
	if d.Title != "" {
		b.add(art, quad.IRI(schema.DCTitle), zhString(d.Title))
	}
	if d.Date != "" {
		b.add(art, quad.IRI(schema.DCDate), dateTime(d.Date))
	}
	if d.Author != "" {
		b.add(art, quad.IRI(schema.DCCreator), quad.String(d.Author))
	}
	for _, c := range d.Categories {
		b.add(art, quad.IRI(schema.DCSubject), quad.String(c))
	}
	if d.Source != "" {
		b.add(art, quad.IRI(schema.DCSource), quad.String(d.Source))
	}
	if d.Hash != "" {
		b.add(art, prop(schema.PropHash), quad.String(d.Hash))
	}

	// entity writes the facts that make a name findable; relations and
	// metrics may name entities the entity list forgot.
	entity := func(name string) (quad.IRI, error) {
		if schema.Key(name) == "" {
			return "", fmt.Errorf("article %s: empty entity name", d.ID)
		}
		e := quad.IRI(v.Entity(name))
		b.add(e, quad.IRI(schema.RDFSLabel), zhString(name))
		b.add(e, prop(schema.PropKey), quad.String(schema.Key(name)))
		b.add(art, prop(schema.PropMentions), e)
		return e, nil
	}
	for _, en := range r.Entities {
		if !en.Type.Valid() {
			return nil, fmt.Errorf("article %s: entity %q: unknown type %q", d.ID, en.Name, en.Type)
		}
		e, err := entity(en.Name)
		if err != nil {
			return nil, err
		}
		b.add(e, quad.IRI(schema.RDFType), quad.IRI(v.Class(en.Type)))
		for _, a := range en.Aliases {
			if k := schema.Key(a); k != "" {
				b.add(e, quad.IRI(schema.SKOSAlt), zhString(a))
				b.add(e, prop(schema.PropKey), quad.String(k))
			}
		}
	}

	for _, rel := range r.Relations {
		if !rel.Predicate.Valid() {
			return nil, fmt.Errorf("article %s: relation %q %s %q: unknown predicate", d.ID, rel.Subject, rel.Predicate, rel.Object)
		}
		s, err := entity(rel.Subject)
		if err != nil {
			return nil, fmt.Errorf("relation %s: %w", rel.Predicate, err)
		}
		o, err := entity(rel.Object)
		if err != nil {
			return nil, fmt.Errorf("relation %s: %w", rel.Predicate, err)
		}
		p := quad.IRI(v.Pred(rel.Predicate))
		b.add(s, p, o)
		st := quad.IRI(v.Statement(d.ID, string(s), string(p), string(o),
			strconv.Itoa(rel.Rank), strconv.Itoa(rel.RankUpTo), rel.Round,
			strconv.FormatFloat(rel.Value, 'g', -1, 64), rel.Unit, rel.Role, rel.Evidence))
		b.add(st, quad.IRI(schema.RDFType), prop(schema.ClassStatement))
		b.add(st, prop(schema.PropSubject), s)
		b.add(st, prop(schema.PropPredicate), p)
		b.add(st, prop(schema.PropObject), o)
		if rel.Rank != 0 {
			b.add(st, prop(schema.PropRank), quad.Int(rel.Rank))
		}
		if rel.RankUpTo != 0 {
			b.add(st, prop(schema.PropRankUpTo), quad.Int(rel.RankUpTo))
		}
		if rel.Round != "" {
			b.add(st, prop(schema.PropRound), quad.String(rel.Round))
		}
		if rel.Value != 0 {
			b.add(st, prop(schema.PropValue), decimal(rel.Value))
		}
		if rel.Unit != "" {
			b.add(st, prop(schema.PropUnit), quad.String(rel.Unit))
		}
		if rel.Role != "" {
			b.add(st, prop(schema.PropRole), quad.String(rel.Role))
		}
		if rel.Evidence != "" {
			b.add(st, prop(schema.PropEvidence), zhString(rel.Evidence))
		}
		b.add(st, prop(schema.PropArticle), art)
	}

	for _, m := range r.Metrics {
		s, err := entity(m.Subject)
		if err != nil {
			return nil, fmt.Errorf("metric %s: %w", m.Measure, err)
		}
		n := quad.IRI(v.MetricNode(d.ID, string(s), m.Measure, strconv.FormatFloat(m.Value, 'g', -1, 64),
			m.Unit, m.Period, strconv.FormatBool(m.Approx), m.Evidence))
		b.add(n, quad.IRI(schema.RDFType), quad.IRI(v.Class(schema.Metric)))
		b.add(s, quad.IRI(v.Pred(schema.HasMetric)), n)
		if m.Measure != "" {
			b.add(n, prop(schema.PropMeasure), zhString(m.Measure))
		}
		b.add(n, prop(schema.PropValue), decimal(m.Value))
		if m.Unit != "" {
			b.add(n, prop(schema.PropUnit), quad.String(m.Unit))
		}
		if m.Period != "" {
			b.add(n, prop(schema.PropPeriod), quad.String(m.Period))
		}
		b.add(n, prop(schema.PropApprox), quad.Bool(m.Approx))
		if m.Evidence != "" {
			b.add(n, prop(schema.PropEvidence), zhString(m.Evidence))
		}
		b.add(n, prop(schema.PropArticle), art)
	}
	return b.quads, nil
}

type quadBuilder struct {
	label quad.Value
	quads []quad.Quad
	seen  map[quad.Quad]bool
}

func (b *quadBuilder) add(s, p, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	if !b.seen[q] {
		b.seen[q] = true
		b.quads = append(b.quads, q)
	}
}
