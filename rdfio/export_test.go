package rdfio

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/graph"
	"github.com/kgbgraph/kgb/schema"
)

func export(t *testing.T, st *graph.Store, opts ExportOptions) (string, int) {
	t.Helper()
	var b bytes.Buffer
	n, err := Export(context.Background(), st, &b, opts)
	if err != nil {
		t.Fatalf("Export(%+v): %v", opts, err)
	}
	return b.String(), n
}

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// relationTriples counts distinct entity-to-entity relation triples, what
// dot and GraphML draw.
func relationTriples(v schema.Vocab, qs []quad.Quad) int {
	rels := relationPreds(v)
	seen := map[[3]quad.Value]bool{}
	for _, q := range qs {
		if p, _ := q.Predicate.(quad.IRI); rels[p] {
			seen[[3]quad.Value{q.Subject, q.Predicate, q.Object}] = true
		}
	}
	return len(seen)
}

// TestExportFormats exports the sample store in every format, has an
// independent parser read RDF outputs back, and checks that every count
// matches the store: quads for quad formats, distinct triples for Turtle,
// relation edges for pictures.
func TestExportFormats(t *testing.T) {
	st := sampleStore(t)
	all := storeQuads(t, st)
	quads, triples, edges := len(all), distinctTriples(all), relationTriples(st.Vocab(), all)
	if triples >= quads {
		t.Fatalf("fixture should state some triple in two articles: %d quads, %d triples", quads, triples)
	}
	tests := []struct {
		format Format
		want   int
		check  func(t *testing.T, file, out string) int // returns the count a parser read, or -1
	}{
		{NQuads, quads, func(t *testing.T, f, _ string) int { return rapperParse(t, "nquads", f) }},
		{Turtle, triples, func(t *testing.T, f, _ string) int { return rapperParse(t, "turtle", f) }},
		{TriG, quads, func(t *testing.T, f, _ string) int { return rapperParse(t, "trig", f) }},
		{JSONLD, quads, func(t *testing.T, f, _ string) int { return rdflibQuads(t, f) }},
		{GraphML, edges, func(t *testing.T, _, out string) int { return graphmlEdges(t, out) }},
		{Dot, edges, func(t *testing.T, f, out string) int {
			graphvizCheck(t, f)
			return strings.Count(out, " -> ")
		}},
	}
	for _, tc := range tests {
		t.Run(string(tc.format), func(t *testing.T) {
			out, n := export(t, st, ExportOptions{Format: tc.format})
			if n != tc.want {
				t.Errorf("Export wrote %d statements, store has %d", n, tc.want)
			}
			file := writeTemp(t, "export."+string(tc.format), out)
			if got := tc.check(t, file, out); got != tc.want {
				t.Errorf("parser read %d statements, want %d\n%s", got, tc.want, head(out))
			}
		})
	}
}

