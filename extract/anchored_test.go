package extract

import (
	"reflect"
	"regexp"
	"testing"
)

// TestFindAllAtIsFindAll: trying the anchored time and Latin-name
// patterns only where a match may start finds what the unanchored search
// finds, offsets and groups alike.
func TestFindAllAtIsFindAll(t *testing.T) {
	lines := []string{
		"2021年上半年营收", "2019年~2021年", "2020年度第一季度", "今年上半年和去年下半年", "上一年度", "本年3-5月份",
		"前三个季度与前二季度", "第四季度Q4和H2", "1-5月，7月份，12月", "20212022年", "192019年", "2O21年",
		"今今年", "上上年", "12-13月份", "1~5月", "3至6月份", "Q5 H3 QQ1 HH2", "第第一季度", "一二三四季度",
		"\xe4\xbb2020年", "2020\xff年", "今\xe5年", "", "年", "0", "Q", "H", "第",
		"Lam Research的AI芯片", "Apple's iPhone 13 Pro", "Hertz Global Holdings Inc.", "a-b c D E", "x’s Y’s", "7-Eleven",
		"宏光MINI EV", "AT&T与C++", "A", "\xffAbc", "A\xff", "abc def Ghi",
		`他说"小米"和“华为”、「蔚来」`, "“”", "“一二三四五六七八九十一二三四五六七”", `""x"`,
		"公司宣布已于近日完成了数亿元B轮融资", "已已完成融资", "刚刚获得融资，再次获融资", "日前获融资", "完成融资；获得",
		"位列第 3 名，第十位，首位，榜首，冠军和头名", "第第二", "前 5 强、TOP10、Top 3家、top20", "前前三", "TOPS", "第\xe4",
	}
	lines = append(lines, sampleLines(t, true)...)
	scans := []struct {
		name string
		re   *regexp.Regexp
		at   *regexp.Regexp
		next func(string, int) int
	}{
		{"pointRe", pointRe, pointAt, nextYear},
		{"relYearRe", relYearRe, relYearAt, nextRelYear},
		{"bareSubRe", bareSubRe, bareSubAt, nextSub},
		{"latinName", latinName, latinNameAt, nextASCIILetter},
		{"quoted", quoted, quotedAt, nextQuoteOpener},
		{"fundingVerb", fundingVerb, fundingVerbAt, nextFundingVerb},
		{"rankExact", rankExact, rankExactAt, nextRankExact},
		{"rankUpTo", rankUpTo, rankUpToAt, nextRankUpTo},
	}
	found := map[string]int{}
	for _, s := range lines {
		for _, sc := range scans {
			want := sc.re.FindAllStringSubmatchIndex(s, -1)
			got := findAllAt(sc.at, s, true, sc.next)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %q: findAllAt %v, FindAll %v", sc.name, s, got, want)
			}
			found[sc.name] += len(want)
		}
	}
	for _, sc := range scans {
		if found[sc.name] == 0 {
			t.Errorf("%s matched nothing, so the test checked nothing", sc.name)
		}
	}
}

func TestByteThen(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", false}, {"Q", false}, {"Q1", true}, {"Q5", false}, {"QQ4", true}, {"2021Q", false},
		{"aQ0Q3", true}, {"H2", true}, {"H3", false}, {"季度Q4末", true},
	} {
		if got := byteThen(c.s, 'Q', "1234") || byteThen(c.s, 'H', "12"); got != c.want {
			t.Errorf("byteThen(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
