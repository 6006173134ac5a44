package extract

import (
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
