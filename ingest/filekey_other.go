//go:build !unix

package ingest

import (
	"os"
	"path/filepath"
)

// fileKey identifies a file by its absolute, link-resolved path where the
// system gives no device and inode numbers.
type fileKey struct{ path string }

func keyOf(path string, _ os.FileInfo) fileKey {
	if p, err := filepath.Abs(path); err == nil {
		path = p
	}
	if p, err := filepath.EvalSymlinks(path); err == nil {
		path = p
	}
	return fileKey{path: path}
}
