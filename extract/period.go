package extract

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// timeExpr is a time phrase in a sentence (2020年, 2021年上半年,
// 2019年~2021年, 今年) resolved to the SCHEMA's period forms.
type timeExpr struct {
	Start, End int    // byte offsets in the text searched
	Value      string // 2020, 2021-H1, 2021-Q3, 2021-06, 2021/2023, 2021-01/2021-09
	// Each is one period per year of a range (2019, 2020, 2021-H1), so that
	// "2019年~2021年…分别为A、B和C" can give A, B and C their own years.
	Each []string
	// Compare marks a comparison base (比2020年, 较上年): the figure is not
	// of that period.
	Compare bool
	// Relative marks a period read against the article's date (今年, 上半年).
	Relative bool
}

const yearPat = `((?:19|20)\d{2})`

// subPat is what may follow a year: half, quarters, months, month ranges.
const subPat = `(上半年|下半年|前三季度|前三个季度|前两个季度|前二季度|第?[一二三四1-4]季度|Q[1-4]|H[12]|\d{1,2}[-~至到]\d{1,2}月份?|\d{1,2}月份?)`

var (
	pointRe    = regexp.MustCompile(yearPat + `(年度|财年|年)?` + subPat + `?`)
	rangeSepRe = regexp.MustCompile(`^\s*(?:[-~—–至到]|年至|年到)\s*`)
	// time words that need the article's date
	relYearRe = regexp.MustCompile(`(今年|去年|前年|明年|上年|上一年|本年)` + subPat + `?`)
	bareSubRe = regexp.MustCompile(subPat)

	// the same, anchored, for findAllAt
	pointAt   = anchored(pointRe)
	relYearAt = anchored(relYearRe)
	bareSubAt = anchored(bareSubRe)
)

// findTimes lists the time phrases of s in order. date is the article's
// date, used for 今年/去年 and for a half, quarter or month range given
// without a year; with a zero date those are skipped.
func findTimes(s string, date time.Time) []timeExpr {
	var out []timeExpr
	covered := func(a, b int) bool {
		for _, t := range out {
			if a < t.End && b > t.Start {
				return true
			}
		}
		return false
	}
	for _, m := range findAllAt(pointAt, s, mayHoldYear(s), nextYear) {
		start, end := m[0], m[1]
		if covered(start, end) || digitAround(s, m[2], m[3]) {
			continue
		}
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		hasNian := m[4] >= 0
		sub := ""
		if m[6] >= 0 {
			sub = s[m[6]:m[7]]
		}
		// a range: 2019年~2021年, 2019-2021年, 2021年至2026年, 2019年~2021上半年
		if t, ok := parseRange(s, start, end, y, sub, hasNian); ok {
			out = append(out, t)
			continue
		}
		if !hasNian && sub == "" {
			continue // a bare 2020 is a name, a code or a model (2020高工锂电)
		}
		if sub != "" && strings.HasSuffix(sub, "月") && !hasNian {
			continue // 20213月 is not a date
		}
		v := formatPeriod(y, sub)
		if v == "" {
			continue
		}
		out = append(out, timeExpr{Start: start, End: end, Value: v, Each: []string{v}})
	}
	if !date.IsZero() {
		year := date.Year()
		for _, m := range findAllAt(relYearAt, s, mayHoldRelYear(s), nextRelYear) {
			if covered(m[0], m[1]) {
				continue
			}
			y := year
			switch s[m[2]:m[3]] {
			case "去年", "上年", "上一年":
				y--
			case "前年":
				y -= 2
			case "明年":
				y++
			}
			sub := ""
			if m[4] >= 0 {
				sub = s[m[4]:m[5]]
			}
			if v := formatPeriod(y, sub); v != "" {
				out = append(out, timeExpr{Start: m[0], End: m[1], Value: v, Each: []string{v}, Relative: true})
			}
		}
		for _, m := range findAllAt(bareSubAt, s, mayHoldSub(s), nextSub) {
			sub := s[m[2]:m[3]]
			// a lone month (3月21日) is a date, not a period, unless said as
			// a month (7月份); a half, a quarter or a month range (1-5月)
			// reads as the article's year
			if covered(m[0], m[1]) || (strings.HasSuffix(strings.TrimSuffix(sub, "份"), "月") && !strings.HasSuffix(sub, "月份") && !strings.ContainsAny(sub, "-~至到")) {
				continue
			}
			if m[0] > 0 && isASCIIDigit(tailRune(s[:m[0]])) {
				continue
			}
			if v := formatPeriod(year, sub); v != "" {
				out = append(out, timeExpr{Start: m[0], End: m[1], Value: v, Each: []string{v}, Relative: true})
			}
		}
	}
	for i := range out {
		out[i].Compare = comparisonBase(s[:out[i].Start]) || startingPoint(s[:out[i].Start], s[out[i].End:]) || priceBase(s[out[i].End:])
	}
	sortTimes(out)
	return out
}

