package serve

import (
	"context"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

var servingAt = regexp.MustCompile(`at http://(\S+)/`)

func TestListenAndServe(t *testing.T) {
	st := newStore(t, fixture(), false)
	for _, tc := range []struct {
		addr string
		warn bool
	}{
		{"127.0.0.1:0", false},
		{"localhost:0", false},
		{"0.0.0.0:0", true},
		{":0", true},
	} {
		t.Run(tc.addr, func(t *testing.T) {
			var log lockedBuffer
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- ListenAndServe(ctx, st, Options{Addr: tc.addr, Log: &log}) }()

			var addr string
			for deadline := time.Now().Add(5 * time.Second); addr == ""; time.Sleep(10 * time.Millisecond) {
				if m := servingAt.FindStringSubmatch(log.String()); m != nil {
					addr = m[1]
				} else if time.Now().After(deadline) {
					cancel()
					t.Fatalf("server did not report its address; log:\n%s", log.String())
				}
			}
			_, port, _ := net.SplitHostPort(addr)
			if code, body, _ := get(t, "http://127.0.0.1:"+port+"/health"); code != http.StatusOK {
				t.Errorf("health: %d %s", code, body)
			}
			if got := strings.Contains(log.String(), "WARNING"); got != tc.warn {
				t.Errorf("warning printed = %v, want %v; log:\n%s", got, tc.warn, log.String())
			}
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("ListenAndServe after cancel: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("ListenAndServe did not return after its context was cancelled")
			}
			if _, err := client.Get("http://127.0.0.1:" + port + "/health"); err == nil {
				t.Error("server still answers after shutdown")
			}
		})
	}
}

func TestListenAndServeBadAddr(t *testing.T) {
	st := newStore(t, fixture(), false)
	if err := ListenAndServe(context.Background(), st, Options{Addr: "no-port"}); err == nil {
		t.Error("ListenAndServe accepted an address without a port")
	}
}
