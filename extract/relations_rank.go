package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// rankContext remembers what the text was last ranking by: a market, or
// the sales of a product category (按企业统计纯电动汽车销量…, 丰田排在第29位).
type rankContext struct {
	cue    *cueWords
	d      *docState
	market string
	// strong: market came from a sentence with a ranking in it (前20家企业
	// 中…); only another such sentence replaces it
	strong bool
}

func trailingScope(text string) string {
	for _, w := range append(append([]string{}, chinaScopes...), globalScopes...) {
		if strings.HasSuffix(text, w) {
			return w
		}
	}
	return ""
}

func (c *rankContext) update(s *sentence) {
	cue := false
	for _, w := range c.cue.rankCues {
		cue = cue || s.runes().mayContain(w) && strings.Contains(s.Text, w)
	}
	if !cue {
		return
	}
	// what comes after the sentence's own ranking is not its basis
	// (排在首位的特斯拉由中国市场拉动)
	end, ranking := len(s.Text), false
	for _, r := range []struct {
		re  *regexp.Regexp
		may func(string, *runeSet) bool
	}{{rankExact, mayRankExact}, {rankUpTo, mayRankUpTo}} {
		if !r.may(s.Text, s.runes()) {
			continue
		}
		if loc := r.re.FindStringIndex(s.Text); loc != nil && loc[0] < end {
			end, ranking = loc[0], true
		}
	}
	if c.strong && !ranking {
		return
	}
	if m := c.basis(s, 0, end); m != "" {
		c.market, c.strong = m, ranking
	}
}

func (c *rankContext) heading(s *sentence) {
	if m := c.basis(s, 0, len(s.Text)); m != "" {
		c.market = m
	}
}

// basis returns the last market named in [a, b), a sector named with
// its country or the world (中国半导体设备行业), or a product category
// followed by a sales word (纯电动汽车（EV）销量).
func (c *rankContext) basis(s *sentence, a, b int) string {
	best := ""
	for _, m := range s.Mentions {
		if m.Start < a || m.End > b {
			continue
		}
		switch m.Type {
		case schema.Market:
			best = m.Name
		case schema.Industry:
			if hasPrefixIn(m.Name, append(append([]string{}, chinaScopes...), globalScopes...)) != "" {
				best = m.Name
			}
		case schema.Technology, schema.Product:
			rest := strings.TrimPrefix(strings.TrimSpace(aside.ReplaceAllString(s.Text[m.End:], "")), "的")
			if hasPrefixIn(rest, c.cue.firmWords) != "" && c.d != nil {
				// 全球动力电池企业第六: the market of that product, if named
				scope := trailingScope(s.Text[:m.Start])
				for _, n := range []string{scope + m.Name + "市场", m.Name + "市场"} {
					if e := c.d.entity(n); e != nil && e.typ == schema.Market {
						best = e.name
						break
					}
				}
				continue
			}
			if hasPrefixIn(rest, c.cue.salesWords) == "" {
				continue
			}
			best = m.Name
			// 中国半导体设备销售收入: the country's sector, if the article
			// names it (中国半导体设备行业)
			if scope := trailingScope(s.Text[:m.Start]); scope != "" && c.d != nil {
				for _, h := range []string{"市场", "行业", "产业"} {
					if e := c.d.entity(scope + s.Text[m.Start:m.End] + h); e != nil {
						best = e.name
					}
				}
			}
		}
	}
	return best
}

var (
	rankExact = regexp.MustCompile(`第\s?([一二两三四五六七八九十百0-9]+)\s?(位|名|大|把交椅)?|首位|榜首|冠军|头名`)
	rankUpTo  = regexp.MustCompile(`(?:前|TOP|Top|top)\s?([一二两三四五六七八九十百0-9]+)\s?(位|名|强|大|家)?`)

	// the same for findAllAt, with the runes their matches open with
	rankExactAt, nextRankExact = anchored(rankExact), nextRuneIn("第首榜冠头")
	rankUpToAt, nextRankUpTo   = anchored(rankUpTo), nextRuneIn("前Tt")
)

