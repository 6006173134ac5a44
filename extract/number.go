package extract

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// figText is a sentence with full-width digits and signs folded to ASCII
// and the spaces some sources put between CJK and digits (IT之家: "242.90
// 亿元", "2020 年") removed, so one set of patterns fits every source. pos
// maps each byte offset of the original to its offset here, which is how
// mention spans are carried over.
type figText struct {
	s   string
	pos []int // len(original)+1 entries; nil when s is the original
}

func foldFigures(orig string) figText {
	if !foldsFigures(orig) {
		return figText{s: orig}
	}
	return rewriteFigures(orig)
}

// rewriteFigures is foldFigures building the new text and offset map.
func rewriteFigures(orig string) figText {
	var b strings.Builder
	b.Grow(len(orig))
	pos := make([]int, len(orig)+1)
	n := utf8.RuneCountInString(orig)
	rs, sizes := make([]rune, 0, n), make([]int, 0, n)
	for i := 0; i < len(orig); {
		r, n := utf8.DecodeRuneInString(orig[i:])
		rs = append(rs, r)
		sizes = append(sizes, n)
		i += n
	}
	off := 0
	for i, r := range rs {
		for k := 0; k < sizes[i]; k++ {
			pos[off+k] = b.Len()
		}
		off += sizes[i]
		if isBlankRune(r) && dropFigureSpace(rs, i) {
			continue
		}
		b.WriteRune(foldFigureRune(r))
	}
	pos[len(orig)] = b.Len()
	return figText{s: b.String(), pos: pos}
}

// foldsFigures reports whether foldFigures would change s: it holds a
// blank, a rune foldFigureRune maps, or invalid UTF-8 (which it rewrites as
// U+FFFD). Most sentences hold none, and need neither a copy nor a map.
func foldsFigures(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || isBlankRune(r) || foldFigureRune(r) != r {
			return true
		}
	}
	return false
}

// at maps an original byte offset to the normalised text, clamping bad ones.
// A byte inside a rune maps to where that rune starts.
func (n figText) at(orig int) int {
	if orig < 0 {
		return 0
	}
	if n.pos == nil { // s is the original
		if orig >= len(n.s) {
			return len(n.s)
		}
		for orig > 0 && !utf8.RuneStart(n.s[orig]) {
			orig--
		}
		return orig
	}
	if orig >= len(n.pos) {
		return len(n.s)
	}
	return n.pos[orig]
}

func isBlankRune(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' }

// dropFigureSpace reports whether the space at rs[i] only separates a digit from
// CJK text (or a %), which is typesetting rather than meaning.
func dropFigureSpace(rs []rune, i int) bool {
	p, n := rune(0), rune(0)
	for j := i - 1; j >= 0; j-- {
		if !isBlankRune(rs[j]) {
			p = foldFigureRune(rs[j])
			break
		}
	}
	for j := i + 1; j < len(rs); j++ {
		if !isBlankRune(rs[j]) {
			n = foldFigureRune(rs[j])
			break
		}
	}
	switch {
	case isASCIIDigit(p) && (isHanFigRune(n) || n == '%'):
		return true
	case isHanFigRune(p) && isASCIIDigit(n):
		return true
	}
	return false
}

func foldFigureRune(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r == '％':
		return '%'
	case r == '．':
		return '.'
	case r == '～' || r == '〜':
		return '~'
	case r == '－':
		return '-'
	case r == '／':
		return '/'
	}
	return r
}

func isASCIIDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isHanFigRune(r rune) bool  { return unicode.Is(unicode.Han, r) }
func isLatinLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

// unitKind says what sort of figure a unit makes.
type unitKind int

const (
	kindNone     unitKind = iota // a bare number
	kindMoney                    // CNY, USD, CNY/Wh…
	kindPercent                  // %, 成
	kindTimes                    // 倍
	kindCount                    // 家, 辆, 次…
	kindPhysical                 // GWh, Wh/kg…
)

type unitDef struct {
	canon  string
	factor float64
	kind   unitKind
}

// quantity is one number found in a normalised sentence with whatever
// scale and unit follow it. Byte offsets are into figText.s.
type quantity struct {
	Start, End int // number start … unit end
	NumEnd     int // end of the digits, before any scale or unit
	Value      float64
	Unit       string
	Kind       unitKind
	Scaled     bool // a scale word (万, 亿) followed the digits
	Chinese    bool // written in Chinese numerals (两万, 九成)
	Approx     bool // 多/余 between number and unit: 20多万辆, 100余家
}

// unitTable is the lexicon's unit, scale and classifier lists in the form
// the scanner needs.
type unitTable struct {
	units  map[string]unitDef // key lower-cased
	scales map[string]float64
	maxLen int // longest unit or scale word, in runes
}

