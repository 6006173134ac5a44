package extract

import (
	"strings"
	"testing"
)

// TestRegexpGuardsHoldForEveryMatch checks that the cheap tests used to
// skip a regexp are true wherever the regexp matches: on each alternative
// of the patterns and on every line of the sample articles.
func TestRegexpGuardsHoldForEveryMatch(t *testing.T) {
	lines := []string{
		"2021年上半年", "下半年", "前三季度", "前三个季度", "前两个季度", "前二季度",
		"第一季度", "三季度", "4季度", "Q3", "H1", "1-5月", "7月份", "3月21日",
		"今年", "去年", "前年", "明年", "上年", "上一年", "本年", "1998年", "2030",
		"营收增长", "Q", "半年报", "200亿", "19.5%", "2O21年", "1999", "20 21年", "增长20%至2020", "上一年度", "2021年", "年", "年初", "本年度", "成立十年", "今 年", "Q5", "H3", "QH1", "3月", "三月", "五月份", "1-5月份", "1~5月", "本季", "季度末",
		"第3名", "第 十 位", "位列第二", "首位", "榜首", "冠军", "头名", "前十", "TOP 5", "Top3", "top10强",
		"第\t2", "前\n三", "次第花开", "目前前3家", "此前 二", "前  5", "TOPS", "第", "前",
		"持股 5.5 %", "出资30%", "入股10%", "增长30%",
		"A公司宣布完成了数亿元B轮融资", "获得融资", "获融资", "已于近日完成新一轮融资", "融资完成",
	}
	lines = append(lines, sampleLines(t, true)...)
	guards := []struct {
		name  string
		match func(string) bool
		may   func(string) bool
	}{
		{"pointRe", pointRe.MatchString, mayHoldYear},
		{"relYearRe", relYearRe.MatchString, mayHoldRelYear},
		{"bareSubRe", bareSubRe.MatchString, mayHoldSub},
		{"rankExact", rankExact.MatchString, func(s string) bool { return mayRankExact(s, newRuneSet(s)) }},
		{"rankUpTo", rankUpTo.MatchString, func(s string) bool { return mayRankUpTo(s, newRuneSet(s)) }},
		{"stakeRe", stakeRe.MatchString, func(s string) bool { return strings.Contains(s, "%") }},
		{"fundingVerb", fundingVerb.MatchString, mayFund},
	}
	skipped := map[string]int{}
	for _, s := range lines {
		for _, g := range guards {
			if !g.may(s) {
				skipped[g.name]++
				if g.match(s) {
					t.Errorf("%s matches %q but its guard skips it", g.name, s)
				}
			}
		}
	}
	for _, g := range guards {
		if skipped[g.name] == 0 {
			t.Errorf("%s: the guard skipped no line, so the test checked nothing", g.name)
		}
	}
}
