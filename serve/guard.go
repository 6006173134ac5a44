package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// writePaths are the endpoints that change the store. Cayley's API also
// refuses them when read-only; checking here as well keeps a read-only
// server read-only whatever routes a Cayley upgrade adds under these
// prefixes, and answers before a large upload is read.
var writePaths = []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete", "/api/v1/write", "/api/v1/delete"}

func denyWrites(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, p := range writePaths {
			if r.URL.Path == p || strings.HasPrefix(r.URL.Path, p+"/") {
				jsonError(w, http.StatusForbidden, "database is read-only (start kgb serve with --writable to allow writes)")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// limitBody answers 413 to a body over max bytes. The body is read here
// in full because Cayley's handlers turn a failed read into a 400 (or,
// for queries, silently cut the query at 1 MiB).
func limitBody(next http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			jsonError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body of %d bytes is over the limit of %d", r.ContentLength, max))
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			data, err := io.ReadAll(io.LimitReader(r.Body, max+1))
			r.Body.Close()
			if err != nil {
				jsonError(w, http.StatusBadRequest, "reading request body: "+err.Error())
				return
			}
			if int64(len(data)) > max {
				jsonError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is over the limit of %d bytes", max))
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(data))
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHostOnly refuses requests whose Host is not a loopback name. A
// server bound to 127.0.0.1 is otherwise open to any web page the user
// visits through DNS rebinding (a hostile name re-pointed at 127.0.0.1).
func loopbackHostOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		if !isLoopback(host) {
			jsonError(w, http.StatusMisdirectedRequest, "this server only answers requests addressed to localhost")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func jsonError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// statusRecorder keeps what the access log reports.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(p []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(p)
	s.bytes += int64(n)
	return n, err
}

// Flush lets streamed responses (quad dumps) reach the client as they go.
func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// logRequests writes one line per request: time, remote address, method,
// path, status, response bytes, duration.
func logRequests(next http.Handler, log io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		fmt.Fprintf(log, "%s %s %s %s %d %dB %s\n", start.UTC().Format(time.RFC3339), r.RemoteAddr, r.Method,
			r.URL.RequestURI(), rec.status, rec.bytes, time.Since(start).Round(time.Microsecond))
	})
}

// syncWriter serialises writes from concurrent requests so log lines
// don't interleave.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func newSyncWriter(w io.Writer) io.Writer {
	if _, ok := w.(*syncWriter); ok {
		return w
	}
	return &syncWriter{w: w}
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
