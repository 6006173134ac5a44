package rdfio

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// parseNQuad parses one N-Quads line. An empty or comment line gives ok
// false. Errors give the 1-based column where parsing stopped.
//
// The quad module has an N-Quads parser, but it turns typed literals into
// Go values through a process-wide table (nquads.AutoConvertTypedString,
// quad.RegisterStringConversion, which the graph package extends for
// xsd:decimal), so an imported decimal would be stored as a float and a
// dateTime as a time, not as the typed literals the graph layer writes;
// and its errors carry no position. This parser keeps literals as written
// and maps only xsd:integer, xsd:boolean and xsd:double (in Cayley's own
// lexical form) to Cayley's native values, which is how the graph layer
// stores ranks and flags and how Cayley writes floats.
func parseNQuad(line string) (q quad.Quad, ok bool, err error) {
	p := &nqParser{s: line}
	p.space()
	if p.done() || p.peek() == '#' {
		return quad.Quad{}, false, nil
	}
	if q.Subject, err = p.node("subject", false); err != nil {
		return q, false, err
	}
	if q.Predicate, err = p.iri("predicate"); err != nil {
		return q, false, err
	}
	if q.Object, err = p.node("object", true); err != nil {
		return q, false, err
	}
	if !p.done() && p.peek() != '.' {
		if q.Label, err = p.node("graph label", false); err != nil {
			return q, false, err
		}
	}
	if p.done() || p.peek() != '.' {
		return q, false, p.errorf("expected '.' at the end of the statement")
	}
	p.i++
	p.space()
	if !p.done() && p.peek() != '#' {
		return q, false, p.errorf("unexpected text after '.'")
	}
	return q, true, nil
}

type nqParser struct {
	s string
	i int
}

func (p *nqParser) done() bool { return p.i >= len(p.s) }
func (p *nqParser) peek() byte { return p.s[p.i] }

func (p *nqParser) errorf(format string, args ...any) error {
	col := utf8.RuneCountInString(p.s[:min(p.i, len(p.s))]) + 1
	return fmt.Errorf("column %d: %s", col, fmt.Sprintf(format, args...))
}

func (p *nqParser) space() {
	for !p.done() && (p.peek() == ' ' || p.peek() == '\t' || p.peek() == '\r') {
		p.i++
	}
}

func (p *nqParser) node(what string, literal bool) (quad.Value, error) {
	if p.done() {
		return nil, p.errorf("missing %s", what)
	}
	var (
		v   quad.Value
		err error
	)
	switch c := p.peek(); {
	case c == '<':
		v, err = p.iri(what)
		return v, err
	case c == '_':
		v, err = p.bnode(what)
	case c == '"' && literal:
		v, err = p.literal()
	default:
		return nil, p.errorf("expected %s (an IRI in <>%s)", what, map[bool]string{true: ", a blank node or a quoted literal", false: " or a blank node"}[literal])
	}
	if err != nil {
		return nil, err
	}
	p.space()
	return v, nil
}

func (p *nqParser) iri(what string) (quad.IRI, error) {
	if p.done() || p.peek() != '<' {
		return "", p.errorf("expected %s as an IRI in <>", what)
	}
	start := p.i
	p.i++
	var b strings.Builder
	for {
		if p.done() {
			p.i = start
			return "", p.errorf("%s IRI has no closing '>'", what)
		}
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		switch {
		case r == '>':
			p.i++
			s := b.String()
			if !strings.Contains(s, ":") {
				p.i = start
				return "", p.errorf("%s <%s> is not an absolute IRI", what, s)
			}
			p.space()
			return quad.IRI(s), nil
		case r == utf8.RuneError && n == 1:
			return "", p.errorf("invalid UTF-8 in an IRI")
		case r == '\\':
			u, err := p.uchar()
			if err != nil {
				return "", err
			}
			b.WriteRune(u)
			continue
		case r <= 0x20 || strings.ContainsRune("<\"{}|^`", r):
			return "", p.errorf("character %q is not allowed in an IRI", r)
		}
		b.WriteRune(r)
		p.i += n
	}
}

