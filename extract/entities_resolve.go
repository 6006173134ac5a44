package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
	"golang.org/x/text/unicode/norm"
)

// docState is an article while it is analysed: its entities (one per real
// thing, under a canonical name) and its sentences with mentions.
type docState struct {
	article   *Article
	ents      []*entState
	byKey     map[string]*entState // schema.Key of name or alias → entity
	sentences []sentence
	partOf    [][2]string
	keys      map[string]string // schema.Key memo, see key
	formKeys  map[string]string // Extractor.formKeys (read only)
}

// key is schema.Key(name), computed once per name and article: resolving
// and the metric finder ask for the keys of the same few names many times,
// and each Key normalises the name afresh.
func (d *docState) key(name string) string {
	if k, ok := d.formKeys[name]; ok {
		return k
	}
	if k, ok := d.keys[name]; ok {
		return k
	}
	if d.keys == nil {
		d.keys = map[string]string{}
	}
	k := schema.Key(name)
	d.keys[name] = k
	return k
}

// entState collects the mentions of one entity.
type entState struct {
	group    string
	typ      schema.Type
	lex      *lexEntry
	forms    formCounts   // surface → mentions
	form1    [1]formCount // room for the first form, so that most entities need no other
	aliases  map[string]bool
	name     string
	mentions int
	first    int // order of first mention
	mergedTo *entState
	listed   bool // in resolve's list of live entities

	// where mergeBracketed saw it first, when firstSeen
	firstSeen              bool
	firstBlock, firstStart int
}

type blockMention struct {
	Start, End int
	ent        *entState
}

// selectCands keeps the longest candidates that do not overlap; among
// equally long ones the higher priority, then the earlier one, then the
// one listed first. It returns the positions in cs of those kept, in order
// of Start; cs is left as it is.
func selectCands(cs []cand) []int {
	var p candPicker
	return p.pick(cs)
}

// candPicker is selectCands with room kept from one block to the next;
// what pick returns is good until its next call.
type candPicker struct {
	order []int
	taken []bool
}

func (p *candPicker) pick(cs []cand) []int {
	// sort positions, not the large cand values; the position breaks ties
	// as a stable sort of cs would
	order := slices.Grow(p.order[:0], len(cs))[:len(cs)]
	p.order = order
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &cs[i], &cs[j]
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return cmp.Compare(lb, la)
		}
		if a.Prio != b.Prio {
			return cmp.Compare(b.Prio, a.Prio)
		}
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(i, j)
	})
	// bytes already taken, so that a block with many candidates stays linear
	end := 0
	for _, c := range cs {
		end = max(end, c.End)
	}
	taken := slices.Grow(p.taken[:0], end)[:end]
	clear(taken)
	p.taken = taken
	sel := order[:0] // the kept positions, overwriting order as it is read
	for _, k := range order {
		c := &cs[k]
		free := true
		for i := c.Start; i < c.End; i++ {
			if taken[i] {
				free = false
				break
			}
		}
		if free {
			for i := c.Start; i < c.End; i++ {
				taken[i] = true
			}
			sel = append(sel, k)
		}
	}
	// sorting the positions makes the same comparisons and swaps as
	// sorting the kept cands themselves would, so ties come out alike;
	// slices.SortFunc runs the same pdqsort as sort.Slice without its
	// reflective swapper (an allocation per call)
	slices.SortFunc(sel, func(i, j int) int { return cmp.Compare(cs[i].Start, cs[j].Start) })
	return sel
}

// analyse finds the entities of an article and its sentences with
// mentions. It runs the finders twice: names found anywhere (a quoted
// company, a linked one) and their short forms (镁信健康 → 镁信) are then
// looked for everywhere.
func (x *Extractor) analyse(a *Article) *docState {
	bds := make([]bounds, len(a.Blocks))
	base := make([][]cand, len(a.Blocks))
	for i := range a.Blocks {
		toks := x.seg.cut(a.Blocks[i].Text)
		bds[i] = boundsOf(toks)
		base[i] = x.candidates(&a.Blocks[i], toks, bds[i])
	}
	// both passes key the same names: one memo serves them
	keys := map[string]string{}
	d, picked := x.resolve(a, base, keys)
	known := x.knownForms(d)
	if len(known.m) > 0 {
		for i := range a.Blocks {
			bd := bds[i]
			for _, m := range known.findAll(a.Blocks[i].Text) {
				if !bd.at(m.Start) || !bd.at(m.End) {
					continue
				}
				base[i] = append(base[i], cand{Start: m.Start, End: m.End, Surface: a.Blocks[i].Text[m.Start:m.End],
					Type: m.Entry.Type, Kind: fromKnown, Prio: 4, Group: m.Entry.Canon})
			}
		}
		d, picked = x.resolve(a, base, keys)
	}
	x.index(d)
	d.buildSentences(picked)
	return d
}

