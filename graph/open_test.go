package graph

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestConcurrentOpens(t *testing.T) {
	st, dir := openTemp(t)
	if _, err := st.PutArticles(fixtures()); err != nil {
		t.Fatal(err)
	}
	st.Close()

	r1, err := Open(Options{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(Options{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer r2.Close()
	for _, r := range []*Store{r1, r2} {
		if _, err := r.Lookup("华为云"); err != nil {
			t.Fatalf("reader lookup: %v", err)
		}
	}

	// A writer cannot open while readers hold the store, and says so soon.
	start := time.Now()
	w, err := Open(Options{Path: dir, LockTimeout: 500 * time.Millisecond})
	if err == nil {
		w.Close()
		t.Fatal("writable open succeeded while readers hold the store")
	}
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("err = %v, want ErrInUse", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("conflicting open took %v", d)
	}
	// The readers left notes, so the message names who holds the store.
	if want := fmt.Sprintf("pid %d:", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Errorf("message does not name the holder (%s): %v", want, err)
	}
	r1.Close()
	r2.Close()
	if notes, _ := filepath.Glob(filepath.Join(dir, readerPrefix+"*")); len(notes) != 0 {
		t.Errorf("reader notes left after close: %v", notes)
	}
}

func TestWriterBlocksOthers(t *testing.T) {
	st, dir := openTemp(t)
	if _, err := st.PutArticle(fixtureInvest()); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		start := time.Now()
		o, err := Open(Options{Path: dir, ReadOnly: ro, LockTimeout: 300 * time.Millisecond})
		if err == nil {
			o.Close()
			t.Fatalf("open (read-only %v) succeeded while a writer holds the store", ro)
		}
		if !errors.Is(err, ErrInUse) {
			t.Fatalf("read-only %v: err = %v, want ErrInUse", ro, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("conflicting open took %v", d)
		}
	}
}

// TestLockAcrossProcesses checks the same in a child process, as `kgb build`
// and `kgb lookup` would meet.
func TestLockAcrossProcesses(t *testing.T) {
	if dir := os.Getenv("KGB_GRAPH_LOCK_CHILD"); dir != "" {
		_, err := Open(Options{Path: dir, LockTimeout: 300 * time.Millisecond})
		if errors.Is(err, ErrInUse) {
			os.Exit(3)
		}
		os.Exit(0)
	}
	st, dir := openTemp(t)
	if _, err := st.PutArticle(fixtureInvest()); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockAcrossProcesses$")
	cmd.Env = append(os.Environ(), "KGB_GRAPH_LOCK_CHILD="+dir)
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Fatalf("child open: %v, want exit 3 (ErrInUse)", err)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(Options{}); err == nil {
		t.Error("empty path accepted")
	}
	if _, err := Open(Options{Path: t.TempDir(), ReadOnly: true}); err == nil {
		t.Error("read-only open of an empty directory succeeded")
	}
}