func (p *nqParser) bnode(what string) (quad.BNode, error) {
	if !strings.HasPrefix(p.s[p.i:], "_:") {
		return "", p.errorf("expected %s", what)
	}
	p.i += 2
	start := p.i
	// BLANK_NODE_LABEL: name characters, with '.' allowed inside only.
	for !p.done() {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if r == '.' {
			next, _ := utf8.DecodeRuneInString(p.s[p.i+n:])
			if p.i == start || p.i+n >= len(p.s) || !bnodeChar(next) {
				break
			}
		} else if !bnodeChar(r) || (r == utf8.RuneError && n == 1) {
			break
		}
		p.i += n
	}
	if p.i == start {
		return "", p.errorf("empty blank node label")
	}
	if !p.done() && p.peek() != ' ' && p.peek() != '\t' && p.peek() != '.' {
		return "", p.errorf("character %q is not allowed in a blank node label", p.s[p.i])
	}
	return quad.BNode(p.s[start:p.i]), nil
}

func bnodeChar(r rune) bool {
	return r == '_' || r == '-' || (r >= '0' && r <= '9') || r == 0xB7 ||
		(r >= 0x300 && r <= 0x36F) || r == 0x203F || r == 0x2040 || pnCharsBase(r)
}

// uchar reads \uXXXX or \UXXXXXXXX at p.i.
func (p *nqParser) uchar() (rune, error) {
	if p.i+1 >= len(p.s) {
		return 0, p.errorf("unfinished escape")
	}
	width := map[byte]int{'u': 4, 'U': 8}[p.s[p.i+1]]
	if width == 0 || p.i+2+width > len(p.s) {
		return 0, p.errorf("bad escape; only \\uXXXX and \\UXXXXXXXX are allowed here")
	}
	v, err := strconv.ParseUint(p.s[p.i+2:p.i+2+width], 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		return 0, p.errorf("bad escape %s", p.s[p.i:p.i+2+width])
	}
	p.i += 2 + width
	return rune(v), nil
}

var echar = map[byte]rune{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}

func (p *nqParser) literal() (quad.Value, error) {
	start := p.i
	p.i++ // opening quote
	var b strings.Builder
	for {
		if p.done() {
			p.i = start
			return nil, p.errorf("literal has no closing quote")
		}
		c := p.peek()
		if c == '"' {
			p.i++
			break
		}
		if c == '\\' {
			if p.i+1 < len(p.s) {
				if r, ok := echar[p.s[p.i+1]]; ok {
					b.WriteRune(r)
					p.i += 2
					continue
				}
			}
			r, err := p.uchar()
			if err != nil {
				return nil, err
			}
			b.WriteRune(r)
			continue
		}
		if c == '\n' {
			return nil, p.errorf("line break inside a literal (write it as \\n)")
		}
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if r == utf8.RuneError && n == 1 {
			return nil, p.errorf("invalid UTF-8")
		}
		b.WriteRune(r)
		p.i += n
	}
	val := quad.String(b.String())
	switch {
	case strings.HasPrefix(p.s[p.i:], "@"):
		p.i++
		ls := p.i
		for !p.done() && (isAlnum(p.peek()) || (p.peek() == '-' && p.i > ls)) {
			p.i++
		}
		if p.i == ls {
			return nil, p.errorf("empty language tag")
		}
		return quad.LangString{Value: val, Lang: p.s[ls:p.i]}, nil
	case strings.HasPrefix(p.s[p.i:], "^^"):
		p.i += 2
		t, err := p.iri("datatype")
		if err != nil {
			return nil, err
		}
		return typed(val, t), nil
	}
	return val, nil
}

func isAlnum(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// typed keeps a typed literal as written, except integers, booleans and
// doubles, which the graph layer and Cayley store as native values.
func typed(v quad.String, t quad.IRI) quad.Value {
	switch string(t) {
	case xsdNS + "string":
		return v
	case xsdNS + "integer":
		if n, err := strconv.ParseInt(string(v), 10, 64); err == nil && strconv.FormatInt(n, 10) == string(v) {
			return quad.Int(n)
		}
	case xsdNS + "double":
		// Only the lexical form Cayley writes for a quad.Float, so that the
		// literal survives a round trip unchanged.
		if f, err := strconv.ParseFloat(string(v), 64); err == nil && strconv.FormatFloat(f, 'E', -1, 64) == string(v) {
			return quad.Float(f)
		}
	case xsdNS + "boolean":
		if b, err := strconv.ParseBool(string(v)); err == nil && (v == "true" || v == "false") {
			return quad.Bool(b)
		}
	}
	return quad.TypedString{Value: v, Type: t}
}
