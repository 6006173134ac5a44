package extract

import "strings"

// period picks the time phrase a figure belongs to: the nearest one before
// it in the sentence, else one after it, else the paragraph's, the
// heading's or the section's last one. Comparison bases (比2020年) never count.
func (v *sentenceView) period(f figure, carried *timeExpr, heading []timeExpr, sameBlock, rate bool) string {
	var t *timeExpr
	var points []*timeExpr
	for i := range v.times {
		if v.times[i].Compare {
			continue
		}
		// 由2020年的5.5亿元升至32.9亿元: the year is the starting figure's
		if f.fromTo == 2 && v.startYear(v.times[i]) {
			continue
		}
		if v.times[i].End <= f.Start {
			t = &v.times[i]
			points = append(points, t)
		}
	}
	// a compound growth rate spans years: 由2019年的0.2GWh增长至2021年的
	// 0.67GWh，复合年增长率为83.0% is 2019/2021
	if rate && t != nil && len(t.Each) == 1 {
		if n := len(points); n >= 2 && !strings.Contains(points[n-2].Value, "/") && points[n-2].Value < t.Value {
			return points[n-2].Value + "/" + t.Value
		}
		if carried != nil && len(carried.Each) > 1 && sameBlock {
			return carried.Value
		}
	}
	if t == nil {
		// 将筹集15亿美元，有望成为2022年…: a time word later in the clause, or
		// in the next clause when that one states no figure of its own
		for i := range v.times {
			if v.times[i].Compare || v.times[i].Relative || v.times[i].Start < f.End {
				continue
			}
			c := v.clauseOf(v.times[i].Start)
			if c == f.clause || (c == f.clause+1 && !v.clauseHasFigure[c]) {
				t = &v.times[i]
			}
			break
		}
	}
	if t == nil && v.saysNow(f) {
		return "" // 目前…320家门店: now, not the period talked about before
	}
	if t == nil && carried != nil && sameBlock {
		t = carried
	}
	if t == nil {
		for i := range heading {
			if !heading[i].Compare {
				t = &heading[i]
				break
			}
		}
	}
	if t == nil {
		t = carried
	}
	if t == nil {
		return ""
	}
	if len(t.Each) > 1 {
		switch {
		case f.listLen == len(t.Each):
			return t.Each[f.listPos]
		case f.fromTo == 1:
			return t.Each[0]
		case f.fromTo == 2:
			return t.Each[len(t.Each)-1]
		}
	}
	return t.Value
}

// isGrowthRate tells a compound annual growth rate, which is over a span.
func isGrowthRate(measure string) bool {
	return strings.Contains(measure, "复合") || strings.Contains(strings.ToUpper(measure), "CAGR")
}

// saysNow reports a word for the present before the figure in its sentence
// (目前, 截至目前): the figure is current, whatever period came before.
func (v *sentenceView) saysNow(f figure) bool {
	before := v.s[:f.Start]
	for _, w := range []string{"目前", "当前", "如今", "现在", "现阶段", "至今", "迄今", "截至目前", "截止目前"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// startYear reports a time phrase that dates the starting figure of a
// change (由2020年的5.5亿元, 从去年的…).
func (v *sentenceView) startYear(t timeExpr) bool {
	before := strings.TrimRight(v.s[:t.Start], " ")
	return (strings.HasSuffix(before, "由") || strings.HasSuffix(before, "从")) && strings.HasPrefix(v.s[t.End:], "的")
}
