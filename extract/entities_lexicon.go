package extract

import (
	"sort"
	"strings"
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
}

// phraseDict finds known words in text, longest first. Latin entries match
// case-insensitively but only as whole words (AI is not in SAIC).
type phraseDict struct {
	m      map[string]*lexEntry // folded surface → entry
	maxLen int                  // in runes
}

func newPhraseDict() *phraseDict { return &phraseDict{m: map[string]*lexEntry{}} }

func fold(s string) string { return strings.ToLower(s) }

// add registers an entry; the first list to claim a surface keeps it.
func (d *phraseDict) add(e *lexEntry) {
	for _, f := range e.Forms {
		k := fold(f)
		if _, ok := d.m[k]; ok {
			continue
		}
		d.m[k] = e
		if n := utf8.RuneCountInString(f); n > d.maxLen {
			d.maxLen = n
		}
	}
}

// match is one dictionary hit.
type match struct {
	Start, End int
	Entry      *lexEntry
}

// findAll returns the longest match starting at each position, skipping
// matches that cut a Latin word.
func (d *phraseDict) findAll(text string) []match {
	var out []match
	low := fold(text)
	if len(low) != len(text) { // folding changed byte lengths; match as is
		low = text
	}
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
