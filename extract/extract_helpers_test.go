package extract

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

var (
	testXOnce sync.Once
	testX     *Extractor
	testXErr  error
)

// testExtractor builds the extractor once for all tests: loading the
// segmenter is the slow part.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	testXOnce.Do(func() { testX, testXErr = New(Options{}) })
	if testXErr != nil {
		t.Fatal(testXErr)
	}
	return testX
}

// extractBody extracts an article whose body is the given HTML or text.
func extractBody(t testing.TB, body string) *Result {
	t.Helper()
	a, err := Parse("t.html", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return testExtractor(t).Extract(a)
}

func findEntity(r *Result, name string) *Entity {
	for i := range r.Entities {
		if schema.Key(r.Entities[i].Name) == schema.Key(name) {
			return &r.Entities[i]
		}
	}
	return nil
}

func findRelation(r *Result, subj string, p schema.Predicate, obj string) *Relation {
	for i := range r.Relations {
		rel := &r.Relations[i]
		if rel.Predicate != p {
			continue
		}
		if rel.Subject == subj && rel.Object == obj || p.Symmetric() && rel.Subject == obj && rel.Object == subj {
			return rel
		}
	}
	return nil
}

func entityNames(r *Result) string {
	var ns []string
	for _, e := range r.Entities {
		ns = append(ns, e.Name+"/"+string(e.Type))
	}
	return strings.Join(ns, " ")
}

func relationList(r *Result) string {
	var ns []string
	for _, x := range r.Relations {
		ns = append(ns, x.Subject+" -"+string(x.Predicate)+"-> "+x.Object)
	}
	return strings.Join(ns, "; ")
}

// sampleTexts are the sample articles in ../testdata and, withCorpus, those
// of the shared corpus when it lies beside the repository, one string each
// (named by path).
func sampleTexts(t testing.TB, withCorpus bool) map[string]string {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/*.md")
	if withCorpus {
		more, _ := filepath.Glob("../../shared/corpus/*.md")
		paths = append(paths, more...)
	}
	out := make(map[string]string, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = string(b)
	}
	return out
}

// sampleLines are the lines of sampleTexts, in no particular order.
func sampleLines(t testing.TB, withCorpus bool) []string {
	t.Helper()
	var out []string
	for _, text := range sampleTexts(t, withCorpus) {
		out = append(out, strings.Split(text, "\n")...)
	}
	return out
}
