package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sort"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// shapeHandler answers the UI's "Query Shape" view (POST
// /api/v1/shape/{lang}, the query as body) with the shape tree Cayley
// builds for the query: {"shapes": [tree, ...]}, one tree per traversal
// the query runs. Cayley's own handler for this is internal (and answers
// "deprecated"); this one gets the trees from Cayley's public shape API by
// running the query, limited to one row, over a store wrapper that records
// the shapes handed to the store's optimizer.
type shapeHandler struct {
	qs      cgraph.QuadStore
	timeout time.Duration
}

func (h *shapeHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	lang := r.PathValue("lang")
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		jsonError(w, http.StatusBadRequest, fmt.Sprintf("unknown query language %q", lang))
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		jsonError(w, http.StatusBadRequest, "reading query: "+err.Error())
		return
	}
	if len(body) == 0 {
		jsonError(w, http.StatusBadRequest, "query is empty")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	rec := &shapeRecorder{QuadStore: h.qs}
	if err := runOnce(ctx, l.Session(rec), string(body)); err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	roots := rec.shapes()
	trees := make([]any, 0, len(roots))
	for _, s := range roots {
		trees = append(trees, describeShape(h.qs, reflect.ValueOf(s), 0))
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	enc.Encode(map[string]any{"shapes": trees})
}

// runOnce runs the query far enough to build its iterators: one row.
func runOnce(ctx context.Context, ses query.Session, qu string) error {
	it, err := ses.Execute(ctx, qu, query.Options{Collation: query.JSON, Limit: 1})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Next(ctx) {
	}
	return it.Err()
}

// shapeRecorder is a QuadStore that sees every shape node the optimizer
// visits (children before parents) and keeps the roots: a node replaces
// the recorded nodes it contains. It leaves shapes unoptimized for the
// store, because store-specific shapes (kv index scans) only build on the
// store itself, not on a wrapper.
type shapeRecorder struct {
	cgraph.QuadStore
	mu    sync.Mutex
	roots []shape.Shape
}

// maxRecorded bounds the work for a query with very many traversals
// (a Gizmo loop); later ones are not shown.
const maxRecorded = 200

func (r *shapeRecorder) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.roots) >= maxRecorded {
		return s, false
	}
	kept := r.roots[:0]
	for _, old := range r.roots {
		if !containsShape(reflect.ValueOf(s), old, 0) {
			kept = append(kept, old)
		}
	}
	r.roots = append(kept, s)
	return s, false
}

// shapes are the roots recorded so far. The query's goroutine may still be
// winding down after an early stop, hence the lock.
func (r *shapeRecorder) shapes() []shape.Shape {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]shape.Shape(nil), r.roots...)
}

var shapeType = reflect.TypeOf((*shape.Shape)(nil)).Elem()

// containsShape reports whether sub is s or a shape nested in s.
func containsShape(v reflect.Value, sub shape.Shape, depth int) bool {
	if !v.IsValid() || depth > 64 {
		return false
	}
	if v.CanInterface() && v.Type().Implements(shapeType) {
		if x, ok := v.Interface().(shape.Shape); ok && reflect.DeepEqual(x, sub) {
			return true
		}
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		return !v.IsNil() && containsShape(v.Elem(), sub, depth+1)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && containsShape(v.Field(i), sub, depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if containsShape(v.Index(i), sub, depth+1) {
				return true
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if containsShape(it.Value(), sub, depth+1) {
				return true
			}
		}
	}
	return false
}

var (
	refType   = reflect.TypeOf((*cgraph.Ref)(nil)).Elem()
	valueType = reflect.TypeOf((*quad.Value)(nil)).Elem()
)

// describeShape turns a shape tree into JSON-friendly maps: each node is
// {"type": name, exported fields...}, store refs become the node values
// they stand for, so the tree reads in the graph's own terms.
func describeShape(qs cgraph.QuadStore, v reflect.Value, depth int) any {
	if !v.IsValid() || depth > 64 {
		return nil
	}
	if (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && v.IsNil() {
		return nil
	}
	if v.CanInterface() {
		switch {
		case v.Type().Implements(valueType):
			return quad.StringOf(v.Interface().(quad.Value))
		case v.Type().Implements(refType):
			ref := v.Interface().(cgraph.Ref)
			if name, err := qs.NameOf(ref); err == nil && name != nil {
				return quad.StringOf(name)
			}
			return fmt.Sprint(ref.Key())
		case v.Type() == reflect.TypeOf(quad.Direction(0)):
			return v.Interface().(quad.Direction).String()
		}
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		return describeShape(qs, v.Elem(), depth+1)
	case reflect.Struct:
		m := map[string]any{"type": v.Type().Name()}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if d := describeShape(qs, v.Field(i), depth+1); !isEmpty(d) {
				m[f.Name] = d
			}
		}
		return m
	case reflect.Slice, reflect.Array:
		items := make([]any, 0, v.Len())
		for i := 0; i < v.Len(); i++ {
			items = append(items, describeShape(qs, v.Index(i), depth+1))
		}
		if v.Type().Implements(shapeType) {
			// Intersect, Union, Fixed… are slice types: keep their name.
			return map[string]any{"type": v.Type().Name(), "items": items}
		}
		return items
	case reflect.Map:
		m := map[string]any{}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			key := describeShape(qs, k, depth+1)
			m[fmt.Sprint(key)] = describeShape(qs, v.MapIndex(k), depth+1)
		}
		return m
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return nil
	}
	if v.CanInterface() {
		return v.Interface()
	}
	return nil
}

func isEmpty(d any) bool {
	switch d := d.(type) {
	case nil:
		return true
	case []any:
		return len(d) == 0
	case map[string]any:
		return len(d) == 0
	}
	return false
}
