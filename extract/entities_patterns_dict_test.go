package extract

import (
	"testing"
	"unicode/utf8"
)

// dictEndingAtEachSuffix is dictEndingAt folding every suffix on its own,
// as it did before folding the tail once.
func dictEndingAtEachSuffix(x *Extractor, text string) int {
	best, n, i := 0, 0, len(text)
	for n < x.dict.maxLen && i > 0 {
		_, sz := utf8.DecodeLastRuneInString(text[:i])
		i -= sz
		n++
		w := text[i:]
		if _, ok := x.dict.m[fold(w)]; ok {
			if i > 0 && isWordByte(text[i-1]) && isWordByte(text[i]) {
				continue
			}
			best = len(w)
		}
	}
	return best
}

func TestDictEndingAtFoldsLikeEachSuffix(t *testing.T) {
	x := testExtractor(t)
	texts := []string{
		"据悉，阿里巴巴", "投资方包括ALIBABA", "与Alibaba", "合作伙伴\xff阿里巴巴", "\u212a阿里云",
		"上海汽车", "位于北京", "", "AI", "SAICAI",
	}
	for _, text := range sampleTexts(t, false) {
		texts = append(texts, text)
	}
	hits := 0
	for _, text := range texts {
		// every prefix ending at a rune boundary, as the finders cut them
		for e := range text + "." {
			got, want := x.dictEndingAt(text[:e]), dictEndingAtEachSuffix(x, text[:e])
			if got != want {
				t.Fatalf("dictEndingAt(…%q) = %d, want %d", lastRunes(text[:e], 8), got, want)
			}
			if got > 0 {
				hits++
			}
		}
	}
	if hits == 0 {
		t.Fatal("no dictionary word found at any end; the test checks nothing")
	}
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}
