package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// listConjunctions join the items of a list of names.
var listConjunctions = []string{"以及", "、", "和", "与", "及"}

// coordinatedCands finds a name listed next to a company (零氪科技和思派健康,
// 思派健康、零氪科技): an unknown name of a brand and a business ending
// (健康, 科技, 汽车…; brand_tails.txt and the company endings) standing in
// a list with a company is a company too.
func (x *Extractor) coordinatedCands(text string, toks []token, found []cand) []cand {
	var cs []cand
	for _, c := range found {
		if c.Type != schema.Company {
			continue
		}
		if conj := hasPrefixIn(text[c.End:], listConjunctions); conj != "" {
			s := c.End + len(conj)
			e := s
			for i := tokenAt(toks, s); i >= 0 && i < len(toks) && toks[i].Start == e && x.nameToken(text, toks[i]); i++ {
				e = toks[i].End
			}
			if n, ok := x.listedCompany(text, toks, s, e); ok {
				cs = append(cs, n)
			}
		}
		if conj := hasSuffixIn(text[:c.Start], listConjunctions); conj != "" {
			e := c.Start - len(conj)
			s := e
			for i := tokenAt(toks, e-1); i >= 0 && toks[i].End == s && x.nameToken(text, toks[i]); i-- {
				s = toks[i].Start
			}
			if n, ok := x.listedCompany(text, toks, s, e); ok {
				cs = append(cs, n)
			}
		}
	}
	return cs
}

// nameToken: a token that may be part of a listed name (no function word,
// adverb, time, number or punctuation).
func (x *Extractor) nameToken(text string, t token) bool {
	w := text[t.Start:t.End]
	if !hasHan(w) && !isLatinName(w) || adverbialPOS[t.Pos] {
		return false
	}
	return !(utf8.RuneCountInString(w) == 1 && strings.ContainsAny(w, functionChars+nameStopChars))
}

// listedCompany vets text[s:e] as a company's name in a list: it must end
// in a brand tail after a brand of two or more characters the lexicon
// does not know, and be no longer than eight characters.
func (x *Extractor) listedCompany(text string, toks []token, s, e int) (cand, bool) {
	name := text[s:e]
	n := utf8.RuneCountInString(name)
	if n < 3 || n > 8 {
		return cand{}, false
	}
	tail := hasSuffixIn(name, x.brandTails)
	brand := strings.TrimSuffix(name, tail)
	if tail == "" || utf8.RuneCountInString(brand) < 2 || x.generic[brand] {
		return cand{}, false
	}
	if x.dict.anyIn(brand) {
		return cand{}, false // 汽车科技, 上海蔚来汽车: holds a known word; not a new brand
	}
	return x.investorName(text, toks, name, s, 0, len(name))
}

// brandTailCands finds a company named by a brand and a business word
// (中公教育, 某某传媒; brand_tails.txt) when the words after it say what
// only a company does (营收, 上市, 宣布…): the brand must be a name the
// dictionary does not know (characters it splits one by one, a proper
// noun), so that 职业教育 or 在线医疗 stay sectors.
func (x *Extractor) brandTailCands(text string, toks []token, has *runeSet) []cand {
	var cs []cand
	for _, tail := range x.brandTails {
		if !has.mayContain(tail) || x.orgType[tail] != "" {
			continue // company endings have their own finder
		}
		for off := 0; ; {
			k := strings.Index(text[off:], tail)
			if k < 0 {
				break
			}
			s := off + k
			e := s + len(tail)
			off = e
			if i := tokenAt(toks, e-1); i < 0 || toks[i].End != e {
				continue
			}
			start, brand := x.readNameBack(text, toks, s, false)
			if start < 0 || utf8.RuneCountInString(text[start:s]) < 2 {
				// 根据中公教育…: a function character (中, 上) may open a brand
				// of two characters the dictionary splits
				start, brand = x.singlesBrand(text, toks, s)
			}
			if start < 0 {
				continue
			}
			prefix := text[start:s]
			if n := utf8.RuneCountInString(prefix); n < 2 || n > 4 || x.generic[prefix] || x.dict.anyIn(prefix) {
				continue
			}
			if !brand && !x.commonWordBrand(text, toks, start, s, e) {
				continue
			}
			if !x.companyPredicate(text[e:]) {
				continue
			}
			cs = append(cs, cand{Start: start, End: e, Surface: text[start:e], Type: schema.Company, Kind: fromSuffix, Prio: 3})
		}
	}
	return cs
}

// commonWordBrand accepts a brand that is an ordinary two-character noun
// (粉笔教育, 精英动漫) when the whole name is no word of the dictionary (so
// 职业教育 stays a sector) and the clause after it says, in so many words,
// what only a company reports (营收, 净利润, 年报; a bare action verb is
// not enough for a common word).
func (x *Extractor) commonWordBrand(text string, toks []token, start, s, e int) bool {
	i := tokenAt(toks, start)
	if i < 0 || toks[i].Start != start || toks[i].End != s || utf8.RuneCountInString(text[start:s]) != 2 {
		return false
	}
	if p := toks[i].Pos; p != "n" && p != "nr" && p != "nz" {
		return false
	}
	// a frequent noun (职业, 素质, 成人) is far more often a kind of the
	// sector than a brand
	if f, _, _ := x.seg.seg.Dict.Find([]byte(text[start:s])); f >= commonBrandMaxFreq {
		return false
	}
	if _, known := x.dictPOS(text[start:e]); known {
		return false
	}
	name := text[start:e]
	for _, h := range sectorHeads {
		if strings.Contains(text, name+h) {
			return false // the text also calls it a sector (X教育行业)
		}
	}
	after := text[e:]
	for a := hasPrefixIn(after, companyAdverbs); a != ""; a = hasPrefixIn(after, companyAdverbs) {
		after = after[len(a):]
	}
	if k := strings.IndexAny(after, "，。；！？,;!?"); k >= 0 {
		after = after[:k]
	}
	if r := []rune(after); len(r) > 10 {
		after = string(r[:10])
	}
	for _, p := range x.cue.companyPredicates {
		if k := strings.Index(after, p); k >= 0 && !strings.HasPrefix(after[k+len(p):], "规模") {
			return true
		}
	}
	return false
}

