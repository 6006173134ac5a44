package extract

import (
	"strings"
	"testing"
)

func TestRuneSetMayContain(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"宁德时代与特斯拉签订供货协议", "签订", true},
		{"宁德时代与特斯拉签订供货协议", "收购", false},
		{"宁德时代与特斯拉签订供货协议", "协定", false}, // 定 absent
		{"partner with BMW", "BMW", true},
		{"partner with BMW", "bmw", false},
		{"", "合作", false},
		{"合作", "", true},
		{"\xe5\x90合作", "\xe5\x90", true}, // invalid words are never skipped
	} {
		if got := newRuneSet(tc.text).mayContain(tc.word); got != tc.want {
			t.Errorf("newRuneSet(%q).mayContain(%q) = %v, want %v", tc.text, tc.word, got, tc.want)
		}
	}
}

// TestRuneSetNeverSkipsAnOccurrence: any substring of a text, cut at rune
// boundaries or not, passes the text's filter.
func TestRuneSetNeverSkipsAnOccurrence(t *testing.T) {
	text := "2021年，宁德时代（CATL）与特斯拉签订了供货协议\xff，合作期限3年。"
	rs := newRuneSet(text)
	for i := 0; i < len(text); i++ {
		for j := i + 1; j <= len(text) && j <= i+12; j++ {
			if w := text[i:j]; !rs.mayContain(w) {
				t.Errorf("mayContain(%q) = false, but it occurs in the text", w)
			}
		}
	}
	if !strings.Contains(text, "签订") || rs.mayContain("收购") {
		t.Error("the filter lets everything through")
	}
}
