// Package graph stores extraction results as quads in Cayley and answers
// questions about them. Every quad is labelled with its article's IRI, so an
// article can be replaced or deleted whole; a batch of articles is written
// in one transaction. Layout (see ../shared/SCHEMA.md "In the graph"):
//
//	article  rdf:type schema/Article; dc:title "…"@zh; dc:date; dc:creator;
//	         dc:subject; dc:source; schema/hash; schema/mentions → entity
//	entity   rdf:type schema/<Type>; rdfs:label "name"@zh;
//	         skos:altLabel "alias"@zh; schema/key "normalised name or alias"
//	relation subject —schema/<predicate>→ object, plus a statement node:
//	         rdf:type schema/Statement; schema/subject, /predicate, /object;
//	         qualifiers rank, rankUpTo (xsd:integer), round, unit, role,
//	         value (xsd:decimal); schema/evidence "…"@zh; schema/article
//	metric   subject —schema/hasMetric→ node: rdf:type schema/Metric;
//	         schema/measure "…"@zh; value (xsd:decimal); unit; period;
//	         approx (xsd:boolean); schema/evidence; schema/article
//
// Lookups start from a node found by value (the name key, an IRI) and walk
// index prefixes; nothing here scans the whole store.
package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/kgbgraph/kgb/schema"
)

// BoltFile is the file inside a store directory that holds the Bolt
// database. It is the name Cayley's own bbolt backend uses, so `cayley
// --db bbolt --dbpath DIR` reads a kgb store and the reverse.
const BoltFile = "indexes.bolt"

// DefaultLockTimeout is how long Open waits for another process to release
// the store before it gives up. Cayley itself waits forever.
const DefaultLockTimeout = 1500 * time.Millisecond

// Options says which store to open and how.
type Options struct {
	// Path is a directory for the embedded Bolt store, or a postgres:// URL.
	Path string
	// ReadOnly opens a Bolt store with a shared lock, so several readers can
	// use it at once; writes then fail.
	ReadOnly bool
	// LockTimeout bounds the wait for another process's lock (default 2 s).
	LockTimeout time.Duration
	// Base is the IRI base of entities and predicates (schema.DefaultBase
	// when empty).
	Base string
	// ReportLimit bounds how many relation statements, and separately how
	// many metrics, one Lookup reads; the rest are counted. Hubs then answer
	// in tens of milliseconds. 0 means DefaultReportLimit, negative no limit.
	ReportLimit int
	// MappedLimit bounds how much of a writable Bolt store the process keeps
	// mapped in memory between write transactions (see trimMapped); 0 means
	// DefaultMappedLimit, negative no limit.
	MappedLimit int64
}

// DefaultReportLimit is the ReportLimit when none is set.
const DefaultReportLimit = 300

// Store is an open kgb graph.
type Store struct {
	qs       graph.QuadStore
	vocab    schema.Vocab
	path     string
	readOnly bool

	reportLimit int
	// labelIndexed: the article's quads about one subject can be read
	// through an index (see index.go).
	labelIndexed bool
	// predIndexed: quads with a given subject or object and predicate can
	// be read without the node's other quads (see read.go).
	predIndexed bool

	// kv is the Bolt database under qs (nil on SQL), kept so that writes
	// can span several ApplyDeltas calls (see batch.go).
	kv      *batchKV
	kvOpts  graph.Options
	writeMu sync.Mutex // one write (read stored, diff, apply) at a time

	mappedLimit int64 // see trimMapped
	mappedTrims int   // how often the mapping was trimmed, for tests
}

// ErrInUse is returned (wrapped) when another process holds the store.
var ErrInUse = errors.New("store is in use by another process")

