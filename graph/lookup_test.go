package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	st := loaded(t)
	tests := []struct {
		query     string
		wantName  string
		wantTypes []string
		// one outgoing fact that must be there, with its qualifiers
		pred, other string
		rank        int
		evidence    string
		title       string
		wantAlso    []string
	}{
		{query: "华为云", wantName: "华为云", wantTypes: []string{"Company", "Technology"},
			pred: "ranksIn", other: "中国IaaS公有云市场", rank: 3,
			evidence: "华为云依靠其高增长态势，跃升至中国IaaS公有云市场的第三位。", title: "2020年中国云服务市场报告"},
		// 华为 is an entity's canonical name and another's alias: the
		// canonical one wins, the other is named.
		{query: "华为", wantName: "华为", wantTypes: []string{"Company"}, wantAlso: []string{"华为云"}},
		// full-width letters, other case and spaces meet the same key
		{query: "中国ｉａａｓ 公有云市场", wantName: "中国IaaS公有云市场", wantTypes: []string{"Market"}},
		{query: "红杉中国", wantName: "红杉中国", wantTypes: []string{"Company"},
			pred: "invests", other: "某云初创", evidence: "红杉中国领投某云初创1亿元A轮融资。", title: "某云初创完成A轮融资"},
		// symmetric: stated as 华为云 competesWith 阿里云, reported both ways
		{query: "阿里云", wantName: "阿里云", wantTypes: []string{"Company"}, pred: "competesWith", other: "华为云",
			evidence: "华为云与阿里云竞争。"},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			rep, err := st.Lookup(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Name != tc.wantName || !slices.Equal(rep.Types, tc.wantTypes) {
				t.Errorf("got %s %v, want %s %v", rep.Name, rep.Types, tc.wantName, tc.wantTypes)
			}
			if !slices.Equal(rep.AlsoMatches, tc.wantAlso) {
				t.Errorf("also matches %v, want %v", rep.AlsoMatches, tc.wantAlso)
			}
			if tc.pred == "" {
				return
			}
			f, ok := findFact(rep.Outgoing, tc.pred, tc.other)
			if !ok {
				t.Fatalf("no %s %s in %+v", tc.pred, tc.other, rep.Outgoing)
			}
			if f.Rank != tc.rank || f.Evidence != tc.evidence || (tc.title != "" && f.Article.Title != tc.title) {
				t.Errorf("fact %+v", f)
			}
		})
	}
}

func TestLookupDetails(t *testing.T) {
	st := loaded(t)
	rep, err := st.Lookup("某云初创")
	if err != nil {
		t.Fatal(err)
	}
	inv, ok := findFact(rep.Incoming, "invests", "红杉中国")
	if !ok || inv.Round != "A轮" || inv.Value != 1e8 || inv.Unit != "CNY" || inv.Article.ID != "invest-1" {
		t.Errorf("invests: %+v (found %v)", inv, ok)
	}
	lead, ok := findFact(rep.Incoming, "leads", "许昱")
	if !ok || lead.Role != "创始人" || !slices.Equal(lead.Types, []string{"Person"}) {
		t.Errorf("leads: %+v (found %v)", lead, ok)
	}
	if rep.Articles != 1 {
		t.Errorf("articles = %d", rep.Articles)
	}

	m, err := st.Lookup("中国IaaS公有云市场")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Metrics) != 2 {
		t.Fatalf("metrics: %+v", m.Metrics)
	}
	byMeasure := map[string]MetricFact{}
	for _, x := range m.Metrics {
		byMeasure[x.Measure] = x
	}
	size := byMeasure["市场规模"]
	if size.Measure != "市场规模" || size.Value != 225610000000 || size.Unit != "CNY" || size.Period != "2020" || size.Approx || size.Article.Title == "" {
		t.Errorf("size metric %+v", size)
	}
	if g := byMeasure["增速"]; g.Measure != "增速" || g.Value != 40 || !g.Approx {
		t.Errorf("growth metric %+v", g)
	}
	// incoming ranksIn, best rank first
	if len(m.Incoming) == 0 || m.Incoming[0].Predicate != "ranksIn" || m.Incoming[0].Facts[0].Name != "阿里云" || m.Incoming[0].Facts[1].Rank != 3 {
		t.Errorf("incoming %+v", m.Incoming)
	}
}

func TestLookupNotFound(t *testing.T) {
	st := loaded(t)
	tests := []struct {
		query string
		want  []string // must be among the suggestions
	}{
		{"阿里", []string{"阿里云"}},         // substring
		{"华为终端", []string{"华为", "华为云"}}, // shared prefix
		{"红衫中国", []string{"红杉中国"}},      // one character off
		{"完全无关的名字", nil},
		{"   ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			_, err := st.Lookup(tc.query)
			var nf *NotFoundError
			if !errors.As(err, &nf) {
				t.Fatalf("err = %v, want NotFoundError", err)
			}
			for _, w := range tc.want {
				if !slices.Contains(nf.Suggestions, w) {
					t.Errorf("suggestions %v lack %s", nf.Suggestions, w)
				}
			}
			if tc.want == nil && len(nf.Suggestions) > 0 {
				t.Errorf("unexpected suggestions %v", nf.Suggestions)
			}
			if !strings.Contains(err.Error(), tc.query) {
				t.Errorf("message %q does not name the query", err)
			}
		})
	}
}

