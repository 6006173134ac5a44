package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// industryHeads end a sector phrase that, with a place in front, names a
// national sector as a whole (中国半导体设备行业).
var industryHeads = []string{"行业", "产业"}

// marketCands reads market names back from a head word (市场, 赛道):
// known words, Latin terms, 非, +, / and market modifiers, with at most one
// other noun (中国IaaS公有云市场, 非公有云市场, 新车市场). A place with a
// sector phrase before 行业 makes an Industry (中国半导体设备行业).
func (x *Extractor) marketCands(text string, toks []token, has *runeSet) []cand {
	var cs []cand
	for _, h := range x.marketCandHeads {
		if !has.mayContain(h) {
			continue
		}
		isMarket := x.market[h] == "head"
		for off := 0; ; {
			i := strings.Index(text[off:], h)
			if i < 0 {
				break
			}
			s := off + i
			off = s + len(h)
			if j := tokenAt(toks, s+len(h)-1); j >= 0 && toks[j].End != s+len(h) {
				continue // 产业链: the head is part of a longer word
			}
			if r, n := utf8.DecodeRuneInString(text[s+len(h):]); r != utf8.RuneError {
				// h and r as they stand in text: h + string(r) without a copy
				if _, ok := x.dictPOS(text[s : s+len(h)+n]); ok {
					continue // 市场化: the dictionary knows the longer word
				}
				// a sector phrase is followed by what happens to it, not by
				// more nouns (产业链, 产业图谱, 产业创新发展论坛)
				if !isMarket && isHanRune(r) && !strings.ContainsRune(functionChars, r) {
					if j := tokenAt(toks, s+len(h)); j < 0 || toks[j].Pos != "v" && toks[j].Pos != "d" {
						continue
					}
				}
			}
			start, content, scope, leadScope := x.readMarketBack(text, toks, s)
			if start < 0 || (!content && !(isMarket && scope)) {
				continue
			}
			if !isMarket && !(leadScope && content) {
				continue
			}
			typ := schema.Market
			if !isMarket {
				typ = schema.Industry
			}
			surface := text[start : s+len(h)]
			if isMarket && !scope {
				surface = x.marketOfPlace(text[:start]) + surface
			}
			cs = append(cs, cand{Start: start, End: s + len(h), Surface: surface, Type: typ, Kind: fromMarket, Prio: 4})
		}
	}
	return cs
}

// readMarketBack returns where the market phrase ending at s starts, and
// whether it holds a content word, a place, and starts with a place.
func (x *Extractor) readMarketBack(text string, toks []token, s int) (start int, content, scope, leadScope bool) {
	pos, start, unknown := s, -1, 0
	for utf8.RuneCountInString(text[start0(start, s):s]) < 18 {
		prev := text[:pos]
		if prev == "" {
			break
		}
		if strings.HasSuffix(prev, "+") || strings.HasSuffix(prev, "/") {
			if start < 0 { // a sign must join two parts
				break
			}
			pos--
			continue
		}
		if n := x.dictEndingAt(prev); n > 0 {
			ent := x.dict.m[fold(prev[len(prev)-n:])]
			switch ent.Type {
			case schema.Region:
				scope, leadScope = true, true
			case schema.Trend, schema.Person, schema.Policy:
				return markStart(start, content, scope, leadScope)
			default:
				content, leadScope = true, false
			}
			pos -= n
			start = pos
			continue
		}
		if w := x.marketWordEndingAt(prev); w != "" {
			if x.market[w] == "scope" {
				scope, leadScope = true, true
			} else {
				leadScope = false
			}
			pos -= len(w)
			start = pos
			continue
		}
		if m := trailingLatin(prev); m != "" {
			content, leadScope = true, false
			pos -= len(m)
			start = pos
			continue
		}
		if strings.HasSuffix(prev, "非") && start >= 0 {
			pos -= len("非")
			start = pos
			leadScope = false
			continue
		}
		i := tokenAt(toks, pos-1)
		if i >= 0 && toks[i].End == pos && unknown == 0 {
			w := text[toks[i].Start:pos]
			if utf8.RuneCountInString(w) >= 2 && (toks[i].Pos == "n" || toks[i].Pos == "nz") && !x.generic[w] && hasHan(w) && !x.isTrigger(w) {
				unknown++
				content, leadScope = true, false
				pos = toks[i].Start
				start = pos
				continue
			}
		}
		break
	}
	if start >= 0 && start < len(text) && strings.HasPrefix(text[start:], "非") && !content {
		return -1, false, false, false
	}
	return start, content, scope, leadScope
}