func newUnitTable(lx *Lexicon) *unitTable {
	t := &unitTable{units: map[string]unitDef{}, scales: map[string]float64{}}
	note := func(w string) {
		if n := utf8.RuneCountInString(w); n > t.maxLen {
			t.maxLen = n
		}
	}
	for _, e := range lx.List("units") {
		canon, f := e.Value, 1.0
		if c, fs, ok := strings.Cut(e.Value, "*"); ok {
			if v, err := strconv.ParseFloat(fs, 64); err == nil && v > 0 {
				canon, f = c, v
			}
		}
		if canon == "" {
			continue
		}
		t.units[strings.ToLower(e.Word)] = unitDef{canon: canon, factor: f, kind: kindOfUnit(canon)}
		note(e.Word)
	}
	for _, e := range lx.List("counts") {
		t.units[strings.ToLower(e.Word)] = unitDef{canon: "count", factor: 1, kind: kindCount}
		note(e.Word)
	}
	for _, e := range lx.List("scales") {
		if v, err := strconv.ParseFloat(e.Value, 64); err == nil && v > 0 {
			t.scales[e.Word] = v
			note(e.Word)
		}
	}
	return t
}

func kindOfUnit(canon string) unitKind {
	switch {
	case canon == "percent":
		return kindPercent
	case canon == "times":
		return kindTimes
	case canon == "count":
		return kindCount
	case len(canon) >= 3 && isISOCurrency(canon[:3]) && (len(canon) == 3 || canon[3] == '/'):
		return kindMoney // CNY, USD, CNY/Wh
	}
	return kindPhysical
}

// isISOCurrency reports three capital letters. Physical units written in
// capitals (TWh, GWh) have a lower-case letter among their first three.
func isISOCurrency(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// longest returns the longest word of table starting at s[i:], allowing one
// space before it, as (value, end).
func longestWord[V any](s string, i, maxLen int, table map[string]V, lower bool) (V, int, bool) {
	var zero V
	start := i
	if start < len(s) && s[start] == ' ' {
		start++
	}
	var buf [16]int // on the stack for the usual short tables
	ends := buf[:0]
	if maxLen > len(buf) {
		ends = make([]int, 0, maxLen)
	}
	j := start
	for k := 0; k < maxLen && j < len(s); k++ {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
		ends = append(ends, j)
	}
	for k := len(ends) - 1; k >= 0; k-- {
		w := s[start:ends[k]]
		if lower {
			w = fold(w) // strings.ToLower, without a copy for Chinese text
		}
		if v, ok := table[w]; ok {
			// a Latin unit must not run on into a longer Latin word (GWh vs GWhx)
			if e := ends[k]; e < len(s) && isLatinLetter(tailRune(w)) && isLatinLetter(headRune(s[e:])) {
				continue
			}
			return v, ends[k], true
		}
	}
	return zero, i, false
}

func headRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func tailRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

// scanQuantities finds every number in s (normalised text) with its scale
// and unit. It does not judge whether a number is a metric; it only refuses
// what cannot be a figure at all (a digit inside a Latin code like CR5).
func scanQuantities(s string, t *unitTable) []quantity {
	var out []quantity
	lastEnd := -1
	for i := 0; i < len(s); {
		// the scan visits every rune of every sentence: ASCII here, Chinese
		// runes without the library's general decoder
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = decodeRune(s, i)
		}
		switch {
		// a '-' right after a figure joins a range (300元-500元), it is no sign
		case isASCIIDigit(r) || (r == '-' && i != lastEnd && i+1 < len(s) && isASCIIDigit(rune(s[i+1])) && !numberBefore(s, i)):
			q, ok := parseArabic(s, i, t)
			if ok {
				out = append(out, q)
				i, lastEnd = q.End, q.End
				continue
			}
			i = skipNumber(s, i)
			continue
		case strings.HasPrefix(s[i:], "百分之"):
			// 百分之三十, 百分之12.5: a percentage written out
			if q, ok := parsePercentWords(s, i, t); ok {
				out = append(out, q)
				i, lastEnd = q.End, q.End
				continue
			}
			i += len("百分之")
			continue
		case isChineseDigit(r):
			q, end, ok := parseChinese(s, i, t)
			if ok {
				out = append(out, q)
			}
			if end > i {
				i = end
				continue
			}
		}
		i += n
	}
	return out
}

// numberBefore reports whether the '-' at s[i] joins two numbers or codes
// (2019-2021, F-150) rather than marking a negative figure.
func numberBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	p := tailRune(s[:i])
	return isASCIIDigit(p) || isLatinLetter(p)
}

