package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// How far a mention is from being a figure's subject.
const (
	candFine = iota
	candSoft // a source (据IDC), a place (在全球…), a comparison (比X): only if nothing else
	candOff  // the whole of a share (占X的), inside brackets, the object of 将/把
)

// subjects chooses what a figure measures, in order of preference:
//  1. a mention the figure directly qualifies (12家中国企业, 43%的比亚迪);
//  2. the head of the figure's own clause before it (first mention,
//     moving on past modifiers: 动力电池独角兽中创新航 → 中创新航);
//  3. after the figure when it says "N家为X";
//  4. the head of an earlier clause of the sentence;
//  5. the subject carried from the previous sentence;
//  6. a source, place or comparison mention as a last resort.
//
// Coordinated heads (小鹏汽车和蔚来汽车的月供货量) all get the figure, or one
// each when the sentence says 分别 and the counts match.
func (v *sentenceView) subjects(f figure, carried string) []string {
	if m, ok := v.attached(f); ok {
		return []string{m.name}
	}
	cs, ce := v.clauseBounds(f.clause)
	var own []mentionSpan
	for _, m := range v.mentions {
		if m.start >= cs && m.end <= f.Start && v.judge(m, f, false) == candFine {
			own = append(own, m)
		}
	}
	if len(own) > 0 {
		return v.distribute(f, v.head(own))
	}
	after := strings.TrimLeft(v.s[f.End:ce], " ")
	if strings.HasPrefix(after, "为") || strings.HasPrefix(after, "是") {
		for _, m := range v.mentions {
			if m.start >= f.End && m.end <= ce {
				return []string{m.name}
			}
		}
	}
	for c := f.clause - 1; c >= 0; c-- {
		a, b := v.clauseBounds(c)
		var in []mentionSpan
		for _, m := range v.mentions {
			if m.start >= a && m.end <= b && v.judge(m, f, true) == candFine {
				in = append(in, m)
			}
		}
		if len(in) > 0 {
			return v.distribute(f, v.head(in))
		}
	}
	if carried != "" {
		return []string{carried}
	}
	var soft *mentionSpan
	for i, m := range v.mentions {
		if m.end <= f.Start && v.judge(m, f, false) == candSoft {
			soft = &v.mentions[i] // the nearest before the figure
		}
	}
	if soft != nil {
		return []string{soft.name}
	}
	return nil
}

// attached finds a mention right after the figure that it qualifies.
func (v *sentenceView) attached(f figure) (mentionSpan, bool) {
	rest := strings.TrimPrefix(v.s[f.End:], "的")
	at := len(v.s) - len(rest)
	for _, m := range v.mentions {
		if m.start == at {
			return m, true
		}
	}
	return mentionSpan{}, false
}

// head picks a clause's subject among its candidate mentions, in order.
func (v *sentenceView) head(ms []mentionSpan) []mentionSpan {
	i := 0
	for i+1 < len(ms) {
		gap := v.s[ms[i].end:ms[i+1].start]
		n := utf8.RuneCountInString(gap)
		limit := 4
		if ms[i].typ == schema.Region {
			limit = 8 // 中国七大代表性行业产业互联网: the region only narrows
		}
		if n > limit || strings.ContainsAny(gap, "的和与及、，,；（）()“”《》及或在对从向为是") {
			break
		}
		i++
	}
	out := []mentionSpan{ms[i]}
	for j := i + 1; j < len(ms); j++ {
		if !listJoint(v.s[ms[j-1].end:ms[j].start]) {
			break
		}
		out = append(out, ms[j])
	}
	return out
}

// distribute turns head mentions into subject names; with 分别 and as many
// subjects as list items, each item gets its own.
func (v *sentenceView) distribute(f figure, ms []mentionSpan) []string {
	var names []string
	seen := map[string]bool{}
	for _, m := range ms {
		if !seen[m.name] {
			seen[m.name] = true
			names = append(names, m.name)
		}
	}
	if len(names) > 1 && len(names) == f.listLen && strings.Contains(v.s, "分别") {
		return []string{names[f.listPos]}
	}
	return names
}

// judge rates mention m as the subject of figure f. walking is set when m
// is in an earlier clause than f.
func (v *sentenceView) judge(m mentionSpan, f figure, walking bool) int {
	s := v.s
	for _, p := range v.parens {
		if m.start >= p[0] && m.end <= p[1] && !(f.Start >= p[0] && f.End <= p[1]) {
			return candOff
		}
	}
	if m.end <= f.Start {
		cs, _ := v.clauseBounds(f.clause)
		if m.start >= cs {
			between := s[m.end:f.Start]
			pre := s[cs:m.start]
			// X占Y的N%: Y is the whole, not the subject
			if strings.LastIndex(pre+"\x00"+between, "占") > len(pre) {
				// 占 between the subject and the figure: fine for m
			} else if strings.Contains(pre, "占") {
				return candOff
			}
			if strings.Contains(pre, "将") || strings.Contains(pre, "把") {
				if i := strings.LastIndexAny(pre, "将把"); i >= 0 && !strings.Contains(pre[i:], "，") {
					return candOff
				}
			}
		}
	}
	ms, _ := v.clauseBounds(v.clauseOf(m.start))
	pre := strings.TrimRight(s[ms:m.start], " ")
	post := s[m.end:]
	for _, w := range []string{"比", "较", "相比", "对比", "比起", "高于", "低于", "不及", "超过", "相较", "相较于"} {
		if strings.HasSuffix(pre, w) {
			return candSoft
		}
	}
	if strings.HasSuffix(pre, "与") && strings.Contains(firstRunes(post, 8), "相比") {
		return candSoft
	}
	if strings.HasSuffix(pre, "在") || strings.HasSuffix(pre, "包括") || strings.HasSuffix(pre, "以") {
		// 在全球…中, 包括上海汽车在内, 以云计算为代表的: a setting, not the subject
		if !(f.Start >= m.end && !strings.ContainsAny(s[m.end:f.Start], "中内里为")) || f.clause != v.clauseOf(m.start) {
			return candSoft
		}
	}
	for _, w := range []string{"据", "根据", "按照", "援引", "来自"} {
		if strings.Contains(pre, w) {
			return candSoft
		}
	}
	for _, w := range []string{"数据", "报告", "统计", "显示", "预测", "预计", "研究", "发布", "认为", "称", "指出", "表示", "透露", "测算"} {
		if strings.HasPrefix(strings.TrimLeft(post, " "), w) {
			return candSoft
		}
	}
	if walking && (strings.HasSuffix(pre, "为") || strings.HasSuffix(pre, "是")) {
		return candSoft
	}
	return candFine
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}
