package extract

// dropUndatedRepeats removes a figure given without a period when the same
// subject, value and unit also appear with one: an article's summary often
// repeats a dated figure from its body without the year, and the dated
// form is the same fact stated fully.
func dropUndatedRepeats(ms []Metric) []Metric {
	type key struct {
		subject, unit string
		value         float64
	}
	dated := map[key]bool{}
	for _, m := range ms {
		if m.Period != "" {
			dated[key{m.Subject, m.Unit, m.Value}] = true
		}
	}
	out := ms[:0:0]
	for _, m := range ms {
		if m.Period == "" && dated[key{m.Subject, m.Unit, m.Value}] {
			continue
		}
		out = append(out, m)
	}
	return out
}
