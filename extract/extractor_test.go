package extract

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgbgraph/kgb/schema"
)

const seedArticle = "../testdata/cloud-report-2021.md"

func TestSeedArticle(t *testing.T) {
	x := testExtractor(t)
	r, err := x.ExtractFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	if r.Doc.ID != "cloud-report-2021" || r.Doc.Date != "2021-07-14T07:56:46Z" || r.Doc.Source != seedArticle ||
		r.Doc.Title != "2021年中国基础云服务行业发展洞察报告" || len(r.Doc.Hash) != 64 || r.Doc.Author != "36kr" {
		t.Errorf("doc = %+v", r.Doc)
	}
	must := []struct {
		subj string
		p    schema.Predicate
		obj  string
		rank int
		upTo int
	}{
		{"华为云", schema.RanksIn, "中国IaaS公有云市场", 3, 0},
		{"阿里云", schema.RanksIn, "中国IaaS公有云市场", 0, 2},
		{"腾讯云", schema.RanksIn, "中国IaaS公有云市场", 0, 2},
		{"疫情", schema.Drives, "公有云市场", 0, 0},
		{"行业云", schema.Drives, "非公有云市场", 0, 0},
		{"工业互联网创新发展行动计划（2021-2023年）", schema.Targets, "制造业", 0, 0},
	}
	for _, m := range must {
		rel := findRelation(r, m.subj, m.p, m.obj)
		if rel == nil {
			t.Errorf("missing %s -%s-> %s", m.subj, m.p, m.obj)
			continue
		}
		if rel.Rank != m.rank || rel.RankUpTo != m.upTo {
			t.Errorf("%s ranksIn: rank %d upTo %d, want %d %d", m.subj, rel.Rank, rel.RankUpTo, m.rank, m.upTo)
		}
	}
	// 36kr's auto-links that split words must not become entities
	for _, trap := range []string{"云能", "得到", "网音", "型云", "云领域", "速拓", "造作", "合纵连横", "多聚"} {
		if e := findEntity(r, trap); e != nil {
			t.Errorf("trap %s extracted as %s", trap, e.Type)
		}
	}
	// every relation end is an entity, every relation has its sentence
	names := map[string]bool{}
	for _, e := range r.Entities {
		names[e.Name] = true
	}
	for _, rel := range r.Relations {
		if !names[rel.Subject] || !names[rel.Object] || rel.Evidence == "" || !rel.Predicate.Valid() {
			t.Errorf("bad relation %+v", rel)
		}
	}
}

func TestExtractDeterministicAndConcurrent(t *testing.T) {
	x := testExtractor(t)
	paths, err := filepath.Glob("../testdata/*.md")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample articles: %v", err)
	}
	want := map[string]string{}
	for _, p := range paths {
		r, err := x.ExtractFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		want[p] = string(b)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(paths))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range paths {
				r, err := x.ExtractFile(p)
				if err != nil {
					errs <- err.Error()
					continue
				}
				if b, _ := json.Marshal(r); string(b) != want[p] {
					errs <- p + ": output differs between runs"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestEmptyArticle(t *testing.T) {
	r := extractBody(t, "---\ntitle: 空\n---\n")
	if r.Entities == nil || r.Relations == nil || r.Metrics == nil {
		t.Errorf("empty article should give empty lists, not null: %+v", r)
	}
}

func TestUserLexicon(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "companies.txt"), "星链数科\tXLink\n"); err != nil {
		t.Fatal(err)
	}
	x, err := New(Options{LexiconDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse("u.md", []byte("星链数科和XLink是同一家公司。"))
	if err != nil {
		t.Fatal(err)
	}
	r := x.Extract(a)
	e := findEntity(r, "星链数科")
	if e == nil || e.Type != schema.Company || e.Mentions != 2 {
		t.Fatalf("user lexicon entry not used: %s", entityNames(r))
	}
	if _, err := New(Options{LexiconDirs: []string{filepath.Join(dir, "missing")}}); err == nil {
		t.Error("a missing lexicon dir should be an error")
	}
}

// TestLargeInput: a long article without paragraphs or full stops must not
// make extraction quadratic.
func TestLargeInput(t *testing.T) {
	var b strings.Builder
	for b.Len() < 400_000 {
		b.WriteString("阿里云、腾讯云和华为云推动公有云市场增长，疫情加速企业上云，")
	}
	start := time.Now()
	r := extractBody(t, b.String())
	if len(r.Entities) == 0 || len(r.Relations) == 0 {
		t.Fatalf("nothing found in a long text: %d entities", len(r.Entities))
	}
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("400 kB took %v", d)
	}
}
