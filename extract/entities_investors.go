package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// strongSep and weakSep split a list of names (A、B和C); 和 and 及 may
// also stand inside a name (上海联和投资), so they split only when every
// piece is a name.
var (
	strongSep = regexp.MustCompile(`、|,|，`)
	weakSep   = regexp.MustCompile(`以及|和|及|与`)
)

// investorLead are the words that may open the investor list before 领投
// or 跟投 and are not part of the first name.
var investorLead = []string{"本轮融资由", "本轮投资由", "本次融资由", "本轮由", "本次由", "融资由", "由", "老股东", "其中", "并由"}

// investorCands reads the names in funding lists even when nothing else
// marks them as names: 由A领投，B、C和D跟投; 投资方包括A、B等. Funding news
// names investors this way far more than in any other form.
func (x *Extractor) investorCands(text string, toks []token, has *runeSet) []cand {
	var cs []cand
	add := func(seg string, at int) {
		for _, item := range spans(seg, strongSep) {
			if e := strings.Index(seg[item[0]:item[1]], "等"); e >= 0 {
				item[1] = item[0] + e
			}
			var parts []cand
			ok := true
			for _, p := range spans(seg[item[0]:item[1]], weakSep) {
				c, good := x.investorName(text, toks, seg, at, item[0]+p[0], item[0]+p[1])
				ok = ok && good
				parts = append(parts, c)
			}
			if ok && len(parts) > 1 {
				cs = append(cs, parts...)
			} else if c, good := x.investorName(text, toks, seg, at, item[0], item[1]); good {
				cs = append(cs, c)
			}
		}
	}
	for _, w := range x.investLead {
		if !has.mayContain(w) {
			continue
		}
		for off := 0; ; {
			k := strings.Index(text[off:], w)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(w)
			cs0, _ := clauseOf(text, at)
			seg := text[cs0:at]
			for _, l := range investorLead {
				if i := strings.LastIndex(seg, l); i >= 0 {
					seg = seg[i+len(l):]
					cs0 = at - len(seg)
					break
				}
			}
			add(seg, cs0)
		}
	}
	for _, w := range x.investList {
		if !has.mayContain(w) {
			continue
		}
		k := strings.Index(text, w)
		if k < 0 {
			continue
		}
		start := k + len(w)
		end := len(text)
		if e := strings.IndexAny(text[start:], "。；;"); e >= 0 {
			end = start + e
		}
		if e := strings.Index(text[start:end], "等"); e >= 0 {
			end = start + e
		}
		add(text[start:end], start)
	}
	return cs
}

// spans returns the pieces of seg between the separators.
func spans(seg string, sep *regexp.Regexp) [][2]int {
	var out [][2]int
	last := 0
	for _, m := range sep.FindAllStringIndex(seg, -1) {
		out = append(out, [2]int{last, m[0]})
		last = m[1]
	}
	return append(out, [2]int{last, len(seg)})
}

// investorName vets one list item seg[a:b] (seg starts at byte at of
// text): a short name, no verb, not a generic word, an ending alone or a
// known non-company term.
func (x *Extractor) investorName(text string, toks []token, seg string, at, a, b int) (cand, bool) {
	raw := seg[a:b]
	name := strings.TrimSpace(raw)
	off := at + a + strings.Index(raw, name)
	n := utf8.RuneCountInString(name)
	if name == "" || n < 2 || n > 14 || x.generic[name] || x.orgType[name] != "" || strings.ContainsAny(name, "“”\"《》（）()：:") {
		return cand{}, false
	}
	if !hasHan(name) && !isLatinName(name) {
		return cand{}, false
	}
	if ent, ok := x.dict.m[fold(name)]; ok && ent.Type != schema.Company && ent.Type != schema.Organization {
		return cand{}, false
	}
	if x.holdsVerb(text, toks, off, off+len(name)) {
		return cand{}, false
	}
	if pos, ok := x.dictPOS(name); ok && closedPOS[pos] {
		return cand{}, false
	}
	return cand{Start: off, End: off + len(name), Surface: name, Type: schema.Company, Kind: fromSuffix, Prio: 2}, true
}
