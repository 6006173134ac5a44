package extract

import "github.com/kgbgraph/kgb/schema"

// Result is what extraction finds in one article. Its JSON form is the
// `kgb extract --json` contract in ../shared/SCHEMA.md.
type Result struct {
	Doc       Doc        `json:"doc"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Metrics   []Metric   `json:"metrics"`
}

// Doc describes the article a result came from.
type Doc struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Date       string   `json:"date,omitempty"` // RFC 3339, UTC
	Author     string   `json:"author,omitempty"`
	Categories []string `json:"categories,omitempty"`
	Source     string   `json:"source"`         // path or URL the article was read from
	Hash       string   `json:"hash,omitempty"` // SHA-256 of the raw file, for incremental builds
}

// Entity is one real thing named in the article, under its canonical name.
type Entity struct {
	Name     string      `json:"name"`
	Type     schema.Type `json:"type"`
	Aliases  []string    `json:"aliases,omitempty"`
	Mentions int         `json:"mentions"`
}

// Relation is one stated fact between two entities, with the sentence that
// states it. Qualifiers that do not apply are left zero and omitted.
type Relation struct {
	Subject   string           `json:"subject"`
	Predicate schema.Predicate `json:"predicate"`
	Object    string           `json:"object"`
	Rank      int              `json:"rank,omitempty"`
	RankUpTo  int              `json:"rankUpTo,omitempty"`
	Round     string           `json:"round,omitempty"`
	Value     float64          `json:"value,omitempty"`
	Unit      string           `json:"unit,omitempty"`
	Role      string           `json:"role,omitempty"`
	Evidence  string           `json:"evidence"`
}

// Metric is a measured figure: value in base units (2256.1亿元 → 225610000000
// CNY), what it measures, when, and of what.
type Metric struct {
	Subject  string  `json:"subject"`
	Measure  string  `json:"measure"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Period   string  `json:"period,omitempty"`
	Approx   bool    `json:"approx"`
	Evidence string  `json:"evidence"`
}
