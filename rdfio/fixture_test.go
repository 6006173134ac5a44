package rdfio

import (
	"context"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
	"github.com/kgbgraph/kgb/schema"
)

// sampleResults are three small articles written by hand (not by the
// extractor, whose quality is not under test here). They share entities and
// one relation (华为云 ranksIn 中国IaaS公有云市场 is stated twice), and carry
// text that needs escaping, so that merging and escaping are exercised.
func sampleResults() []*extract.Result {
	return []*extract.Result{
		{
			Doc: extract.Doc{ID: "a1", Title: "2020年中国云服务市场报告", Date: "2021-07-14T07:56:46Z", Author: "36kr",
				Categories: []string{"资讯", "36kr"}, Source: "testdata/a1.md", Hash: "h1"},
			Entities: []extract.Entity{
				{Name: "华为云", Type: schema.Company, Aliases: []string{"华为", "Huawei Cloud"}, Mentions: 3},
				{Name: "阿里云", Type: schema.Company, Mentions: 2},
				{Name: "中国IaaS公有云市场", Type: schema.Market, Mentions: 1},
				{Name: "中国云服务市场", Type: schema.Market, Mentions: 1},
				{Name: "公有云市场", Type: schema.Market, Mentions: 1},
			},
			Relations: []extract.Relation{
				{Subject: "华为云", Predicate: schema.RanksIn, Object: "中国IaaS公有云市场", Rank: 3,
					Evidence: "华为云依靠其高增长态势，跃升至中国IaaS公有云市场的第三位。"},
				{Subject: "阿里云", Predicate: schema.RanksIn, Object: "中国IaaS公有云市场", Rank: 1, Evidence: "阿里云稳居第一。"},
				{Subject: "华为云", Predicate: schema.CompetesWith, Object: "阿里云", Evidence: "华为云与阿里云竞争。"},
				{Subject: "中国IaaS公有云市场", Predicate: schema.PartOf, Object: "公有云市场", Evidence: "IaaS公有云市场是公有云市场的一部分。"},
			},
			Metrics: []extract.Metric{
				{Subject: "中国云服务市场", Measure: "市场规模", Value: 225610000000, Unit: "CNY", Period: "2020",
					Evidence: "2020年中国云服务整体市场规模达2256.1亿元。"},
			},
		},
		{
			Doc: extract.Doc{ID: "a2", Title: "“新基建”与\"云\"", Date: "2021-08-01T00:00:00Z", Source: "testdata/a2.md", Hash: "h2"},
			Entities: []extract.Entity{
				{Name: "华为云", Type: schema.Company, Mentions: 1},
				{Name: "中国IaaS公有云市场", Type: schema.Market, Mentions: 1},
				{Name: "疫情", Type: schema.Trend, Mentions: 1},
				{Name: "企业上云", Type: schema.Trend, Mentions: 1},
				{Name: "汽车", Type: schema.Industry, Mentions: 1},
			},
			Relations: []extract.Relation{
				{Subject: "华为云", Predicate: schema.RanksIn, Object: "中国IaaS公有云市场", Rank: 3,
					Evidence: "华为云依靠其高增长态势，跃升至中国IaaS公有云市场的第三位。"},
				{Subject: "疫情", Predicate: schema.Drives, Object: "企业上云",
					Evidence: "疫情\t推动了\"企业上云\"\n（见下文）\\附录"},
				{Subject: "华为云", Predicate: schema.Serves, Object: "汽车", Evidence: "华为云深耕汽车行业。"},
			},
		},
		{
			Doc: extract.Doc{ID: "a3", Title: "腾讯云融资", Date: "2021-09-02T10:00:00Z", Source: "testdata/a3.md", Hash: "h3"},
			Entities: []extract.Entity{
				{Name: "腾讯云", Type: schema.Company, Mentions: 1},
				{Name: "红杉中国", Type: schema.Company, Mentions: 1},
			},
			Relations: []extract.Relation{
				{Subject: "红杉中国", Predicate: schema.Invests, Object: "腾讯云", Round: "B轮", Value: 1.5e9, Unit: "CNY",
					Evidence: "红杉中国领投腾讯云15亿元B轮。"},
			},
			Metrics: []extract.Metric{
				{Subject: "腾讯云", Measure: "增速", Value: 40.5, Unit: "percent", Period: "2021-H1", Approx: true,
					Evidence: "腾讯云增速约40.5%。"},
			},
		},
	}
}

// newStore opens an empty store in a temporary directory.
func newStore(t testing.TB) *graph.Store {
	t.Helper()
	st, err := graph.Open(graph.Options{Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// sampleStore is a store holding sampleResults through the real graph
// layer, plus a few hand-written quads that the graph layer never writes
// but an import can (no label, a blank node, a boolean and a double).
func sampleStore(t testing.TB) *graph.Store {
	t.Helper()
	st := newStore(t)
	if _, err := st.PutArticles(sampleResults()); err != nil {
		t.Fatal(err)
	}
	v := st.Vocab()
	extra := []quad.Quad{
		{Subject: quad.IRI(v.Entity("华为云")), Predicate: quad.IRI(v.Prop("note")), Object: quad.String("curated by hand"), Label: quad.IRI(v.Base + "import/fixes.nq")},
		{Subject: quad.BNode("b1"), Predicate: quad.IRI(schema.RDFSLabel), Object: quad.Float(0.25), Label: quad.IRI(v.Base + "import/fixes.nq")},
		{Subject: quad.BNode("b1"), Predicate: quad.IRI(v.Prop("flag")), Object: quad.Bool(true), Label: quad.IRI(v.Base + "import/fixes.nq")},
	}
	extra = append(extra, quad.Quad{Subject: quad.IRI(v.Entity("阿里云")), Predicate: quad.IRI(v.Prop("note")), Object: quad.LangString{Value: "无标签", Lang: "zh"}})
	ds := make([]cgraph.Delta, len(extra))
	for i, q := range extra {
		ds[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	if err := st.QuadStore().ApplyDeltas(ds, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	return st
}

// storeQuads reads every quad of the store in canonical form (test-only:
// this is exactly the collect-everything the exporters avoid).
func storeQuads(t testing.TB, st *graph.Store) []quad.Quad {
	t.Helper()
	var out []quad.Quad
	err := allQuads(st.QuadStore())(context.Background(), func(q quad.Quad) error {
		out = append(out, canonQuad(q))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// distinctTriples counts the store's triples with labels dropped.
func distinctTriples(qs []quad.Quad) int {
	seen := map[[3]quad.Value]bool{}
	for _, q := range qs {
		seen[[3]quad.Value{q.Subject, q.Predicate, q.Object}] = true
	}
	return len(seen)
}
