package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// candKind says which finder proposed a candidate mention.
type candKind int

const (
	fromLexicon candKind = iota
	fromAnchor
	fromSuffix
	fromMarket
	fromPolicy
	fromPerson
	fromLatin
	fromQuote
	fromKnown // a name found elsewhere in the article, seen again
)

// cand is a proposed entity mention in a block.
type cand struct {
	Start, End int
	Surface    string
	Type       schema.Type
	Kind       candKind
	Prio       int       // among candidates of equal length, higher wins
	Lex        *lexEntry // set for lexicon words
	Alias      string    // another name the source gave (an anchor's data-name)
	Group      string    // for fromKnown: the entity it belongs to
}

// bounds marks the word boundaries of a segmented text by byte offset (a
// slice, not a map: every block's boundaries are looked up many times).
type bounds []bool

func boundsOf(toks []token) bounds {
	n := 0
	for _, t := range toks {
		n = max(n, t.End)
	}
	b := make(bounds, n+1)
	for _, t := range toks {
		b[t.Start] = true
		b[t.End] = true
	}
	return b
}

// at reports whether a word starts or ends at byte offset i.
func (b bounds) at(i int) bool { return i >= 0 && i < len(b) && b[i] }

// tokenAt returns the index of the token covering byte offset i, or -1.
func tokenAt(toks []token, i int) int {
	lo, hi := 0, len(toks)-1
	for lo <= hi {
		m := (lo + hi) / 2
		switch {
		case i < toks[m].Start:
			hi = m - 1
		case i >= toks[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// candidates runs every finder over one block; bd is boundsOf(toks).
func (x *Extractor) candidates(b *Block, toks []token, bd bounds) []cand {
	text := b.Text
	// the finders below look many words up in the block; has lets them
	// skip the words that cannot occur in it without scanning the text
	has := newRuneSet(text)
	cs := x.lexiconCands(text, bd) // a fresh slice, with room for the rest
	cs = append(cs, x.anchorCands(b, toks, bd)...)
	cs = append(cs, x.suffixCands(text, toks, bd, has)...)
	cs = append(cs, x.marketCands(text, toks, has)...)
	cs = append(cs, x.policyCands(text, toks, has)...)
	cs = append(cs, x.personCands(text, toks, has)...)
	cs = append(cs, x.speakerCands(text, toks)...)
	cs = append(cs, x.dotNameCands(text, toks, has)...)
	cs = append(cs, x.latinCands(text)...)
	cs = append(cs, x.launchCands(text, toks, has)...)
	cs = append(cs, x.governmentCands(text)...)
	cs = append(cs, x.quoteCands(text, toks)...)
	cs = append(cs, x.investorCands(text, toks, has)...)
	cs = append(cs, x.fundingSubjectCands(text, toks)...)
	cs = append(cs, x.bareSubjectCands(text, toks, has)...)
	cs = append(cs, x.brandTailCands(text, toks, has)...)
	cs = append(cs, x.coordinatedCands(text, toks, cs)...)
	cs = append(cs, x.bracketNameCands(text, toks, cs)...)
	cs = append(cs, x.categoryCands(text, cs)...)
	cs = append(cs, x.includingCands(text)...)
	return cs
}

// sectorTails are the words that turn a sector or technology into a
// phrase naming the same thing (汽车行业 = 汽车).
var sectorTails = []string{"行业", "产业", "领域", "板块", "赛道"}

// matchLists lends lexiconCands a list for the dictionary's matches: a
// block's grew from nothing at every call.
var matchLists = sync.Pool{New: func() any { return new([]match) }}

func (x *Extractor) lexiconCands(text string, bd bounds) []cand {
	// the matches are read once, here: their list is lent by a pool
	buf := matchLists.Get().(*[]match)
	ms := x.dict.appendAll((*buf)[:0], text)
	defer func() { *buf = ms[:0]; matchLists.Put(buf) }()
	cs := make([]cand, 0, len(ms)+len(ms)/2+4) // candidates appends the other finders' too
	for _, m := range ms {
		surface := text[m.Start:m.End]
		short := utf8.RuneCountInString(surface) <= 2 && !isWordByte(surface[0])
		// a two-character word must be a word of the segmentation too
		// (工业 is not a mention inside 工业化 if that is one word)
		if short && (!bd.at(m.Start) || !bd.at(m.End)) {
			continue
		}
		c := cand{Start: m.Start, End: m.End, Surface: surface, Type: m.Entry.Type, Kind: fromLexicon, Prio: 5, Lex: m.Entry}
		// 健康险科技企业, 金融科技领域: a sector's technology, named by
		// itself (X科技 before a company noun or a sector word)
		if c.Type == schema.Industry && strings.HasPrefix(text[m.End:], "科技") {
			after := text[m.End+len("科技"):]
			if hasPrefixIn(after, x.cue.companyNouns) != "" || hasPrefixIn(after, sectorTails) != "" {
				e := m.End + len("科技")
				cs = append(cs, cand{Start: m.Start, End: e, Surface: text[m.Start:e], Type: schema.Technology, Kind: fromSuffix, Prio: 5})
				continue
			}
		}
		switch c.Type {
		case schema.Industry, schema.Technology, schema.Trend:
			if t := hasPrefixIn(text[m.End:], sectorTails); t != "" {
				c.End += len(t)
				c.Surface = text[c.Start:c.End]
			}
		}
		cs = append(cs, c)
	}
	return cs
}

// closedPOS are parts of speech of words that are not names: an anchor
// that is one of these words (得到, 一起) is a 36kr auto-link gone wrong.
var closedPOS = map[string]bool{
	"v": true, "vd": true, "d": true, "a": true, "ad": true, "i": true, "l": true, "m": true, "r": true,
	"c": true, "p": true, "u": true, "uj": true, "ul": true, "f": true, "t": true, "q": true, "z": true, "y": true, "e": true, "o": true,
}

func (x *Extractor) dictPOS(w string) (string, bool) {
	_, pos, ok := x.seg.seg.Dict.Find([]byte(w))
	return pos, ok
}

// anchorCands validates 36kr's auto-link anchors. An anchor is kept only
// when it stands as a word of its own in the sentence: both ends on word
// boundaries, not a common word, not ending in a generic head (云领域), not
// a modifier + known technology (通用半导体). A brand followed by 云
// (腾讯</a>云) is extended to the cloud unit's name.
func (x *Extractor) anchorCands(b *Block, toks []token, bd bounds) []cand {
	var cs []cand
	for _, l := range b.Links {
		s, e := l.Start, l.End
		surface := b.Text[s:e]
		if utf8.RuneCountInString(surface) < 2 || !hasHan(surface) && !isLatinName(surface) {
			continue
		}
		if strings.HasPrefix(b.Text[e:], "云") {
			rest := b.Text[e+len("云"):]
			if i := tokenAt(toks, e); i >= 0 && toks[i].End == e+len("云") || rest == "" || !startsHan(rest) || bd.at(e+len("云")) {
				e += len("云")
			}
		}
		if !bd.at(s) || !bd.at(e) || x.orphanNeighbour(b.Text, toks, s, e) {
			continue
		}
		name := b.Text[s:e]
		if strings.IndexFunc(name, unicode.IsPunct) >= 0 || strings.ContainsAny(name, " （）《》“”") || utf8.RuneCountInString(name) > 12 {
			continue
		}
		if x.holdsVerb(b.Text, toks, s, e) {
			continue // 查看更多请点这里: a link label, not a name
		}
		r0, _ := utf8.DecodeRuneInString(name)
		r1, _ := utf8.DecodeLastRuneInString(name)
		if strings.ContainsRune(functionChars, r0) || strings.ContainsRune(functionChars, r1) {
			continue
		}
		if freq, pos, ok := x.seg.seg.Dict.Find([]byte(name)); ok && (closedPOS[pos] || (pos == "n" || pos == "vn") && freq > 50) {
			continue // a common word: 得到, 一起, 巨头
		}
		if g := x.genericTail(name); g != "" {
			continue
		}
		if x.modifierPlusKnown(name, toks, s, e) {
			continue
		}
		if x.anchorModifies(b.Text, toks, name, e) {
			continue
		}
		alias := ""
		if l.Name != "" && l.Name != name {
			alias = l.Name
		}
		cs = append(cs, cand{Start: s, End: e, Surface: name, Type: schema.Company, Kind: fromAnchor, Prio: 3, Alias: alias})
	}
	return cs
}

// anchorModifies reports a Chinese link label that only qualifies the
// common noun glued after it (人力资源</a>顾问巨头, 选货</a>逻辑): a brand is
// followed by what it does or a business word, not by an everyday noun.
func (x *Extractor) anchorModifies(text string, toks []token, name string, e int) bool {
	if !startsHan(name) || strings.IndexFunc(name, func(r rune) bool { return r < utf8.RuneSelf }) >= 0 {
		return false
	}
	i := tokenAt(toks, e)
	if i < 0 || toks[i].Start != e {
		return false
	}
	w := text[toks[i].Start:toks[i].End]
	if utf8.RuneCountInString(w) < 2 || hasPrefixIn(w, x.brandTails) != "" || hasPrefixIn(w, x.cue.companyNouns) != "" ||
		hasPrefixIn(w, x.orgSuffixes) != "" || hasPrefixIn(w, sectorTails) != "" || hasPrefixIn(w, x.cue.companyPredicates) != "" {
		return false
	}
	if _, known := x.dict.m[fold(w)]; known {
		return false
	}
	f, pos, ok := x.seg.seg.Dict.Find([]byte(w))
	return ok && (pos == "n" || pos == "nr") && f >= 1000
}

// holdsVerb reports whether s..e contains a verb of two or more characters.
func (x *Extractor) holdsVerb(text string, toks []token, s, e int) bool {
	for i := tokenAt(toks, s); i >= 0 && i < len(toks) && toks[i].Start < e; i++ {
		if toks[i].Pos == "v" && utf8.RuneCountInString(text[toks[i].Start:toks[i].End]) >= 2 {
			return true
		}
	}
	return false
}

// neighbourChars may stand alone next to a name without being part of it.
const neighbourChars = functionChars + "曾已仍正均则便才更最却亦需想拟获首刚称"

// orphanNeighbour reports whether the character right before or after
// s..e stands alone in the segmentation though it is no function word: the
// link then cut a word the dictionary does not know (代</a>金券</a>).
func (x *Extractor) orphanNeighbour(text string, toks []token, s, e int) bool {
	if i := tokenAt(toks, s-1); i >= 0 {
		w := text[toks[i].Start:toks[i].End]
		if utf8.RuneCountInString(w) == 1 && hasHan(w) && !strings.Contains(neighbourChars, w) {
			return true
		}
	}
	if i := tokenAt(toks, e); i >= 0 {
		w := text[toks[i].Start:toks[i].End]
		if utf8.RuneCountInString(w) == 1 && hasHan(w) && !strings.Contains(neighbourChars, w) {
			return true
		}
	}
	return false
}

// genericTail returns the generic word name ends with, if any (云领域).
func (x *Extractor) genericTail(name string) string {
	for g := range x.generic {
		if strings.HasSuffix(name, g) {
			return g
		}
	}
	return ""
}

// modifierPlusKnown reports whether s..e is a common modifier followed by
// a known non-company word, i.e. a phrase, not a name.
func (x *Extractor) modifierPlusKnown(name string, toks []token, s, e int) bool {
	i := tokenAt(toks, s)
	if i < 0 || toks[i].End >= e {
		return false
	}
	switch toks[i].Pos {
	case "a", "b", "v", "vn", "d", "ad":
	default:
		return false
	}
	rest := name[toks[i].End-s:]
	ent, ok := x.dict.m[fold(rest)]
	return ok && ent.Type != schema.Company && ent.Type != schema.Organization
}

// nameablePOS are parts of speech that may form part of a name read back
// from a company or organization ending.
var brandPOS = map[string]bool{"nr": true, "ns": true, "nt": true, "nz": true, "nrt": true, "j": true, "x": true, "eng": true}

// functionChars end a name read backwards: a single-character token that
// is one of these belongs to the sentence, not to the name.
const functionChars = "的了和与及或在是为由被将把对向从等并也都又这那其该各每以于中上下后前有无不非而且但若如即就还让使给跟自至所此之个家名位年据暨认称指经令要会可能获另类型一"

// suffixCands finds names ending in a company or organization word
// (博裕资本, 零氪科技, 中国电子专用设备工业协会). The name is read back
// word by word from the ending while the words look like parts of a name.
func (x *Extractor) suffixCands(text string, toks []token, bd bounds, has *runeSet) []cand {
	var cs []cand
	for _, suf := range x.orgSuffixes {
		if !has.mayContain(suf) {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], suf)
			if i < 0 {
				break
			}
			s := off + i
			e := s + len(suf)
			off = s + len(suf)
			if !bd.at(e) || utf8.RuneCountInString(suf) == 1 && !bd.at(s) {
				continue // a one-character ending must be a word of its own (not 布局)
			}
			typ := x.orgType[suf]
			if n := x.dictEndingAt(text[:e]); n > len(suf) {
				continue // a known name (华泰证券) or term (纯电动汽车) ends here
			}
			start, brand := x.readNameBack(text, toks, s, typ == schema.Organization)
			if start < 0 {
				continue
			}
			// MindWorks Capital概念资本: a name read back from a Latin word
			// takes the whole Latin name before it
			if isWordByte(text[start]) {
				start = latinRunStart(text, start)
			}
			prefix := text[start:s]
			if utf8.RuneCountInString(prefix) < 2 || x.generic[prefix] {
				continue
			}
			if hasSuffixIn(text[:start], kindDeterminers) != "" {
				continue // 等卡牌公司, 另一家游戏公司: a kind of company, not a name
			}
			if countedGoods.MatchString(text[:start]) {
				continue // 10万辆特斯拉汽车: counted goods of a brand, not the maker's fuller name
			}
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); strings.ContainsRune(nameStopChars, r) {
				continue // 刚入职公司: after an adverb comes a verb phrase, not a name
			}
			if r, _ := utf8.DecodeRuneInString(text[e:]); r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				continue // 某某大学MOOC: the ending is inside a longer name
			}
			ent, known := x.dict.m[fold(prefix)]
			if known && ent.Type != schema.Company && ent.Type != schema.Organization && ent.Type != schema.Region {
				// 上海汽车集团, 北京能源集团: a place, a sector and a legal
				// ending are how state and regional groups are named
				if n := x.dictEndingAt(text[:start]); n > 0 && (ent.Type == schema.Industry || ent.Type == schema.Technology) &&
					x.dict.m[fold(text[start-n:start])].Type == schema.Region && hasSuffixIn(suf, regionGroupEndings) == suf &&
					hasSuffixIn(text[:start], append(append([]string{}, chinaScopes...), globalScopes...)) == "" {
					cs = append(cs, cand{Start: start - n, End: e, Surface: text[start-n : e], Type: schema.Company, Kind: fromSuffix, Prio: 4})
				}
				continue // 互联网公司, 新能源汽车: a kind of company, not a name
			}
			if known && typ == schema.Company && (ent.Type == schema.Company || ent.Type == schema.Organization) {
				// 亚马逊公司, 特斯拉汽车: the known company under a longer name
				cs = append(cs, cand{Start: start, End: e, Surface: text[start:e], Type: ent.Type, Kind: fromLexicon, Prio: 5, Lex: ent})
				continue
			}
			if acronymEnd.MatchString(prefix) {
				continue // IDM公司, MCU公司: a business model, not a name
			}
			if typ == schema.Company && !brand && !x.companyPredicate(text[e:]) {
				continue
			}
			if typ == schema.Company && (x.kindOfCompany(prefix) || countWord.MatchString(prefix)) {
				continue
			}
			if typ == schema.Company {
				// 美国福特汽车: the country is not part of the name
				if n := x.dictStartingAt(text[start:s]); n > 0 && x.dict.m[fold(text[start:start+n])].Type == schema.Region && utf8.RuneCountInString(text[start+n:s]) >= 2 {
					start += n
				}
			}
			if typ == schema.Organization {
				start = x.jointOrgStart(text, toks, start)
			}
			cs = append(cs, cand{Start: start, End: e, Surface: text[start:e], Type: typ, Kind: fromSuffix, Prio: 4})
		}
	}
	return cs
}

