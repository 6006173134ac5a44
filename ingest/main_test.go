package ingest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
)

// The crash and lock tests need a second process that holds a store: they
// run this test binary again with childEnv set, and TestMain then plays
// that process instead of running the tests.
const (
	childEnv       = "KGB_INGEST_TEST_CHILD" // "build" or "hold"
	childStoreEnv  = "KGB_INGEST_TEST_STORE"
	childCorpusEnv = "KGB_INGEST_TEST_CORPUS"
)

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "build":
		os.Exit(childBuild())
	case "hold":
		os.Exit(childHold())
	default:
		fmt.Fprintf(os.Stderr, "unknown %s=%q\n", childEnv, os.Getenv(childEnv))
		os.Exit(2)
	}
}

// childBuild builds the store from the corpus with small batches and a
// progress line after every file, so the parent can kill it mid-build.
func childBuild() int {
	plainInterval, plainEveryFiles = 0, 1
	st, err := graph.Open(graph.Options{Path: os.Getenv(childStoreEnv)})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	_, err = Run(context.Background(), st, x, []string{os.Getenv(childCorpusEnv)},
		Options{Workers: 2, BatchQuads: 300, Progress: os.Stdout, Log: os.Stderr})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// childHold opens the store for writing, says so, and keeps it open until
// its stdin closes (the parent is done) or a minute passes.
func childHold() int {
	st, err := graph.Open(graph.Options{Path: os.Getenv(childStoreEnv)})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	fmt.Println("holding")
	done := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
	}
	return 0
}

// startChild runs this test binary as a child process in the given mode
// and returns it with its stdout as lines. It is killed at test end.
func startChild(t *testing.T, mode, store, corpus string) (*exec.Cmd, io.WriteCloser, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childStoreEnv+"="+store, childCorpusEnv+"="+corpus)
	cmd.Stderr = &prefixWriter{t: t, prefix: "child: "}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd, stdin, bufio.NewScanner(stdout)
}

// prefixWriter passes a child's stderr into the test log.
type prefixWriter struct {
	t      *testing.T
	prefix string
}

func (w *prefixWriter) Write(b []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		w.t.Log(w.prefix + l)
	}
	return len(b), nil
}

// sampleArticles are the real articles tests copy: the repo's testdata,
// or the shared corpus when testdata has too few. Tests skip without them.
func sampleArticles(t *testing.T, atLeast int) []string {
	t.Helper()
	for _, dir := range []string{"../testdata", "../../shared/corpus"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		if len(files) >= atLeast {
			return files
		}
	}
	t.Skipf("needs %d sample articles in ../testdata or ../../shared/corpus", atLeast)
	return nil
}