// rankNumerals are the characters the rank regexps read as a number.
const rankNumerals = "一二两三四五六七八九十百0123456789"

// mayRankExact is true wherever rankExact matches: its first alternative
// is 第 then at most one \s (ASCII white space) then a numeral, the others
// are fixed words. Most sentences hold a 第 or 前 (次第, 目前, 此前) but no
// ranking, and the check spares them the regexp. has is the rune filter
// of s: a word it rules out is not searched for.
func mayRankExact(s string, has *runeSet) bool {
	return has.has('第') && numeralAfter(s, "第") || mayOccur(s, has, "首位") || mayOccur(s, has, "榜首") ||
		mayOccur(s, has, "冠军") || mayOccur(s, has, "头名")
}

// mayRankUpTo is true wherever rankUpTo matches: 前/TOP/Top/top, at most
// one \s, a numeral.
func mayRankUpTo(s string, has *runeSet) bool {
	return has.has('前') && numeralAfter(s, "前") ||
		has.has('T') && (numeralAfter(s, "TOP") || numeralAfter(s, "Top")) || has.has('t') && numeralAfter(s, "top")
}

// mayOccur: w occurs in s, whose rune filter is has.
func mayOccur(s string, has *runeSet, w string) bool {
	return has.mayContain(w) && strings.Contains(s, w)
}

// numeralAfter reports whether head occurs in s followed by a rank numeral,
// with at most one \s between.
func numeralAfter(s, head string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], head)
		if k < 0 {
			return false
		}
		off += k + len(head)
		rest := s[off:]
		if rest != "" && strings.IndexByte("\t\n\f\r ", rest[0]) >= 0 {
			rest = rest[1:]
		}
		if r, _ := utf8.DecodeRuneInString(rest); hasRune(rankNumerals, r) {
			return true
		}
	}
}

// rankHit is one ranking expression in a sentence.
type rankHit struct {
	s, e       int
	rank, upTo int
	placeWord  bool // 第N位/第N名: a place even without a ranking verb
}

