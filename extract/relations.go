package extract

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// typeSet is a set of entity types allowed at one end of a relation.
type typeSet map[schema.Type]bool

func types(ts ...schema.Type) typeSet {
	s := typeSet{}
	for _, t := range ts {
		s[t] = true
	}
	return s
}

// The sets the relation finders ask for in every sentence, made once
// (read only): a map per sentence and finder added up.
var (
	companyTypes    = types(schema.Company)
	policyTypes     = types(schema.Policy)
	companyOrgTypes = types(schema.Company, schema.Organization)
	investorTypes   = types(schema.Company, schema.Organization, schema.Person)
	sectorishTypes  = types(schema.Industry, schema.Market, schema.Technology, schema.Trend)
)

// relation shapes: which types may stand at each end, and how far the
// object may be from the trigger (0: anywhere in the clause).
type relShape struct {
	subj, obj typeSet
	maxGap    int
	symmetric bool
}

var shapes = map[schema.Predicate]relShape{
	schema.Drives: {subj: types(schema.Trend, schema.Technology, schema.Industry, schema.Market, schema.Policy, schema.Company, schema.Organization),
		obj: types(schema.Trend, schema.Technology, schema.Industry, schema.Market, schema.Company)},
	schema.Hinders: {subj: types(schema.Trend, schema.Technology, schema.Industry, schema.Market, schema.Policy, schema.Company, schema.Organization),
		obj: types(schema.Trend, schema.Technology, schema.Industry, schema.Market, schema.Company)},
	schema.PartnersWith: {subj: types(schema.Company, schema.Organization), obj: types(schema.Company, schema.Organization), symmetric: true},
	schema.CompetesWith: {subj: types(schema.Company), obj: types(schema.Company), symmetric: true},
	schema.Acquires:     {subj: types(schema.Company), obj: types(schema.Company), maxGap: 4},
	schema.Serves:       {subj: types(schema.Company), obj: types(schema.Industry, schema.Market, schema.Region), maxGap: 4},
	schema.LocatedIn:    {subj: types(schema.Company, schema.Organization), obj: types(schema.Region), maxGap: 1},
}

// predicateOrder fixes the order triggers are tried in, so output is stable.
var predicateOrder = []schema.Predicate{schema.Drives, schema.Hinders, schema.PartnersWith, schema.CompetesWith, schema.Acquires, schema.Serves, schema.LocatedIn}

// coordination joins mentions into one list (A、B和C).
var coordination = []string{"、", "和", "与", "及", "以及", "或", ",", "，", "同", "跟"}

// relSink collects relations without repeats.
type relSink struct {
	d    *docState
	out  []Relation
	seen map[string]bool
}

func (s *relSink) add(r Relation) {
	if r.Subject == r.Object || !s.d.hasEntity(r.Subject) || !s.d.hasEntity(r.Object) {
		return
	}
	if shapes[r.Predicate].symmetric && r.Subject > r.Object {
		r.Subject, r.Object = r.Object, r.Subject
	}
	// the key fmt.Sprintf("%s|%s|%s|%d|%d|%s|%s", …) made, in one concatenation
	k := r.Subject + "|" + string(r.Predicate) + "|" + r.Object + "|" + strconv.Itoa(r.Rank) + "|" + strconv.Itoa(r.RankUpTo) + "|" + r.Round + "|" + r.Role
	if s.seen[k] {
		return
	}
	s.seen[k] = true
	s.out = append(s.out, r)
}