// jointOrgStart extends an organization's name read back to 与/和 over the
// field before it when that field opens with a place (中国建筑玻璃与工业玻璃
// 协会): associations are often named for two fields joined so.
func (x *Extractor) jointOrgStart(text string, toks []token, start int) int {
	conj := hasSuffixIn(text[:start], []string{"与", "和"})
	if conj == "" {
		return start
	}
	s, _ := x.readNameBack(text, toks, start-len(conj), true)
	if s < 0 {
		return start
	}
	if n := x.dictStartingAt(text[s : start-len(conj)]); n == 0 || x.dict.m[fold(text[s:s+n])].Type != schema.Region {
		return start
	}
	if utf8.RuneCountInString(text[s:start]) > 12 {
		return start
	}
	return s
}

// latinRunStart walks back from a Latin word at start over the Latin words
// before it, joined by single spaces (MindWorks Capital).
func latinRunStart(text string, start int) int {
	for start >= 2 && text[start-1] == ' ' && isWordByte(text[start-2]) {
		i := start - 1
		for i > 0 && (isWordByte(text[i-1]) || text[i-1] == '\'') {
			i--
		}
		start = i
	}
	return start
}

// regionGroupEndings make a place and a sector a company's name.
var regionGroupEndings = []string{"集团", "股份", "控股", "有限公司", "股份有限公司"}

