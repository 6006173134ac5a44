package main

import (
	"math"
	"math/rand/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// universe is the pool of names every article draws from. Draws follow a
// Zipf law, as mentions in real news do: a few brands turn up in a third of
// the articles, most in a handful, so the graph grows with the corpus
// instead of repeating the seeds' entities or never reusing a name.
type universe struct {
	companies int // size of the company universe
	famous    map[string]bool
	known     []string // company names recognised in seed text, longest first
}

// keepFamous is the chance that a famous name survives rewriting as is.
const keepFamous = 0.25

// strongSuffixRE finds unlisted companies by their legal-form suffix, when a
// delimiter or a listing word bounds the name on the left (包括博裕资本、中金公司
// → 博裕资本, 中金公司); without that bound the match would swallow the words
// before the name.
var strongSuffixRE = regexp.MustCompile(`(?:^|[，。、；：“”"（）()\s,]|包括|其中|由|及|和|与)(\p{Han}{2,4}(?:科技|集团|控股|股份|公司|资本|银行|证券))`)

func newUniverse(n int, seeds []*seed) *universe {
	u := &universe{companies: 2*n + 500, famous: map[string]bool{}}
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			u.known = append(u.known, name)
		}
	}
	for _, f := range famousCompanies {
		u.famous[f] = true
		add(f)
	}
	for _, c := range seedCompanies(seeds) {
		add(c)
	}
	sortLongestFirst(u.known)
	return u
}

func sortLongestFirst(names []string) {
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
}

// article rewrites one composed article: each company, market, year and
// figure is replaced consistently within the article (华为 and 华为云 become
// 星澜 and 星澜云; the same 2020 becomes the same 2017 everywhere).
type article struct {
	u         *universe
	rng       *rand.Rand
	companyZ  *rand.Zipf
	marketZ   *rand.Zipf
	yearShift int
	company   map[string]string  // old name → new name
	stems     map[string]newStem // old stem → its replacement
	used      map[string]bool    // new stems already given in this article
	market    map[string]string
	region    map[string]string
	replacer  *strings.Replacer
}

func newArticle(u *universe, rng *rand.Rand) *article {
	return &article{
		u:         u,
		rng:       rng,
		companyZ:  rand.NewZipf(rng, 1.1, 10, uint64(u.companies-1)),
		marketZ:   rand.NewZipf(rng, 1.2, 3, uint64(marketUniverse()-1)),
		yearShift: rng.IntN(8) - 4,
		company:   map[string]string{},
		stems:     map[string]newStem{},
		used:      map[string]bool{},
		market:    map[string]string{},
		region:    map[string]string{},
	}
}

// planCompanies decides the new name of every company the text mentions.
// Names are visited longest first so that a business unit (华为云) and its
// parent (华为) share the parent's new stem whichever comes first in text.
func (a *article) planCompanies(text string) {
	var names []string
	for _, n := range a.u.known {
		if strings.Contains(text, n) {
			names = append(names, n)
		}
	}
	for _, m := range strongSuffixRE.FindAllStringSubmatch(text, -1) {
		names = append(names, m[1])
	}
	sortLongestFirst(names)
	for _, n := range names {
		if _, done := a.company[n]; done {
			continue
		}
		stem, suffix := splitSuffix(n)
		ns, ok := a.stems[stem]
		if !ok {
			ns = a.drawStem(n, stem)
			a.stems[stem] = ns
		}
		if suffix == "" {
			suffix = ns.suffix
		}
		a.company[n] = ns.stem + suffix
	}
	olds := make([]string, 0, len(a.company))
	for o := range a.company {
		olds = append(olds, o)
	}
	// strings.Replacer prefers earlier pairs at one position: longest first.
	sortLongestFirst(olds)
	pairs := make([]string, 0, 2*len(olds))
	for _, o := range olds {
		pairs = append(pairs, o, a.company[o])
	}
	a.replacer = strings.NewReplacer(pairs...)
}

// newStem replaces a brand stem; suffix is given to names that had none, so
// a generated brand always reads like a company (星澜科技), and a brand k
// gets the same suffix in every article.
type newStem struct{ stem, suffix string }

func (a *article) drawStem(name, stem string) newStem {
	if (a.u.famous[name] || a.u.famous[stem]) && a.rng.Float64() < keepFamous {
		a.used[stem] = true
		return newStem{stem: stem}
	}
	k := 0
	for try := 0; ; try++ {
		if try < 32 {
			k = int(a.companyZ.Uint64())
		} else {
			// The Zipf head is crowded in long articles; draw uniformly.
			k = a.rng.IntN(a.u.companies)
		}
		if !a.used[brand(k)] || try > 64 {
			break
		}
	}
	a.used[brand(k)] = true
	return newStem{stem: brand(k), suffix: generatedSuffixes[k%len(generatedSuffixes)]}
}

