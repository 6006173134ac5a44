package extract

import (
	"reflect"
	"testing"
	"time"
)

func TestFindTimes(t *testing.T) {
	d2021 := time.Date(2021, 8, 10, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		in      string
		date    time.Time
		values  []string
		each    []string // of the first phrase, when it is a range
		compare []bool
	}{
		{in: "2020年，市场规模达到2256.1亿元", values: []string{"2020"}},
		{in: "在2020年上半年平均增长12.1%", values: []string{"2020-H1"}},
		{in: "截止到2021年上半年", values: []string{"2021-H1"}},
		{in: "2021年第三季度营收", values: []string{"2021-Q3"}},
		{in: "2021年三季度营收", values: []string{"2021-Q3"}},
		{in: "2021Q3营收", values: []string{"2021-Q3"}},
		{in: "2021年6月销量", values: []string{"2021-06"}},
		{in: "2021年1-5月销量", values: []string{"2021-01/2021-05"}},
		{in: "2021年前三季度净利润", values: []string{"2021-01/2021-09"}},
		{in: "2021-2023年的目标", values: []string{"2021/2023"}, each: []string{"2021", "2022", "2023"}},
		{in: "2019年~2021年，营收分别为", values: []string{"2019/2021"}, each: []string{"2019", "2020", "2021"}},
		{in: "2019年~2021上半年，单价分别为", values: []string{"2019/2021-H1"}, each: []string{"2019", "2020", "2021-H1"}},
		{in: "2021年至2026年的复合年增长率", values: []string{"2021/2026"}, each: []string{"2021", "2022", "2023", "2024", "2025", "2026"}},
		{in: "今年的收入预测", date: d2021, values: []string{"2021"}},
		{in: "去年上半年", date: d2021, values: []string{"2020-H1"}},
		{in: "1-5月销量", date: d2021, values: []string{"2021-01/2021-05"}},
		{in: "上半年营收", date: d2021, values: []string{"2021-H1"}},
		{in: "今年的收入预测", values: nil}, // no article date: nothing to resolve against
		{in: "销量比2021年增加5成", values: []string{"2021"}, compare: []bool{true}},
		{in: "较上年增长", date: d2021, values: []string{"2020"}, compare: []bool{true}},
		{in: "3月21日，宁德时代官宣涨价", date: d2021, values: nil},
		{in: "其中，7月份产量135.6万吨", date: d2021, values: []string{"2021-07"}},
		{in: "按照上年不变价计算的电信业务总量为15424亿元", date: d2021, values: []string{"2020"}, compare: []bool{true}},
		{in: "以2020年价格计算的总量", values: []string{"2020"}, compare: []bool{true}},
		{in: "从2010年6月上市以来，市值突破1万亿美元", values: []string{"2010-06"}, compare: []bool{true}},
		{in: "从2019年的17.34亿元增长至", values: []string{"2019"}, compare: []bool{false}},
		{in: "刘静瑜在2020高工锂电年会上", values: nil},
		{in: "股票代码300750", values: nil},
	}
	for _, c := range cases {
		got := findTimes(c.in, c.date)
		var values []string
		var compare []bool
		for _, g := range got {
			values = append(values, g.Value)
			compare = append(compare, g.Compare)
		}
		if !reflect.DeepEqual(values, c.values) {
			t.Errorf("%s: periods %v, want %v", c.in, values, c.values)
			continue
		}
		if c.each != nil && !reflect.DeepEqual(got[0].Each, c.each) {
			t.Errorf("%s: each %v, want %v", c.in, got[0].Each, c.each)
		}
		if c.compare != nil && !reflect.DeepEqual(compare, c.compare) {
			t.Errorf("%s: compare %v, want %v", c.in, compare, c.compare)
		}
	}
}

func TestFormatPeriod(t *testing.T) {
	cases := []struct {
		y    int
		sub  string
		want string
	}{
		{2020, "", "2020"}, {2020, "上半年", "2020-H1"}, {2020, "下半年", "2020-H2"}, {2021, "Q4", "2021-Q4"},
		{2021, "第一季度", "2021-Q1"}, {2021, "12月", "2021-12"}, {2021, "13月", ""}, {2021, "5-3月", ""},
	}
	for _, c := range cases {
		if got := formatPeriod(c.y, c.sub); got != c.want {
			t.Errorf("formatPeriod(%d, %q) = %q, want %q", c.y, c.sub, got, c.want)
		}
	}
}
