package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

var (
	roundRe  = regexp.MustCompile(`(天使\+?|种子|Pre-?[A-Z]\+?|[A-Z]\+?|[A-Z][0-9]|战略|IPO前)轮`)
	amountRe = regexp.MustCompile(`(超过|超|近|约|逾|接近)?\s?([0-9]+(?:\.[0-9]+)?)\s?(万亿|亿|万|千万|百万)?\s?(美元|元|人民币|欧元|日元|港元)`)
)

var scaleOf = map[string]float64{"": 1, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "万亿": 1e12}
var currencyOf = map[string]string{"元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "港元": "HKD"}

// investRelations finds investors in a funding round: 投资方包括A、B、C等
// or A领投，B跟投. The company funded is the one that 完成/获得…融资 in
// this or the two sentences before; the round and amount come from the
// sentence naming the funding.
func (x *Extractor) investRelations(d *docState, i int, sink *relSink) {
	s := &d.sentences[i]
	investor := investorTypes
	var investors []*mention
	for _, w := range x.investList {
		if !s.runes().mayContain(w) {
			continue
		}
		if k := strings.Index(s.Text, w); k >= 0 {
			_, ce := clauseOf(s.Text, k+len(w))
			// a list runs over commas too: 投资方包括A、B，C跟投
			investors = append(investors, coordinated(s, mentionsIn(s, k+len(w), max(ce, len(s.Text)), investor))...)
		}
	}
	for _, w := range x.investLead {
		if !s.runes().mayContain(w) {
			continue
		}
		for off := 0; ; {
			k := strings.Index(s.Text[off:], w)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(w)
			cs, _ := clauseOf(s.Text, at)
			investors = append(investors, coordinatedBefore(s, mentionsIn(s, cs, at, investor))...)
		}
	}
	if len(investors) == 0 {
		x.receivedInvestment(s, sink)
		return
	}
	for j := i; j >= 0 && j >= i-2; j-- {
		f := &d.sentences[j]
		// the funding itself: the last 融资 with a round or amount before
		// it in its clause (完成近亿美元的Pre-A轮融资，本轮融资由…)
		k := -1
		for off := 0; ; {
			i := strings.Index(f.Text[off:], "融资")
			if i < 0 {
				break
			}
			at := off + i
			off = at + len("融资")
			c0, _ := clauseOf(f.Text, at)
			if k < 0 || roundRe.MatchString(f.Text[c0:at]) || amountRe.MatchString(f.Text[c0:at]) {
				k = at
			}
		}
		if k < 0 {
			continue
		}
		targets := mentionsIn(f, 0, k, companyTypes)
		if len(targets) == 0 {
			continue
		}
		target := targets[len(targets)-1]
		r := Relation{Object: target.Name, Predicate: schema.Invests, Evidence: s.Text}
		// the round and amount are the ones just before 融资 (距上轮B+轮融资… 完成C轮融资)
		cs, _ := clauseOf(f.Text, k)
		if ms := roundRe.FindAllString(f.Text[cs:k], -1); len(ms) > 0 {
			r.Round = ms[len(ms)-1]
		}
		if ms := amountRe.FindAllStringSubmatch(f.Text[cs:k], -1); len(ms) > 0 {
			m := ms[len(ms)-1]
			if v, err := strconv.ParseFloat(m[2], 64); err == nil {
				r.Value = v * scaleOf[m[3]]
				r.Unit = currencyOf[m[4]]
			}
		}
		for _, inv := range investors {
			if inv.Name != target.Name {
				r.Subject = inv.Name
				sink.add(r)
			}
		}
		return
	}
}

// receivedRe: a company 获(得)…投资 from the investors named in between.
var receivedRe = regexp.MustCompile(`获得?|获`)

// receivedInvestment: A获得B、C的(战略)投资 — B and C invest in A.
func (x *Extractor) receivedInvestment(s *sentence, sink *relSink) {
	// every match is passed over unless 投资 follows it in the sentence
	if !strings.Contains(s.Text, "投资") {
		return
	}
	for _, m := range receivedRe.FindAllStringIndex(s.Text, -1) {
		cs, ce := clauseOf(s.Text, m[0])
		k := strings.Index(s.Text[m[1]:ce], "投资")
		if k < 0 {
			continue
		}
		end := m[1] + k
		investors := coordinated(s, mentionsIn(s, m[1], end, investorTypes))
		targets := mentionsIn(s, cs, m[0], companyTypes)
		if len(targets) == 0 {
			if t := topic(s, cs, companyTypes); t != nil {
				targets = []*mention{t}
			}
		}
		if len(investors) == 0 || len(targets) == 0 || x.negated(s, m[0]) {
			continue
		}
		r := Relation{Object: targets[len(targets)-1].Name, Predicate: schema.Invests, Evidence: s.Text}
		if strings.HasSuffix(s.Text[m[1]:end], "战略") {
			r.Round = "战略投资"
		}
		if ms := amountRe.FindStringSubmatch(s.Text[m[1]:end]); ms != nil {
			if v, err := strconv.ParseFloat(ms[2], 64); err == nil {
				r.Value, r.Unit = v*scaleOf[ms[3]], currencyOf[ms[4]]
			}
		}
		for _, inv := range investors {
			r.Subject = inv.Name
			sink.add(r)
		}
	}
}

// targetRelations: a policy that 指出/提出/要求… sets goals for the
// sectors, markets, technologies and trends named after the verb.
func (x *Extractor) targetRelations(s *sentence, sink *relSink) {
	for _, p := range s.Mentions {
		if p.Type != schema.Policy {
			continue
		}
		rest := strings.TrimLeft(s.Text[p.End:], "》」”")
		gapStart := len(s.Text) - len(rest)
		for _, w := range x.targetWords {
			k := strings.Index(rest, w)
			if k < 0 || utf8.RuneCountInString(rest[:k]) > 6 || strings.ContainsAny(rest[:k], "。；") {
				continue
			}
			from := gapStart + k + len(w)
			for _, o := range mentionsIn(s, from, len(s.Text), sectorishTypes) {
				sink.add(Relation{Subject: p.Name, Predicate: schema.Targets, Object: o.Name, Evidence: s.Text})
			}
			break
		}
	}
}

// leadRelations: organization + role + person (阿里云总裁张建锋,
// 协会常务副秘书长金存忠) makes the person lead the organization.
// With 其 or 该公司 before the role (其新掌舵人刘静瑜), the organization is
// the company the text was just about (last).
func (x *Extractor) leadRelations(s *sentence, last string, sink *relSink) {
	for i, p := range s.Mentions {
		if p.Type != schema.Person {
			continue
		}
		role := ""
		for _, r := range x.leadRoles {
			if strings.HasSuffix(s.Text[:p.Start], r) && len(r) > len(role) {
				role = r
			}
		}
		if role == "" {
			continue
		}
		rs := p.Start - len(role)
		lead := tailRunes(s.Text[:rs], 4)
		if k := strings.LastIndexAny(lead, "，。、；：,"); k >= 0 {
			lead = lead[k+utf8.RuneLen([]rune(lead[k:])[0]):]
		}
		if last != "" && (strings.HasPrefix(lead, "其") || strings.HasSuffix(lead, "该公司")) {
			sink.add(Relation{Subject: p.Name, Predicate: schema.Leads, Object: last, Role: role, Evidence: s.Text})
			continue
		}
		for j := i - 1; j >= 0; j-- {
			o := s.Mentions[j]
			if o.End > rs {
				continue
			}
			if o.Type != schema.Company && o.Type != schema.Organization {
				break
			}
			gap := s.Text[o.End:rs]
			if utf8.RuneCountInString(gap) <= 2 && !strings.ContainsAny(gap, "，。、；：,") {
				sink.add(Relation{Subject: p.Name, Predicate: schema.Leads, Object: o.Name, Role: role, Evidence: s.Text})
			}
			break
		}
	}
}

// issuedRelations: an organization 发布/印发… a policy.
func (x *Extractor) issuedRelations(s *sentence, sink *relSink) {
	has := s.runes()
	for _, w := range x.triggers[schema.IssuedBy] {
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
			if x.negated(s, ts) {
				continue
			}
			cs, ce := clauseOf(s.Text, ts)
			orgs := mentionsIn(s, cs, ts, companyOrgTypes)
			pols := mentionsIn(s, te, ce, policyTypes)
			if len(orgs) == 0 || len(pols) == 0 {
				continue
			}
			for _, o := range coordinatedBefore(s, orgs) {
				sink.add(Relation{Subject: pols[0].Name, Predicate: schema.IssuedBy, Object: o.Name, Evidence: s.Text})
			}
		}
	}
}

