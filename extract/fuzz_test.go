package extract

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// fuzzSeeds are the sample articles plus small inputs that reach the odd
// corners: no front matter, Markdown, broken HTML, other encodings.
func fuzzSeeds(f *testing.F) [][]byte {
	f.Helper()
	seeds := [][]byte{
		[]byte(sampleZh),
		[]byte("# 标题\n\n腾讯云与阿里云展开竞争。\n"),
		[]byte("---\ntitle: x\n---\n"),
		[]byte("---\ntitle: [\n---\n<p>坏的 YAML</p>"),
		[]byte("<div><p>阿里云<b>第一<p>华为云<a data-name=\"华为\" href=\"#\">华为</a>云第二"),
		[]byte("---\ndate: Sun, 30 Jan 2022 05:55:58 GMT\ncategories:\n - 快讯\n---\n36氪获悉，\"爱多纷\"完成亿元级Pre-A轮融资。"),
		[]byte("\xef\xbb\xbf---\ntitle: bom\n---\n<h1>一</h1><h7>二</h7><p>2021年市场规模约为1.5万亿元，同比增长30%。</p>"),
	}
	if gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(sampleZh)); err == nil {
		seeds = append(seeds, gbk)
	}
	if u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(sampleZh)); err == nil {
		seeds = append(seeds, u16)
	}
	files, _ := filepath.Glob("../testdata/*.md")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			seeds = append(seeds, b)
		}
	}
	return seeds
}

func FuzzCheckInput(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00"))
	f.Add([]byte("\ufeff"))   // found by fuzzing: a BOM alone was accepted as empty text
	f.Add([]byte("\xa1\xa1")) // found by fuzzing: GBK for U+3000 alone was accepted
	f.Fuzz(func(t *testing.T, raw []byte) {
		out, err := checkInput("f.md", raw)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.md: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if !utf8.Valid(out) || bytes.IndexByte(out, 0) >= 0 || len(bytes.TrimSpace(out)) == 0 {
			t.Fatalf("accepted output is not non-blank UTF-8 text without NUL: %q", out)
		}
		if utf8.Valid(raw) && !bytes.Equal(out, bytes.TrimPrefix(raw, utf8BOM)) {
			t.Fatalf("valid UTF-8 changed: %q → %q", raw, out)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := Parse("dir/fuzz.md", raw)
		if err != nil {
			if !strings.Contains(err.Error(), "dir/fuzz.md") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		checkArticle(t, a)
	})
}

// checkArticle asserts what Article's documentation promises.
func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	if a.ID != "fuzz" || a.Path != "dir/fuzz.md" || len(a.Hash) != 64 {
		t.Fatalf("id %q path %q hash %q", a.ID, a.Path, a.Hash)
	}
	if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Author) {
		t.Fatalf("title or author not UTF-8: %q %q", a.Title, a.Author)
	}
	for i, b := range a.Blocks {
		if !utf8.ValidString(b.Text) {
			t.Fatalf("block %d text not UTF-8: %q", i, b.Text)
		}
		if (b.Kind == Heading && (b.Level < 1 || b.Level > 6)) || (b.Kind == Paragraph && b.Level != 0) {
			t.Fatalf("block %d: kind %d level %d", i, b.Kind, b.Level)
		}
		for _, l := range b.Links {
			if l.Start < 0 || l.Start > l.End || l.End > len(b.Text) {
				t.Fatalf("block %d: link %+v outside text of %d bytes %q", i, l, len(b.Text), b.Text)
			}
		}
	}
}

var fuzzExtractor *Extractor

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	// Found by fuzzing: a clause split at a thousands separator ended
	// inside the figure and subjects() sliced past it.
	f.Add([]byte("0,010"))
	f.Add([]byte("<p>比亚迪2021年销量达1,200,000辆，同比增长75%。</p>"))
	if fuzzExtractor == nil {
		x, err := New(Options{})
		if err != nil {
			f.Fatal(err)
		}
		fuzzExtractor = x
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := Parse("dir/fuzz.md", raw)
		if err != nil {
			return
		}
		r := fuzzExtractor.Extract(a)
		if r == nil {
			t.Fatal("no result")
		}
		checkResult(t, a, r)
	})
}

// checkResult asserts the extraction contract of ../shared/SCHEMA.md: known
// types and predicates, subjects and objects that are listed entities, and
// a result that encodes as JSON (a NaN or Inf value would not).
func checkResult(t *testing.T, a *Article, r *Result) {
	t.Helper()
	if r.Doc.ID != a.ID {
		t.Fatalf("doc id %q, article id %q", r.Doc.ID, a.ID)
	}
	names := map[string]bool{}
	for _, e := range r.Entities {
		if strings.TrimSpace(e.Name) == "" || !utf8.ValidString(e.Name) || !e.Type.Valid() {
			t.Fatalf("bad entity %+v", e)
		}
		names[e.Name] = true
	}
	for _, rel := range r.Relations {
		if !rel.Predicate.Valid() || !names[rel.Subject] || !names[rel.Object] {
			t.Fatalf("relation %+v: unknown predicate or entity not listed", rel)
		}
	}
	for _, m := range r.Metrics {
		if !names[m.Subject] || math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
			t.Fatalf("metric %+v: subject not listed or value not finite", m)
		}
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("result does not encode: %v", err)
	}
}
