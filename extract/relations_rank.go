package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kgbgraph/kgb/schema"
)

// rankContext remembers the market the text was last about, for ranking
// sentences that leave it out (…市场前3厂商的座次…。其中，阿里云、腾讯云仍稳居前两位).
type rankContext struct {
	market string
}

func (c *rankContext) update(s *sentence) {
	if m := rankMarket(s, 0, len(s.Text)); m != "" {
		c.market = m
	}
}

func (c *rankContext) heading(s *sentence) { c.update(s) }

// rankMarket returns the last market named in [a, b), or a sector named
// with its country or the world (中国半导体设备行业), which rankings also use.
func rankMarket(s *sentence, a, b int) string {
	best := ""
	for _, m := range s.Mentions {
		if m.Start < a || m.End > b {
			continue
		}
		if m.Type == schema.Market {
			best = m.Name
		} else if m.Type == schema.Industry && best == "" && hasPrefixIn(m.Name, append(append([]string{}, chinaScopes...), globalScopes...)) != "" {
			best = m.Name
		}
	}
	return best
}

var (
	rankExact = regexp.MustCompile(`第\s?([一二两三四五六七八九十百0-9]+)\s?(位|名|大|把交椅)?|首位|榜首|冠军|头名|首位`)
	rankUpTo  = regexp.MustCompile(`(?:前|TOP|Top|top)\s?([一二两三四五六七八九十百0-9]+)\s?(位|名|强|大|家)?`)
)

// rankRelations finds ranksIn facts: companies (a coordinated list, or the
// sentence's subject) that a ranking verb places at 第N (rank) or 前N
// (rankUpTo) of a market named in the clause, the sentence or just before.
func (x *Extractor) rankRelations(s *sentence, ctx *rankContext, sink *relSink) {
	type hit struct {
		s, e         int
		rank, upTo   int
	}
	var hits []hit
	for _, m := range rankExact.FindAllStringSubmatchIndex(s.Text, -1) {
		n := 1
		if m[2] >= 0 {
			n = parseRankNumber(s.Text[m[2]:m[3]])
			// 第N without 位/名 needs the ranking verb right before it
			if m[4] < 0 && !x.rankVerbBefore(s.Text, m[0], 2) {
				continue
			}
		}
		if n > 0 {
			hits = append(hits, hit{m[0], m[1], n, 0})
		}
	}
	for _, m := range rankUpTo.FindAllStringSubmatchIndex(s.Text, -1) {
		if n := parseRankNumber(s.Text[m[2]:m[3]]); n > 0 {
			hits = append(hits, hit{m[0], m[1], 0, n})
		}
	}
	for _, h := range hits {
		if insideMention(s, h.s, h.e) || x.negated(s, h.s) {
			continue
		}
		cs, _ := clauseOf(s.Text, h.s)
		if !x.rankVerbBefore(s.Text[cs:], h.s-cs, 40) && !strings.Contains(s.Text[cs:h.s], "榜") {
			continue
		}
		company := types(schema.Company)
		subs := coordinatedBefore(s, mentionsIn(s, cs, h.s, company))
		if len(subs) == 0 {
			if t := topic(s, cs, company); t != nil {
				subs = []*mention{t}
			}
		}
		if len(subs) == 0 {
			continue
		}
		market := rankMarket(s, subs[len(subs)-1].End, h.s)
		if market == "" {
			market = rankMarket(s, 0, len(s.Text))
		}
		if market == "" {
			market = ctx.market
		}
		if market == "" {
			continue
		}
		for _, sub := range subs {
			sink.add(Relation{Subject: sub.Name, Predicate: schema.RanksIn, Object: market, Rank: h.rank, RankUpTo: h.upTo, Evidence: s.Text})
		}
	}
}

// rankVerbBefore reports whether a ranking verb occurs in text before
// offset i, at most within runes characters.
func (x *Extractor) rankVerbBefore(text string, i, runes int) bool {
	r := []rune(text[:i])
	if len(r) > runes+4 {
		r = r[len(r)-runes-4:]
	}
	win := string(r)
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
