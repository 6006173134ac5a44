package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const sampleZh = "---\ntitle: '2021年中国基础云服务行业发展洞察报告'\n---\n<p>2020年，中国整体云服务市场规模再创新高，达到2256.1亿元，增速接近40%。阿里云、华为云、腾讯云位居前三。</p>\n"

func mustEncode(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding fixture: %v", err)
	}
	return b
}

func TestCheckInput(t *testing.T) {
	gbk := mustEncode(t, simplifiedchinese.GBK.NewEncoder(), sampleZh)
	gb18030 := mustEncode(t, simplifiedchinese.GB18030.NewEncoder(), sampleZh+"𠀀") // 4-byte sequence
	utf16 := mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), sampleZh)
	sjis := mustEncode(t, japanese.ShiftJIS.NewEncoder(), "---\ntitle: テスト\n---\n<p>これは日本語の記事です。カタカナとひらがなが多い。</p>\n")
	truncatedGBK := append(bytes.Clone(gbk), 0xB0) // lead byte with no trail byte

	cases := []struct {
		name    string
		raw     []byte
		wantErr error  // nil: accepted
		errText string // also required in the message
		want    string // accepted text must equal this
	}{
		{name: "utf8", raw: []byte(sampleZh), want: sampleZh},
		{name: "utf8 bom dropped", raw: append(bytes.Clone(utf8BOM), sampleZh...), want: sampleZh},
		{name: "gbk decoded", raw: gbk, want: sampleZh},
		{name: "gb18030 4-byte decoded", raw: gb18030, want: sampleZh + "𠀀"},
		{name: "utf16 with bom decoded", raw: utf16, want: sampleZh},
		{name: "empty", raw: nil, wantErr: ErrEmpty},
		{name: "blank", raw: []byte(" \n\t\r\n"), wantErr: ErrEmpty},
		{name: "bom only", raw: []byte("\ufeff\n"), wantErr: ErrEmpty},
		{name: "gbk ideographic space only", raw: []byte("\xa1\xa1"), wantErr: ErrEmpty},
		{name: "nul byte", raw: []byte("---\ntitle: x\n---\nabc\x00def"), wantErr: ErrBinary, errText: "NUL byte at offset 20"},
		{name: "control chars", raw: bytes.Repeat([]byte("a\x01\x02\x03"), 100), wantErr: ErrBinary, errText: "control characters"},
		{name: "png header", raw: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: ErrBinary},
		{name: "latin1 refused", raw: []byte("caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la carte"), wantErr: ErrBadEncoding, errText: "offset 3 (line 1)"},
		{name: "shift-jis refused", raw: sjis, wantErr: ErrBadEncoding},
		{name: "truncated gbk refused", raw: truncatedGBK, wantErr: ErrBadEncoding},
		{name: "stray bytes in utf8", raw: []byte("第一行\n第二\xff\xfe行\n"), wantErr: ErrBadEncoding, errText: "0xff at offset 16 (line 2)"},
		{name: "form feed is text", raw: []byte("页一\f页二"), want: "页一\f页二"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := checkInput("dir/a.md", c.raw)
			if c.wantErr == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if string(got) != c.want {
					t.Fatalf("got %q, want %q", got, c.want)
				}
				return
			}
			if !errors.Is(err, c.wantErr) {
				t.Fatalf("error %v, want %v", err, c.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "dir/a.md: ") || !strings.Contains(err.Error(), c.errText) {
				t.Fatalf("error %q should name the file and contain %q", err, c.errText)
			}
		})
	}
}

func TestReadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.md", []byte(sampleZh))
	empty := write("empty.md", nil)
	// A sparse file: over the limit without writing 64 MiB to disk.
	big := filepath.Join(dir, "big.md")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		path    string
		wantErr error
		errText string
	}{
		{path: good},
		{path: empty, wantErr: ErrEmpty},
		{path: big, wantErr: ErrTooLarge, errText: "64.0 MiB, limit 64.0 MiB"},
		{path: dir, wantErr: ErrNotRegular, errText: "a directory"},
		{path: fifo, wantErr: ErrNotRegular, errText: "a named pipe"},
		{path: filepath.Join(dir, "missing.md"), wantErr: os.ErrNotExist},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			got, err := ReadInput(c.path)
			if c.wantErr == nil {
				if err != nil || string(got) != sampleZh {
					t.Fatalf("got %q, %v", got, err)
				}
				return
			}
			if !errors.Is(err, c.wantErr) || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.errText) {
				t.Fatalf("error %v, want %v naming %s and saying %q", err, c.wantErr, c.path, c.errText)
			}
		})
	}
}

// TestReadRawAllocatesFileSize pins the memory bound for big articles: the
// file is read into one buffer of its own size, not grown by doubling.
func TestReadRawAllocatesFileSize(t *testing.T) {
	const size = 8 << 20
	p := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(p, bytes.Repeat([]byte("云"), size/3), 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	raw, err := ReadRaw(p)
	runtime.ReadMemStats(&after)
	if err != nil || len(raw) != size/3*3 {
		t.Fatalf("read %d bytes, %v", len(raw), err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > size+64<<10 {
		t.Fatalf("reading %d bytes allocated %d", size, got)
	}
}

// TestParseTitleFallback: an article without front matter is still read,
// its title taken from the first top heading, else from the file name.
func TestParseTitleFallback(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{name: "front matter", in: "---\ntitle: 前言标题\n---\n# 正文标题\n\n正文。\n", want: "前言标题"},
		{name: "markdown heading", in: "# 华为云发布盘古大模型\n\n华为云今日发布盘古大模型。\n", want: "华为云发布盘古大模型"},
		{name: "html heading", in: "<h1>腾讯云发布新品</h1><p>正文。</p>", want: "腾讯云发布新品"},
		{name: "no title anywhere", in: "<p>阿里云发布财报。</p>", want: "2021-q3-report"},
		{name: "front matter without title", in: "---\nauthor: 36kr\n---\n只有正文。\n", want: "2021-q3-report"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Parse("in/2021-q3-report.md", []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.want {
				t.Fatalf("title %q, want %q", a.Title, c.want)
			}
		})
	}
}
