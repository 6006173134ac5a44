package extract

import (
	"strings"
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

func TestEntities(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   map[string]schema.Type // entities that must be found
		absent []string               // names that must not be entities
	}{
		{
			name: "anchor kept and extended to the cloud unit",
			body: `<p><a class="project-link" data-name="阿里云">阿里云</a>和<a class="project-link" data-name="腾讯">腾讯</a>云的收入均有增长。</p>`,
			want: map[string]schema.Type{"阿里云": schema.Company, "腾讯云": schema.Company},
		},
		{
			name:   "anchor inside a verb phrase is dropped",
			body:   `<p>随着局势逐渐<a class="project-link" data-name="得到">得到</a>控制，消费开始回暖。</p>`,
			absent: []string{"得到"},
		},
		{
			name:   "anchor cutting a word is dropped",
			body:   `<p>互联<a class="project-link" data-name="网音">网音</a>视频平台用户持续增长。</p>`,
			absent: []string{"网音"},
		},
		{
			name:   "anchor ending in a generic head is dropped",
			body:   `<p>这是基础<a class="project-link" data-name="云领域">云领域</a>的新变化。</p>`,
			absent: []string{"云领域"},
		},
		{
			name: "names read back from company endings",
			body: "<p>本轮投资方包括澜舟资本、禾岳鑫基金等机构。</p>",
			want: map[string]schema.Type{"澜舟资本": schema.Company, "禾岳鑫基金": schema.Company},
		},
		{
			name:   "a kind of company is not a name",
			body:   "<p>越来越多的互联网公司和科技公司开始布局汽车业务。</p>",
			absent: []string{"互联网公司", "科技公司"},
		},
		{
			name: "person next to a role, organization by ending",
			body: "<p>中国软件行业协会副秘书长李振华表示，行业仍处在早期。</p>",
			want: map[string]schema.Type{"李振华": schema.Person, "中国软件行业协会": schema.Organization},
		},
		{
			name:   "policy in book-title marks, but not a talk title",
			body:   "<p>工信部印发《关于推进数据中心绿色发展的指导意见》。会上，他发表了题为《云计算产业发展规划》的演讲。</p>",
			want:   map[string]schema.Type{"关于推进数据中心绿色发展的指导意见": schema.Policy, "工信部": schema.Organization},
			absent: []string{"云计算产业发展规划"},
		},
		{
			name:   "market phrases",
			body:   "<p>中国SaaS市场规模持续扩大，非公有云市场同样增长。企业的市场需求旺盛。</p>",
			want:   map[string]schema.Type{"中国SaaS市场": schema.Market, "非公有云市场": schema.Market},
			absent: []string{"企业的市场"},
		},
		{
			name: "Latin names keep their case",
			body: "<p>据Gartner统计，AWS与Northvolt合作。</p>",
			want: map[string]schema.Type{"Gartner": schema.Organization, "AWS": schema.Company, "Northvolt": schema.Company},
		},
		{
			name:   "generic words alone are not entities",
			body:   "<p>行业整体承压，市场和企业都在观望，厂商纷纷降价。</p>",
			absent: []string{"行业", "市场", "企业", "厂商"},
		},
		{
			name: "a quoted company doing business",
			body: `<p>据悉，"星途乐学"正式宣布完成A轮融资。</p>`,
			want: map[string]schema.Type{"星途乐学": schema.Company},
		},
		{
			name: "a quoted speaker",
			body: "<p>但「星图研究」认为，这一趋势难以持续。</p>",
			want: map[string]schema.Type{"星图研究": schema.Company},
		},
		{
			name: "quoted name after a company word, product after a category",
			body: `<p>健康科技企业“镁安健康”推出纯电动汽车“星舰7”。</p>`,
			want: map[string]schema.Type{"镁安健康": schema.Company, "星舰7": schema.Product},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			for n, typ := range tc.want {
				e := findEntity(r, n)
				if e == nil || e.Type != typ {
					t.Errorf("want %s (%s); got %s", n, typ, entityNames(r))
				}
			}
			for _, n := range tc.absent {
				if e := findEntity(r, n); e != nil {
					t.Errorf("did not want %s; got %s", n, entityNames(r))
				}
			}
		})
	}
}

func TestEntityResolution(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		canonical string
		aliases   []string
		mentions  int
		absent    []string
	}{
		{
			name:      "sector with and without 行业",
			body:      "<p>汽车行业正在变化。汽车销量回升，汽车产业链受益。</p>",
			canonical: "汽车", aliases: []string{"汽车行业"}, mentions: 3,
		},
		{
			name:      "short form of a quoted company",
			body:      `<p>医疗科技企业“镁安健康”完成融资。除镁安外，其他企业也在融资。</p>`,
			canonical: "镁安健康", aliases: []string{"镁安"}, mentions: 2,
		},
		{
			name:      "market with and without the country",
			body:      "<p>中国SaaS市场增长迅速。SaaS市场的头部厂商优势明显。国内SaaS市场仍然分散。</p>",
			canonical: "中国SaaS市场", aliases: []string{"SaaS市场", "国内SaaS市场"}, mentions: 3,
		},
		{
			name:      "a second name in brackets",
			body:      "<p>该公司推出大型车“星河悍马”（Galaxy Hummer）。</p>",
			canonical: "星河悍马", aliases: []string{"Galaxy Hummer"}, mentions: 2,
		},
		{
			name:      "cloud unit linked by its brand",
			body:      `<p><a class="project-link" data-name="华为">华为</a>云增长最快。</p>`,
			canonical: "华为云", aliases: []string{"华为"}, mentions: 1,
			absent: []string{"华为"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			e := findEntity(r, tc.canonical)
			if e == nil || e.Name != tc.canonical {
				t.Fatalf("want canonical %s; got %s", tc.canonical, entityNames(r))
			}
			have := strings.Join(e.Aliases, ",")
			for _, a := range tc.aliases {
				if !strings.Contains(","+have+",", ","+a+",") {
					t.Errorf("%s aliases %v, want %s among them", e.Name, e.Aliases, a)
				}
			}
			if e.Mentions != tc.mentions {
				t.Errorf("%s mentions = %d, want %d", e.Name, e.Mentions, tc.mentions)
			}
			for _, n := range tc.absent {
				for _, x := range r.Entities {
					if x.Name == n {
						t.Errorf("%s should be an alias, not an entity of its own: %s", n, entityNames(r))
					}
				}
			}
		})
	}
}
