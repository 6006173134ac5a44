package extract

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// droppedTags are elements whose text is never article text.
var droppedTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "nav": true, "header": true, "footer": true, "aside": true,
	"form": true, "button": true, "iframe": true, "svg": true, "template": true, "figcaption": true,
}

// blockTags end the running block when they open or close; everything
// else (a, strong, span, em…) is inline and its text joins the block.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "body": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "blockquote": true, "pre": true, "table": true,
	"tr": true, "td": true, "th": true, "dd": true, "dt": true, "dl": true, "figure": true, "br": true, "hr": true,
}

// htmlBlocks turns an HTML body into headings and paragraphs. It looks for
// the article by structure (<article>, then <main>, then the whole body)
// rather than by one site's class names, so 36kr long reads, 36kr news
// flashes (bare text in a <div>), IT之家 and ordinary pages all read.
func htmlBlocks(body []byte) ([]Block, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	root := articleRoot(doc.Nodes[0])
	w := &htmlWalker{}
	w.walk(root)
	w.flush()
	return w.blocks, nil
}

// articleRoot drops the droppedTags elements from the document and
// returns the first <article> that has text, else the first <main> that
// has text, else <body>, else the document. It is one walk over the tree
// where goquery's Find(…).Remove() and three Finds made four; the walk
// does not enter dropped elements, so what it finds is what the Finds
// found after the removal.
func articleRoot(doc *html.Node) *html.Node {
	var article, main, body *html.Node
	var drop []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if droppedTags[c.Data] {
					drop = append(drop, c)
					continue
				}
				switch {
				case c.Data == "article" && article == nil:
					article = c
				case c.Data == "main" && main == nil:
					main = c
				case c.Data == "body" && body == nil:
					body = c
				}
			}
			visit(c)
		}
	}
	visit(doc)
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
	switch {
	case article != nil && hasText(article):
		return article
	case main != nil && hasText(main):
		return main
	case body != nil:
		return body
	}
	return doc
}

// hasText reports whether n holds any text but white space. Text nodes
// are whole UTF-8 (they split only at tags), so this is exactly
// strings.TrimSpace of their concatenation (goquery's Text) being non-empty.
func hasText(n *html.Node) bool {
	if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasText(c) {
			return true
		}
	}
	return false
}

type htmlWalker struct {
	blocks []Block
	cur    blockBuilder
	kind   BlockKind
	level  int
}

func (w *htmlWalker) flush() {
	if !w.cur.empty() {
		if b, ok := w.cur.build(w.kind, w.level); ok {
			w.blocks = append(w.blocks, b)
		}
	}
	w.cur = blockBuilder{}
	w.kind, w.level = Paragraph, 0
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.text(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	}
	tag := n.Data
	if tag == "a" {
		var txt strings.Builder
		collectText(n, &txt)
		w.cur.link(txt.String(), attr(n, "data-name"))
		return
	}
	if !blockTags[tag] {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	}
	w.flush()
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
		w.kind, w.level = Heading, int(tag[1]-'0')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	w.flush()
}

func collectText(n *html.Node, b *strings.Builder) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectText(c, b)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