// knownForms lists the names found by patterns and links, and their short
// forms without the company ending or brand tail (镁安健康 → 镁安), for the
// second pass.
func (x *Extractor) knownForms(d *docState) *phraseDict {
	pd := newPhraseDict()
	for _, e := range d.ents {
		if e.typ == schema.Policy || e.typ == schema.Product && e.lex == nil {
			// a policy named again without its bracketed years or 《》, a
			// product named again without its quotes (宏光MINI EV)
			forms := []string{}
			for _, fc := range e.forms {
				if f := fc.form; utf8.RuneCountInString(f) >= 2 {
					forms = append(forms, f)
				}
			}
			for al := range e.aliases {
				forms = append(forms, al)
			}
			sort.Strings(forms)
			pd.add(&lexEntry{Canon: e.group, Type: e.typ, Forms: forms})
			continue
		}
		if e.typ == schema.Person {
			forms := []string{}
			for _, fc := range e.forms {
				f := fc.form
				if short := dotNameShort(f); short != "" && !x.generic[short] {
					forms = append(forms, short)
				}
				// a name of three or more characters found once by its
				// context (马某某表示) names the person wherever it stands
				if utf8.RuneCountInString(f) >= 3 && hasHan(f) && e.lex == nil {
					forms = append(forms, f)
				}
			}
			if len(forms) > 0 {
				sort.Strings(forms)
				pd.add(&lexEntry{Canon: e.group, Type: e.typ, Forms: forms})
			}
			continue
		}
		if e.typ != schema.Company && e.typ != schema.Organization {
			continue
		}
		// a listed company is found anyway; only its article's full name
		// without the legal ending is new (上海汽车集团 → 上海汽车)
		tails := x.brandTails
		if e.lex != nil {
			tails = legalEndings
		}
		forms := []string{}
		for _, fc := range e.forms {
			f := fc.form
			if e.lex == nil {
				forms = append(forms, f)
			}
			if suf := hasSuffixIn(f, tails); suf != "" {
				short := strings.TrimSuffix(f, suf)
				if utf8.RuneCountInString(short) >= 2 && !x.generic[short] {
					if _, isWord := x.dict.m[fold(short)]; !isWord {
						if pos, ok := x.dictPOS(short); !ok || !closedPOS[pos] && pos != "n" && pos != "v" && pos != "vn" {
							forms = append(forms, short)
						}
					}
				}
			}
		}
		if len(forms) == 0 {
			continue
		}
		sort.Strings(forms)
		pd.add(&lexEntry{Canon: e.group, Type: e.typ, Forms: forms})
	}
	return pd
}

// groupKey names the entity a candidate mentions (an entity's group is
// kind+name). It is kept in two parts, so that looking a candidate's
// group up costs no string concatenation: two keys are equal exactly when
// their concatenations are, for every kind is two bytes ending in ':' or
// else empty with a name that cannot start like one.
type groupKey struct{ kind, name string }

// groupName is g as one string, kind+name, made anew only when the
// candidate does not already hold it.
func groupName(c *cand, g groupKey) string {
	switch {
	case c.Kind == fromKnown:
		return c.Group
	case c.Lex != nil && c.Lex.group != "" && g.kind == "L:":
		return c.Lex.group
	}
	return g.kind + g.name
}

