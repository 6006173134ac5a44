package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// MaxFileSize is the largest input file read; larger ones are refused
// before they are read whole. The biggest real article is ~25 KB, so 64 MiB
// only keeps a stray dump or disk image from being loaded into memory.
const MaxFileSize = 64 << 20

// Input errors, wrapped with the file's path; callers may test for them
// with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file")
	ErrTooLarge    = errors.New("file too large")
	ErrNotRegular  = errors.New("not a regular file")
	ErrBadEncoding = errors.New("not UTF-8 text")
)

// ReadInput reads one article file and vets it (see checkInput): the UTF-8
// text to parse.
func ReadInput(path string) ([]byte, error) {
	raw, err := ReadRaw(path)
	if err != nil {
		return nil, err
	}
	return checkInput(path, raw)
}

// ReadRaw reads a file's bytes as they are on disk (what Article.Hash is
// taken over), refusing non-regular files and files over MaxFileSize before
// reading: an oversized file costs nothing, and a good one is read in one
// allocation of its own size.
func ReadRaw(path string) ([]byte, error) {
	// Stat before opening: opening a named pipe blocks until a writer comes.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err // *PathError already names the file
	}
	if err := vetFileInfo(path, fi); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Again on the open file, in case the path was replaced meanwhile.
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := vetFileInfo(path, fi); err != nil {
		return nil, err
	}
	// One spare byte shows whether the file grew past the limit after Stat.
	raw := make([]byte, 0, fi.Size()+1)
	raw, err = readAllInto(io.LimitReader(f, MaxFileSize+1), raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(raw) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w (grew past %s while being read)", path, ErrTooLarge, sizeText(MaxFileSize))
	}
	return raw, nil
}

func vetFileInfo(path string, fi os.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, kindOf(fi.Mode()))
	}
	if fi.Size() > MaxFileSize {
		return fmt.Errorf("%s: %w (%s, limit %s)", path, ErrTooLarge, sizeText(fi.Size()), sizeText(MaxFileSize))
	}
	return nil
}

// readAllInto is io.ReadAll into a caller-sized buffer, so a file whose
// size is known is read without the doubling growth of io.ReadAll.
func readAllInto(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// checkInput vets raw file bytes before parsing and returns UTF-8 text.
// Errors name the file. What it decides, and why:
//
//   - empty or blank file: refused (ErrEmpty); there is no article to store.
//   - NUL bytes or many control characters: refused as ErrBinary. A binary
//     file renamed .md would otherwise be "decoded" into garbage entities.
//   - UTF-8 (with or without BOM): returned as is, BOM dropped.
//   - UTF-16/UTF-32 with a BOM (Windows editors save these): decoded.
//   - not UTF-8, but the whole file decodes as GB18030 (a superset of GBK
//     and GB2312) without a single invalid sequence, and its characters are
//     mostly everyday simplified Chinese: decoded. Older Chinese sites and Windows tools still
//     write GBK; the decode must be clean so that Latin-1 or random bytes are
//     not mistaken for it.
//   - anything else that is not valid UTF-8: refused (ErrBadEncoding) with
//     the offset and line of the first bad byte. Replacing bad bytes with
//     U+FFFD was rejected: a replaced byte inside a company name would put a
//     wrong name into the graph with nothing to show it was guessed.
func checkInput(path string, raw []byte) ([]byte, error) {
	raw = bytes.TrimPrefix(raw, utf8BOM)
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	if text, ok, err := decodeByBOM(raw); ok {
		if err != nil {
			return nil, fmt.Errorf("%s: %w: %v", path, ErrBadEncoding, err)
		}
		return checkInput(path, text)
	}
	if why := binaryReason(raw); why != "" {
		return nil, fmt.Errorf("%s: %w (%s)", path, ErrBinary, why)
	}
	if utf8.Valid(raw) {
		return raw, nil
	}
	if text, ok := decodeGB18030(raw); ok {
		return checkInput(path, text) // it may decode to blanks only
	}
	off := firstInvalidUTF8(raw)
	line := 1 + bytes.Count(raw[:off], []byte{'\n'})
	return nil, fmt.Errorf("%s: %w: invalid byte 0x%02x at offset %d (line %d), and not GBK/GB18030 Chinese either",
		path, ErrBadEncoding, raw[off], off, line)
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeByBOM decodes UTF-16 and UTF-32 files that announce themselves with
// a byte-order mark; ok is false when raw has no such mark. UTF-32 LE's
// mark starts with UTF-16 LE's, so it is tested first.
func decodeByBOM(raw []byte) (text []byte, ok bool, err error) {
	var t transform.Transformer
	switch {
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(raw, []byte{0, 0, 0xFE, 0xFF}):
		t = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		t = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
	default:
		return nil, false, nil
	}
	text, _, err = transform.Bytes(t, raw)
	if err == nil && bytes.ContainsRune(text, utf8.RuneError) {
		err = errors.New("invalid UTF-16/UTF-32 sequence")
	}
	return text, true, err
}

// binarySample is how much of a file the control-character ratio looks at:
// enough to judge, cheap on a 50 MB file.
const binarySample = 8 << 10

// binaryReason says why raw looks like a binary file, or "" when it looks
// like text. NUL never occurs in UTF-8 or GBK text; other C0 controls occur
// as a stray form feed or escape, but not as one byte in ten.
func binaryReason(raw []byte) string {
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return fmt.Sprintf("NUL byte at offset %d", i)
	}
	sample := raw[:min(len(raw), binarySample)]
	ctrl := 0
	for _, c := range sample {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
			ctrl++
		}
	}
	if ctrl*10 > len(sample) {
		return fmt.Sprintf("%d%% control characters", ctrl*100/len(sample))
	}
	return ""
}

// decodeGB18030 decodes raw as GB18030 and reports whether that is what it
// is: no invalid sequence at all, and at least 80% of the multi-byte
// characters inside GB2312 (lead 0xA1–0xF7, trail 0xA1–0xFE), the
// characters and punctuation of everyday simplified Chinese. Real GBK
// articles are ~100% GB2312; Shift-JIS kana and Latin-1 accents followed by
// letters decode cleanly too, but into GBK's rare extension characters.
func decodeGB18030(raw []byte) ([]byte, bool) {
	multi, common := 0, 0
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < 0x80 {
			i++
			continue
		}
		if i+1 >= len(raw) {
			return nil, false
		}
		multi++
		if t := raw[i+1]; t >= '0' && t <= '9' {
			i += 4 // GB18030 four-byte form; the decoder below checks it
			continue
		}
		if c >= 0xA1 && c <= 0xF7 && raw[i+1] >= 0xA1 && raw[i+1] <= 0xFE {
			common++
		}
		i += 2
	}
	if multi == 0 || common*10 < multi*8 {
		return nil, false
	}
	text, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), raw)
	if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
		return nil, false
	}
	return text, true
}

// firstInvalidUTF8 is the offset of the first byte that does not start a
// valid UTF-8 sequence; raw must not be valid UTF-8.
func firstInvalidUTF8(raw []byte) int {
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

func kindOf(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	default:
		return "mode " + m.String()
	}
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}
