package extract

import (
	"strings"
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

// TestTriggerSubjects: what stands before a trigger verb is its agent only
// when it is the clause's subject — not a means (通过X) nor an era (X时代，).
func TestTriggerSubjects(t *testing.T) {
	tests := []struct {
		name, body, subj, obj string
		want                  bool
	}{
		{"a means is no agent", "<p>通过大数据赚钱的同时推动人工智能研发。</p>", "大数据", "人工智能", false},
		{"the plain subject drives", "<p>新基建推动人工智能发展。</p>", "新基建", "人工智能", true},
		{"an era alone is when, not who", "<p>后疫情时代，企业需求的释放将推动云计算发展。</p>", "后疫情时代", "云计算", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			got := findRelation(r, tc.subj, schema.Drives, tc.obj) != nil
			if got != tc.want {
				t.Errorf("%s drives %s = %v, want %v; relations: %s; entities: %s", tc.subj, tc.obj, got, tc.want, relationList(r), entityNames(r))
			}
		})
	}
}

// TestAcquiresDescribedObject: the acquired company may follow a short
// description ending in a company noun, and a spend before the verb does
// not make the buyer a modifier.
func TestAcquiresDescribedObject(t *testing.T) {
	tests := []struct {
		name, body, subj, obj string
		want                  bool
	}{
		{"a description ending in a company noun", "<p>当时Google收购了多伦多大学的一家AI初创公司DNNResearch。</p>", "Google", "DNNResearch", true},
		{"a spend before the verb", "<p>当时Google花费4400万美元收购了Lazada。</p>", "Google", "Lazada", true},
		{"a description with no company noun", "<p>当时Google收购了多伦多大学的一项重要技术，并与DNNResearch竞争。</p>", "Google", "DNNResearch", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			got := findRelation(r, tc.subj, schema.Acquires, tc.obj) != nil
			if got != tc.want {
				t.Errorf("%s acquires %s = %v, want %v; relations: %s; entities: %s", tc.subj, tc.obj, got, tc.want, relationList(r), entityNames(r))
			}
		})
	}
}

// TestRanksRespectively: 分别/分列 give one place to each listed name in
// order, and nothing when a name is missing; 排在第N位的是X gives the place
// to X or to nobody.
func TestRanksRespectively(t *testing.T) {
	r := extractBody(t, "<p>在中国动力电池市场，宁德时代和比亚迪分列第一和第二位。</p><p>在中国教育市场，岚峰某某和华图教育分别位列第一和第二，排在第三位的是岚舟某某。</p>")
	for name, rank := range map[string]int{"宁德时代": 1, "比亚迪": 2} {
		if rel := findRelation(r, name, schema.RanksIn, "中国动力电池市场"); rel == nil || rel.Rank != rank {
			t.Errorf("want %s ranked %d, got %s", name, rank, relationList(r))
		}
	}
	for _, rel := range r.Relations {
		if rel.Predicate == schema.RanksIn && rel.Object != "中国动力电池市场" {
			t.Errorf("a place whose holder is unknown went to %s: %s", rel.Subject, relationList(r))
		}
	}
}

// TestFollowOnInvestorList: the investors listed after 跟投方包括 invest in
// the company funded.
func TestFollowOnInvestorList(t *testing.T) {
	r := extractBody(t, "<p>岚峰科技宣布获2250万美元融资，由Nova Partners领投，跟投方包括老股东Monk's Hill Ventures、岚舟资本等。</p>")
	for _, inv := range []string{"Nova Partners", "Monk's Hill Ventures", "岚舟资本"} {
		if findRelation(r, inv, schema.Invests, "岚峰科技") == nil {
			t.Errorf("want %s invests 岚峰科技, got %s (entities %s)", inv, relationList(r), entityNames(r))
		}
	}
}

// TestPartnerVerbQualifyingNoun: 合作 glued to a Latin noun (合作IP)
// qualifies it; the companies before are not said to partner each other.
func TestPartnerVerbQualifyingNoun(t *testing.T) {
	r := extractBody(t, "<p>目前岚峰科技和岚舟科技合作IP或品牌方的情况各不相同。岚峰科技与岚舟科技达成合作。</p>")
	rel := findRelation(r, "岚峰科技", schema.PartnersWith, "岚舟科技")
	if rel == nil || strings.Contains(rel.Evidence, "合作IP") {
		t.Errorf("want the partnership from 达成合作 only, got %+v (%s)", rel, relationList(r))
	}
}
