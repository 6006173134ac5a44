package serve

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var assetRef = regexp.MustCompile(`<script src="([^"]+)"|<link href="([^"]+\.css)"`)

func TestUIIsServedOffline(t *testing.T) {
	base := serveStore(t, newStore(t, fixture(), false), Options{})
	code, page, _ := get(t, base+"/")
	if code != http.StatusOK || !strings.Contains(string(page), `<div id="root">`) {
		t.Fatalf("index: %d %.200s", code, page)
	}
	assets := assetRef.FindAllStringSubmatch(string(page), -1)
	if len(assets) < 4 {
		t.Fatalf("index links %d scripts and styles, want at least 4", len(assets))
	}
	var all strings.Builder
	for _, m := range assets {
		p := m[1] + m[2]
		code, data, _ := get(t, base+p)
		if code != http.StatusOK {
			t.Fatalf("%s: %d", p, code)
		}
		all.Write(data)
	}
	for _, banned := range []string{"cdn.jsdelivr.net", "fonts.googleapis.com", "localhost:64210"} {
		if strings.Contains(all.String(), banned) {
			t.Errorf("the UI still refers to %s", banned)
		}
	}
	if !strings.Contains(all.String(), "@import url(/icons/material-icons.css)") {
		t.Error("the UI styles do not import the icon font from /icons")
	}
	if !strings.Contains(all.String(), `"/monaco/vs/loader.js"`) {
		t.Error("the UI scripts do not load the editor from /monaco/vs")
	}
	// What the editor loads for a Gizmo query and its JSON results.
	for _, p := range []string{
		"/monaco/vs/loader.js",
		"/monaco/vs/editor/editor.main.js",
		"/monaco/vs/editor/editor.main.css",
		"/monaco/vs/editor/editor.main.nls.js",
		"/monaco/vs/base/worker/workerMain.js",
		"/monaco/vs/basic-languages/javascript/javascript.js",
		"/monaco/vs/language/typescript/tsMode.js",
		"/monaco/vs/language/json/jsonMode.js",
		"/icons/material-icons.css",
		"/icons/material-icons.woff2",
		"/gizmo.d.ts",
	} {
		if code, body, _ := get(t, base+p); code != http.StatusOK || len(body) == 0 {
			t.Errorf("%s: %d, %d bytes", p, code, len(body))
		}
	}
}

func TestShape(t *testing.T) {
	base := serveStore(t, newStore(t, fixture(), false), Options{})
	market := vocab.Entity("中国IaaS公有云市场")
	for _, tc := range []struct {
		name, lang, query string
		code              int
		want              []string // in the answer
		trees             int
	}{
		{"one traversal", "gizmo", `g.V("<` + market + `>").In("<` + vocab.Pred("ranksIn") + `>").All()`,
			http.StatusOK, []string{`"type": "QuadsAction"`, market, vocab.Pred("ranksIn"), `"Result": "subject"`}, 1},
		{"two traversals", "gizmo", `g.V("<` + market + `>").All(); g.V("<https://kgb.example/hub>").Out().All()`,
			http.StatusOK, []string{market, "https://kgb.example/hub"}, 2},
		{"syntax error", "gizmo", `g.V(`, http.StatusBadRequest, []string{`"error"`}, 0},
		{"unknown language", "klingon", `g.V()`, http.StatusBadRequest, []string{`"error"`}, 0},
	} {
		code, body := post(t, base+"/api/v1/shape/"+tc.lang, "text/plain", tc.query)
		if code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, code, body, tc.code)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: %q not in\n%s", tc.name, w, body)
			}
		}
		if code != http.StatusOK {
			continue
		}
		var out struct{ Shapes []map[string]any }
		if err := json.Unmarshal(body, &out); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(out.Shapes) != tc.trees {
			t.Errorf("%s: %d trees, want %d\n%s", tc.name, len(out.Shapes), tc.trees, body)
		}
	}
}