func skipNumber(s string, i int) int {
	if i < len(s) && s[i] == '-' {
		i++
	}
	for i < len(s) && (isASCIIDigit(rune(s[i])) || s[i] == '.' || s[i] == ',') {
		i++
	}
	return i
}

// parseArabic reads -1,234.5 then an optional scale word and unit.
func parseArabic(s string, i int, t *unitTable) (quantity, bool) {
	start := i
	if i > 0 {
		// part of a code or model name: CR5, bZ4X, 300750.SZ, iPhone13
		if p := tailRune(s[:i]); isLatinLetter(p) || p == '.' || p == '_' {
			return quantity{}, false
		}
	}
	j := i
	if s[j] == '-' {
		j++
	}
	digitsStart := j
	for j < len(s) {
		if isASCIIDigit(rune(s[j])) {
			j++
		} else if s[j] == ',' && j > digitsStart && threeDigits(s, j+1) {
			j += 4 // thousands separator: 1,234
		} else {
			break
		}
	}
	if j < len(s) && s[j] == '.' && j+1 < len(s) && isASCIIDigit(rune(s[j+1])) {
		j++
		for j < len(s) && isASCIIDigit(rune(s[j])) {
			j++
		}
	}
	if j == digitsStart {
		return quantity{}, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s[start:j], ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return quantity{}, false
	}
	q := quantity{Start: start, NumEnd: j, End: j, Value: v}
	// a number running straight into Latin letters is a code (4K, 5G, 3D),
	// unless the letters are a unit (GWh, Wh/kg)
	q = withUnit(s, q, t)
	if q.Kind == kindNone && q.End < len(s) && isLatinLetter(headRune(s[q.End:])) {
		return quantity{}, false
	}
	if math.IsInf(q.Value, 0) || math.IsNaN(q.Value) {
		return quantity{}, false
	}
	return q, true
}

func threeDigits(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isASCIIDigit(rune(s[k])) {
			return false
		}
	}
	return i+3 == len(s) || !isASCIIDigit(rune(s[i+3]))
}

// withUnit extends q over a scale word and a unit after its digits.
func withUnit(s string, q quantity, t *unitTable) quantity {
	end := q.End
	if f, e, ok := longestWord(s, end, t.maxLen, t.scales, false); ok {
		// 千瓦 is a unit, not 千 × 瓦: prefer whichever reading consumes more
		if _, ue, uok := longestWord(s, end, t.maxLen, t.units, true); !uok || ue <= e {
			q.Value *= f
			q.Scaled = true
			end = e
		}
	}
	if u, e, ok := longestWord(s, end, t.maxLen, t.units, true); ok && unitFits(s, e, u) {
		q.Value *= u.factor
		q.Unit, q.Kind = u.canon, u.kind
		end = e
	} else if rest := s[end:]; strings.HasPrefix(rest, "多") || strings.HasPrefix(rest, "余") {
		// 20多万辆, 100余家: "more than", with the scale or unit after it
		e := end + len("多")
		if f, se, ok := longestWord(s, e, t.maxLen, t.scales, false); ok && !q.Scaled {
			q.Value *= f
			q.Scaled = true
			e = se
		}
		if u, ue, ok := longestWord(s, e, t.maxLen, t.units, true); ok && unitFits(s, ue, u) {
			q.Value *= u.factor
			q.Unit, q.Kind, q.Approx = u.canon, u.kind, true
			end = ue
		}
	}
	q.End = end
	q.Value = roundFigure(q.Value)
	return q
}

// roundFigure drops the binary noise of scaling (2.28 × 1e4 =
// 22799.999999999996): no written figure has more than 12 significant digits.
func roundFigure(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil || math.IsInf(r, 0) {
		return v
	}
	return r
}

// unitFits rejects unit words that are really the start of another word:
// 成 in 成为/成本, 个 in 个月 (a duration), 人 in 人民.
func unitFits(s string, end int, u unitDef) bool {
	rest := s[end:]
	if u.factor == 10 && u.kind == kindPercent { // 成
		for _, w := range []string{"为", "交", "本", "立", "功", "长", "果", "熟", "员", "都", "绩", "效", "型", "品", "分", "就", "年", "了", "真", "是", "形", "像", "色"} {
			if strings.HasPrefix(rest, w) {
				return false
			}
		}
	}
	if u.kind == kindCount {
		for _, w := range []string{"月", "季度", "年", "小时", "星期", "周", "工作日", "交易日", "民", "类", "性"} {
			if strings.HasPrefix(rest, w) {
				return false
			}
		}
	}
	return true
}