func markStart(start int, content, scope, leadScope bool) (int, bool, bool, bool) {
	return start, content, scope, leadScope
}

// isTrigger reports whether w is a relation verb (助力, 驱动), which never
// belongs to a name.
func (x *Extractor) isTrigger(w string) bool {
	for _, ws := range x.triggers {
		for _, t := range ws {
			if t == w {
				return true
			}
		}
	}
	return false
}

func start0(start, s int) int {
	if start < 0 {
		return s
	}
	return start
}

// trailingLatin returns the Latin word text ends with (letters, then
// letters or digits), "" if none. It scans back only over the word itself.
func trailingLatin(text string) string {
	i := len(text)
	for i > 0 && isWordByte(text[i-1]) {
		i--
	}
	for i < len(text) && !(text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z') {
		i++
	}
	return text[i:]
}

// dictEndingAt returns the byte length of the longest lexicon word that
// text ends with, 0 if none.
func (x *Extractor) dictEndingAt(text string) int {
	// when folding leaves the last maxLen runes as they are (no capital,
	// no invalid byte), it leaves each of their suffixes too: fold the
	// tail once instead of every suffix
	tail := len(text)
	for n := 0; n < x.dict.maxLen && tail > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(text[:tail])
		tail -= sz
	}
	plain := fold(text[tail:]) == text[tail:]
	if plain {
		// a key ending text ends with its last rune and starts at a rune
		// of text[tail:] (it has at most maxLen runes): try the lengths of
		// the keys ending so, longest first
		r, _ := utf8.DecodeLastRuneInString(text)
		for _, n := range x.dict.byLast[r] {
			i := len(text) - n
			if i < tail || !utf8.RuneStart(text[i]) {
				continue
			}
			if _, ok := x.dict.m[text[i:]]; ok && !(i > 0 && isWordByte(text[i-1]) && isWordByte(text[i])) {
				return n
			}
		}
		return 0
	}
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

func (x *Extractor) marketWordEndingAt(text string) string {
	// two words of one length cannot both end text, so the first found in
	// longest-first order is the longest
	for _, w := range x.marketMods {
		if strings.HasSuffix(text, w) {
			return w
		}
	}
	return ""
}

var bookTitle = regexp.MustCompile(`《([^《》]{2,60})》`)

// titleWords before a 《》 title say it is a talk, report or article, not a
// policy (发表了题为《…》的演讲).
var titleWords = []string{"题为", "演讲", "报告", "文章", "一文", "专访", "节目", "新书", "著作", "论文", "研报", "栏目", "《"}

var bracketTail = regexp.MustCompile(`（[^（）]*）$|\([^()]*\)$`)

// policyCands finds policies: a 《title》 ending in a policy word (计划,
// 意见, 办法…) unless it is introduced as a talk or report, and bare names
// ending in 政策/制度 that contain a known sector or technology.
func (x *Extractor) policyCands(text string, toks []token, has *runeSet) []cand {
	var cs []cand
	for _, m := range bookTitle.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		if strings.ContainsAny(name, "，。？！?!") {
			continue
		}
		before := tailRunes(text[:m[0]], 8)
		talk := false
		for _, w := range titleWords {
			if strings.Contains(before, w) {
				talk = true
			}
		}
		core := bracketTail.ReplaceAllString(name, "")
		if talk || hasSuffixIn(core, x.policyHeads) == "" {
			continue
		}
		c := cand{Start: m[2], End: m[3], Surface: name, Type: schema.Policy, Kind: fromPolicy, Prio: 6}
		if core != name && utf8.RuneCountInString(core) >= 4 {
			c.Alias = core // 《X行动计划（2021-2023年）》 is also called X行动计划
		}
		cs = append(cs, c)
	}
	for _, h := range x.bareHeads {
		if !has.mayContain(h) {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], h)
			if i < 0 {
				break
			}
			s := off + i
			off = s + len(h)
			start := s
			known := false
			for j := tokenAt(toks, s-1); j >= 0 && s-toks[j].Start < 30; j-- {
				t := toks[j]
				w := text[t.Start:t.End]
				if _, ok := x.dict.m[fold(w)]; ok {
					known = true
				} else if !(t.Pos == "n" || t.Pos == "vn" || t.Pos == "nz" || t.Pos == "b") || x.generic[w] && w != "国家" {
					break
				}
				start = t.Start
			}
			if known && start < s {
				cs = append(cs, cand{Start: start, End: s + len(h), Surface: text[start : s+len(h)], Type: schema.Policy, Kind: fromPolicy, Prio: 4})
			}
		}
	}
	return cs
}

