package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo" // registers "gizmo"
)

// DefaultQueryLimit bounds Query results when no limit is given.
const DefaultQueryLimit = 1000

// Query runs a query in one of Cayley's languages (lang "gizmo" when empty)
// and returns its results as JSON-ready values: maps of tag → value for
// All()/Tag queries, plain values for ToArray/Emit. IRIs come back as
// "<…>" strings, numbers and booleans as JSON numbers and booleans. Every
// call gets its own session (a Gizmo session cannot be reused once its
// results are closed). The query stops when ctx is done.
func (s *Store) Query(ctx context.Context, lang, text string, limit int) ([]any, error) {
	if lang == "" {
		lang = "gizmo"
	}
	if limit <= 0 {
		limit = DefaultQueryLimit
	}
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return nil, fmt.Errorf("unknown query language %q", lang)
	}
	it, err := l.Session(s.qs).Execute(ctx, text, query.Options{Limit: limit, Collation: query.JSON})
	if err != nil {
		return nil, fmt.Errorf("%s query: %w", lang, err)
	}
	defer it.Close()
	out := []any{}
	for len(out) < limit && it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("%s query: %w", lang, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s query: %w", lang, err)
	}
	return out, nil
}
