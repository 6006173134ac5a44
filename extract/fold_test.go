package extract

import (
	"testing"
	"unicode/utf8"
)

// foldASCIIByRange is foldASCII's test as it was written with a range
// loop, before the inline decoding of three-byte runes.
func foldASCIIByRange(s string) bool {
	lw := lowerable()
	for _, r := range s {
		if 'A' <= r && r <= 'Z' {
			continue
		}
		if r == utf8.RuneError || r > 0xFFFF || lw[r>>6]&(1<<(r&63)) != 0 {
			return false
		}
	}
	return true
}

func TestFoldASCIIAcceptsAsRangeDid(t *testing.T) {
	for _, s := range []string{
		"", "宁德时代", "CATL", "宁德CATL、BYD", "Ｋ", "ｋ", "\u212a", "Ⅰ期",
		"\xe0\x80\x80",          // overlong three-byte NUL
		"\xe0\xa0\x80",          // U+0800, the first three-byte rune
		"\xed\xa0\x80",          // a surrogate
		"\xed\x9f\xbf",          // U+D7FF, just below the surrogates
		"\xe5\x90", "宁\xe5\x90", // cut short
		"\xe5\x90A", "\xe5A\x90", // a bad continuation
		"\uFFFD", "\uFFFF", "𝐀", "ÄÖ", "é", "AI\xff",
	} {
		_, ok := foldASCII(s)
		if want := foldASCIIByRange(s); ok != want {
			t.Errorf("foldASCII(%q) ok = %v, want %v", s, ok, want)
		}
	}
}
