package serve

import (
	"context"
	"errors"
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

// jsonModels is the full text of the page's JSON editors (results, shape),
// which render only the lines in view.
const jsonModels = `monaco.editor.getModels().filter(m => !m.isDisposed() && m.getModeId() === 'json').map(m => m.getValue()).join('\n')`

// TestBrowserRunsGizmo loads the UI in real Chromium with no way out of
// 127.0.0.1, enters a Gizmo query in the editor, runs it and reads the
// result the UI shows.
func TestBrowserRunsGizmo(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	bctx, report := offlineBrowser(t, ctx)
	base := serveStore(t, sampleStore(t), Options{})
	// Without its comment block the query fits the editor (and the screenshot).
	ranking := stripComments(readExample(t, "market-ranking"))
	drives := readExample(t, "visualize")

	fail := func(step string, err error) {
		t.Helper()
		shown, _ := chromedp.Run(bctx, chromedp.Evaluate[string](editorText))
		blocked, jsErrors := report()
		t.Fatalf("%s: %v\neditors show:\n%s\nblocked: %v\nJavaScript errors: %v", step, err, shown, blocked, jsErrors)
	}
	run := func(step string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			fail(step, err)
		}
	}
	wait := func(step, predicate string) {
		t.Helper()
		if _, err := chromedp.Run(bctx, chromedp.Poll[bool](predicate, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			fail(step, err)
		}
	}

	run("loading the UI", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`.monaco-editor .view-lines`)))
	enterQuery(t, bctx, ranking, fail)
	run("pressing Run", chromedp.Click(`//button[contains(., "Run")]`))
	wait("waiting for the result", editorText+`.includes('华为云')`)
	results, err := chromedp.Run(bctx, chromedp.Evaluate[string](jsonModels))
	if err != nil {
		fail("reading the results", err)
	}
	for _, want := range []string{`"rank": 3`, `"rankUpTo": 2`, `"@value": "华为云"`, `"@value": "腾讯云"`, `"@value": "阿里云"`} {
		if !strings.Contains(results, want) {
			t.Errorf("the results do not show %s:\n%s", want, results)
		}
	}
	shot, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
	if err != nil {
		fail("taking a screenshot", err)
	}
	saveArtifact(t, "ui-screenshot.png", shot)

	// The Visualize view draws the rows tagged source/target as a graph.
	run("opening Visualize", chromedp.Click(`//*[text()="Visualize"]`), chromedp.WaitVisible(chromedp.CSS(`.monaco-editor .view-lines`)))
	enterQuery(t, bctx, drives, fail)
	run("pressing Run in Visualize", chromedp.Click(`//button[contains(., "Run")]`))
	wait("waiting for the graph", `document.querySelectorAll('svg circle').length >= 5`)
	shot, err = chromedp.Run(bctx, chromedp.CaptureScreenshot())
	if err != nil {
		fail("taking a screenshot", err)
	}
	saveArtifact(t, "ui-visualize.png", shot)

	// The Query Shape view shows the plan from kgb's /api/v1/shape.
	run("opening Query Shape", chromedp.Click(`//*[text()="Query Shape"]`), chromedp.WaitVisible(chromedp.CSS(`.monaco-editor .view-lines`)))
	enterQuery(t, bctx, ranking, fail)
	run("pressing Run in Query Shape", chromedp.Click(`//button[contains(., "Run")]`))
	wait("waiting for the shape", jsonModels+`.includes('"type": "QuadsAction"')`)

	if blocked, _ := report(); len(blocked) > 0 {
		t.Errorf("the UI tried to leave 127.0.0.1: %v", blocked)
	}
}

// enterQuery puts query into the page's query editor through Monaco's own
// model API: typing it would trip the editor's auto-closing quotes and
// brackets. The query editor is the one whose model is JavaScript.
func enterQuery(t *testing.T, bctx context.Context, query string, fail func(string, error)) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
		const m = monaco.editor.getModels().filter(m => !m.isDisposed() && m.getModeId() === 'javascript').pop();
		if (!m) return false;
		m.setValue(%q);
		return true;
	})()`, query)
	ok, err := chromedp.Run(bctx, chromedp.Evaluate[bool](js))
	if err == nil && !ok {
		err = errors.New("no query editor on the page")
	}
	if err != nil {
		fail("entering the query", err)
	}
}

func stripComments(src string) string {
	var out []string
	for _, l := range strings.Split(src, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "//") {
			out = append(out, l)
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n")) + "\n"
}

func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", name+".gizmo"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
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
