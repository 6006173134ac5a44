package extract

import (
	"strings"
	"unicode/utf8"
)

// figure is a quantity accepted as a metric value, with its place in the
// sentence's structure.
type figure struct {
	quantity
	clause  int
	list    int // index of the list's first figure
	listPos int
	listLen int
	fromTo  int // 1: A of 从A增长至B, 2: B
}

// figures keeps the quantities that can be metric values and links lists
// (A、B和C) and from-to pairs (从A增长至B).
func (v *sentenceView) figures(tab *metricTables) []figure {
	qs := scanQuantities(v.s, tab.units)
	var out []figure
	for i, q := range qs {
		if !v.keep(qs, i) {
			continue
		}
		out = append(out, figure{quantity: q, clause: v.clauseOf(q.Start), list: len(out), listLen: 1})
	}
	// lists: the unit written once at the end covers the items before it
	// (-1.56亿、-0.18亿和1.12亿元)
	for i := 1; i < len(out); i++ {
		between := v.s[out[i-1].End:out[i].Start]
		if listJoint(between) || (strings.TrimSpace(between) == "，" || strings.TrimSpace(between) == ",") && v.afterRespectively(out[out[i-1].list]) {
			out[i].list = out[i-1].list
		}
	}
	for i := 0; i < len(out); {
		j := i
		for j+1 < len(out) && out[j+1].list == out[i].list {
			j++
		}
		unitAt := -1
		for k := j; k >= i; k-- {
			if out[k].Kind != kindNone {
				unitAt = k
			} else if unitAt >= 0 {
				out[k].Unit, out[k].Kind = out[unitAt].Unit, out[unitAt].Kind
			}
		}
		for k := i; k <= j; k++ {
			out[k].listPos, out[k].listLen = k-i, j-i+1
		}
		i = j + 1
	}
	for i := 1; i < len(out); i++ {
		a, b := out[i-1], out[i]
		if a.listLen > 1 || b.listLen > 1 || a.Kind != b.Kind {
			continue
		}
		between := v.s[a.End:b.Start]
		ca, _ := v.clauseBounds(a.clause)
		before := v.s[max(ca, a.Start-12*3):a.Start]
		if (strings.Contains(between, "至") || strings.Contains(between, "到")) &&
			(strings.Contains(before, "从") || strings.Contains(before, "由")) {
			out[i-1].fromTo, out[i].fromTo = 1, 2
		}
	}
	return out
}

// afterRespectively reports 分别 shortly before the figure: 分别为56.6%，
// 59.5%和66.5% is one list even though commas separate it.
func (v *sentenceView) afterRespectively(f figure) bool {
	cs, _ := v.clauseBounds(f.clause)
	return strings.Contains(v.s[cs:f.Start], "分别")
}

func listJoint(between string) bool {
	switch strings.TrimSpace(between) {
	case "、", "和", "及", "与", "以及", "或", "、以及":
		return true
	}
	return false
}

// keep decides whether qs[i] can be a metric value at all: not a rank, an
// ordinal, part of a name, title or date, a value range, or a modifier.
func (v *sentenceView) keep(qs []quantity, i int) bool {
	q := qs[i]
	s := v.s
	if spanInside(v.blocked, q.Start, q.End) {
		return false
	}
	for _, m := range v.mentions {
		if q.Start < m.end && q.End > m.start {
			return false
		}
	}
	before := strings.TrimRight(s[:q.Start], " ")
	for _, w := range []string{"第", "前", "Top", "TOP", "top", "No.", "NO.", "排名", "后", "倒数"} {
		if strings.HasSuffix(before, w) {
			return false
		}
	}
	after := s[q.End:]
	switch q.Kind {
	case kindCount:
		if strings.HasSuffix(before, "等") || strings.HasSuffix(before, "这") {
			return false // 等4家: the size of the list just given
		}

		if strings.HasPrefix(after, "以内") || strings.HasPrefix(after, "之内") {
			return false
		}
		// 低于20名, 排名30位: a place in a ranking
		if u := s[q.NumEnd:q.End]; strings.HasSuffix(u, "名") || strings.HasSuffix(u, "位") {
			for _, w := range []string{"低于", "高于", "排", "位列", "跌至", "升至", "名列"} {
				if strings.Contains(firstRunesBack(before, 4), w) {
					return false
				}
			}
		}
	case kindPhysical:
		// 100kWh电池包: the figure names a kind of thing, it is not measured
		if modifierNext(after) {
			return false
		}
	case kindMoney, kindNone:
		if strings.HasPrefix(after, "级") || strings.HasPrefix(after, "量级") {
			return false // 亿元级: a class of size, not a figure
		}
		// 2000元红包, 266元数字人民币红包: the amount names a kind of thing
		if q.Kind == kindMoney && moneyModifier(after) {
			return false
		}
	}
	if q.Value == 0 && q.Kind != kindPercent {
		return false
	}
	// value ranges (15~25万辆, 60~100kWh): neither end is the figure
	if end := rangeSep(after); end > 0 && i+1 < len(qs) && qs[i+1].Start == q.End+end {
		return false
	}
	if i > 0 && qs[i-1].End < q.Start {
		if end := rangeSep(s[qs[i-1].End:q.Start]); end == q.Start-qs[i-1].End {
			return false
		}
	}
	for _, t := range v.times {
		if q.Start < t.End && q.End > t.Start {
			return false
		}
	}
	return true
}

