package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/go-ego/gse"
)

// segDict is a trimmed copy of gse's simplified-Chinese dictionary (words
// with frequency ≥ 20, every place and organization name, and idioms and
// set phrases with frequency ≥ 3 so that an auto-link inside one is seen;
// ~110k words, gzip). gse's full embedded dictionary takes ~2 s to load;
// this one about 0.2 s, which keeps a one-article `kgb extract` well under
// a second. Made with: awk '($2>=20 || $3=="nt" || $3=="ns" || (($3=="i"||$3=="l") && $2>=3)) && $3!="nrfg"' data/dict/zh/s_1.txt | gzip -9 -n
//
//go:embed lexicon/segdict.txt.gz
var segDict []byte

// token is one word of a segmented text, by byte offsets.
type token struct {
	Start, End int
	Pos        string // gse part of speech: n, v, nr, ns, nt, nz, x…
}

// segmenter splits Chinese text into words. It is read-only after
// construction and safe for concurrent use.
type segmenter struct {
	seg gse.Segmenter
}

var (
	baseSegOnce sync.Once
	baseSeg     *segmenter
	baseSegErr  error
)

// newSegmenter returns a segmenter knowing the common-word list and every
// entity word of lx. With only the shipped lexicons it is built once per
// process and shared.
func newSegmenter(lx *Lexicon, shippedOnly bool) (*segmenter, error) {
	if shippedOnly {
		baseSegOnce.Do(func() { baseSeg, baseSegErr = buildSegmenter(lx) })
		return baseSeg, baseSegErr
	}
	return buildSegmenter(lx)
}

func buildSegmenter(lx *Lexicon) (*segmenter, error) {
	// the dictionary build allocates ~100k small tokens that all stay
	// live: collecting garbage meanwhile only costs time
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	s := &segmenter{}
	s.seg.SkipLog = true
	s.seg.NotLoadHMM = true
	s.seg.Dict = gse.NewDict()
	s.seg.Init()
	s.seg.Load = true
	zr, err := gzip.NewReader(bytes.NewReader(segDict))
	if err != nil {
		return nil, fmt.Errorf("segmenter dictionary: %w", err)
	}
	// read the lines ourselves: gse's reader scans with fmt and is several
	// times slower
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<16)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("segmenter dictionary: %q: %w", sc.Text(), err)
		}
		pos := ""
		if len(f) > 2 {
			pos = f[2]
		}
		s.seg.AddToken(f[0], freq, pos)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("segmenter dictionary: %w", err)
	}
	// Our own entity words must come out whole, so they go in with a high
	// frequency and a noun tag.
	for _, list := range entityLists {
		for _, e := range lx.List(list.name) {
			for _, w := range append([]string{e.Word}, splitAliases(e.Value)...) {
				if w != "" {
					s.seg.AddToken(w, 5000, "nz")
				}
			}
		}
	}
	s.seg.CalcToken()
	return s, nil
}

// cut segments s. Latin words and numbers come out as single tokens.
func (s *segmenter) cut(text string) []token {
	segs := s.seg.Segment([]byte(text))
	out := make([]token, 0, len(segs))
	for _, sg := range segs {
		out = append(out, token{Start: sg.Start(), End: sg.End(), Pos: sg.Token().Pos()})
	}
	return out
}
