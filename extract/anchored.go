package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// findAllAt is FindAllStringSubmatchIndex(s, -1) of the unanchored form
// of re (re is ^(?:pattern)), trying re only at the byte offsets where
// start allows a match to begin; like findAllIf, it finds nothing unless
// may, a cheap test of the whole text, says it can.
//
// The unanchored search tries every rune start in turn, takes the first
// where the pattern matches, and there the match the anchored pattern
// gives; so both find the same matches when start is true at every offset
// a match can begin at, the pattern matches no empty text (the search
// would then resume differently) and looks at no text before its match
// (no \b). The starts in use hold only at ASCII bytes or at the first
// byte of a whole rune, which are rune starts of the unanchored search
// too. A search from every position of a long text was most of the time
// the regexps took.
func findAllAt(re *regexp.Regexp, s string, may bool, start func(s string, i int) bool) [][]int {
	if !may {
		return nil
	}
	var out [][]int
	for i := 0; i < len(s); {
		if !start(s, i) {
			i++
			continue
		}
		m := re.FindStringSubmatchIndex(s[i:])
		if m == nil {
			i++
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1]
	}
	return out
}

// anchored is re as findAllAt wants it.
func anchored(re *regexp.Regexp) *regexp.Regexp {
	return regexp.MustCompile(`^(?:` + re.String() + `)`)
}

// opensWithRuneIn is a start test for findAllAt: s[i:] opens with one of
// the runes of set (valid, without U+FFFD), a whole rune there.
func opensWithRuneIn(set string) func(s string, i int) bool {
	return func(s string, i int) bool {
		c := s[i]
		if c < utf8.RuneSelf {
			return strings.IndexByte(set, c) >= 0 // set's other bytes are all ≥ 0x80
		}
		if !utf8.RuneStart(c) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		return r != utf8.RuneError && hasRune(set, r)
	}
}
