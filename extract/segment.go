package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"math"
	"reflect"
	"runtime/debug"
	"strconv"
	"sync"
	"unsafe"

	"github.com/go-ego/gse"
)

// segDict is a trimmed copy of gse's simplified-Chinese dictionary (words
// with frequency ≥ 20, every place and organization name, and idioms and
// set phrases with frequency ≥ 3 so that an auto-link inside one is seen;
// ~135k words, gzip), one "word freq pos" line each, sorted by word in byte
// order: the trie inserts keys in order about twice as fast as at random.
// gse's full embedded dictionary takes ~2 s to load. Made with:
//
//	awk '($2>=20 || $3=="nt" || $3=="ns" || (($3=="i"||$3=="l") && $2>=3)) && $3!="nrfg"' data/dict/zh/s_1.txt | LC_ALL=C sort -k1,1 | gzip -9 -n
//
//go:embed lexicon/segdict.txt.gz
var segDict []byte

// segDictWords is the number of lines in segDict; it only sizes the token
// slice up front so that appending 135k tokens copies nothing.
const segDictWords = 135024

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
	// the dictionary build allocates ~135k small tokens that all stay
	// live: collecting garbage meanwhile only costs time
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	s := &segmenter{}
	s.seg.SkipLog = true
	s.seg.NotLoadHMM = true
	s.seg.Dict = gse.NewDict()
	s.seg.Dict.Tokens = make([]gse.Token, 0, segDictWords+1024)
	s.seg.Init()
	s.seg.Load = true
	// Inflating, parsing and splitting the words run in a second goroutine
	// while this one inserts into the trie, which is about half the work
	// and has to stay in one goroutine. Dictionary.AddToken keeps the first
	// of two equal words, so the insert order is the file's, as before.
	batches := make(chan []gse.Token, 4)
	var readErr error
	go func() {
		defer close(batches)
		readErr = readSegDict(&s.seg, batches)
	}()
	for b := range batches {
		for _, t := range b {
			s.seg.Dict.AddToken(t)
		}
	}
	if readErr != nil {
		return nil, readErr
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
	setDistances(&s.seg)
	return s, nil
}

// readSegDict sends segDict's words, made into gse tokens, in batches.
// seg is only read (its word-splitting options), so this may run while
// another goroutine inserts into seg's dictionary.
func readSegDict(seg *gse.Segmenter, out chan<- []gse.Token) error {
	zr, err := gzip.NewReader(bytes.NewReader(segDict))
	if err != nil {
		return fmt.Errorf("segmenter dictionary: %w", err)
	}
	// few distinct tags: share one string each rather than one per word
	tags := map[string]string{}
	const batchSize = 2048
	batch := make([]gse.Token, 0, batchSize)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<16)
	for sc.Scan() {
		word, freq, pos, ok, err := parseSegDictLine(sc.Bytes())
		if err != nil {
			return fmt.Errorf("segmenter dictionary: %q: %w", sc.Text(), err)
		}
		if !ok {
			continue
		}
		tag, seen := tags[string(pos)]
		if !seen {
			tag = string(pos)
			tags[tag] = tag
		}
		batch = append(batch, seg.ToToken(string(word), freq, tag))
		if len(batch) == batchSize {
			out <- batch
			batch = make([]gse.Token, 0, batchSize)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("segmenter dictionary: %w", err)
	}
	if len(batch) > 0 {
		out <- batch
	}
	return nil
}

// parseSegDictLine splits a "word freq [pos]" line; ok is false for a line
// with fewer than two fields. Fields are split at ASCII blanks only, not
// at Unicode spaces as bytes.Fields would: bytes.Fields takes its slow
// path on any non-ASCII line, and segDict has no Unicode spaces (a test
// checks both splits agree on every line). Frequencies are whole numbers
// well below 2^53, whose float64 is exactly what strconv.ParseFloat would
// give; any other form still goes through ParseFloat.
func parseSegDictLine(line []byte) (word []byte, freq float64, pos []byte, ok bool, err error) {
	var f [3][]byte
	n := 0
	for i := 0; i < len(line) && n < len(f); {
		for i < len(line) && asciiBlank(line[i]) {
			i++
		}
		start := i
		for i < len(line) && !asciiBlank(line[i]) {
			i++
		}
		if i > start {
			f[n] = line[start:i]
			n++
		}
	}
	if n < 2 {
		return nil, 0, nil, false, nil
	}
	if v, isInt := smallUint(f[1]); isInt {
		freq = float64(v)
	} else if freq, err = strconv.ParseFloat(string(f[1]), 64); err != nil {
		return nil, 0, nil, false, err
	}
	return f[0], freq, f[2], true, nil
}

func asciiBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

// smallUint parses 1–15 ASCII digits.
func smallUint(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 15 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// setDistances gives every token of dict its path cost, which is what the
// first half of gse's CalcToken does. The second half segments every
// dictionary word again for search mode (Token.Segments), which cut never
// uses; it was 40% of start-up. The cost field is unexported, so it is
// written through its offset, found by reflection; should a gse upgrade
// rename or retype it, CalcToken runs as before. The formula is
// CalcToken's, and a test checks the costs against it bit for bit.
func setDistances(seg *gse.Segmenter) {
	off, ok := tokenDistanceOffset()
	if !ok {
		seg.CalcToken()
		return
	}
	logTotal := float32(math.Log2(seg.Dict.TotalFreq()))
	for i := range seg.Dict.Tokens {
		t := &seg.Dict.Tokens[i]
		*(*float32)(unsafe.Add(unsafe.Pointer(t), off)) = logTotal - float32(math.Log2(t.Freq()))
	}
}

// tokenDistanceOffset is the offset of gse.Token's float32 path cost.
func tokenDistanceOffset() (uintptr, bool) {
	f, ok := reflect.TypeFor[gse.Token]().FieldByName("distance")
	if !ok || f.Type.Kind() != reflect.Float32 || len(f.Index) != 1 {
		return 0, false
	}
	return f.Offset, true
}

// cut segments s. Latin words and numbers come out as single tokens.
func (s *segmenter) cut(text string) []token {
	// gse only reads the bytes (it lowers Latin words into copies of its
	// own), and of its result only offsets and tags are kept: the text's
	// own bytes serve, without a copy of every block
	segs := s.seg.Segment(unsafe.Slice(unsafe.StringData(text), len(text)))
	out := make([]token, 0, len(segs))
	for _, sg := range segs {
		out = append(out, token{Start: sg.Start(), End: sg.End(), Pos: sg.Token().Pos()})
	}
	return out
}
