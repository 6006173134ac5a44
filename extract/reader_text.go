package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normText makes block text uniform for the finders: full-width Latin
// letters, digits and signs become ASCII (２０２０ → 2020, ％ → %), white
// space collapses, and the spaces IT之家 puts between Chinese and digits or
// Latin words (2020 年, 242.90 亿元) go, so that patterns see 2020年. Chinese
// punctuation and the book-title and full-width brackets (《》（）) stay as
// the article wrote them, because names keep them. pos maps every byte
// offset of s (and len(s)) to the offset in the result, so link spans can
// follow the text.
func normText(s string) (out string, pos []int) {
	type item struct {
		r     rune
		at    int
		space bool
	}
	items := make([]item, 0, len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			continue
		}
		space := unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
		if !space {
			r = halfWidth(r)
		}
		items = append(items, item{r, i, space})
	}
	pos = make([]int, len(s)+1)
	for i := range pos {
		pos[i] = -1
	}
	var b strings.Builder
	b.Grow(len(s))
	last := rune(0) // last rune written
	for i := 0; i < len(items); i++ {
		it := items[i]
		pos[it.at] = b.Len()
		if !it.space {
			b.WriteRune(it.r)
			last = it.r
			continue
		}
		j := i
		for j < len(items) && items[j].space {
			pos[items[j].at] = b.Len()
			j++
		}
		if last != 0 && j < len(items) && !wide(last) && !wide(items[j].r) {
			b.WriteByte(' ')
			last = ' '
		}
		i = j - 1
	}
	pos[len(s)] = b.Len()
	// bytes inside a rune (or dropped) take the offset of what follows
	for i := len(s) - 1; i >= 0; i-- {
		if pos[i] < 0 {
			pos[i] = pos[i+1]
		}
	}
	return b.String(), pos
}

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
	out, _ := normText(s)
	return strings.TrimSpace(out)
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
	raw := bb.raw.String()
	text, pos := normText(raw)
	trimmed := strings.TrimLeft(text, " ")
	shift := len(text) - len(trimmed)
	text = strings.TrimRight(trimmed, " ")
	if text == "" {
		return Block{}, false
	}
	blk := Block{Kind: kind, Level: level, Text: text}
	for _, l := range bb.links {
		s, e := pos[l.Start]-shift, pos[l.End]-shift
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
