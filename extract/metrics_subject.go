package extract

import (
	"regexp"
	"slices"
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
		return []string{v.compose(m)}
	}
	cs, ce := v.clauseBounds(f.clause)
	// 整体手机市场17.7%的下降幅度: a name right before the figure owns it,
	// even after 低于/比
	for _, m := range v.mentions {
		// not for counts: 常州、洛阳和厦门三个生产基地 counts the list
		if f.Kind != kindCount && m.end == f.Start && m.start >= cs && v.judge(m, f, false) != candOff {
			return []string{v.compose(m)}
		}
	}
	var own []mentionSpan
	for _, m := range v.mentions {
		if m.start >= cs && m.end <= f.Start && v.judge(m, f, false) == candFine {
			own = append(own, m)
		}
	}
	if len(own) > 0 {
		hs := v.head(own)
		// 星辰、月光、云帆三家: the count is the size of the list just named
		if last := hs[len(hs)-1]; f.Kind == kindCount && startsWithJoint(v.s[last.end:f.Start]) {
			return nil
		}
		return v.distribute(f, hs)
	}
	after := strings.TrimLeft(v.s[f.End:ce], " ")
	if strings.HasPrefix(after, "为") || strings.HasPrefix(after, "是") {
		for _, m := range v.mentions {
			if m.start >= f.End && m.end <= ce {
				return []string{m.name}
			}
		}
	}
	// earlier clauses: a mention in subject position (at the clause's head)
	// wins over one that is the object of a verb (推出首款量产纯电动汽车)
	var object []mentionSpan
	for c := f.clause - 1; c >= 0; c-- {
		a, b := v.clauseBounds(c)
		var in []mentionSpan
		for _, m := range v.mentions {
			if m.start >= a && m.end <= b && v.judge(m, f, true) == candFine {
				in = append(in, m)
			}
		}
		if len(in) == 0 {
			continue
		}
		if v.atHead(in[0]) {
			return v.distribute(f, v.head(in))
		}
		if object == nil {
			object = in
		}
	}
	// 如…平台卡淘，据了解，其去年GMV…: 其 is the company the sentence just
	// named, not the one carried from before
	if strings.Contains(v.s[cs:f.Start], "其") && len(object) == 1 && isNamedThing(object[0].typ) {
		return []string{object[0].name}
	}
	if carried != "" && !v.opensWithUnknownName() {
		return []string{carried}
	}
	// 其动力电池单价…: 其 with nothing to carry is the article's main company
	if strings.Contains(v.s[cs:f.Start], "其") && v.mainCompany != "" {
		return []string{v.mainCompany}
	}
	if object != nil {
		return v.distribute(f, v.head(object))
	}
	var soft *mentionSpan
	for i, m := range v.mentions {
		if m.end <= f.Start && v.judge(m, f, v.clauseOf(m.start) != f.clause) == candSoft && !v.reporter(m) {
			soft = &v.mentions[i] // the nearest before the figure
		}
	}
	if soft != nil {
		return []string{soft.name}
	}
	return nil
}

// predicateMarks end the name a sentence may open with: 长飞上半年实现营收…
var predicateMarks = []string{"实现", "完成", "获得", "宣布", "发布", "推出", "录得", "上半年", "下半年", "全年", "今年", "去年", "前三季度", "第一季度", "第二季度", "第三季度", "第四季度", "一季度", "二季度", "三季度", "四季度", "在", "于", "将", "已", "也", "共", "累计"}

