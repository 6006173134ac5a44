package extract

import (
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

func TestPartOfRelations(t *testing.T) {
	tests := []struct {
		name, body, part, whole string
		want                    bool
	}{
		{"upgraded to a unit of the owner", "<p>钉钉升级为阿里巴巴智能协同业务板块后，发布了新版本。</p>", "钉钉", "阿里巴巴", true},
		{"a wholly owned subsidiary", "<p>京东云是京东集团的全资子公司。</p>", "京东云", "京东集团", true},
		{"belongs to", "<p>火山引擎隶属于字节跳动。</p>", "火山引擎", "字节跳动", true},
		{"owner's brand", "<p>小米旗下的Redmi发布新机，腾讯也有动作。</p>", "Redmi", "小米", true},
		{"being something else is no part", "<p>阿里云是腾讯最大的对手。</p>", "阿里云", "腾讯", false},
		{"a list between owner and unit", "<p>百度云成为腾讯、华为和阿里巴巴的合作伙伴品牌。</p>", "百度云", "腾讯", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			got := findRelation(r, tc.part, schema.PartOf, tc.whole) != nil
			if got != tc.want {
				t.Errorf("%s partOf %s = %v, want %v; relations: %s; entities: %s", tc.part, tc.whole, got, tc.want, relationList(r), entityNames(r))
			}
		})
	}
}
