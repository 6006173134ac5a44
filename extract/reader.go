package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// ReadFile reads one article from disk: the raw bytes are vetted by
// checkInput (encoding, size) and then parsed. Errors name the file.
func ReadFile(path string) (*Article, error) {
	raw, err := ReadRaw(path) // refuses pipes (which would block) and oversized files
	if err != nil {
		return nil, err
	}
	return Parse(path, raw)
}

// Parse reads an article from raw bytes. The YAML front matter is optional;
// the body may be HTML (36kr, IT之家, a plain web page) or Markdown/plain
// text. The hash is taken over the raw bytes as given, before any decoding,
// so that an unchanged file is recognised on the next build.
func Parse(path string, raw []byte) (*Article, error) {
	sum := sha256.Sum256(raw)
	text, err := checkInput(path, raw)
	if err != nil {
		return nil, err
	}
	a := &Article{
		Path: path,
		ID:   strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)),
		Hash: hex.EncodeToString(sum[:]),
	}
	front, body, err := splitFrontMatter(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if front != nil {
		if err := a.readFrontMatter(front); err != nil {
			return nil, fmt.Errorf("%s: front matter: %w", path, err)
		}
	}
	if looksLikeHTML(body) {
		a.Blocks, err = htmlBlocks(body)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	} else {
		a.Blocks = markdownBlocks(body)
	}
	if a.Title == "" {
		for _, b := range a.Blocks {
			if b.Kind == Heading && b.Level == 1 {
				a.Title = b.Text
				break
			}
		}
	}
	if a.Title == "" {
		a.Title = a.ID // no front matter title, no heading: the file name is all there is
	}
	return a, nil
}

// splitFrontMatter separates a leading `---` … `---` YAML block from the
// body. Files may start with blank lines before the first `---`.
func splitFrontMatter(text []byte) (front, body []byte, err error) {
	t := bytes.TrimLeft(text, " \t\r\n\ufeff")
	if !bytes.HasPrefix(t, []byte("---")) {
		return nil, text, nil
	}
	first, rest, _ := bytes.Cut(t, []byte("\n"))
	if strings.TrimSpace(string(first)) != "---" {
		return nil, text, nil
	}
	for off := 0; off <= len(rest); {
		line, after, found := bytes.Cut(rest[off:], []byte("\n"))
		if strings.TrimSpace(string(line)) == "---" || strings.TrimSpace(string(line)) == "..." {
			return rest[:off], after, nil
		}
		if !found {
			break
		}
		off += len(line) + 1
	}
	return nil, nil, fmt.Errorf("front matter starts with --- but never ends")
}

type frontMatter struct {
	Title      string    `yaml:"title"`
	Author     string    `yaml:"author"`
	Date       yaml.Node `yaml:"date"`
	Categories yaml.Node `yaml:"categories"`
}

func (a *Article) readFrontMatter(front []byte) error {
	var fm frontMatter
	if err := yaml.Unmarshal(front, &fm); err != nil {
		return err
	}
	a.Title = cleanInline(fm.Title)
	a.Author = strings.TrimSpace(fm.Author)
	if fm.Date.Kind == yaml.ScalarNode && strings.TrimSpace(fm.Date.Value) != "" {
		d, err := parseDate(fm.Date.Value)
		if err != nil {
			return err
		}
		a.Date = d
	}
	switch fm.Categories.Kind {
	case yaml.SequenceNode:
		for _, n := range fm.Categories.Content {
			if c := strings.TrimSpace(n.Value); c != "" {
				a.Categories = append(a.Categories, c)
			}
		}
	case yaml.ScalarNode:
		for _, c := range strings.Split(fm.Categories.Value, ",") {
			if c = strings.TrimSpace(c); c != "" {
				a.Categories = append(a.Categories, c)
			}
		}
	}
	return nil
}

var dateLayouts = []string{
	time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano,
	"Mon, 2 Jan 2006 15:04:05 MST", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02",
}

// parseDate accepts the forms seen in front matter; dates without a zone
// are taken as UTC so that the output does not depend on the machine.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q: not RFC 1123, RFC 3339 or YYYY-MM-DD", s)
}

// htmlOpenings are the tag openings, after a '<', that make a body HTML.
var htmlOpenings = []string{"p", "div", "h1", "h2", "h3", "article", "html", "body", "br", "section", "main", "span"}

// looksLikeHTML reports whether body holds one of htmlOpenings after a
// '<', in any letter case. It was bytes.Contains on bytes.ToLower(body);
// rather than lower a copy of the body it compares in place after each
// '<'. That is exact because the only non-ASCII characters that lower to
// ASCII are K (Kelvin sign, to k, in no opening) and İ, which lowers to i:
// tagByteMatches lets İ stand for an i.
func looksLikeHTML(body []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		for _, tag := range htmlOpenings {
			if hasTagPrefix(body[i:], tag) {
				return true
			}
		}
	}
}

// hasTagPrefix reports whether b starts with tag (lower-case ASCII) once
// lowered.
func hasTagPrefix(b []byte, tag string) bool {
	k := 0
	for t := 0; t < len(tag); t++ {
		if k >= len(b) {
			return false
		}
		c := b[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case c == tag[t]:
			k++
		case tag[t] == 'i' && c == 0xC4 && k+1 < len(b) && b[k+1] == 0xB0: // İ, U+0130
			k += 2
		default:
			return false
		}
	}
	return true
}
