package extract

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestHasRuneMatchesContainsRune: hasRune stands in for strings.ContainsRune
// on the constant sets the finders use.
func TestHasRuneMatchesContainsRune(t *testing.T) {
	sets := []string{clauseBreaks, sentenceEnds, "《", "“‘「\"", "”’」\"", "（(", rankNumerals, ""}
	runes := []rune{'，', ':', '。', '\n', '《', '"', '”', '）', '(', '七', '0', 'a', '中', 0xFFFD, -1, 0x10FFFF + 1}
	for _, set := range sets {
		for _, r := range runes {
			if got, want := hasRune(set, r), strings.ContainsRune(set, r); got != want {
				t.Errorf("hasRune(%q, %q) = %v, strings.ContainsRune says %v", set, r, got, want)
			}
		}
	}
}

func TestIsChineseDigit(t *testing.T) {
	const digits = "零〇一二两三四五六七八九十百千万亿"
	for _, r := range digits + "元个成半壹3a，" {
		if got, want := isChineseDigit(r), strings.ContainsRune(digits, r); got != want {
			t.Errorf("isChineseDigit(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestOpensWithUnknownName covers the bounded search for the end of the
// name: a predicate or a digit right after two to six Han characters.
func TestOpensWithUnknownName(t *testing.T) {
	tab := tablesFor(nil)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"长飞上半年实现营收43.5亿元。", true},
		{"长飞2021年实现营收43.5亿元。", true},
		{"此外，长飞光纤实现营收。", true},
		{"长飞光纤光缆股实现营收。", false},     // seven characters: no name
		{"长飞光纤光缆实现营收。", true},       // six characters
		{"长飞光纤光缆2021年营收。", true},    // six characters, then a year
		{"长飞光纤光缆股2021年营收。", false},  // seven
		{"长飞A实现营收。", false},         // not all Han
		{"长实现营收。", false},           // one character
		{"海外收入占比实现增长。", false},      // runs into a measure word
		{"公司营收增长迅速，今年实现盈利。", false}, // the first mark is too far on
		{"其营收实现增长。", false},
		{"长飞光纤光缆", false}, // no predicate at all
	} {
		s := sentence{Text: tc.text}
		v := newSentenceView(foldFigures(tc.text), &s, time.Time{})
		v.tab = tab
		if got := v.opensWithUnknownName(); got != tc.want {
			t.Errorf("opensWithUnknownName(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestFoldIsToLower(t *testing.T) {
	for _, s := range []string{"", "宁德时代", "catl", "CATL", "宁德CATL", "Ｋ", "ｋ", "\u212a", "Ⅰ期", "ⅰ期", "\xe5\x90", "\uFFFD",
		"ÄÖ", "abc，def。", "“引语”——", "𝐀", "\U00010400", "\U00010428", "İstanbul", "宁德时代与CATL、BYD合作",
		"Model Y，ÄB", "AI\xff"} {
		if got, want := fold(s), strings.ToLower(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldFiguresKeepsPlainText: a sentence foldFigures leaves as it is
// maps offsets as the rewriting path does.
func TestFoldFiguresKeepsPlainText(t *testing.T) {
	for _, s := range []string{"", "宁德时代营收增长30%", "营收130.5亿元。", "abc", "《报告》显示"} {
		if foldsFigures(s) {
			t.Fatalf("foldsFigures(%q) = true, want false", s)
		}
		fast, slow := foldFigures(s), rewriteFigures(s)
		if fast.s != slow.s {
			t.Errorf("foldFigures(%q).s = %q, want %q", s, fast.s, slow.s)
		}
		for i := -1; i <= len(s)+1; i++ {
			if fast.at(i) != slow.at(i) {
				t.Errorf("%q: at(%d) = %d, want %d", s, i, fast.at(i), slow.at(i))
			}
		}
	}
	for _, s := range []string{"营收 30 亿元", "增长３０％", "\xe5\x90营收", "1～2月"} {
		if !foldsFigures(s) {
			t.Errorf("foldsFigures(%q) = false, but foldFigures rewrites it", s)
		}
	}
}

func TestIndexAnyRuneMatchesIndexAny(t *testing.T) {
	for _, s := range []string{"", "a", "《报告》显示“好”", "他说“（注：x）”", "\xe3《", "“\xe2\x80”", "abc\"def\"", "。。"} {
		for _, set := range []string{"《", "“‘「\"", "”’」\"", "（(", ""} {
			if got, want := indexAnyRune(s, set), strings.IndexAny(s, set); got != want {
				t.Errorf("indexAnyRune(%q, %q) = %d, want %d", s, set, got, want)
			}
		}
	}
}

func TestBracketSpans(t *testing.T) {
	for _, tc := range []struct {
		s, open, close string
		max            int
		want           [][2]int
	}{
		{"据《报告》显示", "《", "》", 0, [][2]int{{3, 15}}},
		{"《a》和《b", "《", "》", 0, [][2]int{{0, 7}}},
		{"“长引语长引语”与“短”", "“‘「\"", "”’」\"", 3, [][2]int{{27, 36}}},
		{"\"x\" and \"y\"", "“‘「\"", "”’」\"", 12, [][2]int{{0, 3}, {8, 11}}},
		{"无括号", "（(", "）)", 0, nil},
		{"（未闭合", "（(", "）)", 0, nil},
	} {
		if got := bracketSpans(tc.s, tc.open, tc.close, tc.max); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("bracketSpans(%q, %q, %q, %d) = %v, want %v", tc.s, tc.open, tc.close, tc.max, got, tc.want)
		}
	}
}

func TestHasASCIILetter(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{{"", false}, {"宁德时代2021年", false}, {"@[`{", false}, {"Ａ", false}, {"宁德CATL", true}, {"z", true}, {"A", true}} {
		if got := hasASCIILetter(tc.s); got != tc.want || got != latinName.MatchString(tc.s) {
			t.Errorf("hasASCIILetter(%q) = %v, want %v (and latinName to agree)", tc.s, got, tc.want)
		}
	}
}

// TestSelectCandsAsStableSort compares selectCands with the stable sort
// of the candidates it replaced, on ties of length, priority and start.
func TestSelectCandsAsStableSort(t *testing.T) {
	reference := func(cs []cand) []cand {
		cs = append([]cand(nil), cs...)
		sort.SliceStable(cs, func(i, j int) bool {
			a, b := cs[i], cs[j]
			if a.End-a.Start != b.End-b.Start {
				return a.End-a.Start > b.End-b.Start
			}
			if a.Prio != b.Prio {
				return a.Prio > b.Prio
			}
			return a.Start < b.Start
		})
		taken := map[int]bool{}
		var out []cand
		for _, c := range cs {
			free := true
			for i := c.Start; i < c.End; i++ {
				free = free && !taken[i]
			}
			if free {
				for i := c.Start; i < c.End; i++ {
					taken[i] = true
				}
				out = append(out, c)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
		return out
	}
	cs := []cand{
		{Start: 0, End: 6, Surface: "a", Prio: 1}, {Start: 3, End: 9, Surface: "b", Prio: 1},
		{Start: 0, End: 6, Surface: "c", Prio: 5}, {Start: 0, End: 6, Surface: "d", Prio: 5},
		{Start: 9, End: 12, Surface: "e"}, {Start: 9, End: 12, Surface: "f"}, {Start: 12, End: 12, Surface: "g"},
		{Start: 12, End: 18, Surface: "h", Prio: 2}, {Start: 15, End: 21, Surface: "i", Prio: 3}, {Start: 21, End: 21, Surface: "j"},
	}
	before := append([]cand(nil), cs...)
	for n := 0; n <= len(cs); n++ {
		got, want := selectCands(cs[:n]), reference(cs[:n])
		if len(got) != len(want) {
			t.Fatalf("%d cands: selectCands kept %d, want %d", n, len(got), len(want))
		}
		for i, k := range got {
			if cs[k].Surface != want[i].Surface {
				t.Errorf("%d cands: kept[%d] = %q, want %q", n, i, cs[k].Surface, want[i].Surface)
			}
		}
	}
	if !reflect.DeepEqual(cs, before) {
		t.Error("selectCands reordered its argument")
	}
}

func TestSentenceNamesTwo(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  bool
	}{{nil, false}, {[]string{"宁德时代"}, false}, {[]string{"宁德时代", "宁德时代"}, false}, {[]string{"宁德时代", "特斯拉"}, true}, {[]string{"A", "A", "B"}, true}} {
		s := sentence{Text: "x"}
		for _, n := range tc.names {
			s.Mentions = append(s.Mentions, mention{Name: n})
		}
		if got := s.namesTwo(); got != tc.want {
			t.Errorf("namesTwo(%v) = %v, want %v", tc.names, got, tc.want)
		}
	}
}

func TestRuneSwitchesMatchTheirSets(t *testing.T) {
	for _, r := range clauseBreaks + sentenceEnds + "。，,：:；;！!？?\n 、中a" {
		if got, want := isClauseBreak(r), strings.ContainsRune(clauseBreaks, r); got != want {
			t.Errorf("isClauseBreak(%q) = %v, want %v", r, got, want)
		}
		if got, want := isSentenceEnd(r), strings.ContainsRune(sentenceEnds, r); got != want {
			t.Errorf("isSentenceEnd(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestMayContainDecodesAsUTF8: words with valid, invalid, overlong and
// surrogate three-byte sequences are never skipped where they occur.
func TestMayContainDecodesAsUTF8(t *testing.T) {
	for _, w := range []string{"签订", "a中", "\xe0\x80\x80", "\xed\xa0\x80", "\xe4\xb8", "\xef\xbf\xbd", "\U0001F600", "é", "\xe4\xb8\xad\xff"} {
		if !newRuneSet("前" + w + "后").mayContain(w) {
			t.Errorf("mayContain(%q) = false in a text holding it", w)
		}
	}
	if newRuneSet("签约").mayContain("签订") || newRuneSet("中文").mayContain("a中") {
		t.Error("mayContain kept a word with a rune absent from the text")
	}
	if !newRuneSet("无").mayContain("\uFFFD") {
		t.Error("mayContain skipped a word holding U+FFFD")
	}
}

// TestDictAndMarketEndings compares the indexed suffix look-ups with the
// plain scans they replaced.
func TestDictAndMarketEndings(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dictScan := func(text string) int {
		best, n, i := 0, 0, len(text)
		for n < x.dict.maxLen && i > 0 {
			_, sz := utf8.DecodeLastRuneInString(text[:i])
			i -= sz
			n++
			if _, ok := x.dict.m[fold(text[i:])]; ok && !(i > 0 && isWordByte(text[i-1]) && isWordByte(text[i])) {
				best = len(text) - i
			}
		}
		return best
	}
	marketScan := func(text string) string {
		best := ""
		for w, v := range x.market {
			if v != "head" && strings.HasSuffix(text, w) && len(w) > len(best) {
				best = w
			}
		}
		return best
	}
	texts := []string{"", "中国", "在中国新能源汽车", "宁德时代", "全球动力电池", "BMW", "买了BMW", "xBMW", "国内公有云", "中国IaaS公有云", "海外高端", "\xff汽车", "人工智能"}
	for _, s := range sampleLines(t, false) {
		for i := range s {
			if i%5 == 0 {
				texts = append(texts, s[:i])
			}
		}
	}
	words, markets := 0, 0
	for _, s := range texts {
		got, want := x.dictEndingAt(s), dictScan(s)
		if got != want {
			t.Errorf("dictEndingAt(%q) = %d, want %d", s, got, want)
		}
		gotM, wantM := x.marketWordEndingAt(s), marketScan(s)
		if gotM != wantM {
			t.Errorf("marketWordEndingAt(%q) = %q, want %q", s, gotM, wantM)
		}
		if want > 0 {
			words++
		}
		if wantM != "" {
			markets++
		}
	}
	if words == 0 || markets == 0 {
		t.Errorf("%d texts end in a word, %d in a market word: the test compared nothing", words, markets)
	}
}
