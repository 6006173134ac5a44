package ingest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kgbgraph/kgb/graph"
)

// TestStoreInUse pins down what a second process sees while a build holds
// the store: a writable open and a read-only open both fail within the
// lock timeout (Bolt's writer holds an exclusive flock, which also keeps
// shared-lock readers out), and the message names the holder. Neither hangs.
func TestStoreInUse(t *testing.T) {
	store := t.TempDir()
	// Create the store first so that the read-only open below has one.
	st, err := graph.Open(graph.Options{Path: store})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	cmd, stdin, out := startChild(t, "hold", store, "")
	if !out.Scan() || out.Text() != "holding" {
		t.Fatalf("child did not open the store: %q %v", out.Text(), out.Err())
	}
	holder := fmt.Sprintf("pid %d: ", cmd.Process.Pid)

	cases := []struct {
		name     string
		readOnly bool
	}{
		{name: "writable", readOnly: false},
		{name: "read-only", readOnly: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			st, err := graph.Open(graph.Options{Path: store, ReadOnly: c.readOnly})
			took := time.Since(start)
			if err == nil {
				st.Close()
				t.Fatal("opened a store another process is writing")
			}
			t.Logf("refused after %v", took)
			// 2 s lock timeout plus slack for a loaded machine; a hang
			// would show as the test's own timeout.
			if took > 5*time.Second {
				t.Errorf("took %v to fail, want about the 2 s lock timeout", took)
			}
			if !errors.Is(err, graph.ErrInUse) || !strings.Contains(err.Error(), "in use") || !strings.Contains(err.Error(), holder) {
				t.Errorf("error %q should say the store is in use by %q", err, holder)
			}
		})
	}

	// Once the holder exits, the store opens again.
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("holder: %v", err)
	}
	st, err = graph.Open(graph.Options{Path: store})
	if err != nil {
		t.Fatalf("open after the holder left: %v", err)
	}
	st.Close()
}
