package rdfio

import (
	"slices"
	"testing"

	"github.com/kgbgraph/kgb/graph"
	"github.com/kgbgraph/kgb/internal/pgtest"
)

// pgStore opens a store in a fresh schema of the database that
// KGB_TEST_POSTGRES_URL names (the schema is dropped afterwards, so reruns
// start clean), or skips the test when the variable is unset.
func pgStore(t *testing.T) *graph.Store {
	t.Helper()
	pgURL := pgtest.SchemaURL(t, "export/import over PostgreSQL")
	st, err := graph.Open(graph.Options{Path: pgURL})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestPostgresExport: the same articles built into Bolt and PostgreSQL
// export the same quads and the same Turtle triples, and an import into
// PostgreSQL round-trips.
func TestPostgresExport(t *testing.T) {
	pg := pgStore(t)
	if _, err := pg.PutArticles(sampleResults()); err != nil {
		t.Fatal(err)
	}
	bolt := newStore(t)
	if _, err := bolt.PutArticles(sampleResults()); err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{NQuads, Turtle, Dot} {
		fromPG, n := export(t, pg, ExportOptions{Format: f})
		fromBolt, m := export(t, bolt, ExportOptions{Format: f})
		if n != m {
			t.Errorf("%s: PostgreSQL wrote %d statements, Bolt %d", f, n, m)
		}
		if f == NQuads && !slices.Equal(sortedLines(fromPG), sortedLines(fromBolt)) {
			t.Errorf("N-Quads differ:\n%s", diffLines(sortedLines(fromBolt), sortedLines(fromPG)))
		}
	}
	nq, n := export(t, bolt, ExportOptions{Format: NQuads})
	dst := pgStore(t)
	if got, err := importText(t, dst, "bolt.nq", nq); err != nil || got != n {
		t.Fatalf("import into PostgreSQL: %d, %v", got, err)
	}
	back, _ := export(t, dst, ExportOptions{Format: NQuads})
	if !slices.Equal(sortedLines(back), sortedLines(nq)) {
		t.Errorf("PostgreSQL round trip differs:\n%s", diffLines(sortedLines(nq), sortedLines(back)))
	}
}
