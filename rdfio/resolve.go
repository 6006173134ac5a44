package rdfio

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/schema"
)

func isIRI(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "urn:")
}

// resolveArticle finds the named graph of an article given as its IRI, its
// id, or the path of the file it was read from (the id is the file's base
// name without extension, as extract.Article sets it).
func resolveArticle(qs graph.QuadStore, v schema.Vocab, ref string) (quad.IRI, graph.Ref, error) {
	var cands []string
	if isIRI(ref) {
		cands = append(cands, ref)
	} else {
		cands = append(cands, v.Article(ref))
		base := filepath.Base(ref)
		if id := strings.TrimSuffix(base, filepath.Ext(base)); id != ref {
			cands = append(cands, v.Article(id))
		}
	}
	for _, c := range cands {
		r, err := qs.ValueOf(quad.IRI(c))
		if err != nil {
			return "", nil, fmt.Errorf("article %q: %w", ref, err)
		}
		if r != nil {
			return quad.IRI(c), r, nil
		}
	}
	return "", nil, fmt.Errorf("article %q is not in the store (tried %s)", ref, strings.Join(cands, ", "))
}

// resolveEntity finds the node of an entity given as its IRI, its
// canonical name or an alias: first the IRI the name maps to, then nodes
// labelled or alt-labelled with the name, then the graph layer's lookup
// key. Each step starts from one value (an index lookup), never a scan.
func resolveEntity(ctx context.Context, qs graph.QuadStore, v schema.Vocab, name string) (quad.IRI, error) {
	iri := v.Entity(name)
	if isIRI(name) {
		iri = name
	}
	if has, err := hasQuads(ctx, qs, quad.IRI(iri), quad.Subject); err != nil {
		return "", fmt.Errorf("entity %q: %w", name, err)
	} else if has {
		return quad.IRI(iri), nil
	}
	probes := []struct {
		obj   quad.Value
		preds []string
	}{
		{quad.LangString{Value: quad.String(name), Lang: "zh"}, []string{schema.RDFSLabel, schema.SKOSAlt}},
		{quad.String(name), []string{schema.RDFSLabel, schema.SKOSAlt}},
		{quad.String(schema.Key(name)), []string{v.Prop(schema.PropKey)}},
	}
	for _, p := range probes {
		subj, err := subjectWith(ctx, qs, p.obj, p.preds)
		if err != nil {
			return "", fmt.Errorf("entity %q: %w", name, err)
		}
		if subj != "" {
			return subj, nil
		}
	}
	return "", fmt.Errorf("entity %q is not in the store (no node %s and no label or alias with that name)", name, iri)
}

func hasQuads(ctx context.Context, qs graph.QuadStore, v quad.Value, d quad.Direction) (bool, error) {
	r, err := qs.ValueOf(v)
	if err != nil || r == nil {
		return false, err
	}
	it := qs.QuadIterator(d, r).Iterate()
	defer it.Close()
	return it.Next(ctx), it.Err()
}

// subjectWith returns the first IRI subject that has obj under one of preds.
func subjectWith(ctx context.Context, qs graph.QuadStore, obj quad.Value, preds []string) (quad.IRI, error) {
	r, err := qs.ValueOf(obj)
	if err != nil || r == nil {
		return "", err
	}
	var found quad.IRI
	errStop := fmt.Errorf("found")
	err = scan(ctx, qs, qs.QuadIterator(quad.Object, r), func(q quad.Quad) error {
		p, _ := q.Predicate.(quad.IRI)
		s, ok := q.Subject.(quad.IRI)
		if !ok {
			return nil
		}
		for _, want := range preds {
			if string(p.Full()) == want {
				found = s
				return errStop
			}
		}
		return nil
	})
	if err != nil && err != errStop {
		return "", err
	}
	return found, nil
}
