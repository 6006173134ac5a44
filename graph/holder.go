package graph

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// holderFile records which process has a store open for writing. Bolt's
// file lock cannot say who holds it, and "in use" alone leaves a user
// guessing which terminal to look at.
const holderFile = "kgb.holder"

func writeHolder(dir string) {
	cmd := strings.Join(os.Args, " ")
	_ = os.WriteFile(filepath.Join(dir, holderFile), []byte(fmt.Sprintf("pid %d: %s\n", os.Getpid(), cmd)), 0o644)
}

func removeHolder(dir string) { _ = os.Remove(filepath.Join(dir, holderFile)) }

// holderNote describes the process that holds the store, if it left a note.
func holderNote(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, holderFile))
	if err != nil || len(b) == 0 {
		return ""
	}
	return " (" + strings.TrimSpace(string(b)) + ")"
}
