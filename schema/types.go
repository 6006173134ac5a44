// Package schema is the graph's vocabulary: entity types, predicates and the
// IRIs they become in the store. It follows ../shared/SCHEMA.md; every other
// package names types and predicates through these constants so that the
// contract lives in one place.
package schema

// Type is an entity type from SCHEMA.md.
type Type string

// Entity types.
const (
	Company      Type = "Company"
	Organization Type = "Organization"
	Person       Type = "Person"
	Industry     Type = "Industry"
	Market       Type = "Market"
	Technology   Type = "Technology"
	Product      Type = "Product"
	Policy       Type = "Policy"
	Region       Type = "Region"
	Trend        Type = "Trend"
	Metric       Type = "Metric"
)

// Types lists every entity type in SCHEMA.md order.
var Types = []Type{Company, Organization, Person, Industry, Market, Technology, Product, Policy, Region, Trend, Metric}

// Valid reports whether t is one of the schema's entity types.
func (t Type) Valid() bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}
