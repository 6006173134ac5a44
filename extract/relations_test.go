package extract

import (
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

func TestRelations(t *testing.T) {
	type rel struct {
		subj string
		p    schema.Predicate
		obj  string
	}
	tests := []struct {
		name   string
		body   string
		want   []rel
		absent []rel
	}{
		{
			name: "drives with a verb between",
			body: "<p>人工智能加速了大数据市场的扩张。</p>",
			want: []rel{{"人工智能", schema.Drives, "大数据市场"}},
		},
		{
			name:   "negation cancels the fact",
			body:   "<p>人工智能并未推动大数据市场的扩张。</p>",
			absent: []rel{{"人工智能", schema.Drives, "大数据市场"}},
		},
		{
			name: "the subject carries over to a later clause",
			body: "<p>数字经济作为新引擎，虽然起步较晚，但是有效带动了产业互联网。</p>",
			want: []rel{{"数字经济", schema.Drives, "产业互联网"}},
		},
		{
			name:   "a circumstance is not the subject of a later clause",
			body:   "<p>随着数字经济的发展，企业加快转型，推动产业互联网落地。</p>",
			absent: []rel{{"数字经济", schema.Drives, "产业互联网"}},
		},
		{
			name:   "a mention qualifying a noun is not the subject",
			body:   "<p>数字经济思维的转变，将推动产业互联网发展。</p>",
			absent: []rel{{"数字经济", schema.Drives, "产业互联网"}},
		},
		{
			name: "为X带来",
			body: "<p>边缘计算的普及也为物联网带来新的机会。</p>",
			want: []rel{{"边缘计算", schema.Drives, "物联网"}},
		},
		{
			name: "passive: 受X冲击",
			body: "<p>零售行业受疫情冲击，门店客流明显下降。</p>",
			want: []rel{{"疫情", schema.Hinders, "零售"}},
		},
		{
			name: "passive: 由X驱动",
			body: "<p>储能系统市场由光伏发电驱动。</p>",
			want: []rel{{"光伏发电", schema.Drives, "储能系统市场"}},
		},
		{
			name: "在X的推动下",
			body: "<p>中国SaaS市场在云原生和数字化转型的推动下，保持高速增长。</p>",
			want: []rel{{"云原生", schema.Drives, "中国SaaS市场"}, {"数字化转型", schema.Drives, "中国SaaS市场"}},
		},
		{
			name: "partners",
			body: "<p>比亚迪与宁德时代达成战略合作。</p>",
			want: []rel{{"比亚迪", schema.PartnersWith, "宁德时代"}},
		},
		{
			name: "competes, coordinated",
			body: "<p>阿里云、腾讯云和华为云展开激烈竞争。</p>",
			want: []rel{{"阿里云", schema.CompetesWith, "腾讯云"}, {"腾讯云", schema.CompetesWith, "华为云"}, {"阿里云", schema.CompetesWith, "华为云"}},
		},
		{
			name: "acquires, active and passive",
			body: "<p>英特尔收购高通。三星被苹果收购。</p>",
			want: []rel{{"英特尔", schema.Acquires, "高通"}, {"苹果", schema.Acquires, "三星"}},
		},
		{
			name:   "acquires, negated",
			body:   "<p>英特尔未能收购高通。</p>",
			absent: []rel{{"英特尔", schema.Acquires, "高通"}},
		},
		{
			name: "serves",
			body: "<p>宁德时代深耕金融行业。</p>",
			want: []rel{{"宁德时代", schema.Serves, "金融"}},
		},
		{
			name: "locatedIn",
			body: "<p>Northvolt总部位于瑞典。</p>",
			want: []rel{{"Northvolt", schema.LocatedIn, "瑞典"}},
		},
		{
			name: "policy issued by and targets",
			body: "<p>工信部印发《关于推进数据中心绿色发展的指导意见》。《关于推进数据中心绿色发展的指导意见》提出，到2025年数据中心和云计算实现绿色低碳发展。</p>",
			want: []rel{
				{"关于推进数据中心绿色发展的指导意见", schema.IssuedBy, "工信部"},
				{"关于推进数据中心绿色发展的指导意见", schema.Targets, "数据中心"},
				{"关于推进数据中心绿色发展的指导意见", schema.Targets, "云计算"},
			},
		},
		{
			name: "stake, active and passive",
			body: "<p>比亚迪出资51%的宁德时代。广汽埃安由广汽出资60%。</p>",
			want: []rel{{"比亚迪", schema.Invests, "宁德时代"}, {"广汽", schema.Invests, "广汽埃安"}},
		},
		{
			name: "place before a company name",
			body: "<p>瑞典电池新贵Northvolt获得订单，美国特斯拉随后跟进。</p>",
			want: []rel{{"Northvolt", schema.LocatedIn, "瑞典"}, {"特斯拉", schema.LocatedIn, "美国"}},
		},
		{
			name: "依靠X驱动",
			body: "<p>国内SaaS市场主要依靠云原生驱动。</p>",
			want: []rel{{"云原生", schema.Drives, "国内SaaS市场"}},
		},
		{
			name: "leads, organization from the sentence before",
			body: "<p>国轩高科去年营收大增。2019年，其新任董事长王明远上任。</p>",
			want: []rel{{"王明远", schema.Leads, "国轩高科"}},
		},
		{
			name: "leads with role",
			body: "<p>中国软件行业协会副秘书长李振华表示，行业仍处在早期。</p>",
			want: []rel{{"李振华", schema.Leads, "中国软件行业协会"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			for _, w := range tc.want {
				rel := findRelation(r, w.subj, w.p, w.obj)
				if rel == nil {
					t.Errorf("want %s -%s-> %s; got %s (entities %s)", w.subj, w.p, w.obj, relationList(r), entityNames(r))
				} else if rel.Evidence == "" {
					t.Errorf("%v has no evidence", rel)
				}
			}
			for _, w := range tc.absent {
				if findRelation(r, w.subj, w.p, w.obj) != nil {
					t.Errorf("did not want %s -%s-> %s", w.subj, w.p, w.obj)
				}
			}
		})
	}
}

func TestRankRelations(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		subj, obj  string
		rank, upTo int
	}{
		{"coordinated companies, 前两位", "<p>其中，比亚迪、宁德时代仍稳居中国动力电池市场前两位。</p>", "宁德时代", "中国动力电池市场", 0, 2},
		{"first of the list too", "<p>其中，比亚迪、宁德时代仍稳居中国动力电池市场前两位。</p>", "比亚迪", "中国动力电池市场", 0, 2},
		{"跃升至…的第三位, subject carried over", "<p>国轩高科凭借低价策略，跃升至中国动力电池市场的第三位。</p>", "国轩高科", "中国动力电池市场", 3, 0},
		{"market named in the sentence before", "<p>中国动力电池市场前五名的座次发生变化。其中，国轩高科位列第四。</p>", "国轩高科", "中国动力电池市场", 4, 0},
		{"排在第N位的X", "<p>按企业统计储能系统的销量，排在第2位的比亚迪增长最快。</p>", "比亚迪", "储能系统", 2, 0},
		{"排名第一", "<p>在中国SaaS市场中，金山云排名第一。</p>", "金山云", "中国SaaS市场", 1, 0},
		{"第N ending the clause", "<p>动力电池市场持续扩张。国轩高科已居全球动力电池企业第六；</p>", "国轩高科", "动力电池市场", 6, 0},
		{"TOP N", "<p>在中国SaaS市场中，金山云跻身TOP 5。</p>", "金山云", "中国SaaS市场", 0, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			rel := findRelation(r, tc.subj, schema.RanksIn, tc.obj)
			if rel == nil {
				t.Fatalf("no %s ranksIn %s; got %s (entities %s)", tc.subj, tc.obj, relationList(r), entityNames(r))
			}
			if rel.Rank != tc.rank || rel.RankUpTo != tc.upTo {
				t.Errorf("rank %d upTo %d, want %d %d", rel.Rank, rel.RankUpTo, tc.rank, tc.upTo)
			}
		})
	}
	// 第二产业 and 第三季度 are not ranks
	r := extractBody(t, "<p>金山云在第三季度进入中国SaaS市场，第二产业上云加快。</p>")
	for _, rel := range r.Relations {
		if rel.Predicate == schema.RanksIn {
			t.Errorf("unexpected %+v", rel)
		}
	}
}