// splitSuffix cuts a legal-form or business suffix off a name when at least
// two runes of brand remain (华为云 → 华为 + 云, but 京东 stays whole).
func splitSuffix(name string) (stem, suffix string) {
	for _, s := range companySuffixes {
		if st, ok := strings.CutSuffix(name, s); ok && utf8.RuneCountInString(st) >= 2 {
			return st, s
		}
	}
	return name, ""
}

var marketRE = func() *regexp.Regexp {
	heads := append([]string(nil), marketHeads...)
	sortLongestFirst(heads)
	regions := append([]string(nil), regionPrefixes...)
	sortLongestFirst(regions)
	q := func(xs []string) string {
		for i, x := range xs {
			xs[i] = regexp.QuoteMeta(x)
		}
		return strings.Join(xs, "|")
	}
	return regexp.MustCompile(`(` + q(regions) + `)?(` + q(heads) + `)市场`)
}()

func (a *article) rewriteMarkets(s string) string {
	// Most text between tags names no market; the regexp costs 40 % of the
	// generator's time when run on all of it.
	if !strings.Contains(s, "市场") {
		return s
	}
	return marketRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := marketRE.FindStringSubmatch(m)
		region, head := sub[1], sub[2]
		if region != "" {
			r, ok := a.region[region]
			if !ok {
				r = regionPrefixes[a.rng.IntN(len(regionPrefixes))]
				a.region[region] = r
			}
			region = r
		}
		h, ok := a.market[head]
		if !ok {
			h = marketName(int(a.marketZ.Uint64()))
			a.market[head] = h
		}
		return region + h + "市场"
	})
}

var (
	yearRE   = regexp.MustCompile(`(19[89]\d|20[0-4]\d)(\s?(?:年|-|–|—|/|财年))`)
	figureRE = regexp.MustCompile(`(\d+(?:\.\d+)?)(\s?)(万亿|亿|万|%|％|倍|元|美元|辆|家|台|GWh)`)
)

func (a *article) rewriteFigures(s string) string {
	s = yearRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := yearRE.FindStringSubmatch(m)
		y, _ := strconv.Atoi(sub[1])
		return strconv.Itoa(y+a.yearShift) + sub[2]
	})
	return figureRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := figureRE.FindStringSubmatch(m)
		return scaleNumber(a.rng, sub[1], sub[3]) + sub[2] + sub[3]
	})
}

// scaleNumber draws a new figure near the old one, written with as many
// decimals as the old. Shares stay at or under 100 %.
func scaleNumber(rng *rand.Rand, num, unit string) string {
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return num
	}
	decimals := 0
	if i := strings.IndexByte(num, '.'); i >= 0 {
		decimals = len(num) - i - 1
	}
	lo, hi := 0.4, 2.5
	if unit == "%" || unit == "％" {
		lo, hi = 0.6, 1.4
	}
	nv := v * (lo + (hi-lo)*rng.Float64())
	if (unit == "%" || unit == "％") && v <= 100 && nv > 100 {
		nv = v
	}
	if decimals == 0 {
		nv = math.Max(1, math.Round(nv))
	}
	return strconv.FormatFloat(nv, 'f', decimals, 64)
}

// rewriteText applies every rewrite to plain text.
func (a *article) rewriteText(s string) string {
	return a.rewriteFigures(a.replacer.Replace(a.rewriteMarkets(s)))
}

// rewriteHTML rewrites the text between tags and, inside tags, only the
// auto-link hint data-name, so URLs, ids and image sizes stay intact.
func (a *article) rewriteHTML(h string) string {
	var b strings.Builder
	b.Grow(len(h) + len(h)/8)
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			b.WriteString(a.rewriteText(h))
			break
		}
		b.WriteString(a.rewriteText(h[:lt]))
		h = h[lt:]
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(a.rewriteTag(h[:gt+1]))
		h = h[gt+1:]
	}
	return b.String()
}

func (a *article) rewriteTag(tag string) string {
	return dataNameRE.ReplaceAllStringFunc(tag, func(m string) string {
		name := dataNameRE.FindStringSubmatch(m)[1]
		if n, ok := a.company[name]; ok {
			name = n
		}
		return `data-name="` + name + `"`
	})
}
