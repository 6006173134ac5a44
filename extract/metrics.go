package extract

import (
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// metricMemory is what one sentence tells the next about figures: the time
// in focus (ithome: "在2020年…" then "其中…96.77亿元" is still 2020) and the
// entity last measured (其净利润… continues the previous subject).
type metricMemory struct {
	tab *metricTables

	period        *timeExpr
	periodBlock   int
	periodHeading string

	subject      string
	subjectBlock int
	seen         bool

	known     map[string]schema.Type
	companies map[string]int // mentions per company name
}

func (ctx *docContext) metricMemory() *metricMemory {
	if ctx.metrics == nil {
		ctx.metrics = &metricMemory{tab: tablesFor(ctx.Lex)}
	}
	return ctx.metrics
}

// metricTables is the lexicon's metric lists in the form findMetrics needs.
type metricTables struct {
	units        *unitTable
	approxBefore []string // longest first
	approxAfter  []string
	measures     []string // longest first
	money        map[string]bool
	direction    map[string]bool
	generic      map[string]bool
}

// tablesFor builds the tables once per article (see metricMemory); they
// are small, and caching them per Lexicon would keep every Lexicon alive.
func tablesFor(lx *Lexicon) *metricTables {
	if lx == nil {
		lx = shippedLexicon()
	}
	t := &metricTables{units: newUnitTable(lx), money: map[string]bool{}, direction: map[string]bool{}, generic: map[string]bool{}}
	for _, e := range lx.List("approx") {
		if e.Value == "after" {
			t.approxAfter = append(t.approxAfter, e.Word)
		} else {
			t.approxBefore = append(t.approxBefore, e.Word)
		}
	}
	for _, e := range lx.List("measures") {
		t.measures = append(t.measures, e.Word)
		switch e.Value {
		case "money":
			t.money[e.Word] = true
		case "direction":
			t.direction[e.Word] = true
		case "generic":
			t.generic[e.Word] = true
		}
	}
	byLen := func(ws []string) {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	}
	byLen(t.approxBefore)
	byLen(t.approxAfter)
	byLen(t.measures)
	return t
}

var shipped struct {
	once sync.Once
	lx   *Lexicon
}

// isMoney reports a measure that counts money (营收, 净利润规模), so that a
// figure given only as 亿 is in CNY.
func (t *metricTables) isMoney(measure string) bool {
	for w := range t.money {
		if strings.Contains(measure, w) {
			return true
		}
	}
	return false
}

func shippedLexicon() *Lexicon {
	shipped.once.Do(func() {
		lx, err := LoadLexicon()
		if err != nil {
			// the shipped lists are embedded and tested; an error here is a
			// broken build, and empty lists are the only safe answer
			lx = &Lexicon{lists: map[string][]Entry{}}
		}
		shipped.lx = lx
	})
	return shipped.lx
}

// mentionSpan is a mention carried over to the folded text.
type mentionSpan struct {
	start, end int
	name       string
	typ        schema.Type
}

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

// sentenceView is one sentence prepared for metric finding.
type sentenceView struct {
	s        string
	clauses  []int // start offsets of clauses
	mentions []mentionSpan
	blocked  [][2]int // 《》 titles and short quotes: no figures inside
	parens   [][2]int
	times    []timeExpr

	clauseHasFigure map[int]bool
	tab             *metricTables
	known           map[string]schema.Type // every entity named so far in the article
	mainCompany     string                 // the company named most so far, if clearly so
}

// findMetrics returns every figure of the sentence that has a clear subject
// among its mentions, normalised per SHARED/SCHEMA.md "Metrics".
func findMetrics(s *sentence, ctx *docContext) []Metric {
	mem := ctx.metricMemory()
	ft := foldFigures(s.Text)
	v := newSentenceView(ft, s, ctx.Date)
	if mem.known == nil {
		mem.known = map[string]schema.Type{}
	}
	if mem.companies == nil {
		mem.companies = map[string]int{}
	}
	for _, m := range v.mentions {
		mem.known[m.name] = m.typ
		if m.typ == schema.Company {
			mem.companies[m.name]++
		}
	}
	v.known = mem.known
	v.tab = mem.tab
	v.mainCompany = mainOf(mem.companies)
	figs := v.figures(mem.tab)
	v.clauseHasFigure = map[int]bool{}
	for _, f := range figs {
		v.clauseHasFigure[f.clause] = true
	}

	prevPeriod, prevSubject := mem.carried(s)
	var headTimes []timeExpr
	if s.Heading != "" {
		headTimes = findTimes(foldFigures(s.Heading).s, ctx.Date)
	}

	var out []Metric
	for _, f := range figs {
		if f.Kind == kindTimes && v.comparedTo(figs[f.list]) {
			continue
		}
		if f.Kind == kindCount && !v.measuredCount(f, mem.tab) {
			continue
		}
		carried := prevSubject
		if f.Kind == kindCount && len(v.mentions) > 0 {
			// a count in a sentence naming other things is about them, or
			// about something unnamed; carrying a subject in is a guess
			carried = ""
		}
		subjects := v.subjects(f, carried)
		if len(subjects) == 0 {
			continue
		}
		measure := v.measure(f, figs, subjects, mem.tab)
		unit := f.Unit
		if f.Kind == kindNone {
			switch {
			case v.indexFigure(f, figs) && !f.Scaled:
				unit = "index"
			case f.Scaled && mem.tab.isMoney(measure) && v.measureInClause(f, measure) && !modifierNext(v.s[f.End:]):
				unit = "CNY"
			default:
				continue
			}
		}
		period := v.period(f, prevPeriod, headTimes, s.Block == mem.periodBlock, isGrowthRate(measure))
		approx := f.Approx || v.approx(figs[f.list], mem.tab) || v.approx(f, mem.tab)
		for _, subj := range subjects {
			out = append(out, Metric{
				Subject: subj, Measure: measure, Value: f.Value, Unit: unit,
				Period: period, Approx: approx, Evidence: s.Text,
			})
		}
	}
	mem.remember(s, v, out)
	return out
}

// mainOf returns the most mentioned name when it leads the next by a
// clear margin (half as many again), else "".
func mainOf(counts map[string]int) string {
	best, second := "", 0
	for n, c := range counts {
		switch {
		case best == "" || c > counts[best] || (c == counts[best] && n < best):
			if best != "" {
				second = max(second, counts[best])
			}
			best = n
		case c > second:
			second = c
		}
	}
	if best == "" || counts[best] < 5 || 2*counts[best] < 3*second {
		return ""
	}
	return best
}

// carried is the period and subject the previous sentences hand on: the
// period only within the same section, the subject only within the same
// paragraph or when this sentence opens with a pronoun (其, 该…).
func (m *metricMemory) carried(s *sentence) (*timeExpr, string) {
	// a time phrase holds for its paragraph and the one after (IT之家 puts
	// each sentence in its own paragraph); further on it is a guess
	var p *timeExpr
	if m.period != nil && m.periodHeading == s.Heading && s.Block-m.periodBlock <= 1 {
		p = m.period
	}
	subj := ""
	if m.seen && (m.subjectBlock == s.Block || opensWithPronoun(s.Text)) {
		subj = m.subject
	}
	return p, subj
}

func opensWithPronoun(t string) bool {
	t = strings.TrimLeft(t, " “\"「")
	for _, w := range []string{"其", "该", "此", "这", "它", "与此同时", "同时", "此外", "另外", "而其", "但其"} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

func (m *metricMemory) remember(s *sentence, v *sentenceView, out []Metric) {
	for i := len(v.times) - 1; i >= 0; i-- {
		if !v.times[i].Compare {
			t := v.times[i]
			m.period, m.periodBlock, m.periodHeading = &t, s.Block, s.Heading
			break
		}
	}
	// the last figure's subject, else the sentence's plain topic; a sentence
	// that opens with 与X/在X leaves the earlier subject in place
	if len(out) > 0 {
		m.subject = out[len(out)-1].Subject
	} else if v.opensWithUnknownName() {
		m.seen = false // 长飞上半年…；实现净利润…: the continuation is 长飞's
		return
	} else if t, ok := v.topic(); ok {
		m.subject = t
	} else {
		return
	}
	m.subjectBlock, m.seen = s.Block, true
}

func newSentenceView(ft figText, s *sentence, date time.Time) *sentenceView {
	v := &sentenceView{s: ft.s}
	for _, m := range s.Mentions {
		if m.Type == schema.Metric {
			continue
		}
		a, b := ft.at(m.Start), ft.at(m.End)
		if a < b {
			v.mentions = append(v.mentions, mentionSpan{a, b, m.Name, m.Type})
		}
	}
	sort.SliceStable(v.mentions, func(i, j int) bool { return v.mentions[i].start < v.mentions[j].start })
	v.clauses = []int{0}
	depth := 0
	for i, r := range ft.s {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
			}
		case '，', ',', '；', ';', '。', '！', '？', '!', '?', '：', ':', '|', '｜':
			if depth == 0 {
				v.clauses = append(v.clauses, i+utf8.RuneLen(r))
			}
		}
	}
	v.parens = bracketSpans(ft.s, "（(", "）)", 0)
	v.blocked = append(bracketSpans(ft.s, "《", "》", 0), bracketSpans(ft.s, "“‘「\"", "”’」\"", 12)...)
	// a year inside a title or a name (《…（2021-2023年）》, 2021年中国半导体
	//设备年会) dates the title, not the figures
	for _, t := range findTimes(ft.s, date) {
		if spanInside(v.blocked, t.Start, t.End) || v.inMention(t.Start, t.End) {
			continue
		}
		v.times = append(v.times, t)
	}
	return v
}