// commonBrandMaxFreq bounds the dictionary frequency of a common noun that
// may still be a brand (粉笔 85, 精英 781; 成人 1366, 职业 21581 are not).
const commonBrandMaxFreq = 1000

// sectorHeads after a name make it a sector rather than a company.
var sectorHeads = []string{"行业", "市场", "赛道", "领域", "产业", "板块"}

// bracketNameCands finds a company's Chinese name given right before its
// Latin name in brackets (租车企业赫兹环球（Hertz Global）, 脸书（Facebook）):
// the whole tokens before the bracket back to a company noun, a function
// word or a known term, two to six characters.
func (x *Extractor) bracketNameCands(text string, toks []token, found []cand) []cand {
	var cs []cand
	for _, c := range found {
		if c.Type != schema.Company || c.Kind != fromLatin {
			continue
		}
		open := ""
		for _, o := range []string{"（", "("} {
			if strings.HasSuffix(text[:c.Start], o) {
				open = o
			}
		}
		if open == "" || !strings.HasPrefix(text[c.End:], "）") && !strings.HasPrefix(text[c.End:], ")") {
			continue
		}
		e := c.Start - len(open)
		s, n := e, 0
		for i := tokenAt(toks, e-1); i >= 0 && toks[i].End == s; i-- {
			w := text[toks[i].Start:toks[i].End]
			if !x.namePart(text, toks[i]) || x.generic[w] || hasSuffixIn(w, x.cue.companyNouns) == w {
				break
			}
			if ent, known := x.dict.m[fold(w)]; known && ent.Type != schema.Company {
				break
			}
			if n += utf8.RuneCountInString(w); n > 6 {
				break
			}
			s = toks[i].Start
		}
		if n := utf8.RuneCountInString(text[s:e]); n < 2 || n > 6 {
			continue
		}
		if _, known := x.dict.m[fold(text[s:e])]; known {
			continue // the lexicon names it already
		}
		cs = append(cs, cand{Start: s, End: e, Surface: text[s:e], Type: schema.Company, Kind: fromSuffix, Prio: 2})
	}
	return cs
}

// includingRe: 包括A、B在内的…机构/企业/公司 — the listed names are of that kind.
var includingRe = regexp.MustCompile(`包括([^，。；！？“”「」（）()]{2,40}?)在内的(?:[^，。；]{0,8}?)(机构|企业|公司|厂商|车企|投资方|投资机构|基金)`)

// includingCands finds the unknown names listed in 包括X、Y在内的机构 (a
// company noun closing the list): each item of two to eight characters
// that the lexicon does not know is a company.
func (x *Extractor) includingCands(text string) []cand {
	var cs []cand
	if !strings.Contains(text, "在内的") {
		return nil // the regular expression is slow; most blocks have no such list
	}
	for _, m := range includingRe.FindAllStringSubmatchIndex(text, -1) {
		list := text[m[2]:m[3]]
		off := m[2]
		for _, item := range listSplit.Split(list, -1) {
			k := strings.Index(text[off:m[3]], item)
			if k < 0 {
				break
			}
			s := off + k
			e := s + len(item)
			off = e
			n := utf8.RuneCountInString(item)
			if n < 2 || n > 8 || x.generic[item] || strings.ContainsAny(item, functionChars) && hasHan(item) && n <= 2 {
				continue
			}
			if _, known := x.dict.m[fold(item)]; known {
				continue
			}
			if !isLatinName(item) && strings.IndexFunc(item, func(r rune) bool { return !isHanRune(r) }) >= 0 {
				continue
			}
			cs = append(cs, cand{Start: s, End: e, Surface: item, Type: schema.Company, Kind: fromSuffix, Prio: 2})
		}
	}
	return cs
}

// listSplit separates the items of a list of names.
var listSplit = regexp.MustCompile(`、|和|与|及|以及`)

// singlesBrand reads the two one-character tokens right before byte s as
// a brand when a clause break, a preposition or a conjunction stands
// before them (根据中公教育, ，中公教育): -1 otherwise.
func (x *Extractor) singlesBrand(text string, toks []token, s int) (int, bool) {
	i := tokenAt(toks, s-1)
	if i < 1 || toks[i].End != s {
		return -1, false
	}
	a, b := toks[i-1], toks[i]
	for _, t := range []token{a, b} {
		w := text[t.Start:t.End]
		if utf8.RuneCountInString(w) != 1 || !hasHan(w) {
			return -1, false
		}
	}
	if strings.ContainsAny(text[b.Start:b.End], functionChars) || strings.ContainsAny(text[a.Start:a.End], nameBreakChars) {
		return -1, false // 的, 了… never end a brand, nor open one
	}
	if i >= 2 {
		p := toks[i-2]
		w := text[p.Start:p.End]
		if hasHan(w) && p.Pos != "p" && p.Pos != "c" {
			return -1, false
		}
	}
	return a.Start, true
}
