package extract

import "regexp"

// findAllAt is FindAllStringSubmatchIndex(s, -1) of the unanchored form
// of re (re is ^(?:pattern)), trying re only at the byte offsets where a
// match may begin: next(s, i) is the first such offset from i on, or -1.
// Like findAllIf, it finds nothing unless may, a cheap test of the whole
// text, says it can.
//
// The unanchored search tries every rune start in turn, takes the first
// where the pattern matches, and there the match the anchored pattern
// gives; so both find the same matches when next passes over no offset a
// match can begin at, the pattern matches no empty text (the search would
// then resume differently) and looks at no text before its match (no
// \b). The offsets next gives are ASCII bytes or the first byte of a
// whole rune, which are rune starts of the unanchored search too. A
// search from every position of a long text was most of the time the
// regexps took.
func findAllAt(re *regexp.Regexp, s string, may bool, next func(s string, i int) int) [][]int {
	if !may {
		return nil
	}
	var out [][]int
	for i := 0; i < len(s); {
		if i = next(s, i); i < 0 {
			break
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

// nextRuneIn is a next for findAllAt: the first offset from i where s
// has one of the runes of set (valid, without U+FFFD).
func nextRuneIn(set string) func(s string, i int) int {
	return func(s string, i int) int {
		if k := indexAnyRune(s[i:], set); k >= 0 {
			return i + k
		}
		return -1
	}
}