// personCands finds people named next to a role (常务副秘书长金存忠,
// 阿里云总裁张建锋): two or three characters starting with a common
// surname right after the role word.
func (x *Extractor) personCands(text string, toks []token, has *runeSet) []cand {
	var cs []cand
	for _, r := range x.roles {
		if !has.mayContain(r) {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], r)
			if i < 0 {
				break
			}
			s := off + i
			e := s + len(r)
			off = e
			if n := x.personNameAt(text, toks, e); n > 0 {
				cs = append(cs, cand{Start: e, End: e + n, Surface: text[e : e+n], Type: schema.Person, Kind: fromPerson, Prio: 4})
			}
		}
	}
	return cs
}

// personNameAt returns the byte length of a person's name starting at s,
// or 0: a surname, then one or two given-name characters that do not start
// a dictionary word with what follows.
func (x *Extractor) personNameAt(text string, toks []token, s int) int {
	rest := text[s:]
	if len(rest) > 24 {
		rest = rest[:24] // a surname and two given-name characters at most, plus a look-ahead
	}
	sn := x.surnameOf(rest)
	if sn == "" {
		return 0
	}
	rs := []rune(rest)
	snN := utf8.RuneCountInString(sn)
	given := 0
	for given < 2 && snN+given < len(rs) && isHanRune(rs[snN+given]) && !strings.ContainsRune(functionChars, rs[snN+given]) {
		given++
	}
	if given == 0 {
		return 0
	}
	// the character after a two-character name may begin the next word
	// (金存忠发表 vs 张三表示): keep the third only if it is not the start
	// of a word of two or more characters.
	if given == 2 {
		off := s + len(string(rs[:snN+1]))
		if j := tokenAt(toks, off); j >= 0 && toks[j].Start == off && utf8.RuneCountInString(text[toks[j].Start:toks[j].End]) >= 2 {
			given = 1
		}
	}
	n := len(string(rs[:snN+given]))
	if j := tokenAt(toks, s+n); j >= 0 && toks[j].Start < s+n {
		return 0 // the name would end inside a word
	}
	return n
}

// tailRunes returns the last n runes of s without converting all of it.
func tailRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

func isHanRune(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// dictStartingAt returns the byte length of the longest lexicon word text
// starts with, 0 if none.
func (x *Extractor) dictStartingAt(text string) int {
	best, n := 0, 0
	for i := range text {
		if i == 0 {
			continue
		}
		n++
		if n > x.dict.maxLen {
			break
		}
		if _, ok := x.dict.m[fold(text[:i])]; ok {
			best = i
		}
	}
	if _, ok := x.dict.m[fold(text)]; ok && n < x.dict.maxLen {
		best = len(text)
	}
	return best
}

// placeIsMarket: "<place>是(全球)最大的" before a market phrase.
var placeIsMarket = regexp.MustCompile(`是(?:全球|世界|全世界|亚洲|欧洲|全国)?(?:最大|第[二三四五六七八九十]大|最重要|增长最快)的$`)

// marketOfPlace returns the place a market phrase is said to be (中国是
// 最大的动力电池市场 → 中国), so that the market is named with it; "" if none.
func (x *Extractor) marketOfPlace(before string) string {
	m := placeIsMarket.FindStringIndex(before)
	if m == nil {
		return ""
	}
	n := x.dictEndingAt(before[:m[0]])
	if n == 0 || x.dict.m[fold(before[m[0]-n:m[0]])].Type != schema.Region {
		return ""
	}
	place := before[m[0]-n : m[0]]
	for _, w := range chinaScopes {
		if place == w {
			return "中国"
		}
	}
	return place
}
