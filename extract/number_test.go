package extract

import (
	"math"
	"testing"
)

func testUnits(t testing.TB) *unitTable {
	t.Helper()
	lx, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return newUnitTable(lx)
}

func TestScanQuantities(t *testing.T) {
	tab := testUnits(t)
	type want struct {
		value  float64
		unit   string
		approx bool
	}
	cases := []struct {
		in   string
		want []want // the quantities that carry a unit or a scale
	}{
		{"市场规模达到2256.1亿元", []want{{225610000000, "CNY", false}}},
		{"总投资1.5万亿元", []want{{1.5e12, "CNY", false}}},
		{"融资3千万美元", []want{{3e7, "USD", false}}},
		{"投资额为4万亿日元", []want{{4e12, "JPY", false}}},
		{"收购价120亿港元", []want{{1.2e10, "HKD", false}}},
		{"获得5亿欧元", []want{{5e8, "EUR", false}}},
		{"增速为40%", []want{{40, "percent", false}}},
		{"毛利率２５．５％", []want{{25.5, "percent", false}}},
		{"增加9成", []want{{90, "percent", false}}},
		{"占比约九成", []want{{90, "percent", false}}},
		{"增长3倍", []want{{3, "times", false}}},
		{"销量10万辆", []want{{100000, "count", false}}},
		{"共１２３家企业", []want{{123, "count", false}}},
		{"累计降价42次", []want{{42, "count", false}}},
		{"销售收入 242.90 亿元", []want{{24290000000, "CNY", false}}},
		{"营收达1,234万元", []want{{12340000, "CNY", false}}},
		{"销量20多万辆", []want{{200000, "count", true}}},
		{"价格涨至50万元/吨", []want{{500000, "CNY/t", false}}},
		{"能量密度达225Wh/kg", []want{{225, "Wh/kg", false}}},
		{"装机量为1.49GWh", []want{{1.49, "GWh", false}}},
		{"单价0.87元/Wh", []want{{0.87, "CNY/Wh", false}}},
		{"上涨约两万元", []want{{20000, "CNY", false}}},
		{"已涨价两次", []want{{2, "count", false}}},
		{"超过一半市场份额", []want{{50, "percent", false}}},
		{"占比百分之三十", []want{{30, "percent", false}}},
		{"增长百分之12.5", []want{{12.5, "percent", false}}},
		// not figures: Chinese numerals inside words, codes, durations
		{"三元锂电池", nil},
		{"一家公司", nil},
		{"供应商CR5", nil},
		{"4K屏幕", nil},
		{"时隔仅2个月", nil},
		{"成为第一", nil},
		{"数十亿规模", nil},
	}
	for _, c := range cases {
		ft := foldFigures(c.in)
		var got []want
		for _, q := range scanQuantities(ft.s, tab) {
			if q.Kind == kindNone && !q.Scaled {
				continue
			}
			got = append(got, want{q.Value, q.Unit, q.Approx})
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: got %v, want %v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i].value-c.want[i].value) > 1e-6*math.Abs(c.want[i].value) ||
				got[i].unit != c.want[i].unit || got[i].approx != c.want[i].approx {
				t.Errorf("%s: got %v, want %v", c.in, got[i], c.want[i])
			}
		}
	}
}

func TestScanQuantitiesNegativeAndBare(t *testing.T) {
	tab := testUnits(t)
	ft := foldFigures("净利润分别为-1.56亿、-0.18亿和1.12亿元，2019-2021年")
	qs := scanQuantities(ft.s, tab)
	var vals []float64
	for _, q := range qs {
		if q.Scaled {
			vals = append(vals, q.Value)
		}
	}
	want := []float64{-1.56e8, -0.18e8, 1.12e8}
	if len(vals) != len(want) {
		t.Fatalf("got %v, want %v", vals, want)
	}
	for i := range want {
		if math.Abs(vals[i]-want[i]) > 1 {
			t.Errorf("item %d: got %v, want %v", i, vals[i], want[i])
		}
	}
	for _, q := range qs {
		if q.Value < 0 && !q.Scaled {
			t.Errorf("2019-2021 read as a negative number: %+v", q)
		}
	}
	for _, q := range scanQuantities(foldFigures("价格从300元-500元/分上涨").s, tab) {
		if q.Value < 0 {
			t.Errorf("the range dash read as a sign: %+v", q)
		}
	}
}

