package ingest

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Plain progress lines come at most this often, and at least every
// plainEveryFiles files, so a log of a long build shows it moving without
// drowning the per-file error lines. Tests lower them.
var (
	plainInterval   = 5 * time.Second
	plainEveryFiles = 500
)

// progress shows how far a build is. It is used by the writer goroutine
// only, so it needs no lock.
type progress struct {
	w         io.Writer
	bar       *progressbar.ProgressBar // nil when w is not a terminal
	total     int
	done      int // files finished: stored, skipped or failed
	lastDone  int
	lastPrint time.Time
	start     time.Time
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now(), lastPrint: time.Now()}
	if w == nil {
		return p
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("extracting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// printAbove writes a line (a failed file) without tearing the bar.
func (p *progress) printAbove(w io.Writer, line string) {
	if w == nil {
		return
	}
	if p.bar != nil && w == p.w {
		_ = p.bar.Clear()
	}
	fmt.Fprintln(w, line)
	if p.bar != nil && w == p.w {
		_ = p.bar.RenderBlank()
		_ = p.bar.Set(p.done)
	}
}

// update records n more finished files; s is the running summary.
func (p *progress) update(n int, s *Summary) {
	p.done += n
	if p.w == nil {
		return
	}
	if p.bar != nil {
		_ = p.bar.Set(p.done)
		return
	}
	if time.Since(p.lastPrint) < plainInterval && p.done-p.lastDone < plainEveryFiles && p.done < p.total {
		return
	}
	p.line(s)
}

func (p *progress) line(s *Summary) {
	p.lastPrint, p.lastDone = time.Now(), p.done
	secs := time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "build: %d/%d files, %d stored, %d unchanged, %d failed, %d quads, %.1f articles/s\n",
		p.done, p.total, s.Articles, s.Skipped, s.Failed, s.Quads, float64(s.Articles)/max(secs, 1e-3))
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
