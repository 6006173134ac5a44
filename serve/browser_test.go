package serve

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium finds a Chromium-like browser: $KGB_CHROMIUM, or one on PATH.
func chromium() string {
	if p := os.Getenv("KGB_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// offlineBrowser starts headless Chromium that can reach 127.0.0.1 only:
// host names do not resolve, and every request of the page to anywhere
// else is failed. It returns the browser context and a report of the URLs
// blocked and the JavaScript exceptions so far.
func offlineBrowser(t *testing.T, ctx context.Context) (context.Context, func() (blocked, jsErrors []string)) {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium or set KGB_CHROMIUM); skipping the browser test")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })

	// Subscribe before enabling interception so that no request is missed.
	paused := chromedp.Events(bctx, fetch.RequestPaused)
	exceptions := chromedp.Events(bctx, runtime.ExceptionThrown)
	if _, err := chromedp.Call(bctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	var mu sync.Mutex
	var blocked, jsErrors []string
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			if loopbackURL(ev.Request.URL) {
				chromedp.Call(bctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			mu.Lock()
			blocked = append(blocked, ev.Request.URL)
			mu.Unlock()
			chromedp.Call(bctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			mu.Lock()
			jsErrors = append(jsErrors, (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
			mu.Unlock()
		}
	}()
	return bctx, func() ([]string, []string) {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), blocked...), append([]string(nil), jsErrors...)
	}
}

func loopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob":
		return true
	case "http", "https", "ws":
		return u.Hostname() == "127.0.0.1"
	}
	return false
}

// editorText is the text of every Monaco editor on the page, as rendered.
const editorText = `Array.from(document.querySelectorAll('.monaco-editor .view-lines')).map(e => e.innerText).join('\n')`

// TestBrowserRunsGizmo loads the UI in real Chromium with no way out of
// 127.0.0.1, enters a Gizmo query in the editor, runs it and reads the
// result the UI shows.
func TestBrowserRunsGizmo(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	bctx, report := offlineBrowser(t, ctx)

	st := newStore(t, fixture(), false)
	base := serveStore(t, st, Options{})
	query := fmt.Sprintf(`// 谁在中国IaaS公有云市场排名？
g.V("<%s>")
  .In("<%s>")
  .Out("<http://www.w3.org/2000/01/rdf-schema#label>")
  .All()`, vocab.Entity("中国IaaS公有云市场"), vocab.Pred("ranksIn"))

	fail := func(step string, err error) {
		t.Helper()
		shown, _ := chromedp.Run(bctx, chromedp.Evaluate[string](editorText))
		blocked, jsErrors := report()
		t.Fatalf("%s: %v\neditors show:\n%s\nblocked: %v\nJavaScript errors: %v", step, err, shown, blocked, jsErrors)
	}
	err := chromedp.Do(bctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.monaco-editor .view-lines`)),
	)
	if err != nil {
		fail("loading the UI", err)
	}
	// Put the query in the query editor's model (typing it would trip the
	// editor's auto-closing quotes and brackets), then press Run.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](fmt.Sprintf(`monaco.editor.getModels()[0].setValue(%q), true`, query))); err != nil {
		fail("entering the query", err)
	}
	if err := chromedp.Do(bctx, chromedp.Click(`//button[contains(., "Run")]`)); err != nil {
		fail("pressing Run", err)
	}
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](editorText+`.includes('华为云')`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		fail("waiting for the result", err)
	}
	shown, err := chromedp.Run(bctx, chromedp.Evaluate[string](editorText))
	if err != nil {
		fail("reading the editors", err)
	}
	if !strings.Contains(shown, "g.V(") {
		t.Errorf("the query editor does not show the query:\n%s", shown)
	}
	shot, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
	if err != nil {
		fail("taking a screenshot", err)
	}
	saveArtifact(t, "ui-screenshot.png", shot)
	if blocked, _ := report(); len(blocked) > 0 {
		t.Errorf("the UI tried to leave 127.0.0.1: %v", blocked)
	}
}

// saveArtifact writes data to $KGB_ARTIFACTS (or a temporary directory)
// and logs where.
func saveArtifact(t *testing.T, name string, data []byte) {
	t.Helper()
	dir := os.Getenv("KGB_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("saved %s (%d bytes)", p, len(data))
}
