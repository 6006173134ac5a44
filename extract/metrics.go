package extract

import (
	"strings"

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

	heading      string     // the last heading read, and its time phrases
	headingTimes []timeExpr // (read only)

	known     map[string]schema.Type
	companies map[string]int // mentions per company name

	mainCompany string // mainOf(companies), when mainKnown
	mainKnown   bool

	view sentenceView // the sentence being read, its lists' room reused
}

func (ctx *docContext) metricMemory() *metricMemory {
	if ctx.metrics == nil {
		tab := ctx.tab
		if tab == nil {
			tab = tablesFor(ctx.Lex)
		}
		ctx.metrics = &metricMemory{tab: tab}
	}
	return ctx.metrics
}

// findMetrics returns every figure of the sentence that has a clear subject
// among its mentions, normalised per SHARED/SCHEMA.md "Metrics".
func findMetrics(s *sentence, ctx *docContext) []Metric {
	mem := ctx.metricMemory()
	ft := foldFigures(s.Text)
	v := &mem.view
	v.reset(ft, s, ctx.Date)
	if mem.known == nil {
		mem.known = map[string]schema.Type{}
	}
	if mem.companies == nil {
		mem.companies = map[string]int{}
	}
	counted := false
	for _, m := range v.mentions {
		mem.known[m.name] = m.typ
		if m.typ == schema.Company {
			mem.companies[m.name]++
			counted = true
		}
	}
	v.known = mem.known
	v.tab = mem.tab
	// mainOf reads only the counts: recount when they change
	if counted || !mem.mainKnown {
		mem.mainCompany, mem.mainKnown = mainOf(mem.companies), true
	}
	v.mainCompany = mem.mainCompany
	figs := v.figures(mem.tab)
	if len(figs) > 0 { // most sentences have none; a nil map reads as empty
		v.clauseHasFigure = make(map[int]bool, len(figs))
	}
	for _, f := range figs {
		v.clauseHasFigure[f.clause] = true
	}

	prevPeriod, prevSubject := mem.carried(s)
	var headTimes []timeExpr
	if s.Heading != "" {
		// every sentence of a section asks about the same heading
		if s.Heading != mem.heading {
			mem.heading, mem.headingTimes = s.Heading, findTimes(foldFigures(s.Heading).s, ctx.Date)
		}
		headTimes = mem.headingTimes
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
		if measure == noMeasure {
			continue // 从7nm到5nm再到3nm: a physical size no word measures names a kind (a process node), not a figure
		}
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

// deadline reports a time phrase that sets a target: 到2025年, 2035年之前.
func (v *sentenceView) deadline(t timeExpr) bool {
	before := strings.TrimRight(v.s[:t.Start], " ")
	after := v.s[t.End:]
	if strings.HasSuffix(before, "截止到") || strings.HasSuffix(before, "截至到") || strings.HasSuffix(before, "截至") {
		return false // 截止到2021年上半年: the state at a date, not a target
	}
	for _, w := range []string{"到", "至", "预计", "计划", "目标", "有望", "将于", "预计到"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	for _, w := range []string{"之前", "以前", "前"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
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
	// a target date (到2035年, 2030年之前) dates its own sentence's figures
	// only; the next sentence is back in the time talked about
	for i := len(v.times) - 1; i >= 0; i-- {
		if t := v.times[i]; !t.Compare && !v.deadline(t) {
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
