package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// fundingVerb: the subject of the clause completes or receives a funding
// round (X完成A轮融资, X宣布获得数亿元融资). Funding news names the company
// this way whether or not it quotes or links it.
var fundingVerb = regexp.MustCompile(`(?:宣布|已经|已于近日|已|正式|再度|再次|近日|日前|于近日|本日|今日|刚刚)*(?:完成|获得|获)了?[^，。；！？,;!?]{0,16}?融资`)

// fundingVerbAt is fundingVerb for findAllAt: a match opens with a word
// of the first group or with 完成/获.
var fundingVerbAt, nextFundingVerb = anchored(fundingVerb), nextRuneIn("宣已正再近日于本今刚完获")

// mayFund: every fundingVerb match holds 融资 and 获 or 完成. fundingVerb
// has no literal prefix, so the regexp tries every position of a block;
// most blocks say nothing of funding.
func mayFund(text string) bool {
	return strings.Contains(text, "融资") && (strings.Contains(text, "获") || strings.Contains(text, "完成"))
}

// fundingLeads open a funding clause before the company's name.
var fundingLeads = []string{"记者获悉", "独家获悉", "据了解", "获悉", "据悉", "消息", "近日", "日前", "今日", "今天", "此前", "其中", "另外", "此外", "同时", "而"}

// adverbialPOS are parts of speech that end a name read forward.
var adverbialPOS = map[string]bool{"d": true, "p": true, "t": true, "m": true, "c": true, "u": true, "uj": true, "r": true, "f": true}

var leadingDate = regexp.MustCompile(`^[0-9０-９]{1,2}月[0-9０-９]{1,2}日`)

// fundingSubjectCands proposes the name a funding clause opens with.
func (x *Extractor) fundingSubjectCands(text string, toks []token) []cand {
	var cs []cand
	if !mayFund(text) {
		return nil
	}
	for _, m := range findAllAt(fundingVerbAt, text, true, nextFundingVerb) {
		start := 0
		if k := strings.LastIndexAny(text[:m[0]], "，,：:。；;！？!?"); k >= 0 {
			_, n := utf8.DecodeRuneInString(text[k:])
			start = k + n
		}
		seg := text[start:m[0]]
		for changed := true; changed; {
			changed = false
			t := strings.TrimLeft(seg, " \u3000")
			t = leadingDate.ReplaceAllString(t, "")
			if l := hasPrefixIn(t, fundingLeads); l != "" {
				t = t[len(l):]
			}
			if t != seg {
				start += len(seg) - len(t)
				seg, changed = t, true
			}
		}
		if strings.ContainsAny(seg, "「」“”\"（）()《》|｜") {
			continue // a quoted or bracketed name has its own finder
		}
		// the name ends where an adverb, a time or a preposition starts
		// what the company did (有赞又在2019年完成…)
		for i := tokenAt(toks, start); i >= 0 && i < len(toks) && toks[i].Start < start+len(seg); i++ {
			w := text[toks[i].Start:toks[i].End]
			if toks[i].Start > start && (adverbialPOS[toks[i].Pos] || utf8.RuneCountInString(w) == 1 && strings.ContainsAny(w, functionChars+nameStopChars) || !hasHan(w) && !isLatinName(w)) {
				seg = text[start:toks[i].Start]
				break
			}
		}
		if seg == "" || x.genericTail(seg) != "" {
			continue
		}
		if !hasHan(seg) && len(seg) <= 3 {
			continue // HR, AI: an abbreviation, not a name
		}
		if c, ok := x.investorName(text, toks, seg, start, 0, len(seg)); ok {
			cs = append(cs, c)
		}
	}
	return cs
}

// clauseOpeners that may precede a clause's subject.
var subjectOpeners = []string{"另外", "此外", "同时", "其中", "而", "但", "目前", "如今"}

// subjectAdverbs stand between a clause's subject and its predicate; one
// of them is required, so that the name is plainly the subject.
var subjectAdverbs = []string{"也", "已经", "已", "还", "则", "均", "都", "正在", "仍"}

// bareSubjectCands finds an unknown name that opens a clause and then
// does what only a company does (另外，华某测控也以3亿元的销售收入跻身前10):
// two to six characters the dictionary splits into pieces, an adverb, and
// a company predicate (company_predicates.txt) in the clause.
func (x *Extractor) bareSubjectCands(text string, toks []token, has *runeSet) []cand {
	var cs []cand
	for _, adv := range subjectAdverbs {
		if !has.mayContain(adv) {
			continue
		}
		for off := 0; ; {
			k := strings.Index(text[off:], adv)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(adv)
			start := 0
			if j := strings.LastIndexAny(text[:at], "，,：:。；;！？!?"); j >= 0 {
				_, n := utf8.DecodeRuneInString(text[j:])
				start = j + n
			}
			seg := strings.TrimLeft(text[start:at], " ")
			start = at - len(seg)
			if l := hasPrefixIn(seg, subjectOpeners); l != "" {
				seg, start = seg[len(l):], start+len(l)
			}
			n := utf8.RuneCountInString(seg)
			if n < 2 || n > 6 || !hasHan(seg) || !x.pieceName(text, toks, start, at) {
				continue
			}
			rest := text[at:]
			if e := strings.IndexAny(rest, "，。；！？,;!?"); e >= 0 {
				rest = rest[:e]
			}
			if utf8.RuneCountInString(rest) > 24 {
				rest = string([]rune(rest)[:24])
			}
			found := false
			for _, p := range x.cue.companyPredicates {
				found = found || strings.Contains(rest, p)
			}
			if !found {
				continue
			}
			if c, ok := x.investorName(text, toks, seg, start, 0, len(seg)); ok {
				cs = append(cs, c)
			}
		}
	}
	return cs
}

// pieceName: text[s:e] is made of whole tokens, none a known entity, a
// function word or a time, at least one a single character the dictionary
// does not join (an unknown name, not a phrase of common words).
func (x *Extractor) pieceName(text string, toks []token, s, e int) bool {
	i := tokenAt(toks, s)
	if i < 0 || toks[i].Start != s || x.dict.anyIn(text[s:e]) {
		return false
	}
	single := false
	for ; i < len(toks) && toks[i].Start < e; i++ {
		t := toks[i]
		w := text[t.Start:t.End]
		if t.End > e || adverbialPOS[t.Pos] || !hasHan(w) || strings.ContainsAny(w, functionChars+nameStopChars) && utf8.RuneCountInString(w) == 1 {
			return false
		}
		single = single || utf8.RuneCountInString(w) == 1
	}
	return single
}