// relations finds the facts each sentence states between its mentions.
func (x *Extractor) relations(d *docState) []Relation {
	sink := &relSink{d: d, seen: map[string]bool{}}
	ctx := &rankContext{d: d, cue: &x.cue}
	lastCompany := "" // the first company of the latest sentence naming one
	for i := range d.sentences {
		s := &d.sentences[i]
		if i > 0 && d.sentences[i-1].Block != s.Block && d.article.Blocks[s.Block].Kind == Heading {
			ctx.heading(s)
		}
		x.triggerRelations(s, sink)
		x.rankRelations(s, ctx, sink)
		x.investRelations(d, i, sink)
		x.targetRelations(s, sink)
		x.leadRelations(s, lastCompany, sink)
		x.issuedRelations(s, sink)
		x.stakeRelations(s, sink)
		x.prefixPlaceRelations(s, sink)
		x.partOfRelations(s, sink)
		ctx.update(s)
		for _, m := range s.Mentions {
			if m.Type == schema.Company {
				lastCompany = m.Name
				break
			}
		}
	}
	for _, p := range d.partOf {
		ev := d.evidenceFor(p[0], p[1])
		if ev != "" {
			sink.add(Relation{Subject: p[0], Predicate: schema.PartOf, Object: p[1], Evidence: ev})
		}
	}
	out := sink.out
	slices.SortStableFunc(out, func(a, b Relation) int {
		return cmp.Or(cmp.Compare(a.Predicate, b.Predicate), strings.Compare(a.Subject, b.Subject), strings.Compare(a.Object, b.Object))
	})
	return out
}

// evidenceFor returns the first sentence naming both entities, or else
// the first naming the first.
func (d *docState) evidenceFor(a, b string) string {
	first := ""
	for _, s := range d.sentences {
		hasA, hasB := false, false
		for _, m := range s.Mentions {
			hasA = hasA || m.Name == a
			hasB = hasB || m.Name == b
		}
		if hasA && hasB {
			return s.Text
		}
		if hasA && first == "" {
			first = s.Text
		}
	}
	return first
}

// clauseBreaks split a sentence into clauses.
const clauseBreaks = "，,：:"

// isClauseBreak: r is one of clauseBreaks (a switch: clauseOf asks it for
// every rune up to an offset).
func isClauseBreak(r rune) bool {
	switch r {
	case '，', ',', '：', ':':
		return true
	}
	return false
}

// clauseOf returns the byte span of the clause around offset i.
func clauseOf(text string, i int) (int, int) {
	s := 0
	for j, r := range text[:i] {
		if isClauseBreak(r) {
			s = j + utf8.RuneLen(r)
		}
	}
	e := len(text)
	for j, r := range text[i:] {
		if isClauseBreak(r) {
			e = i + j
			break
		}
	}
	return s, e
}

// insideMention reports whether byte offset i lies within a mention.
func insideMention(s *sentence, i, j int) bool {
	for _, m := range s.Mentions {
		if i < m.End && m.Start < j {
			return true
		}
	}
	return false
}

// negationExceptions start with a negation character but do not negate.
var negationExceptions = []string{"不断", "不仅", "不少", "不同", "未来", "非常", "不但", "不管", "不论", "非公", "不停", "无论"}

// negated reports whether the words right before offset i (up to four
// characters, not crossing a mention) deny the trigger (未推动, 并未带动,
// 不再驱动).
func (x *Extractor) negated(s *sentence, i int) bool {
	from := i
	for n := 0; n < 4 && from > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(s.Text[:from])
		if insideMention(s, from-sz, from) || hasRune(clauseBreaks, rune(s.Text[from-sz])) {
			break
		}
		from -= sz
	}
	win := s.Text[from:i]
	for _, n := range x.negations {
		k := strings.Index(win, n)
		if k < 0 {
			continue
		}
		rest := s.Text[from+k:]
		exc := false
		for _, e := range negationExceptions {
			if strings.HasPrefix(rest, e) {
				exc = true
			}
		}
		if !exc {
			return true
		}
	}
	return false
}