func (v *sentenceView) inMention(a, b int) bool {
	for _, m := range v.mentions {
		if a < m.end && b > m.start {
			return true
		}
	}
	return false
}

// bracketSpans finds bracketed spans; with maxRunes > 0 only those whose inside
// is at most that long (a quoted name like “0元标”, not a quoted remark).
func bracketSpans(s, open, close string, maxRunes int) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		switch {
		case start < 0 && strings.ContainsRune(open, r):
			start = i
		case start >= 0 && strings.ContainsRune(close, r):
			inner := s[start+utf8.RuneLen(headRune(s[start:])) : i]
			if maxRunes == 0 || utf8.RuneCountInString(inner) <= maxRunes {
				out = append(out, [2]int{start, i + utf8.RuneLen(r)})
			}
			start = -1
		}
	}
	return out
}

func spanInside(spans [][2]int, a, b int) bool {
	for _, p := range spans {
		if a >= p[0] && b <= p[1] {
			return true
		}
	}
	return false
}

func (v *sentenceView) clauseOf(off int) int {
	i := sort.SearchInts(v.clauses, off+1) - 1
	if i < 0 {
		return 0
	}
	return i
}

func (v *sentenceView) clauseBounds(c int) (int, int) {
	end := len(v.s)
	if c+1 < len(v.clauses) {
		end = v.clauses[c+1]
	}
	return v.clauses[c], end
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
	for _, w := range []string{"红包", "数字人民币", "现金", "补贴", "优惠", "代金", "消费券", "购物券", "礼包", "大奖", "奖励", "面值", "档", "以下"} {
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
	for _, c := range []string{"家", "辆", "台", "次", "人", "名", "座", "所", "架", "艘", "户", "例"} {
		if strings.HasSuffix(unit, c) {
			return true
		}
	}
	after := v.s[f.End:]
	for _, n := range []string{"生产基地", "基地", "工厂", "门店", "城市", "国家", "园区", "数据中心", "研发中心", "项目", "专利", "用户", "会员", "员工"} {
		if strings.HasPrefix(after, n) {
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

// isGrowthRate tells a compound annual growth rate, which is over a span.
func isGrowthRate(measure string) bool {
	return strings.Contains(measure, "复合") || strings.Contains(strings.ToUpper(measure), "CAGR")
}

// indexFigure reports a bare number that is an index value: 指数 in the
// words before it in its clause (产业互联网指数均值为17.0).
func (v *sentenceView) indexFigure(f figure, figs []figure) bool {
	cs, _ := v.clauseBounds(f.clause)
	return strings.Contains(v.s[cs:f.Start], "指数")
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
