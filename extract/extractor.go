package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// Options configure an Extractor.
type Options struct {
	// LexiconDirs are directories of user lexicon files (*.txt) that extend
	// the shipped lists of the same name.
	LexiconDirs []string
}

// Extractor finds entities, relations and metrics in articles. Build it
// once with New (it loads the lexicons and the word segmenter); it is then
// read-only and safe for concurrent use by many goroutines.
type Extractor struct {
	lex  *Lexicon
	seg  *segmenter
	dict *phraseDict

	generic                     map[string]bool
	orgSuffixes                 []string
	orgType                     map[string]schema.Type
	brandTails                  []string // endings dropped in a company's short name
	market                      wordSet
	marketHeads                 []string
	marketCandHeads             []string // marketHeads, then industryHeads: what marketCands reads back from
	marketMods                  []string // the other market words, longest first
	marketModifiers             []string // the "mod" market words only, longest first
	roles                       []string
	leadRoles                   []string // roles that lead (not 分析师)
	surnames                    map[string]bool
	surnameFirsts               runeSet // first runes of the surnames
	policyHeads                 []string
	bareHeads                   []string
	negations                   []string
	rankWords                   []string
	triggers                    map[schema.Predicate][]string
	passive                     map[string]bool
	investLead                  []string
	investList                  []string
	targetWords                 []string
	partOfVerbs                 []string
	launchVerbs                 []string
	productBefore, productAfter []string
	unitNouns                   []string
	cue                         cueWords
	metricTab                   *metricTables
	formKeys                    map[string]string // schema.Key of every lexicon form, for docState.key
}

// cueWords are the context words the finders read, one lexicon list each
// (the list name is the file name: speech_verbs.txt), longest first.
type cueWords struct {
	speechVerbs, actionVerbs, companyNouns, docWords, productCategories []string
	firmWords, salesWords, rankCues, placeDescriptors, personVerbs      []string
	companyPredicates                                                   []string
}

func (x *Extractor) loadCues() error {
	for name, dst := range map[string]*[]string{
		"speech_verbs": &x.cue.speechVerbs, "action_verbs": &x.cue.actionVerbs, "company_nouns": &x.cue.companyNouns,
		"doc_words": &x.cue.docWords, "product_categories": &x.cue.productCategories, "firm_words": &x.cue.firmWords,
		"sales_words": &x.cue.salesWords, "rank_cues": &x.cue.rankCues, "place_descriptors": &x.cue.placeDescriptors,
		"person_verbs": &x.cue.personVerbs, "company_predicates": &x.cue.companyPredicates,
	} {
		ws := newWordSet(x.lex.List(name)).sortedWords()
		if len(ws) == 0 {
			return fmt.Errorf("lexicon %s: empty or missing", name)
		}
		*dst = ws
	}
	return nil
}

// New loads the shipped lexicons, the user's (opts.LexiconDirs) and the
// segmenter.
func New(opts Options) (*Extractor, error) {
	lx, err := LoadLexicon(opts.LexiconDirs...)
	if err != nil {
		return nil, err
	}
	x := &Extractor{lex: lx, dict: newPhraseDict()}
	for _, l := range entityLists {
		for _, e := range lx.List(l.name) {
			x.dict.add(&lexEntry{Canon: e.Word, Type: l.typ, Forms: append([]string{e.Word}, splitAliases(e.Value)...)})
		}
	}
	x.dict.indexFirsts()
	for _, e := range x.dict.m {
		e.group = "L:" + e.Canon
	}
	// resolve keys these names in every article (Forms[0] is the Canon)
	x.formKeys = map[string]string{}
	for k, e := range x.dict.m {
		if k == fold(e.Canon) { // once per entry
			for _, f := range e.Forms {
				x.formKeys[f] = schema.Key(f)
			}
		}
	}
	x.generic = map[string]bool{}
	for _, w := range lx.Words("generic") {
		x.generic[w] = true
	}
	x.orgType = map[string]schema.Type{}
	for _, e := range lx.List("org_suffixes") {
		t := schema.Type(strings.Fields(e.Value + " Company")[0])
		if !t.Valid() {
			return nil, fmt.Errorf("lexicon org_suffixes: %s: unknown type %q", e.Word, e.Value)
		}
		x.orgType[e.Word] = t
	}
	x.orgSuffixes = x.orgSuffixSet().sortedWords()
	x.brandTails = wordSet(toSet(append(lx.Words("brand_tails"), x.orgSuffixes...))).sortedWords()
	x.market = newWordSet(lx.List("market_heads"))
	var heads, mods, modifiers []string
	for w, v := range x.market {
		if v == "head" {
			heads = append(heads, w)
		} else {
			mods = append(mods, w)
		}
		if v == "mod" {
			modifiers = append(modifiers, w)
		}
	}
	x.marketMods = wordSet(toSet(mods)).sortedWords()
	x.marketModifiers = wordSet(toSet(modifiers)).sortedWords()
	x.marketHeads = wordSet(toSet(heads)).sortedWords()
	x.marketCandHeads = append(append([]string{}, x.marketHeads...), industryHeads...)
	roles := newWordSet(lx.List("roles"))
	x.roles = roles.sortedWords()
	for _, r := range x.roles {
		if roles[r] != "staff" {
			x.leadRoles = append(x.leadRoles, r)
		}
	}
	x.surnames = toBoolSet(lx.Words("surnames"))
	for s := range x.surnames {
		r, _ := utf8.DecodeRuneInString(s)
		x.surnameFirsts.add(r)
	}
	ph := newWordSet(lx.List("policy_heads"))
	x.policyHeads = ph.sortedWords()
	for _, w := range x.policyHeads {
		if ph[w] == "bare" {
			x.bareHeads = append(x.bareHeads, w)
		}
	}
	x.negations = newWordSet(lx.List("negations")).sortedWords()
	x.rankWords = newWordSet(lx.List("rank_words")).sortedWords()
	x.triggers = map[schema.Predicate][]string{}
	x.passive = map[string]bool{}
	for p, list := range map[schema.Predicate]string{
		schema.Drives: "triggers_drives", schema.Hinders: "triggers_hinders", schema.PartnersWith: "triggers_partners",
		schema.CompetesWith: "triggers_competes", schema.Acquires: "triggers_acquires", schema.IssuedBy: "triggers_issued",
		schema.Serves: "triggers_serves", schema.LocatedIn: "triggers_located",
	} {
		ws := newWordSet(lx.List(list))
		x.triggers[p] = ws.sortedWords()
		for w, v := range ws {
			if v == "passive" {
				x.passive[w] = true
			}
		}
	}
	x.investList, x.investLead = splitByValue(lx.List("triggers_invests"), "list")
	x.targetWords = newWordSet(lx.List("triggers_targets")).sortedWords()
	x.partOfVerbs = newWordSet(lx.List("triggers_partof")).sortedWords()
	x.launchVerbs = newWordSet(lx.List("triggers_launch")).sortedWords()
	x.productAfter, x.productBefore = splitByValue(lx.List("product_cues"), "after")
	x.unitNouns = newWordSet(lx.List("unit_nouns")).sortedWords()
	if err := x.loadCues(); err != nil {
		return nil, err
	}
	x.metricTab = tablesFor(lx)

	x.seg, err = newSegmenter(lx, len(opts.LexiconDirs) == 0)
	if err != nil {
		return nil, err
	}
	return x, nil
}