// rankRelations finds ranksIn facts: companies (a coordinated list, or the
// sentence's subject, or the one right after 排在第N位的) that a ranking
// verb places at 第N (rank) or 前N (rankUpTo) of a market named in the
// clause, or of what the text was ranking by just before.
func (x *Extractor) rankRelations(s *sentence, ctx *rankContext, sink *relSink) {
	var hits []rankHit
	for _, m := range findAllAt(rankExactAt, s.Text, mayRankExact(s.Text, s.runes()), nextRankExact) {
		n, place := 1, true
		if m[2] >= 0 {
			n = parseRankNumber(s.Text[m[2]:m[3]])
			place = m[4] >= 0 && s.Text[m[4]:m[5]] != "大"
			// 第N without 位/名 needs the ranking verb right before it, or
			// one earlier in the clause with 第N ending it (已居全球动力电池企业第六；)
			if m[4] < 0 && !x.rankVerbBefore(s.Text, m[0], 2) {
				cs, ce := clauseOf(s.Text, m[0])
				end := strings.TrimRight(s.Text[m[1]:ce], "。；！？!?;")
				if end != "" || !x.rankVerbBefore(s.Text[cs:], m[0]-cs, 30) {
					continue
				}
			}
		}
		if n > 0 {
			hits = append(hits, rankHit{m[0], m[1], n, 0, place})
		}
	}
	for _, m := range findAllAt(rankUpToAt, s.Text, mayRankUpTo(s.Text, s.runes()), nextRankUpTo) {
		if n := parseRankNumber(s.Text[m[2]:m[3]]); n > 0 {
			hits = append(hits, rankHit{m[0], m[1], 0, n, false})
		}
	}
	ranked := companyOrgTypes
	sortHits(hits)
	for k := 0; k < len(hits); k++ {
		h := hits[k]
		if insideMention(s, h.s, h.e) || x.negated(s, h.s) {
			continue
		}
		cs, ce := clauseOf(s.Text, h.s)
		verb := x.rankVerbBefore(s.Text[cs:], h.s-cs, 40) || strings.Contains(s.Text[cs:h.s], "榜")
		// 排在第2位的上海汽车集团, 第4位的比亚迪, 排在第三位的是X: the
		// company follows 的; when the name after it is unknown, nobody
		// else holds the place
		if rest := s.Text[h.e:ce]; strings.HasPrefix(rest, "的") && (verb || h.placeWord) {
			after := mentionsIn(s, h.e, ce, ranked)
			if len(after) > 0 {
				gap := s.Text[h.e:after[0].Start]
				if gap == "的" || gap == "的是" || gap == "的则是" || x.onlyPlaces(s, h.e+len("的"), after[0].Start) {
					x.addRanks(s, ctx, []*mention{after[0]}, h, cs, sink)
					continue
				}
			}
			if strings.HasPrefix(rest, "的是") || strings.HasPrefix(rest, "的则是") {
				continue
			}
		}
		if !verb {
			continue
		}
		subs := coordinatedBefore(s, mentionsIn(s, cs, h.s, ranked))
		// A和B分别位列第一和第二: one place each, in order, only when the
		// names and the places match in number
		if between := s.Text[cs:h.s]; strings.Contains(between, "分别") || strings.Contains(between, "分列") {
			j := k
			for j+1 < len(hits) && hits[j+1].s < ce && isCoordination(s.Text[hits[j].e:hits[j+1].s]) {
				j++
			}
			if len(subs) == j-k+1 && j > k {
				for n, sub := range subs {
					x.addRanks(s, ctx, []*mention{sub}, hits[k+n], cs, sink)
				}
			}
			k = j
			continue
		}
		if len(subs) == 0 {
			if t := topic(s, cs, ranked); t != nil {
				subs = []*mention{t}
			}
		}
		if len(subs) > 0 {
			x.addRanks(s, ctx, subs, h, cs, sink)
		}
	}
}

// onlyPlaces reports whether [a, b) holds nothing but region mentions.
func (x *Extractor) onlyPlaces(s *sentence, a, b int) bool {
	rest := s.Text[a:b]
	for _, m := range s.Mentions {
		if m.Start >= a && m.End <= b && m.Type == schema.Region {
			rest = strings.Replace(rest, s.Text[m.Start:m.End], "", 1)
		}
	}
	return strings.TrimSpace(rest) == ""
}

func (x *Extractor) addRanks(s *sentence, ctx *rankContext, subs []*mention, h rankHit, cs int, sink *relSink) {
	lo := subs[len(subs)-1].End
	if lo > h.s {
		lo = cs
	}
	market := ctx.basis(s, lo, h.s)
	if market == "" {
		market = ctx.basis(s, 0, h.s)
	}
	if market == "" {
		market = ctx.market
	}
	if market == "" {
		return
	}
	for _, sub := range subs {
		sink.add(Relation{Subject: sub.Name, Predicate: schema.RanksIn, Object: market, Rank: h.rank, RankUpTo: h.upTo, Evidence: s.Text})
	}
}

// rankVerbBefore reports whether a ranking verb occurs in text before
// offset i, at most within runes characters.
func (x *Extractor) rankVerbBefore(text string, i, runes int) bool {
	win := tailRunes(text[:i], runes+4)
	for _, w := range x.rankWords {
		if strings.Contains(win, w) {
			return true
		}
	}
	return false
}

var cnDigits = map[rune]int{'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// parseRankNumber reads 3, 三, 十二, 二十, 两 (0 when it is not a number).
func parseRankNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	total, cur := 0, 0
	for _, r := range s {
		switch {
		case r == '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case r == '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			d, ok := cnDigits[r]
			if !ok {
				return 0
			}
			cur = d
		}
	}
	return total + cur
}

func sortHits(hs []rankHit) {
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && hs[j].s < hs[j-1].s; j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
}
