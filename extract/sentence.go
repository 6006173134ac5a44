package extract

import (
	"time"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// sentence is one sentence of an article with the entity mentions found in
// it. It is the unit the relation and metric finders work on.
type sentence struct {
	Text     string
	Block    int       // index into Article.Blocks
	Heading  string    // text of the nearest heading above, "" if none
	Mentions []mention // in order of Start

	has    *runeSet // the runes of Text, filled on first use by runes()
	hasSet bool     // has is filled
}

// namesTwo reports whether the sentence mentions two different entities.
// Finders that link two mentions of the sentence can skip it otherwise:
// relSink.add drops a relation of an entity to itself.
func (s *sentence) namesTwo() bool {
	for _, m := range s.Mentions {
		if m.Name != s.Mentions[0].Name {
			return true
		}
	}
	return false
}

// runes returns the rune filter of the sentence's text, made once: the
// relation finders each look many trigger words up in the same sentence.
func (s *sentence) runes() *runeSet {
	if !s.hasSet {
		if s.has == nil { // buildSentences gives each its room
			s.has = new(runeSet)
		}
		s.has.addAll(s.Text)
		s.hasSet = true
	}
	return s.has
}

// mention is one occurrence of an entity in a sentence, by byte offsets into
// sentence.Text, under the entity's canonical name.
type mention struct {
	Start, End int
	Name       string // canonical name
	Type       schema.Type
}

// docContext is what finders may need to know about the whole article.
type docContext struct {
	Date time.Time // article date; zero when unknown
	Lex  *Lexicon
	tab  *metricTables // Lex's metric tables when already built; else built per article

	// metrics is what findMetrics carries from one sentence to the next
	// (the time and subject in focus); created on first use, so the same
	// docContext must be passed for every sentence of an article, in order.
	metrics *metricMemory
}

// sentenceEnds end a sentence outside 《》 and quotes. A semicolon ends one
// too: Chinese uses it between statements that stand alone.
const sentenceEnds = "。！？；!?;\n"

// isSentenceEnd: r is one of sentenceEnds, asked of every rune of a block.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '\n':
		return true
	}
	return false
}

// maxSentence bounds a sentence in bytes: text without full stops (a
// table dumped as one line, a broken file) is cut at commas, then anywhere,
// so that the finders' work per sentence stays bounded.
const maxSentence = 3000

// splitSentences returns the byte spans of the sentences of a block.
// Marks inside 《》, “” and （） do not split (a title or an aside may hold
// a full stop).
func splitSentences(text string) [][2]int {
	var out [][2]int
	depth, start := 0, 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ') {
			s++
		}
		for e > s && text[e-1] == ' ' {
			e--
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	for i, r := range text {
		switch r {
		case '《', '“', '（', '「':
			depth++
		case '》', '”', '）', '」':
			if depth > 0 {
				depth--
			}
		}
		long := i-start > maxSentence && (hasRune(clauseBreaks, r) || r == ' ') || i-start > 2*maxSentence
		if depth == 0 && isSentenceEnd(r) || long {
			end := i + utf8.RuneLen(r)
			emit(end)
			start = end
			depth = 0
		}
	}
	emit(len(text))
	return out
}

// buildSentences cuts every block into sentences and attaches the
// mentions that fall inside each, under their canonical names.
func (d *docState) buildSentences(picked [][]blockMention) {
	heading := ""
	// the sentences of every block first, to make their list once
	spans := make([][][2]int, len(d.article.Blocks))
	total := 0
	for bi, b := range d.article.Blocks {
		spans[bi] = splitSentences(b.Text)
		total += len(spans[bi])
	}
	d.sentences = make([]sentence, 0, total)
	for bi, b := range d.article.Blocks {
		for _, sp := range spans[bi] {
			s := sentence{Text: b.Text[sp[0]:sp[1]], Block: bi, Heading: heading}
			// count first: one allocation of the right size per sentence
			n := 0
			for _, m := range picked[bi] {
				if m.Start >= sp[0] && m.End <= sp[1] {
					n++
				}
			}
			if n > 0 {
				s.Mentions = make([]mention, 0, n)
			}
			for _, m := range picked[bi] {
				if m.Start >= sp[0] && m.End <= sp[1] {
					s.Mentions = append(s.Mentions, mention{Start: m.Start - sp[0], End: m.End - sp[0], Name: m.ent.name, Type: m.ent.typ})
				}
			}
			d.sentences = append(d.sentences, s)
		}
		if b.Kind == Heading {
			heading = b.Text
		}
	}
	// the relation finders ask every sentence for its rune filter: one
	// array for all of them
	sets := make([]runeSet, len(d.sentences))
	for i := range d.sentences {
		d.sentences[i].has = &sets[i]
	}
}
