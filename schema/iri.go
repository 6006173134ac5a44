package schema

import (
	"crypto/sha1"
	"encoding/hex"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// DefaultBase is the IRI base used when the configuration sets none.
const DefaultBase = "https://kgb.example/"

// Well-known vocabulary IRIs outside our base.
const (
	RDFType    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	RDFSLabel  = "http://www.w3.org/2000/01/rdf-schema#label"
	XSD        = "http://www.w3.org/2001/XMLSchema#"
	XSDDecimal = XSD + "decimal"
	XSDInteger = XSD + "integer"
	XSDBoolean = XSD + "boolean"
	XSDDate    = XSD + "dateTime"
	SKOSAlt    = "http://www.w3.org/2004/02/skos/core#altLabel"
	DCTitle    = "http://purl.org/dc/terms/title"
	DCDate     = "http://purl.org/dc/terms/date"
	DCCreator  = "http://purl.org/dc/terms/creator"
	DCSubject  = "http://purl.org/dc/terms/subject"
	DCSource   = "http://purl.org/dc/terms/source"
)

// Vocab builds the IRIs of one graph from its base. The zero value is not
// useful; use NewVocab.
type Vocab struct{ Base string }

// NewVocab returns the vocabulary under base (DefaultBase when empty). A
// base without a trailing slash or hash gets a slash so IRIs stay readable.
func NewVocab(base string) Vocab {
	if base == "" {
		base = DefaultBase
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	return Vocab{Base: base}
}

// Class is the IRI of an entity type, e.g. <base>schema/Company.
func (v Vocab) Class(t Type) string { return v.Base + "schema/" + string(t) }

// Pred is the IRI of a relation predicate, e.g. <base>schema/ranksIn.
func (v Vocab) Pred(p Predicate) string { return v.Base + "schema/" + string(p) }

// Prop is the IRI of a property that is not a relation (rank, evidence…).
func (v Vocab) Prop(name string) string { return v.Base + "schema/" + name }

// Entity is the IRI of the entity with this canonical name. Names are
// normalised (NFKC, spaces removed, Latin lower-cased) so that full- and
// half-width or differently spaced spellings of one name meet in one node,
// across articles.
func (v Vocab) Entity(name string) string {
	return v.Base + "entity/" + url.PathEscape(Key(name))
}

// Article is the IRI of an article, from its stable id.
func (v Vocab) Article(id string) string { return v.Base + "article/" + url.PathEscape(id) }

// Statement is the IRI of the statement node for one relation in one
// article; it is derived from its parts so that rebuilding yields the same IRI.
func (v Vocab) Statement(articleID string, parts ...string) string {
	return v.Base + "stmt/" + hashOf(append([]string{articleID}, parts...)...)
}

// MetricNode is the IRI of one metric in one article.
func (v Vocab) MetricNode(articleID string, parts ...string) string {
	return v.Base + "metric/" + hashOf(append([]string{articleID}, parts...)...)
}

// Key normalises a name for matching and IRIs: NFKC, no white space, Latin
// letters lower-cased, quote and book-title marks dropped.
func Key(name string) string {
	s := norm.NFKC.String(name)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("《》“”\"'‘’「」『』〈〉·•", r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func hashOf(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Names under <base>schema/ for the graph's own classes and properties
// (not relation predicates); build their IRIs with Vocab.Prop.
const (
	ClassArticle   = "Article"   // an article node
	ClassStatement = "Statement" // one relation as stated by one article
	PropKey        = "key"       // Key of an entity's name or alias, for lookups
	PropHash       = "hash"      // an article's content hash
	PropMentions   = "mentions"  // article → entity it names
	PropSubject    = "subject"   // statement → subject entity
	PropPredicate  = "predicate" // statement → predicate IRI
	PropObject     = "object"    // statement → object entity
	PropArticle    = "article"   // statement or metric → article IRI
	PropEvidence   = "evidence"  // the sentence that states a fact
	PropRank       = "rank"
	PropRankUpTo   = "rankUpTo"
	PropRound      = "round"
	PropValue      = "value"
	PropUnit       = "unit"
	PropRole       = "role"
	PropMeasure    = "measure"
	PropPeriod     = "period"
	PropApprox     = "approx"
)

// ArticleID is the article id inside an article IRI of this vocabulary, or
// false when iri is not one.
func (v Vocab) ArticleID(iri string) (string, bool) {
	rest, ok := strings.CutPrefix(iri, v.Base+"article/")
	if !ok {
		return "", false
	}
	id, err := url.PathUnescape(rest)
	return id, err == nil
}

// EntityKey is the name key inside an entity IRI of this vocabulary, or
// false when iri is not one.
func (v Vocab) EntityKey(iri string) (string, bool) {
	rest, ok := strings.CutPrefix(iri, v.Base+"entity/")
	if !ok {
		return "", false
	}
	k, err := url.PathUnescape(rest)
	return k, err == nil
}

// IsMetricNode reports whether iri names a metric node (as opposed to an
// entity that an article typed Metric).
func (v Vocab) IsMetricNode(iri string) bool { return strings.HasPrefix(iri, v.Base+"metric/") }