// Open opens the store at opts.Path, creating an embedded store when none
// exists and the open is not read-only.
func Open(opts Options) (*Store, error) {
	if opts.Path == "" {
		return nil, errors.New("no store path given")
	}
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	if opts.ReportLimit == 0 {
		opts.ReportLimit = DefaultReportLimit
	}
	if opts.MappedLimit == 0 {
		opts.MappedLimit = DefaultMappedLimit
	}
	s := &Store{vocab: schema.NewVocab(opts.Base), path: opts.Path, readOnly: opts.ReadOnly, reportLimit: opts.ReportLimit, mappedLimit: opts.MappedLimit}
	var err error
	if isSQLURL(opts.Path) {
		s.qs, err = openSQL(opts)
		s.labelIndexed = true // openSQL creates it
		s.predIndexed = true  // one SQL query on indexed columns
	} else {
		s.qs, s.kv, err = openBolt(opts)
		s.kvOpts = boltOptions
		if err == nil {
			var list []kv.QuadIndex
			if list, err = storeIndexes(s.kv); err != nil {
				s.qs.Close()
				err = fmt.Errorf("store %s: %w", opts.Path, err)
			}
			s.labelIndexed = hasIndex(list, labelIndex)
			s.predIndexed = hasIndex(list, spIndex) && hasIndex(list, opsIndex)
		}
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

func isSQLURL(p string) bool {
	return strings.HasPrefix(p, "postgres://") || strings.HasPrefix(p, "postgresql://")
}

// openBolt opens the Bolt file itself rather than through Cayley's registry:
// Cayley's bbolt backend has no lock timeout (a second process would hang)
// and no read-only mode.
func openBolt(opts Options) (graph.QuadStore, *batchKV, error) {
	file := filepath.Join(opts.Path, BoltFile)
	_, statErr := os.Stat(file)
	fresh := errors.Is(statErr, os.ErrNotExist)
	if fresh && opts.ReadOnly {
		return nil, nil, fmt.Errorf("store %s: no kgb store there (run `kgb build` first)", opts.Path)
	}
	if fresh {
		if err := os.MkdirAll(opts.Path, 0o755); err != nil {
			return nil, nil, fmt.Errorf("store %s: %w", opts.Path, err)
		}
	}
	db, err := hbolt.Open(file, &bolt.Options{Timeout: opts.LockTimeout, ReadOnly: opts.ReadOnly})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, nil, fmt.Errorf("store %s: %w%s", opts.Path, ErrInUse, holderNote(opts.Path))
		}
		return nil, nil, fmt.Errorf("store %s: %w", opts.Path, err)
	}
	b := &batchKV{KV: db}
	gopts := boltOptions
	if fresh {
		if err := kv.Init(b, gopts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			db.Close()
			return nil, nil, fmt.Errorf("store %s: init: %w", opts.Path, err)
		} else if err == nil {
			if err := addLabelIndex(db); err != nil {
				db.Close()
				return nil, nil, fmt.Errorf("store %s: %w", opts.Path, err)
			}
		}
	}
	qs, err := kv.New(b, gopts)
	if err != nil {
		db.Close()
		if errors.Is(err, graph.ErrNotInitialized) {
			return nil, nil, fmt.Errorf("store %s: not a kgb store", opts.Path)
		}
		return nil, nil, fmt.Errorf("store %s: %w", opts.Path, err)
	}
	writeHolder(opts.Path, opts.ReadOnly)
	return qs, b, nil
}

// boltOptions open Cayley's kv layer without its bloom filter, which would
// read every quad on open.
var boltOptions = graph.Options{kv.OptNoBloom: true}

// QuadStore is the underlying Cayley store, for query languages and the
// HTTP server.
func (s *Store) QuadStore() graph.QuadStore { return s.qs }

// Vocab is the store's IRI vocabulary.
func (s *Store) Vocab() schema.Vocab { return s.vocab }

// Location is where the store lives: its directory, or its database URL
// with any password hidden, fit for messages.
func (s *Store) Location() string {
	if isSQLURL(s.path) {
		return redactURL(s.path)
	}
	return s.path
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close releases the store and its lock.
func (s *Store) Close() error {
	if s.qs == nil {
		return nil
	}
	if !isSQLURL(s.path) {
		removeHolder(s.path, s.readOnly)
	}
	err := s.qs.Close()
	s.qs = nil
	return err
}
