package graph

import (
	"bytes"
	"strings"
	"testing"
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
