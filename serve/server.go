package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"

	// The query languages the UI offers; each registers itself.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"

	"github.com/kgbgraph/kgb/graph"
)

// writeBatch is how many quads one write request commits at a time;
// ~10k per transaction loads fastest (see CAYLEY-NOTES).
const writeBatch = 10000

// New returns the HTTP handler for st: Cayley's API v2 under /api/v2/,
// the query shape under /api/v1/shape/, /health, and the web UI at /.
func New(st *graph.Store, opts Options) (http.Handler, error) {
	if st == nil || st.QuadStore() == nil {
		return nil, errors.New("serve: no open store")
	}
	opts = opts.withDefaults()
	if opts.Writable && st.ReadOnly() {
		return nil, fmt.Errorf("serve: store %s is open read-only, cannot serve it writable", st.Location())
	}
	qs := st.QuadStore()
	// Re-adding a quad the store has, or deleting one it lacks, is what a
	// user re-uploading a file means; Cayley's default fails the whole batch.
	wopts := cgraph.Options{"ignore_duplicate": true, "ignore_missing": true}
	qw, err := cgraph.NewQuadWriter("single", qs, wopts)
	if err != nil {
		return nil, fmt.Errorf("serve: store %s: %w", st.Location(), err)
	}
	api := cayleyhttp.NewAPIv2Writer(&cgraph.Handle{QuadStore: qs, QuadWriter: qw}, "single", wopts)
	api.SetReadOnly(!opts.Writable)
	api.SetQueryTimeout(opts.QueryTimeout)
	api.SetQueryLimit(opts.QueryLimit)
	api.SetBatchSize(writeBatch)

	ui, err := newUI()
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/v2/", api)
	mux.Handle("POST /api/v1/shape/{lang}", &shapeHandler{qs: qs, timeout: opts.QueryTimeout})
	mux.Handle("GET /health", &healthHandler{st: st})
	mux.Handle("/", ui)

	h := limitBody(mux, opts.MaxBodyBytes)
	if !opts.Writable {
		h = denyWrites(h)
	}
	if host, _, err := net.SplitHostPort(opts.Addr); err == nil && isLoopback(host) {
		h = loopbackHostOnly(h)
	}
	return logRequests(h, newSyncWriter(opts.Log)), nil
}

// ListenAndServe serves st on opts.Addr until ctx is done, then cancels
// running queries, waits (at most 5 s) for their responses to be written
// and returns nil. It warns on opts.Log when the address is not loopback.
func ListenAndServe(ctx context.Context, st *graph.Store, opts Options) error {
	opts = opts.withDefaults()
	opts.Log = newSyncWriter(opts.Log)
	h, err := New(st, opts)
	if err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(opts.Addr)
	if err != nil {
		return fmt.Errorf("serve: address %q: %w", opts.Addr, err)
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if !isLoopback(host) {
		risk := "read the whole graph"
		if opts.Writable {
			risk = "read and change the whole graph"
		}
		fmt.Fprintf(opts.Log, "WARNING: listening on %s, which other machines can reach; the API has no authentication: anyone who can connect can %s\n", ln.Addr(), risk)
	}
	mode := "read-only"
	if opts.Writable {
		mode = "writable"
	}
	fmt.Fprintf(opts.Log, "serving store %s (%s) at http://%s/\n", st.Location(), mode, ln.Addr())

	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Queries derive their context from ctx (BaseContext), so they are
	// already cancelled; the grace period only covers writing responses.
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	<-served
	return nil
}

// isLoopback reports whether host (from host:port) only accepts local
// connections. An empty host means every interface.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