// topic is the sentence's first mention when it comes before clause start
// cs: the subject later clauses leave out (疫情…，有效加速了企业上云).
func topic(s *sentence, cs int, allowed typeSet) *mention {
	if len(s.Mentions) == 0 {
		return nil
	}
	m := &s.Mentions[0]
	if m.End > cs || !allowed[m.Type] {
		return nil
	}
	// only a clause that opens with the mention makes it the topic; 随着X，
	// 在X下 or 不同行业的X make X a circumstance, not the subject
	c0, c1 := clauseOf(s.Text, m.Start)
	lead := strings.TrimSpace(s.Text[c0:m.Start])
	ok := false
	for _, w := range topicLeads {
		ok = ok || lead == w
	}
	if !ok {
		return nil
	}
	// 36氪获悉，… : the source of a report is not what the report is about
	rest := strings.TrimSpace(s.Text[m.End:c1])
	if hasPrefixIn(rest, reportVerbs) == rest && rest != "" {
		return nil
	}
	// 后疫情时代，…: an era standing alone is when, not who
	if rest == "" && hasSuffixIn(m.Name, eraWords) != "" {
		return nil
	}
	// A-B-C的D: the head after 的 is the subject (日产-雷诺-三菱的联盟)
	head := m
	for i := 1; i < len(s.Mentions) && s.Mentions[i].End <= c1; i++ {
		gap := s.Text[s.Mentions[i-1].End:s.Mentions[i].Start]
		if !isCoordination(gap) && gap != "-" && gap != "的" && gap != "" {
			break
		}
		if gap == "的" && allowed[s.Mentions[i].Type] {
			head = &s.Mentions[i]
		}
	}
	return head
}

// modifier reports whether a mention only qualifies the noun after it
// (上云思维, 游戏等需求), so that it is not the one acting.
func (x *Extractor) modifier(s *sentence, m *mention) bool {
	rest := strings.TrimPrefix(s.Text[m.End:], "等")
	r := []rune(rest[:min(len(rest), 12)])
	if len(r) < 2 || !isHanRune(r[0]) || !isHanRune(r[1]) || insideMention(s, len(s.Text)-len(rest), len(s.Text)-len(rest)+1) {
		return false
	}
	if len(r) > 2 && (unicode.IsDigit(r[2]) || hasRune("数近约超逾", r[2])) {
		return false // 花费4400万美元收购…: a word taking an amount is the verb, not a noun
	}
	pos, ok := x.dictPOS(string(r[:2]))
	return ok && pos == "n"
}

// reportVerbs after a name make it the source of the news, not its topic.
var reportVerbs = []string{"独家获悉", "获悉", "了解到", "注意到", "报道", "消息", "讯", "称", "表示", "指出", "认为", "统计", "显示", "数据显示"}

// topicLeads may come before a clause's subject without demoting it.
var topicLeads = []string{"", "而", "但", "但是", "同时", "并且", "此外", "另外", "其中", "目前", "当前", "而且", "其次", "首先", "最后"}

// mentionsIn returns the mentions of allowed types within [a, b).
// A name repeated in brackets right after itself (通用汽车（GM）) counts once.
func mentionsIn(s *sentence, a, b int, allowed typeSet) []*mention {
	var out []*mention
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.Start < a || m.End > b || !allowed[m.Type] {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Name == m.Name && strings.Trim(s.Text[out[n-1].End:m.Start], "（()） ") == "" {
			continue
		}
		out = append(out, m)
	}
	return out
}

// coordinated returns ms[0] and the mentions that follow it joined only by
// coordination words (A、B和C).
func coordinated(s *sentence, ms []*mention) []*mention {
	if len(ms) == 0 {
		return nil
	}
	out := []*mention{ms[0]}
	for k := 1; k < len(ms); k++ {
		gap := strings.TrimSpace(s.Text[ms[k-1].End:ms[k].Start])
		if !isCoordination(gap) {
			break
		}
		out = append(out, ms[k])
	}
	return out
}

// aside matches a bracketed aside between list items (上海蔚来汽车（NIO）和…).
var aside = regexp.MustCompile(`（[^（）]*）|\([^()]*\)`)