func (d *docState) groupKeyOf(c *cand) groupKey {
	switch {
	case c.Kind == fromKnown:
		// the group of an entity of the first pass, made by groupOf
		if g := c.Group; len(g) >= 2 && g[1] == ':' {
			return groupKey{g[:2], g[2:]}
		}
		return groupKey{"", c.Group}
	case c.Lex != nil:
		return groupKey{"L:", c.Lex.Canon}
	case c.Kind == fromMarket:
		return groupKey{"M:", d.key(c.Surface)}
	default:
		return groupKey{"N:", d.key(c.Surface)}
	}
}

// resolve selects mentions per block and groups them into entities;
// keys is the article's schema.Key memo. index then makes the look-up by
// name and the part-of pairs, which knownForms does not need.
func (x *Extractor) resolve(a *Article, base [][]cand, keys map[string]string) (*docState, [][]blockMention) {
	d := &docState{article: a, formKeys: x.formKeys, keys: keys}
	groups := map[groupKey]*entState{}
	picked := make([][]blockMention, len(base))
	// every block's mentions in one array: a block keeps at most its
	// candidates, and each block's slice is capped at its own part
	total := 0
	for _, cs := range base {
		total += len(cs)
	}
	all := make([]blockMention, total)
	var picker candPicker
	order := 0
	for i, cs := range base {
		sel := picker.pick(cs)
		picked[i], all = all[:0:len(sel)], all[len(sel):]
		for _, k := range sel {
			c := &cs[k]
			g := d.groupKeyOf(c)
			e := groups[g]
			if e == nil {
				e = &entState{group: groupName(c, g), typ: c.Type, lex: c.Lex, first: order}
				e.forms = e.form1[:0]
				groups[g] = e
				d.ents = append(d.ents, e)
			}
			order++
			e.forms.add(c.Surface, 1)
			if c.Alias != "" {
				e.addAlias(c.Alias)
			}
			picked[i] = append(picked[i], blockMention{c.Start, c.End, e})
		}
		// a link inside a longer company name gives that name an alias
		// (华为</a>云 → 华为云, alias 华为)
		for _, c := range cs {
			if c.Kind != fromAnchor {
				continue
			}
			for _, m := range picked[i] {
				if m.Start <= c.Start && c.End <= m.End && m.ent.typ == schema.Company {
					m.ent.addAlias(a.Blocks[i].Text[c.Start:c.End])
					if c.Alias != "" {
						m.ent.addAlias(c.Alias)
					}
				}
			}
		}
	}
	x.mergeMarkets(d)
	mergeBracketed(a, picked)
	for _, e := range d.ents {
		e.finish(d.key)
	}
	// one name is one entity even when two finders typed it differently
	// (a quoted product that is also linked)
	byName := make(map[string]*entState, len(d.ents))
	for _, e := range d.ents {
		if e.mergedTo != nil {
			continue
		}
		k := d.key(e.name)
		o := byName[k]
		if o == nil {
			byName[k] = e
			continue
		}
		o.mentions += e.mentions
		for al := range e.aliases {
			if d.key(al) != k {
				o.addAlias(al)
			}
		}
		e.mergedTo = o
	}
	// 微盟 and 微盟集团 are one company: the name with the legal ending is
	// the fuller form; it may be another name of a company (Hertz Global
	// of 赫兹环球)
	byAlias := map[string]*entState{}
	for _, e := range d.ents {
		if e.mergedTo != nil || e.typ != schema.Company {
			continue
		}
		for al := range e.aliases {
			if k := d.key(al); byAlias[k] == nil {
				byAlias[k] = e
			}
		}
	}
	for _, e := range d.ents {
		if e.mergedTo != nil || e.typ != schema.Company {
			continue
		}
		nameKey := d.key(e.name)
		for i := range mergeEndings {
			k := mergedKey(e.name, nameKey, i)
			o := byName[k]
			if o == nil {
				o = byAlias[k]
			}
			if o == nil || o == e || o.mergedTo != nil || o.typ != schema.Company {
				continue
			}
			o.mentions += e.mentions
			o.addAlias(e.name)
			for al := range e.aliases {
				o.addAlias(al)
			}
			e.mergedTo = o
			break
		}
	}
	mergeMisspelt(d.ents)
	// after merging, several groups may point at one entity
	live := make([]*entState, 0, len(d.ents))
	for i := range picked {
		for j := range picked[i] {
			picked[i][j].ent = picked[i][j].ent.root()
		}
	}
	for _, e := range d.ents {
		r := e.root()
		if !r.listed { // a mark on the entity serves as the set of those seen
			r.listed = true
			live = append(live, r)
		}
	}
	d.ents = live
	return d, picked
}

