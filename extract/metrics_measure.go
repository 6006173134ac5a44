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
	if f.fromTo == 2 {
		for _, g := range figs {
			if g.End <= f.Start && g.fromTo == 1 {
				h = g // 从A增长至B: B measures what A does
			}
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
	span := v.s[start:h.Start]
	// a measure word may begin inside the subject's name (中国智能音箱市场规模):
	// search the whole clause, keep words that end after the subject
	text := v.withoutTimes(cs, h.Start)
	word, at := rightmostMeasure(text, tab.measures)
	if at >= 0 && cs+at+len(word) <= start {
		word, at = "", -1
	}
	if tab.direction[word] {
		// 用户数增长了3倍: the noun right before a direction says what grew
		if noun, nat := rightmostMeasure(text[:at], tab.measures); noun != "" && nat+len(noun) == at && !tab.direction[noun] {
			word, at = noun+word, nat
		}
	}
	at -= start - cs
	if word == "" {
		// 超20亿元C轮融资: the measure after the figure
		_, ce := v.clauseBounds(f.clause)
		rest := v.s[f.End:ce]
		if w, i := leftmostMeasure(firstRunes(rest, 8), tab.measures); w != "" && utf8.RuneCountInString(rest[:i]) <= 3 {
			return w
		}
	}
	if (word == "" || (tab.direction[word] && f.Kind != kindPercent && f.Kind != kindTimes)) && h.clause > 0 {
		// 2017年销售收入为2040.73万元，但到2019年，便增长至6558.66万元: an
		// amount that grew is still the noun named before
		a, b := v.clauseBounds(h.clause - 1)
		if w, _ := rightmostMeasure(v.withoutTimes(a, b), tab.measures); w != "" && !tab.direction[w] {
			word, at = w, -1
		}
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

// leftmostMeasure finds the measure word starting first in s (the longest
// of those), and where it starts.
func leftmostMeasure(s string, words []string) (string, int) {
	best, bestAt := "", len(s)+1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && i < bestAt {
			best, bestAt = w, i
		}
	}
	return best, bestAt
}