// modifierNext reports that a figure runs straight into a noun (2000元红包,
// 100kWh电池包): it describes a kind of thing and measures nothing. Verbs,
// particles and approximation words may follow a measured figure.
func modifierNext(after string) bool {
	r := headRune(after)
	return isHanFigRune(r) && !strings.ContainsRune("的是为可将和及与等左以之了也或增减下上提降涨跌同环比较相到至达超约多余后前时内，", r)
}

// moneyModifier reports an amount naming a voucher, gift or subsidy
// (2000元红包, 266元数字人民币红包) rather than a sum someone has.
func moneyModifier(after string) bool {
	after = strings.TrimPrefix(after, "的")
	for _, w := range []string{"价位", "级别", "以内", "红包", "数字人民币", "现金", "补贴", "优惠", "代金", "消费券", "购物券", "礼包", "大奖", "奖励", "面值", "档", "以下"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

func firstRunesBack(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

func rangeSep(s string) int {
	for _, w := range []string{"~", "-", "—", "–", "至", "到"} {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// comparedTo reports a multiple of another entity (A的装机量是B的8.89倍):
// a comparison between two things, not a measure of either.
func (v *sentenceView) comparedTo(f figure) bool {
	for _, m := range v.mentions {
		if m.end > f.Start || strings.TrimSpace(v.s[m.end:f.Start]) != "的" {
			continue
		}
		pre := strings.TrimRight(v.s[:m.start], " ")
		for _, w := range []string{"是", "为", "相当于", "达到", "超过", "分别是", "分别为"} {
			if strings.HasSuffix(pre, w) {
				return true
			}
		}
	}
	return false
}

// measuredCount keeps counts that measure something: of firms, vehicles,
// events, people (56家, 10万辆, 42次), of facilities (三个生产基地), or
// with a measure word before them (投诉量为3252件). Counts of items in a
// listing (20款产品中有6款, 每包8张) describe, they do not measure.
func (v *sentenceView) measuredCount(f figure, tab *metricTables) bool {
	unit := v.s[f.NumEnd:f.End]
	after := v.s[f.End:]
	for _, n := range []string{"生产基地", "基地", "工厂", "门店", "城市", "国家", "园区", "数据中心", "研发中心", "项目", "专利", "用户", "会员", "员工"} {
		if strings.HasPrefix(after, n) {
			return true
		}
	}
	if f.Chinese {
		// 两次 is a count; 御三家, 两个版本 are words
		return strings.HasSuffix(unit, "次")
	}
	for _, c := range []string{"家", "辆", "台", "次", "人", "名", "座", "所", "架", "艘", "户", "例"} {
		if strings.HasSuffix(unit, c) {
			return true
		}
	}
	// a measure word just before the figure: 投诉量为3252件, 员工达1500人
	cs, _ := v.clauseBounds(f.clause)
	span := v.withoutTimes(cs, f.Start)
	if w, at := rightmostMeasure(span, tab.measures, nil); w != "" && !tab.direction[w] && !tab.money[w] &&
		utf8.RuneCountInString(strings.TrimSpace(span[at+len(w):])) <= 3 {
		return true
	}
	if i := strings.LastIndex(span, "量"); i >= 0 && utf8.RuneCountInString(strings.TrimSpace(span[i:])) <= 4 {
		return true
	}
	return false
}

// measureInClause reports that the measure word stands in the figure's own
// clause, so a bare 亿 can be read as an amount of money.
func (v *sentenceView) measureInClause(f figure, measure string) bool {
	cs, _ := v.clauseBounds(f.clause)
	return strings.Contains(v.s[cs:f.Start], measure)
}

// indexFigure reports a bare number that is an index value: 指数 in the
// words before it in its clause (产业互联网指数均值为17.0).
func (v *sentenceView) indexFigure(f figure, figs []figure) bool {
	cs, _ := v.clauseBounds(f.clause)
	return strings.Contains(v.s[cs:f.Start], "指数")
}
