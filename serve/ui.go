package serve

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	cayleyui "github.com/cayleygraph/cayley/ui"
)

// offlineFiles are what the UI would otherwise fetch from the internet:
// the Monaco editor (from a CDN) and the Material Icons font (from Google
// Fonts). scripts/fetch-monaco.sh refreshes them.
//
//go:embed monaco icons
var offlineFiles embed.FS

// uiRewrites make Cayley's prebuilt UI bundle work offline and on any
// address: its editor and icon font come from kgb instead of the internet,
// and its API calls go to the page's own origin instead of the hard-coded
// localhost:64210.
var uiRewrites = []struct{ from, to string }{
	{"https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs", "/monaco/vs"},
	{"https://fonts.googleapis.com/icon?family=Material+Icons", "/icons/material-icons.css"},
	{`"http://localhost:64210"`, `""`},
}

// ui serves Cayley's web UI with uiRewrites applied, and the editor.
type ui struct {
	files   http.Handler
	offline http.Handler
	patched map[string][]byte // by path in the UI tree
	modTime time.Time
}

func newUI() (*ui, error) {
	web, err := fs.Sub(cayleyui.FS, "web")
	if err != nil {
		return nil, fmt.Errorf("serve: cayley ui: %w", err)
	}
	u := &ui{files: http.FileServerFS(web), patched: map[string][]byte{}, modTime: time.Now()}
	found := make([]int, len(uiRewrites))
	err = fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".css") || strings.HasSuffix(p, ".html")) {
			return err
		}
		data, err := fs.ReadFile(web, p)
		if err != nil {
			return err
		}
		orig := data
		for i, rw := range uiRewrites {
			if n := bytes.Count(data, []byte(rw.from)); n > 0 {
				found[i] += n
				data = bytes.ReplaceAll(data, []byte(rw.from), []byte(rw.to))
			}
		}
		if !bytes.Equal(data, orig) {
			u.patched[p] = data
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("serve: cayley ui: %w", err)
	}
	// A Cayley upgrade may rebuild the bundle; then the UI would silently
	// go back to the CDN or to the wrong port, so refuse to start instead.
	for i, n := range found {
		if n == 0 {
			return nil, fmt.Errorf("serve: cayley ui: %q not found in its scripts and styles; update uiRewrites and scripts/fetch-monaco.sh for this Cayley version", uiRewrites[i].from)
		}
	}
	u.offline = http.FileServerFS(offlineFiles)
	return u, nil
}

func (u *ui) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/monaco/") || strings.HasPrefix(r.URL.Path, "/icons/") {
		u.offline.ServeHTTP(w, r)
		return
	}
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if p == "" {
		p = "index.html"
	}
	if data, ok := u.patched[p]; ok {
		http.ServeContent(w, r, p, u.modTime, bytes.NewReader(data))
		return
	}
	u.files.ServeHTTP(w, r)
}