func (x *Extractor) orgSuffixSet() wordSet {
	m := wordSet{}
	for k, v := range x.orgType {
		m[k] = string(v)
	}
	return m
}

func toSet(ws []string) map[string]string {
	m := map[string]string{}
	for _, w := range ws {
		m[w] = ""
	}
	return m
}

func toBoolSet(ws []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// ExtractFile reads and extracts one file.
func (x *Extractor) ExtractFile(path string) (*Result, error) {
	a, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return x.Extract(a), nil
}

// Extract finds what one article states. The output is deterministic:
// entities, relations and metrics come in a stable sorted order.
func (x *Extractor) Extract(a *Article) *Result {
	res := &Result{Doc: Doc{
		ID: a.ID, Title: a.Title, Author: a.Author, Categories: a.Categories, Source: a.Path, Hash: a.Hash,
	}}
	if res.Doc.ID == "" && a.Path != "" {
		res.Doc.ID = strings.TrimSuffix(a.Path, ".md")
	}
	if res.Doc.Hash == "" {
		sum := sha256.Sum256([]byte(a.Title))
		res.Doc.Hash = hex.EncodeToString(sum[:])
	}
	if !a.Date.IsZero() {
		res.Doc.Date = a.Date.UTC().Format(time.RFC3339)
	}
	doc := x.analyse(a)
	res.Entities = doc.entities()
	res.Relations = x.relations(doc)
	res.Metrics = x.metrics(doc)
	if res.Entities == nil {
		res.Entities = []Entity{}
	}
	if res.Relations == nil {
		res.Relations = []Relation{}
	}
	if res.Metrics == nil {
		res.Metrics = []Metric{}
	}
	return res
}

// metrics runs the metric finder over every sentence and drops repeats of
// the same figure for the same subject and period.
func (x *Extractor) metrics(d *docState) []Metric {
	ctx := &docContext{Date: d.article.Date, Lex: x.lex, tab: x.metricTab}
	seen := map[string]bool{}
	var out []Metric
	for i := range d.sentences {
		for _, m := range findMetrics(&d.sentences[i], ctx) {
			k := fmt.Sprintf("%s\x00%g\x00%s\x00%s", d.key(m.Subject), m.Value, m.Unit, m.Period)
			if seen[k] || !d.hasEntity(m.Subject) {
				continue
			}
			seen[k] = true
			out = append(out, m)
		}
	}
	out = dropUndatedRepeats(out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Subject != out[j].Subject {
			return out[i].Subject < out[j].Subject
		}
		return out[i].Evidence < out[j].Evidence
	})
	return out
}

// splitByValue parts a lexicon list into the words tagged value and the
// rest, each deduplicated and in wordSet's matching order.
func splitByValue(es []Entry, value string) (tagged, rest []string) {
	for _, e := range es {
		if e.Value == value {
			tagged = append(tagged, e.Word)
		} else {
			rest = append(rest, e.Word)
		}
	}
	return wordSet(toSet(tagged)).sortedWords(), wordSet(toSet(rest)).sortedWords()
}