func TestInvestRelations(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		investors []string
		target    string
		round     string
		value     float64
		unit      string
	}{
		{
			name:      "投资方包括 list, round and amount from the funding sentence",
			body:      "<p>据悉，距上轮A轮融资仅半年，金山云再度完成超5亿元B轮融资，本轮投资方包括红杉中国、高瓴资本等。</p>",
			investors: []string{"红杉中国", "高瓴资本"}, target: "金山云", round: "B轮", value: 5e8, unit: "CNY",
		},
		{
			name:      "unknown investors named only by the list",
			body:      "<p>金山云宣布完成3亿元D轮融资，本轮融资由北辰联和投资领投，澜舟创投、青禾和鸣跟投。</p>",
			investors: []string{"北辰联和投资", "澜舟创投", "青禾和鸣"}, target: "金山云", round: "D轮", value: 3e8, unit: "CNY",
		},
		{
			name:      "获得…的战略投资",
			body:      "<p>金山云近日获得红杉中国、高瓴资本的2亿元战略投资。</p>",
			investors: []string{"红杉中国", "高瓴资本"}, target: "金山云", round: "战略投资", value: 2e8, unit: "CNY",
		},
		{
			name:      "领投 and 跟投 in the next sentence",
			body:      "<p>金山云宣布完成1亿美元C轮融资。本轮由红杉中国领投，高瓴资本跟投。</p>",
			investors: []string{"红杉中国", "高瓴资本"}, target: "金山云", round: "C轮", value: 1e8, unit: "USD",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			for _, inv := range tc.investors {
				rel := findRelation(r, inv, schema.Invests, tc.target)
				if rel == nil {
					t.Fatalf("no %s invests %s; got %s (entities %s)", inv, tc.target, relationList(r), entityNames(r))
				}
				if rel.Round != tc.round || rel.Value != tc.value || rel.Unit != tc.unit {
					t.Errorf("%s: round %q value %g %s, want %q %g %s", inv, rel.Round, rel.Value, rel.Unit, tc.round, tc.value, tc.unit)
				}
			}
		})
	}
}