// stakeRe finds a share held in a company: A出资50.1%的B, B由A出资44%,
// A持股30%.
var stakeRe = regexp.MustCompile(`(出资|持股|持有|入股|参股)\s?([0-9]+(?:\.[0-9]+)?)\s?%`)

// stakeRelations: an investor holding a stated share of a company.
func (x *Extractor) stakeRelations(s *sentence, sink *relSink) {
	owner := investorTypes
	// every match ends in %; the regexp alone would try every position
	for _, m := range findAllIf(stakeRe, s.Text, strings.Contains(s.Text, "%")) {
		v, err := strconv.ParseFloat(s.Text[m[4]:m[5]], 64)
		if err != nil || x.negated(s, m[0]) {
			continue
		}
		cs, ce := clauseOf(s.Text, m[0])
		before := mentionsIn(s, cs, m[0], owner)
		if len(before) == 0 {
			continue
		}
		r := Relation{Predicate: schema.Invests, Value: v, Unit: "percent", Evidence: s.Text}
		pre := s.Text[cs:m[0]]
		if k := strings.LastIndex(pre, "由"); k >= 0 {
			// B由A出资44%
			owners := mentionsIn(s, cs+k, m[0], owner)
			targets := mentionsIn(s, cs, cs+k, companyTypes)
			if len(owners) > 0 && len(targets) > 0 {
				r.Subject, r.Object = owners[len(owners)-1].Name, targets[len(targets)-1].Name
				sink.add(r)
			}
			continue
		}
		// A出资50.1%的B
		if after := mentionsIn(s, m[1], ce, companyTypes); len(after) > 0 && strings.HasPrefix(s.Text[m[1]:], "的") {
			r.Subject, r.Object = before[len(before)-1].Name, after[0].Name
			sink.add(r)
		}
	}
}

// prefixPlaceRelations: a country or city written before a company's
// name (美国特斯拉, 瑞典电池新贵Northvolt) says where it is from.
func (x *Extractor) prefixPlaceRelations(s *sentence, sink *relSink) {
	for i := 0; i+1 < len(s.Mentions); i++ {
		r := s.Mentions[i]
		if r.Type != schema.Region {
			continue
		}
		for _, c := range s.Mentions[i+1:] {
			if c.Type != schema.Company && c.Type != schema.Organization {
				if c.Type == schema.Region {
					break
				}
				continue
			}
			gap := s.Text[r.End:c.Start]
			if gap == "" || utf8.RuneCountInString(gap) <= 6 && !strings.ContainsAny(gap, "，。、；：的和与及等") && hasSuffixIn(gap, x.cue.placeDescriptors) != "" {
				sink.add(Relation{Subject: c.Name, Predicate: schema.LocatedIn, Object: r.Name, Evidence: s.Text})
			}
			break
		}
	}
}
