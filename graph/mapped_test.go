package graph

import (
	"runtime"
	"strings"
	"testing"

	"github.com/kgbgraph/kgb/extract"
)

// TestTrimMappedKeepsData writes the same batches into a store that drops
// its mapped pages after every write and into one that never does: the
// trimmed store must read back exactly the same, before and after trims.
func TestTrimMappedKeepsData(t *testing.T) {
	open := func(limit int64) *Store {
		st, err := Open(Options{Path: t.TempDir(), MappedLimit: limit})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	trimmed, plain := open(1), open(-1)
	for batch := 0; batch < 4; batch++ {
		var rs []*extract.Result
		for i := batch * 25; i < (batch+1)*25; i++ {
			rs = append(rs, synthetic(i, 60))
		}
		for _, st := range []*Store{trimmed, plain} {
			if _, err := st.PutArticles(rs); err != nil {
				t.Fatal(err)
			}
		}
		if a, b := quadCount(t, trimmed), quadCount(t, plain); a != b {
			t.Fatalf("batch %d: trimmed store has %d quads, untrimmed %d", batch, a, b)
		}
		ra, err := trimmed.Lookup("公司7")
		if err != nil {
			t.Fatal(err)
		}
		rb, err := plain.Lookup("公司7")
		if err != nil {
			t.Fatal(err)
		}
		var ta, tb strings.Builder
		if err := ra.WriteText(&ta); err != nil {
			t.Fatal(err)
		}
		if err := rb.WriteText(&tb); err != nil {
			t.Fatal(err)
		}
		if ta.String() != tb.String() {
			t.Fatalf("batch %d: lookups differ:\n%s\n---\n%s", batch, ta.String(), tb.String())
		}
	}
	if runtime.GOOS == "linux" && trimmed.mappedTrims == 0 {
		t.Error("a 1-byte limit never trimmed the mapping")
	}
	if plain.mappedTrims != 0 {
		t.Errorf("a negative limit trimmed %d times", plain.mappedTrims)
	}
}
