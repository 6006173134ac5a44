package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// htmlBlocksRef is htmlBlocks as first written, with goquery's Find and
// Remove; articleRoot must pick the same root from the same tree.
func htmlBlocksRef(body []byte) ([]Block, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	doc.Find("script, style, noscript, nav, header, footer, aside, form, button, iframe, svg, template, figcaption").Remove()
	root := doc.Find("article").First()
	if root.Length() == 0 || strings.TrimSpace(root.Text()) == "" {
		root = doc.Find("main").First()
	}
	if root.Length() == 0 || strings.TrimSpace(root.Text()) == "" {
		root = doc.Find("body").First()
	}
	if root.Length() == 0 {
		root = doc.Selection
	}
	w := &htmlWalker{}
	for _, n := range root.Nodes {
		w.walk(n)
	}
	w.flush()
	return w.blocks, nil
}

func TestArticleRootMatchesReference(t *testing.T) {
	bodies := []string{
		`<p>plain</p>`,
		`<nav><p>menu</p></nav><article><h1>标题</h1><p>正文<a data-name="腾讯">腾讯</a>云</p></article>`,
		`<article> <script>x()</script> </article><main><p>主体</p></main><p>外面</p>`,
		`<article>  </article><p>only body</p>`,
		`<main>&nbsp;</main><div>body text</div>`,
		`<nav><article><p>in nav</p></article></nav><article><p>second</p></article>`,
		`<form><button>b<style>s</style></button></form><article><p>a</p><figcaption>cap</figcaption><p>b</p></article>`,
		`<header><main><p>in header</p></main></header><main><p>real</p></main>`,
		`<svg><style>x</style><text>svg text</text></svg><template><p>t</p></template><p>after</p>`,
		`<article><p>one</p></article><article><p>two</p></article>`,
		`<!-- c --><main><!-- only a comment --></main><section><p>sec</p></section>`,
		"<article>\u3000\n</article><p>ideographic space only</p>",
		``,
	}
	for _, dir := range []string{"../testdata", "../../shared/corpus"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			bodies = append(bodies, string(raw))
		}
	}
	for _, b := range bodies {
		got, err := htmlBlocks([]byte(b))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := htmlBlocksRef([]byte(b))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("htmlBlocks(%.80q):\n got %+v\nwant %+v", b, got, want)
		}
	}
}