func TestFoldFigures(t *testing.T) {
	cases := []struct{ in, want string }{
		{"销售收入 242.90 亿元", "销售收入242.90亿元"},
		{"在 2020 年完成", "在2020年完成"},
		{"２０２０年增长４０％", "2020年增长40%"},
		{"增长 38.7 %", "增长38.7%"},
		{"Model 3 和 Model Y", "Model 3和 Model Y"}, // Latin words keep their spaces
		{"2019 2020", "2019 2020"},
	}
	for _, c := range cases {
		got := foldFigures(c.in)
		if got.s != c.want {
			t.Errorf("foldFigures(%q) = %q, want %q", c.in, got.s, c.want)
		}
		if got.at(len(c.in)) != len(got.s) || got.at(0) != 0 {
			t.Errorf("foldFigures(%q): offsets do not map the ends", c.in)
		}
	}
	// a mention after the dropped spaces still points at the same word
	in := "在 2020 年，北方华创以 43.91 亿元"
	ft := foldFigures(in)
	start := len("在 2020 年，")
	end := start + len("北方华创")
	if got := ft.s[ft.at(start):ft.at(end)]; got != "北方华创" {
		t.Errorf("mapped span = %q", got)
	}
}

func TestChineseValue(t *testing.T) {
	cases := []struct {
		in   string
		want float64
	}{
		{"两万", 20000}, {"十五", 15}, {"三百二十", 320}, {"一亿二千万", 120000000}, {"九", 9}, {"十", 10},
	}
	for _, c := range cases {
		got, _, ok := chineseValue([]rune(c.in))
		if !ok || got != c.want {
			t.Errorf("chineseValue(%s) = %v, %v; want %v", c.in, got, ok, c.want)
		}
	}
}

// FuzzParseNumber checks the number and unit scanner on any text: it must
// not panic, offsets must be sane, values finite, and a unit kind must come
// with a unit name.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"2256.1亿元", "40%", "４０％", "9成", "3倍", "10万辆", "-1.56亿、-0.18亿和1.12亿元", "50万元/吨",
		"225Wh/kg", "两万元", "一半", "1,234,567元", "20多万辆", "2019-2021年", "CR5", "1.2~2倍", "0.", "-", "1e400",
		"99999999999999999999999999999999999999亿亿", "万亿", "九九九九九九九九九九九九九九九九九九九九万亿元",
		"百分之三十", "百分之12.5亿", "百分之",
	} {
		f.Add(s)
	}
	tab := testUnits(f)
	f.Fuzz(func(t *testing.T, s string) {
		ft := foldFigures(s)
		if ft.at(len(s)) != len(ft.s) {
			t.Fatalf("end offset maps to %d, want %d", ft.at(len(s)), len(ft.s))
		}
		prev := 0
		for _, q := range scanQuantities(ft.s, tab) {
			if q.Start < prev || q.Start >= q.End || q.End > len(ft.s) || q.NumEnd > q.End || q.NumEnd <= q.Start {
				t.Fatalf("bad offsets %+v in %q", q, ft.s)
			}
			prev = q.End
			if math.IsInf(q.Value, 0) || math.IsNaN(q.Value) {
				t.Fatalf("value not finite: %+v in %q", q, ft.s)
			}
			if (q.Kind == kindNone) != (q.Unit == "") {
				t.Fatalf("kind and unit disagree: %+v in %q", q, ft.s)
			}
		}
	})
}

// The switches must give what the maps chineseValue once made gave, and
// nothing for any other rune.
func TestChineseDigitTables(t *testing.T) {
	digit := map[rune]float64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	small := map[rune]float64{'十': 10, '百': 100, '千': 1000}
	for _, r := range "零〇一二两三四五六七八九十百千万亿半0123456789a成个" {
		d, ok := chineseDigitValue(r)
		if want, wok := digit[r]; ok != wok || d != want {
			t.Errorf("chineseDigitValue(%q) = %v, %v; want %v, %v", r, d, ok, want, wok)
		}
		m, ok := chineseSmallUnit(r)
		if want, wok := small[r]; ok != wok || m != want {
			t.Errorf("chineseSmallUnit(%q) = %v, %v; want %v, %v", r, m, ok, want, wok)
		}
	}
}
