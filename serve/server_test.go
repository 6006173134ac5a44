package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgbgraph/kgb/schema"
)

var vocab = schema.NewVocab("")

const hubFanOut = 150 // over Cayley's own 100-row cap

// fixture is a small graph in kgb's layout: one ranking stated as a direct
// edge and as a statement node with its rank, and a hub with many edges.
func fixture() []quad.Quad {
	iri := func(s string) quad.IRI { return quad.IRI(s) }
	hw, market := iri(vocab.Entity("华为云")), iri(vocab.Entity("中国IaaS公有云市场"))
	st := iri(vocab.Statement("a1", "ranks"))
	art := iri(vocab.Article("a1"))
	qs := []quad.Quad{
		quad.MakeIRI(string(hw), vocab.Pred(schema.RanksIn), string(market), string(art)),
		{Subject: hw, Predicate: iri(schema.RDFSLabel), Object: quad.LangString{Value: "华为云", Lang: "zh"}, Label: art},
		{Subject: market, Predicate: iri(schema.RDFSLabel), Object: quad.LangString{Value: "中国IaaS公有云市场", Lang: "zh"}, Label: art},
		{Subject: st, Predicate: iri(vocab.Prop(schema.PropSubject)), Object: hw, Label: art},
		{Subject: st, Predicate: iri(vocab.Prop(schema.PropObject)), Object: market, Label: art},
		{Subject: st, Predicate: iri(vocab.Prop(schema.PropRank)), Object: quad.Int(3), Label: art},
	}
	for i := 0; i < hubFanOut; i++ {
		qs = append(qs, quad.MakeIRI("https://kgb.example/hub", "https://kgb.example/has", fmt.Sprintf("https://kgb.example/n/%d", i), ""))
	}
	return qs
}

func TestHealth(t *testing.T) {
	st := newStore(t, fixture(), false)
	base := serveStore(t, st, Options{})
	code, body, hdr := get(t, base+"/health")
	var h Health
	if err := json.Unmarshal(body, &h); err != nil || code != http.StatusOK {
		t.Fatalf("health: %d %v %s", code, err, body)
	}
	if ct := hdr.Get("Content-Type"); ct != "application/json" {
		t.Errorf("content type %q", ct)
	}
	want := Health{OK: true, Store: st.Location(), Quads: int64(len(fixture())), ReadOnly: true}
	if h != want {
		t.Errorf("health = %+v, want %+v", h, want)
	}
}

func TestQueryFromNode(t *testing.T) {
	st := newStore(t, fixture(), false)
	base := serveStore(t, st, Options{})
	q := fmt.Sprintf(`g.V("<%s>").In("<%s>").Save("<%s>", "rank").Out("<%s>").Out("<%s>").All()`,
		vocab.Entity("中国IaaS公有云市场"), vocab.Prop(schema.PropObject), vocab.Prop(schema.PropRank),
		vocab.Prop(schema.PropSubject), schema.RDFSLabel)
	rows := gizmo(t, base, q)
	if len(rows) != 1 || rows[0]["id"] != "华为云" || rows[0]["rank"] != float64(3) {
		t.Errorf("rows = %v, want 华为云 rank 3", rows)
	}
}

func TestQueryLimit(t *testing.T) {
	st := newStore(t, fixture(), false)
	q := `g.V("<https://kgb.example/hub>").Out("<https://kgb.example/has>").All()`
	for _, tc := range []struct {
		limit, want int
	}{
		{0, hubFanOut}, // default 1000
		{120, 120},
		{hubFanOut + 1, hubFanOut},
	} {
		base := serveStore(t, st, Options{QueryLimit: tc.limit})
		if rows := gizmo(t, base, q); len(rows) != tc.want {
			t.Errorf("QueryLimit %d: %d rows, want %d", tc.limit, len(rows), tc.want)
		}
	}
}

const nquad = "<https://kgb.example/x> <https://kgb.example/p> <https://kgb.example/y> .\n"

func TestWritesNeedWritable(t *testing.T) {
	paths := []struct{ path, body string }{
		{"/api/v2/write", nquad},
		{"/api/v2/delete", nquad},
		{"/api/v2/node/delete", "<https://kgb.example/x>"},
	}
	t.Run("read-only", func(t *testing.T) {
		base := serveStore(t, newStore(t, fixture(), false), Options{})
		for _, p := range paths {
			code, body := post(t, base+p.path, "application/n-quads", p.body)
			if code != http.StatusForbidden || !strings.Contains(string(body), "read-only") {
				t.Errorf("%s: %d %s, want 403 read-only", p.path, code, body)
			}
		}
	})
	t.Run("read-only even on a writable store", func(t *testing.T) {
		base := serveStore(t, newStore(t, fixture(), true), Options{})
		if code, body := post(t, base+"/api/v2/write", "application/n-quads", nquad); code != http.StatusForbidden {
			t.Errorf("write: %d %s, want 403", code, body)
		}
	})
	t.Run("writable", func(t *testing.T) {
		st := newStore(t, fixture(), true)
		base := serveStore(t, st, Options{Writable: true})
		q := `g.V("<https://kgb.example/x>").Out("<https://kgb.example/p>").All()`
		for _, step := range []struct {
			path, body string
			rows       int
		}{
			{"/api/v2/write", nquad, 1},
			{"/api/v2/write", nquad, 1}, // again: a duplicate is not an error
			{"/api/v2/delete", nquad, 0},
		} {
			code, body := post(t, base+step.path, "application/n-quads", step.body)
			if code != http.StatusOK || !strings.Contains(string(body), `"count"`) {
				t.Fatalf("%s: %d %s, want 200", step.path, code, body)
			}
			if got := len(gizmo(t, base, q)); got != step.rows {
				t.Errorf("after %s: %d rows, want %d", step.path, got, step.rows)
			}
		}
	})
}

