package rdfio

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/graph"
)

func importText(t *testing.T, st *graph.Store, name, text string) (int, error) {
	t.Helper()
	return Import(context.Background(), st, strings.NewReader(text), name)
}

// TestRoundTrip: N-Quads out, into an empty store, out again gives the
// same set of quads.
func TestRoundTrip(t *testing.T) {
	src := sampleStore(t)
	first, n := export(t, src, ExportOptions{Format: NQuads})
	dst := newStore(t)
	got, err := importText(t, dst, "export.nq", first)
	if err != nil {
		t.Fatal(err)
	}
	if got != n {
		t.Errorf("imported %d quads, exported %d", got, n)
	}
	second, _ := export(t, dst, ExportOptions{Format: NQuads})
	// The one quad the sample store has outside any graph comes back in
	// the import's graph, as Import documents; all others are unchanged.
	want := relabel(t, first, ImportLabel(dst.Vocab(), "export.nq"))
	if a, b := sortedLines(want), sortedLines(second); !slices.Equal(a, b) {
		t.Errorf("round trip changed the quads:\nfirst %d lines, second %d\n%s", len(a), len(b), diffLines(a, b))
	}
	// Importing into the store the quads came from adds nothing: values
	// come back with the types the graph layer wrote them with.
	before := len(storeQuads(t, src))
	if _, err := importText(t, src, "export.nq", want); err != nil {
		t.Fatal(err)
	}
	if after := len(storeQuads(t, src)); after != before+1 {
		// +1: the unlabelled quad, now also in the import's graph.
		t.Errorf("re-importing an export into its own store: %d quads → %d", before, after)
	}
}

// relabel puts the quads of an N-Quads document that have no graph into
// graph g.
func relabel(t *testing.T, doc string, g quad.IRI) string {
	t.Helper()
	var b strings.Builder
	nw := &nquadsWriter{w: &b}
	for _, line := range strings.Split(doc, "\n") {
		q, ok, err := parseNQuad(line)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			continue
		}
		if q.Label == nil {
			q.Label = g
		}
		if err := nw.WriteQuad(canonQuad(q)); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func diffLines(a, b []string) string {
	var out []string
	for _, l := range a {
		if _, ok := slices.BinarySearch(b, l); !ok {
			out = append(out, "- "+l)
		}
	}
	for _, l := range b {
		if _, ok := slices.BinarySearch(a, l); !ok {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 20 {
		out = out[:20]
	}
	return strings.Join(out, "\n")
}

// TestImportLabels: quads without a graph get the import file's label,
// quads with one keep it, and a second import of the same file is a no-op.
func TestImportLabels(t *testing.T) {
	st := newStore(t)
	v := st.Vocab()
	text := `# corrections, curated by hand
<https://kgb.example/entity/x> <http://www.w3.org/2000/01/rdf-schema#label> "X公司"@zh .

<https://kgb.example/entity/x> <https://kgb.example/schema/rank> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <https://kgb.example/article/a9> .
<https://kgb.example/entity/x> <https://kgb.example/schema/value> "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<https://kgb.example/entity/x> <https://kgb.example/schema/value> "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .
`
	n, err := importText(t, st, "/some/where/fixes 2024.nq", text)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("read %d quads, want 4", n)
	}
	label := ImportLabel(v, "fixes 2024.nq")
	if label != quad.IRI(v.Base+"import/fixes%202024.nq") {
		t.Errorf("ImportLabel = %s", label)
	}
	want := []quad.Quad{
		{Subject: quad.IRI("https://kgb.example/entity/x"), Predicate: quad.IRI("http://www.w3.org/2000/01/rdf-schema#label"), Object: quad.LangString{Value: "X公司", Lang: "zh"}, Label: label},
		{Subject: quad.IRI("https://kgb.example/entity/x"), Predicate: quad.IRI("https://kgb.example/schema/rank"), Object: quad.TypedString{Value: "2", Type: quad.IRI(xsdNS + "integer")}, Label: quad.IRI("https://kgb.example/article/a9")},
		{Subject: quad.IRI("https://kgb.example/entity/x"), Predicate: quad.IRI("https://kgb.example/schema/value"), Object: quad.TypedString{Value: "1.50", Type: quad.IRI(xsdNS + "decimal")}, Label: label},
	}
	got := storeQuads(t, st)
	if len(got) != len(want) {
		t.Fatalf("store has %d quads, want %d: %v", len(got), len(want), got)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("store lacks %v\nhas %v", w, got)
		}
	}
	if _, err := importText(t, st, "fixes 2024.nq", text); err != nil {
		t.Fatal(err)
	}
	if again := storeQuads(t, st); len(again) != len(want) {
		t.Errorf("second import: %d quads, want %d", len(again), len(want))
	}

	// Removing the import takes out its own graph, not the quad that
	// named graph a9.
	n, err = RemoveImport(context.Background(), st, "fixes 2024.nq")
	if err != nil {
		t.Fatal(err)
	}
	if left := storeQuads(t, st); n != 2 || len(left) != 1 || left[0] != want[1] {
		t.Errorf("RemoveImport removed %d, left %v; want 2 removed and %v left", n, left, want[1])
	}
	if n, err := RemoveImport(context.Background(), st, "fixes 2024.nq"); n != 0 || err != nil {
		t.Errorf("second RemoveImport = %d, %v", n, err)
	}
}

// smallBatches makes Import and RemoveImport use transactions of n quads
// for one test.
func smallBatches(t *testing.T, n int) {
	old := batchSize
	batchSize = n
	t.Cleanup(func() { batchSize = old })
}

// TestRemoveImportBatches removes more quads than one transaction holds.
func TestRemoveImportBatches(t *testing.T) {
	smallBatches(t, 100)
	const n = 250
	var b strings.Builder
	for i := range n {
		b.WriteString("<http://e/s" + strconv.Itoa(i%20) + "> <http://e/p" + strconv.Itoa(i/20) + "> <http://e/o> .\n")
	}
	b.WriteString("<http://e/s> <http://e/p> \"kept\" <http://e/g> .\n")
	st := newStore(t)
	if _, err := importText(t, st, "many.nq", b.String()); err != nil {
		t.Fatal(err)
	}
	removed, err := RemoveImport(context.Background(), st, "many.nq")
	if err != nil {
		t.Fatal(err)
	}
	if left := storeQuads(t, st); removed != n || len(left) != 1 {
		t.Errorf("removed %d, %d left; want %d removed, 1 left", removed, len(left), n)
	}
}

// TestImportErrors: a bad line names file and line, and nothing of the
// file is written, even the good lines before it.
func TestImportErrors(t *testing.T) {
	good := "<http://e/s> <http://e/p> \"ok\" .\n"
	tests := []struct {
		name, text, want string
	}{
		{"missing dot", good + "<http://e/s> <http://e/p> \"x\"\n", "in.nq:2: column 30: expected '.'"},
		{"literal subject", good + good + "\"s\" <http://e/p> <http://e/o> .\n", "in.nq:3: column 1: expected subject"},
		{"relative IRI", "<s> <http://e/p> <http://e/o> .\n", "in.nq:1: column 1: subject <s> is not an absolute IRI"},
		{"unclosed literal", good + "<http://e/s> <http://e/p> \"open .\n", "in.nq:2: column 27: literal has no closing quote"},
		{"bad escape", "<http://e/s> <http://e/p> \"a\\qb\" .\n", "in.nq:1: column 29: bad escape"},
		{"trailing text", "<http://e/s> <http://e/p> <http://e/o> . extra\n", "in.nq:1: column 42: unexpected text"},
		{"literal label", "<http://e/s> <http://e/p> <http://e/o> \"g\" .\n", "in.nq:1: column 40: expected graph label"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t)
			_, err := importText(t, st, "in.nq", tc.text)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
			if n := len(storeQuads(t, st)); n != 0 {
				t.Errorf("a failed import wrote %d quads", n)
			}
		})
	}
}

