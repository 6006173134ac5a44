package graph

import (
	"fmt"
	"testing"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/schema"
)

// Hand-made results, so these tests do not depend on the extractor.
func fixtureCloud() *extract.Result {
	return &extract.Result{
		Doc: extract.Doc{ID: "cloud-2020", Title: "2020年中国云服务市场报告", Date: "2021-07-14T07:56:46Z",
			Author: "36kr", Categories: []string{"资讯", "36kr"}, Source: "corpus/cloud-2020.md", Hash: "h-cloud-1"},
		Entities: []extract.Entity{
			{Name: "华为云", Type: schema.Company, Aliases: []string{"华为"}, Mentions: 3},
			{Name: "阿里云", Type: schema.Company, Mentions: 2},
			{Name: "中国IaaS公有云市场", Type: schema.Market, Mentions: 2},
			{Name: "疫情", Type: schema.Trend, Mentions: 1},
			{Name: "企业上云", Type: schema.Trend, Mentions: 1},
		},
		Relations: []extract.Relation{
			{Subject: "阿里云", Predicate: schema.RanksIn, Object: "中国IaaS公有云市场", Rank: 1, Evidence: "阿里云稳居中国IaaS公有云市场第一。"},
			{Subject: "华为云", Predicate: schema.RanksIn, Object: "中国IaaS公有云市场", Rank: 3, Evidence: "华为云依靠其高增长态势，跃升至中国IaaS公有云市场的第三位。"},
			{Subject: "疫情", Predicate: schema.Drives, Object: "企业上云", Evidence: "疫情推动企业上云。"},
			{Subject: "华为云", Predicate: schema.CompetesWith, Object: "阿里云", Evidence: "华为云与阿里云竞争。"},
		},
		Metrics: []extract.Metric{
			{Subject: "中国IaaS公有云市场", Measure: "市场规模", Value: 225610000000, Unit: "CNY", Period: "2020", Evidence: "市场规模达2256.1亿元。"},
			{Subject: "中国IaaS公有云市场", Measure: "增速", Value: 40, Unit: "percent", Period: "2020", Approx: true, Evidence: "同比增长约40%。"},
		},
	}
}

func fixtureInvest() *extract.Result {
	return &extract.Result{
		Doc: extract.Doc{ID: "invest-1", Title: "某云初创完成A轮融资", Source: "corpus/invest-1.md", Hash: "h-invest-1"},
		Entities: []extract.Entity{
			{Name: "红杉中国", Type: schema.Company},
			{Name: "某云初创", Type: schema.Company},
			{Name: "许昱", Type: schema.Person},
			{Name: "腾讯云", Type: schema.Company},
		},
		Relations: []extract.Relation{
			{Subject: "红杉中国", Predicate: schema.Invests, Object: "某云初创", Round: "A轮", Value: 1e8, Unit: "CNY", Evidence: "红杉中国领投某云初创1亿元A轮融资。"},
			{Subject: "许昱", Predicate: schema.Leads, Object: "某云初创", Role: "创始人", Evidence: "某云初创创始人许昱表示。"},
			{Subject: "某云初创", Predicate: schema.PartnersWith, Object: "腾讯云", Evidence: "某云初创与腾讯云战略合作。"},
		},
	}
}

// fixtureHuawei names 华为 as an entity of its own and types 华为云
// differently from fixtureCloud.
func fixtureHuawei() *extract.Result {
	return &extract.Result{
		Doc: extract.Doc{ID: "huawei-1", Title: "华为云的技术路线", Source: "corpus/huawei-1.md", Hash: "h-huawei-1"},
		Entities: []extract.Entity{
			{Name: "华为", Type: schema.Company},
			{Name: "华为云", Type: schema.Technology},
		},
		Relations: []extract.Relation{
			{Subject: "华为云", Predicate: schema.PartOf, Object: "华为", Evidence: "华为云是华为的云服务品牌。"},
		},
	}
}

func fixtures() []*extract.Result {
	return []*extract.Result{fixtureCloud(), fixtureInvest(), fixtureHuawei()}
}

// openTemp opens a fresh writable store in a temporary directory.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := Open(Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dir
}

// loaded is a temporary store holding all fixtures.
func loaded(t testing.TB) *Store {
	t.Helper()
	st, _ := openTemp(t)
	if _, err := st.PutArticles(fixtures()); err != nil {
		t.Fatal(err)
	}
	return st
}

func quadCount(t testing.TB, st *Store) int64 {
	t.Helper()
	s, err := st.Stats()
	if err != nil {
		t.Fatal(err)
	}
	return s.Quads
}

// synthetic builds article i of a generated corpus: entities drawn from a
// pool of pool names so that articles share entities as real ones do.
func synthetic(i, pool int) *extract.Result {
	name := func(j int) string { return fmt.Sprintf("公司%d", (i*7+j*13)%pool) }
	r := &extract.Result{Doc: extract.Doc{ID: fmt.Sprintf("syn-%06d", i), Title: fmt.Sprintf("第%d篇文章", i),
		Date: "2021-07-14T07:56:46Z", Source: fmt.Sprintf("syn/%06d.md", i), Hash: fmt.Sprintf("hash-%d", i)}}
	market := fmt.Sprintf("市场%d", i%50)
	r.Entities = append(r.Entities, extract.Entity{Name: market, Type: schema.Market})
	for j := 0; j < 12; j++ {
		r.Entities = append(r.Entities, extract.Entity{Name: name(j), Type: schema.Company, Aliases: []string{fmt.Sprintf("简称%d", (i*7+j*13)%pool)}})
	}
	for j := 0; j < 10; j++ {
		r.Relations = append(r.Relations, extract.Relation{Subject: name(j), Predicate: schema.RanksIn, Object: market, Rank: j + 1,
			Evidence: fmt.Sprintf("%s在%s中排名第%d（第%d篇）。", name(j), market, j+1, i)})
		r.Relations = append(r.Relations, extract.Relation{Subject: name(j), Predicate: schema.CompetesWith, Object: name(j + 1),
			Evidence: fmt.Sprintf("%s与%s竞争（第%d篇）。", name(j), name(j+1), i)})
	}
	for j := 0; j < 4; j++ {
		r.Metrics = append(r.Metrics, extract.Metric{Subject: market, Measure: "市场规模", Value: float64(1e8 * (i + j)), Unit: "CNY",
			Period: fmt.Sprintf("%d", 2018+j), Evidence: fmt.Sprintf("%s规模达%d亿元（第%d篇）。", market, i+j, i)})
	}
	return r
}
