// Command gen writes a benchmark corpus: N articles in the seeds' format
// (YAML front matter + 36kr-style HTML body), each recombining seed
// paragraphs with its own companies, markets, years and figures, so that a
// larger corpus makes a larger graph rather than the same facts again.
//
//	go run ./bench/gen -n 10000 -seed 1 -out /tmp/corpus-10k [-seeds testdata]
//
// The same flags always give byte-identical files.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seedVal := flag.Uint64("seed", 1, "random seed")
	out := flag.String("out", "", "output directory (created)")
	seedDirs := flag.String("seeds", "testdata", "comma-separated files or directories of seed *.md articles")
	size := flag.Int("size", 20000, "mean article size in bytes (each varies ±30 %)")
	flag.Parse()
	if *out == "" || *n <= 0 || *size <= 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -n N -seed S -out DIR [-seeds DIR,...] [-size BYTES]")
		os.Exit(2)
	}
	st, err := generate(options{
		n: *n, seed: *seedVal, out: *out, seeds: strings.Split(*seedDirs, ","), size: *size,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gen: %d articles, %.1f MB (mean %.1f KB) in %s\n",
		*n, float64(st.bytes)/1e6, float64(st.bytes)/float64(*n)/1e3, *out)
}

type options struct {
	n     int
	seed  uint64
	out   string
	seeds []string
	size  int
}

type stats struct{ bytes int64 }

func generate(o options) (stats, error) {
	var st stats
	seeds, err := loadSeeds(o.seeds)
	if err != nil {
		return st, err
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return st, err
	}
	u := newUniverse(o.n, seeds)
	// Articles are independent (each has its own random stream), so they
	// are made on all cores; the files are the same in any order.
	var (
		next  atomic.Int64
		bytes atomic.Int64
		wg    sync.WaitGroup
		errs  = make([]error, runtime.GOMAXPROCS(0))
	)
	for w := range errs {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= o.n {
					return
				}
				text := makeArticle(u, seeds, o, i)
				path := filepath.Join(o.out, fmt.Sprintf("bench-%06d.md", i))
				if err := writeFile(path, text); err != nil {
					errs[w] = err
					return
				}
				bytes.Add(int64(len(text)))
			}
		})
	}
	wg.Wait()
	st.bytes = bytes.Load()
	return st, errors.Join(errs...)
}

func writeFile(path, text string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString(text)
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// makeArticle builds article i. Its random stream depends only on the seed
// and i, so article i is the same whatever else is generated.
func makeArticle(u *universe, seeds []*seed, o options, i int) string {
	rng := rand.New(rand.NewPCG(o.seed, uint64(i)))
	target := int(float64(o.size) * (0.7 + 0.6*rng.Float64()))
	primary := pickPrimary(rng, seeds)
	blocks := composeBlocks(rng, seeds, primary, target)

	a := newArticle(u, rng)
	a.planCompanies(primary.front.title + "\n" + strings.Join(blocks, "\n"))
	var b strings.Builder
	b.Grow(target + target/4)
	b.WriteString("---\n")
	for _, line := range primary.front.lines {
		switch {
		case strings.HasPrefix(line, "title:"):
			t := a.rewriteText(primary.front.title)
			fmt.Fprintf(&b, "title: '%s'\n", strings.ReplaceAll(t, "'", "''"))
		case strings.HasPrefix(line, "date:"):
			fmt.Fprintf(&b, "date: %s\n", a.date(strings.TrimSpace(strings.TrimPrefix(line, "date:"))))
		default:
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	b.WriteString("---\n\n<div>   \n")
	for _, blk := range blocks {
		b.WriteString(a.rewriteHTML(blk))
		b.WriteString(" \n")
	}
	b.WriteString("</div>\n")
	return b.String()
}

// pickPrimary prefers long seeds: a flash-news seed would leave the article
// made almost wholly of other seeds' paragraphs, with a title about none.
func pickPrimary(rng *rand.Rand, seeds []*seed) *seed {
	var long []*seed
	for _, s := range seeds {
		if s.size >= 5000 {
			long = append(long, s)
		}
	}
	if len(long) == 0 {
		long = seeds
	}
	return long[rng.IntN(len(long))]
}

// composeBlocks takes the primary's paragraphs in order, then runs of 3–10
// consecutive paragraphs of other seeds, until the target size is reached.
func composeBlocks(rng *rand.Rand, seeds []*seed, primary *seed, target int) []string {
	var out []string
	size := 0
	for _, blk := range primary.blocks {
		if size >= target {
			return out
		}
		out = append(out, blk)
		size += len(blk)
	}
	for size < target {
		s := seeds[rng.IntN(len(seeds))]
		start := rng.IntN(len(s.blocks))
		run := 3 + rng.IntN(8)
		for j := start; j < len(s.blocks) && j < start+run && size < target; j++ {
			out = append(out, s.blocks[j])
			size += len(s.blocks[j])
		}
	}
	return out
}

// date moves the seed's date by the article's year shift and up to half a
// year, written as the seeds write it (RFC 1123, GMT).
func (a *article) date(seedDate string) string {
	t, err := time.Parse(http.TimeFormat, seedDate)
	if err != nil {
		t = time.Date(2021, 7, 1, 9, 0, 0, 0, time.UTC)
	}
	t = t.AddDate(a.yearShift, 0, a.rng.IntN(181)-90).Add(time.Duration(a.rng.IntN(86400)) * time.Second)
	return t.UTC().Format(http.TimeFormat)
}