func isCoordination(gap string) bool {
	gap = strings.Trim(aside.ReplaceAllString(gap, ""), "（()） ")
	gap = strings.TrimSuffix(strings.TrimPrefix(gap, "等"), "等")
	for _, c := range coordination {
		if gap == c {
			return true
		}
	}
	return false
}

// coordinatedBefore returns the list of mentions ending with ms[last].
func coordinatedBefore(s *sentence, ms []*mention) []*mention {
	if len(ms) == 0 {
		return nil
	}
	k := len(ms) - 1
	for k > 0 && isCoordination(strings.TrimSpace(s.Text[ms[k-1].End:ms[k].Start])) {
		k--
	}
	return ms[k:]
}

// triggerRelations finds facts stated by a verb between two mentions:
// drives, hinders, partnersWith, competesWith, acquires, serves, locatedIn.
func (x *Extractor) triggerRelations(s *sentence, sink *relSink) {
	if !s.namesTwo() {
		return // every relation found here links two of its mentions
	}
	has := s.runes()
	var done []int // trigger starts already tried for p: a few, so a list
	for _, p := range predicateOrder {
		sh := shapes[p]
		done = done[:0]
		for _, w := range x.triggers[p] {
			if !has.mayContain(w) {
				continue
			}
			for off := 0; ; {
				k := strings.Index(s.Text[off:], w)
				if k < 0 {
					break
				}
				ts, te := off+k, off+k+len(w)
				off = te
				if slices.Contains(done, ts) || insideMention(s, ts, te) {
					continue
				}
				done = append(done, ts)
				if x.negated(s, ts) {
					continue
				}
				if sh.symmetric && te < len(s.Text) && isWordByte(s.Text[te]) {
					continue // 卡游和华立科技合作IP: the verb qualifies the noun after it
				}
				x.triggerAt(s, p, sh, w, ts, te, sink)
			}
		}
	}
}

