package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// productLeads may stand between a launch verb and the product's name.
var productLeads = []string{"了", "新款", "新一代", "全新", "首款", "最新", "新品", "旗下", "自研", "自家", "一款", "两款", "多款", "其", "的", "新"}

// modelItem is one launched product: up to eight Han characters (a
// category: 云服务器) then a Latin model name (ECS, Mate 60 Pro).
var modelItem = regexp.MustCompile(`^(\p{Han}{0,8}?)([A-Za-z][A-Za-z0-9\-+]*(?: [A-Za-z0-9][A-Za-z0-9\-+]*){0,3})`)

// abbreviation: a short all-capital model (ECS, OSS) names a product only
// with the category before it.
var abbreviation = regexp.MustCompile(`^[A-Z]{2,5}$`)

// launchCands finds products by their launch: after 推出/发布…
// (triggers_launch.txt) a Latin model name, or a category and an
// abbreviation (云服务器ECS), and the items listed with it (A和B, A、B).
func (x *Extractor) launchCands(text string, toks []token, has *runeSet) []cand {
	var cs []cand
	for _, v := range x.launchVerbs {
		if !has.mayContain(v) {
			continue
		}
		for off := 0; ; {
			k := strings.Index(text[off:], v)
			if k < 0 {
				break
			}
			at := off + k + len(v)
			off = at
			if i, j := tokenAt(toks, at-len(v)), tokenAt(toks, at-1); i >= 0 && toks[i].Start != at-len(v) || j >= 0 && toks[j].End != at {
				continue // inside a word (推 in 推出)
			}
			p := at
			for l := hasPrefixIn(text[p:], productLeads); l != ""; l = hasPrefixIn(text[p:], productLeads) {
				p += len(l)
			}
			for item := 0; item < 6; item++ {
				m := modelItem.FindStringSubmatchIndex(text[p:])
				if m == nil {
					break
				}
				han, latin := text[p+m[2]:p+m[3]], text[p+m[4]:p+m[5]]
				end := p + m[1]
				if e := end; e < len(text) && isWordByte(text[e]) {
					break
				}
				start := p + m[4]
				if abbreviation.MatchString(latin) {
					if utf8.RuneCountInString(han) < 2 {
						break // 推出AI功能: an abbreviation alone is a term
					}
					start = p + m[2]
				}
				if start == p+m[4] && !modelLike(latin) {
					break // 发布One: a word, not a model name
				}
				name := text[start:end]
				_, known := x.dict.m[fold(latin)]
				if !known && !notModelWords[strings.Fields(latin)[0]] {
					cs = append(cs, cand{Start: start, End: end, Surface: name, Type: schema.Product, Kind: fromLatin, Prio: 3})
				}
				// the next item of a list
				rest := text[end:]
				j := hasPrefixIn(rest, []string{"、", "和", "以及", "及", "与"})
				if j == "" {
					break
				}
				p = end + len(j)
			}
		}
	}
	return cs
}

// modelLike: a Latin name that looks like a model rather than a word:
// with a digit (Mate 60), of several words (Vision Pro), or a long
// mixed-case word (iPhone, HarmonyOS).
func modelLike(s string) bool {
	if strings.ContainsAny(s, "0123456789") || strings.Contains(s, " ") {
		return true
	}
	return len(s) >= 4 && hasLower(s) && strings.IndexFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0
}

// notCategories are product_categories words that name a model or a
// launch, not a kind of device (车型, 旗舰).
var notCategories = map[string]bool{"车型": true, "机型": true, "新车": true, "旗舰": true}

// categoryCands joins a technology and the kind of device right after it
// (5G手机, 4G手机, 纯电动SUV) into one product category: the figures of
// 5G手机出货量 are the phones', not the network technology's.
func (x *Extractor) categoryCands(text string, found []cand) []cand {
	var cs []cand
	for _, c := range found {
		if c.Type != schema.Technology || c.Kind != fromLexicon {
			continue
		}
		cat := hasPrefixIn(text[c.End:], x.cue.productCategories)
		if cat == "" || notCategories[cat] {
			continue
		}
		e := c.End + len(cat)
		if r, _ := utf8.DecodeRuneInString(text[e:]); r != utf8.RuneError && (unicode.IsLetter(r) && r < utf8.RuneSelf || unicode.IsDigit(r)) {
			continue // 5G手机Mate: the category starts a model name
		}
		cs = append(cs, cand{Start: c.Start, End: e, Surface: text[c.Start:e], Type: schema.Technology, Kind: fromSuffix, Prio: 3})
	}
	return cs
}
