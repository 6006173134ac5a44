package schema

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"华为云", "华为云"},
		{"ＩａａＳ 公有云", "iaas公有云"}, // full-width Latin and a space
		{"《工业互联网创新发展行动计划》", "工业互联网创新发展行动计划"},
		{"「镁信健康」", "镁信健康"},
		{"AWS", "aws"},
		{"行动计划（2021-2023年）", "行动计划(2021-2023年)"}, // NFKC folds full-width brackets
	}
	for _, tc := range tests {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestVocabRoundTrip(t *testing.T) {
	for _, base := range []string{"", "https://example.org/kg", "https://example.org/kg#"} {
		v := NewVocab(base)
		if id, ok := v.ArticleID(v.Article("36kr-zixun-002")); !ok || id != "36kr-zixun-002" {
			t.Errorf("base %q: ArticleID = %q, %v", base, id, ok)
		}
		if k, ok := v.EntityKey(v.Entity("中国 IaaS公有云市场")); !ok || k != "中国iaas公有云市场" {
			t.Errorf("base %q: EntityKey = %q, %v", base, k, ok)
		}
		if v.Entity("ＡＷＳ") != v.Entity("aws") {
			t.Errorf("base %q: full-width and half-width names give different IRIs", base)
		}
		if !v.IsMetricNode(v.MetricNode("a", "x")) || v.IsMetricNode(v.Entity("x")) {
			t.Errorf("base %q: IsMetricNode", base)
		}
		if v.Statement("a", "s", "p", "o") == v.Statement("b", "s", "p", "o") {
			t.Errorf("base %q: statements of two articles share an IRI", base)
		}
	}
	if !Company.Valid() || Type("Vendor").Valid() || !RanksIn.Valid() || Predicate("likes").Valid() {
		t.Error("Valid")
	}
	if !CompetesWith.Symmetric() || RanksIn.Symmetric() {
		t.Error("Symmetric")
	}
}