// kindDeterminers before X公司 make it a kind of company (等卡牌公司,
// 另一家游戏公司), not a company's name.
var kindDeterminers = []string{"等", "另一", "一家", "另一家", "这家", "那家", "多家", "几家", "两家", "各家", "其他", "其它", "一些", "某", "众多", "不少", "各类", "这类", "此类", "同类"}

// nameStopChars are one-character adverbs that stand before a name, never
// inside one when read back (刚入职公司: 刚 ends the reading).
const nameStopChars = "刚曾已仍均则便才却亦拟"

// acronymEnd: a name beginning that ends in a capitalised abbreviation.
var acronymEnd = regexp.MustCompile(`(?:^|[^A-Za-z])[A-Z]{2,5}$`)

// countedGoods ends a text with a count and a classifier for goods (10万辆,
// 500台, 两款): what follows is the brand's product, not its company.
var countedGoods = regexp.MustCompile(`[0-9０-９一二三四五六七八九十两百千万亿多余几]+[辆台部款架套件艘]$`)

// countWord starts a name that is a count of companies (六大汽车集团).
var countWord = regexp.MustCompile(`^[一二三四五六七八九十两几多数百千0-9]+[大家个类种]`)

// kindOfCompany reports whether a name's beginning only says what sort of
// company it is (AI芯片公司, 中国电商公司, 六大汽车集团): it ends in a
// sector or technology word.
func (x *Extractor) kindOfCompany(prefix string) bool {
	n := x.dictEndingAt(prefix)
	if n == 0 {
		return false
	}
	t := x.dict.m[fold(prefix[len(prefix)-n:])].Type
	return t != schema.Company && t != schema.Organization && t != schema.Region
}