// index fills d.byKey and d.partOf once d's entities are final.
func (x *Extractor) index(d *docState) {
	d.byKey = make(map[string]*entState, len(d.ents))
	for _, e := range d.ents {
		d.byKey[d.key(e.name)] = e
	}
	for _, e := range d.ents {
		for al := range e.aliases {
			if k := d.key(al); d.byKey[k] == nil {
				d.byKey[k] = e
			}
		}
	}
	d.partOf = x.unitsOf(d)
}

// formCounts counts an entity's mentions by surface form, as a map
// would: a list, for most entities have one or two forms and a map was
// two allocations for each.
type formCounts []formCount

type formCount struct {
	form string
	n    int
}

func (fs *formCounts) add(form string, n int) {
	for i := range *fs {
		if (*fs)[i].form == form {
			(*fs)[i].n += n
			return
		}
	}
	*fs = append(*fs, formCount{form, n})
}

// addAlias records another name of e; most entities get theirs only in
// finish, which sizes the set.
func (e *entState) addAlias(a string) {
	if e.aliases == nil {
		e.aliases = map[string]bool{}
	}
	e.aliases[a] = true
}

func (e *entState) root() *entState {
	for e.mergedTo != nil {
		e = e.mergedTo
	}
	return e
}

// finish picks the canonical name and aliases. Sectors, technologies,
// trends and places keep the lexicon's name so that articles meet in one
// node; companies, organizations and everything else take the fullest form
// the article uses.
func (e *entState) finish(key func(string) string) {
	if e.mergedTo != nil {
		return
	}
	var buf [4]string // most entities have a form or two: no heap list
	forms := buf[:0]
	for _, fc := range e.forms {
		forms = append(forms, fc.form)
		e.mentions += fc.n
	}
	slices.SortFunc(forms, func(a, b string) int {
		// a Chinese name before a Latin one (亚马逊云科技 rather than AWS),
		// then the fullest
		if ha, hb := hasHan(a), hasHan(b); ha != hb {
			if ha {
				return -1
			}
			return 1
		}
		if la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); la != lb {
			return cmp.Compare(lb, la)
		}
		return strings.Compare(a, b)
	})
	switch {
	case e.lex != nil && e.typ != schema.Company && e.typ != schema.Organization:
		e.name = e.lex.Canon
	default:
		e.name = forms[0]
	}
	if e.aliases == nil {
		n := len(forms)
		if e.lex != nil {
			n += len(e.lex.Forms)
		}
		e.aliases = make(map[string]bool, n)
	}
	for _, f := range forms {
		e.addAlias(f)
	}
	if e.lex != nil {
		for _, f := range e.lex.Forms {
			e.addAlias(f)
		}
	}
	delete(e.aliases, e.name)
	nameKey := key(e.name)
	for al := range e.aliases {
		if key(al) == nameKey {
			delete(e.aliases, al)
		}
	}
}

// legalEndings turn a company's short name into its full one.
var legalEndings = []string{"股份有限公司", "有限公司", "集团", "公司", "控股", "股份"}

// mergeEndings: a company named once with one of these after its name is
// the same company (行深智能科技 = 行深智能, Hertz Global = Hertz).
var mergeEndings = append(append([]string{}, legalEndings...), "科技有限公司", "科技", " Inc.", " Inc", " Group", " Holdings", " Global", " Ltd.", " Ltd", " Corp.", " Corporation")

// mergeEndingKeys[i] is schema.Key(mergeEndings[i]) when the ending starts
// a new normalization segment (nothing before it can combine with it), so
// that a name's key followed by it is the key of the name with the ending;
// "" when it does not. resolve tries every ending on every company, and
// keying each joined name anew was ~5 % of Extract.
var mergeEndingKeys = func() []string {
	keys := make([]string, len(mergeEndings))
	for i, suf := range mergeEndings {
		keys[i] = endingKey(suf)
	}
	return keys
}()

