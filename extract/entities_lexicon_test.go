package extract

import (
	"reflect"
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

func testDict() *phraseDict {
	d := newPhraseDict()
	for _, e := range []*lexEntry{
		{Canon: "阿里巴巴", Type: schema.Company, Forms: []string{"阿里巴巴", "阿里", "Alibaba"}},
		{Canon: "阿里云", Type: schema.Company, Forms: []string{"阿里云"}},
		{Canon: "人工智能", Type: schema.Technology, Forms: []string{"人工智能", "AI"}},
		{Canon: "上汽", Type: schema.Company, Forms: []string{"上汽", "SAIC"}},
		{Canon: "开尔文", Type: schema.Company, Forms: []string{"kx"}},
	} {
		d.add(e)
	}
	return d
}

func TestPhraseDictFindAll(t *testing.T) {
	d := testDict()
	for _, tc := range []struct {
		text string
		want []string // matched surfaces, in order
	}{
		{"阿里云和阿里巴巴", []string{"阿里云", "阿里巴巴"}},
		{"阿里在AI上投入", []string{"阿里", "AI"}},
		{"SAIC不是AI", []string{"SAIC", "AI"}},
		{"SAICAI", nil},                           // AI inside a Latin word
		{"alibaba与ai", []string{"alibaba", "ai"}}, // case-insensitive
		// folding the Kelvin sign shortens the text: matched as is
		{"\u212aX和kx和KX", []string{"kx"}},
		// folded lengths even out but rune starts move (K shorter, Ⱥ longer)
		{"\u212a和\u023a\u023a阿里与KX", []string{"阿里", "KX"}},
		{"阿里\xff阿里云", []string{"阿里", "阿里云"}}, // invalid UTF-8
		{"", nil},
	} {
		var got []string
		for _, m := range d.findAll(tc.text) {
			got = append(got, tc.text[m.Start:m.End])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("findAll(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPhraseDictLengthsMatchPrefixes checks that trying only the recorded
// lengths finds what trying every prefix finds, on the sample articles with
// the shipped lexicons.
func TestPhraseDictLengthsMatchPrefixes(t *testing.T) {
	texts := sampleTexts(t, true)
	if len(texts) == 0 {
		t.Skip("no sample articles in ../testdata")
	}
	x := testExtractor(t)
	for p, text := range texts {
		low := fold(text)
		if len(low) != len(text) {
			low = text
		}
		if !sameRuneStarts(text, low) {
			t.Fatalf("%s: folding moves rune starts; the test needs a text where it does not", p)
		}
		got, want := x.dict.findAll(text), x.dict.findAllByPrefix(text, low)
		if len(want) == 0 {
			t.Fatalf("%s: no lexicon words found", p)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: findAll found %d matches, every-prefix search %d", p, len(got), len(want))
		}
	}
}

func TestPhraseDictLengthsLongestFirst(t *testing.T) {
	d := newPhraseDict()
	d.add(&lexEntry{Canon: "a", Forms: []string{"阿里", "阿里巴巴", "阿里云", "阿", "阿里"}})
	if got, want := d.byFirst['阿'], []int{12, 9, 6, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("byFirst[阿] = %v, want %v", got, want)
	}
}
