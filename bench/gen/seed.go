package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// seed is one source article cut into the pieces the generator recombines.
type seed struct {
	path   string
	front  frontMatter
	blocks []string // top-level HTML blocks of the body, markup kept
	size   int      // bytes of the whole file
}

// frontMatter keeps the lines of the YAML header so that the output looks
// exactly like the seed's, with only the title and date replaced.
type frontMatter struct {
	lines []string
	title string
}

// blockRE finds the body's top-level blocks. 36kr and IT之家 bodies are flat
// sequences of these inside one <div>, so a non-nesting match is enough.
var blockRE = regexp.MustCompile(`(?s)<(?:p|h[1-6]|ul|ol|blockquote|table|figure)\b[^>]*>.*?</(?:p|h[1-6]|ul|ol|blockquote|table|figure)>`)

// dataNameRE reads 36kr's auto-link hints, which name companies and brands.
var dataNameRE = regexp.MustCompile(`data-name="([^"]+)"`)

// loadSeeds reads every *.md article (front matter with a title, and a
// body) under the given files or directories, sorted by path so that a seed
// set always yields the same corpus.
func loadSeeds(roots []string) ([]*seed, error) {
	var paths []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.EqualFold(d.Name(), "README.md") {
				paths = append(paths, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("seeds %s: %w", root, err)
		}
	}
	sort.Strings(paths)
	var seeds []*seed
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		// Test-data folders also hold deliberately broken inputs (no front
		// matter, GBK, binary); they are not seeds, and not errors here.
		if !utf8.Valid(raw) {
			continue
		}
		s, err := parseSeed(p, string(raw))
		if err == nil && len(s.blocks) > 0 && s.front.title != "" {
			seeds = append(seeds, s)
		}
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("no seed articles (*.md with front matter and a body) under %s", strings.Join(roots, ", "))
	}
	return seeds, nil
}

func parseSeed(path, text string) (*seed, error) {
	text = strings.TrimLeft(text, "\ufeff \t\r\n")
	if !strings.HasPrefix(text, "---") {
		return nil, fmt.Errorf("seed %s: no front matter", path)
	}
	rest := text[3:]
	end := strings.Index(rest, "\n---")
	if end < 0 {
		return nil, fmt.Errorf("seed %s: front matter not closed", path)
	}
	s := &seed{path: path, size: len(text)}
	for _, line := range strings.Split(strings.Trim(rest[:end], "\r\n"), "\n") {
		line = strings.TrimRight(line, "\r")
		if v, ok := strings.CutPrefix(line, "title:"); ok {
			s.front.title = strings.Trim(strings.TrimSpace(v), `'"`)
		}
		s.front.lines = append(s.front.lines, line)
	}
	body := rest[end+4:]
	s.blocks = blockRE.FindAllString(body, -1)
	if len(s.blocks) == 0 {
		// Flash news: bare text inside the <div>, no paragraph markup.
		t := strings.TrimSpace(body)
		t = strings.TrimSuffix(strings.TrimPrefix(t, "<div>"), "</div>")
		if t = strings.TrimSpace(t); t != "" {
			s.blocks = []string{"<p>" + t + "</p>"}
		}
	}
	return s, nil
}

// seedCompanies lists the company names the seeds' auto-links point at.
// Single characters and names the links are known to split wrongly (大云,
// 型云) are left out by requiring two runes and no leading 云/型.
func seedCompanies(seeds []*seed) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range seeds {
		for _, b := range s.blocks {
			for _, m := range dataNameRE.FindAllStringSubmatch(b, -1) {
				n := m[1]
				if len([]rune(n)) < 2 || seen[n] || splitLinks[n] {
					continue
				}
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}
