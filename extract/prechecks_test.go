package extract

import (
	"strings"
	"testing"
	"time"
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
