package extract

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// WriteSummary prints a result for people: entities grouped by type,
// relations with their qualifiers, metrics with value, unit and period.
func WriteSummary(w io.Writer, r *Result) error {
	ew := &errWriter{w: w}
	ew.printf("%s  (%s)\n", r.Doc.Title, r.Doc.Source)
	if r.Doc.Date != "" {
		ew.printf("  date %s", r.Doc.Date)
		if r.Doc.Author != "" {
			ew.printf(", author %s", r.Doc.Author)
		}
		ew.printf("\n")
	}
	byType := map[string][]string{}
	for _, e := range r.Entities {
		name := e.Name
		if len(e.Aliases) > 0 {
			name += " (" + strings.Join(e.Aliases, ", ") + ")"
		}
		byType[string(e.Type)] = append(byType[string(e.Type)], name)
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	ew.printf("\nEntities (%d)\n", len(r.Entities))
	for _, t := range types {
		ew.printf("  %-12s %s\n", t, strings.Join(byType[t], "、"))
	}
	ew.printf("\nRelations (%d)\n", len(r.Relations))
	for _, rel := range r.Relations {
		ew.printf("  %s —%s→ %s%s\n      “%s”\n", rel.Subject, rel.Predicate, rel.Object, qualifiers(rel), rel.Evidence)
	}
	ew.printf("\nMetrics (%d)\n", len(r.Metrics))
	for _, m := range r.Metrics {
		approx := ""
		if m.Approx {
			approx = "≈"
		}
		period := ""
		if m.Period != "" {
			period = " [" + m.Period + "]"
		}
		ew.printf("  %s %s: %s%s %s%s\n      “%s”\n", m.Subject, m.Measure, approx, formatValue(m.Value), m.Unit, period, m.Evidence)
	}
	return ew.err
}

func qualifiers(r Relation) string {
	var q []string
	if r.Rank > 0 {
		q = append(q, "rank "+strconv.Itoa(r.Rank))
	}
	if r.RankUpTo > 0 {
		q = append(q, "top "+strconv.Itoa(r.RankUpTo))
	}
	if r.Round != "" {
		q = append(q, "round "+r.Round)
	}
	if r.Value != 0 {
		q = append(q, "value "+formatValue(r.Value)+" "+r.Unit)
	}
	if r.Role != "" {
		q = append(q, "role "+r.Role)
	}
	if len(q) == 0 {
		return ""
	}
	return " (" + strings.Join(q, ", ") + ")"
}

// formatValue prints a value without exponent notation: 225610000000, 75.1.
func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
