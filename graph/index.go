package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// labelIndex lets an article's quads be found by their label. Cayley's
// default indexes (subject-predicate, object-predicate-subject) have none,
// so replacing or deleting an article would read every quad in the store.
// Subject follows the label so that the lists Cayley intersects when it
// checks whether a quad exists stay short.
var labelIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Label, quad.Subject}}

// addLabelIndex records the label index in a freshly initialised store,
// before any quad is written (an index added later would miss older quads).
// Cayley reads the list of indexes from the same metadata key on open, so
// stores made this way stay readable by Cayley itself. Its own way to set
// indexes (CAYLEY_KV_INDEXES) cannot work: it decodes into unexported fields.
func addLabelIndex(db hkv.KV) error {
	all := append(append([]kv.QuadIndex(nil), kv.DefaultQuadIndexes...), labelIndex)
	data, err := json.Marshal(all)
	if err != nil {
		return err
	}
	var bucket []byte
	for _, d := range labelIndex.Dirs {
		bucket = append(bucket, d.Prefix())
	}
	ctx := context.Background()
	err = hkv.Update(ctx, db, func(tx hkv.Tx) error {
		if err := hkv.CreateBucket(ctx, tx, hkv.Key{bucket}); err != nil {
			return err
		}
		return tx.Put(ctx, hkv.SKey("meta", "indexes"), data)
	})
	if err != nil {
		return fmt.Errorf("add label index: %w", err)
	}
	return nil
}

// storeIndexes reads the list of quad indexes a Bolt store keeps (stores
// made before kgb added the label index lack it).
func storeIndexes(db hkv.KV) ([]kv.QuadIndex, error) {
	ctx := context.Background()
	var list []kv.QuadIndex
	err := hkv.View(ctx, db, func(tx hkv.Tx) error {
		data, err := tx.Get(ctx, hkv.SKey("meta", "indexes"))
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		return json.Unmarshal(data, &list)
	})
	if err != nil {
		return nil, fmt.Errorf("read index list: %w", err)
	}
	return list, nil
}

var (
	spIndex  = kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	opsIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
)

func hasIndex(list []kv.QuadIndex, ind kv.QuadIndex) bool {
	return slices.ContainsFunc(list, func(x kv.QuadIndex) bool { return slices.Equal(x.Dirs, ind.Dirs) })
}
