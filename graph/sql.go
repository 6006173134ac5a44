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
	gopts := graph.Options{}
	if err := graph.InitQuadStore(backend, opts.Path, gopts); err != nil && err != graph.ErrDatabaseExists {
		return nil, fmt.Errorf("store %s: init: %w", redactURL(opts.Path), err)
	}
	if !opts.ReadOnly {
		if err := addSQLLabelIndex(opts.Path); err != nil {
			return nil, fmt.Errorf("store %s: %w", redactURL(opts.Path), err)
		}
	}
	qs, err := graph.NewQuadStore(backend, opts.Path, gopts)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", redactURL(opts.Path), err)
	}
	return qs, nil
}

// addSQLLabelIndex adds the index that finds an article's quads by label;
// Cayley's tables index subject, predicate and object only.
func addSQLLabelIndex(url string) error {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE INDEX IF NOT EXISTS kgb_label_index ON quads (label_hash)`); err != nil {
		return fmt.Errorf("label index: %w", err)
	}
	return nil
}
