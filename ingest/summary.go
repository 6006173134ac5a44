package ingest

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// FileError is one file (or folder) that could not be ingested, and why.
type FileError struct {
	Path string
	Err  error
}

func (e FileError) Error() string { return e.Path + ": " + reason(e.Path, e.Err) }

func (e FileError) Unwrap() error { return e.Err }

// reason is err's message without a leading "path: ", which the extractor's
// errors carry and a FileError line already has.
func reason(path string, err error) string {
	if err == nil {
		return "unknown error"
	}
	msg := err.Error()
	return strings.TrimPrefix(msg, path+": ")
}

// Summary counts what a Run did.
type Summary struct {
	Files     int // article files found, plus paths that could not be walked (Failed counts both)
	Articles  int // articles extracted and stored
	Skipped   int // unchanged since the last build, not extracted again
	Failed    int // files and folders that could not be ingested
	Entities  int // entities, relations and metrics of the stored articles, summed per article
	Relations int
	Metrics   int
	Quads     int // quads written
	Errors    []FileError
	Elapsed   time.Duration
}

// maxListedErrors caps the failures repeated in the summary: a folder
// with thousands of bad files has already logged each one.
const maxListedErrors = 20

// WriteText writes the end-of-build report: what was stored, how fast, and
// the failures again (they scrolled by during the run).
func (s *Summary) WriteText(w io.Writer) {
	secs := s.Elapsed.Seconds()
	rate := func(n int) string {
		if secs <= 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f", float64(n)/secs)
	}
	fmt.Fprintf(w, "files:     %d (%d stored, %d unchanged, %d failed)\n", s.Files, s.Articles, s.Skipped, s.Failed)
	// Per-article counts: the same company in two articles counts twice;
	// `kgb stats` tells distinct nodes.
	fmt.Fprintf(w, "entities:  %d (per article, summed)\nrelations: %d\nmetrics:   %d\nquads:     %d written\n", s.Entities, s.Relations, s.Metrics, s.Quads)
	fmt.Fprintf(w, "time:      %s (%s articles/s, %s quads/s)\n", s.Elapsed.Round(time.Millisecond), rate(s.Articles), rate(s.Quads))
	if len(s.Errors) > 0 {
		fmt.Fprintf(w, "errors:    %d\n", len(s.Errors))
		for _, e := range s.Errors[:min(len(s.Errors), maxListedErrors)] {
			fmt.Fprintf(w, "  %s\n", e.Error())
		}
		if n := len(s.Errors) - maxListedErrors; n > 0 {
			fmt.Fprintf(w, "  … and %d more (one line each in the log above)\n", n)
		}
	}
}