// opensWithUnknownName reports a sentence that starts with a name the
// entity finder did not know (长飞上半年实现营收43.517亿元): its figures
// belong to that name, so carrying the previous subject in would be wrong.
func (v *sentenceView) opensWithUnknownName() bool {
	t := v.s
	for changed := true; changed; {
		changed = false
		t = strings.TrimLeft(t, " ，,、“\"「")
		for _, w := range sentenceOpeners {
			if strings.HasPrefix(t, w) {
				t = t[len(w):]
				changed = true
			}
		}
	}
	if t == "" || !isHanFigRune(headRune(t)) || hasRune("其该此这它总全各每本", headRune(t)) {
		return false
	}
	off := len(v.s) - len(t)
	for _, m := range v.mentions {
		if m.start == off {
			return false
		}
	}
	// the name runs up to a predicate or a year (长飞2021年实现…); what
	// runs into a measure word (海外收入占比) is a modifier, not a name.
	// The name must be two to six Han characters (checked below), so an
	// end past limit, the end of t's first six Han characters, fails: only
	// marks starting by limit are looked for, and the first digit can only
	// be at limit (a digit is no Han character).
	limit := hanPrefixEnd(t, 6)
	end := -1
	for _, w := range predicateMarks {
		if i := strings.Index(t[:min(len(t), limit+len(w))], w); i >= 0 && (end < 0 || i < end) {
			end = i
		}
	}
	if limit < len(t) && isASCIIDigit(rune(t[limit])) && (end < 0 || limit < end) {
		end = limit
	}
	if end < 0 {
		return false
	}
	name := t[:end]
	for _, r := range name {
		if !isHanFigRune(r) {
			return false
		}
	}
	for _, w := range v.tab.measures {
		if strings.Contains(name, w) {
			return false
		}
	}
	n := utf8.RuneCountInString(name)
	return n >= 2 && n <= 6
}

// hanPrefixEnd returns the byte length of the longest prefix of t made of
// at most n Han characters.
func hanPrefixEnd(t string, n int) int {
	for i, r := range t {
		if n == 0 || !isHanFigRune(r) {
			return i
		}
		n--
	}
	return len(t)
}

// sentenceOpeners may stand before the name a sentence opens with.
var sentenceOpeners = append([]string{"与此同时"}, clauseOpeners...)

// clauseOpeners may stand before a clause's subject.
var clauseOpeners = []string{"其中", "而且", "并且", "但是", "不过", "同时", "此外", "另外", "目前", "当前", "如今", "预计", "截至", "截止", "由于", "因为", "虽然", "尽管", "其实", "而", "但", "且", "仅", "也", "则", "更", "从", "到", "在"}

var exampleFrame = regexp.MustCompile(`以[^，,；;]{1,30}?为(?:代表|首|主|例|核心)的?`)

// atHead reports whether m opens its clause, allowing time phrases and
// openers (其中, 但, 2021年) before it.
func (v *sentenceView) atHead(m mentionSpan) bool {
	a, _ := v.clauseBounds(v.clauseOf(m.start))
	pre := v.s[a:m.start]
	for _, t := range v.times {
		if t.Start >= a && t.End <= m.start {
			pre = strings.Replace(pre, v.s[t.Start:t.End], "", 1)
		}
	}
	// 以云计算为代表的信息技术行业: the head follows the example
	pre = exampleFrame.ReplaceAllString(pre, "")
	for changed := true; changed; {
		changed = false
		pre = strings.Trim(pre, " ，,、")
		for _, w := range clauseOpeners {
			if strings.HasPrefix(pre, w) {
				pre = pre[len(w):]
				changed = true
			}
		}
	}
	return utf8.RuneCountInString(pre) <= 2
}

