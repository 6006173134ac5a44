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

// fundingLeads open a funding clause before the company's name.
var fundingLeads = []string{"36氪独家获悉", "36氪获悉", "记者获悉", "独家获悉", "据了解", "获悉", "据悉", "消息", "近日", "日前", "今日", "今天", "此前", "其中", "另外", "此外", "同时", "而"}

// adverbialPOS are parts of speech that end a name read forward.
var adverbialPOS = map[string]bool{"d": true, "p": true, "t": true, "m": true, "c": true, "u": true, "uj": true, "r": true, "f": true}

var leadingDate = regexp.MustCompile(`^[0-9０-９]{1,2}月[0-9０-９]{1,2}日`)

// fundingSubjectCands proposes the name a funding clause opens with.
func (x *Extractor) fundingSubjectCands(text string, toks []token) []cand {
	var cs []cand
	for _, m := range fundingVerb.FindAllStringIndex(text, -1) {
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
