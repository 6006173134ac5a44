package graph

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// WriteText prints the report for people: the entity, then its relations
// grouped by predicate with rank and qualifiers, each followed by the
// sentence that states it and the article it is from, then its metrics.
func (r *EntityReport) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "%s (%s)\n", r.Name, typesText(r.Types))
	fmt.Fprintf(b, "  %s\n", r.IRI)
	if len(r.Aliases) > 0 {
		fmt.Fprintf(b, "  aliases: %s\n", strings.Join(r.Aliases, ", "))
	}
	fmt.Fprintf(b, "  mentioned in %d article(s)\n", r.Articles)
	if len(r.AlsoMatches) > 0 {
		fmt.Fprintf(b, "  the name also matches: %s\n", strings.Join(r.AlsoMatches, ", "))
	}
	for _, g := range r.Outgoing {
		fmt.Fprintf(b, "\n%s %s →\n", r.Name, g.Predicate)
		writeFacts(b, g.Facts)
	}
	for _, g := range r.Incoming {
		fmt.Fprintf(b, "\n← %s %s\n", g.Predicate, r.Name)
		writeFacts(b, g.Facts)
	}
	if len(r.Metrics) > 0 {
		fmt.Fprintf(b, "\nmetrics\n")
		for _, m := range r.Metrics {
			fmt.Fprintf(b, "  %s", m.Measure)
			if m.Period != "" {
				fmt.Fprintf(b, " (%s)", m.Period)
			}
			fmt.Fprint(b, ": ")
			if m.Approx {
				fmt.Fprint(b, "≈")
			}
			fmt.Fprintf(b, "%s\n", quantity(m.Value, m.Unit))
			writeSource(b, m.Evidence, m.Article)
		}
	}
	if r.OmittedFacts+r.OmittedMetrics > 0 {
		fmt.Fprintf(b, "\n… and %d more relation facts, %d more metrics, not shown (report limit)\n", r.OmittedFacts, r.OmittedMetrics)
	}
	if len(r.Outgoing)+len(r.Incoming)+len(r.Metrics) == 0 {
		fmt.Fprintf(b, "\nno relations or metrics recorded\n")
	}
	return b.Flush()
}

func writeFacts(b *bufio.Writer, facts []RelationFact) {
	for _, f := range facts {
		fmt.Fprintf(b, "  %s (%s)", f.Name, typesText(f.Types))
		var q []string
		if f.Rank > 0 {
			q = append(q, "rank "+strconv.Itoa(f.Rank))
		}
		if f.RankUpTo > 0 {
			q = append(q, "top "+strconv.Itoa(f.RankUpTo))
		}
		if f.Role != "" {
			q = append(q, "role "+f.Role)
		}
		if f.Round != "" {
			q = append(q, "round "+f.Round)
		}
		if f.Value != 0 {
			q = append(q, quantity(f.Value, f.Unit))
		} else if f.Unit != "" {
			q = append(q, f.Unit)
		}
		if len(q) > 0 {
			fmt.Fprintf(b, "  [%s]", strings.Join(q, ", "))
		}
		fmt.Fprintln(b)
		writeSource(b, f.Evidence, f.Article)
	}
}

func writeSource(b *bufio.Writer, evidence string, a ArticleRef) {
	if evidence != "" {
		fmt.Fprintf(b, "      “%s”\n", evidence)
	}
	if a.Title != "" {
		fmt.Fprintf(b, "      — 《%s》 (%s)\n", a.Title, a.ID)
	} else if a.ID != "" {
		fmt.Fprintf(b, "      — %s\n", a.ID)
	}
}

func typesText(ts []string) string {
	if len(ts) == 0 {
		return "untyped"
	}
	return strings.Join(ts, "/")
}

// quantity prints a value in base units with the 亿/万 reading Chinese
// sources use, so 225610000000 CNY shows as "225610000000 CNY (2256.1亿)".
func quantity(v float64, unit string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if unit != "" {
		s += " " + unit
	}
	switch a := math.Abs(v); {
	case a >= 1e12:
		s += " (" + strconv.FormatFloat(v/1e12, 'f', -1, 64) + "万亿)"
	case a >= 1e8:
		s += " (" + strconv.FormatFloat(v/1e8, 'f', -1, 64) + "亿)"
	case a >= 1e4 && unit != "percent" && unit != "times":
		s += " (" + strconv.FormatFloat(v/1e4, 'f', -1, 64) + "万)"
	}
	return s
}

// WriteText prints the path on one line, arrows showing which way each
// stored relation points: 华为云 —ranksIn→ 中国IaaS公有云市场 ←ranksIn— 阿里云.
func (p Path) WriteText(w io.Writer) error {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 {
			e := p.Edges[i-1]
			if e.Reverse {
				fmt.Fprintf(&b, " ←%s— ", e.Predicate)
			} else {
				fmt.Fprintf(&b, " —%s→ ", e.Predicate)
			}
		}
		b.WriteString(n.Name)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteText prints the counts, largest groups first.
func (s *Stats) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "quads     %d\narticles  %d\nentities  %d\nmetrics   %d\n", s.Quads, s.Articles, s.EntitiesTotal, s.Metrics)
	writeCounts(b, "entities by type", s.Entities)
	writeCounts(b, "relations by predicate", s.Relations)
	return b.Flush()
}

func writeCounts(b *bufio.Writer, title string, m map[string]int) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	fmt.Fprintf(b, "\n%s\n", title)
	for _, k := range keys {
		fmt.Fprintf(b, "  %-14s %d\n", k, m[k])
	}
}
