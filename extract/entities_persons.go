package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// personLeads may stand right before a person's name inside a clause
// (打电话给马某某, 和李某某一起).
var personLeads = []string{"给", "据", "像", "让", "令", "向", "和", "与", "跟", "同", "对", "找", "被", "请", "及", "、"}

// personAdverbs may stand between a name and what the person does.
var personAdverbs = []string{"曾经", "此前", "对此", "随后", "当时", "近日", "日前", "再次", "公开", "也曾", "还曾", "也", "曾", "还", "则", "都", "又", "就", "亦", "更", "便"}

// speakerCands finds people by what they do rather than by a title: a
// name of a surname and one or two characters the dictionary does not
// know as a word, at the start of a clause or after 给/向/和, that is
// followed by a person verb (表示, 透露, 打电话) or by 在/a verb in a
// clause holding one (马某在峰会上说).
func (x *Extractor) speakerCands(text string, toks []token) []cand {
	var cs []cand
	for i, t := range toks {
		if !x.surnameAt(text[t.Start:]) || !personSlot(text, toks, i) {
			continue
		}
		for _, n := range x.nameLengths(text, toks, i) {
			e := t.Start + n
			name := text[t.Start:e]
			if _, known := x.dict.m[fold(name)]; known {
				break
			}
			if pos, ok := x.dictPOS(name); ok && pos != "nr" && pos != "nrt" {
				break // a common word that happens to start with a surname
			}
			if x.personContext(text, toks, e) {
				cs = append(cs, cand{Start: t.Start, End: e, Surface: name, Type: schema.Person, Kind: fromPerson, Prio: 2})
				break
			}
		}
	}
	return cs
}

func (x *Extractor) surnameAt(s string) bool {
	return x.surnameOf(s) != ""
}

// surnameOf returns the longest surname s starts with ("" if none):
// surnames are one or two characters, so two look-ups do.
func (x *Extractor) surnameOf(s string) string {
	r, n1 := utf8.DecodeRuneInString(s)
	if n1 == 0 || !x.surnameFirsts.has(r) {
		return "" // no surname starts with r: neither look-up can hit
	}
	if _, n2 := utf8.DecodeRuneInString(s[n1:]); n2 > 0 && x.surnames[s[:n1+n2]] {
		return s[:n1+n2]
	}
	if x.surnames[s[:n1]] {
		return s[:n1]
	}
	return ""
}

// personSlot: token i starts a clause or follows a word that may lead a
// name.
func personSlot(text string, toks []token, i int) bool {
	if i == 0 {
		return true
	}
	prev := text[toks[i-1].Start:toks[i-1].End]
	r, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune("，。；：！？,;:!?“”「」\"' \u3000（）()", r) {
		return true
	}
	for _, w := range personLeads {
		if prev == w {
			return true
		}
	}
	return false
}

// nameBreakChars cannot be part of a person's name read forward: the
// grammatical words of functionChars without those common in given names
// (一, 中, 文, 名…).
const nameBreakChars = "的了和与及或在是为由被将把对向从等并也都又这那其该每以于而但若即就还让使给跟自至所此之称说曾已"

// nameLengths lists the byte lengths a name starting at token i may have,
// three characters first: each character must be a token of its own or
// the tokens must be tagged as a person's name (nr), and the name must end
// on a token boundary. A third character that is an adverb or a person
// verb's start (程某曾, 王某说) is not part of the name.
func (x *Extractor) nameLengths(text string, toks []token, i int) []int {
	s := toks[i].Start
	var out []int
	runes := 0
	for j := i; j < len(toks) && runes < 3; j++ {
		t := toks[j]
		w := text[t.Start:t.End]
		n := utf8.RuneCountInString(w)
		if !hasHan(w) || n > 1 && t.Pos != "nr" && t.Pos != "nrt" || strings.ContainsAny(w, nameBreakChars) {
			break
		}
		if runes+n > 3 {
			break
		}
		runes += n
		if runes >= 2 {
			out = append(out, t.End-s)
		}
	}
	// longest first, but a last character that is an adverb or starts a
	// person verb belongs to what follows
	for k := len(out) - 1; k >= 0; k-- {
		last, _ := utf8.DecodeLastRuneInString(text[:s+out[k]])
		if k > 0 && (strings.ContainsRune(nameStopChars+"也在说称给向和与将表", last)) {
			continue
		}
		return reverseInts(out[:k+1])
	}
	return nil
}

func reverseInts(v []int) []int {
	out := make([]int, len(v))
	for i := range v {
		out[len(v)-1-i] = v[i]
	}
	return out
}

