package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kgbgraph/kgb/schema"
)

// entityLists are the lexicon lists that name entities, with their type.
// Their entries are `name<TAB>alias|alias`.
var entityLists = []struct {
	name string
	typ  schema.Type
}{
	{"companies", schema.Company},
	{"organizations", schema.Organization},
	{"industry", schema.Industry},
	{"technology", schema.Technology},
	{"trends", schema.Trend},
	{"regions", schema.Region},
}

func splitAliases(v string) []string {
	if v == "" {
		return nil
	}
	var out []string
	for _, a := range strings.Split(v, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// lexEntry is what a known surface form stands for.
type lexEntry struct {
	Canon string
	Type  schema.Type
	Forms []string // every listed form of the entity, canonical first
	group string   // "L:" + Canon, its mentions' group; set in New for the lexicon's
}

// phraseDict finds known words in text, longest first. Latin entries match
// case-insensitively but only as whole words (AI is not in SAIC).
type phraseDict struct {
	m      map[string]*lexEntry // folded surface → entry
	maxLen int                  // in runes
	// byFirst holds, per first rune of a folded surface, the byte lengths
	// of the surfaces starting with it, longest first: findAll then tries
	// a handful of lengths at each position instead of every prefix of up
	// to maxLen runes (most runes start no entry at all).
	byFirst map[rune][]int
	firsts  runeSet // the keys of byFirst, to skip the map for most runes
	// byLast is byFirst by the last rune, for dictEndingAt: a surface
	// that ends a text ends with the text's last rune.
	byLast map[rune][]int
	// firstLens, once made by indexFirsts, replaces the byFirst look-up
	// of a basic-plane rune: 1 + the position in lens of its lengths, 0
	// for none. Only the lexicon's dictionary, built once and read in
	// every block, is worth its 256 KB.
	firstLens []int32
	lens      [][]int
}

// indexFirsts makes firstLens from byFirst; d must not change after it.
func (d *phraseDict) indexFirsts() {
	d.firstLens = make([]int32, 0x10000)
	d.lens = d.lens[:0]
	for r, ls := range d.byFirst {
		if r < 0x10000 {
			d.lens = append(d.lens, ls)
			d.firstLens[r] = int32(len(d.lens))
		}
	}
}

// lengthsFrom returns the byte lengths of the surfaces starting with r.
func (d *phraseDict) lengthsFrom(r rune) []int {
	if r < rune(len(d.firstLens)) {
		if k := d.firstLens[r]; k > 0 {
			return d.lens[k-1]
		}
		return nil
	}
	if d.firsts.has(r) {
		return d.byFirst[r]
	}
	return nil
}

func newPhraseDict() *phraseDict {
	return &phraseDict{m: map[string]*lexEntry{}, byFirst: map[rune][]int{}, byLast: map[rune][]int{}}
}

// fold is strings.ToLower with fast paths for valid UTF-8 (ToLower
// rewrites a bad byte as U+FFFD) whose only runes with a lower case are
// ASCII capitals: s itself when there are none, else s with its capital
// bytes lowered (an ASCII byte is never part of a longer rune). Most text
// is Chinese with a few Latin names; ToLower would map it rune by rune.
func fold(s string) string {
	if low, ok := foldASCII(s); ok {
		return low
	}
	return strings.ToLower(s)
}

// foldASCII is fold's fast path: ok is false when s is not valid UTF-8 or
// holds a cased rune other than an ASCII capital. When ok, low is also
// valid and starts its runes where s does.
func foldASCII(s string) (low string, ok bool) {
	upper := false
	lw := lowerable()
	// the three-byte (Chinese) runes are decoded inline, as in
	// runeSet.mayContain: ranging over s calls the decoder for each
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				upper = true
			}
			i++
			continue
		}
		r, n := decodeRune(s, i)
		if r == utf8.RuneError || r > 0xFFFF || lw[r>>6]&(1<<(r&63)) != 0 {
			return "", false
		}
		i += n
	}
	if !upper {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// lowerable marks the basic-plane runes that unicode.ToLower changes;
// made on first use (about half a millisecond), not at every start of kgb.
var lowerable = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for r := rune(0); r <= 0xFFFF; r++ {
		if unicode.ToLower(r) != r {
			b[r>>6] |= 1 << (r & 63)
		}
	}
	return &b
})

// add registers an entry; the first list to claim a surface keeps it.
func (d *phraseDict) add(e *lexEntry) {
	d.firstLens, d.lens = nil, nil // stale: back to byFirst
	for _, f := range e.Forms {
		k := fold(f)
		if _, ok := d.m[k]; ok {
			continue
		}
		d.m[k] = e
		if n := utf8.RuneCountInString(f); n > d.maxLen {
			d.maxLen = n
		}
		d.addLength(k)
	}
}

