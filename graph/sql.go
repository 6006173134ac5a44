package graph

import (
	"database/sql"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" backend and lib/pq
)

// openSQL opens (creating on first use) a store in PostgreSQL through
// Cayley's SQL backend. Cayley's ApplyDeltas there is one SQL transaction
// that resolves nodes by hash, so a batch of deletes and adds is atomic.
func openSQL(opts Options) (graph.QuadStore, error) {
	const backend = "postgres"
	where := redactURL(opts.Path)
	db, err := sql.Open("postgres", opts.Path)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", where, err)
	}
	defer db.Close()
	// Ask first: Cayley's init logs an error when the tables exist.
	var exists bool
	if err := db.QueryRow(`SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, fmt.Errorf("store %s: %w", where, err)
	}
	gopts := graph.Options{}
	switch {
	case !exists && opts.ReadOnly:
		return nil, fmt.Errorf("store %s: no kgb store there (run `kgb build` first)", where)
	case !exists:
		if err := graph.InitQuadStore(backend, opts.Path, gopts); err != nil && err != graph.ErrDatabaseExists {
			return nil, fmt.Errorf("store %s: init: %w", where, err)
		}
	}
	if !opts.ReadOnly {
		// Cayley's tables index subject, predicate and object only; finding
		// an article's quads by label would read them all.
		if _, err := db.Exec(`CREATE INDEX IF NOT EXISTS kgb_label_index ON quads (label_hash)`); err != nil {
			return nil, fmt.Errorf("store %s: label index: %w", where, err)
		}
	}
	qs, err := graph.NewQuadStore(backend, opts.Path, gopts)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", where, err)
	}
	return qs, nil
}
