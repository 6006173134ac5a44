package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgbgraph/kgb/extract"
)

const seed = "../../testdata/cloud-report-2021.md"

// run executes kgb with args in-process and returns its standard output.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no user config file
	cmd := newRootCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, err := run(t, args...)
	if err != nil {
		t.Fatalf("kgb %s: %v", strings.Join(args, " "), err)
	}
	return out
}

// TestExtractSeed checks the facts the seed article must yield (issue
// "Foundation", point 1) through the CLI's JSON output.
func TestExtractSeed(t *testing.T) {
	var res extract.Result
	if err := json.Unmarshal([]byte(mustRun(t, "extract", "--json", seed)), &res); err != nil {
		t.Fatal(err)
	}
	type rel struct {
		s, p, o        string
		rank, rankUpTo int
	}
	has := func(want rel) bool {
		for _, r := range res.Relations {
			if r.Subject == want.s && string(r.Predicate) == want.p && r.Object == want.o &&
				r.Rank == want.rank && r.RankUpTo == want.rankUpTo && r.Evidence != "" {
				return true
			}
		}
		return false
	}
	for _, want := range []rel{
		{"华为云", "ranksIn", "中国IaaS公有云市场", 3, 0},
		{"阿里云", "ranksIn", "中国IaaS公有云市场", 0, 2},
		{"腾讯云", "ranksIn", "中国IaaS公有云市场", 0, 2},
		{"疫情", "drives", "公有云市场", 0, 0},
		{"行业云", "drives", "非公有云市场", 0, 0},
		{"工业互联网创新发展行动计划（2021-2023年）", "targets", "制造业", 0, 0},
	} {
		if !has(want) {
			t.Errorf("missing relation %+v", want)
		}
	}
	type met struct {
		value  float64
		unit   string
		period string
	}
	for _, want := range []met{{225610000000, "CNY", "2020"}, {150000000000, "CNY", "2020"}, {40, "percent", "2020"}, {75.1, "percent", ""}} {
		found := false
		for _, m := range res.Metrics {
			if m.Value == want.value && m.Unit == want.unit && (want.period == "" || m.Period == want.period) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing metric %+v", want)
		}
	}
	traps := map[string]bool{"得到": true, "云能": true, "网音": true, "型云": true, "速拓": true, "造作": true, "多聚": true, "合纵连横": true, "云领域": true}
	for _, e := range res.Entities {
		if traps[e.Name] {
			t.Errorf("trap extracted as an entity: %s", e.Name)
		}
	}
}

// TestBuildLookup is the graph round trip through the CLI: build, rebuild
// (same quad count), lookup by name and alias, unknown name, query.
func TestBuildLookup(t *testing.T) {
	store := filepath.Join(t.TempDir(), "store")
	mustRun(t, "build", "--store", store, seed)
	stats1 := mustRun(t, "stats", "--json", "--store", store)
	mustRun(t, "build", "--store", store, "--force", seed)
	if stats2 := mustRun(t, "stats", "--json", "--store", store); stats2 != stats1 {
		t.Errorf("rebuild changed the store:\n%s\n%s", stats1, stats2)
	}

	out := mustRun(t, "lookup", "--store", store, "华为云")
	for _, want := range []string{"ranksIn", "中国IaaS公有云市场", "rank 3", "跃升至中国IaaS公有云市场的第三位", "2021年中国基础云服务行业发展洞察报告"} {
		if !strings.Contains(out, want) {
			t.Errorf("lookup 华为云: no %q in\n%s", want, out)
		}
	}
	if out := mustRun(t, "lookup", "--store", store, "腾讯"); !strings.Contains(out, "腾讯云") {
		t.Errorf("lookup 腾讯 did not find 腾讯云:\n%s", out)
	}
	if _, err := run(t, "lookup", "--store", store, "华为去"); err == nil || !strings.Contains(err.Error(), "华为云") {
		t.Errorf("unknown name: want an error suggesting 华为云, got %v", err)
	}
	if out := mustRun(t, "query", "--store", store, "--file", "../../examples/market-ranking.gizmo"); !strings.Contains(out, "华为云") {
		t.Errorf("example query: no 华为云 in\n%s", out)
	}
	if out := mustRun(t, "path", "--store", store, "阿里云", "华为云"); !strings.Contains(out, "中国IaaS公有云市场") {
		t.Errorf("path 阿里云 华为云:\n%s", out)
	}
}

func TestExtractBadFile(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "missing.md")
	if _, err := run(t, "extract", "--json", bad); err == nil {
		t.Fatal("want an error for a missing file")
	}
}