// readNameBack walks back from byte offset s over the tokens that can be
// part of a name, and returns where the name starts (-1 if nothing) and
// whether it holds a brand-like word (a proper noun, a Latin word, or
// characters the dictionary does not know as a word).
func (x *Extractor) readNameBack(text string, toks []token, s int, loose bool) (int, bool) {
	i := tokenAt(toks, s-1)
	start, brand, runes, singles := -1, false, 0, 0
	for ; i >= 0; i-- {
		t := toks[i]
		if t.End > s { // the ending is glued into a dictionary word (行业协会)
			t = token{Start: t.Start, End: s, Pos: "n"}
		}
		w := text[t.Start:t.End]
		n := utf8.RuneCountInString(w)
		if !hasHan(w) && !isLatinName(w) {
			break
		}
		switch {
		case n == 1 && (strings.Contains(functionChars, w) || strings.Contains(nameStopChars, w)):
			i = -1
			continue
		case n == 1:
			// characters the dictionary splits one by one (博 裕, 礼 来)
			// are an unknown name; one alone (新电池) is just a word
			singles++
			brand = brand || singles >= 2
		case brandPOS[t.Pos]:
			// a place or a known sector/technology word does not make a brand
			if ent, known := x.dict.m[fold(w)]; known && ent.Type != schema.Company && ent.Type != schema.Organization {
				if !loose {
					i = -1
					continue
				}
			} else {
				brand = brand || t.Pos != "ns"
			}
			singles = 0
		case t.Pos == "n" || t.Pos == "vn" || t.Pos == "b" && loose:
			if x.generic[w] && !loose {
				i = -1
				continue
			}
			singles = 0
		default:
			i = -1
			continue
		}
		if runes+n > 10 {
			break
		}
		runes += n
		start = t.Start
	}
	return start, brand
}

