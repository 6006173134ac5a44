package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// partOfRelations finds a company that belongs to another:
//   - B旗下(的)A: A is part of B;
//   - A隶属于B, A升级为B企业级技术服务业务板块, A是B的全资子公司: A is part
//     of B when the clause after B ends in a unit noun (unit_nouns.txt).
func (x *Extractor) partOfRelations(s *sentence, sink *relSink) {
	if !s.namesTwo() {
		return // both ways below link two of its mentions
	}
	company := companyTypes
	for i := 0; i+1 < len(s.Mentions); i++ {
		b, a := s.Mentions[i], s.Mentions[i+1]
		if b.Type != schema.Company || a.Type != schema.Company {
			continue
		}
		gap := s.Text[b.End:a.Start]
		if gap == "旗下" || gap == "旗下的" {
			sink.add(Relation{Subject: a.Name, Predicate: schema.PartOf, Object: b.Name, Evidence: s.Text})
		}
	}
	for _, w := range x.partOfVerbs {
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
			if insideMention(s, at, at+len(w)) {
				continue
			}
			cs, ce := clauseOf(s.Text, at)
			subs := mentionsIn(s, cs, at, company)
			if len(subs) == 0 || strings.TrimSpace(s.Text[subs[len(subs)-1].End:at]) != "" {
				continue // the part must stand right before the verb
			}
			objs := mentionsIn(s, at+len(w), ce, company)
			if len(objs) == 0 || objs[0].Start != at+len(w) {
				continue
			}
			// the unit noun closes the phrase after the owner, with no other
			// name in between (A升级为B企业级技术服务业务板块)
			rest := s.Text[objs[0].End:ce]
			if len(objs) > 1 {
				rest = s.Text[objs[0].End:objs[1].Start]
			}
			if !x.endsInUnit(rest, w) {
				continue
			}
			sink.add(Relation{Subject: subs[len(subs)-1].Name, Predicate: schema.PartOf, Object: objs[0].Name, Evidence: s.Text})
		}
	}
}

// endsInUnit: the words after the owner name a unit of it within a short
// phrase. 隶属于 needs no unit noun.
func (x *Extractor) endsInUnit(rest, verb string) bool {
	if strings.HasPrefix(verb, "隶属") || strings.HasPrefix(verb, "归属") || verb == "并入" {
		return true
	}
	for _, u := range x.unitNouns {
		if k := strings.Index(rest, u); k >= 0 && utf8.RuneCountInString(rest[:k]) <= 12 && !strings.ContainsAny(rest[:k], "，。；、和与") {
			return true
		}
	}
	return false
}