// findAllIf runs re over s only when a cheap test says it may match: most
// sentences name no time at all, and these regexps cost more than the
// whole rest of a sentence's reading.
func findAllIf(re *regexp.Regexp, s string, may bool) [][]int {
	if !may {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// nextYear: a pointRe match begins with 19 or 20 and two ASCII digits.
func nextYear(s string, i int) int {
	for ; i+3 < len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isASCIIDigit(rune(s[i+2])) && isASCIIDigit(rune(s[i+3])) {
			return i
		}
	}
	return -1
}

// a relYearRe match begins with one of relYearHeads; a subPat alternative
// with an ASCII digit, Q, H, or one of subHeads
var nextRelYear, nextSub = nextRuneIn(relYearHeads), nextRuneIn("0123456789QH" + subHeads)

const subHeads = "上下前第一二三四"

// mayHoldYear: every pointRe match starts with a year, 19 or 20 and two
// ASCII digits (\d); figures hold 19 and 20 often enough without one.
func mayHoldYear(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isASCIIDigit(rune(s[i+2])) && isASCIIDigit(rune(s[i+3])) {
			return true
		}
	}
	return false
}

// mayHoldRelYear is true wherever relYearRe matches: each of its words
// (今年, 去年, 前年, 明年, 上年, 上一年, 本年) is 年 after one of
// relYearHeads. 年 alone is in nearly every sentence with a figure.
func mayHoldRelYear(s string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], "年")
		if k < 0 {
			return false
		}
		at := off + k
		if r, _ := utf8.DecodeLastRuneInString(s[:at]); hasRune(relYearHeads, r) {
			return true
		}
		off = at + len("年")
	}
}

const relYearHeads = "今去前明上一本"

// mayHoldSub is true wherever bareSubRe matches: every subPat alternative
// holds 半年, 季度, Q then 1-4, H then 1 or 2, or an ASCII digit (\d)
// right before 月. Most sentences name a month only in a date or hold no
// such word at all, and the check spares them the regexp.
func mayHoldSub(s string) bool {
	if strings.Contains(s, "半年") || strings.Contains(s, "季度") {
		return true
	}
	if byteThen(s, 'Q', "1234") || byteThen(s, 'H', "12") {
		return true
	}
	for off := 0; ; {
		k := strings.Index(s[off:], "月")
		if k < 0 {
			return false
		}
		if at := off + k; at > 0 && isASCIIDigit(rune(s[at-1])) {
			return true
		}
		off += k + len("月")
	}
}

// byteThen reports whether s has the byte c followed by one of next; it
// looks for c with IndexByte rather than testing every byte.
func byteThen(s string, c byte, next string) bool {
	for off := 0; ; {
		k := strings.IndexByte(s[off:], c)
		if k < 0 {
			return false
		}
		at := off + k
		if at+1 < len(s) && strings.IndexByte(next, s[at+1]) >= 0 {
			return true
		}
		off = at + 1
	}
}

func digitAround(s string, a, b int) bool {
	return (a > 0 && isASCIIDigit(tailRune(s[:a]))) || (b < len(s) && isASCIIDigit(headRune(s[b:])))
}

