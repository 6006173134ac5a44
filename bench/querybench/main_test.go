package main

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
	"github.com/kgbgraph/kgb/schema"
)

func TestQuantile(t *testing.T) {
	ms := func(xs ...int) []time.Duration {
		d := make([]time.Duration, len(xs))
		for i, x := range xs {
			d[i] = time.Duration(x) * time.Millisecond
		}
		return d
	}
	tests := []struct {
		in   []time.Duration
		q    float64
		want time.Duration
	}{
		{ms(5), 0.5, 5 * time.Millisecond},
		{ms(1, 2, 3), 0.5, 2 * time.Millisecond},
		{ms(1, 2, 3, 4), 0.5, 2 * time.Millisecond},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), 0.95, 19 * time.Millisecond},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), 0.5, 10 * time.Millisecond},
	}
	for _, tc := range tests {
		if got := quantile(tc.in, tc.q); got != tc.want {
			t.Errorf("quantile(%v, %v) = %v, want %v", tc.in, tc.q, got, tc.want)
		}
	}
}

// TestHops checks the Gizmo texts against a small store: the hops follow
// relation predicates only, in both directions, never through rdf:type.
func TestHops(t *testing.T) {
	dir := t.TempDir()
	st, err := graph.Open(graph.Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	ent := func(name string, typ schema.Type) extract.Entity {
		return extract.Entity{Name: name, Type: typ, Mentions: 1}
	}
	rel := func(s string, p schema.Predicate, o string) extract.Relation {
		return extract.Relation{Subject: s, Predicate: p, Object: o, Evidence: s + string(p) + o + "。"}
	}
	_, err = st.PutArticle(&extract.Result{
		Doc:      extract.Doc{ID: "a1", Title: "t", Source: "a1.md"},
		Entities: []extract.Entity{ent("星澜云", schema.Company), ent("鲸睿科技", schema.Company), ent("储能市场", schema.Market), ent("疫情", schema.Trend), ent("孤岛集团", schema.Company)},
		Relations: []extract.Relation{
			rel("星澜云", schema.CompetesWith, "鲸睿科技"),
			rel("鲸睿科技", schema.RanksIn, "储能市场"),
			rel("疫情", schema.Drives, "星澜云"),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = graph.Open(graph.Options{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	v := st.Vocab()
	ids := func(res []any) []string {
		var out []string
		for _, r := range res {
			m, ok := r.(map[string]any)
			if !ok {
				t.Fatalf("result %v is not a tag map", r)
			}
			out = append(out, m["id"].(string))
		}
		sort.Strings(out)
		return out
	}
	iri := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, "<"+v.Entity(n)+">")
		}
		sort.Strings(out)
		return out
	}
	tests := []struct {
		name, query string
		want        []string
	}{
		{"1-hop both ways", hop1(v, "星澜云"), iri("鲸睿科技", "疫情")},
		{"2-hop includes the start", hop2(v, "星澜云"), iri("星澜云", "储能市场")},
		{"2-hop as unions, same nodes", hop2Union(v, "星澜云"), iri("星澜云", "储能市场")},
		{"no relations, no neighbours", hop1(v, "孤岛集团"), nil},
	}
	for _, tc := range tests {
		res, err := st.Query(context.Background(), "gizmo", tc.query, 1000)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := ids(res)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}
