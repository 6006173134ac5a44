package extract

import (
	"strings"
	"unicode/utf8"
)

// measure names what a figure measures: the rightmost measure word
// (measures.txt) between the figure's subject and the figure in its clause,
// else in the clause before (2020年，市场规模再创新高，达到2256.1亿元); a
// share (占…的N%) says 占比; failing all that, the short noun phrase before
// the figure or a name by unit.
func (v *sentenceView) measure(f figure, figs []figure, subjects []string, tab *metricTables) string {
	h := figs[f.list] // the first item of f's list speaks for all of it
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
	span := v.s[start:h.Start]
	word, at := rightmostMeasure(span, tab.measures)
	if word == "" && h.clause > 0 {
		a, b := v.clauseBounds(h.clause - 1)
		word, _ = rightmostMeasure(v.s[a:b], tab.measures)
		at = -1
	}
	if share := strings.LastIndex(span, "占"); share >= 0 && share > at {
		if word == "" || strings.Contains(word, "占比") || strings.Contains(word, "比重") || strings.Contains(word, "份额") {
			if word == "" {
				return "占比"
			}
			return word
		}
		return word + "占比"
	}
	if word != "" {
		return word
	}
	if t := trimLinkers(span); t != "" && utf8.RuneCountInString(t) <= 6 && allHan(t) {
		return t
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
	return "数值"
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
// of those), and where it starts.
func rightmostMeasure(s string, words []string) (string, int) {
	best, bestAt, bestEnd := "", -1, -1
	for _, w := range words { // longest first, so ties keep the longer word
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > bestEnd {
			best, bestAt, bestEnd = w, i, i+len(w)
		}
	}
	return best, bestAt
}

var linkers = []string{"分别", "约为", "高达", "达到", "增至", "降至", "已经", "超过", "接近", "只有", "突破", "累计", "实现", "完成", "再度", "再次", "为", "达", "至", "到", "是", "约", "了", "的", "已", "将", "超", "近", "逾", "仅", "也", "共", "在", "于", "有", "都", "均", "仍", "又", "就", "以"}

func trimLinkers(s string) string {
	for changed := true; changed; {
		changed = false
		s = strings.TrimSpace(s)
		for _, w := range linkers {
			if strings.HasSuffix(s, w) {
				s = strings.TrimSuffix(s, w)
				changed = true
			}
		}
	}
	return s
}

func allHan(s string) bool {
	for _, r := range s {
		if !isHanFigRune(r) {
			return false
		}
	}
	return true
}