// endingKey is schema.Key(suf) if suf starts a new normalization segment,
// else "".
func endingKey(suf string) string {
	if suf == "" || !norm.NFKC.PropertiesString(suf).BoundaryBefore() {
		return ""
	}
	return schema.Key(suf)
}

// mergedKey is schema.Key(name + mergeEndings[i]), given nameKey =
// schema.Key(name).
func mergedKey(name, nameKey string, i int) string {
	if k := mergeEndingKeys[i]; k != "" {
		return nameKey + k
	}
	return schema.Key(name + mergeEndings[i])
}

// chinaScopes name the country itself; a market with one of them in front
// is the same market as without it, unless the article also speaks of the
// global market of the same kind.
var chinaScopes = []string{"中国大陆", "中国", "国内", "我国"}
var globalScopes = []string{"全球", "世界", "国际", "海外"}

// allScopes is chinaScopes then globalScopes, made once for mergeMarkets.
var allScopes = append(append([]string{}, chinaScopes...), globalScopes...)

// mergeMarkets joins market mentions that name one market: 中国IaaS公有云市场
// = IaaS公有云市场, 中国整体云服务市场 = 云服务市场 (modifiers like 整体 and
// 基础 do not change the market).
func (x *Extractor) mergeMarkets(d *docState) {
	core := func(name string) (string, string) {
		scope := ""
		for changed := true; changed; {
			changed = false
			for _, w := range allScopes {
				if strings.HasPrefix(name, w) && len(name) > len(w) {
					if scope == "" {
						scope = w
					}
					name = strings.TrimPrefix(name, w)
					changed = true
				}
			}
			// a fixed order (longest first), so that two modifiers
			// overlapping in one name are removed the same way every run
			for _, w := range x.marketModifiers {
				if strings.Contains(name, w) && len(name) > len(w)+len("市场") {
					name = strings.Replace(name, w, "", 1)
					changed = true
				}
			}
		}
		// 云服务市场 and 云计算市场 are one market when the lexicon says
		// 云服务 is another name of 云计算
		var b strings.Builder
		last := 0
		for _, m := range x.dict.findAll(name) {
			b.WriteString(name[last:m.Start])
			b.WriteString(m.Entry.Canon)
			last = m.End
		}
		b.WriteString(name[last:])
		return b.String(), scope
	}
	type info struct {
		e      *entState
		core   string
		global bool
	}
	var ms []info
	globalCores := map[string]bool{}
	for _, e := range d.ents {
		if e.typ != schema.Market || e.lex != nil {
			continue
		}
		name := e.longestForm()
		c, scope := core(name)
		g := hasPrefixIn(scope, globalScopes) != ""
		if g {
			globalCores[c] = true
		}
		ms = append(ms, info{e, c, g})
	}
	slices.SortFunc(ms, func(a, b info) int { return cmp.Compare(a.e.first, b.e.first) })
	target := map[string]*entState{}
	for _, m := range ms {
		key := m.core
		if m.global || globalCores[m.core] && m.core == m.e.onlyForm() {
			key = "global:" + m.core
		}
		if t := target[key]; t != nil && t != m.e {
			for _, fc := range m.e.forms {
				t.forms.add(fc.form, fc.n)
			}
			for al := range m.e.aliases {
				t.addAlias(al)
			}
			m.e.mergedTo = t
			continue
		}
		target[key] = m.e
	}
}

// mergeBracketed joins a name and the name in brackets right after it
// (纯电动悍马（Hummer EV）, 通用汽车（GM）): the second is another name of
// the first, unless the lexicon knows it as something else or the article
// named it on its own before (替代微信… then 微众银行（微信）: the bracket
// says through what, not another name).
func mergeBracketed(a *Article, picked [][]blockMention) {
	// each entity's first mention, kept on the entity (a map of them
	// was most of the function's allocations)
	for i, ms := range picked {
		for _, m := range ms {
			if e := m.ent; !e.firstSeen {
				e.firstSeen, e.firstBlock, e.firstStart = true, i, m.Start
			}
		}
	}
	for i, ms := range picked {
		text := a.Blocks[i].Text
		for j := 0; j+1 < len(ms); j++ {
			m, n := ms[j], ms[j+1]
			open, close := strings.TrimLeft(text[m.End:n.Start], "”\"」’"), ""
			if n.End < len(text) {
				close = text[n.End:]
			}
			if open != "（" && open != "(" || !strings.HasPrefix(close, "）") && !strings.HasPrefix(close, ")") {
				continue
			}
			t, e := m.ent.root(), n.ent.root()
			if t == e || e.lex != nil && t.lex != e.lex {
				continue
			}
			if f := n.ent; f.firstBlock < i || f.firstBlock == i && f.firstStart < m.Start {
				continue
			}
			for _, fc := range e.forms {
				t.forms.add(fc.form, fc.n)
			}
			for al := range e.aliases {
				t.addAlias(al)
			}
			e.mergedTo = t
		}
	}
}

