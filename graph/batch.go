package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// batchKV lets several ApplyDeltas calls share one Bolt transaction.
//
// Cayley's kv store loses quads when one ApplyDeltas call both adds and
// deletes: a node whose reference count goes down overall (the article IRI,
// when an article shrinks) is not resolved for the quads being added, which
// are then written with that direction empty. Deleting and adding in two
// calls avoids that, and running both inside one outer transaction keeps the
// write atomic: while a batch is open, Cayley's write transactions are the
// batch's, and their commits wait for the batch's.
type batchKV struct {
	hkv.KV
	mu     sync.Mutex
	shared hkv.Tx
}

func (b *batchKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if rw {
		b.mu.Lock()
		sh := b.shared
		b.mu.Unlock()
		if sh != nil {
			return deferredTx{sh}, nil
		}
	}
	return b.KV.Tx(ctx, rw)
}

func (b *batchKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, b, fn)
}

func (b *batchKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, b, fn)
}

// deferredTx is the batch's transaction as Cayley sees it: its commit and
// rollback are the batch's to make.
type deferredTx struct{ hkv.Tx }

func (deferredTx) Commit(context.Context) error { return nil }
func (deferredTx) Close() error                 { return nil }

// errBatchAborted is what an aborted phase leaves behind for testing.
var errBatchAborted = errors.New("batch aborted")

// testHookBetweenPhases, when set by a test, runs after the deletes of a
// batch and before its adds; an error from it aborts the batch.
var testHookBetweenPhases func() error

// applyPhases applies the delete deltas, then the add deltas, as one
// transaction. The caller holds s.writeMu. On a Bolt store any failure rolls back both and rebuilds
// Cayley's store object, whose caches may hold ids from the rolled-back
// transaction. On SQL, Cayley's ApplyDeltas is already one transaction and
// resolves nodes by hash, so both go in one call.
func (s *Store) applyPhases(del, add []graph.Delta) error {
	opts := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if s.kv == nil {
		all := append(append([]graph.Delta(nil), del...), add...)
		if len(all) == 0 {
			return nil
		}
		return s.qs.ApplyDeltas(all, opts)
	}
	ctx := context.Background()
	tx, err := s.kv.KV.Tx(ctx, true)
	if err != nil {
		return err
	}
	s.kv.mu.Lock()
	s.kv.shared = tx
	s.kv.mu.Unlock()
	err = func() error {
		if len(del) > 0 {
			if err := s.qs.ApplyDeltas(del, opts); err != nil {
				return err
			}
		}
		if testHookBetweenPhases != nil {
			if err := testHookBetweenPhases(); err != nil {
				return fmt.Errorf("%w: %w", errBatchAborted, err)
			}
		}
		if len(add) > 0 {
			if err := s.qs.ApplyDeltas(add, opts); err != nil {
				return err
			}
		}
		return nil
	}()
	s.kv.mu.Lock()
	s.kv.shared = nil
	s.kv.mu.Unlock()
	if err == nil {
		err = tx.Commit(ctx)
	}
	if err != nil {
		tx.Close()
		if qs, rerr := kv.New(s.kv, s.kvOpts); rerr == nil {
			s.qs = qs
		} else {
			err = errors.Join(err, fmt.Errorf("reopen after rollback: %w", rerr))
		}
		return err
	}
	s.trimMapped()
	return nil
}
