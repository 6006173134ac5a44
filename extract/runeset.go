package extract

import "unicode/utf8"

// runeSet is a 1024-bit filter of the runes of a text. Looking every
// trigger word up with strings.Index costs a scan of the sentence per word
// (Chinese words share their first UTF-8 byte, so Index's byte search
// barely skips); a word with a rune absent from the filter cannot occur
// and is skipped. False positives only cost the scan.
type runeSet [16]uint64

func newRuneSet(s string) *runeSet {
	var rs runeSet
	for _, r := range s {
		rs[r>>6&15] |= 1 << (uint(r) & 63)
	}
	return &rs
}

// mayContain reports false only if w cannot occur in the set's text.
func (rs *runeSet) mayContain(w string) bool {
	for _, r := range w {
		// an invalid w can occur where the text decodes its bytes
		// otherwise (ranging yields RuneError for each bad byte)
		if r == utf8.RuneError {
			return true
		}
		if rs[r>>6&15]&(1<<(uint(r)&63)) == 0 {
			return false
		}
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