func TestNewRefusesWritableOnReadOnlyStore(t *testing.T) {
	if _, err := New(newStore(t, nil, false), Options{Writable: true}); err == nil {
		t.Error("New accepted Writable over a read-only store")
	}
}

// unsizedReader hides its length so the client sends a chunked body.
type unsizedReader struct{ io.Reader }

func TestBodyLimit(t *testing.T) {
	base := serveStore(t, newStore(t, fixture(), false), Options{MaxBodyBytes: 1024})
	small := `g.V("<https://kgb.example/hub>").Out().Count()`
	big := small + ";\n//" + strings.Repeat("x", 2000)
	for _, tc := range []struct {
		name string
		body io.Reader
		want int
	}{
		{"small", strings.NewReader(small), http.StatusOK},
		{"big with length", strings.NewReader(big), http.StatusRequestEntityTooLarge},
		{"big chunked", unsizedReader{strings.NewReader(big)}, http.StatusRequestEntityTooLarge},
	} {
		resp, err := client.Post(base+"/api/v2/query?lang=gizmo", "text/plain", tc.body)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, resp.StatusCode, body, tc.want)
		}
	}
}

// gojaRunning reports whether some goroutine is still inside the Gizmo VM.
func gojaRunning() bool {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	return strings.Contains(string(buf), "github.com/dop251/goja.(*vm).run")
}

func TestQueryTimeoutStopsEndlessGizmo(t *testing.T) {
	base := serveStore(t, newStore(t, fixture(), false), Options{QueryTimeout: time.Second})
	type answer struct {
		code int
		body []byte
		took time.Duration
	}
	done := make(chan answer, 1)
	go func() {
		begin := time.Now()
		resp, err := client.Post(base+"/api/v2/query?lang=gizmo", "text/plain", strings.NewReader(`while(true){}`))
		if err != nil {
			done <- answer{body: []byte(err.Error())}
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		done <- answer{resp.StatusCode, body, time.Since(begin)}
	}()
	// While it runs, the loop is seen spinning in the Gizmo VM: this is what
	// the check after the timeout looks for.
	for deadline := time.Now().Add(900 * time.Millisecond); !gojaRunning(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the endless query never showed up in the Gizmo VM")
		}
	}
	a := <-done
	if a.code == http.StatusOK || !strings.Contains(string(a.body), "deadline") {
		t.Errorf("endless query: %d %s, want an error about the deadline", a.code, a.body)
	}
	if a.took > 5*time.Second {
		t.Errorf("endless query answered after %v, timeout was 1s", a.took)
	}
	// The VM was interrupted, not left spinning on a core.
	for deadline := time.Now().Add(3 * time.Second); gojaRunning(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the Gizmo VM still runs 3s after the query timed out")
		}
	}
	// The server still answers, and promptly.
	begin := time.Now()
	if rows := gizmo(t, base, `g.V("<https://kgb.example/hub>").Out().Limit(3).All()`); len(rows) != 3 {
		t.Errorf("query after timeout: %d rows, want 3", len(rows))
	}
	if took := time.Since(begin); took > 2*time.Second {
		t.Errorf("query after timeout took %v", took)
	}
}

var logLine = regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ 127\.0\.0\.1:\d+ POST /api/v2/query\?lang=gizmo 200 \d+B \S+$`)

func TestRequestLog(t *testing.T) {
	var log lockedBuffer
	base := serveStore(t, newStore(t, fixture(), false), Options{Log: &log})
	gizmo(t, base, `g.V("<https://kgb.example/hub>").Out().Limit(1).All()`)
	get(t, base+"/no-such-page")
	out := log.String()
	if !logLine.MatchString(out) {
		t.Errorf("no access log line for the query in:\n%s", out)
	}
	if !strings.Contains(out, " GET /no-such-page 404 ") {
		t.Errorf("no 404 line in:\n%s", out)
	}
}

func TestLoopbackServerRefusesForeignHost(t *testing.T) {
	base := serveStore(t, newStore(t, fixture(), false), Options{})
	for host, want := range map[string]int{
		"attacker.example":    http.StatusMisdirectedRequest,
		"attacker.example:80": http.StatusMisdirectedRequest,
		"localhost:64210":     http.StatusOK,
		"127.0.0.1":           http.StatusOK,
		"[::1]:64210":         http.StatusOK,
	} {
		req, _ := http.NewRequest("GET", base+"/health", nil)
		req.Host = host
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
}

func TestReadAndFormats(t *testing.T) {
	base := serveStore(t, newStore(t, fixture(), false), Options{})
	code, body, _ := get(t, base+"/api/v2/formats")
	if code != http.StatusOK || !strings.Contains(string(body), `"id":"nquads"`) || !strings.Contains(string(body), `"id":"jsonld"`) {
		t.Errorf("formats: %d %s", code, body)
	}
	code, body, hdr := get(t, base+"/api/v2/read?format=nquads&sub=<https://kgb.example/hub>")
	if code != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "application/n-quads") {
		t.Fatalf("read: %d %s %s", code, hdr.Get("Content-Type"), body)
	}
	if n := strings.Count(string(body), "<https://kgb.example/hub> <https://kgb.example/has>"); n != hubFanOut {
		t.Errorf("read: %d hub quads, want %d", n, hubFanOut)
	}
}
