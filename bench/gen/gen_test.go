package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func testSeeds(t *testing.T) []*seed {
	t.Helper()
	seeds, err := loadSeeds([]string{"testdata"})
	if err != nil {
		t.Fatal(err)
	}
	return seeds
}

func TestLoadSeeds(t *testing.T) {
	seeds := testSeeds(t)
	blocks := map[string]int{}
	for _, s := range seeds {
		blocks[filepath.Base(s.path)] = len(s.blocks)
	}
	// broken.md has no front matter: skipped, not fatal.
	if len(seeds) != 3 {
		t.Errorf("%d seeds, want 3: %v", len(seeds), blocks)
	}
	// flash.md has no paragraph markup: its text becomes one block.
	want := map[string]int{"cloud.md": 7, "ev.md": 3, "flash.md": 1}
	for name, n := range want {
		if blocks[name] != n {
			t.Errorf("%s: %d blocks, want %d", name, blocks[name], n)
		}
	}
	if _, err := loadSeeds([]string{t.TempDir()}); err == nil {
		t.Error("an empty seed directory gave no error")
	}
}

func TestSplitSuffix(t *testing.T) {
	tests := []struct{ name, stem, suffix string }{
		{"华为云", "华为", "云"},
		{"小鹏汽车", "小鹏", "汽车"},
		{"中金公司", "中金", "公司"},
		{"京东", "京东", ""},
		{"阿里巴巴", "阿里巴巴", ""},
		{"天翼云", "天翼", "云"},
		{"智云", "智云", ""}, // one rune of brand would remain
	}
	for _, tc := range tests {
		stem, suffix := splitSuffix(tc.name)
		if stem != tc.stem || suffix != tc.suffix {
			t.Errorf("splitSuffix(%q) = %q, %q; want %q, %q", tc.name, stem, suffix, tc.stem, tc.suffix)
		}
	}
}

func TestBrandNamesAreDistinct(t *testing.T) {
	n := len(brandRunes)
	seen := map[string]int{}
	// Cross the two- to three-rune boundary.
	for k := 0; k < n*n+2000; k++ {
		b := brand(k)
		if prev, dup := seen[b]; dup {
			t.Fatalf("brand(%d) = brand(%d) = %q", k, prev, b)
		}
		seen[b] = k
	}
	if got := len([]rune(brand(0))); got != 2 {
		t.Errorf("brand(0) has %d runes, want 2", got)
	}
	if got := len([]rune(brand(n * n))); got != 3 {
		t.Errorf("brand(%d) has %d runes, want 3", n*n, got)
	}
	names := map[string]bool{}
	for k := range marketUniverse() {
		names[marketName(k)] = true
	}
	if len(names) != marketUniverse() {
		t.Errorf("%d distinct market names, want %d", len(names), marketUniverse())
	}
}

// newTestArticle plans an article over text with famous names never kept,
// so every company is rewritten.
func newTestArticle(text string) *article {
	u := &universe{companies: 1000, famous: map[string]bool{}, known: []string{"华为云", "华为", "阿里云", "腾讯云"}}
	sortLongestFirst(u.known)
	a := newArticle(u, rand.New(rand.NewPCG(7, 7)))
	a.planCompanies(text)
	return a
}

