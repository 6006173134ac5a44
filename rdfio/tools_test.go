package rdfio

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// External checkers. Each helper skips the calling test when its tool is
// missing; CI installs them (raptor2-utils, python3-rdflib, graphviz).

var rapperCount = regexp.MustCompile(`returned (\d+) (?:triples|statements|quads)`)

// rapperParse parses file with rapper's parser for syntax and returns the
// number of statements it read. Any error or warning fails the test.
func rapperParse(t *testing.T, syntax, file string) int {
	t.Helper()
	bin, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper not installed (Debian package raptor2-utils); skipping the RDF syntax check")
	}
	out, err := exec.Command(bin, "-i", syntax, "-c", file).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") || strings.Contains(string(out), "Warning") {
		t.Fatalf("rapper -i %s rejected %s: %v\n%s", syntax, file, err, out)
	}
	m := rapperCount.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("rapper output has no count:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// systemPython is Debian's python3, which has python3-rdflib; the python3
// first on PATH may be another build without it.
const systemPython = "/usr/bin/python3"

// rdflibQuads parses a JSON-LD file with rdflib and returns the number of
// distinct quads (named graphs kept apart).
func rdflibQuads(t *testing.T, file string) int {
	t.Helper()
	if _, err := os.Stat(systemPython); err != nil {
		t.Skip("no " + systemPython + "; skipping the JSON-LD check")
	}
	if err := exec.Command(systemPython, "-c", "import rdflib").Run(); err != nil {
		t.Skip("rdflib not installed for " + systemPython + " (Debian package python3-rdflib); skipping the JSON-LD check")
	}
	const script = `
import sys, rdflib
d = rdflib.Dataset()
d.parse(sys.argv[1], format="json-ld")
print(sum(1 for _ in d.quads((None, None, None, None))))
`
	out, err := exec.Command(systemPython, "-c", script, file).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib rejected %s: %v\n%s", file, err, out)
	}
	lines := strings.Fields(string(out))
	n, err := strconv.Atoi(lines[len(lines)-1])
	if err != nil {
		t.Fatalf("rdflib output: %s", out)
	}
	return n
}

// graphvizCheck renders a dot file to check that Graphviz accepts it.
func graphvizCheck(t *testing.T, file string) {
	t.Helper()
	bin, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot not installed; skipping the dot syntax check")
	}
	out, err := exec.Command(bin, "-Tsvg", "-o", filepath.Join(t.TempDir(), "g.svg"), file).CombinedOutput()
	if err != nil {
		t.Fatalf("dot rejected %s: %v\n%s", file, err, out)
	}
}
