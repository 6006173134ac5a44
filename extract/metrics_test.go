package extract

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kgbgraph/kgb/schema"
)

// sent builds a sentence with mentions found by name (type after a colon:
// "星辰科技:Company"); each name is marked at its first occurrence.
func sent(t *testing.T, text string, names ...string) sentence {
	t.Helper()
	s := sentence{Text: text}
	for _, n := range names {
		name, typ, _ := strings.Cut(n, ":")
		i := strings.Index(text, name)
		if i < 0 {
			t.Fatalf("%q not in %q", name, text)
		}
		s.Mentions = append(s.Mentions, mention{Start: i, End: i + len(name), Name: name, Type: schema.Type(typ)})
	}
	return s
}

func TestFindMetrics(t *testing.T) {
	lx, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	d2023 := time.Date(2023, 5, 4, 0, 0, 0, 0, time.UTC)
	type step struct {
		s       sentence
		heading string
		block   int
	}
	cases := []struct {
		name  string
		date  time.Time
		steps []step
		want  []Metric // Evidence not compared
	}{
		{
			name:  "market size with source and growth",
			steps: []step{{s: sent(t, "据蓝鲸研究统计，2022年中国智能音箱市场规模达到1250.5亿元，增速接近35%。", "蓝鲸研究:Organization", "中国智能音箱市场:Market")}},
			want: []Metric{
				{Subject: "中国智能音箱市场", Measure: "市场规模", Value: 125050000000, Unit: "CNY", Period: "2022"},
				{Subject: "中国智能音箱市场", Measure: "增速", Value: 35, Unit: "percent", Period: "2022", Approx: true},
			},
		},
		{
			name:  "a described, quoted company owns its funding, not the sector before it",
			steps: []step{{s: sent(t, "养老科技企业“栖蓝健康”再度完成超3亿元B轮融资。", "养老:Industry", "栖蓝健康:Company")}},
			want:  []Metric{{Subject: "栖蓝健康", Measure: "融资", Value: 300000000, Unit: "CNY", Approx: true}},
		},
		{
			name: "a product after its own market stands for the market",
			steps: []step{{s: func() sentence {
				// the market's mention reads 热泵市场 but names 欧洲热泵市场
				text := "欧洲是最大的热泵市场，预计2026年热泵销量将达到900万台。"
				s := sent(t, text, "欧洲:Region", "热泵市场:Market")
				s.Mentions[1].Name = "欧洲热泵市场"
				i := strings.LastIndex(text, "热泵")
				s.Mentions = append(s.Mentions, mention{Start: i, End: i + len("热泵"), Name: "热泵", Type: schema.Technology})
				return s
			}()}},
			want: []Metric{{Subject: "欧洲热泵市场", Measure: "销量", Value: 9000000, Unit: "count", Period: "2026"}},
		},
		{
			name:  "fall keeps its number, measure says the direction",
			steps: []step{{s: sent(t, "月光汽车2023年一季度销量同比下降11%。", "月光汽车:Company")}},
			want:  []Metric{{Subject: "月光汽车", Measure: "同比下降", Value: 11, Unit: "percent", Period: "2023-Q1"}},
		},
		{
			name:  "years, ordinals and ranks are not figures",
			steps: []step{{s: sent(t, "星辰科技在2023年排名第3，位列全国前10。", "星辰科技:Company")}},
		},
		{
			name:  "no subject, no metric",
			steps: []step{{s: sent(t, "销量达到3万辆。")}},
		},
		{
			name: "heading gives the period",
			steps: []step{{
				s:       sent(t, "星辰科技的营收为3.2亿元。", "星辰科技:Company"),
				heading: "2022年行业回顾",
			}},
			want: []Metric{{Subject: "星辰科技", Measure: "营收", Value: 320000000, Unit: "CNY", Period: "2022"}},
		},
		{
			name:  "今年 against the article date, approx",
			date:  d2023,
			steps: []step{{s: sent(t, "星辰科技今年的营收预计超过5亿元。", "星辰科技:Company")}},
			want:  []Metric{{Subject: "星辰科技", Measure: "营收", Value: 500000000, Unit: "CNY", Period: "2023", Approx: true}},
		},
		{
			name:  "no time word: no period from the article date alone",
			date:  d2023,
			steps: []step{{s: sent(t, "星辰科技的门店数量为120家。", "星辰科技:Company")}},
			want:  []Metric{{Subject: "星辰科技", Measure: "门店数量", Value: 120, Unit: "count"}},
		},
		{
			name:  "分别 over a year range, unit written once",
			steps: []step{{s: sent(t, "2020年~2022年，星辰科技的营收分别为1.2亿、2.5亿和4.1亿元。", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "星辰科技", Measure: "营收", Value: 120000000, Unit: "CNY", Period: "2020"},
				{Subject: "星辰科技", Measure: "营收", Value: 250000000, Unit: "CNY", Period: "2021"},
				{Subject: "星辰科技", Measure: "营收", Value: 410000000, Unit: "CNY", Period: "2022"},
			},
		},
		{
			name:  "from-to over a range, rate over the span",
			steps: []step{{s: sent(t, "2020年~2022年，月光电池的出货量从2.5GWh增长至8.1GWh，复合年增长率为80%。", "月光电池:Company")}},
			want: []Metric{
				{Subject: "月光电池", Measure: "出货量", Value: 2.5, Unit: "GWh", Period: "2020"},
				{Subject: "月光电池", Measure: "出货量", Value: 8.1, Unit: "GWh", Period: "2022"},
				{Subject: "月光电池", Measure: "复合年增长率", Value: 80, Unit: "percent", Period: "2020/2022"},
			},
		},
		{
			name: "subject and period carry into the next sentence",
			steps: []step{
				{s: sent(t, "星辰科技2022年营收为3亿元。", "星辰科技:Company")},
				{s: sent(t, "其中，海外收入占比为40%。")},
			},
			want: []Metric{
				{Subject: "星辰科技", Measure: "营收", Value: 300000000, Unit: "CNY", Period: "2022"},
				{Subject: "星辰科技", Measure: "收入占比", Value: 40, Unit: "percent", Period: "2022"},
			},
		},
		{
			name:  "the compared entity is not the subject",
			steps: []step{{s: sent(t, "受疫情影响，月光汽车的销量仅为3万辆，远低于星辰汽车。", "疫情:Trend", "月光汽车:Company", "星辰汽车:Company")}},
			want:  []Metric{{Subject: "月光汽车", Measure: "销量", Value: 30000, Unit: "count"}},
		},
		{
			name:  "share: the whole after 占 is not the subject",
			steps: []step{{s: sent(t, "星辰手机2022年的销量是120万台，占中国手机市场的约9成。", "星辰手机:Product", "中国手机市场:Market")}},
			want: []Metric{
				{Subject: "星辰手机", Measure: "销量", Value: 1200000, Unit: "count", Period: "2022"},
				{Subject: "星辰手机", Measure: "销量占比", Value: 90, Unit: "percent", Period: "2022", Approx: true},
			},
		},
		{
			name:  "a description before the name",
			steps: []step{{s: sent(t, "储能独角兽月光电池完成超20亿元C轮融资。", "储能:Technology", "月光电池:Company")}},
			want:  []Metric{{Subject: "月光电池", Measure: "融资", Value: 2e9, Unit: "CNY", Approx: true}},
		},
		{
			name:  "coordinated subjects share a figure",
			steps: []step{{s: sent(t, "星辰汽车和月光汽车的月供货量超过1万辆。", "星辰汽车:Company", "月光汽车:Company")}},
			want: []Metric{
				{Subject: "星辰汽车", Measure: "供货量", Value: 10000, Unit: "count", Approx: true},
				{Subject: "月光汽车", Measure: "供货量", Value: 10000, Unit: "count", Approx: true},
			},
		},
		{
			name:  "index, multiple, currency, spaced digits",
			steps: []step{{s: sent(t, "长三角数字化指数均值为17.5，星辰科技的用户数增长了3倍，在 2020 年完成海外销售收入 2.5 亿美元。", "长三角:Region", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "长三角", Measure: "指数均值", Value: 17.5, Unit: "index"},
				{Subject: "星辰科技", Measure: "用户数增长", Value: 3, Unit: "times"},
				{Subject: "星辰科技", Measure: "销售收入", Value: 250000000, Unit: "USD", Period: "2020"},
			},
		},
		{
			name:  "years in a title date the title, not the figure",
			steps: []step{{s: sent(t, "《星辰行动计划（2021-2023年）》提出，星辰科技要开设100家门店。", "星辰行动计划（2021-2023年）:Policy", "星辰科技:Company")}},
			want:  []Metric{{Subject: "星辰科技", Measure: "门店", Value: 100, Unit: "count"}},
		},
		{
			name:  "a multiple of another entity is a comparison, not a metric",
			steps: []step{{s: sent(t, "星辰汽车和月光汽车的销量分别是云帆汽车的3.5倍和2.1倍。", "星辰汽车:Company", "月光汽车:Company", "云帆汽车:Company")}},
		},
		{
			name:  "a reporting organization does not own the figure",
			steps: []step{{s: sent(t, "蓝鲸研究数据显示，全国数字钱包数量已达到1.4亿个。", "蓝鲸研究:Organization")}},
		},
		{
			name:  "the head after an example frame, a voucher amount skipped",
			steps: []step{{s: sent(t, "以星辰科技为代表的智能硬件行业表现突出，在2022年平均增长15.5%，并发放2000元红包。", "星辰科技:Company", "智能硬件:Industry")}},
			want:  []Metric{{Subject: "智能硬件", Measure: "增长", Value: 15.5, Unit: "percent", Period: "2022"}},
		},
		{
			name: "a product kind's share belongs to the company carried over",
			steps: []step{
				{s: sent(t, "月光汽车2022年销量为20万辆。", "月光汽车:Company")},
				{s: sent(t, "虽然纯电动汽车比率仅为1%，但股价上涨7成。", "纯电动汽车:Technology")},
			},
			want: []Metric{
				{Subject: "月光汽车", Measure: "销量", Value: 200000, Unit: "count", Period: "2022"},
				{Subject: "月光汽车", Measure: "比率", Value: 1, Unit: "percent", Period: "2022"},
				{Subject: "月光汽车", Measure: "股价上涨", Value: 70, Unit: "percent", Period: "2022"},
			},
		},
		{
			name:  "counts of listed items describe, counts of firms measure",
			steps: []step{{s: sent(t, "星辰科技售价29.9元的卡包每包8张，共120张；全国共有56家星辰科技经销商。", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "星辰科技", Measure: "售价", Value: 29.9, Unit: "CNY"},
				{Subject: "星辰科技", Measure: "数量", Value: 56, Unit: "count"},
			},
		},
		{
			name: "a time phrase does not carry past the next paragraph",
			steps: []step{
				{s: sent(t, "星辰科技2019年营收为3亿元。", "星辰科技:Company"), block: 1},
				{s: sent(t, "星辰科技的毛利率为30%。", "星辰科技:Company"), block: 2},
				{s: sent(t, "星辰科技的净利率为8%。", "星辰科技:Company"), block: 4},
				{s: sent(t, "星辰科技2019年营收为3亿元。", "星辰科技:Company"), block: 5},
				{s: sent(t, "目前，星辰科技拥有320家门店。", "星辰科技:Company"), block: 5},
			},
			want: []Metric{
				{Subject: "星辰科技", Measure: "营收", Value: 3e8, Unit: "CNY", Period: "2019"},
				{Subject: "星辰科技", Measure: "毛利率", Value: 30, Unit: "percent", Period: "2019"},
				{Subject: "星辰科技", Measure: "净利率", Value: 8, Unit: "percent"},
				{Subject: "星辰科技", Measure: "营收", Value: 3e8, Unit: "CNY", Period: "2019"},
				{Subject: "星辰科技", Measure: "门店", Value: 320, Unit: "count"},
			},
		},
		{
			name:  "a growth rate spans the two years before it; scaled values are exact",
			steps: []step{{s: sent(t, "月光动漫于2013年成立，2017年收入为2.28万元，到2019年增长至6558.66万元，复合增长率达79.27%。", "月光动漫:Company")}},
			want: []Metric{
				{Subject: "月光动漫", Measure: "收入", Value: 22800, Unit: "CNY", Period: "2017"},
				{Subject: "月光动漫", Measure: "收入", Value: 65586600, Unit: "CNY", Period: "2019"},
				{Subject: "月光动漫", Measure: "复合增长率", Value: 79.27, Unit: "percent", Period: "2017/2019"},
			},
		},
		{
			name: "a region-qualified kind takes the fuller name the article uses",
			steps: []step{
				{s: sent(t, "中国光伏设备行业发展迅速。", "中国光伏设备行业:Industry")},
				{s: sent(t, "中国大陆32家主要光伏设备制造商完成销售收入120亿元。", "中国:Region", "光伏设备:Technology")},
			},
			want: []Metric{
				{Subject: "中国光伏设备行业", Measure: "数量", Value: 32, Unit: "count"},
				{Subject: "中国光伏设备行业", Measure: "销售收入", Value: 1.2e10, Unit: "CNY"},
			},
		},
		{
			name:  "a headline's source tag is a clause of its own; a later relative year does not date the figure",
			steps: []step{{s: sent(t, "36氪首发| HR SaaS服务商「星辰招聘」获2250万美元C轮融资，去年收入增长超一倍", "36氪:Company", "SaaS:Technology", "星辰招聘:Company")}},
			date:  d2023,
			want:  []Metric{{Subject: "星辰招聘", Measure: "融资", Value: 22500000, Unit: "USD"}},
		},
		{
			name: "a cleft names the topic the next sentence continues",
			steps: []step{
				{s: sent(t, "在国内，增长最快的是第2位的月光汽车。", "月光汽车:Company")},
				{s: sent(t, "全年销量达到59万辆。")},
			},
			want: []Metric{{Subject: "月光汽车", Measure: "年销量", Value: 590000, Unit: "count"}},
		},
		{
			name: "其 with nothing to carry is the article's main company",
			steps: []step{
				{s: sent(t, "星辰电池与月光电池竞争。", "星辰电池:Company", "月光电池:Company")},
				{s: sent(t, "星辰电池扩产。", "星辰电池:Company")},
				{s: sent(t, "星辰电池上市。", "星辰电池:Company")},
				{s: sent(t, "星辰电池和月光电池都在扩产，星辰电池更快。", "星辰电池:Company", "月光电池:Company", "星辰电池:Company")},
				{s: sent(t, "根据招股书，其电池单价为0.87元/Wh。"), block: 3},
			},
			want: []Metric{{Subject: "星辰电池", Measure: "单价", Value: 0.87, Unit: "CNY/Wh"}},
		},
		{
			name: "a sentence opening with an unknown name does not inherit the subject",
			steps: []step{
				{s: sent(t, "星辰通信上半年实现营收120亿元。", "星辰通信:Company")},
				{s: sent(t, "实现净利润1.5亿元。")},
				{s: sent(t, "长飞上半年实现营收43.5亿元。")},
				{s: sent(t, "实现净利润4.79亿元。")},
			},
			want: []Metric{
				{Subject: "星辰通信", Measure: "营收", Value: 1.2e10, Unit: "CNY"},
				{Subject: "星辰通信", Measure: "净利润", Value: 1.5e8, Unit: "CNY"},
			},
		},
		{
			name:  "a name right before the figure owns it; a source does not",
			date:  d2023,
			steps: []step{{s: sent(t, "从信通院的数据来看，今年1月星辰手机的降幅为3.5%，远低于整体手机市场17.7%的降幅。", "信通院:Organization", "星辰手机:Product", "整体手机市场:Market")}},
			want: []Metric{
				{Subject: "星辰手机", Measure: "降幅", Value: 3.5, Unit: "percent", Period: "2023-01"},
				{Subject: "整体手机市场", Measure: "降幅", Value: 17.7, Unit: "percent", Period: "2023-01"},
			},
		},
		{
			name:  "分别 with a name missing: which figure is whose cannot be told",
			steps: []step{{s: sent(t, "星辰、月光、云帆三家可分别获得6亿元、3.3亿元、3亿元的收入。", "星辰:Company", "月光:Company")}},
		},
		{
			name:  "a person named after the company that owns them owns the figure",
			steps: []step{{s: sent(t, "岚峰公司的杰夫·贝索斯身家达1930亿美元。", "岚峰公司:Company", "杰夫·贝索斯:Person")}},
			want:  []Metric{{Subject: "杰夫·贝索斯", Measure: "身家", Value: 1.93e11, Unit: "USD"}},
		},
		{
			name:  "the year of a change's starting figure is not the new figure's",
			steps: []step{{s: sent(t, "星辰科技发布的2021年业绩报告显示，其年度亏损由2020年的5.5亿元升至32.9亿元。", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "星辰科技", Measure: "亏损", Value: 5.5e8, Unit: "CNY", Period: "2020"},
				{Subject: "星辰科技", Measure: "亏损", Value: 3.29e9, Unit: "CNY", Period: "2021"},
			},
		},
		{
			name:  "a figure reached by a change (增长到, 涨至) measures the noun before",
			steps: []step{{s: sent(t, "到了2020年底，星辰科技员工人数增长到3603人，股价一度涨至4.52港元/股，营收增长20%。", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "星辰科技", Measure: "员工", Value: 3603, Unit: "count", Period: "2020"},
				{Subject: "星辰科技", Measure: "股价", Value: 4.52, Unit: "HKD/share", Period: "2020"},
				{Subject: "星辰科技", Measure: "营收增长", Value: 20, Unit: "percent", Period: "2020"},
			},
		},
		{
			name:  "a share named only inside the share phrase",
			steps: []step{{s: sent(t, "2021年星辰科技收入4.26亿元，同比193.6%，占订阅收入比重从2020年的20.2%提升至36%。", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "星辰科技", Measure: "收入", Value: 4.26e8, Unit: "CNY", Period: "2021"},
				{Subject: "星辰科技", Measure: "同比", Value: 193.6, Unit: "percent", Period: "2021"},
				{Subject: "星辰科技", Measure: "收入占比", Value: 20.2, Unit: "percent", Period: "2020"},
				{Subject: "星辰科技", Measure: "收入占比", Value: 36, Unit: "percent", Period: "2021"},
			},
		},
		{
			name: "a place scoping a company's description is not the owner; 其 is the company just named",
			steps: []step{
				{s: sent(t, "星辰科技2021年营收约为30亿元，市场占有率第一。", "星辰科技:Company")},
				{s: sent(t, "也有一些平台赚取高额利润，如国内头部的交易平台月光网，据了解，其去年GMV超过6亿元。", "国内:Region", "月光网:Company")},
			},
			want: []Metric{
				{Subject: "星辰科技", Measure: "营收", Value: 3e9, Unit: "CNY", Period: "2021", Approx: true},
				{Subject: "月光网", Measure: "GMV", Value: 6e8, Unit: "CNY", Period: "2021", Approx: true},
			},
		},
		{
			name:  "what holdings are worth (价值) and an oversubscription (超募)",
			steps: []step{{s: sent(t, "按照3000元/分的交易价格换算，星辰科技2020年所获得的86.03万积分，价值高达25.8亿元，比期初设置的规模超募75%。", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "星辰科技", Measure: "价值", Value: 2.58e9, Unit: "CNY", Period: "2020"},
				{Subject: "星辰科技", Measure: "超募", Value: 75, Unit: "percent", Period: "2020"},
			},
		},
		{
			name:  "a percentage of an amount named after it is a share",
			steps: []step{{s: sent(t, "星辰科技以培训起家，目前业务贡献其50%以上营收。", "星辰科技:Company")}},
			want:  []Metric{{Subject: "星辰科技", Measure: "营收占比", Value: 50, Unit: "percent", Approx: true}},
		},
		{
			name:  "a percentage after an amount named in the clause before is its share",
			steps: []step{{s: sent(t, "星辰科技2021年营收约60亿元，其中约70%来自海外，剩余不到30%来自国内。", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "星辰科技", Measure: "营收", Value: 6e9, Unit: "CNY", Period: "2021", Approx: true},
				{Subject: "星辰科技", Measure: "营收占比", Value: 70, Unit: "percent", Period: "2021", Approx: true},
				{Subject: "星辰科技", Measure: "营收占比", Value: 30, Unit: "percent", Period: "2021", Approx: true},
			},
		},
		{
			name:  "a process node no word measures is no figure",
			steps: []step{{s: sent(t, "星辰科技声称，从7nm到5nm再到3nm，每提高一个制程，三年时间里大概要投入1000亿美元。", "星辰科技:Company")}},
			want:  []Metric{{Subject: "星辰科技", Measure: "金额", Value: 1e11, Unit: "USD"}},
		},
		{
			name:  "a count right after a list whose items carry asides is the list's size",
			steps: []step{{s: sent(t, "用户可选择工行、星辰银行（星付）、月光银行（月信）9家运营机构开通钱包。", "星辰银行:Company", "月光银行:Company")}},
		},
		{
			name:  "the means and the speaker are not the earner",
			steps: []step{{s: sent(t, "蓝鲸商会会长李明认为，只造电动车的月光汽车通过自动驾驶软件获得了超过8000万元的营收，并抢过200元的红包。", "蓝鲸商会:Organization", "李明:Person", "电动车:Technology", "月光汽车:Company", "自动驾驶:Technology")}},
			want:  []Metric{{Subject: "月光汽车", Measure: "营收", Value: 8e7, Unit: "CNY", Approx: true}},
		},
		{
			name: "the investor is not the company valued; a price class is no figure",
			steps: []step{
				{s: sent(t, "星辰科技2021年营收约为30亿元。", "星辰科技:Company")},
				{s: sent(t, "同时公司还获蓝海资本投资，估值达10亿美元，主打4000元价位段产品，号称御三家之一。", "蓝海资本:Company")},
			},
			want: []Metric{
				{Subject: "星辰科技", Measure: "营收", Value: 3e9, Unit: "CNY", Period: "2021", Approx: true},
				{Subject: "星辰科技", Measure: "估值", Value: 1e9, Unit: "USD", Period: "2021"},
			},
		},
		{
			name:  "a region before a measure inside the clause says where, not whose",
			steps: []step{{s: sent(t, "星辰政府要求车企生产电动车，提出了在2035年之前达到国内销量5成的目标。", "星辰政府:Organization", "国内:Region")}},
			want:  []Metric{{Subject: "星辰政府", Measure: "销量", Value: 50, Unit: "percent", Period: "2035"}},
		},
		{
			name: "a target year dates its own sentence only",
			steps: []step{
				{s: sent(t, "星辰科技2021年销量为20万辆。", "星辰科技:Company")},
				{s: sent(t, "星辰科技计划到2025年销量达到100万辆。", "星辰科技:Company")},
				{s: sent(t, "星辰科技的毛利率为15%。", "星辰科技:Company")},
			},
			want: []Metric{
				{Subject: "星辰科技", Measure: "销量", Value: 200000, Unit: "count", Period: "2021"},
				{Subject: "星辰科技", Measure: "销量", Value: 1000000, Unit: "count", Period: "2025"},
				{Subject: "星辰科技", Measure: "毛利率", Value: 15, Unit: "percent", Period: "2021"},
			},
		},
		{
			name: "截止到 a date is a state, and carries",
			steps: []step{
				{s: sent(t, "截止到2021年上半年，中国云市场规模达到123.1亿美元。", "中国云市场:Market")},
				{s: sent(t, "其中IaaS市场同比增长47.5%。", "IaaS市场:Market")},
			},
			want: []Metric{
				{Subject: "中国云市场", Measure: "市场规模", Value: 12310000000, Unit: "USD", Period: "2021-H1"},
				{Subject: "IaaS市场", Measure: "同比增长", Value: 47.5, Unit: "percent", Period: "2021-H1"},
			},
		},
		{
			name:  "a comma list after 分别",
			steps: []step{{s: sent(t, "2018年到2020年，星辰科技的毛利率分别为56.6%，59.5%和66.5%。", "星辰科技:Company")}},
			want: []Metric{
				{Subject: "星辰科技", Measure: "毛利率", Value: 56.6, Unit: "percent", Period: "2018"},
				{Subject: "星辰科技", Measure: "毛利率", Value: 59.5, Unit: "percent", Period: "2019"},
				{Subject: "星辰科技", Measure: "毛利率", Value: 66.5, Unit: "percent", Period: "2020"},
			},
		},
		{
			name:  "value ranges and modifiers are skipped",
			steps: []step{{s: sent(t, "星辰科技的100kWh电池包可供15~25万辆车使用。", "星辰科技:Company")}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := &docContext{Date: c.date, Lex: lx}
			var got []Metric
			for _, st := range c.steps {
				s := st.s
				s.Heading, s.Block = st.heading, st.block
				got = append(got, findMetrics(&s, ctx)...)
			}
			for _, g := range got {
				if g.Value != roundFigure(g.Value) {
					t.Errorf("value %v carries binary noise", g.Value)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d metrics %+v, want %d %+v", len(got), got, len(c.want), c.want)
			}
			for i, w := range c.want {
				g := got[i]
				if g.Subject != w.Subject || g.Measure != w.Measure || math.Abs(g.Value-w.Value) > 1e-6*math.Abs(w.Value) ||
					g.Unit != w.Unit || g.Period != w.Period || g.Approx != w.Approx {
					t.Errorf("metric %d:\n got %+v\nwant %+v", i, g, w)
				}
				if g.Evidence == "" {
					t.Errorf("metric %d has no evidence", i)
				}
			}
		})
	}
}

func TestDropUndatedRepeats(t *testing.T) {
	in := []Metric{
		{Subject: "A", Value: 1, Unit: "CNY"},
		{Subject: "A", Value: 1, Unit: "CNY", Period: "2020"},
		{Subject: "B", Value: 1, Unit: "CNY"},
		{Subject: "A", Value: 2, Unit: "CNY"},
	}
	got := dropUndatedRepeats(in)
	if len(got) != 3 || got[0].Period != "2020" || got[1].Subject != "B" || got[2].Value != 2 {
		t.Errorf("got %+v", got)
	}
}

// FuzzFindMetrics runs the finder on any text with mentions at any
// offsets: it must not panic, and what it returns must be well formed.
func FuzzFindMetrics(f *testing.F) {
	f.Add("据蓝鲸研究统计，2022年中国智能音箱市场规模达到1250.5亿元，增速接近35%。", 30, 54, "2019年~2021年")
	f.Add("2019年~2021年，星辰科技的营收分别为1.2亿、2.5亿和4.1亿元。", 20, 32, "今年上半年")
	f.Add("星辰手机2022年的销量是120万台，占中国手机市场的约9成。", 0, 12, "《计划（2021-2023年）》")
	f.Add("从2.5GWh增长至8.1GWh，复合年增长率为80%，300元-500元/分", 3, 9, "")
	lx, err := LoadLexicon()
	if err != nil {
		f.Fatal(err)
	}
	date := time.Date(2022, 4, 6, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string, a, b int, heading string) {
		s := sentence{Text: text, Heading: heading}
		if a >= 0 && b > a && b <= len(text) {
			s.Mentions = []mention{{Start: a, End: b, Name: "甲", Type: schema.Company}}
		}
		ctx := &docContext{Date: date, Lex: lx}
		for i := 0; i < 2; i++ { // twice: the second call sees the memory
			for _, m := range findMetrics(&s, ctx) {
				if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) || m.Unit == "" || m.Measure == "" {
					t.Fatalf("bad metric %+v from %q", m, text)
				}
				if m.Subject != "甲" {
					t.Fatalf("subject %q is not a mention, from %q", m.Subject, text)
				}
			}
		}
	})
}

// A user's lexicon directory extends the shipped unit and measure lists.
func TestFindMetricsUserLexicon(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "units.txt"), []byte("星币\tXSTAR\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "measures.txt"), []byte("链上储备\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lx, err := LoadLexicon(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := sent(t, "星辰交易所的链上储备为500万星币。", "星辰交易所:Company")
	got := findMetrics(&s, &docContext{Lex: lx})
	if len(got) != 1 || got[0].Unit != "XSTAR" || got[0].Value != 5e6 || got[0].Measure != "链上储备" {
		t.Errorf("got %+v", got)
	}
	// without the user's list the unit is unknown and there is no figure
	shipped, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if got := findMetrics(&s, &docContext{Lex: shipped}); len(got) != 0 {
		t.Errorf("shipped lexicon found %+v", got)
	}
}
