package schema

// Predicate is a relation name from SCHEMA.md.
type Predicate string

// Relation predicates.
const (
	RanksIn      Predicate = "ranksIn"
	Drives       Predicate = "drives"
	Hinders      Predicate = "hinders"
	PartOf       Predicate = "partOf"
	CompetesWith Predicate = "competesWith"
	PartnersWith Predicate = "partnersWith"
	Invests      Predicate = "invests"
	Acquires     Predicate = "acquires"
	IssuedBy     Predicate = "issuedBy"
	Targets      Predicate = "targets"
	Serves       Predicate = "serves"
	Leads        Predicate = "leads"
	LocatedIn    Predicate = "locatedIn"
	HasMetric    Predicate = "hasMetric"
)

// Predicates lists every relation predicate in SCHEMA.md order.
var Predicates = []Predicate{RanksIn, Drives, Hinders, PartOf, CompetesWith, PartnersWith, Invests, Acquires, IssuedBy, Targets, Serves, Leads, LocatedIn, HasMetric}

// Valid reports whether p is one of the schema's predicates.
func (p Predicate) Valid() bool {
	for _, x := range Predicates {
		if x == p {
			return true
		}
	}
	return false
}

// Symmetric reports whether p holds in both directions (A competesWith B
// means B competesWith A), so readers should follow it both ways.
func (p Predicate) Symmetric() bool { return p == CompetesWith || p == PartnersWith }
