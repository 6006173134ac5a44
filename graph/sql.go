package graph

import (
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" backend
)

// openSQL opens (creating on first use) a store in PostgreSQL through
// Cayley's SQL backend.
func openSQL(opts Options) (graph.QuadStore, error) {
	const backend = "postgres"
	gopts := graph.Options{}
	if err := graph.InitQuadStore(backend, opts.Path, gopts); err != nil && err != graph.ErrDatabaseExists {
		return nil, fmt.Errorf("store %s: init: %w", redactURL(opts.Path), err)
	}
	qs, err := graph.NewQuadStore(backend, opts.Path, gopts)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", redactURL(opts.Path), err)
	}
	return qs, nil
}
