package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normText makes block text uniform for the finders: full-width Latin
// letters, digits and signs become ASCII (２０２０ → 2020, ％ → %), white
// space collapses, and the spaces IT之家 puts between Chinese and digits or
// Latin words (2020 年, 242.90 亿元) go, so that patterns see 2020年. Chinese
// punctuation and the book-title and full-width brackets (《》（）) stay as
// the article wrote them, because names keep them. Invalid bytes and U+FFFD
// are dropped.
//
// offsets, if given, are byte offsets into s (0…len(s), in any order),
// which normText rewrites in place to offsets into the result, so that
// link spans can follow the text: a byte inside a rune, or dropped, maps to
// where what follows it went.
//
// It is one pass over s: a run of blanks is held back until the next rune
// shows whether it becomes one space or none, and ASCII bytes, which are
// never wide and fold to themselves, are copied without decoding.
func normText(s string, offsets []int) string {
	var order []int // offsets' indexes by offset, resolved front to back
	if len(offsets) > 0 {
		order = make([]int, len(offsets))
		for k := range order {
			order[k] = k
		}
		sort.SliceStable(order, func(a, b int) bool { return offsets[order[a]] < offsets[order[b]] })
	}
	next := 0 // first offset in order not yet resolved
	// at reports that the rune at byte i of s is written at out offset
	// v: every offset not yet resolved up to i maps there.
	at := func(i, v int) {
		for next < len(order) && offsets[order[next]] <= i {
			offsets[order[next]] = v
			next++
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	last := rune(0) // last rune written
	blanks := false // blanks seen since it
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				at(i, b.Len())
				blanks = true
				i++
				continue
			}
			if blanks {
				// an ASCII rune is never wide
				if last != 0 && !wide(last) {
					b.WriteByte(' ')
				}
				blanks = false
			}
			at(i, b.Len())
			b.WriteByte(c)
			last = rune(c)
			i++
			continue
		}
		r, size := decodeRune(s, i)
		if r == utf8.RuneError {
			i += size // its bytes map to what follows
			continue
		}
		if isBlank(r) {
			at(i, b.Len())
			blanks = true
			i += size
			continue
		}
		h := halfWidth(r)
		if blanks {
			if last != 0 && !wide(last) && !wide(h) {
				b.WriteByte(' ')
			}
			blanks = false
		}
		at(i, b.Len())
		if h == r {
			b.WriteString(s[i : i+size])
		} else {
			b.WriteRune(h)
		}
		last = h
		i += size
	}
	at(len(s), b.Len())
	return b.String()
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the three-byte
// sequences of Chinese text decoded inline. Lead bytes E1–EC and EE–EF
// take any two continuation bytes (E0 and ED restrict the second byte, so
// they, like every other form, go to the library).
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; (c >= 0xE1 && c <= 0xEC || c >= 0xEE) && c <= 0xEF && i+2 < len(s) &&
		s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isBlank reports the non-ASCII runes normText takes as white space:
// unicode.IsSpace (whose largest is U+3000) and the zero-width space and
// BOM, which also only separate.
func isBlank(r rune) bool {
	if r > 0x3000 {
		return r == '\ufeff'
	}
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b'
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// halfWidth folds the full-width forms of ASCII letters, digits and signs,
// but keeps the Chinese punctuation marks that share that block.
func halfWidth(r rune) rune {
	if r < 0xFF01 || r > 0xFF5E {
		return r
	}
	switch r {
	case '（', '）', '，', '：', '；', '！', '？':
		return r
	}
	return r - 0xFEE0
}

// wide reports whether r is a CJK character or punctuation, next to which
// a space carries no meaning.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || strings.ContainsRune("“”‘’…—·", r)
}

// cleanInline normalises a one-line string such as a title.
func cleanInline(s string) string {
	return strings.TrimSpace(normText(s, nil))
}

// blockBuilder collects the text of one block with its anchors, then
// normalises it once, carrying the anchor spans along.
type blockBuilder struct {
	raw   strings.Builder
	links []Link // offsets into raw
}

func (bb *blockBuilder) text(s string) { bb.raw.WriteString(s) }

func (bb *blockBuilder) link(text, name string) {
	start := bb.raw.Len()
	bb.raw.WriteString(text)
	if name == "" {
		name = text
	}
	bb.links = append(bb.links, Link{Start: start, End: bb.raw.Len(), Name: strings.TrimSpace(name)})
}

func (bb *blockBuilder) empty() bool { return strings.TrimSpace(bb.raw.String()) == "" }

// build returns the normalised block, or false when it holds no text.
func (bb *blockBuilder) build(kind BlockKind, level int) (Block, bool) {
	// the links' spans, as offsets into the normalised text
	spans := make([]int, 0, 2*len(bb.links))
	for _, l := range bb.links {
		spans = append(spans, l.Start, l.End)
	}
	text := normText(bb.raw.String(), spans)
	trimmed := strings.TrimLeft(text, " ")
	shift := len(text) - len(trimmed)
	text = strings.TrimRight(trimmed, " ")
	if text == "" {
		return Block{}, false
	}
	blk := Block{Kind: kind, Level: level, Text: text}
	for k, l := range bb.links {
		s, e := spans[2*k]-shift, spans[2*k+1]-shift
		if s < 0 {
			s = 0
		}
		if e > len(text) {
			e = len(text)
		}
		// a span may have picked up the space before or after it
		for s < e && text[s] == ' ' {
			s++
		}
		for e > s && text[e-1] == ' ' {
			e--
		}
		if e > s {
			blk.Links = append(blk.Links, Link{Start: s, End: e, Name: cleanInline(l.Name)})
		}
	}
	return blk, true
}
