// Package serve exposes a kgb store over HTTP: Cayley's API v2 (query,
// read, formats, write/delete), Cayley's web UI with its editor served from
// kgb itself (no CDN), the UI's "Query Shape" endpoint and a health check.
package serve

import (
	"io"
	"time"
)

// Defaults for the zero fields of Options.
const (
	DefaultAddr         = "127.0.0.1:64210"
	DefaultQueryTimeout = 30 * time.Second
	DefaultMaxBodyBytes = 1 << 20
	DefaultQueryLimit   = 1000
)

// Options configures the server. The zero value is a read-only server on
// DefaultAddr with the defaults above and no request log.
type Options struct {
	// Addr is the listen address (host:port).
	Addr string
	// Writable enables the write and delete endpoints; otherwise they
	// answer 403, whatever mode the store was opened in.
	Writable bool
	// QueryTimeout stops a query that runs longer (including a Gizmo
	// script stuck in a loop).
	QueryTimeout time.Duration
	// MaxBodyBytes is the largest request body accepted; larger ones get 413.
	MaxBodyBytes int64
	// QueryLimit is the most rows one query returns. Cayley's own default
	// of 100 cuts off ordinary listings, hence the higher default here.
	QueryLimit int
	// Log receives one line per request, and warnings. Nil discards them.
	Log io.Writer
}

func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.QueryLimit <= 0 {
		o.QueryLimit = DefaultQueryLimit
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	return o
}