func parseRange(s string, start, end, y1 int, sub1 string, nian1 bool) (timeExpr, bool) {
	sep := rangeSepRe.FindStringIndex(s[end:])
	if sep == nil {
		return timeExpr{}, false
	}
	rest := end + sep[1]
	m := pointRe.FindStringSubmatchIndex(s[rest:])
	if m == nil || m[0] != 0 || digitAround(s, rest+m[2], rest+m[3]) {
		return timeExpr{}, false
	}
	y2, _ := strconv.Atoi(s[rest+m[2] : rest+m[3]])
	sub2 := ""
	if m[6] >= 0 {
		sub2 = s[rest+m[6] : rest+m[7]]
	}
	nian2 := m[4] >= 0
	sepText := s[end : end+sep[1]]
	if !(nian1 || nian2 || sub2 != "" || strings.Contains(sepText, "年")) || y2 <= y1 || y2-y1 > 30 {
		return timeExpr{}, false
	}
	first, last := formatPeriod(y1, sub1), formatPeriod(y2, sub2)
	if first == "" || last == "" {
		return timeExpr{}, false
	}
	each := []string{first}
	for y := y1 + 1; y < y2; y++ {
		each = append(each, strconv.Itoa(y))
	}
	each = append(each, last)
	head, _, _ := strings.Cut(first, "/")
	tail := last
	if i := strings.LastIndex(last, "/"); i >= 0 {
		tail = last[i+1:]
	}
	return timeExpr{Start: start, End: rest + m[1], Value: head + "/" + tail, Each: each}, true
}

// formatPeriod writes a year and what followed it in the SCHEMA's forms.
func formatPeriod(y int, sub string) string {
	ys := strconv.Itoa(y)
	sub = strings.TrimSuffix(sub, "份")
	switch sub {
	case "":
		return ys
	case "上半年", "H1", "前两个季度", "前二季度":
		return ys + "-H1"
	case "下半年", "H2":
		return ys + "-H2"
	case "前三季度", "前三个季度":
		return fmt.Sprintf("%d-01/%d-09", y, y)
	}
	if q := quarterOf(sub); q > 0 {
		return fmt.Sprintf("%d-Q%d", y, q)
	}
	if strings.HasSuffix(sub, "月") {
		months := strings.TrimSuffix(sub, "月")
		if a, b, ok := cutAny(months, "-~至到"); ok {
			m1, e1 := strconv.Atoi(a)
			m2, e2 := strconv.Atoi(b)
			if e1 != nil || e2 != nil || m1 < 1 || m2 > 12 || m1 >= m2 {
				return ""
			}
			return fmt.Sprintf("%d-%02d/%d-%02d", y, m1, y, m2)
		}
		mo, err := strconv.Atoi(months)
		if err != nil || mo < 1 || mo > 12 {
			return ""
		}
		return fmt.Sprintf("%d-%02d", y, mo)
	}
	return ""
}

func quarterOf(sub string) int {
	sub = strings.TrimPrefix(strings.TrimSuffix(sub, "季度"), "第")
	switch sub {
	case "一", "1", "Q1":
		return 1
	case "二", "2", "Q2":
		return 2
	case "三", "3", "Q3":
		return 3
	case "四", "4", "Q4":
		return 4
	}
	return 0
}

func cutAny(s, seps string) (string, string, bool) {
	if i := strings.IndexAny(s, seps); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[:i], s[i+n:], true
	}
	return s, "", false
}

// comparisonBase reports whether the text just before a time phrase makes
// it the base of a comparison: 比2019年, 较上年, 与2019年基本相同.
func comparisonBase(before string) bool {
	before = strings.TrimRight(before, " ")
	for _, w := range []string{"比", "较", "相比", "相较", "相较于", "相比于", "对比", "同比", "与", "跟", "较之", "比起", "相对于"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// priceBase reports a year that only fixes the prices a figure is computed
// at (按照上年不变价计算, 以2020年价格计算), not the figure's period.
func priceBase(after string) bool {
	for _, w := range []string{"不变价", "可比价", "价格计算", "价格水平", "价计算"} {
		if strings.HasPrefix(after, w) || strings.HasPrefix(after, "的"+w) {
			return true
		}
	}
	return false
}

// startingPoint reports 从2010年6月上市以来 / 自2018年起: the time since
// which something holds, not the period of a figure.
func startingPoint(before, after string) bool {
	before = strings.TrimRight(before, " ")
	if !strings.HasSuffix(before, "从") && !strings.HasSuffix(before, "自") && !strings.HasSuffix(before, "自从") {
		return false
	}
	a := []rune(after)
	if len(a) > 8 {
		a = a[:8]
	}
	rest := string(a)
	for _, w := range []string{"以来", "起", "开始"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

func sortTimes(ts []timeExpr) {
	slices.SortStableFunc(ts, func(a, b timeExpr) int { return cmp.Compare(a.Start, b.Start) })
}
