package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
)

const smallArticle = "---\ntitle: '腾讯云发布新一代服务器'\ndate: Wed, 14 Jul 2021 07:56:46 GMT\n---\n<div><p>腾讯云今日发布新一代云服务器，阿里云和华为云也在加大投入。2020年中国云服务市场规模达到2256.1亿元。</p></div>\n"

// badCorpus writes every kind of broken input next to good articles and
// says, per file, whether it must be stored or which reason its one log
// line must give.
func badCorpus(t *testing.T, dir string) (stored map[string]bool, failed map[string]string) {
	t.Helper()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stored = map[string]bool{}
	failed = map[string]string{}
	for i, src := range sampleArticles(t, 3)[:3] {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		name := "good-" + filepath.Base(src)
		if i == 0 {
			name = "good-" + strings.TrimSuffix(filepath.Base(src), ".md") + ".html"
		}
		write(name, b)
		stored[name] = true
	}

	write("empty.md", nil)
	failed["empty.md"] = "empty file"

	// Decision: kept, as an article with its metadata and no facts; the
	// title and date are still worth finding.
	write("front-only.md", []byte("---\ntitle: '只有标题的文章'\ndate: Sun, 30 Jan 2022 05:55:58 GMT\n---\n"))
	stored["front-only.md"] = true

	write("no-front.md", []byte("# 华为云发布盘古大模型\n\n华为云今日发布盘古大模型，面向金融和制造行业。\n"))
	stored["no-front.md"] = true

	write("bad-yaml.md", []byte("---\ntitle: [unclosed\n  - : :\n---\n<p>正文</p>\n"))
	failed["bad-yaml.md"] = "front matter"

	write("unclosed.md", []byte("---\ntitle: '标签没闭合'\n---\n<div><p>阿里云<b>市场份额第一<p>腾讯云<i>排名第二<table><tr><td>华为云"))
	stored["unclosed.md"] = true

	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(smallArticle))
	if err != nil {
		t.Fatal(err)
	}
	write("gbk.md", gbk)
	stored["gbk.md"] = true

	write("bad-utf8.md", append([]byte(smallArticle[:60]), 0xff, 0xfe, 'a', 'b', 0xc3))
	failed["bad-utf8.md"] = "not UTF-8 text: invalid byte 0xff"

	write("binary.md", append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0, 1, 2, 3}, 4096)...))
	failed["binary.md"] = "binary file (NUL byte"

	// 50 MB, as real pages get: a short article with an inline image.
	big := bytes.NewBufferString(smallArticle)
	big.WriteString(`<p><img src="data:image/png;base64,`)
	big.Write(bytes.Repeat([]byte("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"), 50<<20/60))
	big.WriteString(`"></p><p>文末，阿里云表示将继续投入。</p>`)
	write("big-50mb.md", big.Bytes())
	stored["big-50mb.md"] = true

	huge, err := os.Create(filepath.Join(dir, "huge.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := huge.Truncate(extract.MaxFileSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	huge.Close()
	failed["huge.md"] = "file too large"

	// x/net/html refuses trees deeper than 512 elements with an error, so
	// 10,000 levels end as this file's error rather than a deep recursion.
	write("nested.md", []byte("---\ntitle: '嵌套'\n---\n"+strings.Repeat("<div>", 10000)+"深"+strings.Repeat("</div>", 10000)))
	failed["nested.md"] = "open stack of elements exceeds 512 nodes"

	if err := os.Mkdir(filepath.Join(dir, "loop"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("loop/inside.md", []byte(smallArticle))
	stored["loop/inside.md"] = true
	if err := os.Symlink("..", filepath.Join(dir, "loop", "up")); err != nil {
		t.Fatal(err)
	}
	failed["loop/up"] = "symlink loop"
	return stored, failed
}

func TestRunBadCorpus(t *testing.T) {
	dir := t.TempDir()
	wantStored, wantFailed := badCorpus(t, dir)
	st, err := graph.Open(graph.Options{Path: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}

	var log bytes.Buffer
	type ran struct {
		sum *Summary
		err error
	}
	done := make(chan ran, 1)
	go func() {
		sum, err := Run(context.Background(), st, x, []string{dir}, Options{Workers: 2, Log: &log})
		done <- ran{sum, err}
	}()
	var r ran
	select {
	case r = <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("Run did not finish within 3 minutes")
	}

	if r.err == nil {
		t.Error("Run returned no error although files failed")
	}
	if r.sum.Articles != len(wantStored) || r.sum.Failed != len(wantFailed) || r.sum.Files != len(wantStored)+len(wantFailed) {
		t.Errorf("files %d stored %d failed %d, want %d, %d and %d", r.sum.Files, r.sum.Articles, r.sum.Failed,
			len(wantStored)+len(wantFailed), len(wantStored), len(wantFailed))
	}
	for name := range wantStored {
		if _, ok, err := st.ArticleHash(articleID(name)); err != nil || !ok {
			t.Errorf("%s not stored (%v)", name, err)
		}
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != len(wantFailed) {
		t.Errorf("%d log lines for %d bad files:\n%s", len(lines), len(wantFailed), log.String())
	}
	for name, reason := range wantFailed {
		prefix := filepath.Join(dir, name) + ": "
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				n++
				if !strings.Contains(l, reason) {
					t.Errorf("line %q does not say %q", l, reason)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d log lines, want 1", name, n)
		}
	}
	if t.Failed() {
		var b strings.Builder
		r.sum.WriteText(&b)
		t.Log(b.String())
	}
}
