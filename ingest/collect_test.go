package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

// layout builds a tree under dir: "name" is a file, "name/" a folder,
// "name -> target" a symlink, "name|" a named pipe.
func layout(t *testing.T, dir string, entries ...string) {
	t.Helper()
	for _, e := range entries {
		var err error
		switch {
		case strings.Contains(e, " -> "):
			name, target, _ := strings.Cut(e, " -> ")
			err = os.Symlink(target, filepath.Join(dir, name))
		case strings.HasSuffix(e, "/"):
			err = os.MkdirAll(filepath.Join(dir, e), 0o755)
		case strings.HasSuffix(e, "|"):
			err = syscall.Mkfifo(filepath.Join(dir, strings.TrimSuffix(e, "|")), 0o644)
		default:
			err = os.WriteFile(filepath.Join(dir, e), []byte("# "+e+"\n"), 0o644)
		}
		if err != nil {
			t.Fatalf("layout %q: %v", e, err)
		}
	}
}

func TestCollect(t *testing.T) {
	cases := []struct {
		name    string
		entries []string
		args    []string // relative to the temp dir; default "."
		want    []string
		errs    []string // "path: reason substring"
	}{
		{
			name:    "extensions and recursion",
			entries: []string{"a.md", "b.HTML", "c.htm", "d.markdown", "e.txt", "sub/", "sub/f.md", "sub/deeper/", "sub/deeper/g.html"},
			want:    []string{"a.md", "b.HTML", "c.htm", "d.markdown", "sub/deeper/g.html", "sub/f.md"},
		},
		{
			name:    "hidden files and folders passed over",
			entries: []string{".git/", ".git/x.md", ".#a.md", "a.md"},
			want:    []string{"a.md"},
		},
		{
			name:    "named file taken whatever its extension",
			entries: []string{"notes.txt", "a.md"},
			args:    []string{"notes.txt"},
			want:    []string{"notes.txt"},
		},
		{
			name:    "same file twice listed once",
			entries: []string{"a.md", "link.md -> a.md"},
			args:    []string{".", "a.md"},
			want:    []string{"a.md"},
		},
		{
			name:    "symlink loop reported, not followed",
			entries: []string{"a/", "a/x.md", "a/back -> .."},
			want:    []string{"a/x.md"},
			errs:    []string{"a/back: symlink loop: leads back to ."},
		},
		{
			name:    "second link to a folder reported",
			entries: []string{"data/", "data/x.md", "alias -> data"},
			want:    []string{"alias/x.md"},
			errs:    []string{"data: folder already collected as alias"},
		},
		{
			name:    "self link and broken link",
			entries: []string{"self.md -> self.md", "gone.md -> nowhere.md", "ok.md"},
			want:    []string{"ok.md"},
			errs:    []string{"gone.md: broken symlink", "self.md: symlink loop: link resolves to itself"},
		},
		{
			name:    "named pipe with an article name",
			entries: []string{"pipe.md|", "ok.md"},
			want:    []string{"ok.md"},
			errs:    []string{"pipe.md: not a regular file"},
		},
		{
			name: "missing argument",
			args: []string{"missing.md"},
			errs: []string{"missing.md: no such file or directory"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			layout(t, dir, c.entries...)
			t.Chdir(dir)
			args := c.args
			if args == nil {
				args = []string{"."}
			}
			got, errs, err := Collect(args)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
				t.Errorf("files %q, want %q", got, c.want)
			}
			var gotErrs []string
			for _, e := range errs {
				gotErrs = append(gotErrs, e.Error())
			}
			if len(gotErrs) != len(c.errs) {
				t.Fatalf("errors %q, want %q", gotErrs, c.errs)
			}
			for i, want := range c.errs {
				if !strings.HasPrefix(gotErrs[i], want) {
					t.Errorf("error %q, want %q…", gotErrs[i], want)
				}
			}
		})
	}
}

func TestCollectUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop reading a folder")
	}
	dir := t.TempDir()
	layout(t, dir, "ok.md", "locked/", "locked/x.md")
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	got, errs, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(errs) != 1 || errs[0].Path != locked || !strings.Contains(errs[0].Error(), "unreadable folder") {
		t.Fatalf("got %q, errors %v", got, errs)
	}
}

func TestCollectNoPaths(t *testing.T) {
	if _, _, err := Collect(nil); err == nil {
		t.Fatal("no error for no paths")
	}
}