// parsePercentWords reads 百分之三十 or 百分之12.5 at s[i:].
func parsePercentWords(s string, i int, t *unitTable) (quantity, bool) {
	j := i + len("百分之")
	if j < len(s) && isASCIIDigit(rune(s[j])) {
		q, ok := parseArabic(s, j, t)
		if !ok || q.Kind != kindNone || q.Scaled {
			return quantity{}, false
		}
		return quantity{Start: i, NumEnd: q.NumEnd, End: q.NumEnd, Value: q.Value, Unit: "percent", Kind: kindPercent}, true
	}
	k := j
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !hasRune("零〇一二两三四五六七八九十百", r) {
			break
		}
		k += n
	}
	if k == j {
		return quantity{}, false
	}
	v, _, ok := chineseValue([]rune(s[j:k]))
	if !ok || v > 1000 {
		return quantity{}, false
	}
	return quantity{Start: i, NumEnd: k, End: k, Value: v, Unit: "percent", Kind: kindPercent, Chinese: true}, true
}

// isChineseDigit: 零〇一二两三四五六七八九十百千万亿. A switch, as
// scanQuantities asks about every rune of a sentence.
func isChineseDigit(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// parseChinese reads a Chinese numeral (两万, 九成, 三个, 一半). Chinese
// numerals are everywhere in ordinary words (一些, 三元锂电池, 统一), so only
// shapes that are clearly figures are accepted; end is where scanning goes on.
func parseChinese(s string, i int, t *unitTable) (quantity, int, bool) {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isChineseDigit(r) {
			break
		}
		j += n
	}
	word := s[i:j]
	first := headRune(word)
	if first == '万' || first == '亿' || first == '百' || first == '千' || first == '零' || first == '〇' {
		return quantity{}, j, false
	}
	if i > 0 {
		switch tailRune(s[:i]) {
		case '第', '前', '数', '几', '这', '那', '每', '各', '首', '上', '唯', '统', '单', '同', '万', '之', '十', '周', '星', '初', '其', '任', '某', '逐', '惟':
			return quantity{}, j, false
		}
	}
	if word == "一" && strings.HasPrefix(s[j:], "半") {
		return quantity{Start: i, NumEnd: j, End: j + len("半"), Value: 50, Unit: "percent", Kind: kindPercent, Chinese: true}, j + len("半"), true
	}
	if strings.HasPrefix(s[j:], "分之") || strings.HasPrefix(s[j:], "几") {
		return quantity{}, j, false
	}
	// the number words 万/亿 in the run act as scales: 两万 = 2×1e4
	v, scaled, ok := chineseValue([]rune(word))
	if !ok {
		return quantity{}, j, false
	}
	q := quantity{Start: i, NumEnd: j, End: j, Value: v, Scaled: scaled, Chinese: true}
	if u, e, ok := longestWord(s, j, t.maxLen, t.units, true); ok && unitFits(s, e, u) {
		q.Value *= u.factor
		q.Unit, q.Kind, q.End = u.canon, u.kind, e
	}
	switch q.Kind {
	case kindCount:
		if v < 2 {
			return quantity{}, j, false
		}
	case kindPercent: // 九成
		if q.Unit != "percent" || !strings.HasPrefix(s[j:], "成") {
			return quantity{}, j, false
		}
	case kindMoney:
		if !scaled { // 三元锂电池, 多元
			return quantity{}, j, false
		}
	default:
		return quantity{}, j, false
	}
	return q, q.End, true
}

// chineseDigitValue is the value of a Chinese digit (a switch: a map
// made at every call of chineseValue cost more than the parse).
func chineseDigitValue(r rune) (float64, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// chineseSmallUnit is the value of 十, 百 and 千.
func chineseSmallUnit(r rune) (float64, bool) {
	switch r {
	case '十':
		return 10, true
	case '百':
		return 100, true
	case '千':
		return 1000, true
	}
	return 0, false
}

// chineseValue evaluates 两万, 三百二十, 十五, 一亿二千万.
func chineseValue(rs []rune) (float64, bool, bool) {
	var total, section, num float64
	scaled, any := false, false
	for k, r := range rs {
		switch {
		case r == '两' && k > 0 && rs[k-1] != '万' && rs[k-1] != '亿':
			return 0, false, false // 两 only leads a number or a section
		}
		if d, ok := chineseDigitValue(r); ok {
			num = d
			any = true
			continue
		}
		if m, ok := chineseSmallUnit(r); ok {
			if num == 0 && r == '十' {
				num = 1
			}
			section += num * m
			num = 0
			any = true
			continue
		}
		switch r {
		case '万':
			section = (section + num) * 1e4
			total += section
			section, num, scaled = 0, 0, true
		case '亿':
			total = (total + section + num) * 1e8
			section, num, scaled = 0, 0, true
		}
	}
	if !any {
		return 0, false, false
	}
	return total + section + num, scaled, true
}
