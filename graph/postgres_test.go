package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/internal/pgtest"
	"github.com/kgbgraph/kgb/schema"
)

// TestPostgresMatchesBolt builds the same results into Bolt and PostgreSQL,
// then rebuilds one article changed and deletes another, and compares what
// both stores answer at each step.
func TestPostgresMatchesBolt(t *testing.T) {
	pgURL := pgtest.SchemaURL(t, "the PostgreSQL backend test")
	if ro, err := Open(Options{Path: pgURL, ReadOnly: true}); err == nil {
		ro.Close()
		t.Fatal("read-only open of an empty schema succeeded")
	}
	pg, err := Open(Options{Path: pgURL})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	bolt, _ := openTemp(t)
	stores := map[string]*Store{"bolt": bolt, "postgres": pg}

	changed := fixtureCloud()
	changed.Doc.Hash = "h-cloud-2"
	changed.Relations = changed.Relations[1:]
	changed.Metrics = changed.Metrics[:1]

	steps := []struct {
		name string
		do   func(st *Store) error
	}{
		{"initial build", func(st *Store) error {
			ps, err := st.PutArticles(fixtures())
			if err == nil && ps.Articles != 3 {
				err = fmt.Errorf("put stats %+v", ps)
			}
			return err
		}},
		{"rebuild unchanged is skipped", func(st *Store) error {
			ps, err := st.PutArticles(fixtures())
			if err == nil && ps.Skipped != 3 {
				err = fmt.Errorf("put stats %+v", ps)
			}
			return err
		}},
		{"changed article", func(st *Store) error {
			ps, err := st.PutArticle(changed)
			if err == nil && (ps.Removed == 0 || ps.Articles != 1) {
				err = fmt.Errorf("put stats %+v", ps)
			}
			return err
		}},
		{"failed batch", func(st *Store) error {
			bad := fixtureHuawei()
			bad.Relations[0].Predicate = "owns"
			if _, err := st.PutArticles([]*extract.Result{fixtureInvest(), bad}); err == nil {
				return fmt.Errorf("bad batch accepted")
			}
			return nil
		}},
		{"delete", func(st *Store) error {
			n, err := st.DeleteArticle("corpus/invest-1.md")
			if err == nil && n == 0 {
				err = fmt.Errorf("nothing deleted")
			}
			return err
		}},
	}
	for _, step := range steps {
		answers := map[string]string{}
		for name, st := range stores {
			if err := step.do(st); err != nil {
				t.Fatalf("%s: %s: %v", step.name, name, err)
			}
			answers[name] = observe(t, st)
		}
		if answers["bolt"] != answers["postgres"] {
			t.Fatalf("%s: stores disagree\n--- bolt\n%s\n--- postgres\n%s", step.name, answers["bolt"], answers["postgres"])
		}
		t.Logf("%s: both stores answer alike (%d bytes)", step.name, len(answers["bolt"]))
	}
}

// observe renders what a store answers to a fixed set of questions.
func observe(t *testing.T, st *Store) string {
	t.Helper()
	v := st.Vocab()
	out := map[string]any{}
	for _, name := range []string{"华为云", "华为", "中国IaaS公有云市场", "某云初创", "阿里云", "阿里", "红衫中国"} {
		rep, err := st.Lookup(name)
		if err != nil {
			out["lookup "+name] = err.Error()
			continue
		}
		out["lookup "+name] = rep
	}
	queries := []string{
		fmt.Sprintf(`g.V("<%s>").In("<%s>").Tag("who").Out("<%s>").All()`, v.Entity("中国IaaS公有云市场"), v.Pred(schema.RanksIn), schema.RDFSLabel),
		fmt.Sprintf(`g.Emit(g.V("<%s>").Out("<%s>").Out("<%s>").ToArray())`, v.Entity("中国IaaS公有云市场"), v.Pred(schema.HasMetric), v.Prop(schema.PropValue)),
		fmt.Sprintf(`g.V("<%s>").In("<%s>").Out("<%s>").All()`, v.Entity("华为云"), v.Prop(schema.PropSubject), v.Prop(schema.PropRank)),
	}
	for i, q := range queries {
		res, err := st.Query(context.Background(), "gizmo", q, 100)
		if err != nil {
			t.Fatalf("query %d: %v", i, err)
		}
		var rows []string
		for _, r := range res {
			b, _ := json.Marshal(r)
			rows = append(rows, string(b))
		}
		sort.Strings(rows)
		out[fmt.Sprintf("query %d", i)] = rows
	}
	s, err := st.Stats()
	if err != nil {
		t.Fatal(err)
	}
	out["stats"] = s
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	out["articles"] = arts
	ps, err := st.Path("阿里云", "华为", 4)
	if err != nil {
		t.Fatal(err)
	}
	out["path"] = ps
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
