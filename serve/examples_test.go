package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
)

// sampleDir holds the articles the example queries are checked against.
const sampleDir = "../testdata"

var sample struct {
	once sync.Once
	dir  string
	err  error
}

// sampleStore opens, read-only, a store built once per test run from the
// sample articles with the real extractor.
func sampleStore(t *testing.T) *graph.Store {
	t.Helper()
	sample.once.Do(func() { sample.dir, sample.err = buildSampleStore() })
	if sample.err != nil {
		t.Fatal(sample.err)
	}
	st, err := graph.Open(graph.Options{Path: sample.dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func buildSampleStore() (string, error) {
	files, err := filepath.Glob(filepath.Join(sampleDir, "*.md"))
	if err != nil || len(files) == 0 {
		return "", fmt.Errorf("no sample articles in %s", sampleDir)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return "", err
	}
	var results []*extract.Result
	for _, f := range files {
		r, err := x.ExtractFile(f)
		if err != nil {
			return "", err
		}
		results = append(results, r)
	}
	dir, err := os.MkdirTemp("", "kgb-serve-test-")
	if err != nil {
		return "", err
	}
	st, err := graph.Open(graph.Options{Path: dir})
	if err != nil {
		return dir, err
	}
	if _, err := st.PutArticles(results); err != nil {
		st.Close()
		return dir, err
	}
	return dir, st.Close()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sample.dir != "" {
		os.RemoveAll(sample.dir)
	}
	os.Exit(code)
}

type row = map[string]any

// exampleWants are, per examples/*.gizmo, rows that must be among its
// results (only the listed fields are compared). They restate what the
// sample articles say, e.g. cloud-report-2021: 华为云…跃升至中国IaaS公有云市场的第三位.
var exampleWants = map[string][]row{
	"market-ranking": {
		{"vendor": "华为云", "rank": 3},
		{"vendor": "阿里云", "rankUpTo": 2},
		{"vendor": "腾讯云", "rankUpTo": 2},
	},
	"drivers": {
		{"driver": "疫情"},
	},
	"market-metrics": {
		// 助力公有云市场规模在再创新高，在2020年达到1500亿元。
		{"measure": "市场规模", "value": 150000000000, "unit": "CNY", "period": "2020"},
	},
	"policy-targets": {
		{"policy": "工业互联网创新发展行动计划（2021-2023年）", "target": "制造业", "targetType": "<https://kgb.example/schema/Industry>", "article": "<https://kgb.example/article/cloud-report-2021>"},
	},
	"policy-industry-actors": {
		// The plan aims at 企业上云, which 疫情 drives (加速企业上云).
		{"policy": "工业互联网创新发展行动计划（2021-2023年）", "target": "企业上云", "via": "<https://kgb.example/schema/drives>", "actor": "疫情"},
	},
	"visualize": {
		{"source": "<https://kgb.example/entity/%E7%96%AB%E6%83%85>", "target": "<https://kgb.example/entity/%E4%BC%81%E4%B8%9A%E4%B8%8A%E4%BA%91>"}, // 疫情 → 企业上云
	},
	"article-facts": {
		{"subject": "华为云", "predicate": "<https://kgb.example/schema/ranksIn>", "object": "中国IaaS公有云市场"},
		{"subject": "公有云市场", "measure": "市场规模", "value": 150000000000, "unit": "CNY", "period": "2020"},
	},
}

// noStartNode finds a traversal that starts from every node in the graph.
var noStartNode = regexp.MustCompile(`\bg\.V\(\s*\)|\bg\.Vertex\(\s*\)`)

func TestExamples(t *testing.T) {
	files, err := filepath.Glob("../examples/*.gizmo")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in ../examples: %v", err)
	}
	base := serveStore(t, sampleStore(t), Options{})
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".gizmo")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if noStartNode.Match(src) {
				t.Errorf("%s starts a traversal from all nodes; start from a node", f)
			}
			want, ok := exampleWants[name]
			if !ok {
				t.Fatalf("%s has no expected rows in exampleWants", f)
			}
			rows := gizmo(t, base, string(src))
			for _, w := range want {
				if !hasRow(rows, w) {
					t.Errorf("no row with %v among %d rows:\n%s", w, len(rows), dump(rows))
				}
			}
		})
	}
}

func hasRow(rows []row, want row) bool {
	for _, r := range rows {
		match := true
		for k, v := range want {
			if !same(r[k], v) {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// same compares a JSON-decoded value with an expected one; numbers by
// value, whatever their Go type.
func same(got, want any) bool {
	if g, ok := number(got); ok {
		w, ok := number(want)
		return ok && g == w
	}
	return fmt.Sprint(got) == fmt.Sprint(want)
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}

func dump(rows []row) string {
	var b strings.Builder
	for i, r := range rows {
		if i == 20 {
			fmt.Fprintf(&b, "… %d more\n", len(rows)-i)
			break
		}
		j, _ := json.Marshal(r)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// The Visualize view draws rows that have "source" and "target" nodes,
// as the UI asks for them: in JSON-LD, where a node is {"@id": IRI}.
func TestVisualizeExampleDrawsEdges(t *testing.T) {
	src, err := os.ReadFile("../examples/visualize.gizmo")
	if err != nil {
		t.Fatal(err)
	}
	base := serveStore(t, sampleStore(t), Options{})
	req, _ := http.NewRequest("POST", base+"/api/v2/query?lang=gizmo", strings.NewReader(string(src)))
	req.Header.Set("Accept", "application/ld+json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Result []map[string]any `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("visualize: %d %v", resp.StatusCode, err)
	}
	edges := 0
	for _, r := range out.Result {
		if strings.HasPrefix(nodeID(r["source"]), "https://kgb.example/entity/") && strings.HasPrefix(nodeID(r["target"]), "https://kgb.example/entity/") {
			edges++
		}
	}
	if edges < 3 {
		t.Errorf("visualize: %d entity→entity edges, want at least 3; rows: %v", edges, out.Result)
	}
}

// nodeID is the IRI of a JSON-LD node, or "".
func nodeID(v any) string {
	m, _ := v.(map[string]any)
	id, _ := m["@id"].(string)
	return id
}