// personContext: after the name come (adverbs and) a person verb, or 在 or
// a verb in a clause that holds a person verb.
func (x *Extractor) personContext(text string, toks []token, e int) bool {
	rest := text[e:]
	for {
		a := hasPrefixIn(rest, personAdverbs)
		if a == "" {
			break
		}
		rest = rest[len(a):]
	}
	if hasPrefixIn(rest, x.cue.personVerbs) != "" {
		return true
	}
	// 马某某身家大涨, 马某某的个人财富: what only a person has
	if hasPrefixIn(strings.TrimPrefix(rest, "的"), personNouns) != "" {
		return true
	}
	// the clause around the name: 打电话给马某某寻求支持
	cs := strings.LastIndexAny(text[:e], "，。；！？,;!?") + 1
	clause := text[cs:]
	if k := strings.IndexAny(clause, "，。；！？,;!?"); k >= 0 {
		clause = clause[:k]
	}
	verbNext := strings.HasPrefix(rest, "在")
	if j := tokenAt(toks, len(text)-len(rest)); j >= 0 && toks[j].Start == len(text)-len(rest) && toks[j].Pos == "v" {
		verbNext = true
	}
	if !verbNext {
		return false
	}
	for _, v := range x.cue.personVerbs {
		for off := 0; ; {
			k := strings.Index(clause[off:], v)
			if k < 0 {
				break
			}
			off += k + len(v)
			// a one-character verb only when it plainly is one (说过, 说：)
			if utf8.RuneCountInString(v) >= 2 || hasPrefixIn(clause[off:], []string{"过", "道", "了", "：", ":", "“"}) != "" {
				return true
			}
		}
	}
	return false
}

// personNouns are what only a person has (身家, 个人财富, 妻子).
var personNouns = []string{"身家", "个人财富", "个人资产", "个人净资产", "妻子", "丈夫", "父亲", "母亲", "儿子", "女儿", "家族"}

// nameDots join the parts of a transliterated foreign name (杰夫·贝索斯).
var nameDots = []string{"·", "•", "・"}

// dotNameCands finds transliterated foreign names (杰夫·贝索斯, 埃隆·马斯克):
// Chinese characters on both sides of a name dot. Each side is read as
// whole tokens of an open word class (no 的, 以, 表示), up to four
// characters before the dot and five after each dot.
func (x *Extractor) dotNameCands(text string, toks []token, has *runeSet) []cand {
	var cs []cand
	for _, dot := range nameDots {
		if !has.mayContain(dot) {
			continue
		}
		for off := 0; ; {
			k := strings.Index(text[off:], dot)
			if k < 0 {
				break
			}
			d := off + k
			off = d + len(dot)
			s := d
			for i, n := tokenAt(toks, d-1), 0; i >= 0 && toks[i].End == s && x.namePart(text, toks[i]); i-- {
				if n += utf8.RuneCountInString(text[toks[i].Start:toks[i].End]); n > 4 {
					break
				}
				s = toks[i].Start
			}
			if s == d {
				continue
			}
			e := d
			for next := d + len(dot); ; {
				pe := next
				for i, n := tokenAt(toks, next), 0; i >= 0 && i < len(toks) && toks[i].Start == pe && x.namePart(text, toks[i]); i++ {
					if n += utf8.RuneCountInString(text[toks[i].Start:toks[i].End]); n > 5 {
						break
					}
					pe = toks[i].End
				}
				if pe == next {
					break
				}
				e = pe
				if d2 := hasPrefixIn(text[e:], nameDots); d2 != "" {
					next = e + len(d2)
					continue
				}
				break
			}
			if e == d || s > 0 && strings.HasSuffix(text[:s], dot) {
				continue
			}
			off = e
			cs = append(cs, cand{Start: s, End: e, Surface: text[s:e], Type: schema.Person, Kind: fromPerson, Prio: 4})
		}
	}
	return cs
}

// namePart: a token that may be part of a transliterated name — Chinese
// characters, not a function word or a closed word class.
func (x *Extractor) namePart(text string, t token) bool {
	w := text[t.Start:t.End]
	if closedPOS[t.Pos] && t.Pos != "z" || strings.IndexFunc(w, func(r rune) bool { return !isHanRune(r) }) >= 0 {
		return false
	}
	return !(utf8.RuneCountInString(w) == 1 && strings.ContainsAny(w, functionChars))
}

// dotNameShort is the family name of a transliterated name (杰夫·贝索斯 →
// 贝索斯), the form articles use when they name the person again.
func dotNameShort(name string) string {
	for _, dot := range nameDots {
		if k := strings.LastIndex(name, dot); k >= 0 {
			if short := name[k+len(dot):]; utf8.RuneCountInString(short) >= 2 {
				return short
			}
		}
	}
	return ""
}