func graphmlEdges(t *testing.T, out string) int {
	t.Helper()
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data string `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s -> %s names a missing node", e.Source, e.Target)
		}
	}
	return len(doc.Graph.Edges)
}

func head(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

// TestExportContract checks the RDF details SCHEMA.md and the brief ask
// for: absolute IRIs under the base, @zh labels, typed numbers and dates,
// prefixes in Turtle and TriG, articles as named graphs.
func TestExportContract(t *testing.T) {
	st := sampleStore(t)
	v := st.Vocab()
	nq, _ := export(t, st, ExportOptions{Format: NQuads})
	ttl, _ := export(t, st, ExportOptions{Format: Turtle})
	trig, _ := export(t, st, ExportOptions{Format: TriG})
	jl, _ := export(t, st, ExportOptions{Format: JSONLD})
	art := "<" + v.Article("a1") + ">"
	tests := []struct {
		name, doc, want string
	}{
		{"nquads label with @zh", nq, `<` + v.Entity("华为云") + `> <` + schema.RDFSLabel + `> "华为云"@zh ` + art + " ."},
		{"nquads rank xsd:integer", nq, `"3"^^<` + schema.XSDInteger + `>`},
		{"nquads value xsd:decimal", nq, `"225610000000"^^<` + schema.XSDDecimal + `>`},
		{"nquads date xsd:dateTime", nq, `"2021-07-14T07:56:46Z"^^<` + schema.XSDDate + `>`},
		{"nquads boolean lexical form", nq, `"true"^^<` + schema.XSDBoolean + `>`},
		{"nquads escapes", nq, `"疫情\t推动了\"企业上云\"\n（见下文）\\附录"@zh`},
		{"nquads unlabelled quad is a triple", nq, `<` + v.Prop("note") + `> "无标签"@zh .`},
		{"turtle prefixes", ttl, "@prefix kgb: <" + v.Base + "schema/> ."},
		{"turtle entity prefix", ttl, "@prefix ent: <" + v.Base + "entity/> ."},
		{"turtle dcterms", ttl, "@prefix dcterms: <http://purl.org/dc/terms/> ."},
		{"turtle typed rank", ttl, `"3"^^xsd:integer`},
		{"turtle type as a", ttl, " a kgb:Company"},
		{"trig article graph", trig, "art:a1 {"},
		{"trig default graph", trig, "\n{\n"},
		{"jsonld named graph", jl, `{"@id": "` + v.Article("a1") + `", "@graph": [`},
		{"jsonld language", jl, `{"@value": "华为云", "@language": "zh"}`},
		{"jsonld decimal", jl, `{"@value": "225610000000", "@type": "` + schema.XSDDecimal + `"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(tc.doc, tc.want) {
				t.Errorf("output lacks %s\n%s", tc.want, head(tc.doc))
			}
		})
	}
	// One triple stated by articles a1 and a2: two quads, one Turtle triple.
	edge := "<" + v.Entity("华为云") + "> <" + v.Pred(schema.RanksIn) + "> <" + v.Entity("中国IaaS公有云市场") + ">"
	if c := strings.Count(nq, edge); c != 2 {
		t.Errorf("N-Quads has the shared edge %d times, want 2 (one per article)", c)
	}
	if c := strings.Count(ttl, "kgb:ranksIn ent:"); c != 2 {
		t.Errorf("Turtle has %d ranksIn edges, want 2 (华为云 once, 阿里云 once)", c)
	}
}

// TestExportArticle selects one article by id, IRI or file path.
func TestExportArticle(t *testing.T) {
	st := sampleStore(t)
	v := st.Vocab()
	var want int
	for _, q := range storeQuads(t, st) {
		if q.Label == quad.IRI(v.Article("a3")) {
			want++
		}
	}
	for _, ref := range []string{"a3", v.Article("a3"), "some/dir/a3.md"} {
		t.Run(ref, func(t *testing.T) {
			out, n := export(t, st, ExportOptions{Format: NQuads, Article: ref})
			if n != want || strings.Count(out, "\n") != want {
				t.Errorf("got %d quads (%d lines), want %d", n, strings.Count(out, "\n"), want)
			}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if !strings.HasSuffix(line, "<"+v.Article("a3")+"> .") {
					t.Fatalf("quad from another graph: %s", line)
				}
			}
		})
	}
	if _, err := Export(context.Background(), st, &bytes.Buffer{}, ExportOptions{Article: "nope"}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown article: err = %v", err)
	}
}

