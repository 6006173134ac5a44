package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// articleExts are the file name endings a folder walk picks up; a file
// named on the command line is taken whatever its name.
var articleExts = []string{".md", ".markdown", ".html", ".htm"}

func isArticleName(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range articleExts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// Collect turns files and folders into the sorted list of article files
// under them (recursively *.md, *.markdown, *.html, *.htm). Hidden files
// and folders (".git", editor backups) are passed over. Symbolic links are
// followed, but no directory is walked twice: a link back into its own
// ancestry is reported as a loop, and a second link to a folder already
// walked is reported too, since its files would otherwise be counted twice.
// The same file named twice is listed once. Paths that cannot be read,
// broken links and non-regular files come back as FileErrors; the error is
// only for a call with no paths at all.
func Collect(paths []string) ([]string, []FileError, error) {
	if len(paths) == 0 {
		return nil, nil, errors.New("no files or folders given")
	}
	c := &collector{dirs: map[fileKey]string{}, files: map[fileKey]bool{}}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			c.fail(p, statReason(p, err))
			continue
		}
		if fi.IsDir() {
			c.walk(p, fi, nil)
			continue
		}
		c.file(p, fi)
	}
	sort.Strings(c.out)
	sort.Slice(c.errs, func(i, j int) bool { return c.errs[i].Path < c.errs[j].Path })
	return c.out, c.errs, nil
}

type collector struct {
	dirs  map[fileKey]string // directory → the path it was first walked as
	files map[fileKey]bool
	out   []string
	errs  []FileError
}

func (c *collector) fail(path string, err error) {
	c.errs = append(c.errs, FileError{Path: path, Err: err})
}

func (c *collector) file(path string, fi os.FileInfo) {
	if !fi.Mode().IsRegular() {
		c.fail(path, fmt.Errorf("not a regular file (%s)", fi.Mode().Type()))
		return
	}
	k := keyOf(path, fi)
	if c.files[k] {
		return
	}
	c.files[k] = true
	c.out = append(c.out, path)
}

// walk visits dir; ancestors holds the keys of the directories above it on
// this walk, which tells a loop from a second link to the same folder.
func (c *collector) walk(dir string, fi os.FileInfo, ancestors []fileKey) {
	k := keyOf(dir, fi)
	for _, a := range ancestors {
		if a == k {
			c.fail(dir, fmt.Errorf("symlink loop: leads back to %s; not followed", c.dirs[k]))
			return
		}
	}
	if first, seen := c.dirs[k]; seen {
		c.fail(dir, fmt.Errorf("folder already collected as %s; not walked twice", first))
		return
	}
	c.dirs[k] = dir
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.fail(dir, fmt.Errorf("unreadable folder: %w", unwrapPath(err)))
		// ReadDir returns what it read before the error; keep going with it.
	}
	ancestors = append(ancestors, k)
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		info, err := e.Info()
		if err != nil {
			c.fail(p, statReason(p, err))
			continue
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			if info, err = os.Stat(p); err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					c.fail(p, errors.New("broken symlink"))
				} else {
					c.fail(p, statReason(p, err))
				}
				continue
			}
		}
		switch {
		case info.IsDir():
			c.walk(p, info, ancestors)
		case isArticleName(name):
			c.file(p, info)
		}
	}
}

// statReason drops the path that *PathError repeats, since FileError
// already names the file; ELOOP from the kernel (a link to itself) gets a
// plainer wording.
func statReason(path string, err error) error {
	err = unwrapPath(err)
	if strings.Contains(err.Error(), "too many levels of symbolic links") {
		return errors.New("symlink loop: link resolves to itself")
	}
	return err
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
