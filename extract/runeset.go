package extract

import (
	"strings"
	"unicode/utf8"
)

// runeSet is a 1024-bit filter of the runes of a text. Looking every
// trigger word up with strings.Index costs a scan of the sentence per word
// (Chinese words share their first UTF-8 byte, so Index's byte search
// barely skips); a word with a rune absent from the filter cannot occur
// and is skipped. False positives only cost the scan.
type runeSet [16]uint64

// newRuneSet is small enough to inline, so that a set that does not
// outlive its caller stays on the caller's stack.
func newRuneSet(s string) *runeSet {
	rs := new(runeSet)
	rs.addAll(s)
	return rs
}

// addAll adds the runes of s. Every block and sentence is read here:
// decodeRune takes Chinese runes without the library's general decoder.
func (rs *runeSet) addAll(s string) {
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = decodeRune(s, i)
		}
		rs.add(r)
		i += n
	}
}

func (rs *runeSet) add(r rune) { rs[r>>6&15] |= 1 << (uint(r) & 63) }

// has reports false only if r was never added.
func (rs *runeSet) has(r rune) bool { return rs[r>>6&15]&(1<<(uint(r)&63)) != 0 }

// mayContain reports false only if w cannot occur in the set's text.
// It is asked about every listed word for every block and sentence, so
// it decodes with decodeRune, which takes Chinese runes inline.
func (rs *runeSet) mayContain(w string) bool {
	for i := 0; i < len(w); {
		r, n := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, n = decodeRune(w, i)
		}
		// an invalid w can occur where the text decodes its bytes
		// otherwise (decoding yields RuneError for each bad byte)
		if r == utf8.RuneError {
			return true
		}
		if !rs.has(r) {
			return false
		}
		i += n
	}
	return true
}

// hasRune reports whether the short set of characters holds r, as
// strings.ContainsRune does for a valid set without U+FFFD; it compares
// runes in place where ContainsRune turns a non-ASCII r into a string to
// search for, and the finders ask it for nearly every rune of the text.
func hasRune(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// indexAnyRune is strings.IndexAny for a short valid set without U+FFFD.
// It makes one fast strings.IndexRune search per rune of the set, each in
// the text before the best hit so far; IndexAny instead looks every
// non-ASCII rune of s up in set.
func indexAnyRune(s, set string) int {
	best := -1
	for _, r := range set {
		if i := strings.IndexRune(s, r); i >= 0 {
			best, s = i, s[:i]
		}
	}
	return best
}
