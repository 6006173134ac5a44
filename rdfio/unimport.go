package rdfio

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/graph"
)

// RemoveImport deletes the quads an earlier Import of the file name put in
// its own graph (ImportLabel), i.e. the ones that had no graph label in the
// file, and returns how many it removed. Quads the file gave a label of
// their own are not touched: remove those through their own graph.
//
// Deletes go in transactions of ImportBatch quads, so memory stays flat;
// if the store fails part-way, the quads removed so far stay removed and
// running it again finishes the job.
func RemoveImport(ctx context.Context, st *graph.Store, name string) (int, error) {
	if st.ReadOnly() {
		return 0, fmt.Errorf("remove import %s: the store is open read-only", name)
	}
	label := ImportLabel(st.Vocab(), name)
	qs := st.QuadStore()
	removed := 0
	for {
		ref, err := qs.ValueOf(label)
		if err != nil {
			return removed, fmt.Errorf("remove import %s: %w", name, err)
		}
		if ref == nil {
			return removed, nil
		}
		// Collect one batch, delete it, and scan again: deleting under a
		// running iterator is not something every backend supports.
		batch := make([]cgraph.Delta, 0, batchSize)
		errFull := fmt.Errorf("batch full")
		err = scan(ctx, qs, qs.QuadIterator(quad.Label, ref), func(q quad.Quad) error {
			batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			if len(batch) == batchSize {
				return errFull
			}
			return nil
		})
		if err != nil && err != errFull {
			return removed, fmt.Errorf("remove import %s: %w", name, err)
		}
		if len(batch) == 0 {
			return removed, nil
		}
		if err := qs.ApplyDeltas(batch, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
			return removed, fmt.Errorf("remove import %s: %w", name, err)
		}
		removed += len(batch)
	}
}