func TestReportRendering(t *testing.T) {
	st := loaded(t)
	rep, err := st.Lookup("华为云")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"华为云 (Company/Technology)", "aliases: 华为", "华为云 ranksIn →", "中国IaaS公有云市场 (Market)  [rank 3]",
		"“华为云依靠其高增长态势，跃升至中国IaaS公有云市场的第三位。”", "《2020年中国云服务市场报告》 (cloud-2020)", "华为云 partOf →"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}

	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"name", "iri", "types", "aliases", "articles", "outgoing"} {
		if _, ok := back[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, js)
		}
	}
	if strings.Contains(string(js), `"round"`) {
		t.Errorf("empty qualifiers not omitted: %s", js)
	}

	m, err := st.Lookup("中国IaaS公有云市场")
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := m.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "市场规模 (2020): 225610000000 CNY (2256.1亿)") || !strings.Contains(b.String(), "增速 (2020): ≈40 percent") {
		t.Errorf("metrics text:\n%s", b.String())
	}
}

func findFact(gs []RelationGroup, pred, name string) (RelationFact, bool) {
	for _, g := range gs {
		if g.Predicate != pred {
			continue
		}
		for _, f := range g.Facts {
			if f.Name == name {
				return f, true
			}
		}
	}
	return RelationFact{}, false
}

func TestLookupReportLimit(t *testing.T) {
	st, dir := openTemp(t)
	if _, err := st.PutArticles(fixtures()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	tests := []struct {
		limit, wantFacts, wantOmitted int
	}{
		{limit: 1, wantFacts: 1, wantOmitted: 2},
		{limit: 2, wantFacts: 2, wantOmitted: 1},
		{limit: -1, wantFacts: 3},
		{limit: 0, wantFacts: 3}, // DefaultReportLimit
	}
	for _, tc := range tests {
		ro, err := Open(Options{Path: dir, ReadOnly: true, ReportLimit: tc.limit})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := ro.Lookup("华为云")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, g := range rep.Outgoing {
			n += len(g.Facts)
		}
		if n != tc.wantFacts || rep.OmittedFacts != tc.wantOmitted {
			t.Errorf("limit %d: %d facts, %d omitted; want %d, %d", tc.limit, n, rep.OmittedFacts, tc.wantFacts, tc.wantOmitted)
		}
		m, err := ro.Lookup("中国IaaS公有云市场")
		if err != nil {
			t.Fatal(err)
		}
		if tc.limit == 1 && (len(m.Metrics) != 1 || m.OmittedMetrics != 1) {
			t.Errorf("limit 1: %d metrics, %d omitted", len(m.Metrics), m.OmittedMetrics)
		}
		if tc.limit == 1 {
			var b bytes.Buffer
			rep.WriteText(&b)
			if !strings.Contains(b.String(), "and 2 more relation facts") {
				t.Errorf("text does not say what was left out:\n%s", b.String())
			}
		}
		ro.Close()
	}
}

// TestOtherEndAsStated: the other end of a fact is named and typed as the
// article stating the fact did (华为云 is a Company in cloud-2020, a
// Technology in huawei-1).
func TestOtherEndAsStated(t *testing.T) {
	st := loaded(t)
	rep, err := st.Lookup("阿里云")
	if err != nil {
		t.Fatal(err)
	}
	f, ok := findFact(rep.Outgoing, "competesWith", "华为云")
	if !ok || !slices.Equal(f.Types, []string{"Company"}) {
		t.Errorf("competesWith 华为云: %+v (found %v)", f, ok)
	}
	hw, err := st.Lookup("华为")
	if err != nil {
		t.Fatal(err)
	}
	f, ok = findFact(hw.Incoming, "partOf", "华为云")
	if !ok || !slices.Equal(f.Types, []string{"Technology"}) {
		t.Errorf("partOf from 华为云: %+v (found %v)", f, ok)
	}
}

func TestOtherEndWithoutLabelIndex(t *testing.T) {
	st := loaded(t)
	st.labelIndexed = false // as on a store made before the label index
	rep, err := st.Lookup("阿里云")
	if err != nil {
		t.Fatal(err)
	}
	f, ok := findFact(rep.Outgoing, "competesWith", "华为云")
	if !ok || !slices.Equal(f.Types, []string{"Company", "Technology"}) {
		t.Errorf("competesWith 华为云: %+v (found %v)", f, ok)
	}
}

func TestNoSuggestionsOfDeletedEntities(t *testing.T) {
	st := loaded(t)
	if _, err := st.DeleteArticle("invest-1"); err != nil {
		t.Fatal(err)
	}
	_, err := st.Lookup("红衫中国")
	var nf *NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("err = %v", err)
	}
	if slices.Contains(nf.Suggestions, "红杉中国") {
		t.Errorf("suggests 红杉中国, whose only article was deleted: %v", nf.Suggestions)
	}
}
