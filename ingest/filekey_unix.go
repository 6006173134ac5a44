//go:build unix

package ingest

import (
	"os"
	"syscall"
)

// fileKey identifies a file or folder however it is reached (symlinks,
// "a/../a", two arguments naming the same place).
type fileKey struct{ dev, ino uint64 }

func keyOf(path string, fi os.FileInfo) fileKey {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fileKey{dev: uint64(st.Dev), ino: st.Ino}
	}
	return fileKey{}
}
