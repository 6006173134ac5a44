package graph

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/schema"
)

func TestPath(t *testing.T) {
	st := loaded(t)
	tests := []struct {
		from, to string
		depth    int
		want     []string // each path as WriteText prints it
	}{
		{"红杉中国", "腾讯云", 4, []string{"红杉中国 —invests→ 某云初创 —partnersWith→ 腾讯云"}},
		// against the stored direction, and through an alias (华为 is 华为云's
		// alias but also its own entity, which wins)
		{"阿里云", "华为", 4, []string{"阿里云 ←competesWith— 华为云 —partOf→ 华为"}},
		{"中国IaaS公有云市场", "阿里云", 4, []string{"中国IaaS公有云市场 ←ranksIn— 阿里云"}},
		// two equally short ways
		{"中国IaaS公有云市场", "华为", 2, []string{"中国IaaS公有云市场 ←ranksIn— 华为云 —partOf→ 华为"}},
		{"华为云", "中国IaaS公有云市场", 1, []string{"华为云 —ranksIn→ 中国IaaS公有云市场"}},
		{"红杉中国", "腾讯云", 1, nil}, // too far
		{"疫情", "阿里云", 4, nil},   // not connected
		{"华为云", "华为云", 4, []string{"华为云"}},
	}
	for _, tc := range tests {
		t.Run(tc.from+"→"+tc.to, func(t *testing.T) {
			ps, err := st.Path(tc.from, tc.to, tc.depth)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps {
				var b bytes.Buffer
				if err := p.WriteText(&b); err != nil {
					t.Fatal(err)
				}
				got = append(got, strings.TrimSpace(b.String()))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("paths:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestPathUnknownEntity(t *testing.T) {
	st := loaded(t)
	if _, err := st.Path("阿里", "华为云", 3); !isNotFound(err) {
		t.Errorf("err = %v, want NotFoundError", err)
	}
}

// TestPathAllShortest checks that the two-ended search finds every shortest
// path, however the ends are placed: a chain with a diamond in the middle.
func TestPathAllShortest(t *testing.T) {
	st, _ := openTemp(t)
	r := &extract.Result{Doc: extract.Doc{ID: "chain", Title: "链"}}
	for _, n := range []string{"甲", "乙", "丙1", "丙2", "丁", "戊", "己"} {
		r.Entities = append(r.Entities, extract.Entity{Name: n, Type: schema.Company})
	}
	edge := func(s string, p schema.Predicate, o string) {
		r.Relations = append(r.Relations, extract.Relation{Subject: s, Predicate: p, Object: o, Evidence: s + o})
	}
	edge("甲", schema.PartnersWith, "乙")
	edge("乙", schema.Invests, "丙1")
	edge("乙", schema.Invests, "丙2")
	edge("丁", schema.Acquires, "丙1")
	edge("丁", schema.Acquires, "丙2")
	edge("丁", schema.PartnersWith, "戊")
	edge("己", schema.Drives, "戊")
	if _, err := st.PutArticle(r); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		from, to string
		depth    int
		want     []string
	}{
		{"甲", "己", 6, []string{
			"甲 —partnersWith→ 乙 —invests→ 丙1 ←acquires— 丁 —partnersWith→ 戊 ←drives— 己",
			"甲 —partnersWith→ 乙 —invests→ 丙2 ←acquires— 丁 —partnersWith→ 戊 ←drives— 己"}},
		{"己", "乙", 6, []string{
			"己 —drives→ 戊 ←partnersWith— 丁 —acquires→ 丙1 ←invests— 乙",
			"己 —drives→ 戊 ←partnersWith— 丁 —acquires→ 丙2 ←invests— 乙"}},
		{"甲", "己", 4, nil},
		{"甲", "丁", 3, []string{
			"甲 —partnersWith→ 乙 —invests→ 丙1 ←acquires— 丁",
			"甲 —partnersWith→ 乙 —invests→ 丙2 ←acquires— 丁"}},
	}
	for _, tc := range tests {
		ps, err := st.Path(tc.from, tc.to, tc.depth)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range ps {
			var b bytes.Buffer
			p.WriteText(&b)
			got = append(got, strings.TrimSpace(b.String()))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s → %s (%d): got\n%s\nwant\n%s", tc.from, tc.to, tc.depth, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
