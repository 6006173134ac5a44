package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// Bolt's file lock cannot say who holds it, and "in use" alone leaves a
// user guessing which terminal to look at. So every process that opens a
// store leaves a note beside it: the writer in kgb.holder, each reader in
// kgb.reader.<pid> (a `kgb serve` holds a shared lock that blocks writers
// for as long as it runs). Notes are best effort: a read-only directory or a
// crashed process only makes the message less specific, and notes of dead
// processes are ignored.
const (
	holderFile   = "kgb.holder"
	readerPrefix = "kgb.reader."
)

func noteFile(dir string, readOnly bool) string {
	if readOnly {
		return filepath.Join(dir, readerPrefix+strconv.Itoa(os.Getpid()))
	}
	return filepath.Join(dir, holderFile)
}

func writeHolder(dir string, readOnly bool) {
	cmd := strings.Join(os.Args, " ")
	_ = os.WriteFile(noteFile(dir, readOnly), []byte(fmt.Sprintf("pid %d: %s\n", os.Getpid(), cmd)), 0o644)
}

func removeHolder(dir string, readOnly bool) { _ = os.Remove(noteFile(dir, readOnly)) }

// holderNote describes the processes that hold the store, if they left notes.
func holderNote(dir string) string {
	files, _ := filepath.Glob(filepath.Join(dir, readerPrefix+"*"))
	sort.Strings(files)
	files = append([]string{filepath.Join(dir, holderFile)}, files...)
	var who []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		note := strings.TrimSpace(string(b))
		if err != nil || note == "" || !alive(note) {
			continue
		}
		who = append(who, note)
	}
	if len(who) == 0 {
		return ""
	}
	return " (" + strings.Join(who, "; ") + ")"
}

// alive reports whether the "pid N: …" note names a running process.
func alive(note string) bool {
	var pid int
	if _, err := fmt.Sscanf(note, "pid %d:", &pid); err != nil || pid <= 0 {
		return true // not ours to judge; show it
	}
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EPERM)
}
