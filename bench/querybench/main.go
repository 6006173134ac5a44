// Command querybench times queries inside one process on a built kgb store:
// opening it, Gizmo 1-hop and 2-hop neighbourhoods of an entity over the
// schema's relation predicates, and graph.Store.Lookup. It prints one
// "key value" pair a line for bench/run.sh.
//
//	querybench -store DIR -entities 阿里云,腾讯云 [-runs 50]
//
// Of the candidate entities it measures the one with most 1-hop neighbours,
// a hub, the slow case; and, as the common case, a company of median
// degree (keys prefixed "typical_").
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kgbgraph/kgb/graph"
	"github.com/kgbgraph/kgb/schema"
)

func main() {
	store := flag.String("store", "", "kgb store directory")
	entities := flag.String("entities", "阿里云,腾讯云,华为云", "comma-separated candidate entity names")
	runs := flag.Int("runs", 50, "timed runs per query")
	limit := flag.Int("limit", 1_000_000, "result limit per query (high: whole answers are timed)")
	flag.DurationVar(&budget, "budget", budget, "time after which a query gets no more timed runs (at least 10 are made)")
	flag.DurationVar(&timeout, "timeout", timeout, "abandon a query run after this long and report it as timed out")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the timed queries to this file")
	flag.Parse()
	if *store == "" || *runs <= 0 {
		fmt.Fprintln(os.Stderr, "usage: querybench -store DIR [-entities A,B] [-runs N]")
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "querybench:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*store, strings.Split(*entities, ","), *runs, *limit); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "querybench:", err)
		os.Exit(1)
	}
}

func run(dir string, candidates []string, runs, limit int) error {
	t0 := time.Now()
	st, err := graph.Open(graph.Options{Path: dir, ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	emit("open_ms", ms(time.Since(t0)))

	ctx := context.Background()
	gs, err := st.QuadStore().Stats(ctx, true)
	if err != nil {
		return fmt.Errorf("store %s: stats: %w", dir, err)
	}
	emit("quads", strconv.FormatInt(gs.Quads.Value, 10))
	emit("nodes", strconv.FormatInt(gs.Nodes.Value, 10))

	v := st.Vocab()
	name, best := "", -1
	for _, c := range candidates {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		res, err := st.Query(ctx, "gizmo", hop1(v, c), limit)
		if err != nil {
			return fmt.Errorf("entity %s: %w", c, err)
		}
		if len(res) > best {
			name, best = c, len(res)
		}
	}
	if best <= 0 {
		return fmt.Errorf("store %s: none of %v has relations", dir, candidates)
	}
	typical, degree, err := typicalCompany(ctx, st, limit)
	if err != nil {
		return err
	}
	for _, e := range []struct{ prefix, name string }{{"", name}, {"typical_", typical}} {
		emit(e.prefix+"entity", e.name)
		if err := measure(ctx, st, e.prefix, e.name, runs, limit); err != nil {
			return err
		}
	}
	emit("typical_degree", strconv.Itoa(degree))
	return nil
}

// measure times the 1-hop and 2-hop queries and Lookup of one entity.
func measure(ctx context.Context, st *graph.Store, prefix, name string, runs, limit int) error {
	v := st.Vocab()
	for _, q := range []struct{ key, text string }{
		{"hop1", hop1(v, name)},
		{"hop2", hop2(v, name)},
		{"hop2u", hop2Union(v, name)},
	} {
		n := 0
		times, err := timeRuns(runs, func(ctx context.Context) error {
			res, err := st.Query(ctx, "gizmo", q.text, limit)
			n = len(res)
			return err
		})
		if errors.Is(err, errTimedOut) {
			emit(prefix+q.key+"_results", "?")
			emit(prefix+q.key+"_runs", "0")
			emit(prefix+q.key+"_median_ms", fmt.Sprintf("> %.0f (timed out)", float64(timeout)/1e6))
			emit(prefix+q.key+"_p95_ms", "?")
			continue
		}
		if err != nil {
			return fmt.Errorf("%s of %s: %w", q.key, name, err)
		}
		emit(prefix+q.key+"_results", strconv.Itoa(n))
		emitTimes(prefix+q.key, times)
	}
	// Lookup is what `kgb lookup` does after opening the store; timing it
	// here separates its own cost from process start-up.
	times, err := timeRuns(max(runs/2, 1), func(context.Context) error {
		_, err := st.Lookup(name)
		return err
	})
	if err != nil {
		return fmt.Errorf("lookup %s: %w", name, err)
	}
	emitTimes(prefix+"lookup", times)
	return nil
}

// typicalCompany picks, among 200 companies spread evenly over all of them
// (sorted by IRI, so the choice is stable), one of median 1-hop degree
// with at least one relation: the hub is the worst case, this one is what
// most lookups meet. Neighbours of the hub would not do: they are hubs too.
func typicalCompany(ctx context.Context, st *graph.Store, limit int) (string, int, error) {
	v := st.Vocab()
	q := fmt.Sprintf("g.V(%s).In(%s).Unique().All()",
		strconv.Quote("<"+v.Class(schema.Company)+">"), strconv.Quote("<"+schema.RDFType+">"))
	res, err := st.Query(ctx, "gizmo", q, limit)
	if err != nil {
		return "", 0, fmt.Errorf("companies: %w", err)
	}
	var iris []string
	for _, r := range res {
		if id, ok := r.(map[string]any)["id"].(string); ok {
			iris = append(iris, id)
		}
	}
	sort.Strings(iris)
	type node struct {
		name   string
		degree int
	}
	var nodes []node
	step := max(len(iris)/200, 1)
	for i := 0; i < len(iris); i += step {
		q := fmt.Sprintf("g.V(%s).Out(%s).Limit(1).All()", strconv.Quote(iris[i]), strconv.Quote("<"+schema.RDFSLabel+">"))
		label, err := st.Query(ctx, "gizmo", q, 1)
		if err != nil {
			return "", 0, fmt.Errorf("label of %s: %w", iris[i], err)
		}
		if len(label) == 0 {
			continue
		}
		name, _ := label[0].(map[string]any)["id"].(string)
		if name == "" {
			continue
		}
		n, err := st.Query(ctx, "gizmo", hop1(v, name), limit)
		if err != nil {
			return "", 0, fmt.Errorf("neighbours of %s: %w", name, err)
		}
		if len(n) > 0 {
			nodes = append(nodes, node{name, len(n)})
		}
	}
	if len(nodes) == 0 {
		return "", 0, fmt.Errorf("no company with relations among %d", len(iris))
	}
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].degree < nodes[j].degree })
	m := nodes[len(nodes)/2]
	return m.name, m.degree, nil
}

