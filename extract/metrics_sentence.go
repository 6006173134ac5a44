package extract

import (
	"cmp"
	"slices"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// mentionSpan is a mention carried over to the folded text.
type mentionSpan struct {
	start, end int
	name       string
	typ        schema.Type
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

func newSentenceView(ft figText, s *sentence, date time.Time) *sentenceView {
	v := &sentenceView{}
	v.reset(ft, s, date)
	return v
}

// reset makes v the view of sentence s, keeping the room of v's lists:
// findMetrics views every sentence of an article in turn, and nothing
// keeps a view or its lists past its sentence.
func (v *sentenceView) reset(ft figText, s *sentence, date time.Time) {
	*v = sentenceView{s: ft.s, mentions: v.mentions[:0], clauses: v.clauses[:0], times: v.times[:0]}
	for _, m := range s.Mentions {
		if m.Type == schema.Metric {
			continue
		}
		a, b := ft.at(m.Start), ft.at(m.End)
		if a < b {
			v.mentions = append(v.mentions, mentionSpan{a, b, m.Name, m.Type})
		}
	}
	slices.SortStableFunc(v.mentions, func(a, b mentionSpan) int { return cmp.Compare(a.start, b.start) })
	v.clauses = append(v.clauses, 0) // the first clause
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
			// 1,200辆: a thousands separator is inside a figure, and a clause
			// ending inside a figure made subjects() slice past its end
			thousands := r == ',' && i > 0 && i+1 < len(ft.s) && isASCIIDigit(rune(ft.s[i-1])) && isASCIIDigit(rune(ft.s[i+1]))
			if depth == 0 && !thousands {
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
// A span opens at the first rune of open and closes at the first rune of
// close after it; the next span is looked for after that.
func bracketSpans(s, open, close string, maxRunes int) [][2]int {
	var out [][2]int
	for i := 0; ; {
		k := indexAnyRune(s[i:], open)
		if k < 0 {
			return out
		}
		start := i + k
		_, n := utf8.DecodeRuneInString(s[start:])
		k = indexAnyRune(s[start+n:], close)
		if k < 0 {
			return out
		}
		end := start + n + k
		_, m := utf8.DecodeRuneInString(s[end:])
		if maxRunes == 0 || utf8.RuneCountInString(s[start+n:end]) <= maxRunes {
			out = append(out, [2]int{start, end + m})
		}
		i = end + m
	}
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