func (x *Extractor) triggerAt(s *sentence, p schema.Predicate, sh relShape, w string, ts, te int, sink *relSink) {
	cs, ce := clauseOf(s.Text, ts)
	before := dropMeans(s, mentionsIn(s, cs, ts, sh.subj))
	after := mentionsIn(s, te, ce, sh.obj)
	emit := func(subj, obj *mention) {
		sink.add(Relation{Subject: subj.Name, Predicate: p, Object: obj.Name, Evidence: s.Text})
	}
	// passive forms: 受X影响 (X acts on the clause's subject), 被X收购,
	// 由X驱动: the cause is the mention after the marker.
	pre := s.Text[cs:ts]
	// 在X的推动下, Y…: X acts on the clause's subject (or the one before)
	if k := strings.LastIndex(pre, "在"); k >= 0 && strings.HasPrefix(s.Text[te:], "下") && (p == schema.Drives || p == schema.Hinders) {
		agents := mentionsIn(s, cs+k, ts, sh.subj)
		patients := mentionsIn(s, cs, cs+k, sh.obj)
		if len(patients) == 0 {
			if t := topic(s, cs, sh.obj); t != nil {
				patients = []*mention{t}
			}
		}
		if len(patients) > 0 {
			for _, a := range agents {
				if a.Type != schema.Region {
					emit(a, patients[len(patients)-1])
				}
			}
		}
		return
	}
	markers := []string{"受到", "受", "被", "由"}
	if p == schema.Drives {
		markers = append(markers, "依靠", "依赖", "得益于")
	}
	for _, mk := range markers {
		k := strings.LastIndex(pre, mk)
		if k < 0 {
			continue
		}
		at := cs + k + len(mk)
		agents := mentionsIn(s, at, ts, sh.subj)
		if len(agents) == 0 {
			continue
		}
		var patients []*mention
		if x.passive[w] || mk == "受" || mk == "受到" {
			patients = mentionsIn(s, te, ce, sh.obj)
			if len(patients) == 0 {
				patients = mentionsIn(s, cs, cs+k, sh.obj)
			}
		} else {
			patients = mentionsIn(s, cs, cs+k, sh.obj)
		}
		if len(patients) == 0 {
			if t := topic(s, cs, sh.obj); t != nil {
				patients = []*mention{t}
			}
		}
		for _, a := range coordinated(s, agents) {
			for _, pt := range patients[:min(1, len(patients))] {
				emit(a, pt)
			}
		}
		return
	}
	if x.passive[w] {
		return
	}
	// 为X带来: the object sits between 为 and the verb
	if k := strings.LastIndex(pre, "为"); k >= 0 && w == "带来" {
		objs := mentionsIn(s, cs+k, ts, sh.obj)
		subs := mentionsIn(s, cs, cs+k, sh.subj)
		if len(objs) > 0 && len(subs) > 0 {
			emit(subs[len(subs)-1], objs[0])
		}
		return
	}
	if sh.symmetric && len(before) >= 2 {
		list := coordinatedBefore(s, before)
		if len(list) >= 2 {
			for a := 0; a < len(list); a++ {
				for b := a + 1; b < len(list); b++ {
					emit(list[a], list[b])
				}
			}
			return
		}
		// A通过与B的合资, A和B展开竞争: the partner follows 与/和/同/跟
		a, b := before[len(before)-2], before[len(before)-1]
		if gap := s.Text[a.End:b.Start]; strings.ContainsAny(gap, "与和同跟") && !strings.ContainsAny(gap, "，。；") {
			emit(a, b)
			return
		}
	}
	var subj *mention
	if len(before) > 0 {
		subj = before[len(before)-1]
		if subj.End < ts && x.modifier(s, subj) {
			return // 游戏等需求的扩大加速了…: the subject is 需求, not 游戏
		}
		if sh.symmetric {
			// A与B合作: the partner follows 与
			if list := coordinatedBefore(s, before); len(list) >= 2 {
				subj = list[0]
			}
		}
	} else if t := topic(s, cs, sh.subj); t != nil && !x.modifier(s, t) {
		subj = t
	}
	if subj == nil || len(after) == 0 {
		return
	}
	if sh.maxGap > 0 && utf8.RuneCountInString(s.Text[te:after[0].Start]) > sh.maxGap {
		k := x.describedObject(s, p, te, after)
		if k < 0 {
			return
		}
		after = after[k:]
	}
	for _, o := range coordinated(s, after) {
		emit(subj, o)
	}
}

// eraWords end a period's name (后疫情时代, 过渡时期).
var eraWords = []string{"时代", "时期", "阶段"}

// meansMarkers before a mention make it the means of an action, not its
// agent (通过汽油车赚钱的同时推进…).
var meansMarkers = []string{"通过", "借助", "利用", "凭借", "依托"}

func dropMeans(s *sentence, ms []*mention) []*mention {
	out := ms[:0:0]
	for _, m := range ms {
		if hasSuffixIn(s.Text[:m.Start], meansMarkers) == "" {
			out = append(out, m)
		}
	}
	return out
}

// describedObject finds, for acquires, an object named right after a
// description of it that ends in a company noun (收购了多伦多大学的一家AI初创
// 公司DNNResearch, 收购老牌企业海鼎51%的股权): the index in after, or -1.
func (x *Extractor) describedObject(s *sentence, p schema.Predicate, te int, after []*mention) int {
	if p != schema.Acquires {
		return -1
	}
	for k, o := range after {
		gap := s.Text[te:o.Start]
		if utf8.RuneCountInString(gap) > maxDescription || strings.ContainsAny(gap, "，。；;,") {
			return -1
		}
		if hasSuffixIn(gap, x.cue.companyNouns) != "" {
			return k
		}
	}
	return -1
}

// maxDescription bounds the description between an acquiring verb and
// the company it names.
const maxDescription = 20