func TestRewriteText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, a *article, out string)
	}{
		{"unit shares the parent's stem", "华为云是华为的云业务。", func(t *testing.T, a *article, out string) {
			parent := a.company["华为"]
			if a.company["华为云"] != strings.TrimSuffix(parent, a.stems["华为"].suffix)+"云" {
				t.Errorf("华为 → %q but 华为云 → %q", parent, a.company["华为云"])
			}
			if strings.Contains(out, "华为") {
				t.Errorf("old name left in %q", out)
			}
		}},
		{"same name, same replacement", "阿里云领先，阿里云增长。", func(t *testing.T, a *article, out string) {
			n := a.company["阿里云"]
			if strings.Count(out, n) != 2 {
				t.Errorf("%q: want %q twice", out, n)
			}
		}},
		{"legal-form suffix found after a delimiter", "投资方包括博裕资本、中金公司等。", func(t *testing.T, a *article, out string) {
			for _, old := range []string{"博裕资本", "中金公司"} {
				if _, ok := a.company[old]; !ok || strings.Contains(out, old) {
					t.Errorf("%s not rewritten: %q", old, out)
				}
			}
			if !strings.Contains(out, "资本、") || !strings.HasSuffix(out, "公司等。") {
				t.Errorf("suffixes lost: %q", out)
			}
		}},
		{"market renamed with its region", "华为云位列中国IaaS公有云市场第三，中国IaaS公有云市场集中。", func(t *testing.T, a *article, out string) {
			m := regexp.MustCompile(`^(\p{Han}+)位列(.+?市场)第三，(.+?市场)集中。$`).FindStringSubmatch(out)
			if m == nil || m[2] != m[3] || strings.Contains(out, "IaaS公有云") {
				t.Errorf("markets not rewritten consistently: %q", out)
			}
		}},
		{"years shift together", "2020年增长，2021年回落，2021-2023年规划。", func(t *testing.T, a *article, out string) {
			want := strings.NewReplacer("2020", strconv.Itoa(2020+a.yearShift), "2021", strconv.Itoa(2021+a.yearShift),
				"2023", strconv.Itoa(2023+a.yearShift)).Replace("2020年增长，2021年回落，2021-2023年规划。")
			if out != want {
				t.Errorf("got %q, want %q", out, want)
			}
		}},
		{"figures keep their decimals and stay shares", "规模达2256.1亿元，份额为95%，销量460万辆。", func(t *testing.T, a *article, out string) {
			m := regexp.MustCompile(`^规模达(\d+\.\d)亿元，份额为(\d+)%，销量(\d+)万辆。$`).FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("figures mangled: %q", out)
			}
			if p, _ := strconv.Atoi(m[2]); p > 100 {
				t.Errorf("share %d%% > 100", p)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestArticle(tc.in)
			tc.check(t, a, a.rewriteText(tc.in))
		})
	}
}

func TestRewriteHTMLKeepsMarkup(t *testing.T) {
	in := `<p>2020年<a class="project-link" data-id="25167" data-name="华为" href="https://36kr.com/projectDetails/25167">华为</a>云增长38.7%<img src="https://img.example/2020/v2_img_000" data-img-size-val="1080,763"></p>`
	a := newTestArticle(in)
	out := a.rewriteHTML(in)
	tags := regexp.MustCompile(`<[^>]*>`)
	inTags, outTags := tags.FindAllString(in, -1), tags.FindAllString(out, -1)
	if len(inTags) != len(outTags) {
		t.Fatalf("tag count changed: %q", out)
	}
	for i := range inTags {
		want := strings.Replace(inTags[i], `data-name="华为"`, `data-name="`+a.company["华为"]+`"`, 1)
		if outTags[i] != want {
			t.Errorf("tag %d: got %s, want %s", i, outTags[i], want)
		}
	}
	if !strings.Contains(out, ">"+a.company["华为"]+"</a>云") {
		t.Errorf("link text not renamed like its data-name: %q", out)
	}
}

func TestGenerate(t *testing.T) {
	gen := func(seed uint64) (string, map[string]string) {
		dir := t.TempDir()
		if _, err := generate(options{n: 40, seed: seed, out: dir, seeds: []string{"testdata"}, size: 2000}); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = string(b)
		}
		return dir, files
	}
	_, a := gen(1)
	_, b := gen(1)
	_, c := gen(2)
	if len(a) != 40 {
		t.Fatalf("%d files, want 40", len(a))
	}
	same := 0
	for name, text := range a {
		if b[name] != text {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
		if c[name] == text {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d articles identical under another seed", same)
	}

	names := map[string]bool{}
	total := 0
	dataName := regexp.MustCompile(`data-name="([^"]+)"`)
	for name, text := range a {
		total += len(text)
		if !strings.HasPrefix(text, "---\ntitle: '") || !strings.Contains(text, "\n---\n\n<div>") {
			t.Errorf("%s: front matter not in the seeds' form", name)
		}
		for _, m := range dataName.FindAllStringSubmatch(text, -1) {
			names[m[1]] = true
		}
	}
	// The seeds link 5 companies; rewriting must spread them over many.
	if len(names) < 30 {
		t.Errorf("only %d distinct linked companies in 40 articles: %v", len(names), names)
	}
	// Blocks overshoot the target by up to one paragraph; the mean must
	// still be near -size.
	if mean := total / len(a); mean < 1600 || mean > 3000 {
		t.Errorf("mean article size %d bytes, want about 2000", mean)
	}
}
