package rdfio

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestParseNQuad(t *testing.T) {
	s, p := quad.IRI("http://e/s"), quad.IRI("http://e/p")
	tests := []struct {
		line string
		want quad.Quad
		ok   bool
	}{
		{"", quad.Quad{}, false},
		{"   # a comment", quad.Quad{}, false},
		{`<http://e/s> <http://e/p> <http://e/o> .`, quad.Quad{Subject: s, Predicate: p, Object: quad.IRI("http://e/o")}, true},
		{`<http://e/s> <http://e/p> "a\"b\\c\n\u00e9\U0001F600" <http://e/g> . # note`,
			quad.Quad{Subject: s, Predicate: p, Object: quad.String("a\"b\\c\né😀"), Label: quad.IRI("http://e/g")}, true},
		{`_:b1 <http://e/p> "华为云"@zh-Hans .`, quad.Quad{Subject: quad.BNode("b1"), Predicate: p, Object: quad.LangString{Value: "华为云", Lang: "zh-Hans"}}, true},
		{`<http://e/s> <http://e/p> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .`, quad.Quad{Subject: s, Predicate: p, Object: quad.Int(3)}, true},
		{`<http://e/s> <http://e/p> "03"^^<http://www.w3.org/2001/XMLSchema#integer> .`, quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "03", Type: quad.IRI(xsdNS + "integer")}}, true},
		{`<http://e/s> <http://e/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .`, quad.Quad{Subject: s, Predicate: p, Object: quad.Bool(true)}, true},
		{`<http://e/s> <http://e/p> "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .`, quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "1.5", Type: quad.IRI(xsdNS + "decimal")}}, true},
		{`<http://e/s> <http://e/p> "2.5E-01"^^<http://www.w3.org/2001/XMLSchema#double> .`, quad.Quad{Subject: s, Predicate: p, Object: quad.Float(0.25)}, true},
		{`<http://e/s> <http://e/p> "0.25"^^<http://www.w3.org/2001/XMLSchema#double> .`, quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "0.25", Type: quad.IRI(xsdNS + "double")}}, true},
		{`<http://e/s> <http://e/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> _:g .`, quad.Quad{Subject: s, Predicate: p, Object: quad.String("x"), Label: quad.BNode("g")}, true},
		{`<http://e/s\u0020x> <http://e/p> _:o.`, quad.Quad{Subject: quad.IRI("http://e/s x"), Predicate: p, Object: quad.BNode("o")}, true},
	}
	for _, tc := range tests {
		got, ok, err := parseNQuad(tc.line)
		if err != nil || ok != tc.ok || got != tc.want {
			t.Errorf("parseNQuad(%q) = %v, %v, %v; want %v, %v", tc.line, got, ok, err, tc.want, tc.ok)
		}
	}
}

// TestTermSyntax covers the Turtle/N-Quads rendering of values the store
// can hold, including Cayley's native ones.
func TestTermSyntax(t *testing.T) {
	pf := prefixesFor("https://kgb.example/")
	tests := []struct {
		v        quad.Value
		prefixes []prefix
		want     string
	}{
		{quad.IRI("https://kgb.example/entity/%E5%8D%8E"), pf, "ent:%E5%8D%8E"},
		{quad.IRI("https://kgb.example/entity/华为云"), pf, "ent:华为云"},
		{quad.IRI("https://kgb.example/entity/a.b"), pf, "<https://kgb.example/entity/a.b>"},
		{quad.IRI("https://kgb.example/entity/-x"), pf, "<https://kgb.example/entity/-x>"},
		{quad.IRI("https://kgb.example/stmt/0a1b"), pf, "stmt:0a1b"},
		{quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), pf, "a"},
		{quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), nil, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"},
		{quad.IRI("http://e/a b>"), nil, `<http://e/a\u0020b\u003E>`},
		{quad.String("a\x01b\u2028"), nil, "\"a\\u0001b\u2028\""},
		{canon(quad.Int(7)), nil, `"7"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{canon(quad.Bool(false)), pf, `"false"^^xsd:boolean`},
		{canon(quad.TypedString{Value: "1", Type: "xsd:decimal"}), pf, `"1"^^xsd:decimal`},
		{canon(quad.Float(0.25)), pf, `"2.5E-01"^^xsd:double`},
		{quad.BNode("b1"), pf, "_:b1"},
	}
	for _, tc := range tests {
		var b bytes.Buffer
		turtleTerm(&b, tc.v, tc.prefixes)
		if b.String() != tc.want {
			t.Errorf("term %#v = %s, want %s", tc.v, b.String(), tc.want)
		}
	}
}

// FuzzParseNQuad: the parser never panics, and what it accepts survives
// writing and reading again unchanged.
func FuzzParseNQuad(f *testing.F) {
	for _, s := range []string{
		`<http://e/s> <http://e/p> <http://e/o> .`,
		`<http://e/s> <http://e/p> "a\"b\\c\n\u00e9" <http://e/g> .`,
		`_:b1 <http://e/p> "华为云"@zh .`,
		`<http://e/s> <http://e/p> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`<http://e/s> <http://e/p> "x\U0001F600"^^<http://e/t> _:g . # c`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		q, ok, err := parseNQuad(line)
		if err != nil || !ok {
			return
		}
		var b strings.Builder
		if err := (&nquadsWriter{w: &b}).WriteQuad(canonQuad(q)); err != nil {
			t.Fatalf("parsed %q into %v, which does not write: %v", line, q, err)
		}
		again, ok, err := parseNQuad(strings.TrimSuffix(b.String(), "\n"))
		if err != nil || !ok || again != q {
			t.Fatalf("%q → %v → %q → %v, %v, %v", line, q, b.String(), again, ok, err)
		}
	})
}