// addLength records the byte length of folded surface k under its first
// and its last rune.
func (d *phraseDict) addLength(k string) {
	if k == "" {
		return
	}
	r, _ := utf8.DecodeRuneInString(k)
	d.firsts.add(r)
	insertLength(d.byFirst, r, len(k))
	r, _ = utf8.DecodeLastRuneInString(k)
	insertLength(d.byLast, r, len(k))
}

// insertLength adds n to the lengths under r, keeping them longest first
// and unique.
func insertLength(m map[rune][]int, r rune, n int) {
	ls := m[r]
	i := sort.Search(len(ls), func(i int) bool { return ls[i] <= n })
	if i < len(ls) && ls[i] == n {
		return
	}
	ls = append(ls, 0)
	copy(ls[i+1:], ls[i:])
	ls[i] = n
	m[r] = ls
}

// match is one dictionary hit.
type match struct {
	Start, End int
	Entry      *lexEntry
}

// findAll returns the longest match starting at each position, skipping
// matches that cut a Latin word.
func (d *phraseDict) findAll(text string) []match {
	return d.appendAll(nil, text)
}

// anyIn reports whether findAll finds anything in text, listing the
// matches in room on the stack.
func (d *phraseDict) anyIn(text string) bool {
	var buf [8]match
	return len(d.appendAll(buf[:0], text)) > 0
}

// appendAll is findAll appending to out.
func (d *phraseDict) appendAll(out []match, text string) []match {
	low, simple := foldASCII(text) // then sameRuneStarts holds
	if !simple {
		low = strings.ToLower(text)
		if len(low) != len(text) { // folding changed byte lengths; match as is
			low = text
		}
		if !sameRuneStarts(text, low) {
			return append(out, d.findAllByPrefix(text, low)...)
		}
	}
	for i := 0; i < len(text); {
		r, size := rune(low[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune(low, i)
		}
		if i > 0 && isWordByte(text[i-1]) && isWordByte(text[i]) {
			i += size
			continue
		}
		found := false
		// every length is a whole number of runes of low (a key is valid
		// UTF-8 starting at a rune start) and so, by sameRuneStarts, of
		// text; a key has at most maxLen runes, as findAllByPrefix asks
		for _, n := range d.lengthsFrom(r) {
			e := i + n
			if e > len(text) {
				continue
			}
			if ent, ok := d.m[low[i:e]]; ok && !(e < len(text) && isWordByte(text[e-1]) && isWordByte(text[e])) {
				out = append(out, match{i, e, ent})
				found = true
				i = e
				break
			}
		}
		if !found {
			i += size
		}
	}
	return out
}

// sameRuneStarts reports whether text is valid UTF-8 and its folded form
// low starts runes at the same byte offsets, which findAll's per-rune
// lengths rely on. Folding can swap a 3-byte rune for a 1-byte one (K, the
// Kelvin sign) and another for a longer one; then lengths taken from low
// may cut runes of text.
func sameRuneStarts(text, low string) bool {
	if !utf8.ValidString(text) {
		return false
	}
	if text == low {
		return true
	}
	for i := 0; i < len(text); i++ {
		if utf8.RuneStart(text[i]) != utf8.RuneStart(low[i]) {
			return false
		}
	}
	return true
}

// findAllByPrefix is findAll trying every prefix of up to maxLen runes at
// each position: slower, but it needs nothing of low's rune boundaries.
func (d *phraseDict) findAllByPrefix(text, low string) []match {
	var out []match
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		if i > 0 && isWordByte(text[i-1]) && isWordByte(text[i]) {
			i += size
			continue
		}
		end := i
		for n := 0; n < d.maxLen && end < len(text); n++ {
			_, sz := utf8.DecodeRuneInString(text[end:])
			end += sz
		}
		found := false
		for e := end; e > i; {
			if ent, ok := d.m[low[i:e]]; ok && !(e < len(text) && isWordByte(text[e-1]) && isWordByte(text[e])) {
				out = append(out, match{i, e, ent})
				found = true
				i = e
				break
			}
			_, sz := utf8.DecodeLastRuneInString(text[i:e])
			e -= sz
		}
		if !found {
			i += size
		}
	}
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// wordSet is a set of words with a longest-suffix/prefix helper.
type wordSet map[string]string

func newWordSet(es []Entry) wordSet {
	s := wordSet{}
	for _, e := range es {
		s[e.Word] = e.Value
	}
	return s
}

// sortedWords lists the words longest first, for greedy matching.
func (s wordSet) sortedWords() []string {
	out := make([]string, 0, len(s))
	for w := range s {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// hasSuffixIn returns the longest word of ws that s ends with.
func hasSuffixIn(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

// hasPrefixIn returns the longest word of ws that s starts with.
func hasPrefixIn(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}
