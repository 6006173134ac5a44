package extract

import (
	"strings"
	"unicode/utf8"
)

// measure names what a figure measures: a measure word (measures.txt)
// right after it (43.91亿元的销售收入), else the rightmost one between the
// figure's subject and the figure in its clause, else in the clauses before
// (2020年，市场规模再创新高，达到2256.1亿元). A direction or a generic word
// joins the noun right before it (用户数增长, 净利润规模); a share (占…的N%)
// says 占比; failing all that, a name by unit.
func (v *sentenceView) measure(f figure, figs []figure, subjects []string, tab *metricTables) string {
	h := figs[f.list] // the first item of f's list speaks for all of it
	if f.fromTo == 2 {
		for _, g := range figs {
			if g.End <= f.Start && g.fromTo == 1 {
				h = g // 从A增长至B: B measures what A does
			}
		}
	}
	plain := func(w string) bool { return !tab.direction[w] && !tab.generic[w] }
	_, fe := v.clauseBounds(f.clause)
	rest := v.s[f.End:fe]
	if w, i := leftmostMeasure(firstRunes(rest, 10), tab.measures); w != "" && plain(w) {
		if gap := rest[:i]; gap == "的" || (utf8.RuneCountInString(gap) <= 3 && !strings.ContainsAny(gap, "，,的是为")) {
			if f.Kind == kindPercent && tab.money[w] {
				return w + "占比" // 贡献其50%以上营收: a share of an amount
			}
			return w
		}
	}
	cs, _ := v.clauseBounds(h.clause)
	start := cs
	for _, m := range v.mentions {
		if m.start >= cs && m.end <= h.Start && contains(subjects, m.name) {
			start = m.end
		}
	}
	for _, g := range figs {
		if g.End <= h.Start && g.End > start {
			start = g.End
		}
	}
	// 原材料成本分别占其总成本的77%: what comes after 占 is the whole
	end := h.Start
	share := strings.LastIndex(v.s[start:h.Start], "占")
	if share >= 0 {
		end = start + share
	}
	// a measure word may begin inside the subject's name (中国智能音箱市场规模):
	// search from the clause start, keep words that end after the subject
	text := v.withoutTimes(cs, end)
	word, at := rightmostMeasure(text, tab.measures, nil)
	if at >= 0 && cs+at+len(word) <= start {
		word, at = "", -1
	}
	if word != "" && tab.direction[word] && f.Kind != kindTimes && newLevel(text[at+len(word):]) {
		// 员工人数增长到3603人, 股价一度涨至4.52港元: the figure is the new
		// level of the noun before, not a change (a multiple, 涨至9倍, stays one)
		word = ""
		if noun, _ := rightmostMeasure(text[:at], tab.measures, plain); noun != "" {
			word = noun
		}
		for c := h.clause - 1; word == "" && c >= 0 && c >= h.clause-2; c-- {
			a, b := v.clauseBounds(c)
			word, _ = rightmostMeasure(v.withoutTimes(a, b), tab.measures, plain)
		}
	}
	if word != "" && !plain(word) {
		// 用户数增长了3倍, 净利润规模: the noun right before says what
		if noun, nat := rightmostMeasure(text[:at], tab.measures, plain); noun != "" && nat+len(noun) == at {
			word = noun + word
		}
	}
	if f.Kind != kindCount && (word == "" || (tab.direction[word] && f.Kind != kindPercent && f.Kind != kindTimes)) {
		// 2017年销售收入为2040.73万元，但到2019年，便增长至6558.66万元: an
		// amount that grew is still the noun named before; so is a share of
		// it (销量是120万台，占…的约9成). A count names its own noun.
		// 同比/环比 (同比193.6%) only compare; no later figure is one of them
		noun := func(w string) bool { return plain(w) && w != "同比" && w != "环比" }
		for c := h.clause - 1; c >= 0 && c >= h.clause-2; c-- {
			a, b := v.clauseBounds(c)
			if w, _ := rightmostMeasure(v.withoutTimes(a, b), tab.measures, noun); w != "" {
				word = w
				// 营收100亿元，其中海外约20%: a percentage of an amount named
				// before is its share
				if f.Kind == kindPercent && tab.money[w] && share < 0 {
					word = w + "占比"
				}
				break
			}
		}
	}
	if share >= 0 {
		switch {
		case word == "":
			return "占比"
		case strings.Contains(word, "占比") || strings.Contains(word, "比重") || strings.Contains(word, "份额") || strings.Contains(word, "比例"):
			return word
		}
		return word + "占比"
	}
	if word != "" {
		return word
	}
	switch f.Kind {
	case kindPercent:
		return "占比"
	case kindMoney:
		return "金额"
	case kindCount:
		return "数量"
	case kindTimes:
		return "倍数"
	}
	return noMeasure
}

// noMeasure is the measure of a physical amount no word names.
const noMeasure = "数值"

// withoutTimes is s[a:b] with time phrases blanked, so that 2022年销量 does
// not read as 年销量.
func (v *sentenceView) withoutTimes(a, b int) string {
	out := []byte(v.s[a:b])
	for _, t := range v.times {
		for i := max(t.Start, a); i < min(t.End, b); i++ {
			out[i-a] = ' '
		}
	}
	return string(out)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// rightmostMeasure finds the measure word ending last in s (the longest
// of those) among those keep accepts (nil: all), and where it starts.
func rightmostMeasure(s string, words []string, keep func(string) bool) (string, int) {
	best, bestAt, bestEnd := "", -1, -1
	// most measure words cannot occur in s; the filter spares their scans
	has := newRuneSet(s)
	for _, w := range words { // longest first, so ties keep the longer word
		if !has.mayContain(w) || keep != nil && !keep(w) { // keep is pure: the cheap test first
			continue
		}
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > bestEnd {
			best, bestAt, bestEnd = w, i, i+len(w)
		}
	}
	return best, bestAt
}

// leftmostMeasure finds the measure word starting first in s (the longest
// of those), and where it starts.
func leftmostMeasure(s string, words []string) (string, int) {
	best, bestAt := "", len(s)+1
	has := newRuneSet(s)
	for _, w := range words {
		if !has.mayContain(w) {
			continue
		}
		if i := strings.Index(s, w); i >= 0 && i < bestAt {
			best, bestAt = w, i
		}
	}
	return best, bestAt
}

// approx reports an approximation word right before the figure (约, 超过,
// 接近…, allowing 为/达 between) or right after it (左右, 以上).
func (v *sentenceView) approx(f figure, tab *metricTables) bool {
	before := strings.TrimRight(v.s[:f.Start], " ")
	for _, link := range []string{"", "为", "达", "达到", "是", "在"} {
		b := strings.TrimSuffix(before, link)
		if link != "" && b == before {
			continue
		}
		for _, w := range tab.approxBefore {
			if strings.HasSuffix(b, w) {
				return true
			}
		}
	}
	after := v.s[f.End:]
	for _, w := range tab.approxAfter {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// newLevel reports that the words between a direction word and its figure
// make the figure the level reached (增长到, 升至, 提升至了): 到/至 ends them.
func newLevel(gap string) bool {
	gap = strings.TrimSpace(gap)
	return gap == "到" || gap == "至" || gap == "到了" || gap == "至了"
}