// relPreds is the Gizmo list of the schema's relation predicates: following
// every predicate would also walk rdf:type into the class nodes, from which
// a second hop reaches every entity of the type.
func relPreds(v schema.Vocab) string {
	ps := make([]string, len(schema.Predicates))
	for i, p := range schema.Predicates {
		ps[i] = strconv.Quote("<" + v.Pred(p) + ">")
	}
	return "[" + strings.Join(ps, ",") + "]"
}

func hop1(v schema.Vocab, name string) string {
	return fmt.Sprintf("g.V(%s).Both(%s).Unique().All()", strconv.Quote("<"+v.Entity(name)+">"), relPreds(v))
}

func hop2(v schema.Vocab, name string) string {
	p := relPreds(v)
	return fmt.Sprintf("g.V(%s).Both(%s).Both(%s).Unique().All()", strconv.Quote("<"+v.Entity(name)+">"), p, p)
}

// budget bounds the timed runs of one query: a hub's 2-hop answer on a big
// store takes seconds, and 50 of them would dominate the whole benchmark.
// At least minRuns are made within the budget, at least 3 within twice it.
// A single run longer than timeout is abandoned and reported as such.
var (
	budget  = 30 * time.Second
	timeout = 20 * time.Second
)

const minRuns = 10

// errTimedOut marks a query abandoned after timeout.
var errTimedOut = errors.New("timed out")

// hop2Union asks hop2's question as unions of Out and In. It returns the
// same nodes; Cayley plans it differently (Both with a predicate list walks
// every link of those predicates on the second hop), which on a 1k-article
// store made it 5× faster.
func hop2Union(v schema.Vocab, name string) string {
	p, x := relPreds(v), strconv.Quote("<"+v.Entity(name)+">")
	return fmt.Sprintf("var a = g.V(%s).Out(%s).Union(g.V(%s).In(%s)).Unique(); a.Out(%s).Union(a.In(%s)).Unique().All()",
		x, p, x, p, p, p)
}

// timeRuns runs f once untimed (page cache, Gizmo's JS runtime), then up
// to runs times timed, stopping early once the budget is spent.
func timeRuns(runs int, f func(ctx context.Context) error) ([]time.Duration, error) {
	call := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		err := f(ctx)
		if err != nil && ctx.Err() != nil {
			return errTimedOut
		}
		return err
	}
	if err := call(); err != nil {
		return nil, err
	}
	var out []time.Duration
	start := time.Now()
	for i := 0; i < runs; i++ {
		if spent := time.Since(start); i >= minRuns && spent > budget || i >= 3 && spent > 2*budget {
			break
		}
		t := time.Now()
		if err := call(); err != nil {
			return nil, err
		}
		out = append(out, time.Since(t))
	}
	return out, nil
}

func emitTimes(key string, d []time.Duration) {
	emit(key+"_runs", strconv.Itoa(len(d)))
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	emit(key+"_median_ms", ms(quantile(d, 0.5)))
	emit(key+"_p95_ms", ms(quantile(d, 0.95)))
}

// quantile is the nearest-rank quantile of sorted durations.
func quantile(sorted []time.Duration, q float64) time.Duration {
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 2, 64) }

func emit(key, value string) { fmt.Printf("%s %s\n", key, value) }
