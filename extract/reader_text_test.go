package extract

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normTextRef is normText as first written: two passes and a map of every
// byte offset. The one-pass normText must agree with it exactly.
func normTextRef(s string) (string, []int) {
	type item struct {
		r     rune
		at    int
		space bool
	}
	items := make([]item, 0, len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			continue
		}
		space := unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
		if !space {
			r = halfWidth(r)
		}
		items = append(items, item{r, i, space})
	}
	pos := make([]int, len(s)+1)
	for i := range pos {
		pos[i] = -1
	}
	var b strings.Builder
	last := rune(0)
	for i := 0; i < len(items); i++ {
		it := items[i]
		pos[it.at] = b.Len()
		if !it.space {
			b.WriteRune(it.r)
			last = it.r
			continue
		}
		j := i
		for j < len(items) && items[j].space {
			pos[items[j].at] = b.Len()
			j++
		}
		if last != 0 && j < len(items) && !wide(last) && !wide(items[j].r) {
			b.WriteByte(' ')
			last = ' '
		}
		i = j - 1
	}
	pos[len(s)] = b.Len()
	for i := len(s) - 1; i >= 0; i-- {
		if pos[i] < 0 {
			pos[i] = pos[i+1]
		}
	}
	return b.String(), pos
}

func TestNormText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"２０２０年营收％", "2020年营收%"},
		{"2020 年 242.90 亿元", "2020年242.90亿元"},
		{"  Apple   Inc.\t\n发布 iPhone ", "Apple Inc.发布iPhone"},
		{"《三体》（第一部）：好！", "《三体》（第一部）：好！"},
		{"a\u3000b\u00a0c\u200bd\ufeffe", "a b c d e"},
		{"AI \xff 芯片", "AI芯片"},
		{"x \ufffd y", "x y"},
		{"", ""},
	} {
		got := strings.TrimSpace(normText(tc.in, nil))
		if got != tc.want {
			t.Errorf("normText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Random strings over the characters normText treats specially, checked
// against the reference for the text and for every byte offset.
func TestNormTextMatchesReference(t *testing.T) {
	alphabet := []string{"a", "Z", "7", " ", "\t", "\n", "\r", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u0085", "\u2003",
		"中", "国", "，", "。", "（", "）", "《", "》", "“", "”", "…", "—", "·", "Ａ", "１", "％", "～", "ア", "한",
		"é", "\ufffd", "\xff", "\xe4\xb8", "\x00", "%", "-",
		"\xed\xa0\x80", "😀", "\u0800", "\ud7ff", "\u4dc0", "\uff01", "\uff5e", "\u1680", "\u2028", "\u205f", "\xef\xbf"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		var sb strings.Builder
		for k := rng.Intn(24); k >= 0; k-- {
			sb.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		s := sb.String()
		wantText, wantPos := normTextRef(s)
		offsets := make([]int, len(s)+1)
		for i := range offsets {
			offsets[i] = len(s) - i // every offset, in reverse order
		}
		got := normText(s, offsets)
		if got != wantText {
			t.Fatalf("normText(%q) = %q, reference %q", s, got, wantText)
		}
		for i, o := range offsets {
			if at := len(s) - i; o != wantPos[at] {
				t.Fatalf("normText(%q): offset %d maps to %d, reference %d", s, at, o, wantPos[at])
			}
		}
	}
}

func TestDecodeRune(t *testing.T) {
	buf := make([]byte, 3)
	for c := 0xE0; c <= 0xEF; c++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				buf[0], buf[1], buf[2] = byte(c), byte(b1), byte(b2)
				for n := 1; n <= 3; n++ {
					s := string(buf[:n])
					r, size := decodeRune(s, 0)
					wr, wsize := utf8.DecodeRuneInString(s)
					if r != wr || size != wsize {
						t.Fatalf("decodeRune(%q) = %U %d, utf8 says %U %d", s, r, size, wr, wsize)
					}
				}
			}
		}
	}
}
