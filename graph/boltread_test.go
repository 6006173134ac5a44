package graph

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/schema"
)

// lookupBothWays looks name up reading Bolt directly and through Cayley's
// iterators, and fails when the reports differ.
func lookupBothWays(t *testing.T, st *Store, name string) *EntityReport {
	t.Helper()
	direct, err := st.Lookup(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	readBoltDirectly = false
	defer func() { readBoltDirectly = true }()
	walked, err := st.Lookup(name)
	if err != nil {
		t.Fatalf("%s through iterators: %v", name, err)
	}
	if !reflect.DeepEqual(direct, walked) {
		t.Errorf("%s: direct read differs from iterator read:\n direct %+v\n walked %+v", name, direct, walked)
	}
	return direct
}

// hubStore holds articles that share a few names, so that some entities
// have many mentions, statements and metrics, and a report limit below
// their counts.
func hubStore(t *testing.T) *Store {
	t.Helper()
	st, _ := openTemp(t)
	var rs []*extract.Result
	for i := 0; i < 40; i++ {
		rs = append(rs, synthetic(i, 15))
	}
	if _, err := st.PutArticles(append(rs, fixtures()...)); err != nil {
		t.Fatal(err)
	}
	st.reportLimit = 7
	return st
}

func hubNames() []string {
	names := []string{"阿里云", "华为云", "华为", "中国IaaS公有云市场", "简称3", "市场1", "市场7"}
	for i := 0; i < 15; i++ {
		names = append(names, fmt.Sprintf("公司%d", i))
	}
	return names
}

func TestDirectReadsMatchIterators(t *testing.T) {
	st := hubStore(t)
	for _, name := range hubNames() {
		lookupBothWays(t, st, name)
	}
	rep := lookupBothWays(t, st, "公司3")
	if rep.OmittedFacts == 0 || rep.Articles < 10 {
		t.Errorf("公司3 is not a hub here: %d articles, %d facts left out", rep.Articles, rep.OmittedFacts)
	}
	// The comparison means something only if the direct path answered.
	counts, ok, err := st.indexedCounts(context.Background(), quad.IRI(rep.IRI), quad.Subject, schema.RDFSLabel, valueCache{})
	if err != nil || !ok || counts[zhString("公司3")] != rep.Articles {
		t.Errorf("公司3 labels from the index: %v, %v, %v; want %d", counts, ok, err, rep.Articles)
	}
}

// After deletes and replacements, Cayley's indexes list dead quads: the
// entities around them are no longer clean, reports check each index entry
// for a live quad, and say the same as the iterators.
func TestDirectReadsAfterDeletes(t *testing.T) {
	st := hubStore(t)
	before := lookupBothWays(t, st, "公司6")
	if _, err := st.DeleteArticle("syn-000003"); err != nil {
		t.Fatal(err)
	}
	changed := synthetic(13, 15)
	changed.Doc.Hash = "changed"
	changed.Relations = changed.Relations[:4]
	changed.Metrics = changed.Metrics[:1]
	if _, err := st.ReplaceArticles([]*extract.Result{changed}); err != nil {
		t.Fatal(err)
	}
	for _, name := range hubNames() {
		lookupBothWays(t, st, name)
	}
	after := lookupBothWays(t, st, "公司6")
	if after.Articles != before.Articles-1 {
		t.Errorf("公司6: mentioned in %d articles after deleting one of %d", after.Articles, before.Articles)
	}
}

func TestClean(t *testing.T) {
	st := hubStore(t)
	tests := []struct {
		name    string
		delete  string
		entity  string
		isClean bool
	}{
		{name: "fresh store", entity: "公司6", isClean: true},
		{name: "untouched by the delete", delete: "syn-000003", entity: "市场4", isClean: true},
		{name: "mentioned by the deleted article", entity: "公司6", isClean: false},
	}
	for _, tc := range tests {
		if tc.delete != "" {
			if _, err := st.DeleteArticle(tc.delete); err != nil {
				t.Fatal(err)
			}
		}
		iri := quad.IRI(st.vocab.Entity(tc.entity))
		r, err := st.node(iri)
		if err != nil || r == nil {
			t.Fatalf("%s: node %v, %v", tc.name, r, err)
		}
		v, ok, err := st.viewBolt(context.Background())
		if err != nil || !ok {
			t.Fatalf("%s: view %v, %v", tc.name, ok, err)
		}
		got, err := v.clean(uint64(r.(kv.Int64Value)), iri, st.labelIndexed)
		v.close()
		if err != nil || got != tc.isClean {
			t.Errorf("%s: clean(%s) = %v, %v; want %v", tc.name, tc.entity, got, err, tc.isClean)
		}
	}
}

// An entity several articles spell differently (腾讯云, 腾讯 云 share one
// node) is counted per spelling; the name is the commonest.
func TestDirectReadsSpellings(t *testing.T) {
	tests := []struct {
		spellings []string
		wantName  string
	}{
		{spellings: []string{"腾讯云", "腾讯云", "腾讯云"}, wantName: "腾讯云"},
		{spellings: []string{"腾讯 云", "腾讯云", "腾讯 云"}, wantName: "腾讯 云"},
		{spellings: []string{"腾讯云", "腾讯 云", "腾讯云", "腾讯  云", "腾讯 云", "腾讯云"}, wantName: "腾讯云"},
	}
	for _, tc := range tests {
		st, _ := openTemp(t)
		var rs []*extract.Result
		for i, sp := range tc.spellings {
			r := synthetic(i, 15)
			r.Entities = append(r.Entities, extract.Entity{Name: sp, Type: schema.Company})
			rs = append(rs, r)
		}
		if _, err := st.PutArticles(rs); err != nil {
			t.Fatal(err)
		}
		rep := lookupBothWays(t, st, "腾讯云")
		if rep.Name != tc.wantName || rep.Articles != len(tc.spellings) {
			t.Errorf("%v: name %q in %d articles; want %q in %d", tc.spellings, rep.Name, rep.Articles, tc.wantName, len(tc.spellings))
		}
	}
}