// topic is the sentence's opening mention when it is a plain subject (not
// 与宁德时代…, 在中国…), for carrying into the next sentence.
func (v *sentenceView) topic() (string, bool) {
	if len(v.mentions) == 0 {
		return "", false
	}
	// 正在迅速追赶特斯拉的是第2位的上海汽车: a cleft puts the topic last
	if i := strings.LastIndex(v.s, "的是"); i >= 0 {
		for _, m := range v.mentions {
			if m.start > i && v.clauseOf(m.start) == v.clauseOf(i) {
				rest := v.s[i+len("的是") : m.start]
				if utf8.RuneCountInString(rest) <= 6 && !strings.ContainsAny(rest, "，,、和与及") {
					return m.name, true
				}
				break
			}
		}
	}
	m := v.mentions[0]
	cs, _ := v.clauseBounds(v.clauseOf(m.start))
	pre := strings.TrimRight(v.s[cs:m.start], " ")
	for _, w := range []string{"与", "和", "比", "较", "对", "在", "据", "向", "从", "同", "跟", "为", "是", "对比", "其"} {
		if strings.HasSuffix(pre, w) {
			return "", false
		}
	}
	return m.name, true
}

func startsWithJoint(s string) bool {
	// 网商银行（支付宝）、微众银行（微信）9家: an aside after an item does
	// not end the list
	if loc := aside.FindStringIndex(s); loc != nil && loc[0] == 0 {
		s = s[loc[1]:]
	}
	for _, w := range []string{"、", "和", "及", "与", ","} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
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
		// 动力电池独角兽中创新航, 美国福特汽车: a description before a name;
		// 中国七大代表性行业产业互联网: a region only narrows what follows.
		// 宁德时代动力电池 is the company's product: the company stays.
		limit := 0
		switch {
		case ms[i].typ == schema.Region:
			limit = 8
		case isNamedThing(ms[i+1].typ):
			limit = 4
		}
		// 只造电动车的特斯拉: a kind described, then the company
		if gap == "的" && isNamedThing(ms[i+1].typ) && !isNamedThing(ms[i].typ) && ms[i].typ != schema.Region {
			i++
			continue
		}
		// 健康险科技企业“镁安健康”: a description, then the quoted name
		if g := strings.TrimRight(gap, "“「\""); g != gap && (ms[i+1].typ == schema.Company || ms[i+1].typ == schema.Organization) && utf8.RuneCountInString(g) <= 6 &&
			!strings.ContainsAny(g, "的和与及、，,；（）()“”《》或在对从向为是由因") {
			i++
			continue
		}
		if limit == 0 || n > limit || strings.ContainsAny(gap, "的和与及、，,；（）()“”《》及或在对从向为是") {
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
	for k := range out {
		out[k].name = v.compose(out[k])
	}
	return out
}

// compose gives a region-qualified kind its fuller name when the article
// uses one: 中国大陆56家主要半导体设备制造商 measures 中国半导体设备行业 if
// that name appears elsewhere in the article.
func (v *sentenceView) compose(m mentionSpan) string {
	orig := m.name
	// 中国是最大的动力电池市场，预计动力电池装机量将达到…: a product
	// after its own market in the sentence stands for that market
	if m.typ == schema.Technology {
		for _, r := range v.mentions {
			if r.typ == schema.Market && r.end <= m.start && strings.HasSuffix(r.name, m.name+"市场") {
				return r.name
			}
		}
	}
	region, kind := m, m
	switch m.typ {
	case schema.Technology, schema.Industry, schema.Market:
		found := false
		for _, r := range v.mentions {
			if r.typ == schema.Region && r.end <= m.start {
				region, found = r, true
			}
		}
		if !found {
			return m.name
		}
	case schema.Region:
		// 中国大陆32家主要光伏设备制造商: the kind follows the count
		found := false
		for _, k := range v.mentions {
			if k.start >= m.end && (k.typ == schema.Technology || k.typ == schema.Industry || k.typ == schema.Market) {
				kind, found = k, true
				break
			}
		}
		if !found {
			return m.name
		}
	default:
		return m.name
	}
	gap := v.s[region.end:kind.start]
	if utf8.RuneCountInString(gap) > 10 || strings.ContainsAny(gap, "的，,、；和与及在") {
		return orig
	}
	best := ""
	for k, t := range v.known {
		if t != schema.Industry && t != schema.Market && t != schema.Technology {
			continue
		}
		rest, ok := strings.CutPrefix(k, region.name)
		if !ok || k == kind.name || !strings.Contains(rest, kind.name) {
			continue
		}
		if best == "" || len(k) < len(best) || (len(k) == len(best) && k < best) {
			best = k
		}
	}
	if best == "" {
		return orig
	}
	return best
}

// distribute turns head mentions into subject names; with 分别 and as many
// subjects as list items, each item gets its own.
func (v *sentenceView) distribute(f figure, ms []mentionSpan) []string {
	var names []string
	for _, m := range ms {
		if !slices.Contains(names, m.name) { // a few names: a list serves as the set
			names = append(names, m.name)
		}
	}
	if len(names) > 1 && f.listLen > 1 && strings.Contains(v.s, "分别") {
		if len(names) == f.listLen {
			return []string{names[f.listPos]}
		}
		// 蔚来、小鹏、威马、理想…分别获得6亿元、3.3亿元…: with a name
		// missing, which figure is whose cannot be told
		return nil
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
	mc := v.clauseOf(m.start)
	cs, _ := v.clauseBounds(mc)
	pre := strings.TrimRight(s[cs:m.start], " ")
	if m.end <= f.Start && mc == f.clause {
		// X占Y的N%: Y is the whole, not the subject
		if strings.Contains(pre, "占") {
			return candOff
		}
		// 将纯电动汽车全球销量增加至350万辆: the object of 将/把
		if strings.Contains(pre, "将") || strings.Contains(pre, "把") {
			return candOff
		}
	}
	if strings.HasSuffix(pre, "其") {
		return candOff // 其动力电池单价: 其 is the owner, carried from before
	}
	// 对比宁德时代，…: a clause that only names the new topic
	if (pre == "对比" || pre == "而对比" || pre == "反观" || pre == "相比之下") && mc != f.clause {
		return candFine
	}
	post := s[m.end:]
	// 国内头部的电商平台京东: a place that scopes a description of a
	// company named later in its clause says where, not whose
	if m.typ == schema.Region {
		_, ce := v.clauseBounds(mc)
		for _, o := range v.mentions {
			if o.start >= m.end && o.end <= ce && isNamedThing(o.typ) && o.end <= f.Start && strings.Contains(s[m.end:o.start], "的") {
				return candSoft
			}
		}
	}
	// 亚马逊公司的杰夫·贝索斯以1930亿美元…: the owner of a person named
	// right after it; the person is who the figure is about
	if m.typ != schema.Person && strings.HasPrefix(post, "的") {
		for _, o := range v.mentions {
			if o.typ == schema.Person && o.start == m.end+len("的") && o.end <= f.Start {
				return candSoft
			}
		}
	}
	for _, w := range []string{"比", "较", "相比", "对比", "比起", "高于", "低于", "不及", "超过", "相较", "相较于", "与", "同", "跟"} {
		if strings.HasSuffix(pre, w) {
			return candSoft
		}
	}
	// 纯电动汽车比率仅为1%: the share of a kind of product in someone's
	// sales; the owner is elsewhere
	if m.typ == schema.Technology {
		for _, w := range []string{"占比", "比率", "比例", "比重", "渗透率"} {
			if strings.HasPrefix(post, w) {
				return candSoft
			}
		}
	}
	// 在全球…中, 包括上海汽车在内, 以云计算为代表的: a setting, not the subject
	if v.inFrame(m, f) {
		return candSoft
	}
	// 达到国内销量5成: a region inside the clause, right before a measure,
	// says where, not whose
	if m.typ == schema.Region && !v.atHead(m) {
		for _, w := range v.tab.measures {
			if strings.HasPrefix(post, w) {
				return candSoft
			}
		}
	}
	// 获红杉资本投资: the investor, not the company measured
	if (strings.HasSuffix(pre, "获") || strings.HasSuffix(pre, "获得")) &&
		(strings.HasPrefix(post, "投资") || strings.HasPrefix(post, "领投") || strings.HasPrefix(post, "注资") || strings.HasPrefix(post, "战略投资")) {
		return candSoft
	}
	// 通过自动驾驶软件获得…: the means, not the earner
	for _, w := range []string{"通过", "借助", "依靠", "凭借", "利用"} {
		if strings.HasSuffix(pre, w) {
			return candSoft
		}
	}
	if v.reporter(m) {
		return candSoft
	}
	for _, w := range []string{"据", "根据", "按照", "援引", "来自"} {
		if strings.Contains(pre, w) {
			return candSoft
		}
	}
	for _, w := range []string{"数据", "报告", "统计", "显示", "预测", "预计", "研究", "发布", "认为", "称", "指出", "表示", "透露", "测算"} {
		if p := strings.TrimLeft(post, " "); strings.HasPrefix(p, w) || strings.HasPrefix(p, "的"+w) {
			return candSoft
		}
	}
	if walking && (strings.HasSuffix(pre, "为") || strings.HasSuffix(pre, "是")) {
		return candSoft
	}
	return candFine
}

// reporter reports a research firm, regulator or person that states the
// figure (据IDC统计, 工信部数据显示, 金存忠表示) rather than owns it. A
// company's own filing (据中创航业招股书显示，其营收…) is its own figure.
func (v *sentenceView) reporter(m mentionSpan) bool {
	if m.typ != schema.Organization && m.typ != schema.Person {
		return false
	}
	c := v.clauseOf(m.start)
	cs, ce := v.clauseBounds(c)
	pre := v.s[cs:m.start]
	post := strings.TrimLeft(v.s[m.end:], " ")
	for _, w := range []string{"据", "根据", "按照", "援引", "来自"} {
		if strings.Contains(pre, w) {
			return true
		}
	}
	for _, w := range figureSourceVerbs {
		if strings.HasPrefix(post, w) || strings.HasPrefix(post, "的"+w) {
			return true
		}
	}
	// 央行公开数据显示; 商会常务会长李金勇认为，…: the speaker's clause
	if strings.Contains(firstRunes(post, 8), "显示") {
		return true
	}
	clause := strings.TrimRight(v.s[cs:ce], " ，,：:")
	for _, w := range figureSourceVerbs {
		if strings.HasSuffix(clause, w) {
			return true
		}
	}
	return false
}

// figureSourceVerbs follow whoever states a figure.
var figureSourceVerbs = []string{"数据", "报告", "统计", "显示", "预测", "预计", "研究", "发布", "认为", "称", "指出", "表示", "透露", "测算", "公布", "介绍", "说", "提到", "强调"}

// inFrame reports whether m sits in a 在…中/包括…在内/以…为 frame that
// closes before the figure.
func (v *sentenceView) inFrame(m mentionSpan, f figure) bool {
	cs, _ := v.clauseBounds(v.clauseOf(m.start))
	pre := v.s[cs:m.start]
	frames := []struct{ open, close string }{
		{"在", "中"}, {"在", "内"}, {"在", "里"}, {"在", "上"}, {"包括", "在内"}, {"以", "为"}, {"在", ""},
	}
	for _, fr := range frames {
		i := strings.LastIndex(pre, fr.open)
		if i < 0 || utf8.RuneCountInString(pre[i+len(fr.open):]) > 12 {
			continue
		}
		if fr.close == "" {
			// a bare 在 right before the name: 在全球市场占有率
			if strings.TrimSpace(pre[i+len(fr.open):]) == "" {
				return true
			}
			continue
		}
		end := len(v.s)
		if f.Start >= m.end {
			end = f.Start
		}
		if strings.Contains(v.s[m.end:end], fr.close) {
			return true
		}
	}
	return false
}

func isNamedThing(t schema.Type) bool {
	return t == schema.Company || t == schema.Organization || t == schema.Person || t == schema.Product
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}
