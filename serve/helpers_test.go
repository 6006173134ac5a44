package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/graph"
)

// newStore makes a store in a temporary directory holding quads, and
// reopens it read-only unless writable.
func newStore(t *testing.T, quads []quad.Quad, writable bool) *graph.Store {
	t.Helper()
	dir := t.TempDir()
	st, err := graph.Open(graph.Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(quads) > 0 {
		w, err := st.QuadStore().NewQuadWriter()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteQuads(quads); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if !writable {
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		if st, err = graph.Open(graph.Options{Path: dir, ReadOnly: true}); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// start serves h on a free loopback port until the test ends and returns
// its base URL.
func start(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
	return "http://" + ln.Addr().String()
}

// serveStore is New + start with loopback defaults.
func serveStore(t *testing.T, st *graph.Store, opts Options) string {
	t.Helper()
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	h, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	return start(t, h)
}

var client = &http.Client{Timeout: 20 * time.Second}

// post sends body and returns the status and the response body.
func post(t *testing.T, url, contentType, body string) (int, []byte) {
	t.Helper()
	resp, err := client.Post(url, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, data
}

func get(t *testing.T, url string) (int, []byte, http.Header) {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, data, resp.Header
}

// queryResult is Cayley's /api/v2/query answer.
type queryResult struct {
	Result []map[string]any `json:"result"`
	Error  string           `json:"error"`
}

// gizmo runs a Gizmo query and fails the test on anything but 200.
func gizmo(t *testing.T, base, q string) []map[string]any {
	t.Helper()
	code, body := post(t, base+"/api/v2/query?lang=gizmo", "application/javascript", q)
	var r queryResult
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("query answer %d is not JSON: %v\n%s", code, err, body)
	}
	if code != http.StatusOK || r.Error != "" {
		t.Fatalf("query: status %d, error %q\n%s", code, r.Error, q)
	}
	return r.Result
}

// lockedBuffer is a log sink the server and the test read concurrently.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
