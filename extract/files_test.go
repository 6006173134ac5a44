package extract

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestExtractFilesKeepsOrder(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	for i, body := range []string{"阿里云推动了云计算的发展。", "", "腾讯云服务金融行业。", "华为云位列第三。", "\x00\x01binary"} {
		p := filepath.Join(dir, string(rune('a'+i))+".md")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	for _, workers := range []int{1, 2, 4} {
		var got []string
		var failed []string
		err := x.ExtractFiles(paths, workers, func(path string, r *Result, err error) error {
			got = append(got, path)
			if err != nil {
				failed = append(failed, filepath.Base(path))
			} else if r.Doc.Source != path {
				t.Errorf("result for %s carries source %s", path, r.Doc.Source)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(paths) {
			t.Fatalf("workers=%d: %d results for %d paths", workers, len(got), len(paths))
		}
		for i := range paths {
			if got[i] != paths[i] {
				t.Errorf("workers=%d: result %d is %s, want %s", workers, i, got[i], paths[i])
			}
		}
		if len(failed) != 2 || failed[0] != "b.md" || failed[1] != "e.md" {
			t.Errorf("workers=%d: failed = %v, want the empty and the binary file", workers, failed)
		}
	}
	// An error from emit stops the run and is returned.
	stopErr := errors.New("stop")
	n := 0
	err = x.ExtractFiles(paths, 2, func(string, *Result, error) error { n++; return stopErr })
	if !errors.Is(err, stopErr) || n != 1 {
		t.Errorf("emit error: err=%v after %d calls", err, n)
	}
}