// TestExportAround checks the neighbourhood walk: depth, both directions,
// names or aliases as the start, and that the picture carries labels.
func TestExportAround(t *testing.T) {
	st := sampleStore(t)
	tests := []struct {
		name   string
		around string
		depth  int
		want   []string // edges in dot
		absent []string
	}{
		{"depth 1 from canonical name", "华为云", 1,
			[]string{`"华为云" -> "中国IaaS公有云市场" [ label = "ranksIn" ]`, `"华为云" -> "阿里云"`, `"华为云" -> "汽车"`},
			[]string{`"公有云市场"`, "疫情", "腾讯云"}},
		{"depth 2 reaches incoming and further edges", "华为云", 2,
			[]string{`"阿里云" -> "中国IaaS公有云市场"`, `"中国IaaS公有云市场" -> "公有云市场"`},
			[]string{"疫情", "腾讯云"}},
		{"alias as start", "华为", 1, []string{`"华为云" -> "阿里云"`}, []string{"疫情"}},
		{"alias in another width and case", "ＨＵＡＷＥＩ cloud", 1, []string{`"华为云" -> "阿里云"`}, []string{"疫情"}},
		{"incoming edge only", "腾讯云", 1, []string{`"红杉中国" -> "腾讯云" [ label = "invests" ]`}, []string{"华为云"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, n := export(t, st, ExportOptions{Format: Dot, Around: tc.around, Depth: tc.depth})
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("dot lacks %s\n%s", w, out)
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(out, a) {
					t.Errorf("dot has %s, which is outside the neighbourhood\n%s", a, out)
				}
			}
			if n != strings.Count(out, " -> ") {
				t.Errorf("n = %d, dot has %d edges", n, strings.Count(out, " -> "))
			}
		})
	}
	// The same neighbourhood as RDF keeps labels, and parsers read as many
	// statements as Export says it wrote.
	out, _ := export(t, st, ExportOptions{Format: Turtle, Around: "华为云", Depth: 1})
	for _, w := range []string{`"华为云"@zh`, `"华为"@zh`, "kgb:ranksIn"} {
		if !strings.Contains(out, w) {
			t.Errorf("turtle neighbourhood lacks %s\n%s", w, out)
		}
	}
	for _, f := range []Format{NQuads, Turtle, TriG, JSONLD} {
		t.Run("parse "+string(f), func(t *testing.T) {
			out, n := export(t, st, ExportOptions{Format: f, Around: "华为云", Depth: 2})
			file := writeTemp(t, "around", out)
			var got int
			if f == JSONLD {
				got = rdflibQuads(t, file)
			} else {
				got = rapperParse(t, string(f), file)
			}
			if got != n {
				t.Errorf("parser read %d statements, Export wrote %d", got, n)
			}
		})
	}
	if _, err := Export(context.Background(), st, &bytes.Buffer{}, ExportOptions{Around: "不存在的公司"}); err == nil {
		t.Error("unknown entity: no error")
	}
}

// TestExportEmpty: an empty store still gives documents that parse.
func TestExportEmpty(t *testing.T) {
	st := newStore(t)
	for _, f := range Formats {
		out, n := export(t, st, ExportOptions{Format: f})
		if n != 0 {
			t.Errorf("%s: n = %d on an empty store", f, n)
		}
		if f == Turtle || f == TriG {
			rapperParse(t, string(f), writeTemp(t, "empty", out))
		}
		if f == JSONLD && strings.TrimSpace(out) != "[\n]" {
			t.Errorf("empty JSON-LD = %q", out)
		}
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"nquads", NQuads, true}, {"TTL", Turtle, true}, {"json-ld", JSONLD, true},
		{"graphviz", Dot, true}, {" trig ", TriG, true}, {"rdfxml", "", false},
	}
	for _, tc := range tests {
		got, err := ParseFormat(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseFormat(%q) = %q, %v", tc.in, got, err)
		}
	}
}

// sortedLines is a document's lines in order, for set comparison.
func sortedLines(s string) []string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(l)
	return l
}

// TestExportCustomBase: IRIs and prefixes follow the store's base.
func TestExportCustomBase(t *testing.T) {
	const base = "https://data.example.com/kg/"
	st, err := graph.Open(graph.Options{Path: filepath.Join(t.TempDir(), "s"), Base: base})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutArticles(sampleResults()[:1]); err != nil {
		t.Fatal(err)
	}
	ttl, n := export(t, st, ExportOptions{Format: Turtle})
	for _, w := range []string{"@prefix kgb: <" + base + "schema/> .", "@prefix ent: <" + base + "entity/> .", " a kgb:Company"} {
		if !strings.Contains(ttl, w) {
			t.Errorf("turtle lacks %s", w)
		}
	}
	if strings.Contains(ttl, schema.DefaultBase) {
		t.Errorf("turtle mentions the default base %s", schema.DefaultBase)
	}
	if got := rapperParse(t, "turtle", writeTemp(t, "b.ttl", ttl)); got != n {
		t.Errorf("rapper read %d triples, Export wrote %d", got, n)
	}
	if _, err := Export(context.Background(), st, &bytes.Buffer{}, ExportOptions{Format: Dot, Around: "华为云"}); err != nil {
		t.Errorf("around under a custom base: %v", err)
	}
}
