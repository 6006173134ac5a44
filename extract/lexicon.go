package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The shipped lexicons: general domain vocabulary (industries, technology
// terms, trigger verbs, unit words…), one entry per line. A line is either
// `entry` or `entry<TAB>value` (the value's meaning is the list's own: a
// type, a scale, a canonical form). `#` starts a comment.
//
//go:embed lexicon/*.txt
var builtinLexicons embed.FS

// Lexicon holds named word lists. The list name is the file's base name
// without .txt (industry.txt → "industry"). User files with the same name
// extend the shipped list rather than replace it.
type Lexicon struct {
	lists map[string][]Entry
}

// Entry is one line of a lexicon file.
type Entry struct {
	Word  string
	Value string
}

// LoadLexicon reads the shipped lists and then every *.txt file in dirs.
func LoadLexicon(dirs ...string) (*Lexicon, error) {
	lx := &Lexicon{lists: map[string][]Entry{}}
	err := fs.WalkDir(builtinLexicons, "lexicon", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		f, err := builtinLexicons.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return lx.read(listName(p), p, f)
	})
	if err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			return nil, fmt.Errorf("lexicon dir %s: %w", dir, err)
		}
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("lexicon dir %s: %w", dir, err)
		}
		sort.Strings(files)
		for _, p := range files {
			f, err := os.Open(p)
			if err != nil {
				return nil, fmt.Errorf("lexicon %s: %w", p, err)
			}
			err = lx.read(listName(p), p, f)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	return lx, nil
}

func listName(p string) string { return strings.TrimSuffix(filepath.Base(p), ".txt") }

func (lx *Lexicon) read(name, path string, r interface{ Read([]byte) (int, error) }) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if i := strings.Index(t, "#"); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimRight(t, " \r")
		if strings.TrimSpace(t) == "" {
			continue
		}
		word, value, _ := strings.Cut(t, "\t")
		word = strings.TrimSpace(word)
		if word == "" {
			return fmt.Errorf("lexicon %s:%d: empty entry", path, line)
		}
		lx.lists[name] = append(lx.lists[name], Entry{Word: word, Value: strings.TrimSpace(value)})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon %s: %w", path, err)
	}
	return nil
}

// List returns the entries of one list, shipped first then the user's.
func (lx *Lexicon) List(name string) []Entry { return lx.lists[name] }

// Words returns just the words of one list.
func (lx *Lexicon) Words(name string) []string {
	es := lx.lists[name]
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Word
	}
	return out
}

// Map returns a list as word → value.
func (lx *Lexicon) Map(name string) map[string]string {
	m := make(map[string]string, len(lx.lists[name]))
	for _, e := range lx.lists[name] {
		m[e.Word] = e.Value
	}
	return m
}