// TestImportBatches loads several batches, with quads repeated inside a
// batch and across batches, and checks every distinct quad landed once.
func TestImportBatches(t *testing.T) {
	smallBatches(t, 100)
	var b strings.Builder
	const n = 1050
	for i := range n {
		// The quad repeats every 70 lines: within a batch and across them.
		k := i % 70
		b.WriteString("<http://e/s" + strconv.Itoa(k%7) + "> <http://e/p> \"v" + strconv.Itoa(k) + "\" <http://e/g" + strconv.Itoa(k%2) + "> .\n")
	}
	st := newStore(t)
	got, err := importText(t, st, "big.nq", b.String())
	if err != nil {
		t.Fatal(err)
	}
	if got != n {
		t.Errorf("read %d, want %d", got, n)
	}
	distinct := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		distinct[l] = true
	}
	if stored := len(storeQuads(t, st)); stored != len(distinct) {
		t.Errorf("store has %d quads, want %d", stored, len(distinct))
	}
}

// TestImportReadOnly refuses to write through a read-only handle.
func TestImportReadOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	st, err := graph.Open(graph.Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	ro, err := graph.Open(graph.Options{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := importText(t, ro, "x.nq", "<http://e/s> <http://e/p> <http://e/o> .\n"); err == nil {
		t.Error("import into a read-only store: no error")
	}
}

// TestCayleyLoad: Cayley's own loader accepts the N-Quads export, and the
// store it builds holds the same number of quads. Needs a cayley binary
// (KGB_CAYLEY_BIN, or cayley on PATH); see README-section.md to build one.
func TestCayleyLoad(t *testing.T) {
	bin := os.Getenv("KGB_CAYLEY_BIN")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("cayley"); err != nil {
			t.Skip("no cayley binary (set KGB_CAYLEY_BIN or put cayley on PATH); skipping the `cayley load` check")
		}
	}
	st := sampleStore(t)
	out, n := export(t, st, ExportOptions{Format: NQuads})
	file := writeTemp(t, "export.nq", out)
	dir := filepath.Join(t.TempDir(), "cayley")
	cmd := exec.Command(bin, "load", "--init", "--db", "bolt", "--dbpath", dir, "--load", file)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("cayley load: %v\n%s", err, msg)
	}
	loaded, err := graph.Open(graph.Options{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatalf("open the store cayley built: %v", err)
	}
	defer loaded.Close()
	if got := len(storeQuads(t, loaded)); got != n {
		t.Errorf("cayley loaded %d quads, the export has %d", got, n)
	}

	// The other way round: Cayley reads a store kgb built.
	kdir := filepath.Join(t.TempDir(), "kgb")
	ks, err := graph.Open(graph.Options{Path: kdir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ks.PutArticles(sampleResults()); err != nil {
		t.Fatal(err)
	}
	want := len(storeQuads(t, ks))
	ks.Close()
	dump := filepath.Join(t.TempDir(), "dump.nq")
	if msg, err := exec.Command(bin, "dump", "--db", "bolt", "--dbpath", kdir, "--dump", dump).CombinedOutput(); err != nil {
		t.Fatalf("cayley dump of a kgb store: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(b), "\n"); got != want {
		t.Errorf("cayley dumped %d quads of a kgb store holding %d", got, want)
	}
}
