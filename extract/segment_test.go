package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"reflect"
	"testing"

	"github.com/go-ego/gse"
)

// The fast path writes gse's unexported path costs itself; they must be
// bit for bit what gse's CalcToken computes, or segmentation would change.
func TestSetDistancesMatchesCalcToken(t *testing.T) {
	fast, err := buildSegmenter(&Lexicon{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := tokenDistanceOffset(); !ok {
		t.Fatal("gse.Token has no float32 distance field: setDistances falls back to the slow CalcToken")
	}
	// the same tokens again, costs computed by gse
	var slow gse.Segmenter
	slow.Dict = gse.NewDict()
	for i := range fast.seg.Dict.Tokens {
		tk := &fast.seg.Dict.Tokens[i]
		slow.AddToken(tk.Text(), tk.Freq(), tk.Pos())
	}
	slow.CalcToken()
	if got, want := len(fast.seg.Dict.Tokens), len(slow.Dict.Tokens); got != want {
		t.Fatalf("%d tokens, gse has %d", got, want)
	}
	for i := range slow.Dict.Tokens {
		got := reflect.ValueOf(&fast.seg.Dict.Tokens[i]).Elem().FieldByName("distance").Float()
		want := reflect.ValueOf(&slow.Dict.Tokens[i]).Elem().FieldByName("distance").Float()
		if got != want {
			t.Fatalf("token %q: distance %v, CalcToken gives %v", fast.seg.Dict.Tokens[i].Text(), got, want)
		}
	}
	for _, text := range []string{"宁德时代2023年营收4009亿元，同比增长22%", "腾讯云与阿里巴巴在人工智能领域展开合作"} {
		var a, b []string
		for _, s := range fast.seg.Segment([]byte(text)) {
			a = append(a, text[s.Start():s.End()]+"/"+s.Token().Pos())
		}
		for _, s := range slow.Segment([]byte(text)) {
			b = append(b, text[s.Start():s.End()]+"/"+s.Token().Pos())
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s:\n fast %v\n gse  %v", text, a, b)
		}
	}
}

// segDict is stored sorted for insert speed. That the order does not
// matter rests on no two lines having the same trie key (gse keeps the
// first of two); segDictWords must also count the lines.
func TestSegDictKeysUnique(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(segDict))
	if err != nil {
		t.Fatal(err)
	}
	var seg gse.Segmenter
	seen := map[string]int{}
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		n++
		word, _, pos, ok, err := parseSegDictLine(sc.Bytes())
		if err != nil || !ok {
			t.Fatalf("line %d %q: ok=%v err=%v", n, sc.Text(), ok, err)
		}
		if f := bytes.Fields(sc.Bytes()); len(f) != 3 || !bytes.Equal(f[0], word) || !bytes.Equal(f[2], pos) {
			t.Errorf("line %d %q: %q %q, bytes.Fields gives %q", n, sc.Text(), word, pos, f)
		}
		key := gse.Join(seg.SplitTextToWords(word))
		if prev, dup := seen[key]; dup {
			t.Errorf("line %d %q has the same key as line %d", n, word, prev)
		}
		seen[key] = n
	}
	if n != segDictWords {
		t.Errorf("segDict has %d lines, segDictWords says %d", n, segDictWords)
	}
}

func TestParseSegDictLine(t *testing.T) {
	for _, tc := range []struct {
		line      string
		word, pos string
		freq      float64
		ok, err   bool
	}{
		{line: "泱 10 i", word: "泱", freq: 10, pos: "i", ok: true},
		{line: "人工智能  2411\tn", word: "人工智能", freq: 2411, pos: "n", ok: true},
		{line: "词 3.5 n", word: "词", freq: 3.5, pos: "n", ok: true},
		{line: "词 1e3", word: "词", freq: 1000, ok: true},
		{line: "词 1234567890123456789 n", word: "词", freq: 1234567890123456789, pos: "n", ok: true},
		{line: "词", ok: false},
		{line: "", ok: false},
		{line: "词 many n", err: true},
	} {
		word, freq, pos, ok, err := parseSegDictLine([]byte(tc.line))
		if (err != nil) != tc.err || ok != tc.ok {
			t.Errorf("%q: ok=%v err=%v", tc.line, ok, err)
			continue
		}
		if ok && (string(word) != tc.word || freq != tc.freq || string(pos) != tc.pos) {
			t.Errorf("%q: %q %v %q, want %q %v %q", tc.line, word, freq, pos, tc.word, tc.freq, tc.pos)
		}
	}
}
