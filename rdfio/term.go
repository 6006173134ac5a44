package rdfio

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// canon returns v in the plain RDF form every writer expects: absolute
// IRIs, and typed literals instead of Cayley's native values. Cayley hands
// back quad.Int, quad.Bool and quad.Time for literals stored natively, and
// their TypedString uses short datatype names such as "xsd:integer", which
// are not valid IRIs in N-Quads or Turtle.
func canon(v quad.Value) quad.Value {
	switch x := v.(type) {
	case nil:
		return nil
	case quad.IRI:
		return x.Full()
	case quad.BNode, quad.String, quad.LangString:
		return v
	case quad.TypedString:
		x.Type = x.Type.Full()
		return x
	case quad.Bool:
		// quad.Bool writes "True"/"False", which is not an xsd:boolean
		// lexical form; RDF tools reject it.
		return quad.TypedString{Value: quad.String(strconv.FormatBool(bool(x))), Type: quad.IRI(xsdNS + "boolean")}
	case quad.TypedStringer:
		ts := x.TypedString()
		ts.Type = ts.Type.Full()
		return ts
	default:
		return quad.String(v.String())
	}
}

func canonQuad(q quad.Quad) quad.Quad {
	return quad.Quad{Subject: canon(q.Subject), Predicate: canon(q.Predicate), Object: canon(q.Object), Label: canon(q.Label)}
}

// Namespaces outside the kgb base.
const (
	rdfNS     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfsNS    = "http://www.w3.org/2000/01/rdf-schema#"
	xsdNS     = "http://www.w3.org/2001/XMLSchema#"
	skosNS    = "http://www.w3.org/2004/02/skos/core#"
	dctermsNS = "http://purl.org/dc/terms/"
)

// prefix is one @prefix line of a Turtle or TriG document.
type prefix struct{ name, ns string }

// prefixesFor lists the prefixes of a document under base, longest
// namespace first so that the most specific one wins.
func prefixesFor(base string) []prefix {
	return []prefix{
		{"kgb", base + "schema/"},
		{"ent", base + "entity/"},
		{"art", base + "article/"},
		{"stmt", base + "stmt/"},
		{"metric", base + "metric/"},
		{"skos", skosNS},
		{"rdfs", rdfsNS},
		{"rdf", rdfNS},
		{"xsd", xsdNS},
		{"dcterms", dctermsNS},
	}
}

// turtleTerm renders a canonical value in Turtle/TriG syntax, using a
// prefixed name where the local part is a valid PN_LOCAL. With no prefixes
// it writes N-Triples/N-Quads syntax, which Turtle contains.
func turtleTerm(b *bytes.Buffer, v quad.Value, prefixes []prefix) {
	switch x := v.(type) {
	case quad.IRI:
		s := string(x)
		if s == rdfNS+"type" && prefixes != nil {
			b.WriteString("a")
			return
		}
		for _, p := range prefixes {
			if local, ok := strings.CutPrefix(s, p.ns); ok && validLocal(local) {
				b.WriteString(p.name)
				b.WriteByte(':')
				b.WriteString(local)
				return
			}
		}
		writeIRIRef(b, s)
	case quad.BNode:
		b.WriteString("_:")
		b.WriteString(string(x))
	case quad.String:
		writeLiteral(b, string(x))
	case quad.LangString:
		writeLiteral(b, string(x.Value))
		b.WriteByte('@')
		b.WriteString(x.Lang)
	case quad.TypedString:
		writeLiteral(b, string(x.Value))
		b.WriteString("^^")
		turtleTerm(b, x.Type, prefixes)
	default:
		turtleTerm(b, canon(v), prefixes)
	}
}

// writeIRIRef writes <iri>, escaping the characters IRIREF forbids so that
// an odd IRI from an imported file cannot break the document.
func writeIRIRef(b *bytes.Buffer, s string) {
	b.WriteByte('<')
	for _, r := range s {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) {
			writeUChar(b, r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('>')
}

// writeLiteral writes a short quoted string with the escapes every RDF
// parser accepts (ECHAR for the usual ones, UCHAR for other controls).
func writeLiteral(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case utf8.RuneError:
			b.WriteString(`\uFFFD`)
		default:
			if r < 0x20 || r == 0x7f {
				writeUChar(b, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func writeUChar(b *bytes.Buffer, r rune) {
	h := strconv.FormatInt(int64(r), 16)
	if r > 0xffff {
		b.WriteString(`\U`)
		b.WriteString(strings.Repeat("0", 8-len(h)))
	} else {
		b.WriteString(`\u`)
		b.WriteString(strings.Repeat("0", 4-len(h)))
	}
	b.WriteString(strings.ToUpper(h))
}

// validLocal reports whether s can follow "prefix:" as it is. It accepts a
// safe subset of Turtle's PN_LOCAL: name characters, digits, '-', '_' and
// %XX escapes (entity keys are percent-encoded), never '.' or ':' and
// nothing that needs a backslash, so any parser reads it the same way.
func validLocal(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
			n = 3
		case r == '_' || (r >= '0' && r <= '9') || pnCharsBase(r):
		case i > 0 && (r == '-' || r == 0xB7 || (r >= 0x300 && r <= 0x36F) || r == 0x203F || r == 0x2040):
		default:
			return false
		}
		i += n
	}
	return true
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// pnCharsBase is Turtle's PN_CHARS_BASE production.
func pnCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z',
		r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}