func (e *entState) onlyForm() string { return e.longestForm() }

func (e *entState) longestForm() string {
	best := ""
	for _, fc := range e.forms {
		if f := fc.form; len(f) > len(best) || len(f) == len(best) && f < best {
			best = f
		}
	}
	return best
}

// unitsOf finds business units named after their parent (腾讯云 and 腾讯,
// 广汽埃安 and 广汽) when the article names both as companies.
func (x *Extractor) unitsOf(d *docState) [][2]string {
	var out [][2]string
	for _, a := range d.ents {
		if a.typ != schema.Company {
			continue
		}
		for _, b := range d.ents {
			if b == a || b.typ != schema.Company {
				continue
			}
			for _, fc := range b.forms {
				f := fc.form
				rest := strings.TrimPrefix(a.name, f)
				// the unit's own part is a word of its own (云, 埃安; AWS after
				// 亚马逊), not the next English word of a product (MacBook Air)
				if utf8.RuneCountInString(f) >= 2 && rest != a.name && rest != "" && (hasHan(rest) || hasHan(f)) && !a.aliases[f] {
					out = append(out, [2]string{a.name, b.name})
					break
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b [2]string) int { return strings.Compare(a[0]+a[1], b[0]+b[1]) })
	return out
}

func (d *docState) hasEntity(name string) bool {
	_, ok := d.byKey[d.key(name)]
	return ok
}

// entity returns the entity a name or alias stands for.
func (d *docState) entity(name string) *entState { return d.byKey[d.key(name)] }

// entities lists the article's entities, by type in schema order, then
// by name.
func (d *docState) entities() []Entity {
	rank := map[schema.Type]int{}
	for i, t := range schema.Types {
		rank[t] = i
	}
	out := make([]Entity, 0, len(d.ents))
	for _, e := range d.ents {
		ent := Entity{Name: e.name, Type: e.typ, Mentions: e.mentions}
		for al := range e.aliases {
			ent.Aliases = append(ent.Aliases, al)
		}
		sort.Strings(ent.Aliases)
		out = append(out, ent)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return rank[out[i].Type] < rank[out[j].Type]
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// mergeMisspelt joins a Latin company name that differs by one letter
// from another company's name or alias in the same article (Herz and
// Hertz Global (Hertz)): a typo, not a second company.
func mergeMisspelt(ents []*entState) {
	for _, e := range ents {
		if e.mergedTo != nil || e.typ != schema.Company || e.lex != nil || !plainLatinWord(e.name) {
			continue
		}
		for _, o := range ents {
			if o == e || o.mergedTo != nil || o.typ != schema.Company {
				continue
			}
			names := []string{o.name}
			for al := range o.aliases {
				names = append(names, al)
			}
			sort.Strings(names)
			hit := false
			for _, n := range names {
				if plainLatinWord(n) && oneEditApart(strings.ToLower(e.name), strings.ToLower(n)) {
					hit = true
					break
				}
			}
			if !hit {
				continue
			}
			o.mentions += e.mentions
			o.addAlias(e.name)
			for al := range e.aliases {
				o.addAlias(al)
			}
			e.mergedTo = o
			break
		}
	}
}

// plainLatinWord: one Latin word of four or more letters, no digits.
func plainLatinWord(s string) bool {
	if len(s) < 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
			return false
		}
	}
	return true
}

// oneEditApart reports two different words that one inserted, deleted or
// changed letter turns into each other.
func oneEditApart(a, b string) bool {
	if a == b || len(a)-len(b) > 1 || len(b)-len(a) > 1 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}