// latinName: Latin words, the later ones capitalised (Lam Research); a
// possessive 's stays inside the name (Monk's Hill Ventures).
var latinName = regexp.MustCompile(`[A-Za-z][A-Za-z0-9&.+\-]*(?:['’]s)?(?: [A-Z0-9][A-Za-z0-9&.+\-]*(?:['’]s)?)*`)

// latinNameAt is latinName anchored, for findAllAt: a match starts with
// an ASCII letter.
var latinNameAt = anchored(latinName)

func nextASCIILetter(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' { // lowers a capital; no other byte becomes a letter
			return i
		}
	}
	return -1
}

func isLatinName(s string) bool {
	return s != "" && latinName.FindString(s) == s
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func startsHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

// latinCands proposes Latin-script names the lexicon does not know: a
// mixed-case word (Northvolt, MarkLines) is taken as a company, a word and
// a model number (Model 3) as a product. All-capital abbreviations are
// left alone: most are terms (GDP, IT), not names.
func (x *Extractor) latinCands(text string) []cand {
	var cs []cand
	if !hasASCIILetter(text) {
		return nil // every latinName match starts with one
	}
	for _, m := range findAllAt(latinNameAt, text, true, nextASCIILetter) {
		s, e := m[0], m[1]
		if s > 0 && isWordByte(text[s-1]) || e < len(text) && isWordByte(text[e]) {
			continue
		}
		w := strings.TrimRight(text[s:e], ".-+&")
		e = s + len(w)
		if _, ok := x.dict.m[fold(w)]; ok || strings.ContainsAny(w, "+/") || strings.HasPrefix(text[e:], "轮") {
			continue
		}
		parts := strings.Split(w, " ")
		if _, known := x.dict.m[fold(parts[0])]; known {
			continue // a known name, then something else
		}
		if s >= 2 && text[s-1] == ' ' && isWordByte(text[s-2]) || e+1 < len(text) && text[e] == ' ' && text[e+1] >= 'a' && text[e+1] <= 'z' {
			continue // a word of an English phrase (Made in Brazil)
		}
		if win := text[max(0, s-300):s]; strings.LastIndex(win, "《") > strings.LastIndex(win, "》") {
			continue // inside a title: 《Genius Makers》
		}
		if hasSuffixIn(text[:s], x.roles) != "" && len(parts) <= 2 && upperStart(w) {
			cs = append(cs, cand{Start: s, End: e, Surface: w, Type: schema.Person, Kind: fromLatin, Prio: 1})
			continue
		}
		if (len(parts) > 1 && properWords(parts) || len(parts) == 1 && len(w) >= 4 && hasLower(w) && !strings.ContainsAny(w, "-")) && x.productCue(text, s, e) {
			cs = append(cs, cand{Start: s, End: e, Surface: w, Type: schema.Product, Kind: fromLatin, Prio: 1})
			continue
		}
		switch {
		case len(parts) == 2 && modelNumber.MatchString(parts[1]) && len(parts[0]) >= 4 && upperStart(parts[0]) && hasLower(parts[0]) && !notModelWords[parts[0]]:
			cs = append(cs, cand{Start: s, End: e, Surface: w, Type: schema.Product, Kind: fromLatin, Prio: 1})
		case len(parts) > 1 && modelTiers[parts[len(parts)-1]] && upperStart(parts[0]):
			// Mac Pro, Galaxy Ultra: a model tier names a product line
			cs = append(cs, cand{Start: s, End: e, Surface: w, Type: schema.Product, Kind: fromLatin, Prio: 1})
		case len(parts) > 1 && properWords(parts):
			cs = append(cs, cand{Start: s, End: e, Surface: w, Type: schema.Company, Kind: fromLatin, Prio: 1})
		case len(parts) == 1 && len(w) >= 4 && upperStart(w) && mixedCase(w) && !strings.ContainsAny(w, "0123456789-"):
			cs = append(cs, cand{Start: s, End: e, Surface: w, Type: schema.Company, Kind: fromLatin, Prio: 1})
		}
	}
	return cs
}

// modelTiers end the name of a product model or service line, never a
// company's (Mac Pro, Shopee Pay).
var modelTiers = map[string]bool{"Pro": true, "Max": true, "Plus": true, "Ultra": true, "Mini": true, "Air": true, "Lite": true, "SE": true, "Pay": true}

// properWords: every word capitalised and at least three letters long,
// one of them a capitalised word rather than an abbreviation (LMC Automotive).
func properWords(parts []string) bool {
	mixed := false
	for _, p := range parts {
		if len(p) < 3 || !upperStart(p) || strings.ContainsAny(p, "0123456789") {
			return false
		}
		mixed = mixed || mixedCase(p)
	}
	return mixed && !notModelWords[parts[0]]
}

// modelNumber is the second word of a product model (Model 3, Model Y).
var modelNumber = regexp.MustCompile(`^(?:[0-9]+|[A-Z]|[A-Z]{2,3})$`)

// notModelWords are English words that precede a number or letter without
// naming a product (Plan B, Top 10).
var notModelWords = map[string]bool{"Plan": true, "Part": true, "Step": true, "Type": true, "Level": true, "Phase": true, "Stage": true, "Version": true, "Round": true, "Series": true, "Class": true, "Grade": true, "Top": true, "Figure": true, "Table": true, "Tier": true, "Gen": true, "Day": true, "Web": true}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

func upperStart(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

// mixedCase: capitalised and mostly lower case, a proper name rather than
// an abbreviation or an English word written in lower case.
func mixedCase(s string) bool {
	up := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 1 && up*2 <= len(s)
}

// hasModelChars: a name with Latin letters or digits, like most product
// names (宏光MINI EV, bZ4X).
func hasModelChars(name string) bool {
	return strings.IndexFunc(name, func(r rune) bool { return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }) >= 0
}

var quoted = regexp.MustCompile(`["“「]([^"“”「」]{1,16})["”」]`)

// quoteOpeners are the characters a quoted match starts with.
const quoteOpeners = `"“「`

var quotedAt, nextQuoteOpener = anchored(quoted), nextRuneIn(quoteOpeners)

// quoteCands finds a quoted name right after a word saying it names a
// company; quotes alone mark all sorts of phrases.
func (x *Extractor) quoteCands(text string, toks []token) []cand {
	var cs []cand
	if indexAnyRune(text, quoteOpeners) < 0 {
		return nil // every quoted match opens with one of them
	}
	for _, m := range findAllAt(quotedAt, text, true, nextQuoteOpener) {
		before := text[:m[0]]
		ok := false
		for _, n := range x.cue.companyNouns {
			if strings.HasSuffix(before, n) {
				ok = true
				break
			}
		}
		name := text[m[2]:m[3]]
		if strings.ContainsAny(name, "，。、；：！？") {
			continue
		}
		// 「不二研究」认为: a quoted name that speaks is an organization or
		// company (a research firm, a media account)
		if !ok && x.quotedActor(text, toks, m[0], m[1]) && hasHan(name) && utf8.RuneCountInString(name) >= 2 && utf8.RuneCountInString(name) <= 8 {
			if _, common := x.dictPOS(name); !common {
				typ := schema.Company
				if suf := hasSuffixIn(name, x.orgSuffixes); suf != "" {
					typ = x.orgType[suf]
				}
				cs = append(cs, cand{Start: m[2], End: m[3], Surface: name, Type: typ, Kind: fromQuote, Prio: 4})
				continue
			}
		}
		typ := schema.Company
		if hasSuffixIn(name, x.policyHeads) != "" || hasSuffixIn(name, x.cue.docWords) != "" {
			continue // 「双积分成绩单」: a document, not a company
		}
		if !ok {
			// a product category then a quoted name: 主力轿车“汉”, 纯电动皮卡“F-150”
			n := x.dictEndingAt(before)
			tech := n > 0 && x.dict.m[fold(before[len(before)-n:])].Type == schema.Technology
			if !(tech && hasModelChars(name)) && hasSuffixIn(before, x.cue.productCategories) == "" {
				after := strings.TrimPrefix(text[m[1]:], "等")
				if !strings.HasPrefix(after, "品牌") || !hasHan(name) {
					continue
				}
			} else {
				typ = schema.Product
			}
		}
		if typ == schema.Company && (utf8.RuneCountInString(name) < 2 || !hasHan(name)) {
			continue
		}
		cs = append(cs, cand{Start: m[2], End: m[3], Surface: name, Type: typ, Kind: fromQuote, Prio: 4})
	}
	return cs
}

// quotedActor: the quoted text at s..e speaks or acts (「X」认为, “X”宣布完成),
// as the subject of its clause — not the object of a verb before it (卖
// 「碳积分」获得的收入) nor the head of a relative clause (X获得的).
func (x *Extractor) quotedActor(text string, toks []token, s, e int) bool {
	after := text[e:]
	v := hasPrefixIn(after, x.cue.speechVerbs)
	if v == "" {
		v = hasPrefixIn(after, x.cue.actionVerbs)
	}
	if v == "" || strings.HasPrefix(after[len(v):], "的") {
		return false
	}
	if i := tokenAt(toks, s-1); i >= 0 && toks[i].Pos == "v" {
		return false
	}
	return true
}

// productCue: a word right before or after text[s:e] that marks a product
// (全新的Mac Studio, 为X搭载了; product_cues.txt).
func (x *Extractor) productCue(text string, s, e int) bool {
	return hasSuffixIn(text[:s], x.productBefore) != "" || hasPrefixIn(strings.TrimLeft(text[e:], " "), x.productAfter) != ""
}

// companyAdverbs may stand between a company and what it does.
var companyAdverbs = []string{"也", "已经", "已", "正在", "还", "将", "曾", "则", "均", "都", "近日", "日前", "计划", "拟"}

// companyPredicate reports whether the clause after a name says, within a
// few words, something only a company does (company_predicates.txt) or
// an action verb.
func (x *Extractor) companyPredicate(after string) bool {
	for a := hasPrefixIn(after, companyAdverbs); a != ""; a = hasPrefixIn(after, companyAdverbs) {
		after = after[len(a):]
	}
	if k := strings.IndexAny(after, "，。；！？,;!?"); k >= 0 {
		after = after[:k]
	}
	if utf8.RuneCountInString(after) > 14 {
		after = string([]rune(after)[:14])
	}
	for _, p := range x.cue.companyPredicates {
		if strings.Contains(after, p) {
			return true
		}
	}
	return hasPrefixIn(after, x.cue.actionVerbs) != ""
}
